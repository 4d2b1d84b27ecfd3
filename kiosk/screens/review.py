"""Review: the resident's choices and totals, with "change" and "continue"."""

from __future__ import annotations

from collections.abc import Callable

from ballot.selection import selection_cost
from kiosk.flow import State, VoterFlow
from kiosk.i18n import fill, format_money, format_number, render_problem
from kiosk.qt import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget
from kiosk.widgets import KioskButton, label


class ReviewScreen(QWidget):
    """A summary of the ballot before casting.

    Args:
        flow: the voter flow.
        encrypt: starts encrypting the ballot (None in the preview build: continue shows the pending screen).
    """

    def __init__(self, flow: VoterFlow, encrypt: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.encrypt = encrypt
        col = QVBoxLayout(self)
        col.setContentsMargins(80, 32, 80, 20)
        col.setSpacing(12)
        self.heading = label("Title")
        self.hint = label("Muted")
        col.addWidget(self.heading)
        col.addWidget(self.hint)
        self.list_area = QScrollArea()
        self.list_area.setWidgetResizable(True)
        self.list_area.setFrameShape(QFrame.Shape.NoFrame)
        col.addWidget(self.list_area, 1)
        self.total = label("Heading")
        col.addWidget(self.total)
        self.problem = label("Banner")
        col.addWidget(self.problem)
        nav = QHBoxLayout()
        self.change_button = KioskButton()
        self.change_button.clicked.connect(self._change)
        self.continue_button = KioskButton("primary")
        self.continue_button.clicked.connect(self._continue)
        nav.addWidget(self.change_button)
        nav.addStretch(1)
        nav.addWidget(self.continue_button)
        col.addLayout(nav)
        self.rows: list[QFrame] = []

    def clear(self) -> None:
        """Drop the list of choices (the session ended)."""
        self.rows = []
        empty = QWidget()
        empty.setObjectName("ScrollBody")
        self.list_area.setWidget(empty)
        self.total.setText("")
        self.problem.setText("")
        self.problem.setVisible(False)
        self._set_fixed_texts()

    def _change(self) -> None:
        self.flow.go(State.BALLOT)

    def _continue(self) -> None:
        if self.encrypt is not None:
            self.encrypt()
        else:
            self.flow.go(State.PENDING)

    def refresh(self) -> None:
        """Show the chosen projects and totals in the flow's language."""
        sel, district = self.flow.selection, self.flow.district
        if sel is None or district is None:
            return
        lang, e = self.flow.language, self.flow.election
        self._set_fixed_texts()
        body = QWidget()
        body.setObjectName("ScrollBody")
        rows = QVBoxLayout(body)
        rows.setContentsMargins(0, 0, 12, 0)
        rows.setSpacing(10)
        self.rows = []
        cumulative = district.ballot.type == "cumulative"
        for project in e.projects_in(district.id):
            points = sel.points.get(project.id, 0)
            if not (project.id in sel.picks or points):
                continue
            row = QFrame()
            row.setObjectName("CardPicked")
            line = QHBoxLayout(row)
            line.setContentsMargins(20, 12, 20, 12)
            line.addWidget(label("CardTitle", project.title.get(lang)), 1)
            right = self.tr("%n point(s)", "", points) if cumulative else format_money(project.cost, district.currency)
            line.addWidget(label("Cost", right, wrap=False))
            rows.addWidget(row)
            self.rows.append(row)
        if not self.rows:
            rows.addWidget(label("Muted", self.tr("You have not picked any project.")))
        rows.addStretch(1)
        self.list_area.setWidget(body)
        if cumulative:
            total = fill(self.tr("%1 of %n point(s) given", "", district.ballot.points or 0),
                         format_number(sel.points_used))
        else:
            cost = fill(self.tr("Total cost %1 of %2"), format_money(selection_cost(e, sel), district.currency),
                        format_money(district.budget, district.currency))
            total = self.tr("%n project(s) picked", "", len(sel.picks)) + "   ·   " + cost
        self.total.setText(total)
        problems = self.flow.problems()
        self.problem.setVisible(bool(problems))
        self.problem.setText(render_problem(problems[0]) if problems else "")
        self.continue_button.setEnabled(not problems)

    def _set_fixed_texts(self) -> None:
        self.heading.setText(self.tr("Check your choices"))
        self.list_area.setAccessibleName(self.tr("Your choices"))
        self.list_area.setAccessibleDescription(self.tr("Use the arrow keys to scroll the list"))
        self.hint.setText(self.tr("Nothing has been sent yet. You can still change your choices."))
        self.change_button.set_texts(self.tr("Change my choices"), "",
                                     self.tr("Returns to the ballot with your choices kept"))
        self.continue_button.set_texts(self.tr("Continue"), "", self.tr("Goes on to casting the ballot"))

    def focus_first(self) -> None:
        """Put keyboard focus on continue."""
        self.continue_button.setFocus()
