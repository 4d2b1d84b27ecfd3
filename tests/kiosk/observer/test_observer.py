"""The observer screen driven for real: demo records verified off the GUI thread, receipts typed and photographed."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QUrl
from PySide6.QtGui import QDropEvent

from kiosk.app import parse_args, run
from kiosk.observer import ObserverWindow
from kiosk.observer.texts import ReceiptOutcome
from kiosk.qt import QApplication, QLabel, Qt
from kiosk.theme import install_font
from tally.verify.codes import display, short_code, tracking_hash

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

VERIFY_MS = 180_000
"""Enough for a 5-ballot record on two loaded cores, worker processes started included."""


def fixed_clock() -> datetime:
    return datetime(2027, 3, 15, 9, 30, tzinfo=UTC)


@pytest.fixture
def observe(qtbot) -> Callable[..., ObserverWindow]:  # type: ignore[no-untyped-def]
    """Open the observer window (English unless asked) on a record, and wait for its report."""

    def make(record: Path | None = None, *, jobs: int | None = 1, language: str = "en") -> ObserverWindow:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        install_font(app)
        window = ObserverWindow(record, jobs=jobs, clock=fixed_clock, language=language, camera=False)
        qtbot.addWidget(window)
        window.resize(1280, 900)
        window.show()
        if record is not None:
            qtbot.waitUntil(lambda: window.verified is not None, timeout=VERIFY_MS)
        return window

    return make


def screen_text(window: ObserverWindow) -> str:
    """Every label the window shows (the text a resident could read)."""
    return "\n".join(lab.text() for lab in window.findChildren(QLabel) if lab.isVisibleTo(window))


def check_rows(window: ObserverWindow) -> list[tuple[str, str]]:
    """(mark, title) of each row of the report's checks grid."""
    grid = window.report_page.checks
    rows = []
    for row in range(grid.rowCount()):
        mark, title = grid.itemAtPosition(row, 0), grid.itemAtPosition(row, 1)
        if mark is not None and title is not None:
            rows.append((mark.widget().text(), title.widget().text()))  # type: ignore[union-attr]
    return rows


def test_a_demo_record_verifies_valid_with_worker_processes_and_saves_its_report(
        observe, observer_demo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = observe(observer_demo / "record.zip", jobs=None)  # every core: spawned processes from the Qt app
    assert window.report_page is window.current_page()
    assert window.verified.report.valid
    assert window.report_page.verdict.text() == "✔ VALID"
    rows = check_rows(window)
    assert len(window.verified.report.checks) == len(rows)
    assert all(mark == "✔ pass" for mark, _title in rows)
    assert "Vote counts" in [title for _mark, title in rows]
    text = screen_text(window)
    assert "Da'an District Participatory Budget 2027  [taipei-daan-2027]" in text
    assert window.verified.summary.fingerprint in text
    assert "NOT VERIFIED" not in text
    assert "Shade trees for Yongkang Park (n01)" in text
    window.save_report(tmp_path / "report.html")
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "&#10004; VALID" in html and "2027-03-15T09:30:00+00:00" in html
    assert f"Report saved to {tmp_path / 'report.html'}" in screen_text(window)
    window.set_language("zh-TW")
    assert "有效" in window.report_page.verdict.text()
    assert "大安區參與式預算 2027" in screen_text(window)


def test_a_tampered_record_is_invalid_naming_the_failed_check(observe, tampered_record: Path) -> None:  # type: ignore[no-untyped-def]
    window = observe(tampered_record)
    assert not window.verified.report.valid
    assert window.report_page.verdict.text() == "✘ INVALID"
    failed = [title for mark, title in check_rows(window) if mark == "✘ FAIL"]
    assert "Vote counts" in failed
    assert "Vote counts" in window.report_page.verdict_detail.text()
    text = screen_text(window)
    assert "results.json says" in text
    assert "NOT VERIFIED: these are the published results" in text


def test_receipts_typed_found_typo_and_not_on_the_board(qtbot, observe, observer_demo: Path) -> None:  # type: ignore[no-untyped-def]
    window = observe(observer_demo / "record")
    qtbot.mouseClick(window.report_page.receipt_button, Qt.MouseButton.LeftButton)
    page = window.receipt_page
    assert page is window.current_page()
    assert not page.camera_button.isVisibleTo(window)  # no QtMultimedia in this build
    code = sorted(p.stem for p in (observer_demo / "receipts").glob("*.pdf"))[0]

    def check(text: str) -> str:
        page.entry.clear()
        qtbot.keyClicks(page.entry, text)
        qtbot.keyClick(page.entry, Qt.Key.Key_Return)
        return f"{page.answer_heading.text()} | {page.answer_text.text()}"

    found = check(code.lower().replace("-", " "))
    assert found.startswith("✔ Found and counted | This ballot is on the bulletin board at position ")
    assert page._answer is not None and page._answer.outcome is ReceiptOutcome.COUNTED
    typo = code[:3] + ("0" if code[3] != "0" else "1") + code[4:]
    assert check(typo).startswith("✘ Not a valid code | This is not a valid tracking code")
    stranger = display(short_code(tracking_hash(b"a ballot that was never cast")))
    assert check(stranger).startswith("✘ NOT on the board | This ballot is not in the published record. Keep your "
                                      "receipt and contact the election officials")
    window.set_language("zh-TW")
    assert "✘ " in page.answer_heading.text() and "NOT on the board" not in page.answer_heading.text()
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert window.report_page is window.current_page()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_a_photo_of_a_printed_receipt_is_found_and_a_blank_picture_is_not(
        qtbot, observe, observer_demo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("zxingcpp")
    pdf = sorted((observer_demo / "receipts").glob("*.pdf"))[0]
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "scan")], check=True,
                   timeout=60)
    window = observe(observer_demo / "record.zip")
    window.show_receipts()
    page = window.receipt_page
    window.check_receipt_image(tmp_path / "scan.png")
    qtbot.waitUntil(lambda: not page._busy, timeout=60_000)
    assert page.answer_heading.text() == "✔ Found and counted"
    assert page.answer_detail.text().startswith(f"{pdf.stem}: on the board at position ")
    from PIL import Image

    Image.new("L", (60, 60), 255).save(tmp_path / "blank.png")
    window.check_receipt_image(tmp_path / "blank.png")
    qtbot.waitUntil(lambda: not page._busy, timeout=60_000)
    assert page.answer_heading.text() == "✘ No receipt found in the picture"
    assert "no pbvote receipt QR code" in page.answer_detail.text()


