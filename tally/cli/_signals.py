"""SIGTERM handled like Ctrl-C by the long commands (replay, ceremony, decrypt, tally).

By default SIGTERM (``kill``, a service manager stopping the machine) ends
Python at once: no ``finally`` runs, so a replay's worker processes would
be orphaned and a ceremony's partly written files left behind.  Turned into
KeyboardInterrupt, it takes the same clean path as Ctrl-C: transactions roll
back, files written so far are removed, workers stop, and the command exits
130 with one line saying what to do next.
"""

from __future__ import annotations

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


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises KeyboardInterrupt in the main thread (elsewhere: no change)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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
