"""The idle timeout never clears a session while a cast (or encryption, or printing) is running."""

from __future__ import annotations

import time

import pytest

from ballot.box import CastResult
from kiosk.flow import State
from kiosk.ops import VotingService
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
