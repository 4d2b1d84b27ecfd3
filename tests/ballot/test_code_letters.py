"""Voting-code letters and cards, read back: pypdf for the text, pdftoppm + zxing-cpp for the QR codes.

Codes are secrets, so these tests also check that a code never reaches the
PDF's metadata, an error message or the log.
"""

from __future__ import annotations

import io
import logging
import random
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from ballot.code_letters import CARDS_PER_PAGE, render_code_cards, render_code_letters
from ballot.manifest import load_manifest
from ballot.manifest_model import Election, short_fingerprint
from ballot.pdf_common import PrintoutError
from ballot.samples import sample_manifest
from crypto.codes import _code_from_bytes, parse_code

needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) not installed")


@pytest.fixture(scope="module")
def election() -> Election:
    return load_manifest(sample_manifest())


def codes(n: int, seed: int = 0) -> list[str]:
    """Distinct, well-formed voting codes from a seeded generator (the spec vectors' builder)."""
    rng = random.Random(seed)
    out = list(dict.fromkeys(_code_from_bytes(rng.randbytes(15)) for _ in range(n)))
    assert n == len(out)
    return out


def pages_text(pdf: bytes) -> list[str]:
    return [str(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def qr_per_page(pdf: bytes, folder: Path, dpi: int = 100) -> list[list[str]]:
    """Rasterise every page with pdftoppm and decode its QR codes, top to bottom, left to right."""
    source = folder / "codes.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", source, folder / "page"], check=True, capture_output=True)
    out = []
    for png in sorted(folder.glob("page-*.png")):
        found = zxingcpp.read_barcodes(Image.open(png), formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
        found.sort(key=lambda b: (round(b.position.top_left.y / 50), b.position.top_left.x))
        out.append([str(b.text) for b in found])
    return out


# ---------------------------------------------------------------- letters


@needs_poppler
def test_letters_round_trip_code_in_text_and_qr(election: Election, tmp_path: Path) -> None:
    batch = codes(6)
    pdf = render_code_letters(batch, election)
    texts = pages_text(pdf)
    assert len(batch) == len(texts)
    for code, text in zip(batch, texts, strict=True):
        assert code in text
        assert [c for c in batch if c in text] == [code]  # one code per letter
    assert [[c] for c in batch] == qr_per_page(pdf, tmp_path)  # payload: exactly the grouped code


def test_letters_say_what_to_do_in_every_election_language(election: Election) -> None:
    [text] = pages_text(render_code_letters(codes(1), election))
    flat = " ".join(text.split())
    for lang in election.languages:
        assert " ".join(election.title.get(lang).split()) in flat
    assert "Voting is open from 1 March 2027, 08:00 to 14 March 2027, 20:00." in flat
    assert "2027 年 3 月 1 日 08:00 至 2027 年 3 月 14 日 20:00" in flat
    assert "scan or type" in flat.lower() or "Scan this code" in flat
    assert "Keep it secret" in flat
    assert "It can be used once." in flat
    assert "掃描或輸入此投票碼" in flat
    assert "此碼只能使用一次" in flat
    assert short_fingerprint(election.fingerprint) in flat


def test_letters_are_reproducible(election: Election) -> None:
    batch = codes(3)
    assert render_code_letters(batch, election) == render_code_letters(batch, election)


# ---------------------------------------------------------------- cards


@needs_poppler
def test_cards_round_trip_every_code(election: Election, tmp_path: Path) -> None:
    batch = codes(CARDS_PER_PAGE + 3, seed=1)
    pdf = render_code_cards(batch, election)
    texts = pages_text(pdf)
    assert 2 == len(texts)
    assert batch[:CARDS_PER_PAGE] == [c for c in batch if c in texts[0]]
    assert batch[CARDS_PER_PAGE:] == [c for c in batch if c in texts[1]]
    assert [batch[:CARDS_PER_PAGE], batch[CARDS_PER_PAGE:]] == qr_per_page(pdf, tmp_path, dpi=150)


def test_cards_carry_the_instruction_in_each_language(election: Election) -> None:
    first = " ".join(pages_text(render_code_cards(codes(1), election))[0].split())
    assert "Keep it secret; it can be used once." in first
    assert "請在投票機或投票 App 掃描或輸入此碼" in first


# ---------------------------------------------------------------- codes are secrets


def test_codes_are_normalised_and_checked(election: Election) -> None:
    [code] = codes(1)
    text = pages_text(render_code_letters([code.lower()], election))[0]
    assert code in text


@pytest.mark.parametrize("render", [render_code_letters, render_code_cards])
def test_a_bad_code_is_named_by_index_never_quoted(election: Election,
                                                   render: Callable[[Sequence[str], Election], bytes]) -> None:
    good, other = codes(2)
    typo = other[:-1] + ("0" if other[-1] != "0" else "1")
    with pytest.raises(PrintoutError, match=r"codes\[1\]") as caught:
        render([good, typo], election)
    assert typo not in str(caught.value)
    assert typo.replace("-", "") not in str(caught.value)


def test_empty_and_string_inputs_are_refused(election: Election) -> None:
    with pytest.raises(PrintoutError, match="nothing to print"):
        render_code_letters([], election)
    with pytest.raises(PrintoutError, match="one string"):
        render_code_letters(codes(1)[0], election)


def test_codes_never_reach_metadata_or_logs(election: Election, caplog: pytest.LogCaptureFixture) -> None:
    batch = codes(3)
    with caplog.at_level(logging.DEBUG):
        letters = render_code_letters(batch, election)
        cards = render_code_cards(batch, election)
    for pdf in (letters, cards):
        info = dict(PdfReader(io.BytesIO(pdf)).metadata or {})
        for code in batch:
            assert all(code not in str(v) for v in info.values())
    for code in batch:
        assert code not in caplog.text
        assert parse_code(code) == code


# ---------------------------------------------------------------- volume


@pytest.mark.slow
def test_a_thousand_letters_and_cards(election: Election) -> None:
    batch = codes(1000, seed=2)
    start = time.perf_counter()
    letters = render_code_letters(batch, election)
    middle = time.perf_counter()
    cards = render_code_cards(batch, election)
    end = time.perf_counter()
    reader = PdfReader(io.BytesIO(letters))
    assert 1000 == len(reader.pages)
    assert batch[999] in reader.pages[999].extract_text()
    assert 100 == len(PdfReader(io.BytesIO(cards)).pages)
    assert middle - start < 120 and end - middle < 120, (middle - start, end - middle)
