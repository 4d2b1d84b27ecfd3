"""The base of every officials' console page: a title for the navigation, and a refresh from the store."""

from __future__ import annotations

from kiosk.officials.context import ConsoleContext
from kiosk.qt import QEvent, QWidget

__all__ = ["ConsolePage"]


class ConsolePage(QWidget):
    """One page of the console (setup, eligibility, kiosks, trustees, polls, tally, dashboard, results).

    Subclasses set ``object_name`` (stable, for tests and screenshots), implement :meth:`title` with a
    translated string, and re-read everything they show in :meth:`refresh`, which the console calls when
    the page is shown and whenever ``context.events.changed`` fires.

    ``roles`` names who may see the page (the attendant sees only pages that list "attendant").  The
    console builds its pages at each login and deletes them at "Lock", so no state (a typed passphrase,
    a chosen folder) outlives the session that entered it.  A language switch calls :meth:`retranslate`,
    which by default calls :meth:`refresh`: a page that sets its texts there needs nothing more.

    Args:
        context: the shared store, clock, pool and news.
        parent: the owning widget.
    """

    object_name = "page"
    roles: tuple[str, ...] = ("official",)

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

    def retranslate(self) -> None:
        """Re-set every text in the installed language (default: :meth:`refresh`)."""
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the console's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_changed(self) -> None:
        if self.isVisible():
            self.refresh()
