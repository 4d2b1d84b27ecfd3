"""The one overlay shape: a dimmed layer over the whole window with a centred card (notices, warnings, the lock)."""

from __future__ import annotations

from kiosk.qt import QFrame, QHBoxLayout, Qt, QVBoxLayout, QWidget

CARD_MAX_WIDTH = 900
"""Widest an overlay's card grows (px); narrower windows get a narrower card."""


class Overlay(QWidget):
    """A hidden, dimmed layer over ``parent`` with a card; subclasses fill ``column`` and call ``cover()``.

    The card is centred by stretches, not AlignHCenter: an aligned item gets
    a height for the wrong width and clips wrapped text.

    Args:
        parent: the window it covers.
        card_name: the card's object name (its style in kiosk.theme).
        max_width: widest the card grows.
    """

    def __init__(self, parent: QWidget, card_name: str, max_width: int = CARD_MAX_WIDTH) -> None:
        super().__init__(parent)
        self.setObjectName("IdleBackdrop")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 48, 48, 48)
        outer.addStretch(1)
        self.card = QFrame()
        self.card.setObjectName(card_name)
        self.column = QVBoxLayout(self.card)
        self.column.setContentsMargins(56, 40, 56, 40)
        self.column.setSpacing(16)
        self.card.setMaximumWidth(max_width)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(self.card, 8)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(1)
        self.hide()

    def cover(self, focus: QWidget) -> None:
        """Cover the whole window, come to the front and give ``focus`` the keyboard."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
