"""SIGTERM handled like Ctrl-C by the long commands (replay, ceremony, decrypt, tally).

By default SIGTERM (``kill``, a service manager stopping the machine) ends
Python at once: no ``finally`` runs, so a replay's worker processes would
be orphaned and a ceremony's partly written files left behind.  Turned into
KeyboardInterrupt, it takes the same clean path as Ctrl-C: transactions roll
back, files written so far are removed, workers stop, and the command exits
130 with one line saying what to do next.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Final

from tally.cli._common import CliError

__all__ = ["EXIT_INTERRUPTED", "interruptible", "sigterm_as_interrupt"]

EXIT_INTERRUPTED: Final = 130
"""Ctrl-C or SIGTERM, as shells report a SIGINT death (128 + 2)."""


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _not_the_interrupt(record: logging.LogRecord) -> bool:
    """Drop the log records of cleanup code that met the interrupt (SQLAlchemy: "Error closing cursor")."""
    exc = record.exc_info[1] if record.exc_info else None
    seen = 0
    while exc is not None and seen < 20:  # the error itself, or one raised while the interrupt unwound
        if isinstance(exc, KeyboardInterrupt):
            return False
        exc, seen = exc.__context__, seen + 1
    return True


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises KeyboardInterrupt in the main thread (elsewhere: no change).

    A library that swallows an exception during cleanup logs it with its
    traceback (SQLAlchemy: "Exception closing cursor"); when logging is not
    configured, the block prints warnings as Python's last-resort handler
    would, minus those caused by the interrupt itself.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    root = logging.getLogger()
    handler = None
    if not root.handlers:
        handler = logging.StreamHandler()
        handler.setLevel(logging.WARNING)
        handler.addFilter(_not_the_interrupt)
        root.addHandler(handler)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        if handler is not None:
            root.removeHandler(handler)


@contextmanager
def interruptible(what: str, again: str) -> Iterator[None]:
    """
    Run a command's work with SIGTERM as Ctrl-C, and either one as a CliError with exit status 130.

    Only for work that stores nothing until it has completed (one transaction,
    files written to a temporary name and renamed), so the message can say so.

    Args:
        what: the work, e.g. ``"the tally"``.
        again: what to do next, e.g. ``"run 'pbvote tally' again"``.

    Raises:
        CliError: ``"<what> interrupted: nothing was stored; <again>"``, status 130.
    """
    with sigterm_as_interrupt():
        try:
            yield
        except KeyboardInterrupt:
            raise CliError(f"{what} interrupted: nothing was stored; {again}", EXIT_INTERRUPTED) from None
