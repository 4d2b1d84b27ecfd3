"""
Replay a real pabulib election through pbvote, end to end (``pbvote pabulib replay``).

The file's META, projects and budget become a manifest (ballot/pabulib_manifest.py),
an election is initialised in ``DIR/pbvote.sqlite3`` with a real key ceremony
(3 trustees, any 2 decrypt), every voter of the file gets one credential, and
every vote is encrypted with its proofs and cast through the real
:class:`~ballot.box.BallotBox` (which verifies every proof before the ballot
reaches the board).  The polls are closed, trustees 1 and 2 decrypt the tally,
``tally/pipeline.py`` applies the district's rule and signs the results, and the
record is published in ``DIR/record`` (and ``DIR/record.zip``).

Choices a replay makes, on purpose:

* Credentials are deterministic: voter ``i``'s voting code is drawn from a
  ``random.Random`` seeded with the SHA-256 of the file's bytes, so two
  replays of one file register the same public credentials (the ballots
  still differ: encryption nonces are fresh).  The codes protect nothing:
  the votes are public already.
* Every passphrase (trustee shares, ballot-box key) is :data:`REPLAY_PASSPHRASE`;
  ``PBVOTE_KDF`` sets their Argon2id cost as everywhere else.
* Work is spread over ``workers`` processes (spawn context): each encrypts a
  chunk of votes and casts them through its own BallotBox on the same SQLite
  file, which the box supports (write transactions retry on a busy database).
  Only the votes go to a worker and only counts and messages come back.
* Rules that need individual ballots (Equal Shares) are refused before DIR is
  touched: a homomorphic tally reveals per-project totals only.

Every run starts afresh: the replay's own outputs in DIR are replaced, nothing
else there is touched.  An interrupted run leaves a consistent database (every
cast is one transaction) that the next run simply replaces.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import random
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from ballot.authority import create_authority, unlock_board_key
from ballot.box import Accepted, BallotBox
from ballot.ceremony_record import save_ceremony
from ballot.encrypt import encrypt_ballot
from ballot.manifest import parse_manifest
from ballot.manifest_model import Election
from ballot.manifest_toml import dumps_manifest
from ballot.pabulib import PbFile, read_pb
from ballot.pabulib_manifest import import_pb, manifest_data, vote_selection
from ballot.polls import close_polls, open_polls
from ballot.record import publish_record
from ballot.registry import store_credentials
from ballot.selection import Selection
from ballot.storage import Store, save_election
from crypto import human_code
from crypto.codes import CODE_RANDOM_SYMBOLS, credential_keypair
from crypto.signatures import signing_key_from_seed
from tally.ceremony import run_in_room_ceremony, share_file_name, write_share_file
from tally.errors import TallyError
from tally.pabulib_outcome import pabulib_outcome
from tally.pipeline import decrypt_as_trustee, refuse_individual_ballot_rules, tally_and_sign
from tally.results import Results
from tally.rules.model import Outcome

__all__ = ["REPLAY_PASSPHRASE", "ReplayError", "ReplayReport", "replay_pb", "voter_codes"]

REPLAY_PASSPHRASE: Final = "pabulib replay only: not a secret"
"""Every passphrase of a replay (trustee shares, ballot-box key): the votes it protects are public."""
OUTPUTS: Final = ("pbvote.sqlite3", "pbvote.sqlite3-wal", "pbvote.sqlite3-shm", "manifest.toml", "trustees",
                  "record", "record.zip")
_CHUNK: Final = 25  # votes per task: small enough for steady progress, large enough to keep pickling cheap

Progress = Callable[[str], None]
# One vote as a worker receives it: (voter id, voting code, points per project (1 for a pick)).
_Vote = tuple[str, str, tuple[tuple[str, int], ...]]


class ReplayError(TallyError):
    """A replay refused (Equal Shares, an unknown rule) or a ballot the box did not accept."""


@dataclass(frozen=True, slots=True)
class ReplayReport:
    """
    What a replay did.

    Fields: ``rule`` (the file's rule, pabulib spelling, as ``pbvote pabulib
    outcome`` prints it); ``selected`` (the winners of the signed results, in
    their order); ``plaintext`` (the winners ``pabulib_outcome`` computes from
    the file's plaintext votes, for comparison); ``file_selected`` (the file's
    own ``selected`` column, None when it has none); ``results`` (as signed and
    published); ``ballots`` (cast); ``projects``; ``record`` (the record
    directory); ``seconds`` (wall time per phase: setup, cast, tally, publish).
    """

    rule: str
    selected: tuple[str, ...]
    plaintext: tuple[str, ...]
    file_selected: frozenset[str] | None
    results: Results
    ballots: int
    projects: int
    record: Path
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def matches_plaintext(self) -> bool:
        """Whether the encrypted path chose the same projects as the plaintext computation."""
        return set(self.selected) == set(self.plaintext)

    @property
    def matches_file(self) -> bool | None:
        """Whether the winners equal the file's ``selected`` column (None when it has none)."""
        return None if self.file_selected is None else set(self.selected) == self.file_selected


