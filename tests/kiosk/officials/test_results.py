"""Results page: the signed results' figures per district, ranked and marked as the results PDF shows them."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from ballot.storage.record_files import load_record_file
from kiosk.officials.pages.results import ResultsPage
from kiosk.qt import QWidget
from tally.results import RESULTS_FILE, parse_results
from tally.results_pdf import render_results_pdf
from tests.ballot.box_setup import prepare_election
from tests.kiosk.officials.console_steps import Answers, make_context, tallied

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_figures_match_the_signed_results_and_the_report(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ready = tallied(tmp_path / "e.sqlite3")
    owner = QWidget()
    qtbot.addWidget(owner)
    page = ResultsPage(make_context(ready.store, owner, Answers()), owner)
    owner.resize(1100, 900)
    owner.show()
    with ready.store.read() as s:
        data = load_record_file(s, RESULTS_FILE)
    assert data is not None
    results = parse_results(data)
    result = results.districts[0]
    assert len(results.districts) == len(page.views)
    view = page.views[0]
    bars = view.chart.bars
    by_title = {p.title.get("en"): p.id for p in ready.election.projects_in(result.district)}
    assert sorted(c.count for c in result.counts) == sorted(b.value for b in bars)
    assert [b.value for b in bars] == sorted((b.value for b in bars), reverse=True)  # ranked, most first
    assert set(result.outcome.selected) == {by_title[b.label] for b in bars if b.marked}
    assert {by_title[b.label]: b.value for b in bars} == {c.project: c.count for c in result.counts}
    assert f"{result.ballots} ballots counted" in view.ballots.text()
    budget = view.budget.text().replace(",", "")  # digit grouping follows the console's language
    assert str(result.outcome.spent) in budget and str(result.budget) in budget
    funded_rows = [view.table.item(r, 4).text() for r in range(view.table.rowCount())]
    assert len(result.outcome.selected) == sum(1 for t in funded_rows if t.startswith("✓"))
    assert "funded" in view.chart.accessibleDescription()  # the mark is in words too
    report = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(
        render_results_pdf(results, ready.election, "en"))).pages)
    for bar in bars:
        assert f"{bar.value:,}" in report


def test_before_the_tally_says_so(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ready = prepare_election(f"sqlite:///{tmp_path / 'e.sqlite3'}", 1)
    owner = QWidget()
    qtbot.addWidget(owner)
    page = ResultsPage(make_context(ready.store, owner, Answers()), owner)
    assert "Results: not computed yet" == page.chip.text() and [] == page.views
