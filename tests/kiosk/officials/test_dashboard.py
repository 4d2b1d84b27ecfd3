"""Dashboard: ballots per kiosk from the board, per hour from audit snapshots (ballots carry no times)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ballot.audit import read_audit_log
from ballot.turnout import HourBar, Snapshot, hourly_bars, parse_snapshot, snapshot_details, snapshot_due
from kiosk.officials.pages.dashboard import DashboardPage, Turnout
from kiosk.qt import QWidget
from tests.ballot.box_setup import Ready, prepare_election
from tests.kiosk.officials.console_steps import Answers, Clock, make_context

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2027, 3, 5, hour, minute, tzinfo=UTC)


# ------------------------------------------------------------------ the pure computation (ballot/turnout.py)

def test_bars_are_differences_between_snapshots() -> None:
    snaps = [Snapshot(at(8, 5), 0), Snapshot(at(9, 2), 30), Snapshot(at(12, 10), 50)]
    assert [HourBar(at(8), at(9), 30), HourBar(at(9), at(12), 20), HourBar(at(12), at(13), 4, partial=True)] == \
        hourly_bars(snaps, now=at(12, 40), live=54)
    closed = hourly_bars(snaps, closed=(at(14, 1), 61), now=at(15), live=99)  # the close ends it, not "now"
    assert HourBar(at(12), at(14), 11) == closed[-1]
    assert [] == hourly_bars([], now=at(9), live=3)


def test_snapshot_details_round_trip_and_due() -> None:
    details = snapshot_details(5, {"kiosk-2": 1, "": 1, "kiosk-1": 3})
    assert {"ballots": 5, "kiosks": "=1;kiosk-1=3;kiosk-2=1"} == details
    assert Snapshot(at(9), 5, {"": 1, "kiosk-1": 3, "kiosk-2": 1}) == parse_snapshot(at(9), details)
    assert parse_snapshot(at(9), {"ballots": "5", "kiosks": ""}) is None
    assert snapshot_due(None, at(9)) and snapshot_due(Snapshot(at(8, 59), 0), at(9))
    assert not snapshot_due(Snapshot(at(9, 1), 0), at(9, 59))


# ------------------------------------------------------------------ the page

@pytest.fixture
def dashboard(qtbot, tmp_path: Path) -> Iterator[tuple[DashboardPage, Ready, Clock]]:  # type: ignore[no-untyped-def]
    ready = prepare_election(f"sqlite:///{tmp_path / 'box.sqlite3'}", 6)
    owner = QWidget()
    qtbot.addWidget(owner)
    clock = Clock(at(8, 5))
    page = DashboardPage(make_context(ready.store, owner, Answers(), clock), owner)
    owner.resize(1000, 900)
    owner.show()
    yield page, ready, clock


def read(qtbot, page: DashboardPage) -> Turnout:  # type: ignore[no-untyped-def]
    before = page.turnout
    page.refresh()
    qtbot.waitUntil(lambda: page.turnout is not before and not page.context.busy(), timeout=10_000)
    assert page.turnout is not None
    return page.turnout


def snapshots(ready: Ready) -> list[dict[str, object]]:
    with ready.store.read() as s:
        return [dict(e.details) for e in read_audit_log(s) if e.event == "polls-turnout"]


def test_turnout_per_kiosk_and_per_hour(qtbot, dashboard) -> None:  # type: ignore[no-untyped-def]
    page, ready, clock = dashboard
    first = read(qtbot, page)
    assert first.snapshot_taken and [{"ballots": 0, "kiosks": ""}] == snapshots(ready)
    box = ready.box()
    for i, code in enumerate(ready.codes[:3]):
        box.cast(ready.ballot(code, kiosk=i < 2).to_bytes())
    clock.advance(minutes=20)
    same_hour = read(qtbot, page)
    assert not same_hour.snapshot_taken and 1 == len(snapshots(ready))
    assert "3" == page.total.text()
    assert [("kiosk-1", 2), ("Home desktops", 1)] == [(b.label, b.value) for b in page.kiosk_chart.bars]
    clock.advance(hours=1)  # 09:25: a new hour, a new snapshot
    later = read(qtbot, page)
    assert later.snapshot_taken and {"ballots": 3, "kiosks": "=1;kiosk-1=2"} == snapshots(ready)[-1]
    for code in ready.codes[3:5]:
        box.cast(ready.ballot(code, kiosk=True).to_bytes())
    clock.advance(hours=3)  # 12:25: the console was not looked at in between
    read(qtbot, page)
    assert [("08:00–09:00", 3), ("09:00–12:00", 2), ("12:00–13:00 (so far)", 0)] == \
        [(b.label, b.value) for b in page.hour_chart.bars]
    assert "Polls: open" == page.chip.text()
    assert all("credential" not in str(d) for d in snapshots(ready))  # totals only
