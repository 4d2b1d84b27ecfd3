"""
The small model every outcome rule shares: projects in, an explained Outcome out.

Rules never see ciphertexts or files; callers turn a manifest, a tally or a
pabulib file into ``RuleProject`` records plus scores or ballots.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from tally.errors import RuleError

__all__ = [
    "EqualSharesRound",
    "Explanation",
    "GreedyStep",
    "Outcome",
    "RuleProject",
    "check_projects",
    "fraction_str",
]


@dataclass(frozen=True, slots=True)
class RuleProject:
    """
    A project as a rule sees it: an id and a non-negative integral cost.

    Fields: ``id`` (project id, unique within an election) and ``cost``
    (currency units, the same unit as the budget).
    """

    id: str
    cost: int


@dataclass(frozen=True, slots=True)
class GreedyStep:
    """
    One project considered by a greedy pass, and why it was funded or not.

    Fields: ``project``; ``cost``; ``score`` (approvals or points);
    ``funded``; ``reason`` (``"fits"``, ``"does not fit"``, ``"below threshold"``,
    ``"stopped"`` for greedy-no-skip after the first misfit, or ``"reserve"``);
    ``remaining`` (budget left after this step).
    """

    project: str
    cost: int
    score: int
    funded: bool
    reason: str
    remaining: int


@dataclass(frozen=True, slots=True)
class EqualSharesRound:
    """
    One round of the Method of Equal Shares: the project funded and its price.

    Fields: ``project``; ``cost``; ``rho`` (the largest payment any supporter
    makes, an exact Fraction rendered as ``"p/q"`` or ``"p"``); ``supporters``
    (how many voters approve it) and ``per_voter_budget`` (the virtual budget
    per voter of the run, rendered like ``rho``).
    """

    project: str
    cost: int
    rho: str
    supporters: int
    per_voter_budget: str


Explanation = GreedyStep | EqualSharesRound


@dataclass(frozen=True, slots=True)
class Outcome:
    """
    The funded projects and the data that explains them.

    Fields: ``rule`` (registry name); ``selected`` (project ids in the order
    they were funded); ``budget``; ``spent`` (sum of the selected costs);
    ``explanation`` (every step, in order) and ``notes`` (free-text remarks such
    as the add-one completion's final virtual budget).
    """

    rule: str
    selected: tuple[str, ...]
    budget: int
    spent: int
    explanation: tuple[Explanation, ...]
    notes: tuple[str, ...] = ()


def fraction_str(value: Fraction) -> str:
    """
    Render an exact Fraction without rounding, so explanations stay exact.

    Args:
        value: the number.

    Returns:
        ``"p"`` for integers, ``"p/q"`` otherwise.
    """
    return str(value)


def check_projects(projects: Iterable[RuleProject], budget: int) -> dict[str, RuleProject]:
    """
    Validate rule input once, so each rule can trust it.

    Args:
        projects: the candidate projects.
        budget: the total budget.

    Returns:
        The projects by id, in the given order.

    Raises:
        RuleError: duplicate id, negative or non-integral cost, negative budget.
    """
    if isinstance(budget, bool) or not isinstance(budget, int) or budget < 0:
        raise RuleError(f"budget must be a non-negative integer, got {budget!r}")
    by_id: dict[str, RuleProject] = {}
    for project in projects:
        cost = project.cost
        if isinstance(cost, bool) or not isinstance(cost, int) or cost < 0:
            raise RuleError(
                f"project {project.id!r}: cost must be a non-negative integer, got {cost!r}"
            )
        if project.id in by_id:
            raise RuleError(f"project {project.id!r} appears twice")
        by_id[project.id] = project
    return by_id
