"""Unit and property tests of the outcome rules on small hand-made elections."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tally.errors import RuleError
from tally.rules import RULES, EqualSharesRound, GreedyStep, RuleProject
from tally.rules.equal_shares import equal_shares
from tally.rules.greedy import greedy, greedy_no_skip, greedy_threshold
from tests.tally.reference_mes import reference_add_one, reference_run

P = RuleProject


def test_registry_names() -> None:
    assert {"greedy", "greedy-no-skip", "greedy-threshold", "equal-shares"} == set(RULES)
    assert RULES["equal-shares"] is equal_shares


# ---- greedy ---------------------------------------------------------------------------

PROJECTS = [P("a", 50), P("b", 60), P("c", 30), P("d", 20)]
SCORES = {"a": 10, "b": 9, "c": 8, "d": 2}


def test_greedy_skips_what_does_not_fit() -> None:
    outcome = greedy(PROJECTS, 100, SCORES)
    assert ("a", "c", "d") == outcome.selected
    assert 100 == outcome.spent
    assert ["fits", "does not fit", "fits", "fits"] == [
        s.reason for s in outcome.explanation if isinstance(s, GreedyStep)
    ]


def test_greedy_no_skip_stops_at_first_misfit() -> None:
    outcome = greedy_no_skip(PROJECTS, 100, SCORES)
    assert ("a",) == outcome.selected
    assert "greedy-no-skip" == outcome.rule
    assert ["fits", "does not fit", "stopped", "stopped"] == [
        s.reason for s in outcome.explanation if isinstance(s, GreedyStep)
    ]


def test_greedy_threshold_refuses_low_scores() -> None:
    outcome = greedy_threshold(PROJECTS, 100, SCORES, threshold=3)
    assert ("a", "c") == outcome.selected
    assert "greedy-threshold" == outcome.rule
    assert 20 == outcome.budget - outcome.spent


def test_greedy_ties_go_to_cheaper_then_smaller_id() -> None:
    projects = [P("z", 40), P("y", 30), P("x", 30)]
    outcome = greedy(projects, 70, {"z": 5, "y": 5, "x": 5})
    assert ("x", "y") == outcome.selected
    assert ["x", "y", "z"] == [s.project for s in outcome.explanation if isinstance(s, GreedyStep)]


def test_greedy_missing_score_is_zero() -> None:
    assert ("a", "b") == greedy([P("b", 1), P("a", 1)], 5, {"a": 1}).selected


@pytest.mark.parametrize(
    ("projects", "budget", "scores", "message"),
    [
        ([P("a", 1)], 5, {"zz": 1}, "unknown project 'zz'"),
        ([P("a", -1)], 5, {}, "non-negative"),
        ([P("a", 1), P("a", 2)], 5, {}, "twice"),
        ([P("a", 1)], -5, {}, "budget"),
        ([P("a", 1)], 5, {"a": -3}, "score"),
    ],
)
def test_greedy_rejects_bad_input(
    projects: list[RuleProject], budget: int, scores: dict[str, int], message: str
) -> None:
    with pytest.raises(RuleError, match=message):
        greedy(projects, budget, scores)


# ---- Equal Shares ---------------------------------------------------------------------


def test_equal_shares_by_hand() -> None:
    # 3 voters, 100/3 each. C costs 50 paid 50/3 by all three (rho/cost = 1/3) and beats
    # A (30 from each of two voters, 1/2). Then A (60 from 2 x 50/3) and B (40 from 50/3)
    # are unaffordable.
    projects = [P("A", 60), P("B", 40), P("C", 50)]
    ballots = [{"A", "C"}, {"A", "C"}, {"B", "C"}]
    plain = equal_shares(projects, 100, ballots, completion="none", fill="none")
    assert ("C",) == plain.selected
    assert [EqualSharesRound("C", 50, "50/3", 3, "100/3")] == list(plain.explanation)
    filled = equal_shares(projects, 100, ballots, completion="none", fill="greedy")
    assert ("C", "B") == filled.selected
    assert 90 == filled.spent


def test_equal_shares_ties_go_to_cheaper_then_more_supporters_then_id() -> None:
    # X and Y cost each voter half their utility: a tie broken by cost.
    ballots = [{"X", "Y"}, {"X", "Y"}]
    outcome = equal_shares([P("Y", 20), P("X", 10)], 20, ballots, completion="none", fill="none")
    assert ("X",) == outcome.selected
    # Same cost and key: the smaller id wins.
    twins = equal_shares([P("b", 10), P("a", 10)], 10, [{"a", "b"}], completion="none", fill="none")
    assert ("a",) == twins.selected


def test_equal_shares_exact_where_floats_go_wrong() -> None:
    # With floats, 16/4 shares and 1/3 payments round so that p3's supporters seem to
    # hold less than its cost: floats fund p0, p1, p2 only. Exactly, all four fit.
    costs = {"p0": 1, "p1": 1, "p2": 9, "p3": 1}
    ballots = [
        frozenset({"p1"}),
        frozenset({"p0", "p1", "p2", "p3"}),
        frozenset({"p0", "p2", "p3"}),
        frozenset({"p0", "p1", "p2"}),
    ]
    floats = reference_run(costs, ballots, Fraction(16, 4), use_float=True)
    assert ["p0", "p1", "p2"] == floats
    outcome = equal_shares(
        [P(k, v) for k, v in costs.items()], 16, ballots, completion="none", fill="none"
    )
    assert ("p0", "p1", "p2", "p3") == outcome.selected


def test_equal_shares_add_one_raises_budget_until_overspending() -> None:
    # 110/3 each buys only C (50/3 each). From 110/3 + 10 = 140/3 per voter the two A-voters
    # also afford A (2 x 30 after C); from 110/3 + 20 the B-voter affords B too, which
    # overspends: add-one stops at 110/3 + 19 = 167/3 with C and A.
    projects = [P("A", 60), P("B", 40), P("C", 50)]
    ballots = [{"A", "C"}, {"A", "C"}, {"B", "C"}]
    outcome = equal_shares(projects, 110, ballots, completion="add1", fill="none")
    costs = {p.id: p.cost for p in projects}
    assert reference_add_one(costs, [frozenset(b) for b in ballots], 110) == list(outcome.selected)
    assert ("C", "A") == outcome.selected
    assert 110 == outcome.spent
    assert outcome.notes[0].startswith("add-one: per-voter budget 167/3 after 19 steps")
    assert outcome.notes[0].endswith("one more unit would spend 150 > 110")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"completion": "add2"}, "completion"),
        ({"fill": "x"}, "fill"),
        ({"utility": "y"}, "utility"),
    ],
)
def test_equal_shares_rejects_bad_options(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(RuleError, match=message):
        equal_shares([P("a", 1)], 1, [{"a"}], **kwargs)


def test_equal_shares_rejects_unknown_project_and_no_ballots() -> None:
    with pytest.raises(RuleError, match="unknown project 'q'"):
        equal_shares([P("a", 1)], 1, [{"q"}])
    with pytest.raises(RuleError, match="at least one ballot"):
        equal_shares([P("a", 1)], 1, [])


# ---- properties -----------------------------------------------------------------------

IDS = ["p0", "p1", "p2", "p3", "p4"]


@st.composite
def elections(draw: st.DrawFn) -> tuple[dict[str, int], list[frozenset[str]], int]:
    """Small random approval elections: costs, ballots (maybe empty), budget."""
    ids = IDS[: draw(st.integers(1, len(IDS)))]
    costs = {pid: draw(st.integers(0, 60)) for pid in ids}
    ballots = draw(st.lists(st.frozensets(st.sampled_from(ids)), min_size=1, max_size=8))
    return costs, ballots, draw(st.integers(0, 150))


@settings(max_examples=300, deadline=None)
@given(elections(), st.sampled_from(["cost", "approval"]))
def test_equal_shares_matches_slow_reference(
    election: tuple[dict[str, int], list[frozenset[str]], int], utility: str
) -> None:
    costs, ballots, budget = election
    projects = [P(k, v) for k, v in costs.items()]
    by_cost = utility == "cost"
    plain = equal_shares(projects, budget, ballots, completion="none", fill="none", utility=utility)
    expected = reference_run(costs, ballots, Fraction(budget, len(ballots)), by_cost=by_cost)
    assert expected == list(plain.selected)
    add1 = equal_shares(projects, budget, ballots, fill="none", utility=utility)
    assert reference_add_one(costs, ballots, budget, by_cost=by_cost) == list(add1.selected)
    assert add1.spent <= budget


@settings(max_examples=100, deadline=None)
@given(elections(), st.randoms(use_true_random=False))
def test_outcomes_do_not_depend_on_ballot_order(
    election: tuple[dict[str, int], list[frozenset[str]], int], rnd: object
) -> None:
    costs, ballots, budget = election
    shuffled = list(ballots)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    projects = [P(k, v) for k, v in costs.items()]
    assert equal_shares(projects, budget, ballots) == equal_shares(projects, budget, shuffled)
    scores = {pid: sum(pid in b for b in ballots) for pid in costs}
    assert greedy(projects, budget, scores) == greedy(list(reversed(projects)), budget, scores)
