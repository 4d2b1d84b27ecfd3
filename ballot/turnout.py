"""Turnout while the polls are open: ballots per kiosk from the board, ballots per hour from snapshots.

Ballots carry no timestamps (a time beside a ballot would let anyone who
saw a resident vote find their ballot), so the board alone cannot say how
many ballots came in each hour.  The officials' console therefore keeps
*turnout snapshots* in the officials' audit log (event ``polls-turnout``,
details ``{"ballots": total, "kiosks": "name=count;name=count"}``): one
when the hour has changed since the last, and the polls' close in the
audit log ends the last interval.  The bars per hour are the differences
between consecutive snapshots, so every figure is an aggregate of at least
one hour's ballots and never a single voter's.

Per-kiosk counts are public anyway: each ballot cast at a kiosk names the
kiosk and carries its signature on the board.

Everything here except :func:`count_by_kiosk` is a pure function of its
arguments (no table, no migration: the snapshots live in the audit log).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any, Final, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from ballot.storage.models import BoardEntryRow

__all__ = [
    "CLOSE_EVENT",
    "HOME",
    "TURNOUT_EVENT",
    "HourBar",
    "KioskCounts",
    "Snapshot",
    "count_by_kiosk",
    "hour_of",
    "hourly_bars",
    "parse_snapshot",
    "snapshot_details",
    "snapshot_due",
    "snapshots_from_audit",
]

TURNOUT_EVENT: Final = "polls-turnout"
"""The audit event that carries one snapshot (declared in ballot/audit_events.toml)."""

_BATCH: Final = 500

CLOSE_EVENT: Final = "polls-close"
"""The audit event of the polls' close: its time ends the last hour bar."""

HOME: Final = ""
"""The kiosk name under which ballots cast without a kiosk (home desktops) are counted."""


