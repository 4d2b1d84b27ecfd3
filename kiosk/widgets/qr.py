"""The receipt's QR code on screen, drawn from the same module matrix the printed receipt uses."""

from __future__ import annotations

from ballot.pdf_common import qr_matrix
from kiosk.qt import QColor, QImage, QPainter, QPixmap

QUIET = 4
"""Quiet-zone width in modules (the QR standard's minimum)."""


def qr_pixmap(data: str, module_px: int = 4) -> QPixmap:
    """Return ``data`` as a black-on-white QR code, ``module_px`` pixels per module, with its quiet zone.

    Always black on white, whatever the theme: scanners need the contrast.
    """
    matrix = qr_matrix(data)
    side = (len(matrix) + 2 * QUIET) * module_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    black = QColor("black")
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                painter.fillRect((c + QUIET) * module_px, (r + QUIET) * module_px, module_px, module_px, black)
    painter.end()
    return QPixmap.fromImage(image)
