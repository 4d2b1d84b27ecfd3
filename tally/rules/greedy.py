"""
Greedy cost-respecting utilitarian rule: how most cities pick their PB winners.

Projects are considered by score, highest first; ties go to the cheaper
project, then to the smaller project id (plain string order). This order
reproduces every greedy city in the pabulib test folder (their ties never
decide a winner, so the cheaper-first choice follows pabutools' convention).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from tally.errors import RuleError
from tally.rules.model import GreedyStep, Outcome, RuleProject, check_projects

__all__ = ["greedy", "greedy_no_skip", "greedy_order", "greedy_threshold"]


def greedy_order(projects: Iterable[RuleProject], scores: Mapping[str, int]) -> list[RuleProject]:
    """
    Sort projects in the order greedy considers them, so every variant agrees.

    Args:
        projects: the candidates.
        scores: score per project id; a missing id scores 0.

    Returns:
        The projects by score descending, then cost ascending, then id.
    """
    return sorted(projects, key=lambda p: (-scores.get(p.id, 0), p.cost, p.id))


def greedy(
    projects: Iterable[RuleProject],
    budget: int,
    scores: Mapping[str, int],
    *,
    skip: bool = True,
    threshold: int = 0,
) -> Outcome:
    """
    Fund projects by descending score while money lasts, the rule most cities use.

    Args:
        projects: the candidates (ids unique, costs non-negative integers).
        budget: the total budget.
        scores: approvals or points per project id; a missing id scores 0.
        skip: True skips a project that does not fit and goes on ("greedy");
            False stops at the first project that does not fit ("greedy-no-skip").
        threshold: a project scoring below it is never funded ("greedy-threshold").

    Returns:
        The outcome; ``explanation`` has one GreedyStep per project, in order.

    Raises:
        RuleError: bad projects or budget, a score for an unknown project, a
            negative or non-integral score.
    """
    by_id = check_projects(projects, budget)
    for project_id, score in scores.items():
        if project_id not in by_id:
            raise RuleError(f"score given for unknown project {project_id!r}")
        if isinstance(score, bool) or not isinstance(score, int) or score < 0:
            raise RuleError(f"project {project_id!r}: score must be a non-negative integer")
    remaining = budget
    stopped = False
    selected: list[str] = []
    steps: list[GreedyStep] = []
    for project in greedy_order(by_id.values(), scores):
        score = scores.get(project.id, 0)
        if stopped:
            reason, funded = "stopped", False
        elif score < threshold:
            reason, funded = "below threshold", False
        elif project.cost <= remaining:
            reason, funded = "fits", True
        else:
            reason, funded = "does not fit", False
            stopped = not skip
        if funded:
            remaining -= project.cost
            selected.append(project.id)
        steps.append(GreedyStep(project.id, project.cost, score, funded, reason, remaining))
    name = "greedy" if skip else "greedy-no-skip"
    if threshold > 0:
        name = "greedy-threshold" if skip else "greedy-no-skip-threshold"
    return Outcome(name, tuple(selected), budget, budget - remaining, tuple(steps))


def greedy_no_skip(
    projects: Iterable[RuleProject], budget: int, scores: Mapping[str, int]
) -> Outcome:
    """
    Fund by descending score and stop at the first project that does not fit (Gdynia).

    Args:
        projects: the candidates.
        budget: the total budget.
        scores: approvals or points per project id.

    Returns:
        The outcome, rule ``"greedy-no-skip"``.

    Raises:
        RuleError: as for :func:`greedy`.
    """
    return greedy(projects, budget, scores, skip=False)


def greedy_threshold(
    projects: Iterable[RuleProject], budget: int, scores: Mapping[str, int], *, threshold: int
) -> Outcome:
    """
    Fund by descending score, skipping misfits, never funding a project scoring below threshold.

    Args:
        projects: the candidates.
        budget: the total budget.
        scores: approvals or points per project id.
        threshold: the minimum score a funded project needs (Łódź: 100 votes).

    Returns:
        The outcome, rule ``"greedy-threshold"``.

    Raises:
        RuleError: as for :func:`greedy`.
    """
    return replace(greedy(projects, budget, scores, threshold=threshold), rule="greedy-threshold")
