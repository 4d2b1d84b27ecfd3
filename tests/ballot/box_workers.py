"""Worker processes and the database audit for the ballot-box concurrency and crash tests and cast_bench.

Why a module of its own: the casters must be real, separate processes
(one engine, one connection, one interpreter each, as kiosks are), so the
code they run has to be importable.  They are started from a *forkserver*
that has preloaded this module: a fresh interpreter importing the ballot
box costs about a second of CPU, 32 of them would cost more than the
tests themselves; a fork of the preloaded server costs milliseconds.

Why ballots are encrypted before the race: encryption takes several
milliseconds, so casters handed plaintext would start their casts at
scattered moments.  The pool encrypts first (each worker its own share,
using both cores), then every caster waits on one shared event and calls
``BallotBox.cast`` at the same moment: the race window is the cast itself.

``audit_board`` is the one statement of what a consistent ballot box
database looks like (docs/spec.md 23, 26.6, 27); the concurrency and the
crash tests both end with it.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import signal
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, ForkServerProcess
from multiprocessing.synchronize import Event
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import select

from ballot.board import board_entries
from ballot.box import BallotBox
from ballot.encrypt import encrypt_ballot
from ballot.encrypted_ballot import parse_ballot
from ballot.selection import Selection
from ballot.storage import Store
from ballot.storage.models import BoardStateRow, CastBallotRow, CiphertextRow, SpoiledBallotRow
from crypto.canonical import canonical_json
from crypto.codes import credential_keypair
from crypto.hashchain import Entry, genesis, payload_hash, verify_chain
from crypto.signatures import signing_key_from_seed
from crypto.tracking import tracking_hash

Job = tuple[str, str, tuple[str, ...]]
"""What to encrypt: (voting code, district id, picked project ids)."""


# -- the audit ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BoardAudit:
    """What a consistent database holds, for the tests' own assertions.

    Attributes:
        size: the number of board entries (the chain's length, equal to the stored head's size).
        ballots: tracking hash -> board position of every ``ballot`` entry.
        credentials: the credentials of those ballots (one per ballot: the audit checks it).
        spoiled: the number of ``spoiled`` entries.
    """

    size: int
    ballots: dict[bytes, int]
    credentials: frozenset[bytes]
    spoiled: int


def audit_board(store: Store, fingerprint: bytes) -> BoardAudit:
    """Check every invariant tying the board, the spent credentials and the seen ciphertexts together.

    A lost race or a crash between two writes shows up here as an orphan:
    a credential spent without its ballot entry, a ballot entry whose
    credential is unspent, two ballots for one credential, a ciphertext
    remembered for a ballot that is not on the board (or the reverse), or a
    chain that no longer verifies.

    Raises:
        AssertionError: naming the first broken invariant.
    """
    with store.read() as s:
        records = list(board_entries(s))
        state = s.get(BoardStateRow, 1)
        stored_head = None if state is None else (state.size, state.head_hash)
        cast_rows = [(r.credential, r.tracking_hash, r.position) for r in s.scalars(select(CastBallotRow))]
        spoiled_rows = [(r.tracking_hash, r.position) for r in s.scalars(select(SpoiledBallotRow))]
        alphas_seen = set(s.scalars(select(CiphertextRow.alpha)))
    assert stored_head is not None, "the board has no head row"

    previous = genesis(fingerprint).head_hash
    entries = []
    for record in records:
        entries.append(Entry(record.position, record.kind, payload_hash(record.payload), previous, record.entry_hash))
        previous = record.entry_hash
    head = verify_chain(entries, fingerprint)  # raises BrokenChain naming the entry
    assert stored_head == (head.size, head.head_hash), "the stored head is not the chain's head"

    ballots: dict[bytes, int] = {}
    credentials: dict[bytes, int] = {}
    spoiled: dict[bytes, int] = {}
    alphas_on_board: list[bytes] = []
    for record in records:
        if record.kind == "ballot":
            ballot = parse_ballot(record.payload)
            ballots[tracking_hash(record.payload)] = record.position
            assert ballot.credential not in credentials, (
                f"credential {ballot.credential.hex()} has ballots at {credentials.get(ballot.credential)} "
                f"and {record.position}")
            credentials[ballot.credential] = record.position
            alphas_on_board += ballot.alphas()
        elif record.kind == "spoiled":
            inner = canonical_json(json.loads(record.payload)["ballot"])
            spoiled[tracking_hash(inner)] = record.position
            alphas_on_board += parse_ballot(inner).alphas()

    cast_by_position = {position: (credential, t) for credential, t, position in cast_rows}
    assert len(cast_rows) == len(cast_by_position), "two cast rows share a board position"
    for position, (credential, t) in sorted(cast_by_position.items()):
        assert ballots.get(t) == position, f"spent credential {credential.hex()} has no ballot entry at {position}"
        assert credentials.get(credential) == position, f"cast row at {position} names another credential"
    unspent = sorted(set(ballots.values()) - set(cast_by_position))
    assert not unspent, f"ballot entries without a spent credential at positions {unspent}"
    assert spoiled == dict(spoiled_rows), "spoiled rows and spoiled entries differ"
    assert len(alphas_on_board) == len(set(alphas_on_board)), "a ciphertext appears twice on the board"
    assert alphas_seen == set(alphas_on_board), (
        f"{len(alphas_seen - set(alphas_on_board))} remembered ciphertexts are not on the board, "
        f"{len(set(alphas_on_board) - alphas_seen)} on the board are not remembered")
    return BoardAudit(len(records), ballots, frozenset(credentials), len(spoiled))


# -- worker processes -------------------------------------------------------------------------------


def context() -> ForkServerContext:
    """The forkserver context with this module preloaded (forks are cheap, each worker has its own engine)."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    return ctx


