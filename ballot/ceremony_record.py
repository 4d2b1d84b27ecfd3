"""The public key-ceremony transcript, ``ceremony.json`` (docs/spec.md, "Ceremony transcript").

The ballot box encrypts to the joint election key K and the tally checks
each trustee's decryption shares against X_j; both come from this
transcript.  It holds every trustee's Feldman commitments with their
Schnorr proofs, so anyone can recompute K and every X_j and check that each
trustee knew its coefficients.  :func:`parse_ceremony` is the one boundary
where a transcript from outside (the database, a record directory) is
decoded and verified; nothing downstream re-checks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy.orm import Session

from ballot.audit import append_audit, audit_refusal, key_fingerprint
from ballot.errors import InvalidCeremony, StorageError
from ballot.storage.elections import load_election
from ballot.storage.record_files import load_record_file, save_record_file
from crypto import _group as g
from crypto.canonical import canonical_json, parse_canonical_json
from crypto.errors import CryptoError, EncodingError, InvalidProof
from crypto.proofs.schnorr import SchnorrProof
from crypto.threshold import (
    MAX_TRUSTEES,
    TrusteeCommitments,
    joint_public_key,
    trustee_public_share,
    verify_commitments,
)

__all__ = [
    "CEREMONY_FILE",
    "CEREMONY_FORMAT",
    "CeremonyRecord",
    "load_ceremony",
    "parse_ceremony",
    "save_ceremony",
]

CEREMONY_FORMAT: Final = "pbvote-ceremony/1"
"""The ``format`` member of ceremony.json."""

CEREMONY_FILE: Final = "ceremony.json"
"""The transcript's name in the database and in the election record."""

_MEMBERS: Final = frozenset({"format", "election", "trustees", "commitments", "public_key"})
_TRUSTEE_MEMBERS: Final = frozenset({"trustee", "commitments", "proofs"})


@dataclass(frozen=True, slots=True)
class CeremonyRecord:
    """A verified key-ceremony transcript.

    Attributes:
        fingerprint: spec symbol F, the election fingerprint (32 bytes).
        count: spec symbol n, the number of trustees.
        threshold: spec symbol k, how many trustees must take part in decrypting.
        trustees: every trustee's commitments C_{t,0..k-1} and proofs, in
            trustee order t = 1..n.
        public_key: spec symbol K = sum_t C_{t,0}, the joint election key.
    """

    fingerprint: bytes
    count: int
    threshold: int
    trustees: tuple[TrusteeCommitments, ...]
    public_key: g.Point

    def to_json(self) -> dict[str, Any]:
        """Return the JSON object of ceremony.json (docs/spec.md section 25).

        Returns:
            A value for :func:`crypto.canonical.canonical_json`.
        """
        return {
            "format": CEREMONY_FORMAT,
            "election": self.fingerprint.hex(),
            "trustees": {"count": self.count, "threshold": self.threshold},
            "commitments": [_trustee_to_json(t) for t in self.trustees],
            "public_key": bytes(self.public_key).hex(),
        }

    def to_canonical_bytes(self) -> bytes:
        """Return the canonical JSON bytes: what is stored, published and hashed.

        Returns:
            The bytes of ceremony.json.
        """
        return canonical_json(self.to_json())

    def public_share(self, j: int) -> g.Point:
        """Return trustee j's public share X_j = x_j·G, computed from the commitments.

        The tally checks trustee j's decryption shares against it, and a
        trustee checks the share file it opens against it.

        Args:
            j: the trustee index, 1..n.

        Returns:
            X_j.

        Raises:
            ValueError: if j is not a trustee of this ceremony.
        """
        if isinstance(j, bool) or not isinstance(j, int) or not 1 <= j <= self.count:
            raise ValueError(f"trustee index must be 1..{self.count}, got {j!r}")
        return trustee_public_share(j, self.trustees)

    def trustee_public_shares(self) -> dict[int, g.Point]:
        """Return {j: X_j} for every trustee j = 1..n.

        Returns:
            The public shares the tally verifies decryption shares against.
        """
        return {j: self.public_share(j) for j in range(1, self.count + 1)}


def _trustee_to_json(t: TrusteeCommitments) -> dict[str, Any]:
    return {
        "trustee": t.trustee,
        "commitments": [bytes(c).hex() for c in t.commitments],
        "proofs": [p.to_json() for p in t.proofs],
    }


def _point(value: object, where: str) -> g.Point:
    """Decode a public point from 64 lower-case hex digits (identity and small-order points refused)."""
    if not isinstance(value, str) or len(value) != 64 or value != value.lower():
        raise InvalidCeremony(f"{where}: expected a point as 64 lower-case hex digits")
    try:
        return g.decode_point(bytes.fromhex(value))
    except (ValueError, EncodingError):
        raise InvalidCeremony(f"{where}: not a valid point of the election group") from None


def _trustee_from_json(value: object, t: int, threshold: int, what: str) -> TrusteeCommitments:
    where = f"{what}: commitments[{t - 1}]"
    if not isinstance(value, dict) or set(value) != _TRUSTEE_MEMBERS:
        raise InvalidCeremony(f"{where}: need exactly the members {', '.join(sorted(_TRUSTEE_MEMBERS))}")
    if value["trustee"] != t or isinstance(value["trustee"], bool):
        raise InvalidCeremony(f"{where}: trustee must be {t} (trustees are listed in order 1..n)")
    points, proofs = value["commitments"], value["proofs"]
    if not isinstance(points, list) or len(points) != threshold:
        raise InvalidCeremony(f"{where}: need exactly {threshold} commitments (the threshold)")
    if not isinstance(proofs, list) or len(proofs) != threshold:
        raise InvalidCeremony(f"{where}: need exactly {threshold} proofs (the threshold)")
    decoded = tuple(_point(c, f"{where}.commitments[{i}]") for i, c in enumerate(points))
    try:
        parsed = tuple(SchnorrProof.from_json(p) for p in proofs)
    except EncodingError as exc:
        raise InvalidCeremony(f"{where}.proofs: {exc}") from None
    return TrusteeCommitments(t, decoded, parsed)


