"""What officials register before the polls open: public credentials and kiosks.

Both lists are published in the election record.  The database never holds
a voting code or a private credential key: codes go straight from memory
into the mail-merge file and the letters, and only the public credentials
derived from them are stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ballot.audit import append_audit, audit_refusal, key_fingerprint
from ballot.board import lock_state
from ballot.errors import BallotError
from ballot.storage.models import CredentialRow, KioskRow
from crypto.codes import credential_keypair, generate_code
from crypto.signatures import decode_public_key

__all__ = [
    "KIOSK_NAME_RE",
    "KioskInfo",
    "RegistryError",
    "count_credentials",
    "credential_list",
    "issue_codes",
    "kiosk_list",
    "kiosks",
    "register_kiosk",
    "revoke_kiosk",
    "store_credentials",
]

KIOSK_NAME_RE: Final = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
MAX_CODES_PER_BATCH: Final = 1_000_000


class RegistryError(BallotError, ValueError):
    """A registration refused: wrong phase, duplicate name, bad value (the message says which)."""


@dataclass(frozen=True, slots=True)
class KioskInfo:
    """A registered kiosk as officials see it.

    Attributes:
        name: its registered name.
        public_key: its device public key (32 bytes).
        revoked_at: the board height at which it was revoked, or None while it may cast.
    """

    name: str
    public_key: bytes
    revoked_at: int | None


def issue_codes(count: int, fingerprint: bytes) -> tuple[list[str], list[bytes]]:
    """Draw ``count`` fresh voting codes and derive their public credentials.

    Returns:
        ``(codes, public credentials)`` in the same order (the caller sorts the published list).

    Raises:
        RegistryError: if count is not in 1..1,000,000.
    """
    if not 1 <= count <= MAX_CODES_PER_BATCH:
        raise RegistryError(f"--count: must be 1..{MAX_CODES_PER_BATCH:,}, got {count}")
    codes = [generate_code() for _ in range(count)]
    return codes, [credential_keypair(code, fingerprint)[1] for code in codes]


def _require_before_polls(session: Session, what: str, event: str) -> None:
    state = lock_state(session)
    if state.polls != "before":
        raise audit_refusal(session, event, RegistryError(
            f"{what}: the polls are already {state.polls}; the list is frozen once they open"))


def store_credentials(session: Session, public_keys: Iterable[bytes]) -> int:
    """Add public credentials to the published list (before the polls open only).

    Returns:
        How many were added.

    Raises:
        RegistryError: after the polls opened, or for a duplicate (2^-115 odds: a bug, not luck).
    """
    _require_before_polls(session, "codes generate", "codes-generate")
    added = 0
    batch: list[bytes] = []
    seen: set[bytes] = set()
    for key in public_keys:
        decode_public_key(key)
        if key in seen:
            raise _duplicate_credential(session)
        seen.add(key)
        batch.append(key)
        if len(batch) == _CREDENTIAL_BATCH:
            added += _insert_credentials(session, batch)
            batch = []
    added += _insert_credentials(session, batch)
    append_audit(session, "codes-generate", details={"added": added, "total": count_credentials(session)})
    return added


_CREDENTIAL_BATCH: Final = 5000
"""Credentials per INSERT: 90,494 (Łódź) took 26 minutes one ``session.get`` at a time, seconds this way."""


def _duplicate_credential(session: Session) -> BaseException:
    return audit_refusal(session, "codes-generate", RegistryError(
        "a generated credential is already on the list; nothing was stored"))


def _insert_credentials(session: Session, keys: list[bytes]) -> int:
    """Insert a batch in one statement after one look-up of the keys already listed (SQLite's 999-variable
    limit is why the look-up goes 500 keys at a time)."""
    for i in range(0, len(keys), 500):
        if session.scalar(select(CredentialRow.public_key).where(CredentialRow.public_key.in_(keys[i:i + 500]))
                          .limit(1)) is not None:
            raise _duplicate_credential(session)
    if keys:
        session.execute(insert(CredentialRow), [{"public_key": k} for k in keys])
    return len(keys)


def count_credentials(session: Session) -> int:
    """How many public credentials are on the list."""
    return int(session.scalar(select(func.count()).select_from(CredentialRow)) or 0)


def credential_list(session: Session, *, batch: int = 5000) -> Iterator[bytes]:
    """The published credentials in byte order, fetched in batches."""
    last = b""
    while True:
        keys = session.scalars(select(CredentialRow.public_key).where(CredentialRow.public_key > last)
                               .order_by(CredentialRow.public_key).limit(batch)).all()
        if not keys:
            return
        yield from keys
        last = keys[-1]


def register_kiosk(session: Session, name: str, public_key: bytes) -> None:
    """Register a kiosk's device key under a name (before the polls close).

    Raises:
        RegistryError: for a bad or taken name, or after the polls closed.
    """
    if not isinstance(name, str) or KIOSK_NAME_RE.fullmatch(name) is None:
        raise audit_refusal(session, "kiosk-register", RegistryError(
            f"kiosk name {str(name)[:70]!r}: use 1-64 lower-case letters, digits and '-'"))
    state = lock_state(session)
    details: dict[str, str | int] = {"kiosk": name, "key_fingerprint": key_fingerprint(public_key)}
    if state.polls == "closed":
        raise audit_refusal(session, "kiosk-register", RegistryError("kiosks register: the polls are closed"),
                            details=details)
    if session.get(KioskRow, name) is not None:
        raise audit_refusal(session, "kiosk-register", RegistryError(f"kiosk {name!r} is already registered"),
                            details=details)
    session.add(KioskRow(name=name, public_key=decode_public_key(public_key)))
    session.flush()
    append_audit(session, "kiosk-register", details=details)


def revoke_kiosk(session: Session, name: str) -> int:
    """Revoke a kiosk: the ballot box refuses every ballot it signs from now on.

    The record keeps the kiosk in ``kiosks.json`` with the board height at
    revocation (``revoked``), so a verifier checks that no board entry from
    that height on carries its signature; ballots it signed before stay valid.

    Args:
        session: a write session (the revocation and its audit entry commit together).
        name: the registered kiosk's name.

    Returns:
        The board height at revocation (entries from this index on are refused).

    Raises:
        RegistryError: an unknown kiosk, or one already revoked.
    """
    state = lock_state(session)
    row = session.get(KioskRow, name)
    if row is None:
        raise audit_refusal(session, "kiosk-revoke", RegistryError(f"kiosk {str(name)[:70]!r} is not registered"))
    details: dict[str, str | int] = {"kiosk": name, "key_fingerprint": key_fingerprint(row.public_key)}
    if row.revoked_at is not None:
        raise audit_refusal(session, "kiosk-revoke", RegistryError(
            f"kiosk {name!r} was already revoked at board height {row.revoked_at}"),
            details={**details, "height": row.revoked_at})
    row.revoked_at = state.size
    session.flush()
    append_audit(session, "kiosk-revoke", details={**details, "height": state.size})
    return state.size


def kiosks(session: Session) -> list[KioskInfo]:
    """Every registered kiosk, revoked ones included, by name."""
    rows = session.execute(select(KioskRow.name, KioskRow.public_key, KioskRow.revoked_at).order_by(KioskRow.name))
    return [KioskInfo(n, k, r) for n, k, r in rows]


def kiosk_list(session: Session) -> list[tuple[str, bytes]]:
    """Registered kiosks that may still cast (not revoked), by name."""
    return [(k.name, k.public_key) for k in kiosks(session) if k.revoked_at is None]