def test_a_random_file_is_invalid_without_a_traceback(observe, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "record.zip"
    junk.write_bytes(bytes(range(256)) * 40)
    window = observe(junk)
    assert window.report_page.verdict.text() == "✘ INVALID"
    assert ("✘ FAIL", "Reading the record") in check_rows(window)
    text = screen_text(window)
    assert "Traceback" not in text and 'File "' not in text
    assert "neither a record directory nor a readable zip" in text
    window.show_receipts()
    window.check_receipt("ABCD")
    assert window.receipt_page.answer_heading.text() == "✘ This receipt does not check out"


def test_cancel_returns_to_the_first_page_and_drops_the_outcome(qtbot, observe, observer_demo: Path) -> None:  # type: ignore[no-untyped-def]
    window = observe()
    assert window.open_page is window.current_page()
    window.open_record(observer_demo / "record")
    assert window.progress_page is window.current_page()
    qtbot.mouseClick(window.progress_page.cancel_button, Qt.MouseButton.LeftButton)
    assert window.open_page is window.current_page()
    qtbot.wait(3000)
    assert window.verified is None and window.open_page is window.current_page()


def test_progress_shows_bytes_and_the_time_left(observe) -> None:  # type: ignore[no-untyped-def]
    window = observe()
    page = window.progress_page
    page.start("record.zip")
    page.show_progress(25_000_000, 100_000_000, 10.0)
    assert "25.0 MB of 100.0 MB of the bulletin board checked (25%)" == page.status.text()
    assert "About 0:30 left" == page.eta.text()
    assert 250 == page.bar.value()
    assert page.bar.accessibleName() == "Verification progress"


def test_a_dropped_record_is_verified(qtbot, observe, observer_demo: Path) -> None:  # type: ignore[no-untyped-def]
    window = observe()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(observer_demo / "record.zip"))])
    drop = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: window.verified is not None, timeout=VERIFY_MS)
    assert window.verified.report.valid


def test_every_focusable_widget_has_an_accessible_name(observe, observer_demo: Path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.qt import QWidget

    window = observe(observer_demo / "record.zip")
    for page in window.pages:
        window.show_page(page)
        for widget in page.findChildren(QWidget):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(page):
                assert widget.accessibleName(), f"{type(widget).__name__} on {type(page).__name__}"


def test_pbvote_kiosk_observer_opens_the_record_it_is_given(qtbot, observer_demo: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        parse_args(["--record", "x.zip"])
    options = parse_args(["--observer", "--record", str(observer_demo / "record.zip")])
    code, window = run(options, present_error=pytest.fail, exec_loop=False)
    assert code == 0 and isinstance(window, ObserverWindow)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.verified is not None, timeout=VERIFY_MS)
    assert window.verified.report.valid
