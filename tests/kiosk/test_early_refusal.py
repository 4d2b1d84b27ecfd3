"""A used or unknown voting code is refused on the code screen, before the resident fills in a ballot."""

from __future__ import annotations

import pytest

from crypto.codes import generate_code
from kiosk.flow import State
from tests.kiosk.test_casting import enter_code, voting  # noqa: F401  (voting: the fixture)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_a_used_code_is_refused_before_the_ballot(voting, qtbot) -> None:  # type: ignore[no-untyped-def] # noqa: F811
    w, ready = voting("taipei-daan", voters=2)
    ready.box().cast(ready.ballot(ready.codes[0]).to_bytes())  # voted elsewhere, earlier
    seen: list[State] = []
    w.flow.subscribe(lambda: seen.append(w.flow.state))
    enter_code(qtbot, w, ready.codes[0])
    qtbot.waitUntil(lambda: w.flow.refusal is not None, timeout=10_000)
    assert w.flow.refusal == "used" and w.flow.state is State.ELIGIBILITY and w.flow.credential is None
    assert "already been used" in w.eligibility.problem.text() and w.eligibility.problem.isVisible()
    w.flow.reset()
    enter_code(qtbot, w, generate_code())  # a well-formed code of no batch of this election
    qtbot.waitUntil(lambda: w.flow.refusal is not None, timeout=10_000)
    assert w.flow.refusal == "unknown" and "not on this election's list" in w.eligibility.problem.text()
    w.flow.reset()
    enter_code(qtbot, w, ready.codes[1])
    qtbot.waitUntil(lambda: w.flow.state is State.DISTRICT, timeout=10_000)
    assert State.BALLOT not in seen[: seen.index(State.DISTRICT)]
