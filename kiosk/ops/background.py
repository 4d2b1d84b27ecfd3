"""Run a callable off the GUI thread and hear about its outcome on the GUI thread.

Encryption and proofs take a few hundred milliseconds, a cast a database
transaction, printing a spooler round trip: none of that may freeze the
screen a resident is touching.  A ``BackgroundOp`` hands the callable to a
QThreadPool and delivers its return value, or the exception it raised, to
bound methods on the GUI thread through queued signals (never lambdas
capturing widgets: a deleted widget must not be called back).

The kiosk uses one pool with a single thread (``kiosk_pool``), so ops run one
after another: there is one database writer, and a retry never overtakes the
attempt it repeats.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from kiosk.qt import QObject, QRunnable, QThreadPool, Signal

__all__ = ["BackgroundOp", "Job", "Relay", "kiosk_pool", "one_thread_pool"]

log = logging.getLogger(__name__)

_POOL_NAME = "pbvote-kiosk-ops"


def one_thread_pool(parent: QObject, name: str) -> QThreadPool:
    """Return ``parent``'s one-thread pool called ``name`` (created as its child on first use)."""
    for child in parent.children():
        if isinstance(child, QThreadPool) and child.objectName() == name:
            return child
    pool = QThreadPool(parent)
    pool.setObjectName(name)
    pool.setMaxThreadCount(1)
    return pool


def kiosk_pool(parent: QObject) -> QThreadPool:
    """Return the kiosk's one-thread pool (created as a child of ``parent`` on first use)."""
    return one_thread_pool(parent, _POOL_NAME)


class Relay(QObject):
    """Lives on the GUI thread; the worker emits through it, so delivery is queued to the GUI thread.

    Signals:
        done(object): the callable returned this value.
        failed(object): the callable raised this exception.
    """

    done = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """The runnable the pool executes: calls ``fn`` and emits the outcome through the relay."""

    def __init__(self, fn: Callable[[], Any], relay: Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            value = self.fn()
        except BaseException as exc:  # every failure reaches the error presenter, never the thread's void
            self._emit(False, exc)
            return
        self._emit(True, value)

    def _emit(self, success: bool, outcome: object) -> None:
        # The relay's owner lives on the GUI thread and may be deleted while the work runs (a resident's
        # session ended, the observer closed): its outcome then has nobody to go to.  Emitting on the deleted
        # relay raises RuntimeError on this worker thread, which would print a trace and lose nothing
        # else, so it is logged by type only (an outcome may carry secrets) and dropped.
        try:
            (self.relay.done if success else self.relay.failed).emit(outcome)
        except RuntimeError:
            log.info("a background operation ended after its owner was closed; its %s was dropped",
                     "result" if success else f"failure ({type(outcome).__name__})")


class BackgroundOp(QObject):
    """One piece of slow work, started with ``start()``; its outcome arrives on the GUI thread.

    Args:
        fn: the work (no Qt widgets inside: it runs on a worker thread).
        on_success: bound method called with fn's return value.
        on_failure: bound method called with the exception fn raised.
        parent: owner on the GUI thread (keeps the op alive until it reports).

    Signals:
        finished(): the outcome arrived; emitted just before the callback runs (also when the op was
            cancelled and the callback is skipped), so the owner is no longer busy when the callback
            moves the screens on and enables their buttons.
    """

    finished = Signal()

    def __init__(self, fn: Callable[[], Any], on_success: Callable[[Any], None],
                 on_failure: Callable[[BaseException], None], parent: QObject) -> None:
        super().__init__(parent)
        self.fn = fn
        self.on_success = on_success
        self.on_failure = on_failure
        self.cancelled = False
        self.running = False
        self._relay = Relay(self)
        self._relay.done.connect(self._deliver_success)
        self._relay.failed.connect(self._deliver_failure)

    def start(self, pool: QThreadPool) -> BackgroundOp:
        """Queue the work on ``pool``; returns self."""
        self.running = True
        pool.start(Job(self.fn, self._relay))
        return self

    def cancel(self) -> None:
        """Drop the outcome when it arrives (the session it belonged to has ended)."""
        self.cancelled = True

    def _deliver_success(self, value: object) -> None:
        self._end()
        if not self.cancelled:
            self.on_success(value)

    def _deliver_failure(self, exc: object) -> None:
        self._end()
        if not self.cancelled:
            assert isinstance(exc, BaseException)
            self.on_failure(exc)
        else:
            log.info("a cancelled kiosk operation failed: %s", type(exc).__name__)

    def _end(self) -> None:
        self.running = False
        self.finished.emit()
        self.deleteLater()
