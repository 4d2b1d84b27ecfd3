"""Dashboard page: while the polls are open, ballots cast in total, per kiosk and per hour (aggregates only).

Per kiosk comes from the board (each ballot cast at a kiosk names it and
carries its signature; home-desktop ballots name none).  Per hour cannot:
ballots carry no time, by design.  So the dashboard keeps turnout snapshots
in the officials' audit log (event ``polls-turnout``), one whenever the hour
has changed since the last, and the bars are the differences between
snapshots, ended by the polls' close (ballot/turnout.py).  Nothing here is
per voter.  The page re-reads every 30 seconds while it is visible, on the
console's worker thread, counting on from where it stopped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ballot.audit import read_audit_log, record_audit
from ballot.board import current_head
from ballot.turnout import (
    HOME,
    TURNOUT_EVENT,
    HourBar,
    KioskCounts,
    count_by_kiosk,
    hourly_bars,
    snapshot_details,
    snapshot_due,
    snapshots_from_audit,
)
from kiosk.i18n import fill, format_number
from kiosk.officials.chart import Bar, BarChart
from kiosk.officials.context import ConsoleContext
from kiosk.officials.page import ConsolePage
from kiosk.officials.progress import scrolling_page_layout
from kiosk.officials.widgets import Section, StatusChip, button_row
from kiosk.qt import QHBoxLayout, QTimer, QVBoxLayout, QWidget
from kiosk.widgets import label

__all__ = ["REFRESH_MS", "DashboardPage", "Turnout", "read_turnout"]

REFRESH_MS = 30_000
"""How often the dashboard re-reads the board while it is shown."""


@dataclass(frozen=True, slots=True)
class Turnout:
    """What the dashboard shows: the polls' state, counts per kiosk, bars per hour, and when it was read."""

    polls: str
    kiosks: KioskCounts
    hours: tuple[HourBar, ...]
    at: datetime
    snapshot_taken: bool


def read_turnout(context: ConsoleContext, since: KioskCounts | None) -> Turnout:
    """Count on from ``since``, add a turnout snapshot to the audit log if the hour changed (worker thread).

    Raises:
        StorageError: the database is unreachable or has no board.
    """
    now = context.clock()
    election = context.election()
    if election is None:
        return Turnout("", KioskCounts(), (), now, False)
    with context.store.read() as s:
        _head, polls = current_head(s, election.fingerprint)
        counts = count_by_kiosk(s, since)
        snapshots, closed = snapshots_from_audit(read_audit_log(s))
    taken = False
    if polls == "open" and snapshot_due(snapshots[-1] if snapshots else None, now):
        details = snapshot_details(counts.total, counts.counts)
        role = context.role if context.role in ("official", "attendant") else "official"
        record_audit(context.store, TURNOUT_EVENT, role=role, details=details, at=now)
        with context.store.read() as s:
            snapshots, closed = snapshots_from_audit(read_audit_log(s))
        taken = True
    if closed is not None:
        closed = (closed[0], counts.total)
    bars = hourly_bars(snapshots, now=now, live=counts.total if polls == "open" else None, closed=closed)
    return Turnout(polls, counts, tuple(bars), now, taken)


class DashboardPage(ConsolePage):
    """Live turnout: total, per kiosk, per hour."""

    object_name = "dashboard"
    roles = ("official", "attendant")

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.turnout: Turnout | None = None
        column, self.heading, self.subtitle = scrolling_page_layout(self)
        self.now = Section()
        self.chip = StatusChip()
        self.now.body.addLayout(button_row(self.chip))
        self.total_label = label("Muted")
        self.total = label("Figure", wrap=False)
        self.updated = label("Muted")
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addWidget(self.total)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addStretch(1)
        words.addWidget(self.total_label)
        words.addWidget(self.updated)
        words.addStretch(1)
        row.addLayout(words, 1)
        self.now.body.addLayout(row)
        column.addWidget(self.now)
        self.per_kiosk = Section()
        self.kiosk_chart = BarChart()
        self.per_kiosk.body.addWidget(self.kiosk_chart)
        column.addWidget(self.per_kiosk)
        self.per_hour = Section()
        self.hour_note = label("Muted")
        self.hour_chart = BarChart()
        self.per_hour.body.addWidget(self.hour_note)
        self.per_hour.body.addWidget(self.hour_chart)
        column.addWidget(self.per_hour)
        column.addStretch(1)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._texts()

    def title(self) -> str:
        """The navigation name."""
        return self.tr("Dashboard")

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the turnout on the worker thread (skipped while another action runs)."""
        self._texts()
        if self.context.busy():
            return
        context, since = self.context, self.turnout.kiosks if self.turnout is not None else None
        context.run(lambda: read_turnout(context, since), self._read, self._failed, self)

    def _texts(self) -> None:
        self.heading.setText(self.tr("Dashboard"))
        self.subtitle.setText(self.tr("Turnout while the polls are open. Only totals are shown, never a single voter."))
        self.now.set_title(self.tr("Ballots cast"))
        self.total_label.setText(self.tr("In total"))
        self.per_kiosk.set_title(self.tr("Per kiosk"))
        self.per_hour.set_title(self.tr("Per hour"))
        self.hour_note.setText(self.tr("Ballots carry no time, so the console notes the total once an hour; each bar "
                                       "is the difference between two notes. A bar spanning several hours means the "
                                       "console was not open in between."))
        self.kiosk_chart.setAccessibleName(self.tr("Ballots per kiosk"))
        self.hour_chart.setAccessibleName(self.tr("Ballots per hour"))
        if self.turnout is not None:
            self._show(self.turnout)

    def _read(self, turnout: object) -> None:
        assert isinstance(turnout, Turnout)
        self.turnout = turnout
        self._show(turnout)

    def _failed(self, exc: BaseException) -> None:
        self.updated.setText(fill(self.tr("Could not read the turnout just now (%1); trying again shortly."),
                                  type(exc).__name__))

    def _show(self, t: Turnout) -> None:
        chips = {"before": (self.tr("Polls: not open yet"), "off"), "open": (self.tr("Polls: open"), "ok"),
                 "closed": (self.tr("Polls: closed"), "warn"), "": (self.tr("No election yet"), "off")}
        self.chip.set_state(*chips[t.polls])
        self.total.setText(format_number(t.kiosks.total))
        self.updated.setText(fill(self.tr("Updated at %1"), t.at.strftime("%H:%M")))
        home = self.tr("Home desktops")
        self.kiosk_chart.set_bars([Bar(home if name == HOME else name, n) for name, n in
                                   sorted(t.kiosks.counts.items(), key=lambda kv: (-kv[1], kv[0]))],
                                  empty_text=self.tr("No ballots yet"))
        bars = []
        for bar in t.hours:
            span = f"{bar.start:%H:%M}–{bar.end:%H:%M}"
            bars.append(Bar(fill(self.tr("%1 (so far)"), span) if bar.partial else span, bar.ballots))
        self.hour_chart.set_bars(bars, empty_text=self.tr("The first hour is still running"))
