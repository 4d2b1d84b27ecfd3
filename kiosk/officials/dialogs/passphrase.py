"""Passphrase entry for officials: a new one typed twice (a form to embed), or an existing one asked in a dialog.

Passphrases live only in the line edits and the call they are passed to: they
are never logged, never put in a message, and the fields are cleared as soon as
the value is taken, so a locked console holds none.
"""

from __future__ import annotations

from kiosk.i18n import fill
from kiosk.qt import (
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kiosk.widgets import label

__all__ = ["MIN_PASSPHRASE", "NewPassphraseDialog", "NewPassphraseForm", "PassphraseDialog", "ask_new_passphrase",
           "ask_passphrase", "password_field"]

MIN_PASSPHRASE = 10
"""Shortest new passphrase the console accepts (characters)."""


def password_field(name: str) -> QLineEdit:
    """A line edit that hides what is typed, with an accessible name."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class NewPassphraseForm(QWidget):
    """Choose a passphrase: typed twice, at least ``min_length`` characters; ``take()`` returns it or says why not.

    Args:
        min_length: the shortest passphrase accepted.
        parent: the owning widget.

    Signals:
        submitted(): Return was pressed in the second field.
    """

    submitted = Signal()

    def __init__(self, min_length: int = MIN_PASSPHRASE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_length = min_length
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(10)
        self.first = password_field("")
        self.second = password_field("")
        self.first_label = QLabel()
        self.second_label = QLabel()
        self.first_label.setBuddy(self.first)
        self.second_label.setBuddy(self.second)
        form.addRow(self.first_label, self.first)
        form.addRow(self.second_label, self.second)
        self.problem = label("FieldError")
        self.problem.hide()
        form.addRow(self.problem)
        self.first.returnPressed.connect(self.second.setFocus)
        self.second.returnPressed.connect(self.submitted)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the labels in the installed language."""
        self.first_label.setText(QCoreApplication.translate("ConsolePassphrase", "Passphrase"))
        self.second_label.setText(QCoreApplication.translate("ConsolePassphrase", "Type it again"))
        self.first.setAccessibleName(QCoreApplication.translate("ConsolePassphrase", "New passphrase"))
        self.second.setAccessibleName(QCoreApplication.translate("ConsolePassphrase", "New passphrase, again"))
        hint = QCoreApplication.translate("ConsolePassphrase", "at least %1 characters")
        self.first.setPlaceholderText(fill(hint, str(self.min_length)))

    def take(self) -> str | None:
        """The passphrase if both entries agree and it is long enough (fields cleared); else None, reason shown."""
        first, second = self.first.text(), self.second.text()
        if len(first) < self.min_length:
            why = fill(QCoreApplication.translate("ConsolePassphrase", "The passphrase needs at least %1 characters."),
                       str(self.min_length))
        elif first != second:
            why = QCoreApplication.translate("ConsolePassphrase", "The two entries differ; please type them again.")
        else:
            self.clear()
            return first
        self.problem.setText(why)
        self.problem.setAccessibleName(why)
        self.problem.show()
        self.second.clear()
        self.first.setFocus()
        return None

    def clear(self) -> None:
        """Forget what was typed and any message."""
        self.first.clear()
        self.second.clear()
        self.problem.hide()


def _dialog_column(dialog: QDialog, title: str, prompt: str, body: QWidget) -> QDialogButtonBox:
    """Lay out ``dialog``: the prompt, ``body`` and OK/Cancel (returned, its signals for the caller to connect)."""
    dialog.setWindowTitle(title)
    column = QVBoxLayout(dialog)
    column.setContentsMargins(24, 20, 24, 20)
    column.setSpacing(12)
    column.addWidget(label("", prompt))
    column.addWidget(body)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.rejected.connect(dialog.reject)
    for b in buttons.buttons():
        b.setAccessibleName(b.text())
    column.addWidget(buttons)
    dialog.resize(480, dialog.sizeHint().height())
    return buttons


class PassphraseDialog(QDialog):
    """Ask for an existing passphrase (the ballot-box key's, a trustee's) in a small modal dialog.

    Args:
        prompt: whose passphrase, as a sentence.
        parent: the window it belongs to.
    """

    def __init__(self, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = password_field(prompt)
        buttons = _dialog_column(self, QCoreApplication.translate("ConsolePassphrase", "Passphrase"), prompt,
                                 self.field)
        buttons.accepted.connect(self.accept)


def ask_passphrase(parent: QWidget | None, prompt: str) -> str:
    """Ask for a passphrase in a modal dialog; "" when cancelled."""
    dialog = PassphraseDialog(prompt, parent)
    try:
        return dialog.field.text() if dialog.exec() == QDialog.DialogCode.Accepted else ""
    finally:
        dialog.field.clear()
        dialog.deleteLater()


class NewPassphraseDialog(QDialog):
    """Choose a new passphrase (typed twice) in a modal dialog, e.g. the ballot-box key's at the first save.

    Args:
        prompt: what the passphrase will guard, as a sentence.
        parent: the window it belongs to.
    """

    def __init__(self, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = NewPassphraseForm()
        buttons = _dialog_column(self, QCoreApplication.translate("ConsolePassphrase", "Choose a passphrase"),
                                 prompt, self.form)
        buttons.accepted.connect(self._check)
        self.form.submitted.connect(self._check)
        self.value = ""

    def _check(self) -> None:
        value = self.form.take()
        if value is not None:
            self.value = value
            self.accept()


def ask_new_passphrase(parent: QWidget | None, prompt: str) -> str:
    """Ask for a new passphrase, typed twice, in a modal dialog; "" when cancelled."""
    dialog = NewPassphraseDialog(prompt, parent)
    try:
        return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else ""
    finally:
        dialog.value = ""
        dialog.deleteLater()
