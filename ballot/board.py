"""The bulletin board: an append-only, hash-chained list of entries (docs/spec.md, "Bulletin board").

Every append happens inside a caller's write transaction after
``lock_state``: on PostgreSQL that takes a row lock on the board's head, on
SQLite the transaction already holds the write lock (BEGIN IMMEDIATE).  So
appends from many kiosks serialise, and the entry, the head and whatever
the caller writes beside it (a spent credential) commit together or not at
all.  The board's order is the only order anything in the database keeps.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ballot.errors import StorageError
from ballot.storage.models import BoardEntryRow, BoardStateRow
from crypto.canonical import canonical_json
from crypto.hashchain import Entry, Head, append
from crypto.signatures import SigningKey, sign, verify

__all__ = [
    "POLLS_FORMAT",
    "POLLS_TAG",
    "BoardRecord",
    "PollsState",
    "append_entry",
    "board_entries",
    "check_polls_signature",
    "count_kind",
    "current_head",
    "entry_at",
    "lock_state",
    "polls_payload",
]

POLLS_TAG: Final = "pbvote/1/polls"
POLLS_FORMAT: Final = "pbvote-polls/1"
PollsState = str
"""``before``, ``open`` or ``closed``."""


@dataclass(frozen=True, slots=True)
class BoardRecord:
    """A stored board entry: what the record publishes for it."""

    position: int
    kind: str
    payload: bytes
    entry_hash: bytes


def lock_state(session: Session) -> BoardStateRow:
    """Lock and return the board's head row (the one serialisation point of all appends).

    Raises:
        StorageError: if the ballot box was never initialised.
    """
    state = session.scalar(select(BoardStateRow).where(BoardStateRow.singleton == 1).with_for_update())
    if state is None:
        raise StorageError("this database has no bulletin board: run 'pbvote election init' first")
    return state


def current_head(session: Session, fingerprint: bytes) -> tuple[Head, PollsState]:
    """The board's head and the polls' state, without locking."""
    state = session.get(BoardStateRow, 1)
    if state is None:
        raise StorageError("this database has no bulletin board: run 'pbvote election init' first")
    return Head(fingerprint, state.size, state.head_hash), state.polls


def append_entry(session: Session, state: BoardStateRow, fingerprint: bytes, kind: str,
                 payload: bytes) -> Entry:
    """Append one entry under the lock taken by ``lock_state`` and move the head.

    Returns:
        The new entry (its ``entry_hash`` is the head right after it).
    """
    entry, head = append(Head(fingerprint, state.size, state.head_hash), kind, payload)
    session.add(BoardEntryRow(position=entry.index, kind=kind, payload=payload, entry_hash=entry.entry_hash))
    state.size = head.size
    state.head_hash = head.head_hash
    session.flush()
    return entry


def entry_at(session: Session, position: int) -> BoardRecord | None:
    """One entry by position, or None."""
    row = session.get(BoardEntryRow, position)
    return None if row is None else BoardRecord(row.position, row.kind, row.payload, row.entry_hash)


def board_entries(session: Session, *, batch: int = 500) -> Iterator[BoardRecord]:
    """Every entry in board order, fetched in batches (100k ballots never sit in memory at once)."""
    position = 0
    while True:
        rows = session.scalars(select(BoardEntryRow).where(BoardEntryRow.position >= position)
                               .order_by(BoardEntryRow.position).limit(batch)).all()
        if not rows:
            return
        for row in rows:
            yield BoardRecord(row.position, row.kind, row.payload, row.entry_hash)
        position = rows[-1].position + 1
        session.expunge_all()


def count_kind(session: Session, kind: str) -> int:
    """How many entries of one kind the board holds."""
    return int(session.scalar(select(func.count()).select_from(BoardEntryRow).where(BoardEntryRow.kind == kind))
               or 0)


def polls_payload(key: SigningKey, fingerprint: bytes, position: int, previous_hash: bytes,
                  body: dict[str, Any]) -> bytes:
    """The payload of an ``open`` or ``close`` entry, signed by the ballot box's key.

    The signature covers the body (without ``signature``), the position and
    the previous hash, so the entry cannot be replayed elsewhere in the chain.
    """
    unsigned = {"format": POLLS_FORMAT, **body}
    signature = sign(key, POLLS_TAG, fingerprint, position, previous_hash, canonical_json(unsigned))
    return canonical_json({**unsigned, "signature": signature.hex()})


def check_polls_signature(public_key: bytes, fingerprint: bytes, position: int, previous_hash: bytes,
                          payload: dict[str, Any]) -> None:
    """Verify an ``open``/``close`` entry's signature (raises InvalidSignature or KeyError/ValueError)."""
    unsigned = {k: v for k, v in payload.items() if k != "signature"}
    verify(public_key, bytes.fromhex(payload["signature"]), POLLS_TAG, fingerprint, position, previous_hash,
           canonical_json(unsigned))

