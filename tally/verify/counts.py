"""Threshold decryption arithmetic (spec sections 9, 15 and 34): public shares, Lagrange, bounded dlog."""

from __future__ import annotations

from collections.abc import Sequence
from math import isqrt

from tally.verify.group import IDENTITY, G, L, add, base_mul, mul, neg

MAX_BOUND = 2**48
"""Section 9: ``0 <= B <= 2^48``."""


def public_share(j: int, commitments: Sequence[Sequence[bytes]]) -> bytes:
    """Section 15 item 4 / 25.1: ``X_j = Σ_i j^i·(Σ_t C_{t,i})``."""
    k = len(commitments[0])
    total = IDENTITY
    for i in range(k):
        column = IDENTITY
        for trustee in commitments:
            column = add(column, trustee[i])
        total = add(total, mul(pow(j, i, L), column))
    return total


def lagrange_at_zero(j: int, indices: Sequence[int]) -> int:
    """Section 15 item 6: ``λ_j = Π_{m∈I, m≠j} m·(m - j)^{-1} mod L``."""
    value = 1
    for m in indices:
        if m != j:
            value = value * m * pow((m - j) % L, -1, L) % L
    return value


class BabySteps:
    """Section 9: baby-step giant-step for one bound ``B``; the table is built once and reused."""

    def __init__(self, bound: int) -> None:
        if not 0 <= bound <= MAX_BOUND:
            raise ValueError("dlog bound outside [0, 2^48]")
        self.bound = bound
        self.n = isqrt(bound) + 1
        self.table: dict[bytes, int] = {}
        point = IDENTITY
        for j in range(self.n):
            self.table.setdefault(point, j)
            point = add(point, G)
        self.giant = neg(base_mul(self.n))

    def dlog(self, point: bytes) -> int | None:
        """The unique ``m`` in ``[0, B]`` with ``m·G = point``, or None (never reduced or clamped)."""
        current = point
        for i in range(self.n + 1):
            j = self.table.get(current)
            if j is not None:
                m = i * self.n + j
                return m if m <= self.bound else None
            current = add(current, self.giant)
        return None


def dlog_is(point: bytes, claimed: int, bound: int) -> bool:
    """Whether ``dlog(point, bound) = claimed``: ``claimed`` in ``[0, B]`` and ``claimed·G = point``.

    Equivalent to running section 9 and comparing, because the logarithm in
    ``[0, B]`` is unique (``B < L``); one scalar multiplication instead of a table.
    """
    return 0 <= claimed <= bound and base_mul(claimed) == point
