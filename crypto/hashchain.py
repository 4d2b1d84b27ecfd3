"""The bulletin board's hash chain: every published event commits to all before it.

Entry ``i`` of an election with fingerprint ``F`` is
``(i, kind, payload_hash, previous_hash)``, and its hash is
``h_i = digest("pbvote/1/board-entry", F, i, kind, payload_hash, previous_hash)``.
Entry 0's previous hash is ``h_-1 = digest("pbvote/1/board-genesis", F)``;
entry ``i > 0``'s is ``h_(i-1)``.  A head ``(F, size, head_hash)`` names the
chain after ``size`` entries and is signed under ``pbvote/1/board-head``
(docs/spec.md, "Bulletin board").  Everything here is pure: storage appends
the returned entries in the same transaction that accepts a ballot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from crypto.encoding import digest
from crypto.errors import BrokenChain, EncodingError
from crypto.signatures import SigningKey, sign, verify

__all__ = [
    "ENTRY_TAG",
    "GENESIS_TAG",
    "HEAD_TAG",
    "PAYLOAD_TAG",
    "BrokenChain",
    "Entry",
    "Head",
    "append",
    "check_kind",
    "entry_hash",
    "genesis",
    "payload_hash",
    "sign_head",
    "verify_chain",
    "verify_head",
]

ENTRY_TAG: Final = "pbvote/1/board-entry"
GENESIS_TAG: Final = "pbvote/1/board-genesis"
PAYLOAD_TAG: Final = "pbvote/1/board-payload"
HEAD_TAG: Final = "pbvote/1/board-head"
_KIND_RE: Final = re.compile(r"[a-z][a-z0-9-]{0,31}")
_HASH_BYTES: Final = 32


@dataclass(frozen=True, slots=True)
class Entry:
    """One bulletin-board entry as published in the election record."""

    index: int
    """``i``: position in the chain, from 0."""
    kind: str
    """``kind``: the event, e.g. ``"open"``, ``"ballot"``, ``"spoiled"``, ``"close"``."""
    payload_hash: bytes
    """``p_i = digest("pbvote/1/board-payload", payload)``, 32 bytes."""
    previous_hash: bytes
    """``h_(i-1)``: the previous entry's hash, or the genesis hash for entry 0."""
    entry_hash: bytes
    """``h_i``: this entry's hash."""


@dataclass(frozen=True, slots=True)
class Head:
    """The state of a chain after ``size`` entries: what officials sign."""

    fingerprint: bytes
    """``F``: the election fingerprint, 32 bytes."""
    size: int
    """``n``: the number of entries; the next entry gets index ``n``."""
    head_hash: bytes
    """``h_(n-1)``: the last entry's hash, or the genesis hash when ``n = 0``."""


def _check_hash(value: object, what: str) -> bytes:
    if not isinstance(value, bytes) or len(value) != _HASH_BYTES:
        raise EncodingError(f"{what} must be 32 bytes")
    return value


def check_kind(kind: str) -> str:
    """Refuse an entry kind that is not a short lowercase word.

    Args:
        kind: e.g. ``"ballot"``.

    Returns:
        ``kind`` unchanged.

    Raises:
        EncodingError: unless it matches ``[a-z][a-z0-9-]{0,31}``.
    """
    if not isinstance(kind, str) or _KIND_RE.fullmatch(kind) is None:
        raise EncodingError("entry kind must match [a-z][a-z0-9-]{0,31}")
    return kind


def genesis(fingerprint: bytes) -> Head:
    """Start the chain of an election: the empty head.

    Args:
        fingerprint: the 32-byte election fingerprint ``F``.

    Returns:
        ``Head(F, 0, digest("pbvote/1/board-genesis", F))``.

    Raises:
        EncodingError: if the fingerprint is not 32 bytes.
    """
    _check_hash(fingerprint, "election fingerprint")
    return Head(fingerprint=fingerprint, size=0, head_hash=digest(GENESIS_TAG, fingerprint))


def payload_hash(payload: bytes) -> bytes:
    """Hash an entry's payload (canonical JSON of the event) for the chain.

    Args:
        payload: the payload bytes as published.

    Returns:
        ``digest("pbvote/1/board-payload", payload)``.
    """
    if not isinstance(payload, bytes):
        raise EncodingError("payload must be bytes")
    return digest(PAYLOAD_TAG, payload)


