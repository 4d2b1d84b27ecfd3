"""Attendant check-in (voter-roll elections): ID number and birth date, checked once against the roll."""

from __future__ import annotations

from kiosk.flow import VoterFlow
from kiosk.qt import QLineEdit, QWidget
from kiosk.screens._entry import EntryScreen
from kiosk.session import CastingController
from kiosk.widgets import label


class CheckInScreen(EntryScreen):
    """What the attendant types before handing the kiosk to the resident.

    Only keyed hashes of the roll are in the database and a check-in records
    the day only (ballot.roll); the ballot that follows carries a one-time
    credential signed by this kiosk, unlinked to the entry.

    Args:
        flow: the voter flow (its ``refusal`` says why the last check-in was refused).
        controller: checks the resident in (off the GUI thread).
    """

    def __init__(self, flow: VoterFlow, controller: CastingController, parent: QWidget | None = None) -> None:
        super().__init__(flow, controller, parent)
        self.heading = label("Title")
        self.hint = label("Muted")
        self.id_label = label("Heading")
        self.id_entry = QLineEdit()
        self.id_entry.setObjectName("FormEntry")
        self.birth_label = label("Heading")
        self.birth_entry = QLineEdit()
        self.birth_entry.setObjectName("FormEntry")
        self.birth_entry.setInputMask("9999-99-99")
        self.id_entry.returnPressed.connect(self.birth_entry.setFocus)
        self.birth_entry.returnPressed.connect(self._submit)
        self.check_button = self.submit_button
        self.add_fields(self.heading, self.hint, self.id_label, self.id_entry, self.birth_label, self.birth_entry,
                        self.problem)

    def _submit(self) -> None:
        if not self.controller.busy:
            self.controller.check_in(self.id_entry.text(), self.birth_entry.text())

    def clear(self) -> None:
        """Forget what was typed (the session ended)."""
        self.id_entry.clear()
        self.birth_entry.clear()
        self.clear_problem()

    def refresh(self) -> None:
        """Show the texts in the installed language, and the refusal if there is one."""
        self.heading.setText(self.tr("Check-in by a poll worker"))
        self.hint.setText(self.tr("A poll worker checks the resident's ID against the voter roll. Each resident "
                                  "can check in once."))
        self.id_label.setText(self.tr("ID number"))
        self.id_entry.setAccessibleName(self.tr("ID number"))
        self.id_entry.setAccessibleDescription(self.tr("Letters and digits, as on the ID card"))
        self.birth_label.setText(self.tr("Birth date (YYYY-MM-DD)"))
        self.birth_entry.setAccessibleName(self.tr("Birth date"))
        self.birth_entry.setAccessibleDescription(self.tr("Year, month and day, e.g. 1980-04-23"))
        self.show_refusal()
        self.back_button.set_texts(self.tr("Back"), "", self.tr("Returns to the first screen"))
        self.check_button.set_texts(self.tr("Check in"), "", self.tr("Checks the resident against the voter roll"))

    def focus_first(self) -> None:
        """Put keyboard focus in the ID number field."""
        self.id_entry.setFocus()
