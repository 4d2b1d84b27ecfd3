"""What the two ways in share: the voting-code screen and the attendant's check-in screen."""

from __future__ import annotations

from kiosk.flow import VoterFlow
from kiosk.i18n import render_refusal
from kiosk.qt import QHBoxLayout, QVBoxLayout, QWidget
from kiosk.session import CastingController
from kiosk.widgets import KioskButton, label


class EntryScreen(QWidget):
    """A column of fields, the refusal banner, "Back" and a primary button that rests while the controller works.

    Subclasses add their fields with ``add_fields`` and implement ``_submit``.

    Args:
        flow: the voter flow (its ``refusal`` says why the last attempt was refused).
        controller: checks what was typed (off the GUI thread).
    """

    def __init__(self, flow: VoterFlow, controller: CastingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.controller = controller
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(80, 40, 80, 32)
        self.column.setSpacing(14)
        self.problem = label("Banner")
        self.problem.setVisible(False)
        self.back_button = KioskButton()
        self.back_button.clicked.connect(self.flow.back)
        self.submit_button = KioskButton("primary")
        self.submit_button.clicked.connect(self._submit)
        controller.busy_changed.connect(self._busy)

    def add_fields(self, *widgets: QWidget) -> None:
        """Lay out ``widgets`` top down, then the buttons at the bottom (call once)."""
        for widget in widgets:
            self.column.addWidget(widget)
        self.column.addStretch(1)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.submit_button)
        self.column.addLayout(nav)

    def _submit(self) -> None:
        raise NotImplementedError

    def _busy(self, busy: bool) -> None:
        self.submit_button.setEnabled(not busy)

    def clear_problem(self) -> None:
        """Hide the refusal (the session ended)."""
        self.problem.clear()
        self.problem.setVisible(False)

    def show_refusal(self) -> str | None:
        """Show why the last attempt was refused, in the installed language; return the refusal."""
        refusal = self.flow.refusal
        self.problem.setVisible(refusal is not None)
        self.problem.setText(render_refusal(refusal) if refusal is not None else "")
        return refusal