def entry_hash(
    fingerprint: bytes, index: int, kind: str, payload_hash: bytes, previous_hash: bytes
) -> bytes:
    """Compute ``h_i``, which commits to the entry and, through ``previous_hash``, to all before.

    Args:
        fingerprint: ``F``, 32 bytes.
        index: ``i``, non-negative.
        kind: the entry kind.
        payload_hash: ``p_i``, 32 bytes.
        previous_hash: ``h_(i-1)``, 32 bytes.

    Returns:
        ``digest("pbvote/1/board-entry", F, i, kind, p_i, h_(i-1))``.

    Raises:
        EncodingError: for a malformed field.
    """
    _check_hash(fingerprint, "election fingerprint")
    if isinstance(index, bool) or not isinstance(index, int) or index < 0:
        raise EncodingError("entry index must be a non-negative integer")
    check_kind(kind)
    _check_hash(payload_hash, "payload hash")
    _check_hash(previous_hash, "previous hash")
    return digest(ENTRY_TAG, fingerprint, index, kind, payload_hash, previous_hash)


def append(head: Head, kind: str, payload: bytes) -> tuple[Entry, Head]:
    """Compute the next entry and the new head; nothing is stored here.

    Args:
        head: the current head (genesis() for an empty chain).
        kind: the entry kind, e.g. ``"ballot"``.
        payload: the event's payload bytes.

    Returns:
        ``(entry, new_head)``.

    Raises:
        EncodingError: for a malformed kind or payload.
    """
    p = payload_hash(payload)
    h = entry_hash(head.fingerprint, head.size, kind, p, head.head_hash)
    entry = Entry(index=head.size, kind=kind, payload_hash=p, previous_hash=head.head_hash, entry_hash=h)
    return entry, Head(fingerprint=head.fingerprint, size=head.size + 1, head_hash=h)


def verify_chain(entries: Iterable[Entry], fingerprint: bytes) -> Head:
    """Recompute the chain from genesis and refuse any break, returning the head it reaches.

    Args:
        entries: the published entries, in index order from 0.
        fingerprint: the election fingerprint ``F``.

    Returns:
        The Head after the last entry (the genesis head for no entries).

    Raises:
        BrokenChain: naming the first bad index: an index gap, repeat or
            reorder, a wrong previous hash, a wrong entry hash or a
            malformed field.
        EncodingError: if the fingerprint is not 32 bytes.
    """
    head = genesis(fingerprint)
    for entry in entries:
        where = f"board entry {head.size}"
        if not isinstance(entry, Entry):
            raise BrokenChain(f"{where}: not an Entry")
        if entry.index != head.size:
            raise BrokenChain(f"{where}: has index {entry.index!r}, expected {head.size}")
        try:
            h = entry_hash(fingerprint, entry.index, entry.kind, entry.payload_hash, entry.previous_hash)
        except EncodingError as exc:
            raise BrokenChain(f"{where}: {exc}") from None
        if entry.previous_hash != head.head_hash:
            raise BrokenChain(f"{where}: previous hash does not match the entry before")
        if entry.entry_hash != h:
            raise BrokenChain(f"{where}: entry hash does not match its contents")
        head = Head(fingerprint=fingerprint, size=head.size + 1, head_hash=h)
    return head


def sign_head(signing_key: SigningKey, head: Head) -> bytes:
    """Sign a head so the board cannot later show observers a different history.

    Args:
        signing_key: the official's or ballot box's key.
        head: the head to sign.

    Returns:
        The 64-byte signature over ``frame("pbvote/1/board-head", F, n, h)``.

    Raises:
        EncodingError: for a malformed head.
    """
    _check_hash(head.fingerprint, "election fingerprint")
    _check_hash(head.head_hash, "head hash")
    return sign(signing_key, HEAD_TAG, head.fingerprint, head.size, head.head_hash)


def verify_head(public_key: bytes, head: Head, signature: bytes) -> None:
    """Check a signed head against the head recomputed by verify_chain().

    Args:
        public_key: the signer's 32-byte public key.
        head: the head the verifier expects.
        signature: the 64-byte signature.

    Raises:
        InvalidSignature: if the signature is not valid for this head.
    """
    verify(public_key, signature, HEAD_TAG, head.fingerprint, head.size, head.head_hash)
