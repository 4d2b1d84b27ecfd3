"""Where receipts go: a printer by its Qt name, or PDF files in a folder, both through QPrinter.

``pbvote-kiosk --printer NAME`` (a QPrinterInfo name: a CUPS queue on
Linux) or ``--printer pdf:DIR``, with ``--paper roll80|a4|letter``; without
``--printer`` there is no Print button.  ``kiosk.receipt_print`` paints the
receipt with QPainter; this module opens the QPrinter and turns its
failures into ``PrintFailed``, which the error presenter shows as a calm
message while the receipt stays on screen.

Printing is started by the receipt screen, so it happens only after the
ballot box confirmed the ballot, and it runs on the kiosk's worker thread:
a QPrinter is built there for each receipt (Qt supports QPainter on a
QPrinter outside the GUI thread; only macOS's progress dialog needs the GUI
thread, and none is shown), so a slow spooler never freezes the screen.
The printer's name is checked once at start-up, on the GUI thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol, TypeVar

from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from ballot.manifest_model import Election
from ballot.receipts import Receipt
from kiosk.errors import KioskError
from kiosk.receipt_print import PAPERS, paint_receipt

__all__ = ["PAPERS", "NamedPrinter", "PdfFolderPrinter", "PrintFailed", "ReceiptPrinter", "printer_from_option"]

PDF_PREFIX = "pdf:"

_T = TypeVar("_T")
_PAINTER_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pbvote-receipt-painter")
"""The one thread that ever paints receipts, alive as long as the process.

Qt keeps a font cache per thread and tears it down when the thread ends; a
pool thread that painted text and then expired took font engines the GUI
thread was still using with it (a crash seconds later, in the next label's
setText).  Painting on one immortal thread keeps that cache alive.
"""


def _on_painter_thread(fn: Callable[[], _T]) -> _T:
    """Run ``fn`` on the painter thread and wait for it (the caller is already off the GUI thread)."""
    return _PAINTER_THREAD.submit(fn).result()


class PrintFailed(KioskError, OSError):
    """The receipt could not be printed or saved (the message says why, for the officials' log)."""


class ReceiptPrinter(Protocol):
    """Prints one receipt; called on a worker thread."""

    def print_receipt(self, receipt: Receipt, election: Election, language: str) -> None:
        """Print ``receipt`` in ``language``.

        Raises:
            PrintFailed: the printer or folder refused it.
        """


def _new_printer(paper: str) -> QPrinter:
    if paper not in PAPERS:
        raise KioskError(f"unknown paper {paper!r} (known: {', '.join(PAPERS)})")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setCreator("pbvote")
    printer.setDocName("pbvote receipt")  # never the tracking code: a spooler's job list is not private
    return printer


class PdfFolderPrinter:
    """Saves each receipt as ``<folder>/receipt-<short tracking code>.pdf`` ("print to PDF").

    Args:
        folder: where the files go (created if missing).
        paper: "roll80", "a4" or "letter".
    """

    def __init__(self, folder: Path, paper: str = "a4") -> None:
        _new_printer(paper)  # an unknown paper is refused at start-up, not at the first receipt
        self.folder = folder
        self.paper = paper

    def print_receipt(self, receipt: Receipt, election: Election, language: str) -> None:
        """Write the PDF (whole or not at all: a half-written file never carries the receipt's name)."""
        target = self.folder / f"receipt-{receipt.tracking_code.short}.pdf"
        partial = target.with_suffix(".part")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PrintFailed(f"cannot save the receipt in {self.folder}: {exc.strerror}") from None
        if not _on_painter_thread(lambda: self._paint(receipt, election, language, partial)):
            raise PrintFailed(f"cannot write a PDF in {self.folder}")
        try:
            os.replace(partial, target)  # whole or not at all
        except OSError as exc:
            raise PrintFailed(f"cannot save the receipt in {self.folder}: {exc.strerror}") from None


    def _paint(self, receipt: Receipt, election: Election, language: str, path: Path) -> bool:
        printer = _new_printer(self.paper)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return paint_receipt(printer, receipt, election, language, self.paper) and path.is_file()


class NamedPrinter:
    """Prints on the system printer ``name`` (thermal 80 mm roll or an A4/Letter printer).

    Args:
        name: a QPrinterInfo printer name (``QPrinterInfo.availablePrinterNames()``).
        paper: "roll80", "a4" or "letter".
    """

    def __init__(self, name: str, paper: str = "roll80") -> None:
        _new_printer(paper)
        self.name = name
        self.paper = paper

    def print_receipt(self, receipt: Receipt, election: Election, language: str) -> None:
        """Hand the painted page to the printer's spooler."""
        if QPrinterInfo.printerInfo(self.name).isNull():  # unplugged, or removed from CUPS since start-up
            raise PrintFailed(f"printer {self.name!r} cannot be opened: it is not there")
        answer = _on_painter_thread(lambda: self._paint(receipt, election, language))
        if answer:
            raise PrintFailed(f"printer {self.name!r} {answer}")

    def _paint(self, receipt: Receipt, election: Election, language: str) -> str:
        printer = _new_printer(self.paper)
        printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
        printer.setPrinterName(self.name)
        if not printer.isValid() or not paint_receipt(printer, receipt, election, language, self.paper):
            return "cannot be opened"
        if printer.printerState() == QPrinter.PrinterState.Error:
            return "reported an error"
        return ""


def printer_from_option(option: str | None, paper: str) -> ReceiptPrinter | None:
    """The printer ``--printer`` names, checked now (GUI thread), or None without the option.

    Args:
        option: a printer name, or ``pdf:DIR``.
        paper: "roll80", "a4" or "letter".

    Raises:
        KioskError: no printer by that name (the message lists the ones there are), or an unknown paper.
    """
    if option is None:
        return None
    if option.startswith(PDF_PREFIX):
        folder = option[len(PDF_PREFIX):]
        if not folder:
            raise KioskError("--printer pdf:DIR needs a folder")
        return PdfFolderPrinter(Path(folder), paper)
    names = QPrinterInfo.availablePrinterNames()
    if option not in names:
        known = ", ".join(names) or "none"
        raise KioskError(f"no printer named {option!r} (printers here: {known}; or use pdf:DIR)")
    return NamedPrinter(option, paper)
