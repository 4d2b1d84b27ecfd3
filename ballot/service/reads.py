"""What the ballot box service reads from the database: the election, board pages, receipts, health.

Synchronous functions over a Store, run in the service's thread pool.
They only read: every write goes through BallotBox (ballot/box.py), the
one implementation of the checks and the casting transaction.

Board pages are rendered exactly as board.jsonl lines of the election
record (ballot/record.py ``board_line``) and come with a head signed like
head.json, so a client can check a page with the record verifier's rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from sqlalchemy import select, text

from ballot.authority import board_public_key
from ballot.board import BoardRecord, current_head, entry_at
from ballot.errors import StorageError
from ballot.manifest_model import Election
from ballot.receipts import Receipt, sign_receipt
from ballot.record import HEAD_FORMAT, board_line
from ballot.storage import Store
from ballot.storage.models import BoardEntryRow, CastBallotRow, SpoiledBallotRow
from ballot.storage.record_files import load_record_file
from crypto.canonical import canonical_json
from crypto.hashchain import Head, sign_head
from crypto.signatures import SigningKey

__all__ = [
    "BOARD_FORMAT",
    "ELECTION_FORMAT",
    "Lookup",
    "board_page",
    "election_document",
    "health",
    "lookup_receipt",
]

ELECTION_FORMAT: Final = "pbvote-service-election/1"
BOARD_FORMAT: Final = "pbvote-service-board/1"


@dataclass(frozen=True, slots=True)
class Lookup:
    """A tracking hash found on the board: its signed receipt and the entry's kind (``ballot``/``spoiled``)."""

    receipt: Receipt
    kind: str


def election_document(store: Store, election: Election) -> bytes:
    """``GET /v1/election``: the canonical manifest, the ceremony transcript and authority.json, in one object.

    Built once at start-up: none of it changes while the polls are open.
    A client recomputes the fingerprint from ``manifest`` and verifies
    ``ceremony`` itself (ballot/remote.py), so it trusts none of this.

    Raises:
        StorageError: if there is no ceremony yet.
    """
    with store.read() as s:
        ceremony = load_record_file(s, "ceremony.json")
        if ceremony is None:
            raise StorageError("no key ceremony yet: run 'pbvote trustees ceremony' before serving")
        board_key = board_public_key(s)
    authority = {"format": "pbvote-authority/1", "election": election.fingerprint_hex, "board_key": board_key.hex()}
    # canonical_json would re-encode both documents; splice their canonical bytes instead (keys sorted by hand)
    return (b'{"authority":' + canonical_json(authority) + b',"ceremony":' + ceremony
            + b',"fingerprint":"' + election.fingerprint_hex.encode() + b'","format":"' + ELECTION_FORMAT.encode()
            + b'","manifest":' + election.canonical_bytes() + b"}")


def _head_document(head: Head, key: SigningKey) -> bytes:
    return canonical_json({"format": HEAD_FORMAT, "election": head.fingerprint.hex(), "size": head.size,
                           "head": head.head_hash.hex(), "signature": sign_head(key, head).hex()})


def board_page(store: Store, fingerprint: bytes, key: SigningKey, start: int, limit: int) -> bytes:
    """``GET /v1/board``: entries ``start`` .. ``start+limit-1`` (those that exist) and the signed head.

    The head is read first and only entries below its size are returned,
    so a page and its head always agree even while ballots are being cast.

    Returns:
        Canonical JSON ``{"entries":[board.jsonl lines...],"format":...,"head":{head.json},"next":n|null}``.
    """
    with store.read() as s:
        head, _polls = current_head(s, fingerprint)
        end = min(head.size, start + limit)
        rows = s.scalars(select(BoardEntryRow).where(BoardEntryRow.position >= start, BoardEntryRow.position < end)
                         .order_by(BoardEntryRow.position)).all() if start < end else []
        lines = [board_line(BoardRecord(r.position, r.kind, r.payload, r.entry_hash)).rstrip(b"\n") for r in rows]
    if len(lines) != max(0, end - start):
        raise StorageError("the bulletin board has a gap: the database was altered")
    nxt = b"null" if end >= head.size else str(end).encode()
    return (b'{"entries":[' + b",".join(lines) + b'],"format":"' + BOARD_FORMAT.encode() + b'","head":'
            + _head_document(head, key) + b',"next":' + nxt + b"}")


def lookup_receipt(store: Store, fingerprint: bytes, key: SigningKey, tracking: bytes) -> Lookup | None:
    """``GET /v1/receipt/<T>``: the receipt of the cast or spoiled ballot with tracking hash T, or None.

    Tracking hashes are public (the board publishes every ballot), so a
    lookup reveals nothing the record does not.
    """
    with store.read() as s:
        cast = s.scalar(select(CastBallotRow.position).where(CastBallotRow.tracking_hash == tracking))
        kind = "ballot"
        if cast is None:
            spoiled = s.get(SpoiledBallotRow, tracking)
            if spoiled is None:
                return None
            cast, kind = spoiled.position, "spoiled"
        entry = entry_at(s, cast)
    if entry is None:
        raise StorageError(f"board entry {cast} is missing: the database was altered")
    return Lookup(sign_receipt(key, fingerprint, tracking, entry.position, entry.entry_hash), kind)


def health(store: Store, fingerprint: bytes) -> dict[str, object]:
    """``GET /v1/health``: the database answers; the polls' state and the board's size.

    Raises:
        StorageError: if the database does not answer.
    """
    with store.read() as s:
        s.execute(text("SELECT 1"))
        head, polls = current_head(s, fingerprint)
    return {"result": "ok", "election": fingerprint.hex(), "polls": polls, "size": head.size}
