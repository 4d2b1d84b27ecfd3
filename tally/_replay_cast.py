"""
The casting phase of ``pbvote pabulib replay``: worker processes that encrypt and cast, and how they stop.

Work is spread over ``workers`` processes (spawn context): each encrypts a
chunk of votes and casts them through its own BallotBox on the same SQLite
file, which the box supports (write transactions retry on a busy database).
Only the votes go to a worker and only counts and messages come back.

Stopping is the coordinator's job, never the workers' (tally/_workers.py):
workers ignore SIGINT and SIGTERM and check a shared stop event before
every vote.  On an interrupt the coordinator sets the event, drops the
queued chunks and waits for the running ones, which end after their current
vote: every cast is one transaction, so what was cast is on the board and
nothing else is.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from multiprocessing.synchronize import Event
from typing import Final

from ballot.box import Accepted, BallotBox
from ballot.encrypt import encrypt_ballot
from ballot.selection import Selection
from ballot.storage import Store
from crypto.codes import credential_keypair
from crypto.signatures import signing_key_from_seed
from tally._workers import stop_signals_blocked, worker_started
from tally.errors import TallyError

__all__ = ["CastRefused", "Vote", "cast_all", "duration"]

CHUNK: Final = 25  # votes per task: small enough for steady progress, large enough to keep pickling cheap

Progress = Callable[[str], None]
Vote = tuple[str, str, tuple[tuple[str, int], ...]]
"""One vote as a worker receives it: (voter id, voting code, points per project (1 for a pick))."""


class CastRefused(TallyError, RuntimeError):
    """The ballot box refused a replayed ballot (the message names the voter and the reason)."""


def duration(seconds: float) -> str:
    """``12m05s`` or ``3h02m05s``: elapsed times and ETAs in progress lines."""
    s = max(0, round(seconds))
    return f"{s // 3600}h{s // 60 % 60:02d}m{s % 60:02d}s" if s >= 3600 else f"{s // 60}m{s % 60:02d}s"


# -- worker processes ------------------------------------------------------------------------

_box: BallotBox | None = None
_stop: Event | None = None


def _init_worker(db_url: str, board_seed: bytes, stop: Event, parent: int) -> None:
    global _box, _stop  # one ballot box per worker process, built once
    worker_started(parent)
    _box = BallotBox(Store(db_url), signing_key_from_seed(board_seed))
    _stop = stop


def _cast_chunk(votes: Sequence[Vote]) -> tuple[int, list[str]]:
    """Encrypt and cast a chunk of votes until the stop event is set; (accepted, messages for the others)."""
    box, stop = _box, _stop
    if box is None or stop is None:
        raise RuntimeError("replay worker not initialised")
    election = box.election
    district = election.districts[0]
    points_ballot = district.ballot.type == "cumulative"
    accepted, failures = 0, []
    for voter, code, items in votes:
        if stop.is_set():
            break
        key, _ = credential_keypair(code, election.fingerprint)
        selection = (Selection(district.id, points=dict(items)) if points_ballot
                     else Selection(district.id, picks=frozenset(p for p, _ in items)))
        result = box.cast(encrypt_ballot(election, box.public_key, selection, key).to_bytes())
        if isinstance(result, Accepted):
            accepted += 1
        else:
            failures.append(f"voter {voter}: {result}")
    return accepted, failures


# -- the coordinator ---------------------------------------------------------------------------

def _chunks(votes: Iterator[Vote], size: int) -> Iterator[list[Vote]]:
    chunk: list[Vote] = []
    for vote in votes:
        chunk.append(vote)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def cast_all(db_url: str, board_seed: bytes, votes: Iterator[Vote], *, done: int, total: int, workers: int,
             say: Progress, every: float, stop_after: int | None = None) -> int:
    """
    Encrypt and cast ``votes`` in ``workers`` processes, reporting progress every ``every`` seconds.

    Args:
        db_url: the replay's database (polls open).
        board_seed: the ballot-box key's seed (each worker builds its own box).
        votes: the votes still to cast.
        done: ballots already on the board (a resumed replay), for progress lines.
        total: every vote of the file.
        workers: processes.
        say: receives the progress lines (rate and ETA count this run's casts only).
        every: seconds between progress lines.
        stop_after: behave as if interrupted once this many ballots were cast in
            this run (tests of interrupt and resume; the count may overshoot by
            the chunks already running).

    Returns:
        The ballots this run cast.

    Raises:
        CastRefused: the box refused a ballot (the workers are stopped first).
        KeyboardInterrupt: interrupted (SIGINT, or SIGTERM turned into it by the
            caller); the workers have stopped and every accepted ballot is stored.
    """
    started = last = time.monotonic()
    cast = 0
    chunks = _chunks(votes, CHUNK)
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                               initargs=(db_url, board_seed, stop, os.getpid()))
    pending: set[Future[tuple[int, list[str]]]] = set()
    try:
        with stop_signals_blocked():  # the workers are spawned by the first submissions
            for chunk in chunks:  # keep a few chunks queued per worker, not the whole file
                pending.add(pool.submit(_cast_chunk, chunk))
                if len(pending) >= 4 * workers:
                    break
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                accepted, failures = future.result()
                cast += accepted
                if failures:
                    raise CastRefused(f"the ballot box refused {len(failures)} ballot(s): {failures[0]}")
                following = next(chunks, None)
                if following is not None:
                    pending.add(pool.submit(_cast_chunk, following))
            now = time.monotonic()
            if now - last >= every or not pending:
                last = now
                rate = cast / max(now - started, 1e-9)
                left = total - done - cast
                eta = left / rate if rate else 0.0
                say(f"   {done + cast:,}/{total:,} ballots encrypted and cast ({rate:.1f}/s, "
                    f"elapsed {duration(now - started)}, ETA {duration(eta)})")
            if stop_after is not None and cast >= stop_after:
                raise KeyboardInterrupt
    except BaseException:
        stop.set()
        for future in pending:
            future.cancel()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # running chunks end after their current vote
    return cast
