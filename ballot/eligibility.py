"""Is this voting code still usable? A read-only answer a kiosk can give before the ballot, not after the cast.

Without it a resident whose code was already used would fill in the
whole ballot and learn only at "cast" that it cannot count.  ``check_code``
looks the public credential up where the ballot box looks it up (the
published credential list and the spent-credential index) and writes
nothing: no lock, no audit entry, no trace of who asked.

The answer is advice, not a reservation.  Between this check and the cast
another kiosk may spend the same code; the ballot box decides at cast time,
atomically, and stays the only authority (``ballot.box``).  Voter-roll
elections have no codes: their check-in (``ballot.roll``) is the early check.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ballot.storage import Store
from ballot.storage.models import CastBallotRow, CredentialRow

__all__ = ["AlreadyVoted", "CodeStatus", "Eligible", "NotRegistered", "check_code"]


@dataclass(frozen=True, slots=True)
class Eligible:
    """The credential is on the published list and has not cast a ballot (a checked ballot does not count)."""


@dataclass(frozen=True, slots=True)
class AlreadyVoted:
    """A ballot with this credential is already on the board: the code has voted."""


@dataclass(frozen=True, slots=True)
class NotRegistered:
    """The credential is not on this election's published list (a code of another election or batch)."""


CodeStatus = Eligible | AlreadyVoted | NotRegistered


def check_code(source: Session | Store, public_credential: bytes) -> CodeStatus:
    """Say whether ``public_credential`` may still vote, reading only.

    Args:
        source: an open session (read or write), or a Store (a read session is opened and closed here).
        public_credential: the 32-byte Ed25519 public key derived from the voting code.

    Returns:
        Eligible, AlreadyVoted or NotRegistered.
    """
    if isinstance(source, Store):
        with source.read() as session:
            return _status(session, public_credential)
    return _status(source, public_credential)


def _status(session: Session, public_credential: bytes) -> CodeStatus:
    if session.get(CastBallotRow, public_credential) is not None:
        return AlreadyVoted()
    if session.get(CredentialRow, public_credential) is None:
        return NotRegistered()
    return Eligible()
