"""Review: the resident's choices and totals, with "change" and "continue"."""

from __future__ import annotations

from ballot.selection import selection_cost
from kiosk.flow import State, VoterFlow
from kiosk.i18n import format_money, render_problem, tr
from kiosk.qt import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget
from kiosk.widgets import KioskButton, label


class ReviewScreen(QWidget):
    """A summary of the ballot before casting.

    Args:
        flow: the voter flow.
    """

    def __init__(self, flow: VoterFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
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

    def _change(self) -> None:
        self.flow.go(State.BALLOT)

    def _continue(self) -> None:
        self.flow.go(State.PENDING)

    def refresh(self) -> None:
        """Show the chosen projects and totals in the flow's language."""
        sel, district = self.flow.selection, self.flow.district
        if sel is None or district is None:
            return
        lang, e = self.flow.language, self.flow.election
        self.heading.setText(tr(lang, "review.title"))
        self.list_area.setAccessibleName(tr(lang, "review.list"))
        self.list_area.setAccessibleDescription(tr(lang, "review.list.desc"))
        self.hint.setText(tr(lang, "review.hint"))
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
            right = tr(lang, "review.points", n=points) if cumulative else format_money(lang, project.cost,
                                                                                        district.currency)
            line.addWidget(label("Cost", right, wrap=False))
            rows.addWidget(row)
            self.rows.append(row)
        if not self.rows:
            rows.addWidget(label("Muted", tr(lang, "review.none")))
        rows.addStretch(1)
        self.list_area.setWidget(body)
        if cumulative:
            total = tr(lang, "review.total.points", n=sel.points_used, total=district.ballot.points)
        else:
            total = tr(lang, "review.total.count", n=len(sel.picks)) + "   ·   " + tr(
                lang, "review.total.cost", money=format_money(lang, selection_cost(e, sel), district.currency),
                budget=format_money(lang, district.budget, district.currency))
        self.total.setText(total)
        problems = self.flow.problems()
        self.problem.setVisible(bool(problems))
        self.problem.setText(render_problem(lang, problems[0]) if problems else "")
        self.change_button.set_texts(tr(lang, "review.change"), "", tr(lang, "review.change.desc"))
        self.continue_button.set_texts(tr(lang, "review.continue"), "", tr(lang, "review.continue.desc"))
        self.continue_button.setEnabled(not problems)

    def focus_first(self) -> None:
        """Put keyboard focus on continue."""
        self.continue_button.setFocus()