def _quiet(_line: str) -> None:
    """Progress sink for callers that show none."""


def voter_codes(data: bytes, count: int) -> list[str]:
    """
    ``count`` voting codes drawn from a generator seeded with the SHA-256 of the file's bytes.

    Deterministic on purpose (a replay's credentials are reproducible); never
    use it for a real election, whose codes come from the OS CSPRNG.
    """
    rng = random.Random(hashlib.sha256(b"pbvote/replay/codes\x00" + data).digest())
    return [human_code.group(human_code.with_check(human_code.encode_bits(rng.randbytes(15), CODE_RANDOM_SYMBOLS)))
            for _ in range(count)]


def _clear_previous(out: Path) -> None:
    for name in OUTPUTS:
        path = out / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def _file_selected(pb: PbFile) -> frozenset[str] | None:
    if any(p.selected is None for p in pb.projects):
        return None
    return frozenset(p.id for p in pb.projects if p.selected)


def _refuse(pb: PbFile, election: Election) -> Outcome:
    """The plaintext outcome, or ReplayError for a rule the encrypted path cannot decide."""
    try:
        refuse_individual_ballot_rules(election)
    except TallyError as exc:
        raise ReplayError(f"replay refused: {exc}. 'pbvote pabulib outcome' computes it from the "
                          "plaintext votes") from None
    return pabulib_outcome(pb)


# -- worker processes ------------------------------------------------------------------------

_box: BallotBox | None = None


def _init_worker(db_url: str, board_seed: bytes) -> None:
    global _box  # one ballot box per worker process, built once
    _box = BallotBox(Store(db_url), signing_key_from_seed(board_seed))


def _cast_chunk(votes: Sequence[_Vote]) -> tuple[int, list[str]]:
    """Encrypt and cast a chunk of votes; (accepted, messages for the others)."""
    box = _box
    if box is None:
        raise RuntimeError("replay worker not initialised")
    election = box.election
    district = election.districts[0]
    points_ballot = district.ballot.type == "cumulative"
    accepted, failures = 0, []
    for voter, code, items in votes:
        key, _ = credential_keypair(code, election.fingerprint)
        selection = (Selection(district.id, points=dict(items)) if points_ballot
                     else Selection(district.id, picks=frozenset(p for p, _ in items)))
        result = box.cast(encrypt_ballot(election, box.public_key, selection, key).to_bytes())
        if isinstance(result, Accepted):
            accepted += 1
        else:
            failures.append(f"voter {voter}: {result}")
    return accepted, failures


# -- the replay --------------------------------------------------------------------------------

def _votes(pb: PbFile, codes: Sequence[str]) -> Iterator[_Vote]:
    for vote, code in zip(pb.votes, codes, strict=True):
        selection = vote_selection(pb, vote)
        items = tuple(selection.points.items()) if selection.points else tuple((p, 1) for p in sorted(selection.picks))
        yield vote.voter_id, code, items


def _chunks(votes: Iterator[_Vote], size: int) -> Iterator[list[_Vote]]:
    chunk: list[_Vote] = []
    for vote in votes:
        chunk.append(vote)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _duration(seconds: float) -> str:
    s = max(0, round(seconds))
    return f"{s // 3600}h{s // 60 % 60:02d}m{s % 60:02d}s" if s >= 3600 else f"{s // 60}m{s % 60:02d}s"


def _cast_all(db_url: str, board_seed: bytes, votes: Iterator[_Vote], total: int, workers: int,
              say: Progress, every: float) -> None:
    """Encrypt and cast every vote in ``workers`` processes, reporting progress every ``every`` seconds."""
    started = last = time.monotonic()
    done = 0
    chunks = _chunks(votes, _CHUNK)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                             initargs=(db_url, board_seed)) as pool:
        pending: set[Future[tuple[int, list[str]]]] = set()
        try:
            for chunk in chunks:  # keep a few chunks queued per worker, not the whole file
                pending.add(pool.submit(_cast_chunk, chunk))
                if len(pending) >= 4 * workers:
                    break
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    accepted, failures = future.result()
                    if failures:
                        raise ReplayError(f"the ballot box refused {len(failures)} ballot(s): {failures[0]}")
                    done += accepted
                    following = next(chunks, None)
                    if following is not None:
                        pending.add(pool.submit(_cast_chunk, following))
                now = time.monotonic()
                if now - last >= every or done == total:
                    last = now
                    rate = done / max(now - started, 1e-9)
                    eta = (total - done) / rate if rate else 0.0
                    say(f"   {done:,}/{total:,} ballots encrypted and cast ({rate:.1f}/s, "
                        f"elapsed {_duration(now - started)}, ETA {_duration(eta)})")
        except BaseException:
            for future in pending:
                future.cancel()
            raise


