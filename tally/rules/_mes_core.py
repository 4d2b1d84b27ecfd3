"""
The fast core of Equal Shares: grouped ballots and one run at a fixed budget.

Voters with the same ballot are merged into weighted groups, and voters whose
ballots share the same set of funded projects always hold the same budget,
so each project keeps its supporters as a few weighted budget classes (keyed
by the bit mask of funded projects they approve). A round evaluates projects
lazily, in order of a lower bound on their price that only grows (budgets
only shrink). Everything is ``int`` or ``fractions.Fraction``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from fractions import Fraction

from tally.errors import RuleError
from tally.rules.model import RuleProject

__all__ = ["Profile", "build_profile", "charge", "price", "run", "tie_key"]


@dataclass(frozen=True, slots=True)
class Profile:
    """Ballots grouped by identical approval set, with projects as indices."""

    ids: tuple[str, ...]
    costs: tuple[int, ...]
    approvals: tuple[int, ...]
    groups: tuple[tuple[int, ...], ...]
    weights: tuple[int, ...]
    supporters: tuple[tuple[int, ...], ...]
    voters: int


def build_profile(projects: dict[str, RuleProject], ballots: Iterable[AbstractSet[str]]) -> Profile:
    """Group identical ballots and index projects, refusing unknown project ids."""
    index = {pid: i for i, pid in enumerate(projects)}
    counts: Counter[frozenset[str]] = Counter()
    for ballot in ballots:
        counts[frozenset(ballot)] += 1
    groups: list[tuple[int, ...]] = []
    weights: list[int] = []
    approvals = [0] * len(index)
    supporters: list[list[int]] = [[] for _ in index]
    for ballot, weight in sorted(counts.items(), key=lambda item: sorted(item[0])):
        for pid in ballot:
            if pid not in index:
                raise RuleError(f"a ballot approves unknown project {pid!r}")
        members = tuple(sorted(index[pid] for pid in ballot))
        for j in members:
            approvals[j] += weight
            supporters[j].append(len(groups))
        groups.append(members)
        weights.append(weight)
    return Profile(
        ids=tuple(index),
        costs=tuple(p.cost for p in projects.values()),
        approvals=tuple(approvals),
        groups=tuple(groups),
        weights=tuple(weights),
        supporters=tuple(tuple(s) for s in supporters),
        voters=sum(counts.values()),
    )


def price(members: dict[int, int], budgets: dict[int, Fraction], cost: int) -> Fraction | None:
    """
    Find the smallest rho with sum(min(budget, rho) * weight) == cost.

    Args:
        members: the project's supporters as class id -> number of voters.
        budgets: the budget each class holds (per voter).
        cost: the project's cost.

    Returns:
        rho, or None when the supporters together hold less than ``cost``.
    """
    items = sorted((budgets[k], w) for k, w in members.items())
    left: Fraction = Fraction(cost)
    count = sum(w for _, w in items)
    for budget, weight in items:
        if budget * count >= left:
            return left / count
        left -= budget * weight
        count -= weight
    return None


def run(profile: Profile, per_voter: Fraction, by_cost: bool) -> list[tuple[int, Fraction]]:
    """
    Run Equal Shares once with a fixed per-voter budget.

    Args:
        profile: the grouped ballots.
        per_voter: each voter's initial budget.
        by_cost: True for cost utilities (minimise rho / cost), False for
            approval utilities (minimise rho).

    Returns:
        The funded projects in order, each with its rho.
    """
    costs, approvals = profile.costs, profile.approvals
    budgets: dict[int, Fraction] = {0: per_voter}
    class_of = [0] * len(profile.groups)
    alive = [costs[j] > 0 and approvals[j] > 0 for j in range(len(costs))]
    members: list[dict[int, int]] = [
        {0: approvals[j]} if alive[j] else {} for j in range(len(costs))
    ]
    bound: dict[int, Fraction] = {
        j: Fraction(1, approvals[j]) if by_cost else Fraction(costs[j], approvals[j])
        for j in range(len(costs))
        if alive[j]
    }
    funded: list[tuple[int, Fraction]] = []
    while bound:
        best: list[int] = []
        best_key: Fraction | None = None
        best_rho: dict[int, Fraction] = {}
        for j in sorted(bound, key=bound.__getitem__):
            if best_key is not None and bound[j] > best_key:
                break
            rho = price(members[j], budgets, costs[j])
            if rho is None:
                del bound[j]
                alive[j] = False
                continue
            key = rho / costs[j] if by_cost else rho
            bound[j] = key
            best_rho[j] = rho
            if best_key is None or key < best_key:
                best_key, best = key, [j]
            elif key == best_key:
                best.append(j)
        if not best:
            break
        chosen = min(best, key=lambda j: tie_key(profile, j))
        rho = best_rho[chosen]
        funded.append((chosen, rho))
        del bound[chosen]
        alive[chosen] = False
        charge(profile, chosen, rho, budgets, class_of, members, alive)
    return funded


def charge(
    profile: Profile,
    chosen: int,
    rho: Fraction,
    budgets: dict[int, Fraction],
    class_of: list[int],
    members: list[dict[int, int]],
    alive: list[bool],
) -> None:
    """Make the supporters of ``chosen`` pay and move them to their new budget classes."""
    bit = 1 << chosen
    members[chosen] = {}
    groups, weights = profile.groups, profile.weights
    moves: dict[int, tuple[int, bool, bool]] = {}
    for g in profile.supporters[chosen]:
        old = class_of[g]
        move = moves.get(old)
        if move is None:
            new = old | bit
            had = budgets[old]
            left = had - rho if had > rho else Fraction(0)
            budgets[new] = left
            move = moves[old] = (new, had > 0, left > 0)
        new, had_money, keep = move
        class_of[g] = new
        if not had_money:
            continue
        weight = weights[g]
        for j in groups[g]:
            if not alive[j]:
                continue
            mem = members[j]
            rest = mem[old] - weight
            if rest:
                mem[old] = rest
            else:
                del mem[old]
            if keep:
                mem[new] = mem.get(new, 0) + weight


def tie_key(profile: Profile, j: int) -> tuple[int, int, str]:
    """
    Order tied projects: cheaper first, then more supporters, then smaller id.

    Args:
        profile: the grouped ballots.
        j: a project index.

    Returns:
        The sort key; the smallest wins.
    """
    return (profile.costs[j], -profile.approvals[j], profile.ids[j])
