"""
A slow, obviously-correct Method of Equal Shares, one voter at a time, to cross-check ours.

It transcribes equalshares.net's reference code (Peters) with exact Fractions
and the same tie-breaking; the number type is a parameter so tests can show
what floats would get wrong.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction


def reference_run(
    costs: Mapping[str, int],
    ballots: Sequence[frozenset[str]],
    per_voter: Fraction,
    *,
    by_cost: bool = True,
    use_float: bool = False,
) -> list[str]:
    """Run Equal Shares with a fixed per-voter budget; return the funded ids in order."""
    budget: list[Fraction | float] = [float(per_voter) if use_float else per_voter for _ in ballots]
    approvers = {c: [i for i, b in enumerate(ballots) if c in b] for c in costs}
    remaining = [c for c in costs if costs[c] > 0 and approvers[c]]
    winners: list[str] = []
    while True:
        best: list[str] = []
        best_key: Fraction | float | None = None
        rhos: dict[str, Fraction | float] = {}
        for c in list(remaining):
            order = sorted(approvers[c], key=lambda i: budget[i])
            paid: Fraction | float = 0
            count = len(order)
            rho: Fraction | float | None = None
            for i in order:
                share = (
                    (costs[c] - paid) / count if use_float else Fraction(costs[c] - paid) / count
                )
                if share > budget[i]:
                    paid += budget[i]
                    count -= 1
                else:
                    rho = share
                    break
            if rho is None:
                remaining.remove(c)
                continue
            key = rho / costs[c] if by_cost else rho
            rhos[c] = rho
            if best_key is None or key < best_key:
                best_key, best = key, [c]
            elif key == best_key:
                best.append(c)
        if not best:
            return winners
        chosen = min(best, key=lambda c: (costs[c], -len(approvers[c]), c))
        winners.append(chosen)
        remaining.remove(chosen)
        for i in approvers[chosen]:
            budget[i] = budget[i] - rhos[chosen] if budget[i] > rhos[chosen] else 0


def reference_add_one(
    costs: Mapping[str, int],
    ballots: Sequence[frozenset[str]],
    budget: int,
    *,
    by_cost: bool = True,
) -> list[str]:
    """Add-one completion by brute force: raise per-voter budget by 1 until it would overspend."""
    per_voter = Fraction(budget, len(ballots))
    winners = reference_run(costs, ballots, per_voter, by_cost=by_cost)
    fundable = [c for c in costs if costs[c] > 0 and any(c in b for b in ballots)]
    while len(winners) < len(fundable):
        per_voter += 1
        candidate = reference_run(costs, ballots, per_voter, by_cost=by_cost)
        if sum(costs[c] for c in candidate) > budget:
            break
        winners = candidate
    return winners
