"""The encrypted tally: per district and project, the sum of the cast ballots' ciphertexts (docs/spec.md 32).

The sums are computed from the closed board only, streaming its entries in
batches so 100,000 ballots never sit in memory.  Ballots are not
re-verified here: the ballot box checked every proof once at cast time
(PERFORMANCE.md: verifying each ballot again at every tally step does not
pay) and the record's verifier checks them again independently.  For the
same reason the selections are read with a light parser that trusts the
board's points (validated at cast) instead of ``parse_ballot``, whose
subgroup check would cost 50 µs per point; each published sum is still
validated once.

Trustees decrypt only a tally they recomputed themselves from the whole
closed board (``compute_tally``), never a file handed to them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy.orm import Session

from ballot.board import board_entries, current_head
from ballot.manifest_model import Election
from crypto import _group as g
from crypto.canonical import canonical_json, parse_canonical_json
from crypto.elgamal import Ciphertext
from crypto.encoding import digest
from crypto.errors import CryptoError
from tally.errors import TallyError

__all__ = [
    "TALLY_FILE",
    "TALLY_FORMAT",
    "TALLY_TAG",
    "DistrictSums",
    "EncryptedTally",
    "InvalidTally",
    "TallyNotReady",
    "compute_tally",
    "parse_tally",
]

TALLY_FILE: Final = "tally.json"
TALLY_FORMAT: Final = "pbvote-tally/1"
TALLY_TAG: Final = "pbvote/1/tally"
_PROGRESS_EVERY: Final = 10_000

Progress = Callable[[str], None]
"""Receives one human-readable line per step."""


class TallyNotReady(TallyError, RuntimeError):
    """The board is not closed yet (or was never opened): nothing can be tallied."""


class InvalidTally(TallyError, ValueError):
    """A tally file or a board entry does not have the shape the spec requires (the message says where)."""


@dataclass(frozen=True, slots=True)
class DistrictSums:
    """One district's encrypted sums.

    Attributes:
        district: the manifest id.
        ballots: how many counted ballots are for this district.
        sums: one aggregate ciphertext per project, manifest order (identity allowed).
    """

    district: str
    ballots: int
    sums: tuple[Ciphertext, ...]


@dataclass(frozen=True, slots=True)
class EncryptedTally:
    """The published ``tally.json``: every district's sums, bound to the closed board.

    Attributes:
        election: F.
        board_size: c + 1, c being the ``close`` entry's index.
        board_head: h_c, the chain's hash right after the ``close`` entry.
        districts: manifest order.
    """

    election: bytes
    board_size: int
    board_head: bytes
    districts: tuple[DistrictSums, ...]

    def to_json(self) -> dict[str, Any]:
        """The JSON object of spec section 32."""
        return {
            "board": {"head": self.board_head.hex(), "size": self.board_size},
            "districts": [{"ballots": d.ballots, "district": d.district, "sums": [c.to_json() for c in d.sums]}
                          for d in self.districts],
            "election": self.election.hex(),
            "format": TALLY_FORMAT,
        }

    def to_canonical_bytes(self) -> bytes:
        """The bytes of ``tally.json`` (canonical JSON, no trailing newline)."""
        return canonical_json(self.to_json())

    @property
    def tally_hash(self) -> bytes:
        """H_T = digest("pbvote/1/tally", tally bytes): what partial decryptions and results name."""
        return digest(TALLY_TAG, self.to_canonical_bytes())

    @property
    def ballots(self) -> int:
        """All counted ballots."""
        return sum(d.ballots for d in self.districts)


class _Sums:
    """Running sums of one district, kept as encoded points (libsodium adds encoded points)."""

    __slots__ = ("alphas", "ballots", "betas")

    def __init__(self, n: int) -> None:
        self.ballots = 0
        self.alphas: list[g.Point] = [g.IDENTITY] * n
        self.betas: list[g.Point] = [g.IDENTITY] * n

    def add(self, selections: list[tuple[bytes, bytes]]) -> None:
        add = g.add
        alphas, betas = self.alphas, self.betas
        for j, (alpha, beta) in enumerate(selections):
            alphas[j] = add(alphas[j], g.Point(alpha))
            betas[j] = add(betas[j], g.Point(beta))
        self.ballots += 1

    def result(self, district: str) -> DistrictSums:
        try:
            sums = tuple(Ciphertext(g.decode_point_or_identity(a), g.decode_point_or_identity(b))
                         for a, b in zip(self.alphas, self.betas, strict=True))
        except CryptoError:
            raise InvalidTally(f"district {district!r}: a sum is not a valid point; the board holds a "
                               "ballot the ballot box would have refused") from None
        return DistrictSums(district, self.ballots, sums)


def _selections(payload: bytes, position: int, fingerprint_hex: str,
                sizes: dict[str, int]) -> tuple[str, list[tuple[bytes, bytes]]]:
    """The district and the raw selections of a ``ballot`` entry (shape checks only, no proofs)."""
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
        for item in raw:
            alpha, beta = item
            a, b = bytes.fromhex(alpha), bytes.fromhex(beta)
            if len(a) != 32 or len(b) != 32:
                raise ValueError
            out.append((a, b))
    except (ValueError, KeyError, TypeError):
        raise InvalidTally(f"{where}: not a well-formed ballot") from None
    return district, out


def compute_tally(session: Session, election: Election, progress: Progress | None = None) -> EncryptedTally:
    """Sum the closed board's cast ballots per district and project (spec 32).

    Args:
        session: a read session on the election's database.
        election: the stored election.
        progress: called every 10,000 ballots and at the end.

    Returns:
        The tally.  Nothing is stored: the caller stores it when the whole
        run succeeded, so an interrupted run leaves nothing half-done.

    Raises:
        TallyNotReady: while the polls are not closed.
        InvalidTally: a ballot entry is malformed, or the counts disagree with the ``close`` entry.
    """
    say = progress or (lambda _line: None)
    _head, polls = current_head(session, election.fingerprint)
    if polls != "closed":
        state = "not open yet" if polls == "before" else "still open"
        raise TallyNotReady(f"the polls are {state}: the tally needs the closed board ('pbvote polls close')")
    say("tally: summing the ballots of the closed board")
    sizes: dict[str, int] = {d.id: len(election.projects_in(d.id)) for d in election.districts}
    sums: dict[str, _Sums] = {d: _Sums(n) for d, n in sizes.items()}
    fingerprint_hex = election.fingerprint_hex
    counted = 0
    close: tuple[int, bytes, bytes] | None = None
    for entry in board_entries(session):
        if entry.kind == "ballot":
            district, selections = _selections(entry.payload, entry.position, fingerprint_hex, sizes)
            sums[district].add(selections)
            counted += 1
            if counted % _PROGRESS_EVERY == 0:
                say(f"tally: {counted} ballots summed")
        elif entry.kind == "close":
            close = (entry.position, entry.entry_hash, entry.payload)
            break
    if close is None:
        raise TallyNotReady("the board has no 'close' entry")
    position, head, payload = close
    try:
        stated = parse_canonical_json(payload, f"board entry {position}")["ballots"]
    except (CryptoError, ValueError, KeyError, TypeError):
        raise InvalidTally(f"board entry {position}: not a well-formed 'close' entry") from None
    if stated != counted:
        raise InvalidTally(f"the 'close' entry states {stated} ballots but the board holds {counted}")
    say(f"tally: {counted} ballots summed (board closed at entry {position})")
    return EncryptedTally(election.fingerprint, position + 1, head,
                          tuple(sums[d.id].result(d.id) for d in election.districts))


def _members(value: Any, members: set[str], where: str) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != members:
        raise InvalidTally(f"{where}: expected exactly the members {', '.join(sorted(members))}")
    return value


def parse_tally(data: bytes, election: Election) -> EncryptedTally:
    """Parse ``tally.json`` bytes for ``election`` (shape and points; not recomputed from the board).

    Raises:
        InvalidTally: not canonical, another election, districts not the manifest's, a bad point.
    """
    try:
        value = parse_canonical_json(data, TALLY_FILE)
    except (CryptoError, ValueError) as exc:
        raise InvalidTally(str(exc)) from None
    v = _members(value, {"board", "districts", "election", "format"}, TALLY_FILE)
    if v["format"] != TALLY_FORMAT or v["election"] != election.fingerprint_hex:
        raise InvalidTally(f"{TALLY_FILE}: not a {TALLY_FORMAT} tally of this election")
    board = _members(v["board"], {"head", "size"}, f"{TALLY_FILE}: board")
    raw = v["districts"]
    if not isinstance(raw, list) or len(raw) != len(election.districts):
        raise InvalidTally(f"{TALLY_FILE}: expected one entry per district of the manifest")
    districts = []
    try:
        head = bytes.fromhex(board["head"])
        for item, district in zip(raw, election.districts, strict=True):
            d = _members(item, {"ballots", "district", "sums"}, f"{TALLY_FILE}: district")
            n = len(election.projects_in(district.id))
            if d["district"] != district.id or not isinstance(d["sums"], list) or len(d["sums"]) != n:
                raise InvalidTally(f"{TALLY_FILE}: district {district.id!r} expected with {n} sums")
            if not isinstance(d["ballots"], int) or d["ballots"] < 0:
                raise InvalidTally(f"{TALLY_FILE}: district {district.id!r}: bad ballot count")
            districts.append(DistrictSums(district.id, d["ballots"],
                                          tuple(Ciphertext.from_json(c, aggregate=True) for c in d["sums"])))
    except (CryptoError, ValueError, TypeError) as exc:
        raise InvalidTally(f"{TALLY_FILE}: {exc}") from None
    size = board["size"]
    if not isinstance(size, int) or size < 1 or len(head) != 32:
        raise InvalidTally(f"{TALLY_FILE}: bad board head")
    return EncryptedTally(election.fingerprint, size, head, tuple(districts))
