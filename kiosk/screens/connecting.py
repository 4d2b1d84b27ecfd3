"""Home mode's first screen: "Connecting to the ballot box…" while ``--server`` is checked off the GUI thread."""

from __future__ import annotations

from kiosk.i18n import LANGUAGES, QT_TRANSLATE_NOOP, fill, translate_in
from kiosk.qt import QProgressBar, QWidget
from kiosk.widgets import centered_card, label

CONNECTING = QT_TRANSLATE_NOOP("Connecting", "Connecting to the ballot box…")
CHECKING = QT_TRANSLATE_NOOP("Connecting", "Checking that %1 serves the election on your code letter. "
                                           "This takes a few seconds.")


def in_both(source: str) -> str:
    """``source`` in every kiosk language, joined by " · " (before anyone chose one)."""
    return " · ".join(translate_in(lang, "Connecting", source) for lang in LANGUAGES)


class ConnectingScreen(QWidget):
    """Both languages at once (nobody has chosen one yet) and a moving bar: the kiosk is not stuck.

    Args:
        url: the ballot-box server being checked.
    """

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        col = centered_card(self, margins=(120, 80, 120, 80), spacing=14)
        for lang in LANGUAGES:
            col.addWidget(label("Heading", translate_in(lang, "Connecting", CONNECTING)))
            col.addWidget(label("Muted", fill(translate_in(lang, "Connecting", CHECKING), url)))
            col.addSpacing(10)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: no fraction is known
        self.bar.setAccessibleName(in_both(CONNECTING))
        col.addWidget(self.bar)
        col.addStretch(1)
