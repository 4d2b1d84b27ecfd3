"""Small building blocks every console page shares: page headings, section cards, status chips, read-only tables.

Pages build their look from these so the console stays one product: the same
card for every section, the same chip for every state (with its state in words,
never colour alone), the same table behaviour (read-only, whole rows selected,
accessible names).
"""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.officials.style import CHIP_STATES
from kiosk.qt import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QResizeEvent,
    QSizePolicy,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from kiosk.widgets import KioskButton, label

__all__ = ["Note", "PathField", "Section", "StatusChip", "button", "button_row", "field_rows", "page_layout",
           "read_only_table", "set_rows"]


def page_layout(page: QWidget) -> tuple[QVBoxLayout, QLabel, QLabel]:
    """Lay out ``page`` as a title, a one-line explanation and room below; return (column, title, subtitle)."""
    column = QVBoxLayout(page)
    column.setContentsMargins(32, 24, 32, 24)
    column.setSpacing(16)
    title = label("PageTitle")
    subtitle = label("Muted")
    column.addWidget(title)
    column.addWidget(subtitle)
    return column, title, subtitle


class Section(QFrame):
    """A white card with a bold title; add rows to ``body``.

    Args:
        parent: the owning widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Section")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(20, 16, 20, 18)
        self.body.setSpacing(10)
        self.heading = label("SectionTitle")
        self.body.addWidget(self.heading)

    def set_title(self, text: str) -> None:
        """Set the card's title (also its accessible name)."""
        self.heading.setText(text)
        self.setAccessibleName(text)


_NOTE_NAMES = {"ok": "OkNote", "error": "ErrorList", "muted": "MutedNote"}


class Note(QFrame):
    """A tinted box with a word-wrapped message: "ok" (green), "error" (red) or "muted" (plain).

    The tint is on the frame, not on the label: a word-wrapped QLabel with style-sheet padding gets too
    little height and clips its last line.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 8, 12, 8)
        self.text = label()
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.text)
        self.kind = "muted"
        self.set_note("", "muted")

    def set_note(self, text: str, kind: str) -> None:
        """Show ``text`` in the look of ``kind`` ("ok", "error" or "muted")."""
        self.kind = kind
        self.setObjectName(_NOTE_NAMES[kind])
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.style().unpolish(self)
        self.style().polish(self)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Grow to the wrapped text's height at the new width."""
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        height = self.text.heightForWidth(self.text.width()) if self.text.width() > 0 else -1
        if height > 0:
            self.text.setMinimumHeight(height)


class StatusChip(QLabel):
    """A rounded label saying a state in words ("Polls: open"), tinted by ``state`` (ok, warn, off)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.set_state("", "off")

    def set_state(self, text: str, state: str) -> None:
        """Show ``text`` in the look of ``state`` (one of CHIP_STATES)."""
        if state not in CHIP_STATES:
            raise ValueError(f"unknown chip state {state!r}")
        self.setText(text)
        self.setAccessibleName(text)
        self.setProperty("chip_state", state)
        self.style().unpolish(self)
        self.style().polish(self)


def button(role: str = "", parent: QWidget | None = None) -> KioskButton:
    """A console button (the kiosk's accessible button); set its texts with ``set_texts``."""
    return KioskButton(role, parent=parent)


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """Buttons side by side, pushed to the left."""
    row = QHBoxLayout()
    row.setSpacing(12)
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    return row


class PathField(QWidget):
    """A path typed or chosen: a line edit beside a "Choose…" button (the page connects ``choose.clicked``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.choose = button("tool")
        box.addWidget(self.edit, 1)
        box.addWidget(self.choose)

    def text(self) -> str:
        """The path as typed (stripped)."""
        return self.edit.text().strip()

    def set_texts(self, name: str, choose: str) -> None:
        """Name the field (accessible name) and the button's text."""
        self.edit.setAccessibleName(name)
        self.choose.set_texts(choose, f"{choose} {name}", "")


def field_rows(*fields: QWidget) -> tuple[QFormLayout, list[QLabel]]:
    """A form with one row per field, each under a caption label that names it (texts set by the page)."""
    form = QFormLayout()
    captions = []
    for field in fields:
        caption = QLabel()
        caption.setBuddy(field.edit if isinstance(field, PathField) else field)
        form.addRow(caption, field)
        captions.append(caption)
    return form, captions


def read_only_table(columns: int, parent: QWidget | None = None, *, stretch: int = -1) -> QTableWidget:
    """A table officials read (not edit): whole rows selected, alternate shading, column ``stretch`` (default:
    the last) takes the spare width."""
    table = QTableWidget(0, columns, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch < 0:
        table.horizontalHeader().setStretchLastSection(True)
    else:
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return table


def set_rows(table: QTableWidget, rows: Sequence[Sequence[str]], *, right: Sequence[int] = ()) -> None:
    """Replace the table's rows with ``rows`` of texts (columns in ``right`` are right-aligned numbers)."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