def replay_pb(path: Path, out: Path, *, workers: int | None = None, progress: Progress | None = None,
              every: float = 5.0) -> ReplayReport:
    """
    Replay the pabulib file ``path`` through pbvote into ``out``; see the module docstring.

    Args:
        path: the ``.pb`` file.
        out: the output folder (created; the replay's own outputs in it are replaced).
        workers: processes that encrypt and cast (default: the CPUs available, at most 2).
        progress: one line per step and, while casting, every ``every`` seconds.
        every: seconds between casting progress lines.

    Returns:
        The report; the results are signed and the record published.

    Raises:
        ReplayError: Equal Shares (needs individual ballots), or a ballot the box refused.
        RuleError: a rule neither pbvote nor ``pabulib outcome`` implements (e.g. ``unknown``).
        PabulibError: a malformed file.
    """
    say = progress or _quiet
    workers = workers or max(1, min(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                                    else os.cpu_count() or 1))
    seconds: dict[str, float] = {}
    t0 = time.monotonic()
    data = path.read_bytes()
    pb = read_pb(path)
    plaintext = _refuse(pb, parse_manifest(dumps_manifest(manifest_data(pb, name=path.stem))))
    out.mkdir(parents=True, exist_ok=True)
    _clear_previous(out)
    manifest = out / "manifest.toml"
    election = import_pb(pb, path, manifest)
    district = election.districts[0]
    say(f"1. {path.name}: {len(pb.projects)} projects, {len(pb.votes):,} votes, budget {district.budget:,} "
        f"{district.currency}; manifest {manifest} ({district.ballot.type} ballot, rule {district.outcome.rule})")

    db = (out / "pbvote.sqlite3").resolve()
    db_url = f"sqlite:///{db}"
    store = Store(db_url)
    try:
        store.upgrade()
        with store.write() as s:
            save_election(s, election)
            create_authority(s, election, REPLAY_PASSPHRASE)
        record, shares = run_in_room_ceremony(election, election.trustees, election.threshold)
        (out / "trustees").mkdir()
        for share in shares:
            write_share_file(out / "trustees" / share_file_name(share.trustee), share, REPLAY_PASSPHRASE)
        with store.write() as s:
            save_ceremony(s, record)
        say(f"2. election initialised in {db}; key ceremony: {election.trustees} trustees, any "
            f"{election.threshold} decrypt")

        codes = voter_codes(data, len(pb.votes))
        with store.write() as s:
            store_credentials(s, sorted(credential_keypair(c, election.fingerprint)[1] for c in codes))
        with store.read() as s:
            board_key = unlock_board_key(s, REPLAY_PASSPHRASE)
        with store.write() as s:
            open_polls(s, board_key)
        seconds["setup"] = time.monotonic() - t0
        say(f"3. {len(codes):,} credentials (one per voter, codes derived from the file's SHA-256: "
            f"reproducible, not secret); polls open; casting with {workers} process(es)")

        t1 = time.monotonic()
        _cast_all(db_url, board_key.secret_seed(), _votes(pb, codes), len(pb.votes), workers, say, every)
        with store.write() as s:
            close_polls(s, board_key)
        seconds["cast"] = time.monotonic() - t1
        say(f"4. {len(pb.votes):,} ballots cast in {_duration(seconds['cast'])}; polls closed")

        t2 = time.monotonic()
        trustees = range(1, election.threshold + 1)
        for j in trustees:
            decrypt_as_trustee(store, out / "trustees" / share_file_name(j), REPLAY_PASSPHRASE)
        results = tally_and_sign(store, board_key)
        seconds["tally"] = time.monotonic() - t2
        say(f"5. trustees {', '.join(map(str, trustees))} of {election.trustees} decrypted the tally; "
            "results signed")

        t3 = time.monotonic()
        published = publish_record(store, out / "record", board_key)
        seconds["publish"] = time.monotonic() - t3
        say(f"6. election record: {published.directory} ({published.entries:,} board entries) and "
            f"{published.zip_path}; check it with: pbvote verify {published.directory}")
    finally:
        store.close()
    say(f"   Replay passphrases (trustee shares, ballot box): {REPLAY_PASSPHRASE!r}")
    seconds["total"] = time.monotonic() - t0
    selected = results.districts[0].outcome.selected
    return ReplayReport(plaintext.rule, selected, plaintext.selected, _file_selected(pb), results,
                        len(pb.votes), len(pb.projects), published.directory, seconds)
