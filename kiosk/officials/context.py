"""What every page of the officials' console shares: the store, the clock, one background pool, change news.

The console's pages never talk to each other directly: an action that changes
the election (polls opened, codes generated, a tally published) calls
:meth:`ConsoleContext.changed`, and every page refreshes from the store.  So
a page can be built, tested and screenshotted alone with a context of its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ballot.errors import StorageError
from ballot.manifest_model import Election
from ballot.storage import Store, load_election
from kiosk.ops.background import BackgroundOp
from kiosk.qt import QObject, QThreadPool, Signal

__all__ = ["ConsoleContext", "ConsoleEvents"]

Clock = Callable[[], datetime]
Ask = Callable[[str], str]
"""Asks an official for a passphrase (the prompt says whose); "" when they cancelled."""


def _ask_nobody(prompt: str) -> str:
    del prompt
    return ""


class ConsoleEvents(QObject):
    """The console's news.

    Signals:
        changed(): something in the store changed; pages re-read what they show.
        role_changed(str): the authenticated role is now this one ("" when locked).
    """

    changed = Signal()
    role_changed = Signal(str)


@dataclass
class ConsoleContext:
    """The dependencies of the console's pages (passed in, never global).

    Attributes:
        store: the election's database (SQLite or PostgreSQL).
        clock: the current time, timezone-aware (tests inject a fixed one).
        pool: the one-thread pool every slow action runs on (one database writer).
        events: the console's news (see :class:`ConsoleEvents`).
        role: the role authenticated now ("official", "attendant", "trustee"; "" when locked).
        ask: asks for a passphrase with a prompt (the console's password dialog; tests inject answers).
    """

    store: Store
    clock: Clock
    pool: QThreadPool
    events: ConsoleEvents
    role: str = ""
    ask: Ask = _ask_nobody
    _ops: list[BackgroundOp] = field(default_factory=list, repr=False)

    def election(self) -> Election | None:
        """The election in the store, or None before one is set up."""
        with self.store.read() as session:
            try:
                return load_election(session)
            except StorageError:
                return None

    def passphrase(self, env: str, prompt: str) -> str:
        """A passphrase from ``$env`` (scripts, kiosks in a locked room) or asked; "" when cancelled.

        Call it on the GUI thread, before ``run``: the dialog is a widget.
        """
        return os.environ.get(env) or self.ask(prompt)

    def changed(self) -> None:
        """Tell every page that the store changed."""
        self.events.changed.emit()

    def run(self, fn: Callable[[], Any], on_success: Callable[[Any], None],
            on_failure: Callable[[BaseException], None], owner: QObject) -> BackgroundOp:
        """Run ``fn`` off the GUI thread; its outcome reaches the bound methods on the GUI thread.

        Args:
            fn: the slow work (database, crypto, PDF); no widgets inside.
            on_success: bound method called with the return value.
            on_failure: bound method called with the exception (show it through kiosk/errors.py, calmly).
            owner: the widget that keeps the op alive until it reports.
        """
        op = BackgroundOp(fn, on_success, on_failure, owner)
        op.finished.connect(self._forget_finished)
        self._ops.append(op)
        return op.start(self.pool)

    def busy(self) -> bool:
        """True while an action is still running (pages disable their buttons meanwhile)."""
        return any(op.running for op in self._ops)

    def _forget_finished(self) -> None:
        self._ops = [op for op in self._ops if op.running]
