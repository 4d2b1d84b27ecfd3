"""The audit log's rows: its locked head and its entries (docs/spec.md section 38).

Like the board, the log has one head row that every appender locks first
(SELECT ... FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE already
serialises writers), so concurrent appends form one chain and an entry
commits or rolls back together with the action it records.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from ballot.errors import StorageError
from ballot.storage.models import AuditEntryRow, AuditStateRow

__all__ = ["audit_rows", "lock_audit", "store_audit_row"]


def lock_audit(session: Session) -> AuditStateRow:
    """Lock and return the audit head row.

    Raises:
        StorageError: if the database predates the audit log (run ``pbvote election init``).
    """
    state = session.scalar(select(AuditStateRow).where(AuditStateRow.singleton == 1).with_for_update())
    if state is None:
        raise StorageError("this database has no audit log: run 'pbvote election init' to migrate it")
    return state


def store_audit_row(session: Session, state: AuditStateRow, position: int, body: bytes, entry_hash: bytes) -> None:
    """Add entry ``position`` under the lock of ``lock_audit`` and move the head to it."""
    session.add(AuditEntryRow(position=position, body=body, entry_hash=entry_hash))
    state.size = position + 1
    state.head_hash = entry_hash
    session.flush()


def audit_rows(session: Session, *, batch: int = 1000) -> Iterator[tuple[bytes, bytes]]:
    """Every entry's ``(body, hash)`` in log order, in batches."""
    position = 0
    while True:
        rows = session.execute(select(AuditEntryRow.position, AuditEntryRow.body, AuditEntryRow.entry_hash)
                               .where(AuditEntryRow.position >= position)
                               .order_by(AuditEntryRow.position).limit(batch)).all()
        if not rows:
            return
        for _pos, body, entry_hash in rows:
            yield body, entry_hash
        position = rows[-1][0] + 1
