"""The officials' audit log: every official action, hash-chained and published (docs/spec.md section 38).

Domain functions (``open_polls``, ``register_kiosk``, ``save_ceremony``,
...) call ``append_audit`` inside their own write transaction, so an entry
exists if and only if the action committed.  A refusal raises and rolls
that transaction back; ``audit_refusal`` leaves its "failure" entry to be
written in a transaction of its own right after (``Store.write`` runs it),
and ``record_audit`` writes one directly (failed logins, the ballot box's
refusals of unknown kiosks).

The log holds no per-voter event (no check-in, cast or code: it has
timestamps and must never link a voter to a time or a ballot), and only
declared, typed detail keys (ballot/audit_events.toml), so no code,
passphrase, key, share or selection can enter it.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Final

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ballot.audit_catalog import AuditEventType, UndeclaredAuditEvent, audit_events, check_entry
from ballot.audit_chain import AuditEntry, chain_entry, entry_from_body, iso_utc
from ballot.errors import StorageError
from ballot.storage import Store
from ballot.storage.audit_log import audit_rows, lock_audit, store_audit_row
from ballot.storage.models import AuditStateRow
from ballot.storage.store import AFTER_ROLLBACK

__all__ = [
    "AuditEntry",
    "AuditEventType",
    "UndeclaredAuditEvent",
    "append_audit",
    "audit_events",
    "audit_head",
    "audit_refusal",
    "key_fingerprint",
    "read_audit_log",
    "reason_text",
    "record_audit",
]

MAX_ATTEMPTS: Final = 8
MAX_REASON: Final = 300


def append_audit(session: Session, event: str, *, disposition: str = "success", role: str = "official",
                 details: Mapping[str, str | int] | None = None, at: datetime | None = None) -> AuditEntry:
    """Append one entry inside the caller's write transaction (atomic with the action it records).

    Args:
        session: a write session (``store.write()``).
        event: a declared event id, e.g. ``polls-open``.
        disposition: ``success`` or ``failure``.
        role: who acted: ``official``, ``attendant``, ``trustee`` or ``system``.
        details: declared keys only (plus ``reason`` on a failure); never a secret.
        at: when; now (UTC) by default.  Stored to the second.

    Returns:
        The entry as stored.

    Raises:
        UndeclaredAuditEvent: unknown event, role, disposition or detail key (a bug).
        StorageError: the database has no audit log (not migrated).
    """
    checked = check_entry(event, disposition, role, details or {})
    state = lock_audit(session)
    entry = chain_entry(state.size, state.head_hash, event, disposition, role,
                        iso_utc(at or datetime.now(UTC)), checked)
    store_audit_row(session, state, entry.index, entry.body_bytes(), bytes.fromhex(entry.hash))
    return entry


def record_audit(store: Store, event: str, *, disposition: str = "success", role: str = "official",
                 details: Mapping[str, str | int] | None = None, at: datetime | None = None) -> AuditEntry:
    """Append one entry in a write transaction of its own (refusals, failed logins).

    Arguments and errors as ``append_audit``; a transaction that loses a race
    (SQLite busy, PostgreSQL serialisation) is retried a bounded number of times.
    """
    check_entry(event, disposition, role, details or {})
    moment = at or datetime.now(UTC)
    for n in range(MAX_ATTEMPTS):
        try:
            with store.write(read_committed=True) as s:
                return append_audit(s, event, disposition=disposition, role=role, details=details, at=moment)
        except DBAPIError as exc:
            if not _retryable(exc) or n == MAX_ATTEMPTS - 1:
                raise StorageError(f"the audit log could not be written: {type(exc).__name__}") from None
            time.sleep(random.uniform(0.002, 0.02) * (n + 1))
    raise AssertionError("unreachable")


def audit_refusal(session: Session, event: str, exc: BaseException, *, role: str = "official",
                  details: Mapping[str, str | int] | None = None) -> BaseException:
    """Arrange a "failure" entry for a refusal that is about to roll ``session`` back; return ``exc``.

    Use as ``raise audit_refusal(session, "polls-open", PollsError(...))``:
    the entry (with ``reason`` = the message) is written by ``Store.write`` in
    its own transaction once the caller's has rolled back.  A session not
    made by ``Store.write`` records nothing.

    Raises:
        UndeclaredAuditEvent: at once, if the entry would not be declared.
    """
    full = {**(details or {}), "reason": reason_text(exc)}
    check_entry(event, "failure", role, full)
    moment = datetime.now(UTC)

    def write(store: Store) -> None:
        record_audit(store, event, disposition="failure", role=role, details=full, at=moment)

    pending = session.info.get(AFTER_ROLLBACK)
    if isinstance(pending, list):
        pending.append(write)
    return exc


def read_audit_log(session: Session) -> list[AuditEntry]:
    """Every entry, in order (officials' ``pbvote audit show``, the console, the record)."""
    return [entry_from_body(body, h) for body, h in audit_rows(session)]


def audit_head(session: Session) -> tuple[int, bytes]:
    """``(n, h_(n-1))``: the log's size and head hash (the genesis hash when empty)."""
    row = session.get(AuditStateRow, 1)
    if row is None:
        raise StorageError("this database has no audit log: run 'pbvote election init' to migrate it")
    return row.size, row.head_hash


def key_fingerprint(public_key: bytes) -> str:
    """A public key's short, printable fingerprint for the log: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def reason_text(exc: BaseException) -> str:
    """A refusal's message as one line of at most 300 characters (the ``reason`` detail)."""
    lines = str(exc).strip().splitlines()
    line = lines[0] if lines else type(exc).__name__
    return line if len(line) <= MAX_REASON else line[:MAX_REASON - 3] + "..."


def _retryable(exc: DBAPIError) -> bool:
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    if code in ("40001", "40P01", "23505"):
        return True
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database is busy" in text

