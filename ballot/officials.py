"""Officials' and attendants' passphrases: Argon2id hashes in the database, with a persisted lockout.

The officials' console asks for a role's passphrase before it shows that
role's pages.  Only an Argon2id hash (libsodium's ``$argon2id$...`` string,
cost from ``$PBVOTE_KDF`` like every secret file) is stored.  Five failed
attempts lock the role for five minutes; the counter and the lock live in
the database, so restarting the console does not reset them.  Every attempt
is in the audit log ("auth-login", "auth-lockout"); the passphrase never is,
nor in any message or log line.

The passphrase is hashed outside any write transaction (it takes about a
second at the MODERATE cost): a login never holds the database's write
lock while kiosks are casting.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from nacl.exceptions import InvalidkeyError
from nacl.pwhash import argon2id
from sqlalchemy import select
from sqlalchemy.orm import Session

from ballot.audit import append_audit
from ballot.audit_chain import iso_utc
from ballot.errors import BallotError
from ballot.secret_files import default_limits
from ballot.storage import Store
from ballot.storage.models import OfficialPassphraseRow

__all__ = [
    "LOCKOUT",
    "MAX_FAILURES",
    "MIN_PASSPHRASE",
    "PASSPHRASE_ROLES",
    "AuthResult",
    "Denied",
    "Granted",
    "LockedOut",
    "OfficialsError",
    "authenticate",
    "has_passphrase",
    "set_passphrase",
]

PASSPHRASE_ROLES: Final = ("official", "attendant")
MAX_FAILURES: Final = 5
LOCKOUT: Final = timedelta(minutes=5)
MIN_PASSPHRASE: Final = 10


class OfficialsError(BallotError, ValueError):
    """A passphrase cannot be set or checked: unknown role, too short, or none set yet (the message says which)."""


@dataclass(frozen=True, slots=True)
class Granted:
    """The passphrase is right: the role's pages may open."""


@dataclass(frozen=True, slots=True)
class Denied:
    """The passphrase is wrong; ``attempts_left`` more failures lock the role."""

    attempts_left: int


@dataclass(frozen=True, slots=True)
class LockedOut:
    """Too many failures: no attempt is checked until ``until`` (UTC)."""

    until: datetime


AuthResult = Granted | Denied | LockedOut


def _role(role: str) -> str:
    if role not in PASSPHRASE_ROLES:
        raise OfficialsError(f"role {role!r}: passphrases exist for {' and '.join(PASSPHRASE_ROLES)} only")
    return role


def _secret(passphrase: str) -> bytes:
    # NFC, so the same passphrase typed through another input method still matches.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def set_passphrase(session: Session, role: str, passphrase: str) -> None:
    """Set (or change) a role's passphrase; clears its failures and lock.

    Args:
        session: a write session; the change and its audit entry commit together.
        role: ``official`` or ``attendant``.
        passphrase: at least 10 characters.

    Raises:
        OfficialsError: unknown role or a passphrase shorter than 10 characters.
    """
    _role(role)
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise OfficialsError(f"the {role}s' passphrase needs at least {MIN_PASSPHRASE} characters")
    limits = default_limits()
    hashed = argon2id.str(_secret(passphrase), opslimit=limits.opslimit, memlimit=limits.memlimit)
    row = session.scalar(select(OfficialPassphraseRow).where(OfficialPassphraseRow.role == role).with_for_update())
    if row is None:
        session.add(OfficialPassphraseRow(role=role, passphrase_hash=hashed, failures=0, locked_until=None))
    else:
        row.passphrase_hash, row.failures, row.locked_until = hashed, 0, None
    session.flush()
    append_audit(session, "auth-passphrase-set", details={"subject": role})


def has_passphrase(session: Session, role: str) -> bool:
    """Whether a passphrase was set for the role (the console's first run sets one)."""
    return session.get(OfficialPassphraseRow, _role(role)) is not None


def _aware(now: datetime) -> datetime:
    return now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)


def _locked_until(row: OfficialPassphraseRow, now: datetime) -> datetime | None:
    if row.locked_until is None:
        return None
    until = datetime.strptime(row.locked_until, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return until if now < until else None


def authenticate(store: Store, role: str, passphrase: str, now: datetime) -> AuthResult:
    """Check a role's passphrase, counting failures and locking the role after five.

    Args:
        store: the election's database.
        role: ``official`` or ``attendant``.
        passphrase: what was typed (never stored, logged or put in a message).
        now: the current time (injected: tests move the clock past the lockout).

    Returns:
        Granted, Denied(attempts_left) or LockedOut(until); each attempt is audited.

    Raises:
        OfficialsError: unknown role, or no passphrase set for it yet.
    """
    _role(role)
    now = _aware(now)
    with store.read() as s:
        row = s.get(OfficialPassphraseRow, role)
        if row is None:
            raise OfficialsError(f"no {role}s' passphrase is set yet: set one first "
                                 "('pbvote officials passphrase' or the console's first screen)")
        until = _locked_until(row, now)
        hashed = row.passphrase_hash
    if until is not None:
        with store.write(read_committed=True) as s:
            append_audit(s, "auth-login", disposition="failure", role=role, at=now,
                         details={"attempts_left": 0, "reason": f"locked until {iso_utc(until)}"})
        return LockedOut(until)
    try:
        right = argon2id.verify(hashed, _secret(passphrase))
    except InvalidkeyError:
        right = False
    with store.write(read_committed=True) as s:
        return _count(s, role, bool(right), now)


def _count(session: Session, role: str, right: bool, now: datetime) -> AuthResult:
    """Update the counter under a row lock and audit the attempt (one transaction)."""
    row = session.scalar(select(OfficialPassphraseRow).where(OfficialPassphraseRow.role == role).with_for_update())
    if row is None:
        raise OfficialsError(f"the {role}s' passphrase was removed meanwhile")
    until = _locked_until(row, now)
    if until is not None:  # another console locked the role while this passphrase was being hashed
        append_audit(session, "auth-login", disposition="failure", role=role, at=now,
                     details={"attempts_left": 0, "reason": f"locked until {iso_utc(until)}"})
        return LockedOut(until)
    if row.locked_until is not None:  # an expired lock: start counting afresh
        row.failures, row.locked_until = 0, None
    if right:
        row.failures = 0
        append_audit(session, "auth-login", role=role, at=now, details={"attempts_left": MAX_FAILURES})
        return Granted()
    row.failures += 1
    left = MAX_FAILURES - row.failures
    append_audit(session, "auth-login", disposition="failure", role=role, at=now,
                 details={"attempts_left": left, "reason": "wrong passphrase"})
    if left > 0:
        return Denied(left)
    locked = now.replace(microsecond=0) + LOCKOUT
    row.failures, row.locked_until = 0, iso_utc(locked)
    append_audit(session, "auth-lockout", role="system", at=now,
                 details={"until": iso_utc(locked), "failures": MAX_FAILURES})
    return LockedOut(locked)
