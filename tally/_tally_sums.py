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

The cost per ballot is libsodium's point addition (two per selection, 40 for
a 20-project ballot: about 17 µs each here), made in place in libsodium's
buffers (crypto ``PointSums``); reading the entry costs about 15 µs more,
because canonical entries are read in place rather than parsed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from crypto import _group as g
from crypto.errors import CryptoError
from tally.errors import TallyError

__all__ = ["ChunkSums", "InvalidTally", "Sums", "init_worker", "selections", "sum_chunk", "sum_entries"]

ChunkSums = dict[str, tuple[int, list[bytes], list[bytes]]]
"""Per district of a chunk: (ballots, encoded α sums, encoded β sums)."""


class InvalidTally(TallyError, ValueError):
    """A tally file or a board entry does not have the shape the spec requires (the message says where)."""


class Sums:
    """Running sums of one district: α and β of every project, interleaved as a ballot lists them."""

    __slots__ = ("_points", "ballots")

    def __init__(self, n: int) -> None:
        self.ballots = 0
        self._points = g.PointSums(2 * n)

    def add(self, points: bytes) -> None:
        """Add one ballot's selections: ``α₁ β₁ α₂ β₂ …``, 32 bytes each, concatenated."""
        self._points.add_all(points)
        self.ballots += 1

    def merge(self, ballots: int, alphas: Sequence[bytes], betas: Sequence[bytes]) -> None:
        """Add a partial sum of the same district (from a worker's chunk)."""
        self._points.add_all(b"".join(p for pair in zip(alphas, betas, strict=True) for p in pair))
        self.ballots += ballots

    @property
    def alphas(self) -> list[g.Point]:
        return self._points.values()[0::2]

    @property
    def betas(self) -> list[g.Point]:
        return self._points.values()[1::2]


_HEAD = re.compile(rb'\{"credential":"[0-9a-f]{64}","district":"([a-z0-9_-]+)","election":"([0-9a-f]{64})",')
_PUNCTUATION = b'[]",'
_PAIR = 136
"""Bytes of one canonical pair ``["<64 hex>","<64 hex>"],`` (the last one has no comma)."""
_LAYOUT = ((0, b"["), (1, b'"'), (66, b'"'), (67, b","), (68, b'"'), (133, b'"'), (134, b"]"))


def selections(payload: bytes, position: int, fingerprint_hex: str,
               sizes: dict[str, int]) -> tuple[str, bytes]:
    """
    The district and the selections (``α₁ β₁ α₂ β₂ …``, 32 bytes each) of a ``ballot`` entry; shape checks only.

    A canonical ballot (docs/spec.md 26: keys sorted, no spaces) is read in
    place: its head by an anchored pattern, and its last members,
    ``selections`` and ``signatures``, by checking that every bracket, quote
    and comma of the pairs sits where the canonical layout puts it, instead
    of parsing every proof (``json.loads`` was a twelfth of the one-core
    tally).  Anything else, every malformed entry included, goes through the
    full parser, which names the fault.

    Raises:
        InvalidTally: naming the board entry.
    """
    head = _HEAD.match(payload)
    if head is not None and head[2] == fingerprint_hex.encode():
        district = head[1].decode()
        n = sizes.get(district, 0)
        start = payload.rfind(b',"selections":[[') + 15
        end = payload.rfind(b']],"signatures":{') + 1
        block = payload[start:end]
        if (start > 15 and len(block) == _PAIR * n - 1 and payload.count(b"{", end) == 1
                and payload.endswith(b"}}") and block[135::_PAIR] == b"," * (n - 1)
                and all(block[offset::_PAIR] == char * n for offset, char in _LAYOUT)):
            try:
                points = bytes.fromhex(block.translate(None, _PUNCTUATION).decode())
            except ValueError:
                points = b""
            if len(points) == 64 * n:
                return district, points
    return _selections_parsed(payload, position, fingerprint_hex, sizes)


def _selections_parsed(payload: bytes, position: int, fingerprint_hex: str,
                       sizes: dict[str, int]) -> tuple[str, bytes]:
    where = f"board entry {position}"
    try:
        value = json.loads(payload)
        district, election, raw = value["district"], value["election"], value["selections"]
    except (ValueError, KeyError, TypeError):
        raise InvalidTally(f"{where}: not a well-formed ballot") from None
    if election != fingerprint_hex:
        raise InvalidTally(f"{where}: a ballot for another election")
    if not isinstance(district, str) or district not in sizes:
        raise InvalidTally(f"{where}: unknown district {district!r}")
    if not isinstance(raw, list) or len(raw) != sizes[district]:
        raise InvalidTally(f"{where}: expected {sizes[district]} selections")
    try:
        if any(len(alpha) != 64 or len(beta) != 64 for alpha, beta in raw):
            raise ValueError
        points = bytes.fromhex("".join(alpha + beta for alpha, beta in raw))
    except (ValueError, TypeError):
        raise InvalidTally(f"{where}: not a well-formed ballot") from None
    return district, points


def sum_entries(entries: Sequence[tuple[int, bytes]], fingerprint_hex: str, sizes: dict[str, int]) -> ChunkSums:
    """Sum a chunk of ``ballot`` entries ``(position, payload)``; only the districts present are returned."""
    sums: dict[str, Sums] = {}
    for position, payload in entries:
        district, points = selections(payload, position, fingerprint_hex, sizes)
        acc = sums.get(district)
        if acc is None:
            acc = sums[district] = Sums(sizes[district])
        try:
            acc.add(points)
        except CryptoError:
            raise InvalidTally(f"board entry {position}: a selection is not a curve point") from None
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
