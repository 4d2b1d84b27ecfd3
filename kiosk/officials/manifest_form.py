"""The manifest form editor: the election's fields, a districts table and a projects table, over the TOML tables.

Every edit goes straight into the manifest's tables (``ManifestForm.data``) and
emits ``edited``; the setup page validates them with the CLI's parser and calls
``show_problem`` with the message, which marks the field it names.  Texts come
in one field or column per election language.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ballot.manifest_model import SUPPORTED_LANGUAGES
from kiosk.officials.manifest_fields import (
    Field,
    district_fields,
    election_fields,
    error_path,
    get_value,
    parse_cell,
    project_fields,
    set_value,
    show_value,
)
from kiosk.officials.widgets import button, button_row
from kiosk.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)

__all__ = ["ManifestForm"]

_BAD = QColor("#fdecea")
_TABLES = ("districts", "projects")


class ManifestForm(QTabWidget):
    """Three tabs (election, districts, projects) editing one manifest's tables in place.

    Signals:
        edited(): a value changed (the page re-validates).
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ManifestForm")
        self.data: dict[str, Any] = {}
        self.base_dir: Path | None = None
        self.languages: tuple[str, ...] = ()
        self._filling = False
        self.election_fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.election_page = QScrollArea()
        self.election_page.setWidgetResizable(True)
        self.addTab(self.election_page, "")
        self.tables: dict[str, QTableWidget] = {}
        self.columns: dict[str, list[Field]] = {}
        self.add_buttons = {}
        self.remove_buttons = {}
        for name in _TABLES:
            page = QWidget()
            column = QVBoxLayout(page)
            column.setContentsMargins(12, 12, 12, 12)
            table = QTableWidget(0, 0)
            table.setObjectName(f"{name}-table")
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
            table.setAlternatingRowColors(True)
            table.itemChanged.connect(self._cell_changed)
            add, remove = button("tool"), button("tool")
            add.clicked.connect(self._add_row)
            remove.clicked.connect(self._remove_row)
            add.setObjectName(f"add-{name}")
            remove.setObjectName(f"remove-{name}")
            row = button_row(add, remove)
            if name == "projects":
                self.image_button = button("tool")
                self.image_button.clicked.connect(self._choose_image)
                row.insertWidget(2, self.image_button)
            column.addLayout(row)
            column.addWidget(table, 1)
            self.tables[name], self.add_buttons[name], self.remove_buttons[name] = table, add, remove
            self.addTab(page, "")
        self.retranslate()

    # ----- loading

    def load(self, data: dict[str, Any], base_dir: Path | None) -> None:
        """Edit ``data`` (the manifest's tables; images relative to ``base_dir``)."""
        self.data = data
        self.base_dir = base_dir
        self.rebuild()

    def rebuild(self) -> None:
        """Lay the fields out again for the manifest's languages and fill them from the tables."""
        langs = get_value(self.data, ("election", "languages"))
        self.languages = tuple(x for x in langs if x in SUPPORTED_LANGUAGES) if isinstance(langs, list) else ()
        self._filling = True
        try:
            self._build_election_tab()
            for name, fields in (("districts", district_fields(self.languages)),
                                 ("projects", project_fields(self.languages))):
                self._fill_table(name, fields)
        finally:
            self._filling = False

    def _build_election_tab(self) -> None:
        body = QWidget()
        form = QFormLayout(body)
        form.setContentsMargins(16, 16, 16, 16)
        form.setSpacing(10)
        self.election_fields = {}
        for f in election_fields(self.languages):
            value = show_value(get_value(self.data, f.path))
            widget: QLineEdit | QPlainTextEdit
            if f.kind == "text":
                widget = QPlainTextEdit(value)
                widget.setFixedHeight(90)
                widget.textChanged.connect(self._election_changed)
            else:
                widget = QLineEdit(value)
                widget.textEdited.connect(self._election_changed)
                if f.path == ("election", "languages"):
                    widget.editingFinished.connect(self._languages_changed)
            widget.setProperty("field", f.heading)
            widget.setAccessibleName(f.heading)
            caption = QLabel(f.heading)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            self.election_fields[f.heading] = widget
        self.election_page.setWidget(body)

    def _fill_table(self, name: str, fields: list[Field]) -> None:
        table = self.tables[name]
        self.columns[name] = fields
        rows = self.data.get(name)
        rows = rows if isinstance(rows, list) else []
        table.clear()
        table.setColumnCount(len(fields))
        table.setHorizontalHeaderLabels([f.heading for f in fields])
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, f in enumerate(fields):
                table.setItem(r, c, QTableWidgetItem(show_value(get_value(row, f.path))))
        table.resizeColumnsToContents()
        for c, f in enumerate(fields):
            if f.kind == "text":
                table.setColumnWidth(c, 320)
        table.setAccessibleName(self.tabText(1 if name == "districts" else 2))

    # ----- edits

    def _election_changed(self) -> None:
        if self._filling:
            return
        widget = self.sender()
        heading = widget.property("field") if widget is not None else None
        field = next((f for f in election_fields(self.languages) if f.heading == heading), None)
        if field is None or not isinstance(widget, QLineEdit | QPlainTextEdit):
            return
        text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        set_value(self.data, field.path, parse_cell(text, field.kind))
        self.edited.emit()

    def _languages_changed(self) -> None:
        langs = get_value(self.data, ("election", "languages"))
        now = tuple(x for x in langs if x in SUPPORTED_LANGUAGES) if isinstance(langs, list) else ()
        if now != self.languages:
            self.rebuild()

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        name = next(n for n, t in self.tables.items() if t is item.tableWidget())
        rows = self.data.get(name)
        if not isinstance(rows, list) or item.row() >= len(rows):
            return
        field = self.columns[name][item.column()]
        set_value(rows[item.row()], field.path, parse_cell(item.text(), field.kind))
        self.edited.emit()

    def set_cell(self, table: str, row: int, heading: str, text: str) -> None:
        """Type ``text`` into the cell of column ``heading`` (what an official does; used by tests too)."""
        column = next(i for i, f in enumerate(self.columns[table]) if f.heading == heading)
        item = self.tables[table].item(row, column)
        assert item is not None
        item.setText(text)

    def _add_row(self) -> None:
        name = "districts" if self.sender() is self.add_buttons["districts"] else "projects"
        rows = self.data.setdefault(name, [])
        if name == "projects":
            first = get_value(self.data, ("districts", 0, "id"))
            rows.append({"id": f"p{len(rows) + 1:02d}", **({"district": first} if first else {})})
        else:
            rows.append({"id": f"d{len(rows) + 1}", "ballot": {"type": "approval"}, "outcome": {"rule": "greedy"}})
        self.rebuild()
        table = self.tables[name]
        table.setCurrentCell(len(rows) - 1, 0)
        table.setFocus()
        self.edited.emit()

    def _remove_row(self) -> None:
        name = "districts" if self.sender() is self.remove_buttons["districts"] else "projects"
        table, rows = self.tables[name], self.data.get(name)
        row = table.currentRow()
        if not isinstance(rows, list) or not 0 <= row < len(rows):
            return
        del rows[row]
        self.rebuild()
        self.edited.emit()

    def _choose_image(self) -> None:
        table, rows = self.tables["projects"], self.data.get("projects")
        row = table.currentRow()
        if not isinstance(rows, list) or not 0 <= row < len(rows):
            return
        start = str(self.base_dir or Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Project picture"), start,
                                              self.tr("Pictures (*.png *.jpg *.jpeg *.svg)"))
        if path:
            shown = os.path.relpath(path, self.base_dir) if self.base_dir is not None else path
            self.set_cell("projects", row, "image", shown)

    # ----- problems

    def mark_problem(self, message: str | None) -> None:
        """Mark the field an InvalidManifest ``message`` names (and show its tab); None clears every mark."""
        for widget in self.election_fields.values():
            widget.setProperty("invalid", False)
            widget.style().polish(widget)
        for table in self.tables.values():
            for r in range(table.rowCount()):
                for c in range(table.columnCount()):
                    item = table.item(r, c)
                    if item is not None and item.background().color() == _BAD:
                        item.setBackground(QBrush())
        where = error_path(message) if message else None
        if where is None:
            return
        table_name, row, field = where
        if not table_name:
            hit = next((w for h, w in self.election_fields.items() if h == field or h.startswith(f"{field}.")), None)
            if hit is not None:
                hit.setProperty("invalid", True)
                hit.style().polish(hit)
            return
        columns = self.columns.get(table_name, [])
        column = next((i for i, f in enumerate(columns) if f.heading == field or f.heading.startswith(f"{field}.")
                       or field.startswith(f"{f.heading}.")), 0)
        item = self.tables[table_name].item(row, column)
        if item is not None:
            self._filling = True
            item.setBackground(QBrush(_BAD))
            self._filling = False
            self.tables[table_name].scrollToItem(item)

    def retranslate(self) -> None:
        """Set the tab and button texts in the installed language."""
        self.setTabText(0, self.tr("Election"))
        self.setTabText(1, self.tr("Districts"))
        self.setTabText(2, self.tr("Projects"))
        self.setAccessibleName(self.tr("Manifest form"))
        self.tabBar().setAccessibleName(self.tr("Parts of the manifest"))
        self.election_page.setAccessibleName(self.tr("Election"))
        for name, table in self.tables.items():
            table.setAccessibleName(self.tabText(1 if name == "districts" else 2))
        self.add_buttons["districts"].set_texts(self.tr("Add district"), "", "")
        self.remove_buttons["districts"].set_texts(self.tr("Remove district"), "",
                                                    self.tr("Remove the selected district"))
        self.add_buttons["projects"].set_texts(self.tr("Add project"), "", "")
        self.remove_buttons["projects"].set_texts(self.tr("Remove project"), "",
                                                   self.tr("Remove the selected project"))
        self.image_button.set_texts(self.tr("Choose picture…"), "",
                                    self.tr("Choose the picture of the selected project"))
