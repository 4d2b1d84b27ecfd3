"""The idle timeout never clears a session while a cast (or encryption, or printing) is running."""

from __future__ import annotations

import time

import pytest

from ballot.box import CastResult
from ballot.manifest_model import Election
from ballot.receipts import Receipt
from kiosk.app import build_window
from kiosk.flow import State
from kiosk.ops import VotingService
from tests.ballot.box_setup import prepare_election
from tests.kiosk.conftest import fixed_clock
from tests.kiosk.test_casting import voting, wait_state  # noqa: F401  (voting: the fixture)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SLOW = 1.6
"""Seconds the cast takes: well past the idle time plus its warning (0.3 + 0.3 s)."""


class SlowBox(VotingService):
    """The real ballot box, behind a slow network."""

    def cast(self, data: bytes) -> CastResult:
        time.sleep(SLOW)
        return super().cast(data)


def test_a_slow_cast_is_never_timed_out_and_the_timeout_returns_after_it(voting, qtbot) -> None:  # type: ignore[no-untyped-def] # noqa: F811
    w, ready = voting("school-points", service_type=SlowBox, idle_seconds=0.3, warning_seconds=0.3)
    seen: list[State] = []
    w.flow.subscribe(lambda: seen.append(w.flow.state))
    w.flow.start()
    w.controller.submit_code(ready.codes[0])
    wait_state(qtbot, w, State.BALLOT)
    w.flow.add_point(next(iter(w.ballot.cards)))
    w.flow.review()
    w.controller.encrypt()
    wait_state(qtbot, w, State.CHOICE)
    w.controller.cast()
    assert w.flow.state is State.CASTING and w.idle.held
    qtbot.wait(int(SLOW * 600))  # past idle + warning: without the hold the session would be gone by now
    assert w.flow.state is State.CASTING and not w.idle_warning.isVisible()
    wait_state(qtbot, w, State.RECEIPT)
    assert State.WELCOME not in seen[seen.index(State.CASTING):]
    assert w.flow.receipt is not None and not w.idle.held
    qtbot.waitUntil(lambda: w.flow.state is State.WELCOME, timeout=5_000)  # quiet after the receipt: timed out


class SlowPrinter:
    """A printer that takes longer than the whole receipt countdown."""

    def __init__(self) -> None:
        self.printed: list[str] = []

    def print_receipt(self, receipt: Receipt, election: Election, language: str) -> None:
        time.sleep(SLOW)
        self.printed.append(receipt.tracking_code.short)


def test_the_receipt_waits_for_a_slow_printer(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ready = prepare_election(f"sqlite:///{tmp_path / 'box.sqlite3'}", 1, sample="school-points")
    printer = SlowPrinter()
    w = build_window(ready.election, clock=fixed_clock, service=VotingService(ready.box()), printer=printer,
                     receipt_seconds=1, idle_seconds=0.3, warning_seconds=0.3)
    qtbot.addWidget(w)
    w.show()
    w.flow.start()
    w.controller.submit_code(ready.codes[0])
    wait_state(qtbot, w, State.BALLOT)
    w.flow.add_point(next(iter(w.ballot.cards)))
    w.flow.review()
    w.controller.encrypt()
    wait_state(qtbot, w, State.CHOICE)
    w.controller.cast()
    wait_state(qtbot, w, State.RECEIPT)
    w.receipt.print_button.click()
    qtbot.wait(int(SLOW * 700))  # past the 1 s countdown and the idle time: both wait for the printer
    assert w.flow.state is State.RECEIPT and not printer.printed
    qtbot.waitUntil(lambda: w.receipt.printing == "done", timeout=10_000)
    assert printer.printed == [w.flow.receipt.tracking_code.short]
    qtbot.waitUntil(lambda: w.flow.state is State.WELCOME, timeout=5_000)  # then the countdown ends the session
    w.close()
    ready.store.close()
