"""The audit log's entries and hash chain, as pure functions (docs/spec.md section 38).

Entry ``i`` is the canonical JSON object ``{at, details, disposition, event,
index, previous, role}`` (its **body**) plus its ``hash``
``h_i = digest("pbvote/1/audit", i, h_(i-1), body)``; ``h_-1`` is
``digest("pbvote/1/audit-genesis")``.  The chain is not bound to the
election fingerprint, because officials may set a passphrase (and fail to
log in) before any election is stored; the **signed audit head**
``(F, n, h_(n-1))`` published with the record binds it to the election.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from crypto.canonical import canonical_json, parse_canonical_json
from crypto.encoding import digest
from crypto.signatures import SigningKey, sign

__all__ = [
    "AUDIT_GENESIS_TAG",
    "AUDIT_HEAD_FORMAT",
    "AUDIT_HEAD_TAG",
    "AUDIT_TAG",
    "AuditEntry",
    "audit_genesis",
    "chain_entry",
    "entry_from_body",
    "iso_utc",
    "sign_audit_head",
]

AUDIT_TAG: Final = "pbvote/1/audit"
AUDIT_GENESIS_TAG: Final = "pbvote/1/audit-genesis"
AUDIT_HEAD_TAG: Final = "pbvote/1/audit-head"
AUDIT_HEAD_FORMAT: Final = "pbvote-audit-head/1"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One entry of the officials' audit log.

    Attributes:
        index: position in the log, from 0.
        event: a declared event id (ballot/audit_events.toml).
        disposition: ``success`` or ``failure``.
        role: who acted: ``official``, ``attendant``, ``trustee`` or ``system``.
        at: UTC time, ISO-8601 to the second, e.g. ``2026-11-30T23:23:42Z``.
        details: declared, non-secret fields only.
        previous: hex of the previous entry's hash (of the genesis hash for entry 0).
        hash: hex of this entry's hash ``h_i``.
    """

    index: int
    event: str
    disposition: str
    role: str
    at: str
    details: Mapping[str, str | int]
    previous: str
    hash: str

    def body(self) -> dict[str, Any]:
        """The hashed object: every member but ``hash``."""
        return {"at": self.at, "details": dict(self.details), "disposition": self.disposition,
                "event": self.event, "index": self.index, "previous": self.previous, "role": self.role}

    def body_bytes(self) -> bytes:
        """The body's canonical JSON bytes (what the database stores and the chain hashes)."""
        return canonical_json(self.body())

    def to_line(self) -> bytes:
        """One line of ``audit.jsonl``: the canonical JSON of the body plus ``hash``, then ``\\n``."""
        return canonical_json({**self.body(), "hash": self.hash}) + b"\n"


def audit_genesis() -> bytes:
    """``h_-1``: the ``previous`` of entry 0."""
    return digest(AUDIT_GENESIS_TAG)


def iso_utc(moment: datetime) -> str:
    """A time as UTC ISO-8601 to the second with a ``Z`` (naive times are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def chain_entry(index: int, previous: bytes, event: str, disposition: str, role: str, at: str,
                details: Mapping[str, str | int]) -> AuditEntry:
    """Build entry ``index`` after ``previous`` and compute its hash.

    Returns:
        The entry; ``bytes.fromhex(entry.hash)`` is the new head.
    """
    unhashed = AuditEntry(index, event, disposition, role, at, dict(details), previous.hex(), "")
    h = digest(AUDIT_TAG, index, previous, unhashed.body_bytes())
    return AuditEntry(index, event, disposition, role, at, dict(details), previous.hex(), h.hex())


def entry_from_body(body: bytes, entry_hash: bytes) -> AuditEntry:
    """Rebuild a stored entry from its body bytes and hash (the database's two columns).

    Raises:
        EncodingError: if the body is not canonical JSON (the database was altered).
    """
    value = parse_canonical_json(body, "audit entry")
    return AuditEntry(value["index"], value["event"], value["disposition"], value["role"], value["at"],
                      dict(value["details"]), value["previous"], entry_hash.hex())


def sign_audit_head(key: SigningKey, fingerprint: bytes, size: int, head: bytes) -> bytes:
    """The ballot-box key's signature over the audit head ``(F, n, h_(n-1))`` under ``pbvote/1/audit-head``."""
    return sign(key, AUDIT_HEAD_TAG, fingerprint, size, head)
