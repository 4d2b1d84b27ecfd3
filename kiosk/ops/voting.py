"""The kiosk's side of the ballot box: every domain call a session makes, as plain functions for BackgroundOps.

Nothing here touches Qt (it runs on a worker thread) and nothing here runs
SQL or crypto internals: it calls ``ballot`` and ``crypto``'s public recipes
(voting codes, signing keys) only, so the layering test holds and the
ballot box stays the one judge of what is accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from ballot.board import current_head
from ballot.box import BallotBox, CastResult, SpoilResult
from ballot.eligibility import AlreadyVoted, NotRegistered, check_code
from ballot.encrypt import PreparedBallot, encrypt_ballot
from ballot.manifest_model import Election
from ballot.officials import Granted, LockedOut, OfficialsError, authenticate
from ballot.remote import RemoteBallotBox
from ballot.roll import CheckInResult, RollKey, check_in
from ballot.selection import Selection
from crypto.codes import credential_keypair
from crypto.errors import CodeTypo, InvalidCode
from crypto.signatures import SigningKey, generate_signing_key
from kiosk.errors import KioskError

__all__ = ["CodeRefused", "VotingService"]


class CodeRefused(KioskError, ValueError):
    """A typed voting code that cannot be a code: ``kind`` is "typo" (check character) or "malformed"."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"voting code refused: {kind}")
        self.kind = kind


@dataclass
class VotingService:
    """What a kiosk needs to let residents vote: the ballot box, its own key, the roll key in roll mode.

    Args:
        box: the ballot box: a local BallotBox (holds the store and the unlocked board key), or a
            RemoteBallotBox (home mode: ``pbvote-kiosk --server``; the same cast/spoil calls and results).
        kiosk: this kiosk's registered name and device key (None at home).
        roll_key: the voter-roll key (roll-mode elections only).
        today: the date check-ins are recorded under.
    """

    box: BallotBox | RemoteBallotBox
    kiosk: tuple[str, SigningKey] | None = field(default=None, repr=False)
    roll_key: RollKey | None = field(default=None, repr=False)
    today: Callable[[], date] = date.today

    @property
    def election(self) -> Election:
        """The election the box holds."""
        return self.box.election

    @property
    def remote(self) -> bool:
        """True when ballots go to a ballot-box server (home mode)."""
        return isinstance(self.box, RemoteBallotBox)

    @property
    def uses_roll(self) -> bool:
        """True when residents are checked in on the voter roll instead of typing a code."""
        return self.election.eligibility == "roll"

    def credential(self, code: str) -> SigningKey:
        """The credential key of a typed or scanned voting code (fast: one hash and one key).

        Raises:
            CodeRefused: "typo" when the check character fails, "malformed" when it is no code at all.
        """
        try:
            key, _public = credential_keypair(code, self.election.fingerprint)
        except CodeTypo:
            raise CodeRefused("typo") from None
        except InvalidCode:
            raise CodeRefused("malformed") from None
        return key

    def polls(self) -> str:
        """The polls' state now: "before", "open" or "closed" (a read, no lock; the server's health at home).

        Raises:
            ServiceUnavailable: the ballot-box server did not answer (home mode).
        """
        if isinstance(self.box, RemoteBallotBox):
            return str(self.box.health().get("polls", "closed"))
        with self.box.store.read() as session:
            _head, state = current_head(session, self.election.fingerprint)
        return state

    def admission(self, credential: SigningKey) -> str:
        """May this code vote now? Asked before the ballot, so nobody fills one in for nothing.

        Returns:
            "open" (yes), else the refusal: "before" or "closed" (polls), "used" (the code has voted) or
            "unknown" (not on this election's list).  Read-only advice: the box decides at cast time.
            A remote box answers the polls only (its API has no credential look-up); "used" then shows
            when the resident casts.

        Raises:
            ServiceUnavailable: the ballot-box server did not answer (home mode).
        """
        polls = self.polls()
        if polls != "open" or isinstance(self.box, RemoteBallotBox):
            return polls
        status = check_code(self.box.store, credential.public_key)
        if isinstance(status, AlreadyVoted):
            return "used"
        return "unknown" if isinstance(status, NotRegistered) else "open"

    @property
    def can_unlock(self) -> bool:
        """True when an attendant's passphrase can be checked here (a local ballot box and its database)."""
        return not isinstance(self.box, RemoteBallotBox)

    def attendant_unlock(self, passphrase: str) -> str:
        """Check the attendants' passphrase (ballot.officials: hashed, audited, five tries then a lockout).

        Returns:
            "granted", "denied", "locked" (too many failures), "unset" (none set) or "unavailable" (home mode).
        """
        if isinstance(self.box, RemoteBallotBox):
            return "unavailable"
        try:
            result = authenticate(self.box.store, "attendant", passphrase, datetime.now(UTC))
        except OfficialsError:
            return "unset"
        if isinstance(result, Granted):
            return "granted"
        return "locked" if isinstance(result, LockedOut) else "denied"

    def check_in(self, id_number: str, birth_date: str) -> CheckInResult:
        """Check a resident in on the roll (roll mode), recording the day only.

        Raises:
            RollError: unreadable ID number or birth date, or polls not open.
            KioskError: this kiosk holds no roll key.
        """
        if self.roll_key is None or isinstance(self.box, RemoteBallotBox):
            raise KioskError("this kiosk has no roll key (roll check-in needs a local ballot box)")
        with self.box.store.write() as session:
            return check_in(session, self.roll_key, id_number, birth_date, self.today())

    @staticmethod
    def one_time_credential() -> SigningKey:
        """A fresh credential for a checked-in resident (roll mode: the kiosk's signature vouches for it)."""
        return generate_signing_key()

    def encrypt(self, selection: Selection, credential: SigningKey) -> PreparedBallot:
        """Encrypt, prove and sign the resident's selection (fresh nonces every call)."""
        return encrypt_ballot(self.election, self.box.public_key, selection, credential, kiosk=self.kiosk)

    def cast(self, data: bytes) -> CastResult:
        """Cast the ballot's bytes (idempotent: resending the same bytes returns the same receipt)."""
        return self.box.cast(data)

    def spoil(self, prepared: PreparedBallot) -> SpoilResult:
        """Publish the ballot as checked (Benaloh) with its secrets; the credential stays usable."""
        return self.box.spoil(prepared.to_bytes(), prepared.values, prepared.nonces)
