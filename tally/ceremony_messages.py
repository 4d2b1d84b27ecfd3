"""The signed messages of the key ceremony at separate machines (docs/spec.md section 25.4).

Trustees at separate offline machines exchange files on a USB stick that
anyone may have handled, so every message is canonical JSON signed by its
author's Ed25519 key under its own domain tag, and every reader checks
exact members, the election, the indices and the signature before using a
byte of it.  The share a trustee sends another travels inside a sealed box
(crypto/sealed.py) only the recipient can open.

This module is formats only: building, serialising and checking messages.
The steps that use them are in tally/ceremony_steps.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from crypto import _group as g
from crypto.canonical import canonical_json, parse_canonical_json
from crypto.encoding import digest
from crypto.errors import EncodingError, InvalidSignature
from crypto.proofs.schnorr import SchnorrProof
from crypto.sealed import decode_box_public_key
from crypto.signatures import SigningKey, decode_public_key, sign, verify
from crypto.threshold import MAX_TRUSTEES, TrusteeCommitments
from tally.ceremony import CeremonyError

__all__ = [
    "COMMITS_TAG",
    "COMMIT_FORMAT",
    "COMMIT_TAG",
    "MAX_MESSAGE_BYTES",
    "SHARE_FORMAT",
    "SHARE_SECRET_FORMAT",
    "SHARE_TAG",
    "CommitMessage",
    "ShareMessage",
    "commit_file_name",
    "commits_digest",
    "hex_scalar",
    "parse_commit",
    "parse_share_message",
    "share_message_name",
    "sign_commit",
    "sign_share",
]

COMMIT_FORMAT: Final = "pbvote-ceremony-commit/1"
SHARE_FORMAT: Final = "pbvote-ceremony-share/1"
SHARE_SECRET_FORMAT: Final = "pbvote-ceremony-share-secret/1"
"""The ``format`` of the plaintext inside a share message's sealed box."""

COMMIT_TAG: Final = "pbvote/1/ceremony-commit"
SHARE_TAG: Final = "pbvote/1/ceremony-share"
COMMITS_TAG: Final = "pbvote/1/ceremony-commits"

MAX_MESSAGE_BYTES: Final = 1024 * 1024
"""No ceremony message comes near this (255 commitments with proofs are about 50 KB)."""

_COMMIT_MEMBERS: Final = frozenset({"format", "election", "trustees", "trustee", "commitments", "proofs",
                                    "signing_key", "box_key", "signature"})
_SHARE_MEMBERS: Final = frozenset({"format", "election", "from", "to", "commits", "ciphertext", "signature"})
_MAX_CIPHERTEXT_HEX: Final = 2048


def commit_file_name(j: int) -> str:
    """Return ``trustee-<j>.commit.json``, trustee j's public commit message."""
    return f"trustee-{j}.commit.json"


def share_message_name(sender: int, recipient: int) -> str:
    """Return ``trustee-<t>-to-<j>.share.json``, the share message from t to j."""
    return f"trustee-{sender}-to-{recipient}.share.json"


def hex_scalar(value: int) -> str:
    """A scalar as 64 lower-case hex digits (section 3.2)."""
    return g.encode_scalar(value).hex()


def _hex(value: object, size: int, what: str) -> bytes:
    if not isinstance(value, str) or len(value) != 2 * size or value != value.lower():
        raise EncodingError(f"{what}: expected {2 * size} lower-case hex digits")
    try:
        return bytes.fromhex(value)
    except ValueError:
        raise EncodingError(f"{what}: expected {2 * size} lower-case hex digits") from None


