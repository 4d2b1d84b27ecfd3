"""The ballot box: checks a ballot completely, then accepts it atomically, at most once per credential.

``cast`` answers with a typed result a kiosk can show (accepted with a
receipt, already voted, not eligible, polls closed, invalid ballot), never
an exception for an expected outcome.  The expensive checks (signatures,
proofs) run before the write transaction; inside it, under the board's
lock, the state-dependent checks run again and the ballot is appended,
the credential spent and its ciphertexts remembered, in one commit.

Concurrency: SQLite serialises writers (BEGIN IMMEDIATE + busy timeout);
PostgreSQL runs the transaction at READ COMMITTED behind a row lock on the
board head, and the primary keys on the spent credential, the board
position and each ciphertext are the last line of defence: a violation or
a serialisation failure rolls back and the whole check is retried a
bounded number of times.

Idempotence: resending the very same ballot after a lost reply returns the
same receipt (receipts are deterministic), and stores nothing new.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from ballot.audit import key_fingerprint, record_audit
from ballot.authority import board_public_key
from ballot.ballot_check import SpoiledBallot, check_ballot, spoiled_choices
from ballot.board import append_entry, entry_at, lock_state
from ballot.ceremony_record import load_ceremony
from ballot.encrypt import BALLOT_SIGNATURE_TAG
from ballot.encrypted_ballot import EncryptedBallot, parse_ballot
from ballot.errors import InvalidBallot, StorageError
from ballot.manifest_model import Election
from ballot.receipts import Receipt, sign_receipt
from ballot.registry import KIOSK_NAME_RE
from ballot.storage import Store, load_election
from ballot.storage.models import (
    BoardStateRow,
    CastBallotRow,
    CiphertextRow,
    CredentialRow,
    KioskRow,
    SpoiledBallotRow,
)
from crypto.canonical import canonical_json
from crypto.errors import CryptoError
from crypto.signatures import SigningKey, verify
from crypto.tracking import tracking_hash

__all__ = [
    "Accepted",
    "AlreadyVoted",
    "BallotBox",
    "CastResult",
    "InvalidBallotResult",
    "NotEligible",
    "PollsClosed",
    "SpoilResult",
    "Spoiled",
    "exit_status",
]

log = logging.getLogger(__name__)

MAX_ATTEMPTS: Final = 8
"""Bounded retries of a transaction that lost a race (PostgreSQL serialisation, unique key)."""


@dataclass(frozen=True, slots=True)
class Accepted:
    """The ballot is on the board; ``duplicate`` if it already was (a resend after a lost reply)."""

    receipt: Receipt
    duplicate: bool = False


@dataclass(frozen=True, slots=True)
class AlreadyVoted:
    """This credential has already cast a (different) ballot."""


@dataclass(frozen=True, slots=True)
class NotEligible:
    """The credential is not on the published list (or a voter-roll ballot lacks its kiosk)."""

    reason: str


@dataclass(frozen=True, slots=True)
class PollsClosed:
    """The polls are not open: ``state`` is ``before`` or ``closed``."""

    state: str


@dataclass(frozen=True, slots=True)
class InvalidBallotResult:
    """The ballot was refused; ``reason`` names the part that failed (never a choice)."""

    reason: str


@dataclass(frozen=True, slots=True)
class Spoiled:
    """A challenged ballot, published with its secrets; the credential stays usable.

    Attributes:
        receipt: the signed receipt of the spoiled entry (same format as a cast one).
        choices: what the ballot encrypted, project id -> value, for the resident to compare.
        duplicate: the same challenge was already on the board.
    """

    receipt: Receipt
    choices: Mapping[str, int]
    duplicate: bool = False


CastResult = Accepted | AlreadyVoted | NotEligible | PollsClosed | InvalidBallotResult
SpoilResult = Spoiled | AlreadyVoted | NotEligible | PollsClosed | InvalidBallotResult

_EXIT: Final[dict[type, int]] = {Accepted: 0, Spoiled: 0, AlreadyVoted: 3, NotEligible: 4, PollsClosed: 5,
                                 InvalidBallotResult: 6}


def exit_status(result: CastResult | SpoilResult) -> int:
    """The ``pbvote cast`` exit status of a result (0, 3, 4, 5 or 6)."""
    return _EXIT[type(result)]


class _Retry(Exception):
    """A transaction lost a race; run the whole attempt again."""


T = TypeVar("T")


class BallotBox:
    """One election's ballot box over a Store, holding the ballot box's unlocked key.

    Args:
        store: the database (migrated, with an election, ceremony and board).
        board_key: the unlocked ballot-box key (ballot.authority.unlock_board_key).
    """

    def __init__(self, store: Store, board_key: SigningKey) -> None:
        self.store = store
        self.board_key = board_key
        with store.read() as s:
            self.election: Election = load_election(s)
            self.public_key: bytes = bytes(load_ceremony(s).public_key)
            if board_public_key(s) != board_key.public_key:
                raise StorageError("this ballot-box key does not belong to this election")
        self.fingerprint = self.election.fingerprint
        self._known_kiosks: dict[str, bytes] = {}

    # -- public API ---------------------------------------------------------------

    def cast(self, data: bytes) -> CastResult:
        """Check a ballot's bytes and, if everything holds, put it on the board.

        Args:
            data: the ballot's canonical bytes, as the kiosk produced them.

        Returns:
            A typed result; only unexpected storage failures raise.
        """
        try:
            ballot = parse_ballot(data)
        except InvalidBallot as exc:
            return InvalidBallotResult(str(exc))
        early = self._precheck(ballot, tracking_hash(data))
        if early is not None:
            return self._audited(ballot, early)
        try:
            check_ballot(ballot, self.election, self.public_key, self._kiosk_keys(ballot))
        except InvalidBallot as exc:
            return self._audited(ballot, InvalidBallotResult(str(exc)))
        return self._audited(ballot, self._with_retries(lambda s: self._cast_in(s, ballot, data)))

    def spoil(self, data: bytes, values: tuple[int, ...], nonces: tuple[int, ...]) -> SpoilResult:
        """Publish a ballot as challenged (Benaloh), with its revealed plaintexts and nonces.

        The revealed values must re-create the ciphertexts exactly; the
        credential is not spent and the ballot can never be cast afterwards.
        """
        try:
            ballot = parse_ballot(data)
        except InvalidBallot as exc:
            return InvalidBallotResult(str(exc))
        try:
            check_ballot(ballot, self.election, self.public_key, self._kiosk_keys(ballot))
            spoiled = SpoiledBallot(ballot, tuple(values), tuple(nonces))
            choices = spoiled_choices(spoiled, self.election, self.public_key)
        except InvalidBallot as exc:
            return self._audited(ballot, InvalidBallotResult(str(exc)))
        payload = canonical_json(spoiled.to_json())
        return self._audited(ballot, self._with_retries(
            lambda s: self._spoil_in(s, ballot, tracking_hash(data), payload, choices)))

    def receipt_for(self, data: bytes) -> Receipt | None:
        """The receipt of a ballot already cast (by its bytes), or None."""
        t = tracking_hash(data)
        with self.store.read() as s:
            row = s.scalar(select(CastBallotRow).where(CastBallotRow.tracking_hash == t))
            return None if row is None else self._receipt(s, t, row.position)

    # -- internals ----------------------------------------------------------------

    def _kiosk_keys(self, ballot: EncryptedBallot) -> dict[str, bytes]:
        """Registered kiosks, re-read only when a ballot names one not seen yet (no query per cast).

        A kiosk revoked later stays in this map; ``_kiosk_refusal`` checks
        revocation under the board's lock on every cast.
        """
        if ballot.kiosk is not None and ballot.kiosk not in self._known_kiosks:
            with self.store.read() as s:
                self._known_kiosks = {name: key for name, key in s.execute(
                    select(KioskRow.name, KioskRow.public_key).where(KioskRow.revoked_at.is_(None)))}
        return self._known_kiosks

    @staticmethod
    def _kiosk_refusal(s: Session, ballot: EncryptedBallot) -> InvalidBallotResult | None:
        """Refuse a ballot signed by a kiosk that is not registered, or was revoked (issue 8)."""
        if ballot.kiosk is None:
            return None
        row = s.get(KioskRow, ballot.kiosk)
        if row is None:
            return InvalidBallotResult(f"kiosk {ballot.kiosk!r} is not registered for this election")
        if row.revoked_at is not None:
            return InvalidBallotResult(f"kiosk {ballot.kiosk!r} was revoked by the officials; "
                                       "its ballots are refused")
        return None

    def _audited(self, ballot: EncryptedBallot, result: T) -> T:
        """Write one "kiosk-refused" audit entry when ``result`` refuses the ballot for its kiosk.

        The entry names the kiosk and its registered key's fingerprint (empty
        when no key is registered under that name), never the ballot.  Only
        ballots whose credential signature verifies are logged: a stranger
        without a voting code cannot flood the officials' log (such a ballot
        is refused all the same).
        """
        if not isinstance(result, InvalidBallotResult) or ballot.kiosk is None:
            return result
        if not result.reason.startswith(f"kiosk {ballot.kiosk!r} "):
            return result
        try:
            verify(ballot.credential, ballot.credential_signature, BALLOT_SIGNATURE_TAG, ballot.body_bytes())
        except CryptoError:
            return result
        with self.store.read() as s:
            row = s.get(KioskRow, ballot.kiosk)
            key = "" if row is None else key_fingerprint(row.public_key)
        name = ballot.kiosk if KIOSK_NAME_RE.fullmatch(ballot.kiosk) else ballot.kiosk.encode()[:64].hex()
        record_audit(self.store, "kiosk-refused", disposition="failure", role="system",
                     details={"kiosk": name, "key_fingerprint": key, "reason": result.reason[:300]})
        return result

    @staticmethod
    def _reuses_ciphertext(s: Session, ballot: EncryptedBallot) -> bool:
        query = select(CiphertextRow.alpha).where(CiphertextRow.alpha.in_(ballot.alphas())).limit(1)
        return s.scalar(query) is not None

    def _receipt(self, session: Session, t: bytes, position: int) -> Receipt:
        entry = entry_at(session, position)
        if entry is None:
            raise StorageError(f"board entry {position} is missing: the database was altered")
        return sign_receipt(self.board_key, self.fingerprint, t, position, entry.entry_hash)

    def _eligibility(self, session: Session, ballot: EncryptedBallot) -> NotEligible | None:
        if self.election.eligibility == "roll":
            if ballot.kiosk is None:
                return NotEligible("voter-roll ballots must be checked in and signed at a registered kiosk")
            return None
        if session.get(CredentialRow, ballot.credential) is None:
            return NotEligible("this voting code is not on this election's list")
        return None

    def _precheck(self, ballot: EncryptedBallot, t: bytes) -> CastResult | None:
        """Cheap state checks before the proofs, so a closed poll or a spent code costs no CPU."""
        if ballot.fingerprint != self.fingerprint:
            return InvalidBallotResult("the ballot is for another election")
        with self.store.read() as s:
            return self._state_checks(s, ballot, t)

    def _state_checks(self, s: Session, ballot: EncryptedBallot, t: bytes) -> CastResult | None:
        state = s.get(BoardStateRow, 1)
        polls = state.polls if state is not None else "before"
        cast = s.get(CastBallotRow, ballot.credential)
        if cast is not None:
            if cast.tracking_hash == t:
                return Accepted(self._receipt(s, t, cast.position), duplicate=True)
            return AlreadyVoted()
        if polls != "open":
            return PollsClosed(polls)
        refused_kiosk = self._kiosk_refusal(s, ballot)
        if refused_kiosk is not None:
            return refused_kiosk
        refused = self._eligibility(s, ballot)
        if refused is not None:
            return refused
        if s.get(SpoiledBallotRow, t) is not None:
            return InvalidBallotResult("this ballot was checked (spoiled) and can never be cast; vote again")
        if self._reuses_ciphertext(s, ballot):
            return InvalidBallotResult("the ballot reuses a ciphertext already on the board")
        return None

    def _cast_in(self, s: Session, ballot: EncryptedBallot, data: bytes) -> CastResult:
        state = lock_state(s)
        t = tracking_hash(data)
        refused = self._state_checks(s, ballot, t)
        if refused is not None:
            return refused
        entry = append_entry(s, state, self.fingerprint, "ballot", data)
        s.add(CastBallotRow(credential=ballot.credential, tracking_hash=t, position=entry.index))
        s.add_all(CiphertextRow(alpha=a) for a in ballot.alphas())
        s.flush()
        return Accepted(sign_receipt(self.board_key, self.fingerprint, t, entry.index, entry.entry_hash))

    def _spoil_in(self, s: Session, ballot: EncryptedBallot, t: bytes, payload: bytes,
                  choices: Mapping[str, int]) -> SpoilResult:
        state = lock_state(s)
        existing = s.get(SpoiledBallotRow, t)
        if existing is not None:
            return Spoiled(self._receipt(s, t, existing.position), choices, duplicate=True)
        if s.get(CastBallotRow, ballot.credential) is not None:
            return AlreadyVoted()
        if state.polls != "open":
            return PollsClosed(state.polls)
        refused = self._kiosk_refusal(s, ballot) or self._eligibility(s, ballot)
        if refused is not None:
            return refused
        if self._reuses_ciphertext(s, ballot):
            return InvalidBallotResult("the ballot reuses a ciphertext already on the board")
        entry = append_entry(s, state, self.fingerprint, "spoiled", payload)
        s.add(SpoiledBallotRow(tracking_hash=t, position=entry.index))
        s.add_all(CiphertextRow(alpha=a) for a in ballot.alphas())
        s.flush()
        return Spoiled(sign_receipt(self.board_key, self.fingerprint, t, entry.index, entry.entry_hash), choices)

    def _with_retries(self, attempt: Callable[[Session], T]) -> T:
        for n in range(MAX_ATTEMPTS):
            try:
                with self.store.write(read_committed=True) as s:
                    return attempt(s)
            except (IntegrityError, OperationalError, DBAPIError) as exc:
                if not _retryable(exc) or n == MAX_ATTEMPTS - 1:
                    raise StorageError(f"the ballot box could not store the ballot: {_kind(exc)}") from None
                log.info("ballot box: transaction lost a race (%s); retrying", _kind(exc))
                time.sleep(random.uniform(0.002, 0.02) * (n + 1))
        raise AssertionError("unreachable")


def _kind(exc: DBAPIError) -> str:
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return f"{type(exc).__name__}{f' {code}' if code else ''}"


def _retryable(exc: DBAPIError) -> bool:
    """Unique violations, serialisation failures, deadlocks and SQLite's busy/locked."""
    if isinstance(exc, IntegrityError):
        return True
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    if code in ("40001", "40P01"):
        return True
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database is busy" in text
