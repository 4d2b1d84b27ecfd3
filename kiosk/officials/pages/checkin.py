"""Check-in (attendants and officials): open the roll key once, then check residents in by ID number and birth date.

What ``pbvote roll check-in`` does, one resident after another: the roll holds
only keyed hashes, so the key file is opened first (its passphrase asked once
per session, the key kept in this page only and gone at "Lock").  Check-ins
are never audited (the audit log must not link a resident to a time) and the
ID number and birth date fields are cleared after each answer.
"""

from __future__ import annotations

from pathlib import Path

from ballot.roll import AlreadyCheckedIn, CheckedIn, RollKey, check_in, read_roll_key
from ballot.storage import load_election
from kiosk.officials.context import ConsoleContext
from kiosk.officials.dialogs import password_field, show_problem
from kiosk.officials.page import ConsolePage
from kiosk.officials.widgets import Note, PathField, Section, StatusChip, button, button_row, field_rows, page_layout
from kiosk.qt import QFileDialog, QLineEdit, QWidget

__all__ = ["CheckInPage"]


class CheckInPage(ConsolePage):
    """The roll key, then one form per resident: ID number, birth date, Check in."""

    object_name = "checkin"
    roles = ("official", "attendant")

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        column, self.heading, self.subtitle = page_layout(self)
        self.state = StatusChip()
        column.addWidget(self.state)
        self.key_section = Section()
        self.key_file = PathField()
        self.key_file.choose.clicked.connect(self._choose_key)
        self.key_passphrase = password_field("")
        self.key_passphrase.returnPressed.connect(self.open_key)
        form, (self.key_label, self.pass_label) = field_rows(self.key_file, self.key_passphrase)
        self.key_section.body.addLayout(form)
        self.open_button = button("primary")
        self.open_button.clicked.connect(self.open_key)
        self.key_section.body.addLayout(button_row(self.open_button))
        column.addWidget(self.key_section)
        self.resident = Section()
        self.id_number, self.birth_date = QLineEdit(), QLineEdit()
        self.birth_date.setInputMask("9999-99-99")
        self.birth_date.returnPressed.connect(self.check)
        form, (self.id_label, self.birth_label) = field_rows(self.id_number, self.birth_date)
        self.resident.body.addLayout(form)
        self.check_button = button("primary")
        self.check_button.setObjectName("CheckIn")
        self.check_button.clicked.connect(self.check)
        self.resident.body.addLayout(button_row(self.check_button))
        self.answer = Note()
        self.resident.body.addWidget(self.answer)
        column.addWidget(self.resident)
        column.addStretch(1)
        self.roll_key: RollKey | None = None
        self.retranslate()

    def title(self) -> str:
        """The navigation's name of the page."""
        return self.tr("Check-in")

    def open_key(self) -> None:
        """Open the roll key file with its passphrase, off the GUI thread."""
        path, passphrase = self.key_file.text(), self.key_passphrase.text()
        self.key_passphrase.clear()
        if not path or not passphrase or self.context.busy():
            return
        store = self.context.store

        def unlock() -> RollKey:
            with store.read() as session:
                fingerprint = load_election(session).fingerprint
            return read_roll_key(Path(path), passphrase, fingerprint)

        self.open_button.setEnabled(False)
        self.context.run(unlock, self._opened, self._open_failed, self)

    def _opened(self, key: object) -> None:
        assert isinstance(key, RollKey)
        self.roll_key = key
        self.refresh()
        self.id_number.setFocus()

    def _open_failed(self, exc: BaseException) -> None:
        self.open_button.setEnabled(True)
        show_problem(self, self.tr("The roll key did not open"), exc)

    def check(self) -> None:
        """Check the resident in, off the GUI thread; the fields are cleared whatever the answer."""
        key, id_number, birth = self.roll_key, self.id_number.text().strip(), self.birth_date.text().strip()
        if key is None or not id_number or len(birth) != 10 or self.context.busy():
            return
        self.id_number.clear()
        self.birth_date.clear()
        store = self.context.store

        def work() -> object:
            with store.write() as session:
                return check_in(session, key, id_number, birth)

        self.check_button.setEnabled(False)
        self.context.run(work, self._answered, self._check_failed, self)

    def _answered(self, result: object) -> None:
        self.check_button.setEnabled(True)
        if isinstance(result, CheckedIn):
            self.answer.set_note(self.tr("Checked in: the resident may vote now."), "ok")
        elif isinstance(result, AlreadyCheckedIn):
            self.answer.set_note(self.tr("Already checked in: this resident has voted (or checked in) before."),
                                 "error")
        else:
            self.answer.set_note(self.tr("Not on the roll: check the ID number and the birth date."), "error")
        self.id_number.setFocus()

    def _check_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        show_problem(self, self.tr("The resident was not checked in"), exc)

    def _choose_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The roll key"), str(Path.home()),
                                              self.tr("Key files (*.key)"))
        if path:
            self.key_file.edit.setText(path)

    def refresh(self) -> None:
        """Show what this election needs: a roll key, the resident form, or nothing (voting codes)."""
        election = self.context.election()
        roll = election is not None and election.eligibility == "roll"
        self.key_section.setVisible(roll and self.roll_key is None)
        self.resident.setVisible(roll and self.roll_key is not None)
        self.open_button.setEnabled(True)
        if not roll:
            self.state.set_state(self.tr("No check-in: this election uses voting codes"), "off")
        elif self.roll_key is None:
            self.state.set_state(self.tr("Roll key not opened"), "warn")
        else:
            self.state.set_state(self.tr("Roll key open: checking residents in"), "ok")

    def retranslate(self) -> None:
        """Set every text in the installed language."""
        self.heading.setText(self.tr("Check-in"))
        self.subtitle.setText(self.tr("Voter-roll elections: check each resident in before they vote. The roll "
                                      "holds keyed hashes only, and check-ins are never logged."))
        self.key_section.set_title(self.tr("Open the roll key"))
        self.key_label.setText(self.tr("Roll key file"))
        self.key_file.set_texts(self.tr("Roll key file"), self.tr("Choose…"))
        self.pass_label.setText(self.tr("Its passphrase"))
        self.key_passphrase.setAccessibleName(self.tr("Passphrase of the roll key"))
        self.open_button.set_texts(self.tr("Open roll key"), "", "")
        self.resident.set_title(self.tr("Resident"))
        self.id_label.setText(self.tr("ID number"))
        self.id_number.setAccessibleName(self.tr("ID number"))
        self.birth_label.setText(self.tr("Birth date (YYYY-MM-DD)"))
        self.birth_date.setAccessibleName(self.tr("Birth date"))
        self.check_button.set_texts(self.tr("Check in"), "", self.tr("Check this resident in on the roll"))
        self.refresh()
