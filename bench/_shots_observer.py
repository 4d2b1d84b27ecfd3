"""Screenshots of the observer screen (``pbvote-kiosk --observer``) in both languages.

Writes ``<out>/<screen>-<lang>.png`` for: the empty first page, a verification
in progress, the report of an honest demo record (VALID), the report of the
same record with one count altered in results.json (INVALID), and the three
receipt answers (found and counted, NOT on the board, not a valid code), and the top of the saved
HTML report as Qt's rich text shows it (``report-html-<lang>.png``).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/_shots_observer.py [OUT]``
(default OUT: docs/screenshots/observer).  The record is made fresh with
``pbvote demo --voters 5`` in a temporary folder; the clock is fixed; verification uses worker
processes as the app does (so this module keeps its work under ``__main__``).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "docs" / "screenshots" / "observer"
SIZE = (1280, 860)
LANGUAGES = ("en", "zh-TW")


def _clock() -> datetime:
    return datetime(2027, 3, 15, 9, 30, tzinfo=UTC)


@contextlib.contextmanager
def _inside(folder: Path) -> Iterator[None]:
    """Work in ``folder`` so the record shows as ``record.zip``, not as a temporary path."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _make_records(folder: Path) -> tuple[Path, Path, str]:
    """The demo's record.zip, a tampered copy (tampered.zip), and the tracking code of its first receipt."""
    from tally.cli import main

    with contextlib.redirect_stdout(None):
        assert 0 == main(["demo", "--voters", "5", "--out", str(folder / "demo")])
    shutil.copy(folder / "demo" / "record.zip", folder / "record.zip")
    tampered = Path(shutil.copytree(folder / "demo" / "record", folder / "tampered" / "record"))
    results = json.loads((tampered / "results.json").read_bytes())
    results["districts"][0]["counts"][0]["count"] += 1
    (tampered / "results.json").write_text(json.dumps(results, separators=(",", ":"), sort_keys=True,
                                                      ensure_ascii=False), encoding="utf-8")
    shutil.make_archive(str(folder / "tampered"), "zip", folder / "tampered", "record")
    code = sorted(p.stem for p in (folder / "demo" / "receipts").glob("*.pdf"))[0]
    return Path("record.zip"), Path("tampered.zip"), code


def _settle(app: object, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def _verified(app: object, window: object, record: Path) -> None:
    window.open_record(record)  # type: ignore[attr-defined]
    end = time.monotonic() + 300
    while window.verified is None and time.monotonic() < end:  # type: ignore[attr-defined]
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)
    if window.verified is None:  # type: ignore[attr-defined]
        raise RuntimeError(f"{record} did not verify within 300 s")
    _settle(app)


def _html_page(window: object, png: Path) -> Path:
    """Save the report as HTML and render its top through Qt's rich text (no browser here): a look, not a test."""
    from PySide6.QtWidgets import QTextBrowser

    html = Path("report.html")
    window.save_report(html)  # type: ignore[attr-defined]
    browser = QTextBrowser()
    browser.resize(1000, 1300)
    browser.setHtml(html.read_text(encoding="utf-8"))
    browser.grab().save(str(png))
    browser.deleteLater()
    return png


def shoot(out: Path) -> list[Path]:
    """Render every observer screen in both languages into ``out``; return the PNG paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.observer import ObserverWindow
    from kiosk.qt import QApplication
    from kiosk.theme import install_font
    from tally.verify.codes import display, short_code, tracking_hash

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_font(app)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    stranger = display(short_code(tracking_hash(b"a ballot that was never cast")))
    with tempfile.TemporaryDirectory(prefix="pbvote-observer-shots-") as tmp, _inside(Path(tmp)):
        record, tampered, code = _make_records(Path(tmp))
        typo = code[:3] + ("0" if code[3] != "0" else "1") + code[4:]
        for lang in LANGUAGES:
            window = ObserverWindow(None, jobs=None, clock=_clock, language=lang, camera=False)
            window.resize(*SIZE)
            window.show()

            def save(name: str, window: ObserverWindow = window, lang: str = lang) -> None:
                _settle(app)
                path = out / f"{name}-{lang}.png"
                window.grab().save(str(path))
                written.append(path)

            save("empty")
            window.progress_page.start(str(record))
            window.progress_page.show_progress(37_400_000, 91_800_000, 41.0)
            window.show_page(window.progress_page)
            save("verifying")
            _verified(app, window, record)
            save("report-valid")
            written.append(_html_page(window, out / f"report-html-{lang}.png"))
            for name, text in (("receipt-found", code), ("receipt-not-on-board", stranger), ("receipt-typo", typo)):
                window.show_receipts()
                window.receipt_page.entry.setText(text)
                window.check_receipt(text)
                save(name)
            _verified(app, window, tampered)
            save("report-invalid")
            window.close()
            window.deleteLater()
            _settle(app, 0.1)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    for png in shoot(target):
        print(png)
