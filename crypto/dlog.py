"""Bounded discrete logarithms for exponential ElGamal: recover m from m·G.

Baby-step giant-step with a memoised table of j·G for small j.  The search
is bounded by the caller's ``bound`` (e.g. the number of voters times the
largest per-ballot value) and fails closed with :class:`DecryptionError`
after at most about ``2·sqrt(bound + 1)`` point additions.
"""

from __future__ import annotations

import functools
import math

from crypto import _group as g
from crypto.errors import DecryptionError

__all__ = ["MAX_BOUND", "dlog"]

MAX_BOUND = 2**48
"""Largest bound accepted (a table of 2^24 points would be far too large beyond it)."""


@functools.lru_cache(maxsize=4)
def _baby_steps(m: int) -> dict[bytes, int]:
    """Return the table {j·G: j} for 0 <= j < m (memoised; pure)."""
    table: dict[bytes, int] = {}
    point = g.IDENTITY
    for j in range(m):
        table[bytes(point)] = j
        point = g.add(point, g.BASE)
    return table


def dlog(point: g.Point, bound: int) -> int:
    """Find m in ``[0, bound]`` with ``m·G == point``.

    Args:
        point: the decrypted point m·G (the identity encodes m = 0).
        bound: the largest plaintext the caller allows, 0 <= bound <= MAX_BOUND.

    Returns:
        m.

    Raises:
        DecryptionError: if no m in ``[0, bound]`` matches, or the bound is invalid.
    """
    if not 0 <= bound <= MAX_BOUND:
        raise DecryptionError("dlog: bound out of range")
    m = math.isqrt(bound) + 1
    table = _baby_steps(m)
    giant = g.base_mul(m)
    current = point
    for i in range(m + 1):
        j = table.get(bytes(current))
        if j is not None:
            value = i * m + j
            if value <= bound:
                return value
            break
        current = g.sub(current, giant)
    raise DecryptionError("plaintext out of the bounded range")
