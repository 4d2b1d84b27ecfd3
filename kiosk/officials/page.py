"""The base of every officials' console page: a title for the navigation, and a refresh from the store."""

from __future__ import annotations

from kiosk.officials.context import ConsoleContext
from kiosk.qt import QWidget

__all__ = ["ConsolePage"]


class ConsolePage(QWidget):
    """One page of the console (setup, eligibility, kiosks, trustees, polls, tally, dashboard, results).

    Subclasses set ``object_name`` (stable, for tests and screenshots), implement :meth:`title` with a
    translated string, and re-read everything they show in :meth:`refresh`, which the console calls when
    the page is shown and whenever ``context.events.changed`` fires.

    Args:
        context: the shared store, clock, pool and news.
        parent: the owning widget.
    """

    object_name = "page"

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName(self.object_name)
        context.events.changed.connect(self._on_changed)

    def title(self) -> str:
        """The page's name in the navigation (translated)."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Re-read what this page shows from the store (called on show and on every change)."""

    def _on_changed(self) -> None:
        if self.isVisible():
            self.refresh()
