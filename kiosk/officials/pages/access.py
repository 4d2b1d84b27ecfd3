"""Access (officials only): set the attendants' passphrase and change the officials' own; each change is audited.

The passphrases are hashed with Argon2id by ``ballot.officials.set_passphrase``
(off the GUI thread: hashing is slow on purpose); this page never keeps them.
"""

from __future__ import annotations

from ballot.officials import has_passphrase, set_passphrase
from kiosk.officials.context import ConsoleContext
from kiosk.officials.dialogs import NewPassphraseForm, show_problem
from kiosk.officials.page import ConsolePage
from kiosk.officials.widgets import Note, Section, StatusChip, button, button_row, page_layout
from kiosk.qt import QWidget

__all__ = ["AccessPage"]

_ROLES = ("attendant", "official")


class AccessPage(ConsolePage):
    """One section per role: its state and the form that sets its passphrase."""

    object_name = "access"

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        column, self.heading, self.subtitle = page_layout(self)
        self.sections: dict[str, Section] = {}
        self.states: dict[str, StatusChip] = {}
        self.forms: dict[str, NewPassphraseForm] = {}
        self.buttons = {}
        self.notes: dict[str, Note] = {}
        for role in _ROLES:
            section = Section()
            self.states[role] = StatusChip()
            section.body.addWidget(self.states[role])
            self.forms[role] = NewPassphraseForm()
            section.body.addWidget(self.forms[role])
            self.buttons[role] = button("primary")
            self.buttons[role].setObjectName(f"set-{role}")
            self.buttons[role].clicked.connect(self._set_clicked)
            section.body.addLayout(button_row(self.buttons[role]))
            self.notes[role] = Note()
            self.notes[role].hide()
            section.body.addWidget(self.notes[role])
            self.sections[role] = section
            column.addWidget(section)
        column.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        """The navigation's name of the page."""
        return self.tr("Access")

    def _set_clicked(self) -> None:
        role = next(r for r, b in self.buttons.items() if b is self.sender())
        self.set_role_passphrase(role)

    def set_role_passphrase(self, role: str) -> None:
        """Store the passphrase typed twice for ``role``, off the GUI thread."""
        if self.context.busy():
            return
        passphrase = self.forms[role].take()
        if passphrase is None:
            return
        store = self.context.store

        def store_it() -> str:
            with store.write() as session:
                set_passphrase(session, role, passphrase)
            return role

        for b in self.buttons.values():
            b.setEnabled(False)
        self.context.run(store_it, self._stored, self._failed, self)

    def _stored(self, role: object) -> None:
        for b in self.buttons.values():
            b.setEnabled(True)
        assert isinstance(role, str)
        self.notes[role].set_note(self.tr("Passphrase set. It is needed from the next sign-in on."), "ok")
        self.notes[role].show()
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        for b in self.buttons.values():
            b.setEnabled(True)
        show_problem(self, self.tr("The passphrase was not set"), exc)

    def refresh(self) -> None:
        """Show whether each role has a passphrase."""
        with self.context.store.read() as session:
            known = {role: has_passphrase(session, role) for role in _ROLES}
        self.states["attendant"].set_state(
            self.tr("Attendants can sign in") if known["attendant"] else self.tr("No attendant passphrase yet"),
            "ok" if known["attendant"] else "warn")
        self.states["official"].set_state(self.tr("Officials' passphrase set"), "ok")

    def retranslate(self) -> None:
        """Set every text in the installed language."""
        self.heading.setText(self.tr("Access"))
        self.subtitle.setText(self.tr("Who may sign in to this console. Attendants see only the check-in page; "
                                      "officials see everything."))
        self.sections["attendant"].set_title(self.tr("Attendants' passphrase"))
        self.sections["official"].set_title(self.tr("Officials' passphrase"))
        self.buttons["attendant"].set_texts(self.tr("Set attendants' passphrase"), "", "")
        self.buttons["official"].set_texts(self.tr("Change officials' passphrase"), "", "")
        for form in self.forms.values():
            form.retranslate()
        self.refresh()