def _open_box(boxes: dict[str, BallotBox], url: str, seed: bytes) -> BallotBox:
    """One BallotBox per database, kept across tasks; the previous database's connections are released."""
    if url not in boxes:
        for old in boxes.values():
            old.store.close()
        boxes.clear()
        boxes[url] = BallotBox(Store(url), signing_key_from_seed(seed))
    return boxes[url]


def encrypt_jobs(box: BallotBox, jobs: Sequence[Job]) -> list[bytes]:
    """Encrypt one ballot per job, as a kiosk would for the resident holding the code."""
    out = []
    for code, district, picks in jobs:
        key, _ = credential_keypair(code, box.fingerprint)
        selection = Selection(district, frozenset(picks))
        out.append(encrypt_ballot(box.election, box.public_key, selection, key).to_bytes())
    return out


def outcome(box: BallotBox, data: bytes) -> str:
    """The result's type name, or the exception if the box raised (which a test must report, not hide)."""
    try:
        return type(box.cast(data)).__name__
    except Exception as exc:  # the tests assert there is none: an unhandled error is a failure
        return f"raised {type(exc).__name__}: {exc}"


def _serve(conn: Connection, go: Event) -> None:
    """A worker's loop: encrypt or cast what the parent sends, until told to stop."""
    boxes: dict[str, BallotBox] = {}
    while True:
        task = conn.recv()
        try:
            if task[0] == "stop":
                return
            if task[0] == "encrypt":
                _, url, seed, jobs = task
                conn.send(("ok", encrypt_jobs(_open_box(boxes, url, seed), jobs)))
            elif task[0] == "cast":
                _, url, seed, ballots = task
                box = _open_box(boxes, url, seed)
                conn.send(("ready", None))
                go.wait()
                cpu = time.process_time()
                outcomes = [outcome(box, data) for data in ballots]
                conn.send(("ok", (outcomes, time.process_time() - cpu)))
        except Exception:
            conn.send(("error", traceback.format_exc()))


@dataclass(frozen=True, slots=True)
class CastRun:
    """What one simultaneous cast produced: per caster, the outcome of each of its ballots, in order."""

    outcomes: list[list[str]]
    seconds: float
    """Wall time from the start signal to the last caster's reply."""
    cpu_seconds: float
    """CPU time the casters spent casting, summed (a figure other load on the machine barely changes)."""


