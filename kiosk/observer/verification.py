"""Verifying a record off the GUI thread: progress, cancel, and receipt checks against the finished run.

The verifier (tally.verify) runs on a worker thread of the observer's own
one-thread pool; its board pass fans out to worker *processes* (``jobs=None``:
every core) started with multiprocessing's ``spawn`` context, so nothing of
Qt is inherited by them and only plain bytes cross the process boundary.
Progress arrives as (bytes done, total) on the GUI thread at most ten times a
second; a cancel raises :class:`Cancelled` from inside the progress callback,
which stops the board pass and terminates the process pool.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.ops.background import Job, Relay, one_thread_pool
from kiosk.qt import QObject, QThreadPool, Signal
from tally.verify.report import Check, Report
from tally.verify.run import ReceiptLookup, verify_with_receipts
from tally.verify.summary import RecordSummary, summarize_record

__all__ = [
    "Background", "Cancelled", "ReceiptImageError", "Verification", "Verified", "check_image", "check_text",
    "observer_pool", "read_receipt_image",
]

_POOL_NAME = "pbvote-observer-ops"
PROGRESS_INTERVAL = 0.1
"""Seconds between two progress reports to the GUI thread."""


class Cancelled(BaseException):
    """Raised inside the progress callback to stop a verification the observer cancelled.

    A BaseException, so the verifier's fail-closed ``except Exception`` guards let it through.
    """


class ReceiptImageError(ValueError):
    """Raised when no pbvote receipt QR code can be read from a picture (the message says why)."""


@dataclass(frozen=True)
class Verified:
    """One finished verification: the report, what it shows of the record, and its receipt lookup."""

    location: Path
    report: Report
    summary: RecordSummary
    lookup: ReceiptLookup | None
    finished_at: datetime


def observer_pool(parent: QObject) -> QThreadPool:
    """The observer's one-thread pool (created as a child of ``parent`` on first use)."""
    return one_thread_pool(parent, _POOL_NAME)


def read_receipt_image(path: Path) -> str:
    """The QR text of the receipt in a photo or scan, read as ``pbvote verify --receipt-image`` reads it.

    Raises:
        ReceiptImageError: the picture cannot be read or holds no pbvote receipt QR code.
    """
    from tally.cli._common import CliError
    from tally.cli._verify import read_qr_image

    try:
        return read_qr_image(path)
    except CliError as exc:
        raise ReceiptImageError(str(exc)) from None


class _Relay(Relay):
    """Carries a worker thread's news to the GUI thread (queued: it lives on the GUI thread).

    It is never deleted while its work may still emit: deleting a QObject while another thread emits
    through it is a data race (a crash in ~QObject).  So each relay lives as long as its owner, which
    the window keeps, instead of being deleted when the outcome arrives as kiosk.ops.BackgroundOp does.

    Signals:
        moved(object, object): progress, bytes done and total (besides ``done`` and ``failed``).
    """

    moved = Signal(object, object)


class Background(QObject):
    """Runs one callable at a time off the GUI thread for a long-lived owner (the observer window).

    Signals:
        done(object): the callable's return value.
        failed(object): the exception it raised.
    """

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, pool: QThreadPool, parent: QObject) -> None:
        super().__init__(parent)
        self._pool = pool
        self._relay = _Relay(self)
        self._relay.done.connect(self.done)
        self._relay.failed.connect(self.failed)

    def start(self, fn: Callable[[], object]) -> None:
        """Queue ``fn`` on the pool; its outcome arrives through ``done`` or ``failed``."""
        self._pool.start(Job(fn, self._relay))


class Verification(QObject):
    """One verification of a record, started at once on ``pool``.

    Args:
        location: the record folder or zip.
        jobs: worker processes (None: every core; 1: in the worker thread only).
        clock: when the verification finished (the report's "checked at").
        pool: where the work runs.
        parent: owner on the GUI thread (keep it alive until the pool is done).

    Signals:
        progress(object, object): bytes done and total of the board pass.
        done(object): the :class:`Verified` outcome.
        failed(str): the verification could not run at all (the reason; never a traceback).
    """

    progress = Signal(object, object)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, location: Path, *, jobs: int | None, clock: Callable[[], datetime], pool: QThreadPool,
                 parent: QObject) -> None:
        super().__init__(parent)
        self.location = location
        self._jobs = jobs
        self._clock = clock
        self._stop = threading.Event()
        self._last = 0.0
        self.running = True
        self._relay = _Relay(self)
        self._relay.moved.connect(self.progress)
        self._relay.done.connect(self._success)
        self._relay.failed.connect(self._failure)
        pool.start(Job(self._work, self._relay))

    def cancel(self) -> None:
        """Stop the board pass at its next progress step and drop the outcome (no signal follows)."""
        self._stop.set()

    def _report_progress(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise Cancelled
        now = time.monotonic()
        if now - self._last >= PROGRESS_INTERVAL or done >= total:
            self._last = now
            self._relay.moved.emit(done, total)

    def _work(self) -> Verified:
        report, lookup = verify_with_receipts(self.location, jobs=self._jobs, progress=self._report_progress)
        if self._stop.is_set():
            raise Cancelled
        return Verified(self.location, report, summarize_record(self.location), lookup, self._clock())

    def _success(self, value: object) -> None:
        self.running = False
        if not self._stop.is_set():
            assert isinstance(value, Verified)
            self.done.emit(value)

    def _failure(self, exc: object) -> None:
        self.running = False
        if not self._stop.is_set() and not isinstance(exc, Cancelled):
            self.failed.emit(f"{type(exc).__name__}: {exc}")


def check_text(lookup: ReceiptLookup | None, text: str) -> Check:
    """The receipt check of ``text`` (code or QR text), or a failed check when the record could not be read."""
    if lookup is None:
        return Check("receipt", False, "the record could not be read, so no receipt can be looked up",
                     ("no record",), 1)
    return lookup(text)


def check_image(lookup: ReceiptLookup | None, path: Path) -> Check:
    """Decode the receipt photo at ``path`` and look it up.

    Raises:
        ReceiptImageError: no receipt QR code could be read from the picture.
    """
    return check_text(lookup, read_receipt_image(path))
