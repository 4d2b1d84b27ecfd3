"""The signed polls report: figures from the board's own open/close entry, signature, PDF read back."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image

from ballot.authority import unlock_board_key
from ballot.board import current_head
from ballot.errors import StorageError
from ballot.pdf_common import PrintoutError
from ballot.polls import close_polls
from ballot.polls_report_pdf import PollsReport, polls_report, render_polls_report_pdf
from crypto.errors import CryptoError
from tests.ballot.box_setup import BOARD_PASSPHRASE, Ready, prepare_election

AT = datetime(2027, 3, 5, 18, 0, 5, tzinfo=UTC)


@pytest.fixture(scope="module")
def closed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Ready, PollsReport, PollsReport]:
    """An election with 3 ballots (one at a kiosk) and one spoiled, then closed; both reports signed."""
    url = f"sqlite:///{tmp_path_factory.mktemp('report') / 'box.sqlite3'}"
    ready = prepare_election(url, 4)
    with ready.store.read() as s:
        key = unlock_board_key(s, BOARD_PASSPHRASE)
        opened = polls_report(s, ready.election, "open", AT).signed(key)
    box = ready.box()
    for i, code in enumerate(ready.codes[:3]):
        box.cast(ready.ballot(code, kiosk=i == 0).to_bytes())
    spoil = ready.ballot(ready.codes[3])
    box.spoil(spoil.to_bytes(), spoil.values, spoil.nonces)
    with ready.store.write() as s:
        close_polls(s, key)
    with ready.store.read() as s:
        closing = polls_report(s, ready.election, "close", AT).signed(key)
    return ready, opened, closing


def test_reports_state_the_boards_own_figures(closed: tuple[Ready, PollsReport, PollsReport]) -> None:
    ready, opened, closing = closed
    assert (0, 0, 0, 4, 1) == (opened.position, opened.ballots, opened.spoiled, opened.credentials, opened.kiosks)
    assert 1 == opened.board_size
    with ready.store.read() as s:
        head, polls = current_head(s, ready.election.fingerprint)
    assert "closed" == polls
    assert (5, 3, 1) == (closing.position, closing.ballots, closing.spoiled)
    assert (head.size, head.head_hash) == (closing.board_size, closing.head_hash)
    assert closing.entry_hash == closing.head_hash  # the close entry is the last one


def test_signature_covers_every_figure(closed: tuple[Ready, PollsReport, PollsReport]) -> None:
    _, _, closing = closed
    closing.verify_signature()
    doc = json.loads(closing.to_canonical_bytes())
    assert "pbvote-polls-report/1" == doc["format"] and 3 == doc["ballots"]
    forged = PollsReport(**{**{f: getattr(closing, f) for f in PollsReport.__slots__}, "ballots": 4})  # type: ignore[arg-type]
    with pytest.raises(CryptoError):
        forged.verify_signature()


def test_no_report_before_the_entry_exists(tmp_path: Path) -> None:
    ready = prepare_election(f"sqlite:///{tmp_path / 'box.sqlite3'}", 1, open_now=False)
    with ready.store.read() as s, pytest.raises(StorageError, match="no 'open' entry"):
        polls_report(s, ready.election, "open", AT)


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_pdf_reads_back_with_figures_and_signed_qr(closed: tuple[Ready, PollsReport, PollsReport],
                                                   tmp_path: Path, lang: str) -> None:
    ready, _, closing = closed
    pdf = render_polls_report_pdf(closing, ready.election, lang)
    assert pdf == render_polls_report_pdf(closing, ready.election, lang)  # reproducible
    assert b"CreationDate" not in pdf or b"D:20000101" in pdf
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    words = {"en": ("Polls closed: report", "Ballots cast", "Poll worker"),
             "zh-TW": ("結束投票報告", "已投選票", "見證人")}[lang]
    for word in words:
        assert word in text
    assert ready.election.title.get(lang).split()[0] in text
    assert closing.signature.hex()[:8] in text.replace(" ", "")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm missing")
    (tmp_path / "r.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(tmp_path / "r.pdf"), str(tmp_path / "r")],
                   check=True)
    found = zxingcpp.read_barcodes(Image.open(tmp_path / "r.png"))
    assert [closing.to_canonical_bytes().decode()] == [b.text for b in found]


def test_refuses_unsigned_foreign_or_unknown_language(closed: tuple[Ready, PollsReport, PollsReport]) -> None:
    ready, opened, _ = closed
    unsigned = PollsReport(**{**{f: getattr(opened, f) for f in PollsReport.__slots__}, "signature": b""})  # type: ignore[arg-type]
    with pytest.raises(PrintoutError, match="not signed"):
        render_polls_report_pdf(unsigned, ready.election, "en")
    with pytest.raises(PrintoutError, match="language"):
        render_polls_report_pdf(opened, ready.election, "fr")