class CasterPool:
    """``size`` worker processes, each with its own pipe, started once and reused across rounds and tests.

    Args:
        size: how many workers (the largest number of simultaneous casters needed).
    """

    def __init__(self, size: int) -> None:
        ctx = context()
        self._go = ctx.Event()
        self._conns: list[Connection] = []
        self._procs: list[ForkServerProcess] = []
        for _ in range(size):
            mine, theirs = ctx.Pipe()
            proc = ctx.Process(target=_serve, args=(theirs, self._go), daemon=True)
            proc.start()
            theirs.close()
            self._conns.append(mine)
            self._procs.append(proc)

    @property
    def size(self) -> int:
        """How many workers the pool holds."""
        return len(self._procs)

    def _reply(self, conn: Connection, expect: str) -> Any:
        kind, value = conn.recv()
        if kind != expect:
            raise RuntimeError(f"worker failed:\n{value}")
        return value

    def encrypt(self, url: str, seed: bytes, shares: Sequence[Sequence[Job]]) -> list[list[bytes]]:
        """Encrypt ``shares[i]`` in worker ``i``, all workers at once; one list of ballot bytes per share."""
        conns = self._conns[:len(shares)]
        for conn, jobs in zip(conns, shares, strict=True):
            conn.send(("encrypt", url, seed, list(jobs)))
        return [self._reply(conn, "ok") for conn in conns]

    def cast(self, url: str, seed: bytes, shares: Sequence[Sequence[bytes]]) -> CastRun:
        """Worker ``i`` casts ``shares[i]`` in order; all start together once every one of them is ready."""
        if len(shares) > self.size:
            raise ValueError(f"{len(shares)} casters asked of a pool of {self.size}")
        conns = self._conns[:len(shares)]
        for conn, ballots in zip(conns, shares, strict=True):
            conn.send(("cast", url, seed, list(ballots)))
        try:
            for conn in conns:
                self._reply(conn, "ready")
            start = time.perf_counter()
            self._go.set()
            replies = [self._reply(conn, "ok") for conn in conns]
            seconds = time.perf_counter() - start
            return CastRun([r[0] for r in replies], seconds, sum(r[1] for r in replies))
        finally:
            self._go.clear()

    def close(self) -> None:
        """Stop every worker (killing any that does not stop within a few seconds)."""
        for conn in self._conns:
            with contextlib.suppress(OSError):  # a worker that already died
                conn.send(("stop",))
        for proc in self._procs:
            proc.join(5)
            if proc.is_alive():
                proc.kill()
                proc.join()
        for conn in self._conns:
            conn.close()

    def __enter__(self) -> CasterPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


# -- the crash test's caster ----------------------------------------------------------------------


def stream_casts(url: str, seed: bytes, ballots: Sequence[bytes], first: int, acks: str, ready: Event) -> None:
    """Cast ``ballots`` one after another, appending ``ACK <T hex> <position> <index>`` after each Accepted.

    ``index`` counts from ``first`` (the position of ``ballots[0]`` in the
    parent's supply).  Each line is one ``write`` to a file opened with O_APPEND, issued only
    after ``cast`` returned, i.e. after the commit: it is the ballot box's
    acknowledgement to the kiosk.  The parent kills this process with
    SIGKILL at a random moment; a line is either whole or absent.  Anything
    but Accepted is written as ``NACK <result> <index>`` so the parent sees it.
    """
    box = BallotBox(Store(url), signing_key_from_seed(seed))
    fd = os.open(acks, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    ready.set()
    for index, data in enumerate(ballots, start=first):
        try:
            result = box.cast(data)
        except Exception as exc:
            os.write(fd, f"NACK raised-{type(exc).__name__} {index}\n".encode())
            continue
        receipt = getattr(result, "receipt", None)
        if receipt is None:
            os.write(fd, f"NACK {type(result).__name__} {index}\n".encode())
        else:
            os.write(fd, f"ACK {receipt.tracking_hash.hex()} {receipt.position} {index}\n".encode())
    os.write(fd, b"DONE\n")


def start_streamer(url: str, seed: bytes, ballots: Sequence[bytes], first: int,
                   acks: Path) -> tuple[ForkServerProcess, Event]:
    """Start ``stream_casts`` in its own process; the event is set once its ballot box is open."""
    ctx = context()
    ready = ctx.Event()
    proc = ctx.Process(target=stream_casts, args=(url, seed, list(ballots), first, str(acks), ready), daemon=True)
    proc.start()
    return proc, ready


def kill(proc: ForkServerProcess) -> None:
    """SIGKILL, as a power cut or the OOM killer would: no cleanup, no rollback in the client."""
    if proc.pid is not None and proc.is_alive():
        os.kill(proc.pid, signal.SIGKILL)
    proc.join()
