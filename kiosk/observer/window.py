"""The observer window (``pbvote-kiosk --observer``): open a record, verify it, read the report, check receipts.

Everything slow runs off the GUI thread (kiosk/observer/verification.py);
the pages only show what they are given.  File dialogs are injected
(:class:`Dialogs`), so tests and screenshots drive the window without them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from kiosk.i18n import LANGUAGES, Translations, fill
from kiosk.observer.dialogs import Dialogs, camera_available
from kiosk.observer.open_page import OpenPage, ProgressPage
from kiosk.observer.receipt_desk import ReceiptDesk
from kiosk.observer.receipt_page import ReceiptPage
from kiosk.observer.report_page import ReportPage
from kiosk.observer.style import observer_stylesheet
from kiosk.observer.verification import (
    Verification,
    Verified,
    observer_pool,
)
from kiosk.qt import (
    QApplication,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QElapsedTimer,
    QEvent,
    QFrame,
    QMainWindow,
    QScrollArea,
    QWidget,
)
from kiosk.widgets.toolbar import top_bar_over_stack
from tally.verify.board import default_jobs
from tally.verify.report_html import write_html_report

__all__ = ["ObserverWindow"]

log = logging.getLogger(__name__)

CLOSE_WAIT_MS = 60_000
"""How long closing the window waits for a cancelled verification to stop (it stops at its next progress step)."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ObserverWindow(QMainWindow):
    """The observers' window.

    Args:
        record: a record to verify at once (``--record``).
        jobs: worker processes for the ballots (None: every core).
        clock: the time a verification finished (the report's "checked at").
        language: the first language shown.
        dialogs: how paths are asked for.
        camera: offer the camera (default: when QtMultimedia imports).
    """

    def __init__(self, record: Path | None = None, *, jobs: int | None = None, clock: Callable[[], datetime] = _utc_now,
                 language: str = LANGUAGES[0], dialogs: Dialogs | None = None, camera: bool | None = None) -> None:
        super().__init__()
        app = QApplication.instance()
        assert isinstance(app, QApplication), "build the QApplication first"
        self.translations = Translations.of(app)
        self.language, self.text_size, self.high_contrast = language, 0, False
        self.jobs, self.clock, self.dialogs = jobs, clock, dialogs or Dialogs()
        self.verification: Verification | None = None
        self.verified: Verified | None = None
        self._elapsed = QElapsedTimer()
        self._ready = False
        self.top_bar, self.stack = top_bar_over_stack(self)
        self.top_bar.size_chosen.connect(self._set_size)
        self.top_bar.contrast_toggled.connect(self._set_contrast)
        self.top_bar.language_toggled.connect(self._toggle_language)
        self.top_bar.start_over.connect(self.start_over)
        self.open_page = OpenPage(jobs or default_jobs())
        self.open_page.open_zip.connect(self._choose_zip)
        self.open_page.open_folder.connect(self._choose_folder)
        self.progress_page = ProgressPage()
        self.progress_page.cancel.connect(self.cancel)
        self.report_page = ReportPage(language)
        self.report_page.save.connect(self._save)
        self.report_page.receipts.connect(self.show_receipts)
        self.report_page.open_other.connect(self.start_over)
        self.receipt_page = ReceiptPage(camera=camera_available() if camera is None else camera)
        self.receipt_page.back.connect(self.show_report)
        self.receipts = ReceiptDesk(self.receipt_page, observer_pool(self), self.dialogs.open_image, self)
        self.pages: list[QWidget] = [self.open_page, self.progress_page, self.report_page, self.receipt_page]
        self.holders: dict[QWidget, QScrollArea] = {}
        for page in self.pages:
            holder = QScrollArea()
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            holder.setWidget(page)
            self.holders[page] = holder
            self.stack.addWidget(holder)
        self.setAcceptDrops(True)
        self._ready = True
        self._restyle()
        self.translations.use(language)
        self._render()
        if record is not None:
            self.open_record(record)
        else:
            self.show_page(self.open_page)

    # ------------------------------------------------------------------ pages and language
    def current_page(self) -> QWidget:
        """The page on show."""
        widget = self.stack.currentWidget()
        return next(page for page, holder in self.holders.items() if holder is widget)

    def show_page(self, page: QWidget) -> None:
        """Show ``page`` (one of ``self.pages``); focus goes to its first control when it was not on show."""
        changed = self.stack.currentWidget() is not self.holders[page]
        self.stack.setCurrentWidget(self.holders[page])
        self._render()
        if changed:
            page.focus_first()  # type: ignore[attr-defined]

    def _render(self) -> None:
        title = self.tr("Observer: verify an election record")
        self.setWindowTitle(f"{title} — pbvote")
        if self.verified is not None and self.verified.summary.title(self.language):
            title = f"{title} · {self.verified.summary.title(self.language)}"
        page = self.current_page() if self.stack.count() else self.open_page
        self.top_bar.refresh(self.language, title, self.text_size, self.high_contrast, page is self.open_page)
        self.report_page.language = self.language
        for each in self.pages:
            each.refresh()  # type: ignore[attr-defined]

    def _restyle(self) -> None:
        self.setStyleSheet(observer_stylesheet(self.text_size, self.high_contrast))

    def set_language(self, language: str) -> None:
        """Show every page in ``language`` ("zh-TW" or "en")."""
        self.language = language
        self.translations.use(language)
        self._render()

    def _toggle_language(self) -> None:
        self.set_language("en" if self.language == "zh-TW" else "zh-TW")

    def _set_size(self, index: int) -> None:
        self.text_size = index
        self._restyle()
        self._render()

    def _set_contrast(self, on: bool) -> None:
        self.high_contrast = on
        self._restyle()
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the installed language changes."""
        if event.type() == QEvent.Type.LanguageChange and self._ready:
            self._render()
        super().changeEvent(event)

    # ------------------------------------------------------------------ verifying
    def open_record(self, location: Path) -> None:
        """Verify the record at ``location`` (folder or zip) off the GUI thread, showing progress."""
        self.cancel_quietly()
        self.verified = None
        self.open_page.show_problem("")
        self.progress_page.start(str(location))
        self._elapsed.start()
        self.verification = Verification(location, jobs=self.jobs, clock=self.clock, pool=observer_pool(self),
                                         parent=self)
        self.verification.progress.connect(self._progress)
        self.verification.done.connect(self._verified)
        self.verification.failed.connect(self._failed)
        self.show_page(self.progress_page)

    def _progress(self, done: object, total: object) -> None:
        assert isinstance(done, int) and isinstance(total, int)
        self.progress_page.show_progress(done, total, self._elapsed.elapsed() / 1000)

    def _verified(self, verified: object) -> None:
        assert isinstance(verified, Verified)
        self.verification = None
        self.verified = verified
        self.report_page.show_verified(verified, self.language)
        self.receipts.use(verified.lookup)
        self.show_page(self.report_page)

    def _failed(self, reason: str) -> None:
        log.error("verification could not run: %s", reason)
        self.verification = None
        self.open_page.show_problem(fill(self.tr("The record could not be verified: %1"), reason))
        self.show_page(self.open_page)

    def cancel_quietly(self) -> None:
        """Stop a running verification, if any (its outcome is dropped)."""
        if self.verification is not None:
            self.verification.cancel()
            self.verification = None

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop a running verification and wait for the worker thread, so nothing reports to a closed window."""
        self.cancel_quietly()
        observer_pool(self).waitForDone(CLOSE_WAIT_MS)
        super().closeEvent(event)

    def cancel(self) -> None:
        """Stop the running verification and return to the first page."""
        self.cancel_quietly()
        self.show_page(self.open_page)

    def start_over(self) -> None:
        """Forget the record and return to the first page."""
        self.cancel_quietly()
        self.verified = None
        self.receipts.use(None)
        self.show_page(self.open_page)

    def _choose_zip(self) -> None:
        self._open_chosen(self.dialogs.open_zip(self))

    def _choose_folder(self) -> None:
        self._open_chosen(self.dialogs.open_folder(self))

    def _open_chosen(self, path: Path | None) -> None:
        if path is not None:
            self.open_record(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept a dropped local file or folder unless a verification is running."""
        if self.verification is None and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Verify the first dropped local file or folder."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and self.verification is None:
            event.acceptProposedAction()
            self.open_record(paths[0])

    # ------------------------------------------------------------------ report and receipts
    def show_report(self) -> None:
        """Show the report of the last verification."""
        self.show_page(self.report_page if self.verified is not None else self.open_page)

    def save_report(self, path: Path) -> None:
        """Write the HTML report of the last verification to ``path`` and say where (or why not)."""
        if self.verified is None:
            return
        v = self.verified
        try:
            write_html_report(path, v.report, v.summary, generated_at=v.finished_at, language=self.language)
        except OSError as exc:
            self.report_page.show_status(fill(self.tr("The report could not be saved: %1"), str(exc)))
            return
        self.report_page.show_status(fill(self.tr("Report saved to %1"), str(path)))

    def _save(self) -> None:
        path = self.dialogs.save_html(self)
        if path is not None:
            self.save_report(path)

    def show_receipts(self) -> None:
        """Show the receipt check."""
        if self.verified is not None:
            self.show_page(self.receipt_page)

    def check_receipt(self, text: str) -> None:
        """Look up a typed tracking code or pasted QR text in the verified record."""
        self.receipts.check_text(text)

    def check_receipt_image(self, path: Path) -> None:
        """Read a receipt photo or scan off the GUI thread and look it up."""
        self.receipts.check_image(path)
