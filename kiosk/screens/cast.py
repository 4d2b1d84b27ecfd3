"""Cast or check: the encrypted ballot is ready; the resident casts it or checks it first (Benaloh)."""

from __future__ import annotations

from kiosk.flow import VoterFlow
from kiosk.i18n import fill
from kiosk.qt import QHBoxLayout, Qt, QWidget
from kiosk.session import CastingController
from kiosk.widgets import KioskButton, centered_card, label


class CastScreen(QWidget):
    """Shows the encrypted ballot's tracking code and offers "Cast my ballot" or "Check this ballot first".

    The tracking code is shown before the choice: the kiosk has committed to
    this ciphertext, so a check that opens it tells the resident whether the
    kiosk encrypted their choices honestly.

    Args:
        flow: the voter flow (holds the prepared ballot).
        controller: casts or checks it (off the GUI thread).
    """

    def __init__(self, flow: VoterFlow, controller: CastingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.controller = controller
        col = centered_card(self, margins=(100, 40, 100, 40), spacing=16)
        self.heading = label("Title")
        self.body = label("Muted")
        self.code = label("Heading")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.check_hint = label("Muted")
        for widget in (self.heading, self.body, self.code, self.check_hint):
            col.addWidget(widget)
        col.addSpacing(8)
        row = QHBoxLayout()
        self.change_button = KioskButton()
        self.change_button.clicked.connect(self.controller.change_choices)
        self.check_button = KioskButton()
        self.check_button.setObjectName("CheckButton")
        self.check_button.clicked.connect(self.controller.check)
        self.cast_button = KioskButton("primary")
        self.cast_button.setObjectName("CastButton")
        self.cast_button.clicked.connect(self.controller.cast)
        row.addWidget(self.change_button)
        row.addStretch(1)
        row.addWidget(self.check_button)
        row.addWidget(self.cast_button)
        col.addLayout(row)
        controller.busy_changed.connect(self._busy)

    def _busy(self, busy: bool) -> None:
        for button in (self.change_button, self.check_button, self.cast_button):
            button.setEnabled(not busy)

    def clear(self) -> None:
        """Forget the tracking code (the session ended)."""
        self.code.clear()

    def refresh(self) -> None:
        """Show the texts in the installed language and the encrypted ballot's tracking code."""
        prepared = self.flow.prepared
        self.heading.setText(self.tr("Your ballot is encrypted"))
        self.body.setText(self.tr("Cast it now, or check it first. Nothing is counted until you press "
                                  "“Cast my ballot”."))
        self.code.setText(fill(self.tr("Tracking code of this ballot: %1"), prepared.tracking_code.short)
                          if prepared is not None else "")
        self.check_hint.setText(self.tr("A check opens this encrypted ballot and shows what it contains, so you "
                                        "can see the kiosk recorded your choices. The checked ballot is then "
                                        "thrown away and your choices are encrypted again."))
        self.cast_button.set_texts(self.tr("Cast my ballot"), "",
                                   self.tr("Sends your encrypted ballot to the ballot box; it then counts"))
        self.check_button.set_texts(self.tr("Check this ballot first"), "",
                                    self.tr("Shows what the encrypted ballot contains; it will not be counted"))
        self.change_button.set_texts(self.tr("Change my choices"), "",
                                     self.tr("Returns to the ballot; this encrypted ballot is never cast"))

    def focus_first(self) -> None:
        """Put keyboard focus on "Cast my ballot"."""
        self.cast_button.setFocus()
