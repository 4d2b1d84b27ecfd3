"""The "Are you still there?" overlay: a live countdown and a big "I need more time" button over the whole window."""

from __future__ import annotations

from kiosk.i18n import format_number
from kiosk.qt import QEvent, Qt, QWidget, Signal
from kiosk.widgets.basics import KioskButton, label
from kiosk.widgets.overlay import Overlay

CARD_MAX_WIDTH = 860
"""Widest the warning's card grows (px); narrower windows get a narrower card."""


class IdleWarning(Overlay):
    """A dimmed layer over the window with a centred card; hidden until ``open()``.

    The owner keeps it covering the window (``setGeometry(window.rect())``) and
    calls ``set_seconds`` as the countdown runs. It retranslates itself on
    QEvent.LanguageChange.

    Args:
        parent: the window it covers.

    Signals:
        more_time(): the resident pressed "I need more time".
    """

    more_time = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "IdleCard", CARD_MAX_WIDTH)
        self.seconds = 0
        self.clears_ballot = True
        column = self.column
        self.heading = label("Title")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.count = label("Countdown", wrap=False)
        self.count.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.message = label("Heading")
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.hint = label("Muted")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.more_button = KioskButton("primary")
        self.more_button.setObjectName("MoreTimeButton")
        self.more_button.clicked.connect(self.more_time)
        for widget in (self.heading, self.count, self.message, self.hint):
            column.addWidget(widget)
        column.addSpacing(8)
        column.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.retranslate()

    def open(self, seconds: int, *, clears_ballot: bool) -> None:
        """Show the warning over everything with ``seconds`` left and focus "I need more time".

        Args:
            seconds: whole seconds until the session is cleared.
            clears_ballot: say the ballot will be cleared (else: the settings will be reset).
        """
        self.clears_ballot = clears_ballot
        self.set_seconds(seconds)
        self.cover(self.more_button)

    def set_seconds(self, seconds: int) -> None:
        """Show the seconds left."""
        self.seconds = seconds
        self.retranslate()

    def retranslate(self) -> None:
        """Show the texts in the installed language."""
        self.heading.setText(self.tr("Are you still there?"))
        self.count.setText(format_number(self.seconds))
        if self.clears_ballot:
            text = self.tr("Your ballot will be cleared in %n second(s).", "", self.seconds)
        else:
            text = self.tr("Your settings will be reset in %n second(s).", "", self.seconds)
        self.message.setText(text)
        self.count.setAccessibleName(text)
        self.hint.setText(self.tr("Touch the screen or press any key to continue."))
        self.card.setAccessibleName(self.heading.text())
        self.card.setAccessibleDescription(f"{text} {self.hint.text()}")
        # the button takes the focus, so a screen reader says the whole warning with it
        keeps = self.tr("Keeps your choices and hides this message")
        self.more_button.set_texts(self.tr("I need more time"), "", f"{self.heading.text()} {text} {keeps}")

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the installed language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