def parse_ceremony(
    data: bytes, fingerprint: bytes, count: int, threshold: int, *, what: str = CEREMONY_FILE
) -> CeremonyRecord:
    """Decode a transcript and verify it completely against the election.

    Every commitment is decoded as a prime-order point, every Schnorr proof
    is verified in its context ``trustee/<t>/coefficient/<i>``, and K is
    recomputed and compared with the stated one; a transcript that passes
    is safe to encrypt to.

    Args:
        data: the canonical JSON bytes of ceremony.json.
        fingerprint: F of the election the transcript must belong to.
        count: n from the election manifest.
        threshold: k from the election manifest.
        what: a name for error messages (file path).

    Returns:
        The verified record.

    Raises:
        InvalidCeremony: naming the member or trustee at fault, if the bytes
            are not canonical JSON of the right shape, belong to another
            election or another n/k, a proof fails or K does not match.
    """
    try:
        doc = parse_canonical_json(data, what)
    except EncodingError as exc:
        raise InvalidCeremony(str(exc)) from None
    if not isinstance(doc, dict) or set(doc) != _MEMBERS:
        raise InvalidCeremony(f"{what}: need exactly the members {', '.join(sorted(_MEMBERS))}")
    if doc["format"] != CEREMONY_FORMAT:
        raise InvalidCeremony(f"{what}: format must be {CEREMONY_FORMAT!r}, got {doc['format']!r}")
    if doc["election"] != fingerprint.hex():
        shown = doc["election"][:16] if isinstance(doc["election"], str) else repr(doc["election"])
        raise InvalidCeremony(f"{what}: transcript of another election ({shown}...), "
                              f"not of this one ({fingerprint.hex()[:16]}...)")
    stated_counts = doc["trustees"]
    if (not isinstance(stated_counts, dict) or any(isinstance(v, bool) for v in stated_counts.values())
            or stated_counts != {"count": count, "threshold": threshold}):
        raise InvalidCeremony(f"{what}: trustees must be {{count: {count}, threshold: {threshold}}} "
                              f"as in the election manifest, got {stated_counts!r}")
    if not 1 <= threshold <= count <= MAX_TRUSTEES:
        raise InvalidCeremony(f"{what}: need 1 <= threshold <= count <= {MAX_TRUSTEES}")
    entries = doc["commitments"]
    if not isinstance(entries, list) or len(entries) != count:
        raise InvalidCeremony(f"{what}: commitments must list all {count} trustees")
    trustees = tuple(_trustee_from_json(e, t, threshold, what) for t, e in enumerate(entries, start=1))
    for t in trustees:
        try:
            verify_commitments(t, threshold, fingerprint)
        except InvalidProof:
            raise InvalidCeremony(f"{what}: trustee {t.trustee}: a commitment proof does not verify") from None
    stated = _point(doc["public_key"], f"{what}: public_key")
    try:
        key = joint_public_key(trustees)
    except CryptoError:
        raise InvalidCeremony(f"{what}: the commitments sum to the identity, not a usable key") from None
    if key != stated:
        raise InvalidCeremony(f"{what}: public_key is not the sum of the trustees' first commitments")
    return CeremonyRecord(fingerprint, count, threshold, trustees, key)


def save_ceremony(session: Session, record: CeremonyRecord) -> bool:
    """Store the transcript as record file ``ceremony.json``, once.

    A second, different ceremony would orphan the trustees' share files
    (and any ballot already encrypted to the first key), so it is refused.

    Args:
        session: a write session.
        record: the verified transcript.

    Returns:
        True if stored now, False if this very transcript was already stored.

    Raises:
        StorageError: if a different ceremony is already stored.
    """
    content = record.to_canonical_bytes()
    stored = load_record_file(session, CEREMONY_FILE)
    if stored == content:
        return False
    details: dict[str, str | int] = {"trustees": record.count, "threshold": record.threshold,
                                     "key_fingerprint": key_fingerprint(bytes(record.public_key))}
    if stored is not None:
        raise audit_refusal(session, "ceremony-complete", StorageError(
            "this database already holds a different key ceremony; refusing to replace it (the trustees' share "
            "files belong to that one)"), details=details)
    save_record_file(session, CEREMONY_FILE, content)
    append_audit(session, "ceremony-complete", details=details)
    return True


def load_ceremony(session: Session) -> CeremonyRecord:
    """Return the stored transcript, re-verified against the stored election.

    Args:
        session: a read or write session.

    Returns:
        The verified record.

    Raises:
        StorageError: if no election or no ceremony is stored.
        InvalidCeremony: if the stored transcript does not verify (the
            database was altered).
    """
    election = load_election(session)
    data = load_record_file(session, CEREMONY_FILE)
    if data is None:
        raise StorageError("no key ceremony yet: run 'pbvote trustees ceremony' first")
    return parse_ceremony(data, election.fingerprint, election.trustees, election.threshold,
                          what=f"stored {CEREMONY_FILE}")
