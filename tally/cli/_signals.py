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

__all__ = ["sigterm_as_interrupt"]


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
