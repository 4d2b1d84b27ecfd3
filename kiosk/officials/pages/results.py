"""Results page: after the tally, per district the votes per project, the funded ones marked, and the budget used.

The figures are read from the signed ``results.json`` and ordered by
``tally.results_export.ranked``, exactly as the results PDF and CSV show
them, so the screen, the paper and the published file cannot disagree.
Funded projects are marked by a tick and the word "funded" in the chart and
the table, never by colour alone.
"""

from __future__ import annotations

from ballot.manifest_model import Election
from ballot.storage.record_files import load_record_file
from kiosk.i18n import fill, format_money, format_number
from kiosk.officials.chart import Bar, BarChart
from kiosk.officials.context import ConsoleContext
from kiosk.officials.page import ConsolePage
from kiosk.officials.progress import current_language, scrolling_page_layout
from kiosk.officials.widgets import Section, StatusChip, button_row, read_only_table, set_rows
from kiosk.qt import QProgressBar, QVBoxLayout, QWidget
from kiosk.widgets import label
from tally.results import RESULTS_FILE, DistrictResult, Results, parse_results
from tally.results_export import ranked

__all__ = ["DistrictView", "ResultsPage"]


class DistrictView(Section):
    """One district: ballots counted, budget used of available, the chart and the table.

    Args:
        parent: the owning widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ballots = label("Muted")
        self.budget = label()
        self.budget_bar = QProgressBar()
        self.budget_bar.setRange(0, 1000)
        self.chart = BarChart()
        self.table = read_only_table(5)
        self.table.setMinimumHeight(120)
        for widget in (self.ballots, self.budget, self.budget_bar, self.chart, self.table):
            self.body.addWidget(widget)

    def show_result(self, result: DistrictResult, election: Election, lang: str) -> None:
        """Fill in one district's figures (``lang`` picks the manifest's titles)."""
        district = election.district(result.district)
        self.set_title(district.name.get(lang))
        rules = {"greedy": self.tr("most votes first, as long as the budget allows"),
                 "equal-shares": self.tr("Method of Equal Shares")}
        self.ballots.setText(fill(self.tr("%1 ballots counted. Rule: %2."), format_number(result.ballots),
                                  rules.get(result.outcome.rule, result.outcome.rule)))
        spent, budget = result.outcome.spent, result.budget
        permille = spent * 1000 // budget if budget else 0
        self.budget.setText(fill(self.tr("Budget used: %1 of %2 (%3%), %4 left"), format_money(spent, result.currency),
                                 format_money(budget, result.currency), f"{permille // 10}.{permille % 10}",
                                 format_money(budget - spent, result.currency)))
        self.budget_bar.setValue(min(permille, 1000))
        self.budget_bar.setAccessibleName(self.budget.text())
        rows = ranked(result, election)
        funded_word = self.tr("funded")
        self.chart.set_bars([Bar(p.title.get(lang), count, funded) for _, p, count, funded in rows],
                            mark_text=funded_word, empty_text=self.tr("No projects"))
        self.chart.setAccessibleName(fill(self.tr("Votes per project in %1"), district.name.get(lang)))
        points = district.ballot.type == "cumulative"
        self.table.setHorizontalHeaderLabels([self.tr("Rank"), self.tr("Project"),
                                              fill(self.tr("Cost (%1)"), result.currency),
                                              self.tr("Points") if points else self.tr("Votes"), self.tr("Funded")])
        set_rows(self.table, [[str(rank), f"{p.title.get(lang)}  [{p.id}]", format_number(p.cost),
                               format_number(count), f"✓ {funded_word}" if funded else self.tr("not funded")]
                              for rank, p, count, funded in rows], right=(0, 2, 3))
        header = self.table.horizontalHeader().height()
        self.table.setFixedHeight(header + sum(self.table.rowHeight(r) for r in range(len(rows))) + 6)


class ResultsPage(ConsolePage):
    """The signed results, district by district."""

    object_name = "results"
    roles = ("official",)

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.results: Results | None = None
        self.views: list[DistrictView] = []
        column, self.heading, self.subtitle = scrolling_page_layout(self)
        self.chip = StatusChip()
        column.addLayout(button_row(self.chip))
        self.districts = QVBoxLayout()
        self.districts.setSpacing(16)
        column.addLayout(self.districts)
        column.addStretch(1)
        self.refresh()

    def title(self) -> str:
        """The navigation name."""
        return self.tr("Results")

    def refresh(self) -> None:
        """Re-read the signed results and show every district."""
        self.heading.setText(self.tr("Results"))
        self.subtitle.setText(self.tr("The signed results, as the results report and the published record state them: "
                                      "votes per project, funded projects marked, and the budget used."))
        election = self.context.election()
        data = None
        if election is not None:
            with self.context.store.read() as s:
                data = load_record_file(s, RESULTS_FILE)
        self.results = parse_results(data) if data is not None else None
        if self.results is None or election is None:
            self.chip.set_state(self.tr("Results: not computed yet"), "off")
            self._views(0)
            return
        self.chip.set_state(fill(self.tr("Results: signed, from the decryptions of trustees %1"),
                                 ", ".join(map(str, self.results.trustees))), "ok")
        lang = current_language()
        lang = lang if lang in election.languages else election.languages[0]
        self._views(len(self.results.districts))
        for view, result in zip(self.views, self.results.districts, strict=True):
            view.show_result(result, election, lang)

    def _views(self, count: int) -> None:
        while len(self.views) > count:
            self.views.pop().deleteLater()
        while len(self.views) < count:
            view = DistrictView()
            self.districts.addWidget(view)
            self.views.append(view)
