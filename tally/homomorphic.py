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

The per-ballot work (parsing, two point additions per selection) runs in
worker processes, every core by default (tally/_tally_sums.py): this
process streams the board, sends chunks of entries' bytes and adds the
partial sums that come back, and alone binds the tally to the ``close``
entry.  The bytes of the tally do not depend on the number of processes.

Trustees decrypt only a tally they recomputed themselves from the whole
closed board (``compute_tally``), never a file handed to them.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
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
from tally._tally_sums import ChunkSums, InvalidTally, Sums, init_worker, sum_chunk, sum_entries
from tally._workers import stop_signals_blocked, worker_started
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
    "default_jobs",
    "parse_tally",
]

TALLY_FILE: Final = "tally.json"
TALLY_FORMAT: Final = "pbvote-tally/1"
TALLY_TAG: Final = "pbvote/1/tally"
_PROGRESS_EVERY: Final = 10_000
CHUNK: Final = 1000
"""Ballots per worker task: ~10 MB of 20-project ballots, a second of point additions."""
CHUNK_BYTES: Final = 16 << 20
"""At most this many payload bytes per task (Łódź's 160-project ballots are ~85 KB each)."""

Progress = Callable[[str], None]
"""Receives one human-readable line per step."""


class TallyNotReady(TallyError, RuntimeError):
    """The board is not closed yet (or was never opened): nothing can be tallied."""


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


def _result(district: str, acc: Sums) -> DistrictSums:
    try:
        sums = tuple(Ciphertext(g.decode_point_or_identity(a), g.decode_point_or_identity(b))
                     for a, b in zip(acc.alphas, acc.betas, strict=True))
    except CryptoError:
        raise InvalidTally(f"district {district!r}: a sum is not a valid point; the board holds a "
                           "ballot the ballot box would have refused") from None
    return DistrictSums(district, acc.ballots, sums)


def default_jobs() -> int:
    """Every core this process may use: the tally's default number of processes."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class _Summer:
    """Sums ballot entries in chunks, in ``jobs`` worker processes (in this process when ``jobs`` is 1).

    At most ``2 * jobs`` chunks are in flight, so memory stays flat whatever
    the board's size; the pool is only started once a first chunk is full,
    so small boards never pay for it.
    """

    def __init__(self, sizes: dict[str, int], fingerprint_hex: str, jobs: int, chunk: int, say: Progress) -> None:
        self.sizes, self.fingerprint_hex, self.jobs, self.chunk, self.say = sizes, fingerprint_hex, jobs, chunk, say
        self.sums = {d: Sums(n) for d, n in sizes.items()}
        self.entries: list[tuple[int, bytes]] = []
        self.bytes = 0
        self.pool: ProcessPoolExecutor | None = None
        self.pending: set[Future[ChunkSums]] = set()
        self.summed = 0

    def add(self, position: int, payload: bytes) -> None:
        self.entries.append((position, payload))
        self.bytes += len(payload)
        if len(self.entries) >= self.chunk or self.bytes >= CHUNK_BYTES:
            entries, self.entries, self.bytes = self.entries, [], 0
            self._submit(entries)

    def _submit(self, entries: list[tuple[int, bytes]]) -> None:
        if self.jobs == 1:
            self._merge(sum_entries(entries, self.fingerprint_hex, self.sizes), len(entries))
            return
        if self.pool is None:
            self.pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_init_worker,
                                            initargs=(self.fingerprint_hex, self.sizes, os.getpid()))
        while len(self.pending) >= 2 * self.jobs:
            self._collect(FIRST_COMPLETED)
        with stop_signals_blocked():  # the workers are spawned by the first submissions
            self.pending.add(self.pool.submit(sum_chunk, entries))

    def _collect(self, when: str) -> None:
        finished, self.pending = wait(self.pending, return_when=when)
        for future in finished:
            part = future.result()
            self._merge(part, sum(ballots for ballots, _, _ in part.values()))

    def _merge(self, part: ChunkSums, ballots: int) -> None:
        for district, (count, alphas, betas) in part.items():
            self.sums[district].merge(count, alphas, betas)
        before, self.summed = self.summed, self.summed + ballots
        if before // _PROGRESS_EVERY != self.summed // _PROGRESS_EVERY:
            self.say(f"tally: {self.summed // _PROGRESS_EVERY * _PROGRESS_EVERY} ballots summed")

    def finish(self) -> dict[str, Sums]:
        """Sum what is left here, wait for the workers and return every district's sums."""
        entries, self.entries = self.entries, []
        if entries:
            self._merge(sum_entries(entries, self.fingerprint_hex, self.sizes), len(entries))
        while self.pending:
            self._collect(ALL_COMPLETED)
        return self.sums

    def close(self) -> None:
        """Stop the workers (a chunk being summed is finished first; queued ones are dropped)."""
        if self.pool is not None:
            for future in self.pending:
                future.cancel()
            self.pool.shutdown(wait=True, cancel_futures=True)


def _init_worker(fingerprint_hex: str, sizes: dict[str, int], parent: int) -> None:
    worker_started(parent)
    init_worker(fingerprint_hex, sizes)


def compute_tally(session: Session, election: Election, progress: Progress | None = None, *,
                  jobs: int | None = None, chunk: int = CHUNK) -> EncryptedTally:
    """Sum the closed board's cast ballots per district and project (spec 32).

    This process reads the board (and binds the tally to its ``close``
    entry); the per-ballot work, parsing and point additions, runs in
    ``jobs`` processes on chunks of entries.  The bytes of the tally are the
    same whatever ``jobs`` and ``chunk`` are.

    Args:
        session: a read session on the election's database.
        election: the stored election.
        progress: called at the start, every 10,000 ballots and at the end.
        jobs: processes that sum (default: every core; 1: all in this process).
        chunk: ballots per worker task.

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
    jobs = max(1, jobs or default_jobs())
    say(f"tally: summing the ballots of the closed board ({jobs} process{'es' if jobs > 1 else ''})")
    sizes: dict[str, int] = {d.id: len(election.projects_in(d.id)) for d in election.districts}
    summer = _Summer(sizes, election.fingerprint_hex, jobs, chunk, say)
    counted = 0
    close: tuple[int, bytes, bytes] | None = None
    try:
        for entry in board_entries(session):
            if entry.kind == "ballot":
                summer.add(entry.position, entry.payload)
                counted += 1
            elif entry.kind == "close":
                close = (entry.position, entry.entry_hash, entry.payload)
                break
        sums = summer.finish()
    finally:
        summer.close()
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
                          tuple(_result(d.id, sums[d.id]) for d in election.districts))


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
