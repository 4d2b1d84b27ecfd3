"""The calm end of this build's flow: casting arrives in the next build."""

from __future__ import annotations

from kiosk.flow import VoterFlow
from kiosk.qt import Qt, QWidget
from kiosk.widgets import KioskButton, centered_card, label


class PendingScreen(QWidget):
    """Says casting is not in this build yet and offers the way back to the start.

    Args:
        flow: the voter flow.
    """

    def __init__(self, flow: VoterFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        col = centered_card(self, margins=(120, 60, 120, 60), spacing=18)
        self.heading = label("Title")
        self.body = label("Muted")
        self.home_button = KioskButton("primary")
        self.home_button.clicked.connect(self.flow.reset)
        col.addWidget(self.heading)
        col.addWidget(self.body)
        col.addWidget(self.home_button, 0, Qt.AlignmentFlag.AlignLeft)

    def refresh(self) -> None:
        """Show the texts in the installed language."""
        self.heading.setText(self.tr("Casting arrives in the next build"))
        self.body.setText(self.tr("This preview build lets you try the ballot. Encrypting and casting your ballot, "
                                  "and the receipt, come in the next build. Nothing was recorded."))
        self.home_button.set_texts(self.tr("Back to the start"), "",
                                   self.tr("Clears your choices and returns to the first screen"))

    def focus_first(self) -> None:
        """Put keyboard focus on the way back."""
        self.home_button.setFocus()
