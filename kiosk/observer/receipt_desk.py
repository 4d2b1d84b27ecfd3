"""Checking receipts against the verified record: typed codes at once, pictures and camera shots off the GUI thread."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from kiosk.observer.dialogs import Ask
from kiosk.observer.receipt_page import ReceiptPage
from kiosk.observer.texts import classify_receipt
from kiosk.observer.verification import Background, ReceiptImageError, check_image, check_text
from kiosk.qt import QObject, QThreadPool, QWidget
from tally.verify.report import Check
from tally.verify.run import ReceiptLookup

__all__ = ["ReceiptDesk"]

log = logging.getLogger(__name__)


class ReceiptDesk(QObject):
    """Answers the receipt page from the last verification's receipt lookup.

    Args:
        page: the page that asks and shows the answers.
        pool: where pictures are decoded.
        ask_image: asks for a photo or scan of a receipt.
        parent: the window (also the parent of the camera dialog).
    """

    def __init__(self, page: ReceiptPage, pool: QThreadPool, ask_image: Ask, parent: QWidget) -> None:
        super().__init__(parent)
        self.page = page
        self.window = parent
        self.ask_image = ask_image
        self.lookup: ReceiptLookup | None = None
        self._camera_file: Path | None = None
        self._images = Background(pool, self)
        self._images.done.connect(self._image_checked)
        self._images.failed.connect(self._image_failed)
        page.check_code.connect(self.check_text)
        page.load_image.connect(self._choose_image)
        page.use_camera.connect(self._camera)

    def use(self, lookup: ReceiptLookup | None) -> None:
        """Answer from ``lookup`` from now on (a new verification; None: none), forgetting the last receipt."""
        self.lookup = lookup
        self.page.clear()

    def check_text(self, text: str) -> None:
        """Look up a typed tracking code or pasted QR text."""
        self.page.show_answer(classify_receipt(check_text(self.lookup, text)))

    def check_image(self, path: Path) -> None:
        """Read a photo or scan of a receipt off the GUI thread, then look it up."""
        self.page.set_busy(True)
        self._images.start(partial(check_image, self.lookup, path))

    def _image_checked(self, check: object) -> None:
        self._forget_camera_picture()
        assert isinstance(check, Check)
        self.page.show_answer(classify_receipt(check))

    def _image_failed(self, exc: object) -> None:
        self._forget_camera_picture()
        if isinstance(exc, ReceiptImageError):
            self.page.show_image_problem(str(exc))
            return
        log.error("reading a receipt picture failed: %s: %s", type(exc).__name__, exc)
        self.page.show_image_problem(self.tr("The picture could not be read."))

    def _choose_image(self) -> None:
        path = self.ask_image(self.window)
        if path is not None:
            self.check_image(path)

    def _camera(self) -> None:
        from kiosk.observer.camera import CameraDialog

        dialog = CameraDialog(self.window)
        dialog.captured.connect(self._camera_picture)
        dialog.open()

    def _camera_picture(self, path: object) -> None:
        assert isinstance(path, Path)
        self._camera_file = path
        self.check_image(path)

    def _forget_camera_picture(self) -> None:
        if self._camera_file is not None:
            self._camera_file.unlink(missing_ok=True)
            self._camera_file = None
