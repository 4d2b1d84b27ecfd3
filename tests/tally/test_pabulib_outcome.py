"""Real pabulib elections: our rules must reproduce the winners the cities really funded."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from ballot.pabulib import PbFile, loads_pb, read_pb
from ballot.pabulib_manifest import import_pb, rule_note
from tally.errors import RuleError
from tally.pabulib_outcome import PB_RULE_NAMES, pabulib_outcome, pabulib_scores
from tally.results import district_outcome
from tally.rules import GreedyStep


def pabulib_dir() -> Path:
    """The folder of real .pb files: PBVOTE_PABULIB_DIR, else ../shared/data/pabulib."""
    env = os.environ.get("PBVOTE_PABULIB_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared" / "data" / "pabulib"


PB_FILES = sorted(pabulib_dir().glob("*.pb"))
EXPECTED_REPRODUCED = {
    "Poland_Warszawa_2023_Bemowo",
    "Poland_Gdynia_2020_Babie_Doly__large",
    "Poland_Lodz_2022",
    "Poland_Czestochowa_2025_Bleszno",
    "Poland_Krakow_2019_Bienczyce",
    "Poland_Poznan_2024_9_-_Stare_Miasto__small",
    "Poland_Swiecie_2023",
    "Netherlands_Assen_2024",
}


def _load(name: str) -> PbFile:
    path = pabulib_dir() / f"{name}.pb"
    if not path.exists():
        pytest.skip(f"{path} not found")
    return read_pb(path)


@pytest.mark.parametrize("path", PB_FILES, ids=[p.stem for p in PB_FILES])
def test_reproduces_real_winners(path: Path) -> None:
    pb = read_pb(path)
    if any(p.selected is None for p in pb.projects):
        pytest.skip("no selected column")
    if pb.meta.get("rule") not in PB_RULE_NAMES:
        pytest.skip(f"rule {pb.meta.get('rule')!r} not implemented")
    outcome = pabulib_outcome(pb)
    assert {p.id for p in pb.projects if p.selected} == set(outcome.selected)
    assert pb.meta["rule"] == outcome.rule


def test_every_expected_file_is_checked() -> None:
    checkable = set()
    for path in PB_FILES:
        pb = read_pb(path) if path.stat().st_size < 1_000_000 else None
        if pb is None or (
            all(p.selected is not None for p in pb.projects) and pb.meta["rule"] in PB_RULE_NAMES
        ):
            checkable.add(path.stem)
    assert EXPECTED_REPRODUCED <= checkable


def test_ordinal_and_cumulative_scores_match_the_files_score_column() -> None:
    for name in ("Poland_Krakow_2019_Bienczyce", "Poland_Czestochowa_2025_Bleszno"):
        pb = _load(name)
        assert {p.id: int(p.extra["score"]) for p in pb.projects} == pabulib_scores(pb)


def test_lodz_threshold_is_explained() -> None:
    pb = _load("Poland_Lodz_2022")
    assert "100" == pb.meta["min_project_score_threshold"]
    outcome = pabulib_outcome(pb)
    low = {p.id for p in pb.projects if (p.votes or 0) < 100}
    assert low
    steps = [s for s in outcome.explanation if isinstance(s, GreedyStep)]
    assert low == {s.project for s in steps if s.reason == "below threshold"}
    assert pb.budget - outcome.spent == steps[-1].remaining


POZNAN_RESERVE = """META
key;value
budget;100
vote_type;choose-1
rule;greedy-custom
PROJECTS
project_id;cost
a;60
b;50
c;10
VOTES
voter_id;vote
1;a
2;a
3;a
4;b
5;b
6;c
"""


def test_poznan_reserve_rule() -> None:
    text = POZNAN_RESERVE
    outcome = pabulib_outcome(loads_pb(text))
    # a fits (40 left); b does not, but 40 >= 80 % of 50: reserve money funds it; stop.
    assert ("a", "b") == outcome.selected
    assert 110 == outcome.spent
    reasons = [s.reason for s in outcome.explanation if isinstance(s, GreedyStep)]
    assert ["fits", "reserve", "stopped"] == reasons
    no_reserve = pabulib_outcome(loads_pb(text.replace("b;50", "b;51")))
    assert ("a",) == no_reserve.selected


def test_poznan_reserve_rule_is_imported_as_no_skip_greedy_and_says_why(tmp_path: Path) -> None:
    pb = loads_pb(POZNAN_RESERVE)
    election = import_pb(pb, Path("poznan.pb"), tmp_path / "poznan.toml")
    district = election.districts[0]
    assert "greedy-no-skip" == district.outcome.rule
    note = rule_note(pb)
    assert note is not None and "80 %" in note and "'pbvote pabulib outcome' computes the full rule" in note
    assert "from reserve money beyond the budget" in (tmp_path / "poznan.toml").read_text(encoding="utf-8")
    # The manifest's rule gives the city's winners within the budget: all but the reserve-funded one.
    full = pabulib_outcome(pb)
    within = district_outcome(district, election.projects_in(district.id),
                              tuple(pabulib_scores(pb)[p.id] for p in election.projects_in(district.id)))
    assert ("a", "b") == full.selected
    assert ("a",) == within.selected  # plain greedy would have funded c, which Poznań never does
    assert rule_note(loads_pb(POZNAN_RESERVE.replace("greedy-custom", "greedy"))) is None


def test_unknown_rule_is_a_clear_error() -> None:
    pb = _load("US_Stanford_Dataset_2022_Jersey_City_Ward_C_vote_knapsacks")
    with pytest.raises(RuleError, match="unsupported rule 'unknown'"):
        pabulib_outcome(pb)
    assert ("2940",) == pabulib_outcome(pb, "greedy").selected
    with pytest.raises(RuleError, match="unsupported rule 'borda'"):
        pabulib_outcome(pb, "borda")


def test_threshold_rule_needs_meta_threshold() -> None:
    pb = _load("Poland_Warszawa_2023_Bemowo")
    with pytest.raises(RuleError, match="min_project_score_threshold"):
        pabulib_outcome(pb, "greedy-threshold")


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("PBVOTE_SLOW") != "1", reason="timing run; set PBVOTE_SLOW=1 to include"
)
def test_lodz_equal_shares_add1_under_a_minute() -> None:
    pb = _load("Poland_Lodz_2022")
    start = time.perf_counter()
    outcome = pabulib_outcome(pb, "equalshares/add1")
    assert time.perf_counter() - start < 60
    assert outcome.spent <= pb.budget
