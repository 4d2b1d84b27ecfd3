"""Ballot: scrollable project cards, category filter, and the live rule meter (count, budget or points)."""

from __future__ import annotations

from collections.abc import Callable

from ballot.manifest_model import District, Project
from ballot.selection import Problem, selection_cost
from kiosk.flow import VoterFlow
from kiosk.i18n import fill, format_money, format_number, render_problem
from kiosk.qt import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHideEvent,
    QPixmap,
    QProgressBar,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from kiosk.widgets import KioskButton, ProjectCard, label
from kiosk.widgets.flow_layout import FlowLayout

PixmapSource = Callable[[Project], QPixmap | None]


class BallotScreen(QWidget):
    """The ballot of the chosen district.

    Args:
        flow: the voter flow.
        pixmaps: returns a project's picture (or None).
    """

    def __init__(self, flow: VoterFlow, pixmaps: PixmapSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.pixmaps = pixmaps
        self.cards: dict[str, ProjectCard] = {}
        self.filter_buttons: list[KioskButton] = []
        self.category = ""
        self.problem: Problem | None = None
        col = QVBoxLayout(self)
        col.setContentsMargins(48, 14, 48, 16)
        col.setSpacing(10)
        # heading, rule and category filter scroll with the cards (rebuilt by refresh)
        self.heading = label("Heading")
        self.rule = label("Muted")
        self.filter_box = QWidget()
        self.filters = FlowLayout(self.filter_box, spacing=8)
        meter = QHBoxLayout()
        meter.setSpacing(16)
        self.status = label("Status", wrap=False)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.extra = label("Status", wrap=False)
        meter.addWidget(self.status)
        meter.addWidget(self.bar, 1)
        meter.addWidget(self.extra)
        col.addLayout(meter)
        self.banner = label("Banner")
        self.banner.setVisible(False)
        col.addWidget(self.banner)
        self.filter_group = QButtonGroup(self)
        self.filter_group.idClicked.connect(self._filter_clicked)
        self.cards_area = QScrollArea()
        self.cards_area.setWidgetResizable(True)
        self.cards_area.setFrameShape(QFrame.Shape.NoFrame)
        self.cards_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cards' buttons take focus; focus scrolls
        col.addWidget(self.cards_area, 1)
        nav = QHBoxLayout()
        self.back_button = KioskButton()
        self.back_button.clicked.connect(self.flow.back)
        self.review_button = KioskButton("primary")
        self.review_button.clicked.connect(self._review)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.review_button)
        col.addLayout(nav)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # ------------------------------------------------------------ building

    def refresh(self) -> None:
        """Rebuild the cards for the flow's district and language."""
        district = self.flow.district
        if district is None:
            return
        lang = self.flow.language
        e = self.flow.election
        single = len(e.districts) == 1
        body = QWidget()
        body.setObjectName("ScrollBody")
        cards = QVBoxLayout(body)
        cards.setContentsMargins(0, 4, 12, 4)
        cards.setSpacing(14)
        self.heading = label("Heading", e.title.get(lang) if single else district.name.get(lang))
        self.rule = label("Muted", self._rule_text(district))
        self.filter_box = QWidget(body)  # a parent first: shown on its own it would flash up as a window
        self.filters = FlowLayout(self.filter_box, spacing=8)
        for widget in (self.heading, self.rule, self.filter_box):
            cards.addWidget(widget)
        self._build_filters(district)
        self.cards = {}
        projects = e.projects_in(district.id)
        pictures = {p.id: self.pixmaps(p) for p in projects}
        image_slot = any(picture is not None for picture in pictures.values())  # none at all: titles take the room
        for project in projects:
            text = e.category_text(project.category) if project.category else None
            card = ProjectCard(project, lang, district.currency, text.get(lang) if text else "",
                               pictures[project.id], stepper=district.ballot.type == "cumulative",
                               image_slot=image_slot)
            card.pick_clicked.connect(self._pick)
            card.plus_clicked.connect(self._plus)
            card.minus_clicked.connect(self._minus)
            self.cards[project.id] = card
            cards.addWidget(card)
        cards.addStretch(1)
        self.cards_area.setWidget(body)
        self._set_button_texts()
        self.show_problem(self.problem)  # a new language or text size keeps the message, in the new words
        self._apply_filter()
        self.sync()

    def _set_button_texts(self) -> None:
        self.back_button.set_texts(self.tr("Back"), "",
                                   self.tr("Returns to the previous screen; your choices are kept"))
        self.review_button.set_texts(self.tr("Review my choices"), "",
                                     self.tr("Shows your choices before you continue"))

    def _rule_text(self, district: District) -> str:
        rule = district.ballot
        if rule.type == "cumulative":
            return fill(self.tr("Share %n point(s) among the projects you want most, at most %1 on one project.", "",
                                rule.points or 0), format_number(rule.max_per_project or 0))
        if rule.type == "knapsack":
            return fill(self.tr("Pick the projects you want, as long as their total cost fits the budget of %1."),
                        format_money(district.budget, district.currency))
        return fill(self.tr("Pick between %1 and %n project(s) you support.", "", rule.max_picks),
                    format_number(rule.min_picks))

    def clear(self) -> None:
        """Drop every card and message (the session ended)."""
        for button in self.filter_buttons:
            self.filter_group.removeButton(button)
        self.filter_buttons = []
        self.cards = {}
        self.category = ""
        empty = QWidget()
        empty.setObjectName("ScrollBody")
        self.cards_area.setWidget(empty)
        self.show_problem(None)
        self.status.setText("")
        self.extra.setText("")
        self.bar.setValue(0)
        self.bar.setAccessibleName("")
        self._set_button_texts()  # in the installed (default) language, like every other trace of the session

    def _build_filters(self, district: District) -> None:
        for button in self.filter_buttons:
            self.filter_group.removeButton(button)
        self.filter_buttons = []
        lang = self.flow.language
        categories = list(dict.fromkeys(p.category for p in self.flow.election.projects_in(district.id)
                                        if p.category))
        self.filter_box.setVisible(len(categories) >= 2)
        if len(categories) < 2:
            self.category = ""
            return
        if self.category not in categories:
            self.category = ""
        caption = label("Muted", self.tr("Show"), wrap=False)
        self.filters.addWidget(caption)
        for index, cid in enumerate(["", *categories]):
            text = self.flow.election.category_text(cid) if cid else None
            name = text.get(lang) if text else (cid or self.tr("All projects"))
            button = KioskButton("chip", checkable=True)
            button.set_texts(name, name, self.tr("Shows only the projects in this category"))
            button.setProperty("category", cid)
            button.setChecked(cid == self.category)
            self.filter_group.addButton(button, index)
            self.filter_buttons.append(button)
            self.filters.addWidget(button)

    # ------------------------------------------------------------ resident actions

    def _filter_clicked(self, index: int) -> None:
        self.category = str(self.filter_buttons[index].property("category"))
        self._apply_filter()

    def _apply_filter(self) -> None:
        for card in self.cards.values():
            card.setVisible(not self.category or card.project.category == self.category)

    def _pick(self, project_id: str) -> None:
        self.show_problem(self.flow.toggle_pick(project_id))
        self.sync()

    def _plus(self, project_id: str) -> None:
        self.show_problem(self.flow.add_point(project_id))
        self.sync()

    def _minus(self, project_id: str) -> None:
        self.flow.remove_point(project_id)
        self.show_problem(None)
        self.sync()

    def _review(self) -> None:
        problems = self.flow.review()
        if problems:
            self.show_problem(problems[0])

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        body = self.cards_area.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            self.cards_area.ensureWidgetVisible(new, 24, 24)

    def hideEvent(self, event: QHideEvent) -> None:
        """Forget the last refusal when the resident leaves the ballot."""
        if not event.spontaneous():
            self.show_problem(None)
        super().hideEvent(event)

    def show_problem(self, problem: Problem | None) -> None:
        """Show why the last action was refused (None hides the message)."""
        self.problem = problem
        if problem is None:
            self.banner.setVisible(False)
            self.banner.setText("")
            self.banner.setAccessibleName("")
            return
        text = render_problem(problem)
        self.banner.setText("⚠  " + text)
        self.banner.setAccessibleName(text)
        self.banner.setVisible(True)

    # ------------------------------------------------------------ live state

    def sync(self) -> None:
        """Show the selection on the cards and in the meter."""
        sel, district = self.flow.selection, self.flow.district
        if sel is None or district is None:
            return
        for pid, card in self.cards.items():
            card.show_choice(pid in sel.picks, sel.points.get(pid, 0))
        rule = district.ballot
        if rule.type == "cumulative":
            total = rule.points or 0
            used = sel.points_used
            self.status.setText(fill(self.tr("%1 of %n point(s) given", "", total), format_number(used)))
            self.bar.setRange(0, total)
            self.bar.setValue(used)
            self.extra.setText(self.tr("%n point(s) left", "", total - used))
        elif rule.type == "knapsack":
            spent = selection_cost(self.flow.election, sel)
            money = district.currency
            self.status.setText(fill(self.tr("Spent %1 of %2"), format_money(spent, money),
                                     format_money(district.budget, money)))
            self.bar.setRange(0, district.budget)
            self.bar.setValue(spent)
            self.extra.setText(fill(self.tr("%1 left"), format_money(district.budget - spent, money)))
        else:
            self.status.setText(fill(self.tr("%1 of at most %n project(s) picked", "", rule.max_picks),
                                     format_number(len(sel.picks))))
            self.bar.setRange(0, rule.max_picks)
            self.bar.setValue(len(sel.picks))
            self.extra.setText("")
        self.bar.setAccessibleName(f"{self.status.text()} {self.extra.text()}".strip())
        self.extra.setVisible(bool(self.extra.text()))

    def focus_first(self) -> None:
        """Put keyboard focus on the first card's control."""
        for card in self.cards.values():
            target = card.pick_button or card.plus_button
            if target is not None:
                target.setFocus()
                return
