"""Worker processes that a Ctrl-C cannot break: shared by the replay's casters and the tally's summers.

The coordinator alone decides when work stops.  A Ctrl-C at a terminal is
sent to the whole process group; a worker that took it would die in the
middle of a task, break the pool and print its traceback.  So workers ignore
SIGINT and SIGTERM, the coordinator blocks both while it spawns them (a
spawned process inherits the blocked mask, which covers its start-up imports
before its initialiser runs) and, on an interrupt, stops them itself.  A
worker whose coordinator was killed outright (SIGKILL) exits within a second
instead of waiting forever for work.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

__all__ = ["stop_signals_blocked", "worker_started"]

_STOP_SIGNALS: Final = frozenset({signal.SIGINT, signal.SIGTERM})


@contextmanager
def stop_signals_blocked() -> Iterator[None]:
    """Hold SIGINT and SIGTERM while workers are spawned; one that arrived meanwhile is delivered on exit."""
    signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)  # the coordinator is gone: nobody will collect our results


def worker_started(parent: int) -> None:
    """Call first in a worker's initialiser: ignore the stop signals, and exit if ``parent`` dies."""
    for signum in _STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
