"""BackgroundOp: outcomes reach the GUI thread, cancelled ones are dropped, a deleted owner is no error."""

from __future__ import annotations

import logging
import threading

import pytest
from shiboken6 import Shiboken

from kiosk.ops.background import BackgroundOp, kiosk_pool
from kiosk.qt import QObject, QThreadPool


class Owner(QObject):
    """Records what the op delivered, and on which thread."""

    def __init__(self) -> None:
        super().__init__()
        self.values: list[object] = []
        self.errors: list[BaseException] = []
        self.threads: list[threading.Thread] = []

    def ok(self, value: object) -> None:
        self.values.append(value)
        self.threads.append(threading.current_thread())

    def bad(self, exc: BaseException) -> None:
        self.errors.append(exc)
        self.threads.append(threading.current_thread())


@pytest.fixture
def pool() -> QThreadPool:
    holder = QObject()
    p = kiosk_pool(holder)
    p.holder = holder  # type: ignore[attr-defined]  # keeps the pool's parent alive for the test
    return p


def _wait_idle(qtbot, pool: QThreadPool) -> None:  # type: ignore[no-untyped-def]
    assert pool.waitForDone(10_000)
    qtbot.wait(50)  # the queued delivery runs on the GUI thread's event loop


def test_value_and_exception_arrive_on_the_gui_thread(qtbot, pool: QThreadPool) -> None:  # type: ignore[no-untyped-def]
    owner = Owner()
    op = BackgroundOp(lambda: 41 + 1, owner.ok, owner.bad, owner).start(pool)
    was_running = op.running
    qtbot.waitUntil(lambda: owner.values == [42])
    assert was_running and not op.running

    def boom() -> None:
        raise ValueError("bad input file")

    BackgroundOp(boom, owner.ok, owner.bad, owner).start(pool)
    qtbot.waitUntil(lambda: len(owner.errors) == 1)
    assert str(owner.errors[0]) == "bad input file"
    assert owner.threads == [threading.main_thread()] * 2


def test_cancelled_outcome_is_dropped_but_finished_is_emitted(qtbot, pool: QThreadPool) -> None:  # type: ignore[no-untyped-def]
    owner = Owner()
    gate = threading.Event()
    finished: list[bool] = []
    op = BackgroundOp(lambda: gate.wait(10) and "late", owner.ok, owner.bad, owner)
    op.finished.connect(lambda: finished.append(True))
    op.start(pool)
    op.cancel()
    gate.set()
    qtbot.waitUntil(lambda: finished == [True])
    assert owner.values == [] and owner.errors == []


@pytest.mark.parametrize("outcome", ["value", "exception"])
def test_owner_deleted_while_the_work_runs(qtbot, caplog, pool: QThreadPool, outcome: str) -> None:  # type: ignore[no-untyped-def]
    """The console locked (its pages deleted) while a job ran: the late outcome goes nowhere, quietly."""
    owner = Owner()
    gate, started = threading.Event(), threading.Event()

    def work() -> str:
        started.set()
        gate.wait(10)
        if outcome == "exception":
            raise ValueError("late failure")
        return "late value"

    BackgroundOp(work, owner.ok, owner.bad, owner).start(pool)
    assert started.wait(10)
    Shiboken.delete(owner)  # deletes the op and its relay with it, as closing a page does
    with caplog.at_level(logging.INFO, logger="kiosk.ops.background"):
        gate.set()
        _wait_idle(qtbot, pool)
    # pytest-qt fails the test if an exception escaped the worker thread's run()
    assert "after its owner was closed" in caplog.text
    assert "late failure" not in caplog.text  # by type only: a failure's message may carry a secret
    after = Owner()
    BackgroundOp(lambda: "next", after.ok, after.bad, after).start(pool)
    qtbot.waitUntil(lambda: after.values == ["next"])  # the pool still serves
