"""Taking a picture of a receipt with a camera, where QtMultimedia is installed (PySide6-Addons).

pbvote depends on PySide6-Essentials only, which has no QtMultimedia: the
observer window offers the camera only when ``camera_available()`` finds the
module, and this module imports it at run time (never at import time, so the
rest of the kiosk runs without it).  The picture is saved to a temporary PNG
and read exactly like a loaded photo (tally's receipt-image decoder).

Untested on the build machine, which has no QtMultimedia and no camera.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from pathlib import Path
from typing import Any

from kiosk.qt import QDialog, QHBoxLayout, QImage, QVBoxLayout, QWidget, Signal
from kiosk.widgets import KioskButton, label

__all__ = ["CameraDialog"]


class CameraDialog(QDialog):
    """A viewfinder and a "Take picture" button; the picture goes out as a temporary PNG file.

    Signals:
        captured(object): the Path of the PNG taken (the receiver deletes it when done).
    """

    captured = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Receipt camera"))
        col = QVBoxLayout(self)
        self.message = label("", self.tr("Hold the receipt's QR code in front of the camera, then take a picture."))
        col.addWidget(self.message)
        multimedia: Any = importlib.import_module("PySide6.QtMultimedia")
        widgets: Any = importlib.import_module("PySide6.QtMultimediaWidgets")
        self.session = multimedia.QMediaCaptureSession(self)
        self.camera = multimedia.QCamera(self)
        self.image_capture = multimedia.QImageCapture(self)
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.image_capture)
        self.view = widgets.QVideoWidget()
        self.view.setMinimumSize(640, 480)
        self.session.setVideoOutput(self.view)
        col.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.take_button = KioskButton("primary")
        self.take_button.set_texts(self.tr("Take picture"), "", self.tr("Takes a picture and reads its QR code"))
        self.take_button.clicked.connect(self._take)
        self.close_button = KioskButton()
        self.close_button.set_texts(self.tr("Close"), "", self.tr("Closes the camera"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        col.addLayout(buttons)
        self.image_capture.imageCaptured.connect(self._captured)
        if multimedia.QMediaDevices.defaultVideoInput().isNull():
            self.message.setText(self.tr("No camera was found on this computer."))
            self.take_button.setEnabled(False)
        else:
            self.camera.start()
        self.finished.connect(self._stop)

    def _take(self) -> None:
        self.take_button.setEnabled(False)
        self.image_capture.capture()

    def _captured(self, _request: int, image: QImage) -> None:
        handle, name = tempfile.mkstemp(prefix="pbvote-receipt-", suffix=".png")
        os.close(handle)
        if not image.save(name, b"PNG"):
            Path(name).unlink(missing_ok=True)
            self.message.setText(self.tr("The picture could not be taken; please try again."))
            self.take_button.setEnabled(True)
            return
        self.captured.emit(Path(name))
        self.accept()

    def _stop(self) -> None:
        self.camera.stop()
