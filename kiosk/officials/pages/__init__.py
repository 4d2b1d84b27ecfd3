"""The console's pages, in navigation order: the console shows those whose ``roles`` include the signed-in role."""

from __future__ import annotations

from kiosk.officials.page import ConsolePage
from kiosk.officials.pages.eligibility import EligibilityPage
from kiosk.officials.pages.kiosks import KiosksPage
from kiosk.officials.pages.setup import SetupPage

__all__ = ["PAGES"]

PAGES: list[type[ConsolePage]] = [SetupPage, EligibilityPage, KiosksPage]
"""Every page class, in the order of the navigation list (append a page here to put it in the console)."""
