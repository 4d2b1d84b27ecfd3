"""Tests of ballot.selection: rule checks with voter-friendly problem codes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ballot.manifest import load_manifest
from ballot.manifest_model import (
    BallotRule,
    District,
    DistrictId,
    Election,
    OutcomeRule,
    Project,
    ProjectId,
    Text,
)
from ballot.samples import sample_manifest
from ballot.selection import Problem, Selection, can_add, check_selection


@pytest.fixture(scope="module")
def daan() -> Election:
    return load_manifest(sample_manifest("taipei-daan"))


@pytest.fixture(scope="module")
def riverside() -> Election:
    return load_manifest(sample_manifest("riverside-knapsack"))


@pytest.fixture(scope="module")
def school() -> Election:
    return load_manifest(sample_manifest("school-points"))


def ids(election: Election, district: str) -> list[str]:
    return [p.id for p in election.projects_in(district)]


def test_approval_counts(daan: Election) -> None:
    north = ids(daan, "north")
    assert check_selection(daan, "north", Selection("north", frozenset(north[:5]))) == []
    assert [p.code for p in check_selection(daan, "north", Selection("north"))] == ["too_few"]
    too_many = check_selection(daan, "north", Selection("north", frozenset(north[:6])))
    assert too_many == [Problem("too_many", limit=5, value=6)]


def test_approval_can_add_refuses_sixth(daan: Election) -> None:
    north = ids(daan, "north")
    sel = Selection("north", frozenset(north[:5]))
    assert can_add(daan, "north", sel, north[6]) == Problem("too_many", project=north[6], limit=5, value=5)
    assert can_add(daan, "north", sel, north[0]) is None  # already picked: fine
    assert can_add(daan, "north", Selection("north"), north[0]) is None


def test_unknown_project_and_district(daan: Election) -> None:
    south = ids(daan, "south")
    problems = check_selection(daan, "north", Selection("north", frozenset({south[0]})))
    assert Problem("unknown_project", project=south[0]) in problems
    assert can_add(daan, "north", Selection("north"), "zzz") == Problem("unknown_project", project="zzz")
    assert check_selection(daan, "east", Selection("east")) == [Problem("unknown_district")]
    assert can_add(daan, "east", Selection("east"), "n01") == Problem("unknown_district")


def test_knapsack_over_budget(riverside: Election) -> None:
    district = riverside.districts[0]
    projects = sorted(riverside.projects_in(district.id), key=lambda p: -p.cost)
    sel = Selection(district.id)
    spent = 0
    refused: Problem | None = None
    for p in projects:
        problem = can_add(riverside, district.id, sel, p.id)
        if problem is None:
            sel = sel.with_pick(p.id)
            spent += p.cost
        else:
            refused = problem
            assert problem.code == "over_budget"
            assert problem.cost == p.cost
            assert problem.remaining == district.budget - spent
            assert problem.currency == "TWD"
    assert refused is not None
    assert check_selection(riverside, district.id, sel) == []
    everything = Selection(district.id, frozenset(p.id for p in projects))
    codes = [p.code for p in check_selection(riverside, district.id, everything)]
    assert codes == ["over_budget"]


def test_cumulative_limits(school: Election) -> None:
    district = school.districts[0]
    a, b, c = ids(school, district.id)[:3]
    sel = Selection(district.id).with_points(a, 5)
    assert can_add(school, district.id, sel, a) == Problem("project_points_exceeded", project=a, limit=5, value=5, remaining=5)
    sel = sel.with_points(b, 5)
    assert check_selection(school, district.id, sel) == []
    assert can_add(school, district.id, sel, c) == Problem("points_exceeded", project=c, limit=10, value=10)
    over = sel.with_points(c, 1)
    assert [p.code for p in check_selection(school, district.id, over)] == ["points_exceeded"]
    bad = Selection(district.id, points={a: 6, b: -1})
    assert {p.code for p in check_selection(school, district.id, bad)} == {"project_points_exceeded", "negative_points"}
    assert Problem("wrong_kind") in check_selection(school, district.id, Selection(district.id, frozenset({a})))


def test_selection_value_semantics() -> None:
    s1 = Selection("d", points={"a": 2, "b": 0})
    s2 = Selection("d").with_points("a", 2)
    assert s1 == s2 and hash(s1) == hash(s2)
    assert dict(s1.points) == {"a": 2}
    assert s2.with_points("a", 0).is_empty
    assert Selection("d").with_pick("x").without_pick("x").is_empty
    with pytest.raises(TypeError):
        s1.points["a"] = 3  # type: ignore[index]


# ------------------------------------------------------------------ property: accepted ballots obey the rule

def _text(s: str) -> Text:
    return Text((("en", s),))


@st.composite
def elections(draw: st.DrawFn) -> Election:
    kind = draw(st.sampled_from(["approval", "knapsack", "cumulative"]))
    costs = draw(st.lists(st.integers(1, 1000), min_size=1, max_size=8))
    n = len(costs)
    if kind == "cumulative":
        points = draw(st.integers(1, 12))
        rule = BallotRule("cumulative", 0, n, points=points, max_per_project=draw(st.integers(1, points)))
    else:
        low = draw(st.integers(0, n))
        rule = BallotRule(kind, low, draw(st.integers(max(low, 1), n)))
    district = District(DistrictId("d"), _text("D"), draw(st.integers(1, 3000)), "TWD", rule, OutcomeRule("greedy"))
    projects = tuple(Project(ProjectId(f"p{i}"), DistrictId("d"), _text(f"P{i}"), _text(""), c) for i, c in enumerate(costs))
    when = datetime(2027, 1, 1, tzinfo=UTC)
    return Election("e", _text("E"), None, ("en",), when, when, "assigned", 1, 1, "codes", (), (district,), projects)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), election=elections())
def test_accepted_selections_obey_rule(data: st.DataObject, election: Election) -> None:
    district = election.districts[0]
    pool = [p.id for p in election.projects] + ["ghost"]
    picks = frozenset(data.draw(st.sets(st.sampled_from(pool))))
    points = data.draw(st.dictionaries(st.sampled_from(pool), st.integers(-2, 14)))
    sel = Selection("d", points=points) if district.ballot.type == "cumulative" else Selection("d", picks=picks)
    if check_selection(election, "d", sel):
        return
    rule = district.ballot
    known = {p.id for p in election.projects}
    costs = {p.id: p.cost for p in election.projects}
    if rule.type == "cumulative":
        assert not sel.picks
        assert set(sel.points) <= known
        assert all(0 <= v <= (rule.max_per_project or 0) for v in sel.points.values())
        assert sel.points_used <= (rule.points or 0)
    else:
        assert not sel.points
        assert sel.picks <= known
        assert rule.min_picks <= len(sel.picks) <= rule.max_picks
        if rule.type == "knapsack":
            assert sum(costs[p] for p in sel.picks) <= district.budget


@settings(max_examples=200, deadline=None)
@given(data=st.data(), election=elections())
def test_can_add_keeps_upper_bounds(data: st.DataObject, election: Election) -> None:
    """Building a ballot only through can_add never crosses an upper bound."""
    district = election.districts[0]
    ids_ = [p.id for p in election.projects]
    sel = Selection("d")
    for pid in data.draw(st.lists(st.sampled_from(ids_), max_size=30)):
        if can_add(election, "d", sel, pid) is None:
            sel = sel.with_points(pid, sel.points.get(pid, 0) + 1) if district.ballot.type == "cumulative" else sel.with_pick(pid)
    upper = {"too_many", "over_budget", "points_exceeded", "project_points_exceeded"}
    assert not [p for p in check_selection(election, "d", sel) if p.code in upper]
