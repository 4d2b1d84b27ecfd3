"""The error notice: a calm message over the whole window with "try again" and "go back" (the one error surface)."""

from __future__ import annotations

from kiosk.errors import STOPPING_KINDS, error_texts
from kiosk.qt import QEvent, QHBoxLayout, QWidget, Signal
from kiosk.widgets.basics import KioskButton, label
from kiosk.widgets.overlay import Overlay


class ErrorNotice(Overlay):
    """A dimmed layer with a card saying what went wrong, what happened to the ballot and what to do.

    ``kiosk.errors.show_error`` opens it; it keeps the stage and kind, not the
    text, so it retranslates itself on QEvent.LanguageChange.

    Args:
        parent: the window it covers.

    Signals:
        retry(): the resident pressed "Try again".
        dismissed(): the resident pressed "Go back" (the owner decides where back is).
        stopping(): a notice that stops the kiosk opened (the ballot box could not be verified).
    """

    retry = Signal()
    dismissed = Signal()
    stopping = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "ErrorCard")
        self.stage, self.kind, self.can_retry = "cast", "unexpected", True
        column = self.column
        self.heading = label("Title")
        self.message = label("Heading")
        column.addWidget(self.heading)
        column.addWidget(self.message)
        buttons = QHBoxLayout()
        self.back_button = KioskButton()
        self.back_button.setObjectName("ErrorBackButton")
        self.back_button.clicked.connect(self._back)
        self.retry_button = KioskButton("primary")
        self.retry_button.setObjectName("RetryButton")
        self.retry_button.clicked.connect(self._retry)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        column.addSpacing(8)
        column.addLayout(buttons)

    def open(self, stage: str, kind: str, *, retry: bool) -> None:
        """Show the message for a failed ``stage`` over everything and focus the way on."""
        self.stage, self.kind, self.can_retry = stage, kind, retry
        self.retranslate()
        self.retry_button.setVisible(retry)
        self.cover(self.retry_button if retry else self.back_button)
        if kind in STOPPING_KINDS:
            self.stopping.emit()

    def close_notice(self) -> None:
        """Hide the notice (the session moved on or ended)."""
        self.hide()

    def _retry(self) -> None:
        self.hide()
        self.retry.emit()

    def _back(self) -> None:
        self.hide()
        self.dismissed.emit()

    def retranslate(self) -> None:
        """Show the texts in the installed language."""
        title, body = error_texts(self.stage, self.kind)
        self.heading.setText(title)
        self.message.setText(body)
        self.card.setAccessibleName(title)
        self.card.setAccessibleDescription(body)
        self.retry_button.set_texts(self.tr("Try again"), "", f"{title} {body}")
        back = self.tr("Close") if self.stage == "print" else self.tr("Go back")
        self.back_button.set_texts(back, "", self.tr("Closes this message; nothing else changes"))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the installed language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
