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
  the votes are public already.  It is also what lets a replay resume.
* Every passphrase (trustee shares, ballot-box key) is :data:`REPLAY_PASSPHRASE`;
  ``PBVOTE_KDF`` sets their Argon2id cost as everywhere else.
* Casting runs in worker processes (tally/_replay_cast.py).
* Rules that need individual ballots (Equal Shares) are refused before DIR is
  touched: a homomorphic tally reveals per-project totals only.

Interrupt and resume (docs/spec.md section 36): a replay of Łódź takes hours.
Once the setup is complete (polls open), ``DIR/replay.json`` names the file
by its SHA-256.  Every cast is one transaction, so an interrupted replay (Ctrl-C,
SIGTERM, a killed machine) leaves a board that holds exactly the accepted
ballots.  ``resume=True`` continues a replay of the same file: it skips the
setup, casts only the votes whose credentials are not spent yet, then closes,
decrypts, tallies and publishes as usual; with the polls already closed it
goes straight to the tally (which recomputes everything from the board), or,
when the signed results of the closed board are stored (a run that stopped
while publishing), straight to publishing: the closed board cannot change.
An interrupted setup is simply redone.  Without ``resume`` (or ``restart``)
a replay already in DIR is refused: hours of casting are never discarded
silently.  Nothing outside the replay's own outputs in DIR is touched.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from sqlalchemy import select

from ballot.authority import create_authority, unlock_board_key
from ballot.board import count_kind, current_head
from ballot.ceremony_record import save_ceremony
from ballot.errors import BallotError
from ballot.manifest import parse_manifest
from ballot.manifest_model import Election
from ballot.manifest_toml import dumps_manifest
from ballot.pabulib import PbFile, read_pb
from ballot.pabulib_manifest import import_pb, manifest_data, rule_note, vote_selection
from ballot.polls import close_polls, open_polls
from ballot.record import publish_record
from ballot.registry import store_credentials
from ballot.storage import Store, load_election, save_election
from ballot.storage.models import CastBallotRow
from crypto import human_code
from crypto.codes import CODE_RANDOM_SYMBOLS, credential_keypair
from crypto.signatures import SigningKey
from tally._files import write_whole
from tally._replay_cast import CastRefused, Vote, cast_all, duration
from tally._replay_times import TIMES_FILE, RunTimes, record_run
from tally.ceremony import run_in_room_ceremony, share_file_name, write_share_file
from tally.errors import TallyError
from tally.pabulib_outcome import pabulib_outcome
from tally.pipeline import (
    AlreadyDecrypted,
    decrypt_as_trustee,
    refuse_individual_ballot_rules,
    stored_results,
    tally_and_sign,
)
from tally.results import Results
from tally.rules.model import Outcome

__all__ = [
    "REPLAY_PASSPHRASE",
    "STATE_FILE",
    "ReplayError",
    "ReplayExists",
    "ReplayInterrupted",
    "ReplayReport",
    "replay_pb",
    "voter_codes",
]

REPLAY_PASSPHRASE: Final = "pabulib replay only: not a secret"
"""Every passphrase of a replay (trustee shares, ballot-box key): the votes it protects are public."""
STATE_FILE: Final = "replay.json"
"""Written once the setup is complete: which file DIR replays (``{"file", "format", "sha256", "votes"}``)."""
STATE_FORMAT: Final = "pbvote-replay/1"
_DB: Final = "pbvote.sqlite3"
OUTPUTS: Final = (STATE_FILE, TIMES_FILE, _DB, f"{_DB}-wal", f"{_DB}-shm", "manifest.toml", "trustees", "record",
                  "record.zip")

Progress = Callable[[str], None]


class ReplayError(TallyError):
    """A replay refused (Equal Shares, an unknown rule) or a ballot the box did not accept."""


class ReplayExists(ReplayError, FileExistsError):
    """DIR already holds a replay, and the caller asked neither to resume nor to restart it (or it is
    a replay of another file); the message says what is there and which option to use."""


class ReplayInterrupted(ReplayError):
    """
    A replay stopped by SIGINT (or SIGTERM turned into it): every accepted ballot is stored, nothing is half-done.

    Attributes:
        phase: ``setup``, ``cast``, ``tally`` or ``publish``.
        cast: ballots on the board when it stopped.
        total: votes in the file.
    """

    def __init__(self, phase: str, cast: int, total: int) -> None:
        super().__init__(f"replay interrupted during {phase}: {cast:,} of {total:,} ballots cast")
        self.phase, self.cast, self.total = phase, cast, total


