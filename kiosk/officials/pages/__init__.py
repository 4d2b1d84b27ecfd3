"""The console's pages, in navigation order: the console shows those whose ``roles`` include the signed-in role."""

from __future__ import annotations

from kiosk.officials.page import ConsolePage
from kiosk.officials.pages.access import AccessPage
from kiosk.officials.pages.checkin import CheckInPage
from kiosk.officials.pages.dashboard import DashboardPage
from kiosk.officials.pages.eligibility import EligibilityPage
from kiosk.officials.pages.kiosks import KiosksPage
from kiosk.officials.pages.polls import PollsPage
from kiosk.officials.pages.results import ResultsPage
from kiosk.officials.pages.setup import SetupPage
from kiosk.officials.pages.tally import TallyPage
from kiosk.officials.pages.trustees import TrusteesPage

__all__ = ["PAGES"]

PAGES: list[type[ConsolePage]] = [SetupPage, EligibilityPage, KiosksPage,
                                   TrusteesPage, PollsPage, CheckInPage, DashboardPage, TallyPage, ResultsPage,
                                   AccessPage]
"""Every page class, in the order of the navigation list (append a page here to put it in the console)."""
