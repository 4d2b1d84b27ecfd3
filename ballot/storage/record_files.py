"""Published record parts kept in the database as canonical JSON (ceremony transcript, ...)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ballot.storage.models import RecordFileRow


def save_record_file(session: Session, name: str, content: bytes) -> None:
    """Store (or replace) one record file by name, e.g. ``ceremony.json``."""
    row = session.get(RecordFileRow, name)
    if row is None:
        session.add(RecordFileRow(name=name, content=content))
    else:
        row.content = content
    session.flush()


def load_record_file(session: Session, name: str) -> bytes | None:
    """Return one record file's bytes, or None if it was never written."""
    row = session.get(RecordFileRow, name)
    return None if row is None else row.content