@dataclass(frozen=True, slots=True)
class ReplayReport:
    """
    What a replay did.

    Fields: ``rule`` (the file's rule, pabulib spelling, as ``pbvote pabulib
    outcome`` prints it); ``selected`` (the winners of the signed results, in
    their order); ``plaintext`` (the winners ``pabulib_outcome`` computes from
    the file's plaintext votes, for comparison); ``file_selected`` (the file's
    own ``selected`` column, None when it has none); ``results`` (as signed and
    published); ``ballots`` (on the board); ``resumed`` (ballots already on the
    board when this run started: 0 unless resumed); ``projects``; ``record``
    (the record directory); ``seconds`` (wall time per phase of this run:
    setup, cast, tally, publish, total); ``runs`` (every run of this replay,
    interrupted ones included, added up: the time of a resumed replay).
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
    resumed: int = 0
    runs: RunTimes | None = None

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

    Deterministic on purpose (a replay's credentials are reproducible, and a
    replay can resume); never use it for a real election, whose codes come
    from the OS CSPRNG.
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


def _db_url(out: Path) -> str:
    return f"sqlite:///{(out / _DB).resolve()}"


# -- what DIR already holds --------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Previous:
    """A replay found in DIR: its file (None while its setup was incomplete), polls state and ballots."""

    file: str | None
    sha256: str | None
    polls: str
    cast: int


def _write_state(out: Path, path: Path, sha256: str, votes: int) -> None:
    """Write ``replay.json`` whole (temp file, fsync, rename)."""
    write_whole(out / STATE_FILE, json.dumps({"file": path.name, "format": STATE_FORMAT, "sha256": sha256,
                                              "votes": votes}, sort_keys=True).encode(), overwrite=True)


def _board_state(out: Path) -> tuple[str, int]:
    """The polls' state and the ballots on the board of DIR's database."""
    store = Store(_db_url(out))
    try:
        store.require_current()
        with store.read() as s:
            _head, polls = current_head(s, load_election(s).fingerprint)
            return polls, count_kind(s, "ballot")
    finally:
        store.close()


def _previous(out: Path) -> _Previous | None:
    """What replay DIR holds: None (nothing), an incomplete setup, or a replay with polls open or closed.

    Raises:
        ReplayError: ``replay.json`` exists but it or the database is unreadable
            (never treated as nothing: it may stand for hours of casting).
    """
    state_path = out / STATE_FILE
    if not state_path.exists():
        return _Previous(None, None, "setup", 0) if (out / _DB).exists() else None
    try:
        state = json.loads(state_path.read_bytes())
        if state.get("format") != STATE_FORMAT:
            raise ValueError(f"format is not {STATE_FORMAT!r}")
        polls, cast = _board_state(out)
        return _Previous(str(state["file"]), str(state["sha256"]), polls, cast)
    except (OSError, ValueError, KeyError, AttributeError, BallotError) as exc:
        raise ReplayError(f"{out} holds a replay ({STATE_FILE}) whose state cannot be read ({exc}); "
                          "nothing was changed; discard it with --restart") from None


def _check_previous(previous: _Previous | None, out: Path, path: Path, sha256: str, *, resume: bool) -> bool:
    """Whether to continue ``previous`` (True) or set up afresh; ReplayExists when neither is allowed."""
    if previous is None:
        return False
    if previous.sha256 is not None and previous.sha256 != sha256:
        raise ReplayExists(f"{out} holds a replay of another file ({previous.file}, sha256 "
                           f"{previous.sha256[:16]}...), not of {path.name}; nothing was changed; choose "
                           "another --out, or discard it with --restart")
    if not resume:
        what = ("an interrupted replay setup" if previous.sha256 is None else
                f"a replay of {path.name} ({previous.cast:,} ballots cast, polls {previous.polls})")
        again = "finish its tally and record" if previous.polls == "closed" else "continue it"
        raise ReplayExists(f"{out} already holds {what}; nothing was changed; {again} with --resume, "
                           "or discard it with --restart")
    return previous.sha256 is not None


def _spent(store: Store) -> set[bytes]:
    """The credentials that already cast a ballot (the only storage read outside ballot/: one column)."""
    with store.read() as s:
        return set(s.scalars(select(CastBallotRow.credential)))


def _votes(pb: PbFile, codes: Sequence[str], fingerprint: bytes, spent: set[bytes]) -> Iterator[Vote]:
    for vote, code in zip(pb.votes, codes, strict=True):
        if spent and credential_keypair(code, fingerprint)[1] in spent:
            continue
        selection = vote_selection(pb, vote)
        items = tuple(selection.points.items()) if selection.points else tuple((p, 1) for p in sorted(selection.picks))
        yield vote.voter_id, code, items


# -- the phases --------------------------------------------------------------------------------

def _setup(store: Store, out: Path, election: Election, codes: Sequence[str], say: Progress) -> SigningKey:
    """Initialise the database, run the ceremony, register the credentials and open the polls."""
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
    say(f"2. election initialised in {out / _DB}; key ceremony: {election.trustees} trustees, any "
        f"{election.threshold} decrypt")
    with store.write() as s:
        store_credentials(s, sorted(credential_keypair(c, election.fingerprint)[1] for c in codes))
    with store.read() as s:
        board_key = unlock_board_key(s, REPLAY_PASSPHRASE)
    with store.write() as s:
        open_polls(s, board_key)
    return board_key


def _decrypt_and_tally(store: Store, out: Path, election: Election, board_key: SigningKey,
                       say: Progress) -> Results:
    trustees = range(1, election.threshold + 1)

    def step(line: str) -> None:
        say(f"   {line}")

    for j in trustees:
        try:
            decrypt_as_trustee(store, out / "trustees" / share_file_name(j), REPLAY_PASSPHRASE, step)
        except AlreadyDecrypted:
            say(f"   trustee {j}'s partial decryption of this tally was stored by the interrupted run")
    results = tally_and_sign(store, board_key, progress=step)
    say(f"5. trustees {', '.join(map(str, trustees))} of {election.trustees} decrypted the tally; results signed")
    return results


def _record_stopped(out: Path, phase: str, seconds: dict[str, float], started: float, t0: float,
                    resumed: int) -> int:
    """Append the times of a run that stopped before the end (interrupted or failed); the ballots on the board.

    Hours of casting and tallying count towards the replay's reported time
    whether the run ended by Ctrl-C or by an error that a resumed run gets past.
    An interrupted setup is started again from nothing, so it records nothing.
    """
    if phase == "setup":
        return 0
    cast = _board_state(out)[1]
    now = time.monotonic()  # ``started``: when the phase that stopped began
    record_run(out, {**seconds, phase: now - started, "total": now - t0}, cast - resumed, interrupted=True)
    return cast


def _default_workers() -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(2, cpus))


def replay_pb(path: Path, out: Path, *, workers: int | None = None, progress: Progress | None = None,
              every: float = 5.0, resume: bool = False, restart: bool = False,
              stop_after: int | None = None) -> ReplayReport:
    """
    Replay the pabulib file ``path`` through pbvote into ``out``; see the module docstring.

    Args:
        path: the ``.pb`` file.
        out: the output folder (created; nothing but the replay's own outputs is touched).
        workers: processes that encrypt and cast (default: the CPUs available, at most 2).
        progress: one line per step and, while casting, every ``every`` seconds.
        every: seconds between casting progress lines.
        resume: continue the replay of this same file in ``out`` (a fresh one if there is none).
        restart: discard any replay in ``out`` and start afresh.
        stop_after: act as if interrupted after this many casts (tests of resume).

    Returns:
        The report; the results are signed and the record published.

    Raises:
        ReplayExists: ``out`` holds a replay and neither ``resume`` nor ``restart``
            was given, or ``resume`` was given but it replays another file.
        ReplayInterrupted: SIGINT (a KeyboardInterrupt) stopped it; resume to continue.
        ReplayError: Equal Shares (needs individual ballots), or a ballot the box refused.
        RuleError: a rule neither pbvote nor ``pabulib outcome`` implements (e.g. ``unknown``).
        PabulibError: a malformed file.
    """
    say = progress or _quiet
    workers = workers or _default_workers()
    seconds: dict[str, float] = {}
    t0 = time.monotonic()
    data = path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    pb = read_pb(path)
    plaintext = _refuse(pb, parse_manifest(dumps_manifest(manifest_data(pb, name=path.stem))))
    previous = None if restart else _previous(out)
    continuing = _check_previous(previous, out, path, sha256, resume=resume)
    total = len(pb.votes)
    phase = "setup"
    started, resumed = t0, 0
    store: Store | None = None
    try:
        out.mkdir(parents=True, exist_ok=True)
        codes = voter_codes(data, total)
        if continuing:
            store = Store(_db_url(out))
            with store.read() as s:
                election = load_election(s)
                board_key = unlock_board_key(s, REPLAY_PASSPHRASE)
            resumed = previous.cast if previous else 0
            say(f"1. resuming the replay of {path.name} in {out}: {resumed:,} of {total:,} ballots already "
                f"cast, polls {previous.polls if previous else '?'}")
        else:
            _clear_previous(out)
            manifest = out / "manifest.toml"
            election = import_pb(pb, path, manifest)
            district = election.districts[0]
            say(f"1. {path.name}: {len(pb.projects)} projects, {total:,} votes, budget {district.budget:,} "
                f"{district.currency}; manifest {manifest} ({district.ballot.type} ballot, rule "
                f"{district.outcome.rule})")
            note = rule_note(pb)
            if note:
                say(f"   note: {note}")
            store = Store(_db_url(out))
            board_key = _setup(store, out, election, codes, say)
            _write_state(out, path, sha256, total)
            resumed = 0
            say(f"3. {len(codes):,} credentials (one per voter, codes derived from the file's SHA-256: "
                f"reproducible, not secret); polls open")
        seconds["setup"] = time.monotonic() - t0

        t1 = started = time.monotonic()
        phase = "cast"
        with store.read() as s:
            _head, polls = current_head(s, election.fingerprint)
        if polls == "open":
            spent = _spent(store) if resumed else set()
            say(f"   casting {total - len(spent):,} ballots with {workers} process(es)")
            cast_all(_db_url(out), board_key.secret_seed(), _votes(pb, codes, election.fingerprint, spent),
                     done=len(spent), total=total, workers=workers, say=say, every=every, stop_after=stop_after)
            with store.write() as s:
                close_polls(s, board_key)
        seconds["cast"] = time.monotonic() - t1
        say(f"4. {total:,} ballots cast in {duration(seconds['cast'])}; polls closed" if polls == "open" else
            f"4. all {total:,} ballots were cast by an earlier run; polls closed")

        t2 = started = time.monotonic()
        phase = "tally"
        stored = stored_results(store, board_key.public_key) if continuing else None
        if stored is None:
            results = _decrypt_and_tally(store, out, election, board_key, say)
        else:
            results = stored
            say(f"5. the signed results of trustees {', '.join(map(str, results.trustees))} were stored by an "
                "earlier run (the closed board cannot change): not tallied again")
        seconds["tally"] = time.monotonic() - t2

        t3 = started = time.monotonic()
        phase = "publish"
        published = publish_record(store, out / "record", board_key, progress=lambda line: say(f"   {line}"))
        seconds["publish"] = time.monotonic() - t3
        say(f"6. election record: {published.directory} ({published.entries:,} board entries) and "
            f"{published.zip_path}; check it with: pbvote verify {published.directory}")
    except KeyboardInterrupt:
        cast = _record_stopped(out, phase, seconds, started, t0, resumed)
        raise ReplayInterrupted(phase, cast, total) from None
    except Exception as exc:
        with contextlib.suppress(Exception):  # the timing file must not hide why the run failed
            _record_stopped(out, phase, seconds, started, t0, resumed)
        if isinstance(exc, CastRefused):
            raise ReplayError(str(exc)) from None
        raise
    finally:
        if store is not None:
            store.close()
    say(f"   Replay passphrases (trustee shares, ballot box): {REPLAY_PASSPHRASE!r}")
    seconds["total"] = time.monotonic() - t0
    runs = record_run(out, seconds, results.districts[0].ballots - resumed, interrupted=False)
    selected = results.districts[0].outcome.selected
    return ReplayReport(plaintext.rule, selected, plaintext.selected, _file_selected(pb), results,
                        results.districts[0].ballots, len(pb.projects), published.directory, seconds, resumed, runs)