def _index(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_TRUSTEES:
        raise EncodingError(f"{what}: expected a trustee index 1..{MAX_TRUSTEES}")
    return value


@dataclass(frozen=True, slots=True)
class CommitMessage:
    """Trustee t's step-1 message: commitments with proofs, and the keys others check it and encrypt to.

    Attributes:
        fingerprint: spec symbol F.
        count: spec symbol n.
        threshold: spec symbol k.
        published: t, C_{t,0..k-1} and the Schnorr proofs, exactly as the transcript carries them.
        signing_key: spec symbol A_t, trustee t's Ed25519 public key for this ceremony.
        box_key: spec symbol E_t, trustee t's X25519 public key; shares for t are sealed to it.
        signature: Ed25519 signature by A_t (tag ``pbvote/1/ceremony-commit``).
    """

    fingerprint: bytes
    count: int
    threshold: int
    published: TrusteeCommitments
    signing_key: bytes
    box_key: bytes
    signature: bytes

    @property
    def trustee(self) -> int:
        """t, the author."""
        return self.published.trustee

    def unsigned_json(self) -> dict[str, Any]:
        """The message without its signature: what the signature covers (as canonical bytes U)."""
        return {
            "format": COMMIT_FORMAT,
            "election": self.fingerprint.hex(),
            "trustees": {"count": self.count, "threshold": self.threshold},
            "trustee": self.trustee,
            "commitments": [bytes(c).hex() for c in self.published.commitments],
            "proofs": [p.to_json() for p in self.published.proofs],
            "signing_key": self.signing_key.hex(),
            "box_key": self.box_key.hex(),
        }

    def to_canonical_bytes(self) -> bytes:
        """The file's bytes."""
        return canonical_json({**self.unsigned_json(), "signature": self.signature.hex()})


def sign_commit(
    key: SigningKey, fingerprint: bytes, count: int, threshold: int, published: TrusteeCommitments, box_key: bytes
) -> CommitMessage:
    """Build and sign trustee t's commit message with the ceremony signing key it just drew."""
    draft = CommitMessage(fingerprint, count, threshold, published, key.public_key, box_key, b"")
    unsigned = canonical_json(draft.unsigned_json())
    signature = sign(key, COMMIT_TAG, fingerprint, published.trustee, unsigned)
    return CommitMessage(fingerprint, count, threshold, published, key.public_key, box_key, signature)


def parse_commit(data: bytes, fingerprint: bytes, count: int, threshold: int, trustee: int, where: str
                 ) -> CommitMessage:
    """Decode trustee t's commit message and check its shape, election, indices and self-signature.

    The Schnorr proofs are not checked here (the caller does, naming the
    trustee); the signature only shows the message is whole and was made by
    the holder of ``signing_key``, whose fingerprint the trustees compare
    aloud (section 25.4).

    Raises:
        CeremonyError: naming ``where`` and what is wrong.
    """
    try:
        doc = parse_canonical_json(data, where)
        if not isinstance(doc, dict) or set(doc) != _COMMIT_MEMBERS or doc["format"] != COMMIT_FORMAT:
            raise EncodingError(f"{where}: not a {COMMIT_FORMAT} message (members or format)")
        if doc["election"] != fingerprint.hex():
            raise CeremonyError(f"{where}: a commit message for another election")
        if doc["trustees"] != {"count": count, "threshold": threshold} or any(
                isinstance(v, bool) for v in doc["trustees"].values()):
            raise CeremonyError(f"{where}: made for {doc['trustees']!r}, not for count {count}, threshold "
                                f"{threshold} as in the manifest")
        if _index(doc["trustee"], f"{where}: trustee") != trustee:
            raise CeremonyError(f"{where}: the message is trustee {doc['trustee']}'s, not trustee {trustee}'s")
        points, proofs = doc["commitments"], doc["proofs"]
        if not isinstance(points, list) or not isinstance(proofs, list) or not (
                len(points) == len(proofs) == threshold):
            raise EncodingError(f"{where}: need exactly {threshold} commitments and {threshold} proofs")
        published = TrusteeCommitments(
            trustee,
            tuple(g.decode_point(_hex(c, 32, f"{where}: commitments[{i}]")) for i, c in enumerate(points)),
            tuple(SchnorrProof.from_json(p) for p in proofs),
        )
        signing_key = decode_public_key(_hex(doc["signing_key"], 32, f"{where}: signing_key"))
        box_key = decode_box_public_key(_hex(doc["box_key"], 32, f"{where}: box_key"))
        signature = _hex(doc["signature"], 64, f"{where}: signature")
    except EncodingError as exc:
        raise CeremonyError(str(exc) if str(exc).startswith(where) else f"{where}: {exc}") from None
    message = CommitMessage(fingerprint, count, threshold, published, signing_key, box_key, signature)
    unsigned = canonical_json(message.unsigned_json())
    try:
        verify(signing_key, signature, COMMIT_TAG, fingerprint, trustee, unsigned)
    except InvalidSignature:
        raise CeremonyError(f"{where}: trustee {trustee}'s signature does not verify (altered, or forged)"
                            ) from None
    return message


def commits_digest(fingerprint: bytes, messages: Sequence[CommitMessage]) -> bytes:
    """D = digest("pbvote/1/ceremony-commits", F, [M_1, ..., M_n]): the set of commit messages a trustee saw.

    Every share message carries D, so a trustee finishing the ceremony knows
    that every sender worked from the same commit messages it did, and so
    that all trustees write the same ceremony.json.
    """
    return digest(COMMITS_TAG, fingerprint, [m.to_canonical_bytes() for m in messages])


@dataclass(frozen=True, slots=True)
class ShareMessage:
    """Trustee t's step-2 message to trustee j: f_t(j) sealed to E_j, signed by A_t.

    Attributes:
        fingerprint: spec symbol F.
        sender: t.
        recipient: j.
        commits: spec symbol D, the digest of the commit messages t worked from.
        ciphertext: the sealed box of the share's canonical JSON (section 25.4).
        signature: Ed25519 signature by A_t (tag ``pbvote/1/ceremony-share``).
    """

    fingerprint: bytes
    sender: int
    recipient: int
    commits: bytes
    ciphertext: bytes
    signature: bytes

    def unsigned_json(self) -> dict[str, Any]:
        """The message without its signature (canonical bytes U)."""
        return {
            "format": SHARE_FORMAT,
            "election": self.fingerprint.hex(),
            "from": self.sender,
            "to": self.recipient,
            "commits": self.commits.hex(),
            "ciphertext": self.ciphertext.hex(),
        }

    def to_canonical_bytes(self) -> bytes:
        """The file's bytes."""
        return canonical_json({**self.unsigned_json(), "signature": self.signature.hex()})


def sign_share(key: SigningKey, fingerprint: bytes, sender: int, recipient: int, commits: bytes,
               ciphertext: bytes) -> ShareMessage:
    """Build and sign the share message from t to j."""
    draft = ShareMessage(fingerprint, sender, recipient, commits, ciphertext, b"")
    unsigned = canonical_json(draft.unsigned_json())
    signature = sign(key, SHARE_TAG, fingerprint, sender, recipient, unsigned)
    return ShareMessage(fingerprint, sender, recipient, commits, ciphertext, signature)


def parse_share_message(data: bytes, fingerprint: bytes, sender: CommitMessage, recipient: int, where: str
                        ) -> ShareMessage:
    """Decode the share message from t to j and check it is whole and signed by t's ceremony key.

    Raises:
        CeremonyError: naming ``where`` and what is wrong.
    """
    t = sender.trustee
    try:
        doc = parse_canonical_json(data, where)
        if not isinstance(doc, dict) or set(doc) != _SHARE_MEMBERS or doc["format"] != SHARE_FORMAT:
            raise EncodingError(f"{where}: not a {SHARE_FORMAT} message (members or format)")
        if doc["election"] != fingerprint.hex():
            raise CeremonyError(f"{where}: a share message for another election")
        if (_index(doc["from"], f"{where}: from"), _index(doc["to"], f"{where}: to")) != (t, recipient):
            raise CeremonyError(f"{where}: the message is from trustee {doc['from']} to trustee {doc['to']}, "
                                f"not from trustee {t} to trustee {recipient}")
        commits = _hex(doc["commits"], 32, f"{where}: commits")
        text = doc["ciphertext"]
        if not isinstance(text, str) or not 0 < len(text) <= _MAX_CIPHERTEXT_HEX or len(text) % 2:
            raise EncodingError(f"{where}: ciphertext: expected hex digits")
        ciphertext = _hex(text, len(text) // 2, f"{where}: ciphertext")
        signature = _hex(doc["signature"], 64, f"{where}: signature")
    except EncodingError as exc:
        raise CeremonyError(str(exc) if str(exc).startswith(where) else f"{where}: {exc}") from None
    message = ShareMessage(fingerprint, t, recipient, commits, ciphertext, signature)
    unsigned = canonical_json(message.unsigned_json())
    try:
        verify(sender.signing_key, signature, SHARE_TAG, fingerprint, t, recipient, unsigned)
    except InvalidSignature:
        raise CeremonyError(f"{where}: trustee {t}'s signature does not verify (altered, or not made with "
                            f"trustee {t}'s ceremony key)") from None
    return message
