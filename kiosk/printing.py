"""Where receipts go: a configured printer, or PDF files (home mode, tests, a kiosk without a printer).

The receipt is always the one ``ballot.receipt_pdf`` renders (the tested,
byte-reproducible document); a printer only transports it.  Printing is
started by the receipt screen, so it happens only after the ballot box
confirmed the ballot, and it runs on a worker thread (a spooler can stall).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Protocol

from kiosk.errors import KioskError

__all__ = ["PdfFolderPrinter", "PrintFailed", "ReceiptPrinter", "SystemPrinter"]


class PrintFailed(KioskError, OSError):
    """The receipt could not be handed to the printer (the message says why, for the log)."""


class ReceiptPrinter(Protocol):
    """Prints one receipt PDF; called on a worker thread."""

    def print_pdf(self, pdf: bytes, name: str) -> None:
        """Print ``pdf``; ``name`` is a file-safe name (the short tracking code).

        Raises:
            PrintFailed: the printer or folder refused it.
        """


class PdfFolderPrinter:
    """Saves each receipt as ``<folder>/receipt-<name>.pdf`` ("print to PDF").

    Args:
        folder: where the files go (created if missing).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def print_pdf(self, pdf: bytes, name: str) -> None:
        """Write the file (never overwriting another receipt's)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / f"receipt-{name}.pdf").write_bytes(pdf)
        except OSError as exc:
            raise PrintFailed(f"cannot save the receipt in {self.folder}: {exc.strerror}") from None


class SystemPrinter:
    """Sends the PDF to a CUPS queue with ``lp`` (thermal 80 mm or A4 printers take PDF through CUPS filters).

    Qt's QPrinter cannot draw an existing PDF without the QtPdf module
    (not in pyside6-essentials), and redrawing the receipt with QPainter
    would give a second, untested rendering; the spooler prints the one
    document the tests check.

    Args:
        queue: the CUPS printer name (None: the system's default printer).
        timeout: seconds to wait for the spooler to accept the job.
    """

    def __init__(self, queue: str | None = None, timeout: float = 20.0) -> None:
        self.queue = queue
        self.timeout = timeout

    def print_pdf(self, pdf: bytes, name: str) -> None:
        """Queue the job; returns when the spooler has accepted it."""
        lp = shutil.which("lp")
        if lp is None:
            raise PrintFailed("no 'lp' command: install CUPS or configure a receipt folder")
        args = [lp, "-t", f"pbvote receipt {name}", *(["-d", self.queue] if self.queue else []), "-"]
        try:
            done = subprocess.run(args, input=pdf, capture_output=True, timeout=self.timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PrintFailed(f"lp: {type(exc).__name__}") from None
        if done.returncode != 0:
            raise PrintFailed(f"lp exit {done.returncode}: {done.stderr.decode(errors='replace').strip()[:200]}")
