"""Encrypting, casting, checking: a calm "please wait" while the work runs off the GUI thread."""

from __future__ import annotations

from kiosk.flow import State, VoterFlow
from kiosk.qt import QProgressBar, Qt, QWidget
from kiosk.widgets import centered_card, label


class BusyScreen(QWidget):
    """One screen for the three short waits; the heading names the one in progress.

    Args:
        flow: the voter flow (its state says which wait).
    """

    def __init__(self, flow: VoterFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        col = centered_card(self, margins=(120, 60, 120, 60), spacing=18)
        self.heading = label("Title")
        self.body = label("Muted")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # indeterminate: proofs have no meaningful percentage
        self.progress.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # screen readers announce the wait from here
        col.addWidget(self.heading)
        col.addWidget(self.body)
        col.addWidget(self.progress)

    def refresh(self) -> None:
        """Say what is happening, in the installed language."""
        state = self.flow.state
        if state == State.CASTING:
            heading = self.tr("Casting your ballot…")
            body = self.tr("The ballot box is checking and storing your encrypted ballot. Please wait a moment.")
        elif state == State.CHECKING:
            heading = self.tr("Checking your ballot…")
            body = self.tr("The encrypted ballot is being opened so you can see what it contains. It will not "
                           "be counted.")
        else:
            heading = self.tr("Encrypting your ballot…")
            body = self.tr("Your choices are being locked so that no one can read them. Please wait a moment.")
        self.heading.setText(heading)
        self.body.setText(body)
        self.progress.setAccessibleName(heading)
        self.progress.setAccessibleDescription(body)

    def focus_first(self) -> None:
        """Focus the progress bar, so the wait is announced."""
        self.progress.setFocus()
