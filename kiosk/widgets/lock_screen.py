"""The kiosk's lock after the ballot box could not be verified: only an attendant's passphrase opens it again.

A forged receipt or a ballot box of another election means this kiosk must
not take another ballot until a person responsible has looked at it.  The
lock covers the whole window (the screens under it are disabled, so Tab
cannot reach them), survives "start over" and the idle timeout, and asks
for the attendants' passphrase, which the database stores hashed
(ballot.officials, with its lockout after five failures).  At home there
is no attendant: the lock then only says to close the program and contact
the officials.
"""

from __future__ import annotations

from kiosk.qt import QEvent, QHBoxLayout, QLineEdit, QWidget, Signal
from kiosk.widgets.basics import KioskButton, label
from kiosk.widgets.overlay import Overlay


class LockScreen(Overlay):
    """The lock overlay; hidden until ``lock()``.

    Args:
        parent: the window it covers.
        can_unlock: an attendant passphrase can be checked here (a local ballot box).

    Signals:
        unlock_requested(str): the attendant typed the passphrase and pressed Unlock.
    """

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget, *, can_unlock: bool) -> None:
        super().__init__(parent, "ErrorCard")
        self.can_unlock = can_unlock
        self.answer = ""  # "", "checking", "denied", "locked" or "unset"
        self.heading = label("Title")
        self.message = label("Heading")
        self.entry = QLineEdit()
        self.entry.setObjectName("PinEntry")
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.returnPressed.connect(self._submit)
        self.status = label("Banner")
        self.status.setVisible(False)
        self.unlock_button = KioskButton("primary")
        self.unlock_button.setObjectName("UnlockButton")
        self.unlock_button.clicked.connect(self._submit)
        for widget in (self.heading, self.message, self.entry, self.status):
            self.column.addWidget(widget)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        self.column.addLayout(row)
        self.entry.setVisible(can_unlock)
        self.unlock_button.setVisible(can_unlock)
        self.retranslate()

    @property
    def locked(self) -> bool:
        """True while the lock is on show."""
        return self.isVisible()

    def lock(self) -> None:
        """Cover the window and wait for the attendant."""
        self.entry.clear()
        self.answer = ""
        self.retranslate()
        self.cover(self.entry if self.can_unlock else self.card)

    def unlock(self) -> None:
        """Take the lock away (the passphrase was right)."""
        self.entry.clear()
        self.answer = ""
        self.hide()

    def show_answer(self, answer: str) -> None:
        """Say why the lock stays: "denied", "locked" (too many tries) or "unset" (no attendant passphrase)."""
        self.answer = answer
        self.entry.clear()
        self.retranslate()
        self.entry.setFocus()

    def _submit(self) -> None:
        if self.can_unlock and self.answer != "checking" and self.entry.text():
            self.answer = "checking"
            self.retranslate()
            self.unlock_requested.emit(self.entry.text())

    def retranslate(self) -> None:
        """Show the texts in the installed language."""
        self.heading.setText(self.tr("This kiosk is stopped"))
        if self.can_unlock:
            self.message.setText(self.tr("The ballot box could not be verified, so this kiosk takes no more "
                                         "ballots. Please ask a poll worker: they unlock it with the attendants' "
                                         "passphrase after checking it."))
        else:
            self.message.setText(self.tr("The ballot box could not be verified, so this program takes no more "
                                         "ballots. Please close it and contact the election officials."))
        self.status.setText({
            "checking": self.tr("Checking…"),
            "denied": self.tr("That passphrase is not right."),
            "locked": self.tr("Too many wrong tries: wait five minutes, then try again."),
            "unset": self.tr("No attendants' passphrase is set for this election: the officials must restart "
                             "the kiosk."),
        }.get(self.answer, ""))
        self.status.setVisible(bool(self.status.text()))
        self.entry.setAccessibleName(self.tr("Attendants' passphrase"))
        self.entry.setAccessibleDescription(self.tr("Only for poll workers"))
        self.unlock_button.set_texts(self.tr("Unlock"), "", self.tr("Unlocks the kiosk for the next resident"))
        self.card.setAccessibleName(self.heading.text())
        self.card.setAccessibleDescription(self.message.text())

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the installed language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
