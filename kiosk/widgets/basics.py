"""Buttons and labels with the kiosk's accessibility defaults."""

from __future__ import annotations

from kiosk.qt import (
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QPushButton,
    QResizeEvent,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
)
from kiosk.theme import MIN_TOUCH

CENTERED_CARD_MAX_WIDTH = 960
"""Widest a horizontally centred card grows (px), so lines stay short enough to read."""


class KioskButton(QPushButton):
    """A push button at least 48 px high that Enter and Return activate as well as Space.

    Args:
        role: style role ("primary", "big", "chip", "tool" or "" for secondary).
        checkable: whether it toggles.
    """

    def __init__(self, role: str = "", *, checkable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if role:
            self.setProperty("role", role)
        self.setCheckable(checkable)
        self.setMinimumHeight(MIN_TOUCH)
        self.setMinimumWidth(MIN_TOUCH)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

    def set_texts(self, text: str, name: str, description: str) -> None:
        """Set the visible text, the accessible name and the accessible description."""
        self.setText(text.replace("&", "&&"))
        self.setAccessibleName(name or text)
        self.setAccessibleDescription(description)
        self.setToolTip(description)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Activate on Enter/Return too (Qt only does Space outside dialogs)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.isEnabled():
            self.click()
            event.accept()
            return
        super().keyPressEvent(event)


def label(object_name: str = "", text: str = "", *, wrap: bool = True, parent: QWidget | None = None) -> QLabel:
    """Return a word-wrapping label styled by ``object_name`` (Title, Heading, Muted, ...)."""
    lab = QLabel(text, parent)
    if object_name:
        lab.setObjectName(object_name)
    lab.setWordWrap(wrap)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    return lab


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" to the width it gets."""

    def __init__(self, object_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        """Show ``text``, elided if it does not fit."""
        self.full_text = text
        self.setAccessibleName(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Re-elide to the new width."""
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, max(self.width(), 40)))


def centered_card(screen: QWidget, *, margins: tuple[int, int, int, int], spacing: int,
                  hcenter: bool = False) -> QVBoxLayout:
    """Lay out ``screen`` as one white card floating in its middle; return the card's column.

    The resting screens (welcome, pending, unavailable) share this calm shape, so
    their spacing and card style stay the same everywhere.

    Args:
        screen: the screen widget to lay out.
        margins: the screen's outer margins (left, top, right, bottom).
        spacing: space between the card's rows.
        hcenter: centre a narrower card (at most CENTERED_CARD_MAX_WIDTH) instead of filling the width.

    Returns:
        The card's vertical layout, to which the caller adds its rows.
    """
    outer = QVBoxLayout(screen)
    outer.setContentsMargins(*margins)
    outer.addStretch(1)
    card = QFrame()
    card.setObjectName("Card")
    column = QVBoxLayout(card)
    column.setContentsMargins(56, 48, 56, 48)
    column.setSpacing(spacing)
    if hcenter:
        # stretches, not AlignHCenter: an aligned item gets a height for the wrong width and clips wrapped text
        card.setMaximumWidth(CENTERED_CARD_MAX_WIDTH)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 8)
        row.addStretch(1)
        outer.addLayout(row)
    else:
        outer.addWidget(card)
    outer.addStretch(2)
    return column
