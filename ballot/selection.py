"""The plaintext ballot a resident fills in, and its check against the district's rule.

Pure domain code (no Qt, no storage): the kiosk gives live feedback with
``can_add`` while the resident picks, and ``check_selection`` decides whether
the ballot may go on to review and casting.  Problems are values with a
stable ``code`` and the numbers involved, never rendered text: the kiosk
renders them through its translation catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from ballot.manifest_model import Election

__all__ = ["Problem", "ProblemCode", "Selection", "can_add", "check_selection", "selection_cost"]

ProblemCode = Literal[
    "unknown_district",
    "unknown_project",
    "wrong_kind",
    "too_many",
    "too_few",
    "over_budget",
    "points_exceeded",
    "project_points_exceeded",
    "negative_points",
]


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a selection (or one more pick) does not fit the ballot rule.

    Attributes:
        code: stable identifier the kiosk's catalogue renders:
            ``too_many`` (limit = max picks, value = picks),
            ``too_few`` (limit = min picks, value = picks),
            ``over_budget`` (limit = budget, value = total cost; with ``project``
            set by ``can_add``: cost = that project's cost, remaining = budget left),
            ``points_exceeded`` (limit = points to spread, value = points used),
            ``project_points_exceeded`` (limit = max per project, value = points on ``project``),
            ``negative_points``, ``unknown_project``, ``unknown_district``,
            ``wrong_kind`` (points on a pick ballot or picks on a points ballot).
        project: the project concerned, if any.
        limit: the rule's bound that was crossed.
        value: the selection's figure that crossed it.
        cost: the project's cost (``over_budget`` from ``can_add``).
        remaining: budget or points still free.
        currency: the district's currency for money figures.
    """

    code: ProblemCode
    project: str | None = None
    limit: int = 0
    value: int = 0
    cost: int = 0
    remaining: int = 0
    currency: str = ""


def _frozen_points(points: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType({k: v for k, v in sorted(points.items()) if v != 0})


@dataclass(frozen=True, slots=True)
class Selection:
    """A resident's plaintext choices in one district.

    Attributes:
        district: the district (ballot style) id.
        picks: chosen project ids (approval and knapsack ballots).
        points: project id -> points (cumulative ballots); zero entries are dropped.
    """

    district: str
    picks: frozenset[str] = frozenset()
    points: Mapping[str, int] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "picks", frozenset(self.picks))
        object.__setattr__(self, "points", _frozen_points(self.points))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Selection):
            return NotImplemented
        return (self.district, self.picks, dict(self.points)) == (other.district, other.picks, dict(other.points))

    def __hash__(self) -> int:
        return hash((self.district, self.picks, tuple(self.points.items())))

    @property
    def is_empty(self) -> bool:
        """True if nothing is picked and no points are given."""
        return not self.picks and not self.points

    @property
    def points_used(self) -> int:
        """Total points given (cumulative ballots)."""
        return sum(self.points.values())

    def with_pick(self, project_id: str) -> Selection:
        """Return a copy with ``project_id`` picked."""
        return Selection(self.district, self.picks | {project_id}, self.points)

    def without_pick(self, project_id: str) -> Selection:
        """Return a copy with ``project_id`` not picked."""
        return Selection(self.district, self.picks - {project_id}, self.points)

    def with_points(self, project_id: str, points: int) -> Selection:
        """Return a copy giving ``points`` to ``project_id`` (0 removes it)."""
        new = dict(self.points)
        new[project_id] = points
        return Selection(self.district, self.picks, new)


def selection_cost(election: Election, selection: Selection) -> int:
    """Return the total cost of the picked projects (unknown ids count 0)."""
    costs: dict[str, int] = {p.id: p.cost for p in election.projects if p.district == selection.district}
    return sum(costs.get(pid, 0) for pid in selection.picks)


def check_selection(election: Election, district_id: str, selection: Selection) -> list[Problem]:
    """Check a whole selection against the district's ballot rule.

    Args:
        election: the validated election.
        district_id: the district the resident votes in.
        selection: the resident's choices.

    Returns:
        Every problem found, in a stable order; empty means the ballot is valid.
    """
    try:
        district = election.district(district_id)
    except KeyError:
        return [Problem("unknown_district")]
    if selection.district != district_id:
        return [Problem("unknown_district")]
    rule = district.ballot
    known = {p.id for p in election.projects_in(district_id)}
    problems: list[Problem] = []
    chosen = selection.picks | set(selection.points)
    problems.extend(Problem("unknown_project", project=pid) for pid in sorted(chosen - known))
    if rule.type == "cumulative":
        if selection.picks:
            problems.append(Problem("wrong_kind"))
        total_points = rule.points or 0
        per = rule.max_per_project or total_points
        for pid, pts in selection.points.items():
            if pts < 0:
                problems.append(Problem("negative_points", project=pid, value=pts))
            elif pts > per:
                problems.append(Problem("project_points_exceeded", project=pid, limit=per, value=pts))
        used = sum(max(0, v) for v in selection.points.values())
        if used > total_points:
            problems.append(Problem("points_exceeded", limit=total_points, value=used, remaining=0))
        return problems
    if selection.points:
        problems.append(Problem("wrong_kind"))
    n = len(selection.picks)
    if n > rule.max_picks:
        problems.append(Problem("too_many", limit=rule.max_picks, value=n))
    if n < rule.min_picks:
        problems.append(Problem("too_few", limit=rule.min_picks, value=n))
    if rule.type == "knapsack":
        total = selection_cost(election, selection)
        if total > district.budget:
            problems.append(Problem("over_budget", limit=district.budget, value=total,
                                    remaining=0, currency=district.currency))
    return problems


def can_add(election: Election, district_id: str, selection: Selection, project_id: str) -> Problem | None:
    """Say whether one more pick (or one more point) on ``project_id`` fits the rule.

    For approval and knapsack ballots this checks picking the project (already
    picked: fine); for cumulative ballots it checks adding one point.

    Returns:
        None if it fits, else the problem to show the resident.
    """
    try:
        district = election.district(district_id)
    except KeyError:
        return Problem("unknown_district")
    project = next((p for p in election.projects_in(district_id) if p.id == project_id), None)
    if project is None:
        return Problem("unknown_project", project=project_id)
    rule = district.ballot
    if rule.type == "cumulative":
        total_points = rule.points or 0
        per = rule.max_per_project or total_points
        used = selection.points_used
        current = selection.points.get(project_id, 0)
        if used + 1 > total_points:
            return Problem("points_exceeded", project=project_id, limit=total_points, value=used, remaining=0)
        if current + 1 > per:
            return Problem("project_points_exceeded", project=project_id, limit=per, value=current,
                           remaining=total_points - used)
        return None
    if project_id in selection.picks:
        return None
    n = len(selection.picks)
    if n + 1 > rule.max_picks:
        return Problem("too_many", project=project_id, limit=rule.max_picks, value=n)
    if rule.type == "knapsack":
        spent = selection_cost(election, selection)
        if spent + project.cost > district.budget:
            return Problem("over_budget", project=project_id, limit=district.budget, value=spent,
                           cost=project.cost, remaining=district.budget - spent, currency=district.currency)
    return None
