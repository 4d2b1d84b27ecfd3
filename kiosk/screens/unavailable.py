"""A calm "not available in this build yet" screen for --officials, --observer and --server."""

from __future__ import annotations

from kiosk.i18n import LANGUAGES, QT_TRANSLATE_NOOP, fill, translate_in
from kiosk.qt import QApplication, Qt, QWidget
from kiosk.widgets import KioskButton, centered_card, label

TITLE = QT_TRANSLATE_NOOP("Unavailable", "Not available in this build yet")
EXPLANATIONS = {
    "officials": QT_TRANSLATE_NOOP("Unavailable", "The officials' console arrives in a later build. "
                                                  "Use the pbvote command line for now."),
    "observer": QT_TRANSLATE_NOOP("Unavailable", "The observer screen arrives in a later build. "
                                                 "Use 'pbvote verify' on the election record for now."),
    "server": QT_TRANSLATE_NOOP("Unavailable", "Voting through a central server (%1) arrives in a later build."),
}
"""Why each mode is not here yet ("server" names the URL as %1)."""
CLOSE = QT_TRANSLATE_NOOP("Unavailable", "Close")
CLOSE_DESCRIPTION = QT_TRANSLATE_NOOP("Unavailable", "Closes the program")


def both(source: str) -> str:
    """Return ``source`` in Traditional Chinese and English, joined by " · "."""
    return " · ".join(translate_in(lang, "Unavailable", source) for lang in LANGUAGES)


class UnavailableScreen(QWidget):
    """Explains, in both languages, that a mode is not in this build.

    Args:
        mode: "officials", "observer" or "server".
        url: the server's URL (mode "server").
    """

    def __init__(self, mode: str, url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        col = centered_card(self, margins=(120, 60, 120, 60), spacing=14)
        for lang in LANGUAGES:
            col.addWidget(label("Heading", translate_in(lang, "Unavailable", TITLE)))
            col.addWidget(label("Muted", fill(translate_in(lang, "Unavailable", EXPLANATIONS[mode]), url)))
            col.addSpacing(10)
        self.quit_button = KioskButton("primary")
        self.quit_button.set_texts(both(CLOSE), both(CLOSE), both(CLOSE_DESCRIPTION))
        self.quit_button.clicked.connect(self._quit)
        col.addWidget(self.quit_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _quit(self) -> None:
        QApplication.closeAllWindows()

    def refresh(self) -> None:
        """Nothing changes: both languages are always shown."""

    def focus_first(self) -> None:
        """Put keyboard focus on the close button."""
        self.quit_button.setFocus()
