"""
Equal Shares run that also says how far the per-voter budget can grow without changing it.

Why: add-one completion raises the per-voter budget one currency unit at a
time. In a small election (Assen: 84 voters, about 1,190 units each) most of
those hundreds of steps repeat the same run. With the per-voter budget
written ``b + t``, every budget, price and comparison of one run is an affine
function of ``t`` as long as the same projects win the same rounds with the
same voters paying in full. This run records each of those facts as an
affine inequality, and returns the largest ``T`` such that all of them hold
for ``0 <= t < T``: every integer step below ``T`` has the same winners in
the same order, so add-one may skip them without changing its result. The
conditions are sufficient, not necessary: ``T`` may be smaller than the true
horizon, never larger. Exact Fractions throughout.
"""

from __future__ import annotations

from fractions import Fraction

from tally.rules._mes_core import Profile, tie_key

__all__ = ["run_with_horizon"]

_Affine = tuple[Fraction, Fraction]  # (value at t = 0, slope in t)
_ZERO: _Affine = (Fraction(0), Fraction(0))


class _Horizon:
    """The smallest t at which some recorded condition might fail; None for never."""

    __slots__ = ("limit",)

    def __init__(self) -> None:
        self.limit: Fraction | None = None

    def keep(self, value: Fraction, slope: Fraction) -> None:
        """
        Record that ``value + slope * t`` must keep the sign it has at t = 0.

        Args:
            value: at t = 0, positive, or zero for a ``>= 0`` condition.
            slope: its change per unit of t.
        """
        if slope < 0:
            at = value / -slope
            if self.limit is None or at < self.limit:
                self.limit = at


def _price(
    members: dict[int, int], budgets: dict[int, _Affine], cost: int, horizon: _Horizon
) -> tuple[_Affine, list[tuple[_Affine, bool]]] | None:
    """
    Price a project at t = 0 like ``price``, as an affine function of t.

    The returned rho is exact while every supporter who pays in full at t = 0
    keeps a budget below rho and every other keeps a budget of at least rho;
    for any t it is a lower bound of the true price (a supporter never pays
    more than her budget nor more than rho).

    Args:
        members: the project's supporters as class id -> number of voters.
        budgets: the affine budget of each class.
        cost: the project's cost.
        horizon: where to record that an unaffordable project stays so.

    Returns:
        None when unaffordable at t = 0; else rho and the pattern: each
        supporter class budget with True when it pays in full.
    """
    items = sorted((budgets[k], w) for k, w in members.items())
    left: _Affine = (Fraction(cost), Fraction(0))
    count = sum(w for _, w in items)
    for position, ((value, slope), weight) in enumerate(items):
        if value * count >= left[0]:
            rho = (left[0] / count, left[1] / count)
            return rho, [(b, i < position) for i, (b, _) in enumerate(items)]
        left = (left[0] - value * weight, left[1] - slope * weight)
        count -= weight
    horizon.keep(left[0], left[1])  # supporters keep holding less than the cost
    return None


def run_with_horizon(
    profile: Profile, per_voter: Fraction, by_cost: bool
) -> tuple[list[tuple[int, Fraction]], Fraction | None]:
    """
    Run Equal Shares at ``per_voter`` like ``run``, and bound how long its result lasts.

    Args:
        profile: the grouped ballots.
        per_voter: each voter's initial budget.
        by_cost: True for cost utilities, False for approval utilities.

    Returns:
        The funded projects with their rho (exactly what ``run`` returns), and
        T: for every ``0 <= t < T`` a run at ``per_voter + t`` funds the same
        projects in the same order (None: no limit was found).
    """
    costs, approvals = profile.costs, profile.approvals
    horizon = _Horizon()
    budgets: dict[int, _Affine] = {0: (per_voter, Fraction(1))}
    class_of = [0] * len(profile.groups)
    alive = {j for j in range(len(costs)) if costs[j] > 0 and approvals[j] > 0}
    members: list[dict[int, int]] = [
        {0: approvals[j]} if j in alive else {} for j in range(len(costs))
    ]
    funded: list[tuple[int, Fraction]] = []
    while alive:
        keys: dict[int, _Affine] = {}
        priced: dict[int, tuple[_Affine, list[tuple[_Affine, bool]]]] = {}
        for j in sorted(alive):
            found = _price(members[j], budgets, costs[j], horizon)
            if found is None:
                alive.discard(j)
                continue
            priced[j] = found
            rho = found[0]
            keys[j] = (rho[0] / costs[j], rho[1] / costs[j]) if by_cost else rho
        if not keys:
            break
        chosen = min(keys, key=lambda j: (keys[j][0], tie_key(profile, j)))
        rho, pattern = priced[chosen]
        for (value, slope), in_full in pattern:  # the winner's price must stay exact
            if in_full:
                horizon.keep(rho[0] - value, rho[1] - slope)
            else:
                horizon.keep(value - rho[0], slope - rho[1])
        best = keys[chosen]
        for j, (value, slope) in keys.items():
            if j != chosen:  # a lower bound of j's key must stay above the winner's key
                horizon.keep(value - best[0], slope - best[1])
        funded.append((chosen, rho[0]))
        alive.discard(chosen)
        _charge(profile, chosen, rho, budgets, class_of, members, alive, horizon)
    return funded, horizon.limit


def _charge(
    profile: Profile,
    chosen: int,
    rho: _Affine,
    budgets: dict[int, _Affine],
    class_of: list[int],
    members: list[dict[int, int]],
    alive: set[int],
    horizon: _Horizon,
) -> None:
    """Charge supporters like ``charge``, with affine budgets."""
    bit = 1 << chosen
    members[chosen] = {}
    moves: dict[int, tuple[int, bool, bool]] = {}
    for g in profile.supporters[chosen]:
        old = class_of[g]
        move = moves.get(old)
        if move is None:
            had = budgets[old]
            left = (had[0] - rho[0], had[1] - rho[1]) if had[0] >= rho[0] else _ZERO
            if left[0] == 0 and left[1] != 0:
                horizon.keep(Fraction(0), -abs(left[1]))  # exactly spent only at t = 0
            budgets[old | bit] = left
            move = moves[old] = (old | bit, had[0] > 0, left[0] > 0)
        new, had_money, keep = move
        class_of[g] = new
        if not had_money:
            continue
        weight = profile.weights[g]
        for j in profile.groups[g]:
            if j not in alive:
                continue
            mem = members[j]
            rest = mem[old] - weight
            if rest:
                mem[old] = rest
            else:
                del mem[old]
            if keep:
                mem[new] = mem.get(new, 0) + weight
