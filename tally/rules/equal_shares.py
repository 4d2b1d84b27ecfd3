"""
Method of Equal Shares (approval ballots) with add-one completion, in exact arithmetic.

Why this shape: cities such as Wieliczka, Świecie, Assen and Aarau fund
projects with Equal Shares as computed by equalshares.net, so this module
follows that reference:

* every voter gets an equal share of a (virtual) budget; a project is
  affordable when its supporters together still hold its cost; each round
  funds the affordable project whose supporters pay the least per unit of
  utility, where a supporter pays ``min(own budget, rho)``;
* ``utility="cost"`` (the default, equalshares.net's choice) values a project
  at its cost, so the round minimises ``rho / cost``; ``utility="approval"``
  values every approved project at 1, so it minimises ``rho``;
* ties go to the cheaper project, then the one with more supporters, then the
  smaller id;
* add-one completion raises the per-voter budget by one currency unit at a
  time (the virtual budget grows in steps of n) and keeps the last outcome
  whose cost still fits the real budget, stopping at the first step that
  would overspend (or once every supported project is funded);
* ``fill="greedy"`` then spends what is left on the remaining projects by
  descending number of supporters (ties: cheaper, then smaller id).

Speed without approximation: ``_mes_core`` merges identical ballots and
tracks supporters as a few budget classes, so one run over Łódź's 90,494
voters takes a fraction of a second; when two consecutive add-one steps fund
the same projects in the same order, ``_mes_horizon`` computes how many
further steps provably repeat that run and skips them (small elections need
hundreds of steps otherwise). Everything is ``int`` or ``fractions.Fraction``;
no float decides anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from fractions import Fraction
from math import ceil

from tally.errors import RuleError
from tally.rules._mes_core import Profile, build_profile, run
from tally.rules._mes_horizon import run_with_horizon
from tally.rules.model import (
    EqualSharesRound,
    Explanation,
    GreedyStep,
    Outcome,
    RuleProject,
    check_projects,
    fraction_str,
)

__all__ = ["equal_shares"]

_COMPLETIONS = ("add1", "none")
_FILLS = ("greedy", "none")
_UTILITIES = ("cost", "approval")


def equal_shares(
    projects: Iterable[RuleProject],
    budget: int,
    ballots: Iterable[AbstractSet[str]],
    *,
    completion: str = "add1",
    fill: str = "greedy",
    utility: str = "cost",
) -> Outcome:
    """
    Choose projects by the Method of Equal Shares, proportional to voters' support.

    Args:
        projects: the candidates (ids unique, costs non-negative integers).
        budget: the real total budget.
        ballots: one approval set (project ids) per voter; empty sets count as
            voters too.
        completion: ``"add1"`` (add-one completion) or ``"none"``.
        fill: ``"greedy"`` spends leftover money by descending supporters, or ``"none"``.
        utility: ``"cost"`` (equalshares.net) or ``"approval"``.

    Returns:
        The outcome; ``explanation`` holds one EqualSharesRound per project
        Equal Shares funded, then the GreedyStep of the fill.

    Raises:
        RuleError: bad projects or budget, unknown project in a ballot, an
            unknown option value, or no ballots at all.
    """
    for name, value, allowed in (
        ("completion", completion, _COMPLETIONS),
        ("fill", fill, _FILLS),
        ("utility", utility, _UTILITIES),
    ):
        if value not in allowed:
            raise RuleError(f"equal shares: {name} must be one of {allowed}, got {value!r}")
    by_id = check_projects(projects, budget)
    profile = build_profile(by_id, ballots)
    if profile.voters == 0:
        raise RuleError("equal shares needs at least one ballot")
    by_cost = utility == "cost"
    per_voter = Fraction(budget, profile.voters)
    funded = run(profile, per_voter, by_cost)
    notes: list[str] = []
    if completion == "add1":
        per_voter, funded, note = _add_one(profile, budget, per_voter, funded, by_cost)
        notes.append(note)
    rounds: list[Explanation] = [
        EqualSharesRound(
            profile.ids[j],
            profile.costs[j],
            fraction_str(rho),
            profile.approvals[j],
            fraction_str(per_voter),
        )
        for j, rho in funded
    ]
    selected = [profile.ids[j] for j, _ in funded]
    spent = sum(profile.costs[j] for j, _ in funded)
    if fill == "greedy":
        taken = {j for j, _ in funded}
        order = sorted(
            (j for j in range(len(profile.ids)) if j not in taken),
            key=lambda j: (-profile.approvals[j], profile.costs[j], profile.ids[j]),
        )
        for j in order:
            cost = profile.costs[j]
            fits = spent + cost <= budget
            if fits:
                spent += cost
                selected.append(profile.ids[j])
            rounds.append(
                GreedyStep(
                    profile.ids[j],
                    cost,
                    profile.approvals[j],
                    fits,
                    "fits" if fits else "does not fit",
                    budget - spent,
                )
            )
    return Outcome("equal-shares", tuple(selected), budget, spent, tuple(rounds), tuple(notes))


def _add_one(
    profile: Profile,
    budget: int,
    per_voter: Fraction,
    funded: list[tuple[int, Fraction]],
    by_cost: bool,
) -> tuple[Fraction, list[tuple[int, Fraction]], str]:
    """
    Raise the per-voter budget one unit at a time until the outcome would overspend.

    Steps that provably repeat the last run (see ``_mes_horizon``) are skipped;
    the horizon is computed only after two consecutive steps funded the same
    projects, so large elections whose runs change at every step pay nothing.

    Args:
        profile: the grouped ballots.
        budget: the real budget.
        per_voter: the starting per-voter budget (budget / n).
        funded: the outcome at ``per_voter``.
        by_cost: the utility model, as for ``run``.

    Returns:
        The final per-voter budget, its outcome, and a note for the explanation.
    """
    fundable = sum(1 for c, a in zip(profile.costs, profile.approvals, strict=True) if c and a)
    steps = runs = wait = 0
    backoff, stale, repeated = 1, False, False
    while len(funded) < fundable:
        limit: Fraction | None = None
        probe = repeated and wait == 0
        if probe:
            candidate, limit = run_with_horizon(profile, per_voter + 1, by_cost)
        else:
            candidate = run(profile, per_voter + 1, by_cost)
            wait = max(wait - 1, 0)
        runs += 1
        cost = sum(profile.costs[j] for j, _ in candidate)
        if cost > budget:
            if stale:  # same projects as the last run, but rho was computed at a lower budget
                funded = run(profile, per_voter, by_cost)
            return per_voter, funded, _note(per_voter, steps, runs, cost, budget)
        repeated = [j for j, _ in candidate] == [j for j, _ in funded]
        per_voter, funded, steps, stale = per_voter + 1, candidate, steps + 1, False
        if probe and limit is not None and limit > 1 and len(funded) < fundable:
            skip = ceil(limit) - 1  # steps t = 1 .. ceil(limit) - 1 repeat this run
            per_voter, steps, stale, backoff = per_voter + skip, steps + skip, True, 1
        elif probe:  # the horizon did not pay: probe less often for a while
            wait, backoff = backoff, min(backoff * 2, 64)
    if stale:
        funded = run(profile, per_voter, by_cost)
    return per_voter, funded, _note(per_voter, steps, runs, None, budget)


def _note(per_voter: Fraction, steps: int, runs: int, cost: int | None, budget: int) -> str:
    """Explain where add-one completion stopped, for the outcome's notes."""
    head = f"add-one: per-voter budget {fraction_str(per_voter)} after {steps} steps ({runs} runs)"
    if cost is None:
        return head + " funds every supported project"
    return head + f"; one more unit would spend {cost} > {budget}"
