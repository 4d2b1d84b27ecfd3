"""
Summing ballot entries into per-district, per-project ciphertext sums: the per-ballot work of the tally (spec 32).

Kept apart from tally/homomorphic.py so that the worker processes which sum
chunks of the board import only this module, crypto and the standard
library (no SQLAlchemy, no ballot package): a spawned worker is ready in a
fraction of a second.  Only bytes cross the process boundary: a chunk of
``(position, payload)`` board entries goes in, and per district the ballot
count and the encoded partial sums come back.  Group addition is
commutative and every point has one canonical encoding, so the tally's
bytes do not depend on how the board was cut into chunks or on how many
processes summed them.

The cost per ballot is libsodium's point addition (two per selection); the
rest (``json.loads``, ``bytes.fromhex``, the checks) is about a tenth of it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from crypto import _group as g
from tally.errors import TallyError

__all__ = ["ChunkSums", "InvalidTally", "Sums", "init_worker", "selections", "sum_chunk", "sum_entries"]

ChunkSums = dict[str, tuple[int, list[bytes], list[bytes]]]
"""Per district of a chunk: (ballots, encoded α sums, encoded β sums)."""


class InvalidTally(TallyError, ValueError):
    """A tally file or a board entry does not have the shape the spec requires (the message says where)."""


class Sums:
    """Running sums of one district, kept as encoded points (libsodium adds encoded points)."""

    __slots__ = ("alphas", "ballots", "betas")

    def __init__(self, n: int) -> None:
        self.ballots = 0
        self.alphas: list[g.Point] = [g.IDENTITY] * n
        self.betas: list[g.Point] = [g.IDENTITY] * n

    def add(self, pairs: list[tuple[bytes, bytes]]) -> None:
        """Add one ballot's selections, ``(α, β)`` per project."""
        add = g.add
        alphas, betas = self.alphas, self.betas
        for j, (alpha, beta) in enumerate(pairs):
            alphas[j] = add(alphas[j], g.Point(alpha))
            betas[j] = add(betas[j], g.Point(beta))
        self.ballots += 1

    def merge(self, ballots: int, alphas: Sequence[bytes], betas: Sequence[bytes]) -> None:
        """Add a partial sum of the same district (from a worker's chunk)."""
        add = g.add
        self.alphas = [add(a, g.Point(b)) for a, b in zip(self.alphas, alphas, strict=True)]
        self.betas = [add(a, g.Point(b)) for a, b in zip(self.betas, betas, strict=True)]
        self.ballots += ballots


def selections(payload: bytes, position: int, fingerprint_hex: str,
               sizes: dict[str, int]) -> tuple[str, list[tuple[bytes, bytes]]]:
    """The district and the raw selections of a ``ballot`` entry (shape checks only, no proofs).

    Raises:
        InvalidTally: naming the board entry.
    """
    where = f"board entry {position}"
    try:
        value = json.loads(payload)
        district = value["district"]
        raw = value["selections"]
        if value["election"] != fingerprint_hex:
            raise InvalidTally(f"{where}: a ballot for another election")
        if district not in sizes:
            raise InvalidTally(f"{where}: unknown district {district!r}")
        if not isinstance(raw, list) or len(raw) != sizes[district]:
            raise InvalidTally(f"{where}: expected {sizes[district]} selections")
        out = []
        fromhex = bytes.fromhex
        for alpha, beta in raw:
            a, b = fromhex(alpha), fromhex(beta)
            if len(a) != 32 or len(b) != 32:
                raise ValueError
            out.append((a, b))
    except (ValueError, KeyError, TypeError):
        raise InvalidTally(f"{where}: not a well-formed ballot") from None
    return district, out


def sum_entries(entries: Sequence[tuple[int, bytes]], fingerprint_hex: str, sizes: dict[str, int]) -> ChunkSums:
    """Sum a chunk of ``ballot`` entries ``(position, payload)``; only the districts present are returned."""
    sums: dict[str, Sums] = {}
    for position, payload in entries:
        district, pairs = selections(payload, position, fingerprint_hex, sizes)
        acc = sums.get(district)
        if acc is None:
            acc = sums[district] = Sums(sizes[district])
        acc.add(pairs)
    return {d: (s.ballots, list(s.alphas), list(s.betas)) for d, s in sums.items()}


# -- worker processes ------------------------------------------------------------------------

_context: tuple[str, dict[str, int]] | None = None


def init_worker(fingerprint_hex: str, sizes: dict[str, int]) -> None:
    """Worker initialiser: the election's fingerprint and district sizes, once per process."""
    global _context  # set once per worker process
    _context = (fingerprint_hex, sizes)


def sum_chunk(entries: list[tuple[int, bytes]]) -> ChunkSums:
    """Worker task: :func:`sum_entries` with the election given to :func:`init_worker`."""
    if _context is None:
        raise RuntimeError("tally worker not initialised")
    return sum_entries(entries, *_context)
