"""The add-one accelerator: a run's horizon must never promise more than holds."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from tally.rules._mes_core import build_profile, run
from tally.rules._mes_horizon import run_with_horizon
from tally.rules.equal_shares import equal_shares
from tally.rules.model import RuleProject
from tests.tally.reference_mes import reference_add_one

IDS = ["a", "b", "c", "d", "e"]


@st.composite
def profiles(draw: st.DrawFn) -> tuple[dict[str, int], list[frozenset[str]]]:
    """Small elections with costs on very different scales."""
    ids = IDS[: draw(st.integers(1, len(IDS)))]
    scale = draw(st.sampled_from([10, 100, 10_000]))
    costs = {pid: draw(st.integers(0, scale)) for pid in ids}
    ballots = draw(st.lists(st.frozensets(st.sampled_from(ids)), min_size=1, max_size=7))
    return costs, ballots


@settings(max_examples=300, deadline=None)
@given(
    profiles(),
    st.fractions(min_value=0, max_value=5000, max_denominator=7),
    st.booleans(),
    st.lists(st.fractions(min_value=0, max_value=1, max_denominator=50), max_size=6),
)
def test_runs_below_the_horizon_fund_the_same_projects(
    election: tuple[dict[str, int], list[frozenset[str]]],
    per_voter: Fraction,
    by_cost: bool,
    fractions_of_horizon: list[Fraction],
) -> None:
    costs, ballots = election
    profile = build_profile({k: RuleProject(k, v) for k, v in costs.items()}, ballots)
    funded, horizon = run_with_horizon(profile, per_voter, by_cost)
    assert run(profile, per_voter, by_cost) == funded
    order = [j for j, _ in funded]
    reach = horizon if horizon is not None else Fraction(10**6)
    for share in fractions_of_horizon:
        t = reach * share
        if t < reach:
            assert order == [j for j, _ in run(profile, per_voter + t, by_cost)]


def test_few_voters_and_a_big_budget_finish_at_once() -> None:
    # Per-voter budgets of hundreds of thousands of units: hundreds of thousands of
    # add-one steps, almost all provably identical.
    costs = {"a": 900_000, "b": 400_000, "c": 350_000, "d": 120_000}
    ballots = [frozenset("ab"), frozenset("bc"), frozenset("cd"), frozenset("ad"), frozenset("d")]
    outcome = equal_shares(
        [RuleProject(k, v) for k, v in costs.items()], 1_000_000, ballots, fill="none"
    )
    assert outcome.spent <= 1_000_000
    runs = int(outcome.notes[0].split("(")[1].split(" ")[0])
    assert runs < 100


@settings(max_examples=60, deadline=None)
@given(profiles(), st.integers(0, 3000))
def test_add_one_with_skips_matches_brute_force(
    election: tuple[dict[str, int], list[frozenset[str]]], budget: int
) -> None:
    costs, ballots = election
    if max(costs.values()) > 3000:
        costs = {k: v // 10 for k, v in costs.items()}
    outcome = equal_shares(
        [RuleProject(k, v) for k, v in costs.items()], budget, ballots, fill="none"
    )
    assert reference_add_one(costs, ballots, budget) == list(outcome.selected)
