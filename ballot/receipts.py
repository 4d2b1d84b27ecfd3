"""Receipts: what a resident takes home to find their ballot in the published record.

A receipt carries the election fingerprint, the ballot's full tracking
hash, its position on the bulletin board and the board head right after
it, signed by the ballot box's key (docs/spec.md, "Receipts").  It says
nothing about the choices, and every receipt of an election has the same
shape and length, so a receipt cannot be told apart by what it holds.

The QR payload is ``PBV1:`` followed by the RFC 4648 base32 (upper case,
no padding) of a fixed 169-byte record: version byte 1, F (32), T (32),
position (u64 big-endian), head hash (32), signature (64).  Upper-case
base32 and ``:`` are all in QR's alphanumeric set, which keeps the symbol
small.
"""

from __future__ import annotations

import base64
import binascii
import struct
from dataclasses import dataclass
from typing import Final

from crypto.errors import EncodingError
from crypto.signatures import SigningKey, sign, verify
from crypto.tracking import TrackingCode, short_code

__all__ = ["QR_PAYLOAD_LENGTH", "QR_PREFIX", "RECEIPT_TAG", "Receipt", "sign_receipt"]

RECEIPT_TAG: Final = "pbvote/1/receipt"
QR_PREFIX: Final = "PBV1:"
_VERSION: Final = 1
_LAYOUT: Final = struct.Struct(">B32s32sQ32s64s")
QR_PAYLOAD_LENGTH: Final = len(QR_PREFIX) + (_LAYOUT.size * 8 + 4) // 5
"""Characters in every QR payload (276): constant, whatever the ballot."""


@dataclass(frozen=True, slots=True)
class Receipt:
    """A signed acknowledgement that a ballot is on the bulletin board.

    Attributes:
        fingerprint: F, the election fingerprint (32 bytes).
        tracking_hash: T, the ballot's full tracking hash (32 bytes).
        position: the ballot's index on the bulletin board.
        head_hash: h_position, the board's head hash right after the ballot.
        signature: the ballot box's Ed25519 signature (tag ``pbvote/1/receipt``).
    """

    fingerprint: bytes
    tracking_hash: bytes
    position: int
    head_hash: bytes
    signature: bytes

    @property
    def tracking_code(self) -> TrackingCode:
        """Both forms of the tracking code (the short one is what people read aloud)."""
        return TrackingCode(full=self.tracking_hash, short=short_code(self.tracking_hash))

    def signed_values(self) -> tuple[bytes, bytes, int, bytes]:
        """The values the ballot box signs, after the tag."""
        return (self.fingerprint, self.tracking_hash, self.position, self.head_hash)

    def verify(self, board_public_key: bytes) -> None:
        """Check the ballot box's signature.

        Raises:
            InvalidSignature: if it does not verify.
        """
        verify(board_public_key, self.signature, RECEIPT_TAG, *self.signed_values())

    def qr_payload(self) -> str:
        """The constant-length text encoded in the receipt's QR code."""
        raw = _LAYOUT.pack(_VERSION, self.fingerprint, self.tracking_hash, self.position,
                           self.head_hash, self.signature)
        return QR_PREFIX + base64.b32encode(raw).decode("ascii").rstrip("=")

    @classmethod
    def from_qr_payload(cls, text: str) -> Receipt:
        """Read a scanned QR payload back.

        Raises:
            EncodingError: if it is not a pbvote receipt of this version.
        """
        if not isinstance(text, str) or not text.startswith(QR_PREFIX) or len(text) != QR_PAYLOAD_LENGTH:
            raise EncodingError("not a pbvote receipt QR code (version 1)")
        body = text[len(QR_PREFIX):]
        try:
            raw = base64.b32decode(body + "=" * (-len(body) % 8))
        except (binascii.Error, ValueError):
            raise EncodingError("receipt QR code: damaged base32") from None
        if len(raw) != _LAYOUT.size:
            raise EncodingError("receipt QR code: wrong length")
        version, fingerprint, tracking, position, head, signature = _LAYOUT.unpack(raw)
        if version != _VERSION:
            raise EncodingError(f"receipt QR code: unknown version {version}")
        receipt = cls(fingerprint, tracking, position, head, signature)
        if receipt.qr_payload() != text:  # e.g. non-zero padding bits: one receipt, one text
            raise EncodingError("receipt QR code: not in canonical form")
        return receipt

    def to_json(self) -> dict[str, object]:
        """The receipt as ``pbvote cast`` prints it."""
        return {
            "election": self.fingerprint.hex(),
            "tracking_code": self.tracking_code.short,
            "tracking_hash": self.tracking_hash.hex(),
            "position": self.position,
            "head": self.head_hash.hex(),
            "signature": self.signature.hex(),
            "qr": self.qr_payload(),
        }


def sign_receipt(key: SigningKey, fingerprint: bytes, tracking_hash: bytes, position: int,
                 head_hash: bytes) -> Receipt:
    """Sign a receipt with the ballot box's key.

    Raises:
        EncodingError: if a hash is not 32 bytes or the position is negative.
    """
    if len(fingerprint) != 32 or len(tracking_hash) != 32 or len(head_hash) != 32 or position < 0:
        raise EncodingError("receipt: hashes must be 32 bytes and the position non-negative")
    signature = sign(key, RECEIPT_TAG, fingerprint, tracking_hash, position, head_hash)
    return Receipt(fingerprint, tracking_hash, position, head_hash, signature)
