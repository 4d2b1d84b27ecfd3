"""Print a batch's letters.pdf on a printer: each page rasterised by poppler's pdftoppm, painted with QPainter.

Qt cannot draw an existing PDF without QtPdf (not in pyside6-essentials), and
redrawing the letters with QPainter would be a second, untested rendering of
secret codes; so the one reportlab document is rasterised page by page
(pdftoppm, which the project already needs) into a private temporary folder
that is removed at once, and each page image fills a printer page.  Runs on the
console's worker thread (QPrinter and QImage are safe to paint off the GUI thread).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from kiosk.errors import KioskError
from kiosk.qt import QImage, QPainter, QPrinter, QPrinterInfo, QRect, Qt

__all__ = ["LetterPrintFailed", "print_pdf_file", "printers_available"]

DPI = 200
"""Rasterisation resolution: sharp text and QR codes on an office printer."""


class LetterPrintFailed(KioskError, OSError):
    """Raised when letters cannot be rasterised or the printer refuses the job."""


def printers_available() -> bool:
    """Whether the system knows at least one printer (the console shows "Print letters" only then)."""
    return bool(QPrinterInfo.availablePrinterNames())


def _rasterise(pdf: Path, folder: Path) -> list[Path]:
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise LetterPrintFailed("printing letters needs poppler's pdftoppm (package poppler-utils)")
    try:
        done = subprocess.run([tool, "-r", str(DPI), "-png", str(pdf), str(folder / "page")],
                              capture_output=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LetterPrintFailed(f"pdftoppm: {type(exc).__name__}") from None
    if done.returncode != 0:
        raise LetterPrintFailed(f"{pdf}: could not be read for printing (pdftoppm exit {done.returncode})")
    return sorted(folder.glob("page*.png"))


def print_pdf_file(pdf: Path, printer_name: str | None = None, *, output: Path | None = None) -> int:
    """Print every page of ``pdf`` on ``printer_name`` (default printer), or into the PDF ``output``; return pages.

    Raises:
        LetterPrintFailed: the file cannot be rasterised, or the printer cannot start the job.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if output is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
    elif printer_name:
        printer.setPrinterName(printer_name)
    printer.setFullPage(True)
    printer.setDocName(f"pbvote {pdf.name}")
    with tempfile.TemporaryDirectory(prefix="pbvote-letters-") as tmp:  # mode 0700, gone at once
        pages = _rasterise(pdf, Path(tmp))
        painter = QPainter()
        if not painter.begin(printer):
            raise LetterPrintFailed(f"the printer {printer.printerName() or '(default)'} did not accept the job")
        try:
            for index, page in enumerate(pages):
                if index and not printer.newPage():
                    raise LetterPrintFailed("the printer stopped in the middle of the letters")
                image = QImage(str(page))
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(QRect(area.x(), area.y(), size.width(), size.height()))
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(area)
                painter.setWindow(area)
        finally:
            painter.end()
    return len(pages)
