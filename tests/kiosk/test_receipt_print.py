"""The receipt printed through QPrinter: real PDFs read back (pypdf, pdftoppm + zxing), and a printer that fails."""

from __future__ import annotations

import random
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from ballot.manifest import load_manifest
from ballot.manifest_model import Election
from ballot.receipts import Receipt, sign_receipt
from ballot.samples import sample_manifest
from crypto.signatures import generate_signing_key
from kiosk.app import build_window, parse_args
from kiosk.errors import KioskError
from kiosk.flow import State
from kiosk.ops import VotingService
from kiosk.printing import NamedPrinter, PdfFolderPrinter, printer_from_option
from kiosk.qt import QApplication, Qt
from kiosk.theme import install_font
from kiosk.window import KioskWindow
from tests.ballot.box_setup import prepare_election
from tests.kiosk.conftest import fixed_clock

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) not installed")

MM = 72 / 25.4
SHEETS = {"a4": (595, 842), "letter": (612, 792)}


@pytest.fixture(scope="module")
def election() -> Election:
    return load_manifest(sample_manifest("taipei-daan"))


@pytest.fixture
def app(qapp) -> QApplication:  # type: ignore[no-untyped-def]
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    install_font(instance)
    return instance


def receipt_of(election: Election, seed: int) -> Receipt:
    rng = random.Random(seed)
    return sign_receipt(generate_signing_key(), election.fingerprint, rng.randbytes(32), rng.randrange(10**9),
                        rng.randbytes(32))


def print_pdf(tmp_path: Path, receipt: Receipt, election: Election, lang: str, paper: str) -> Path:
    folder = tmp_path / f"{lang}-{paper}"
    PdfFolderPrinter(folder, paper).print_receipt(receipt, election, lang)
    files = list(folder.iterdir())
    assert [folder / f"receipt-{receipt.tracking_code.short}.pdf"] == files  # no .part left behind
    return files[0]


@needs_poppler
@pytest.mark.parametrize("paper", ["roll80", "a4", "letter"])
@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_printed_pdf_holds_the_receipt_and_nothing_of_the_ballot(app, tmp_path: Path, election: Election,  # type: ignore[no-untyped-def]
                                                                 lang: str, paper: str) -> None:
    receipt = receipt_of(election, 7)
    path = print_pdf(tmp_path, receipt, election, lang, paper)
    page = PdfReader(path).pages[0]
    text = " ".join(str(page.extract_text()).split())  # Qt's PDF separates words with tabs
    code = receipt.tracking_code.short
    flat = text.replace(" ", "")
    assert code.replace("-", "") in flat.replace("-", ""), text  # two lines on the roll, one on a sheet
    assert str(receipt.position) in text
    assert ("追蹤碼" if lang == "zh-TW" else "Tracking code") in text  # the CJK font is embedded with its text
    for project in election.projects:  # the receipt names no project, in any language
        assert project.id not in text
        for words in (project.title.get("en"), project.title.get("zh-TW")):
            assert words not in text
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    if paper == "roll80":
        assert abs(width - 80 * MM) < 1.5 and 120 * MM < height < 300 * MM
    else:
        assert (round(width), round(height)) == SHEETS[paper]
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(path), str(tmp_path / "page")],
                   check=True, capture_output=True)
    image = Image.open(tmp_path / "page.png")
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
    assert [receipt.qr_payload()] == [str(b.text) for b in found]
    assert Receipt.from_qr_payload(str(found[0].text)) == receipt


def test_printer_option(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert printer_from_option(None, "roll80") is None
    folder = printer_from_option(f"pdf:{tmp_path}", "letter")
    assert isinstance(folder, PdfFolderPrinter) and (folder.folder, folder.paper) == (tmp_path, "letter")
    with pytest.raises(KioskError, match="no printer named 'no-such-printer'"):
        printer_from_option("no-such-printer", "roll80")
    with pytest.raises(KioskError, match="unknown paper"):
        printer_from_option(f"pdf:{tmp_path}", "a5")
    options = parse_args(["--printer", "pdf:/tmp/r", "--paper", "a4"])
    assert (options.printer, options.paper) == ("pdf:/tmp/r", "a4")
    assert (None, "roll80") == (parse_args([]).printer, parse_args([]).paper)
    with pytest.raises(SystemExit):
        parse_args(["--paper", "a5"])


def test_a_named_printer_that_is_gone_fails_plainly(app, election: Election) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KioskError, match="cannot be opened"):
        NamedPrinter("unplugged-thermal", "roll80").print_receipt(receipt_of(election, 1), election, "en")


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[tuple[KioskWindow, list[str], Path]]:  # type: ignore[no-untyped-def]
    """A casting window whose printer saves PDFs into a folder that is, for now, a plain file (so it fails)."""
    ready = prepare_election(f"sqlite:///{tmp_path / 'box.sqlite3'}", 1, sample="school-points")
    blocked = tmp_path / "receipts"
    blocked.write_text("not a folder")
    w = build_window(ready.election, clock=fixed_clock, service=VotingService(ready.box()),
                     printer=PdfFolderPrinter(blocked, "roll80"))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    yield w, ready.codes, blocked
    w.close()


def test_a_failed_print_keeps_the_receipt_on_screen_and_can_be_retried(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    w, codes, blocked = window
    w.flow.set_language("en")
    w.flow.start()
    qtbot.keyClicks(w.eligibility.entry, codes[0] + "\r")
    qtbot.waitUntil(lambda: w.flow.state is State.BALLOT, timeout=10_000)
    w.flow.add_point(next(iter(w.ballot.cards)))
    w.flow.review()
    w.review.continue_button.click()
    qtbot.waitUntil(lambda: w.flow.state is State.CHOICE, timeout=10_000)
    w.cast.cast_button.click()
    qtbot.waitUntil(lambda: w.flow.state is State.RECEIPT, timeout=10_000)
    receipt = w.flow.receipt
    assert receipt is not None
    qtbot.mouseClick(w.receipt.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(w.error_notice.isVisible, timeout=10_000)
    shown = " ".join(label.text() for label in w.error_notice.findChildren(type(w.receipt.code)))
    assert "The receipt did not print" in shown and "Traceback" not in shown and str(blocked) not in shown
    assert w.flow.state is State.RECEIPT and receipt.tracking_code.short == w.receipt.code.text()
    assert w.receipt.print_button.isEnabled()  # another try is allowed
    blocked.unlink()  # the attendant fixed the printer
    qtbot.mouseClick(w.error_notice.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.receipt.printing == "done", timeout=10_000)
    assert (blocked / f"receipt-{receipt.tracking_code.short}.pdf").is_file()
    assert w.flow.state is State.RECEIPT
