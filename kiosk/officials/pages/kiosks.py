"""Kiosks: the registered kiosks with their key fingerprints, status and ballots so far; register and revoke.

The ballots per kiosk are public (each ballot on the board carries its kiosk's
signature) and aggregate.  Registering writes the kiosk's device key into a key
file sealed by a passphrase typed twice (``pbvote kiosks register``); revoking
(after a confirmation) makes the ballot box refuse that kiosk's ballots from
now on, and the record says from which board height.
"""

from __future__ import annotations

from pathlib import Path

from ballot.audit import key_fingerprint
from ballot.registry import kiosks, revoke_kiosk
from ballot.turnout import count_by_kiosk
from kiosk.i18n import fill, format_number
from kiosk.officials.actions import register_kiosk_key
from kiosk.officials.context import ConsoleContext
from kiosk.officials.dialogs import NewPassphraseForm, confirm, show_problem
from kiosk.officials.page import ConsolePage
from kiosk.officials.widgets import (
    Note,
    PathField,
    Section,
    button,
    button_row,
    field_rows,
    page_layout,
    read_only_table,
    set_rows,
)
from kiosk.qt import QFileDialog, QLineEdit, QWidget

__all__ = ["KiosksPage"]


def _group(hex_digits: str) -> str:
    return "-".join(hex_digits[i:i + 4] for i in range(0, len(hex_digits), 4))


class KiosksPage(ConsolePage):
    """The kiosk register: a table, the registration form and Revoke."""

    object_name = "kiosks"

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        column, self.heading, self.subtitle = page_layout(self)
        self.list = Section()
        self.table = read_only_table(4, stretch=2)
        self.table.setObjectName("KioskTable")
        self.table.setMinimumHeight(180)
        self.list.body.addWidget(self.table)
        self.revoke_button = button()
        self.revoke_button.setObjectName("RevokeKiosk")
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.list.body.addLayout(button_row(self.revoke_button))
        column.addWidget(self.list, 1)
        self.register = Section()
        self.name = QLineEdit()
        self.name.setMaxLength(64)
        self.key_file = PathField()
        self.key_file.choose.clicked.connect(self._choose_key)
        form, (self.name_label, self.key_label) = field_rows(self.name, self.key_file)
        self.register.body.addLayout(form)
        self.passphrase = NewPassphraseForm()
        self.register.body.addWidget(self.passphrase)
        self.register_button = button("primary")
        self.register_button.setObjectName("RegisterKiosk")
        self.register_button.clicked.connect(self.register_kiosk)
        self.register.body.addLayout(button_row(self.register_button))
        self.note = Note()
        self.register.body.addWidget(self.note)
        column.addWidget(self.register)
        self.names: list[str] = []
        self.retranslate()

    def title(self) -> str:
        """The navigation's name of the page."""
        return self.tr("Kiosks")

    # ----- actions

    def register_kiosk(self) -> None:
        """Create and register a kiosk's device key, off the GUI thread."""
        name, key = self.name.text().strip(), self.key_file.text()
        if self.context.busy():
            return
        if not name or not key:
            self.note.set_note(self.tr("Give the kiosk a name and choose where to write its key file."), "error")
            return
        passphrase = self.passphrase.take()
        if passphrase is None:
            return
        store = self.context.store
        self._busy(True)
        self.context.run(lambda: register_kiosk_key(store, name, Path(key), passphrase), self._registered,
                         self._failed, self)

    def _registered(self, public_key: object) -> None:
        self._busy(False)
        assert isinstance(public_key, bytes)
        self.note.set_note(fill(self.tr("Kiosk %1 registered (key %2). Its key file is %3: install it on the "
                                        "kiosk with --kiosk-key and keep the passphrase apart."),
                                self.name.text().strip(), _group(key_fingerprint(public_key)),
                                self.key_file.text()), "ok")
        self.name.clear()
        self.key_file.edit.clear()
        self.context.changed()
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        show_problem(self, self.tr("The kiosk was not registered"), exc)

    def revoke_selected(self) -> None:
        """Revoke the selected kiosk after a confirmation."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.names) or self.context.busy():
            return
        name = self.names[row]
        if not confirm(self, self.tr("Revoke this kiosk?"),
                       fill(self.tr("From now on the ballot box refuses every ballot signed by kiosk %1. Ballots "
                                    "it cast before stay counted. This cannot be undone."), name),
                       self.tr("Revoke kiosk")):
            return
        store = self.context.store

        def revoke() -> int:
            with store.write() as session:
                return revoke_kiosk(session, name)

        self._busy(True)
        self.context.run(revoke, self._revoked, self._revoke_failed, self)

    def _revoked(self, height: object) -> None:
        self._busy(False)
        self.context.changed()
        self.refresh()

    def _revoke_failed(self, exc: BaseException) -> None:
        self._busy(False)
        show_problem(self, self.tr("The kiosk was not revoked"), exc)

    def _choose_key(self) -> None:
        start = str(Path.home() / f"{self.name.text().strip() or 'kiosk'}.key")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Where to write the kiosk's key"), start,
                                              self.tr("Key files (*.key)"))
        if path:
            self.key_file.edit.setText(path)

    def _busy(self, busy: bool) -> None:
        self.register_button.setEnabled(not busy)
        self.revoke_button.setEnabled(not busy and bool(self.names))

    # ----- state and texts

    def refresh(self) -> None:
        """Re-read the kiosks and their ballot counts."""
        if self.context.election() is None:
            self.names = []
            set_rows(self.table, [])
            self._busy(False)
            return
        with self.context.store.read() as session:
            registered = kiosks(session)
            counts = count_by_kiosk(session).counts
        self.names = [k.name for k in registered]
        rows = []
        for k in registered:
            status = (self.tr("registered") if k.revoked_at is None
                      else fill(self.tr("revoked at board entry %1"), format_number(k.revoked_at)))
            rows.append([k.name, _group(key_fingerprint(k.public_key)), status, format_number(counts.get(k.name, 0))])
        set_rows(self.table, rows, right=(3,))
        self._busy(self.context.busy())

    def retranslate(self) -> None:
        """Set every text in the installed language."""
        self.heading.setText(self.tr("Kiosks"))
        self.subtitle.setText(self.tr("Each kiosk signs the ballots cast on it with its own device key. Ballots "
                                      "per kiosk are public on the bulletin board."))
        self.list.set_title(self.tr("Registered kiosks"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Key fingerprint"), self.tr("Status"),
                                              self.tr("Ballots so far")])
        self.table.setAccessibleName(self.tr("Registered kiosks"))
        self.revoke_button.set_texts(self.tr("Revoke selected kiosk…"), "",
                                     self.tr("The ballot box refuses this kiosk's ballots from now on"))
        self.register.set_title(self.tr("Register a kiosk"))
        self.name_label.setText(self.tr("Kiosk name"))
        self.name.setAccessibleName(self.tr("Kiosk name"))
        self.name.setPlaceholderText(self.tr("e.g. library-1"))
        self.key_label.setText(self.tr("Key file to write"))
        self.key_file.set_texts(self.tr("Key file to write"), self.tr("Choose…"))
        self.passphrase.retranslate()
        self.register_button.set_texts(self.tr("Register kiosk"), "",
                                       self.tr("Creates the kiosk's key file and registers its public key"))
        self.refresh()