@dataclass(frozen=True, slots=True)
class KioskCounts:
    """Ballots on the board per kiosk, up to a board position (for counting on incrementally).

    Attributes:
        counts: kiosk name -> accepted ballots cast there (``HOME`` for ballots without a kiosk).
        next_position: the first board position not counted yet.
    """

    counts: Mapping[str, int] = field(default_factory=dict)
    next_position: int = 0

    @property
    def total(self) -> int:
        """All ballots counted."""
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The turnout at one moment, as the audit log keeps it.

    Attributes:
        at: when it was taken (timezone-aware).
        ballots: ballots cast in total by then.
        kiosks: ballots per kiosk by then (``HOME`` for home desktops).
    """

    at: datetime
    ballots: int
    kiosks: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class HourBar:
    """Ballots cast between two snapshots, labelled by whole hours.

    Attributes:
        start: the hour (minute 0) the interval began in.
        end: the hour after the one it ended in; ``end - start`` is more than an hour when no
            snapshot was taken in between (the console was closed), and the bar says so.
        ballots: ballots cast in the interval.
        partial: the interval is still running (it ends "now", not at a snapshot or the close).
    """

    start: datetime
    end: datetime
    ballots: int
    partial: bool = False


def count_by_kiosk(session: Session, since: KioskCounts | None = None) -> KioskCounts:
    """Count accepted ballots per kiosk on the board, continuing from an earlier count.

    Only ``ballot`` entries count (spoiled ballots are checks, not votes).  Reading on from
    ``since.next_position`` keeps a dashboard that refreshes every few seconds from re-reading
    100,000 ballots each time.

    Args:
        session: a read session on the election's database.
        since: an earlier result (None: count from the start).

    Returns:
        The counts up to the board's current end.
    """
    counts = dict(since.counts) if since is not None else {}
    position = since.next_position if since is not None else 0
    while True:
        rows = session.execute(select(BoardEntryRow.position, BoardEntryRow.kind, BoardEntryRow.payload)
                               .where(BoardEntryRow.position >= position)
                               .order_by(BoardEntryRow.position).limit(_BATCH)).all()
        if not rows:
            return KioskCounts(counts, position)
        for at, kind, payload in rows:
            position = at + 1
            if kind == "ballot":
                kiosk = json.loads(payload).get("kiosk", HOME)
                name = kiosk if isinstance(kiosk, str) else HOME
                counts[name] = counts.get(name, 0) + 1


def snapshot_details(ballots: int, kiosks: Mapping[str, int]) -> dict[str, Any]:
    """The audit details of a ``polls-turnout`` event: totals only, kiosks sorted by name.

    Kiosk names are ``[a-z0-9-]`` (ballot/registry.py), so ``=`` and ``;`` never occur in them;
    home-desktop ballots (``HOME``, the empty name) appear as ``=N`` when there are any.
    """
    parts = [f"{name}={count}" for name, count in sorted(kiosks.items())]
    return {"ballots": int(ballots), "kiosks": ";".join(parts)}


def parse_snapshot(at: datetime, details: Mapping[str, Any]) -> Snapshot | None:
    """Read a snapshot back from an audit entry's time and details; None if they are not one.

    A malformed entry is skipped rather than raised: the audit log itself is checked by the
    verifier, and a dashboard must not stop over one odd line.
    """
    ballots = details.get("ballots")
    text = details.get("kiosks", "")
    if isinstance(ballots, bool) or not isinstance(ballots, int) or ballots < 0 or not isinstance(text, str):
        return None
    kiosks: dict[str, int] = {}
    for part in filter(None, text.split(";")):
        name, sep, value = part.rpartition("=")
        if not sep or not value.isdigit():
            return None
        kiosks[name] = int(value)
    return Snapshot(at, ballots, kiosks)


class AuditLike(Protocol):
    """What this module reads of an audit entry (ballot.audit.AuditEntry)."""

    @property
    def event(self) -> str: ...
    @property
    def disposition(self) -> str: ...
    @property
    def at(self) -> str: ...
    @property
    def details(self) -> Mapping[str, str | int]: ...


def snapshots_from_audit(entries: Iterable[AuditLike]) -> tuple[list[Snapshot], tuple[datetime, int] | None]:
    """The turnout snapshots and the polls' close (time, ballots) found in the officials' audit log.

    Only successful entries count: a refused close did not close anything.

    Args:
        entries: the audit log (ballot.audit.read_audit_log), in order.

    Returns:
        ``(snapshots, closed)``; ``closed`` is None while the polls are not closed.  The close's
        ballot count is that of the last snapshot before it when the close entry names none (it
        is corrected from the board by the caller, who knows the final count).
    """
    snapshots: list[Snapshot] = []
    closed: tuple[datetime, int] | None = None
    for entry in entries:
        if entry.disposition != "success":
            continue
        at = datetime.fromisoformat(entry.at)
        if entry.event == TURNOUT_EVENT:
            snapshot = parse_snapshot(at, entry.details)
            if snapshot is not None:
                snapshots.append(snapshot)
        elif entry.event == CLOSE_EVENT:
            ballots = entry.details.get("ballots")
            if not isinstance(ballots, int):
                ballots = snapshots[-1].ballots if snapshots else 0
            closed = (at, ballots)
    return snapshots, closed


def hour_of(moment: datetime) -> datetime:
    """The whole hour ``moment`` falls in (minutes, seconds and microseconds zero)."""
    return moment.replace(minute=0, second=0, microsecond=0)


def snapshot_due(last: Snapshot | None, now: datetime) -> bool:
    """Whether a new snapshot belongs in the log: none yet, or the hour changed since the last one."""
    return last is None or hour_of(now) != hour_of(last.at)


def hourly_bars(snapshots: Iterable[Snapshot], *, now: datetime | None = None, live: int | None = None,
                closed: tuple[datetime, int] | None = None) -> list[HourBar]:
    """Ballots per hour: the differences between consecutive snapshots.

    The interval between two snapshots is labelled by the whole hours it spans: snapshots at
    10:05 and 11:02 give the bar "10:00-11:00", snapshots at 10:05 and 13:10 the bar
    "10:00-13:00" (nobody looked in between, so the ballots cannot be split by hour).  After the
    last snapshot, the close of the polls (time and final count) or else the live count "now" ends
    the last bar; a live bar is marked partial.

    Args:
        snapshots: the turnout snapshots, in any order.
        now: the current time, with ``live``.
        live: the ballots on the board now (None: no running bar).
        closed: (time, ballots) of the polls' close, if they closed.

    Returns:
        One bar per interval, oldest first.
    """
    points = sorted(snapshots, key=lambda s: s.at)
    ends: list[tuple[datetime, int, bool]] = [(s.at, s.ballots, False) for s in points]
    if closed is not None:
        ends.append((closed[0], closed[1], False))
    elif live is not None and now is not None and points:
        ends.append((now, live, True))
    bars = []
    for (t0, n0, _), (t1, n1, partial) in pairwise(ends):
        start, end = hour_of(t0), hour_of(t1)
        if end <= start:
            end = start + timedelta(hours=1)
        bars.append(HourBar(start, end, max(0, n1 - n0), partial))
    return bars
