"""Screenshots of the console's trustees, polls, dashboard, tally and results pages (added to _shots_console.py).

Each page is pictured in the state an official meets it in: the ceremony's first trustee typing their
name, the polls open with ballots cast, the live dashboard, the tally after the close with one trustee's
decryption stored, and the signed results.  The "closed" and "tallied" stores hold 24 real ballots cast
at a registered kiosk and from home, so the charts have something to show.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ballot.storage import Store
    from kiosk.officials.console import OfficialsWindow

EXTRA_KINDS = ("closed", "tallied")
"""Stores this module prepares (besides _shots_console's "setup", "open" and "roll")."""

VOTERS = 24


def prepare_extra(folder: Path, kind: str) -> Store:
    """A store for ``kind``: "closed" (polls closed, trustee 1 decrypted) or "tallied" (results signed)."""
    from tests.kiosk.officials.console_steps import tallied

    folder.mkdir(parents=True, exist_ok=True)
    ready = tallied(folder / "console.sqlite3", VOTERS, decrypted=(1,) if kind == "closed" else (1, 3),
                    sign=kind == "tallied")
    return ready.store


def _trustees(window: OfficialsWindow, folder: Path) -> None:
    from kiosk.officials.pages.trustees import TrusteesPage

    page = window.show_page("trustees")
    assert isinstance(page, TrusteesPage)
    page.folder.setText(str(Path.home() / "pbvote-trustees"))
    page.name.setText("Ana Wu" if folder.name == "en" else "吳安娜")
    page.passphrase.first.setText("a passphrase typed once")
    page.name.setFocus()


def _polls(window: OfficialsWindow, folder: Path) -> None:
    window.show_page("polls")


def _dashboard(window: OfficialsWindow, folder: Path) -> None:
    """Two earlier hourly notes in the audit log (as a dashboard open since 08:05 would have left)."""
    from datetime import datetime

    from ballot.audit import read_audit_log, record_audit
    from ballot.turnout import TURNOUT_EVENT, snapshot_details

    store = window.context.store
    with store.read() as s:
        noted = any(e.event == TURNOUT_EVENT for e in read_audit_log(s))
    if not noted:
        now = window.context.clock()
        for hour, minute, ballots in ((8, 5, 0), (9, 10, 2)):
            details = snapshot_details(ballots, {"library-1": ballots} if ballots else {})
            record_audit(store, TURNOUT_EVENT, details=details, at=datetime(now.year, now.month, now.day, hour,
                                                                            minute, tzinfo=now.tzinfo))
    window.show_page("dashboard")


def _tally(window: OfficialsWindow, folder: Path) -> None:
    from kiosk.officials.pages.tally import TallyPage

    page = window.show_page("tally")
    assert isinstance(page, TallyPage)
    page.share.setText(str(Path.home() / "trustee-3" / "trustee-3.share"))


def _results(window: OfficialsWindow, folder: Path) -> None:
    window.show_page("results")


STAGES: list[tuple[str, str, Callable[[OfficialsWindow, Path], None]]] = [
    ("trustees", "setup", _trustees),
    ("polls", "open", _polls),
    ("dashboard", "open", _dashboard),
    ("tally", "closed", _tally),
    ("results", "tallied", _results),
]
"""(page name, store kind, the function that brings the page to its pictured state)."""
