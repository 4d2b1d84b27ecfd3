"""Tracking codes: how a resident finds their ballot in the published record.

The full tracking hash is ``digest("pbvote/1/tracking", ballot_bytes)`` over
the ballot exactly as stored; it goes in the receipt's QR code.  The short
form, for reading aloud and typing into the record search, is the leading
100 bits of that hash as 20 human-code symbols plus a check character,
grouped by four: ``XXXX-XXXX-XXXX-XXXX-XXXX-X`` (docs/spec.md, "Tracking
codes").  The short form reveals nothing about the choices: it is a hash
of a ballot whose selections are encrypted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from crypto import human_code
from crypto.encoding import digest
from crypto.errors import EncodingError

__all__ = [
    "SHORT_CODE_LENGTH",
    "SHORT_CODE_SYMBOLS",
    "TRACKING_TAG",
    "TrackingCode",
    "parse_tracking_code",
    "short_code",
    "tracking_code",
    "tracking_hash",
]

TRACKING_TAG: Final = "pbvote/1/tracking"
SHORT_CODE_SYMBOLS: Final = 20
"""Hash symbols in the short form: 20 * 5 = 100 bits."""
SHORT_CODE_LENGTH: Final = SHORT_CODE_SYMBOLS + 1
"""Symbols in the short form including the check character."""
_HASH_BYTES: Final = 32


@dataclass(frozen=True, slots=True)
class TrackingCode:
    """Both forms of a ballot's tracking code."""

    full: bytes
    """``T``: the 32-byte tracking hash, carried in the QR code."""
    short: str
    """``t``: the grouped short form read aloud, e.g. ``7K3Q-9XM2-...``."""


def tracking_hash(ballot_bytes: bytes) -> bytes:
    """Hash a ballot as stored, so anyone holding the record can find it again.

    Args:
        ballot_bytes: the canonical bytes of the cast ballot.

    Returns:
        ``T = digest("pbvote/1/tracking", ballot_bytes)``, 32 bytes.
    """
    if not isinstance(ballot_bytes, bytes):
        raise EncodingError("ballot must be bytes")
    return digest(TRACKING_TAG, ballot_bytes)


def short_code(full: bytes) -> str:
    """Shorten a tracking hash to a code a person can read aloud.

    Args:
        full: the 32-byte tracking hash ``T``.

    Returns:
        The grouped short form ``t``: leading 100 bits, check character,
        groups of four.

    Raises:
        EncodingError: if ``full`` is not 32 bytes.
    """
    if not isinstance(full, bytes) or len(full) != _HASH_BYTES:
        raise EncodingError("tracking hash must be 32 bytes")
    symbols = human_code.encode_bits(full, SHORT_CODE_SYMBOLS)
    return human_code.group(human_code.with_check(symbols))


def tracking_code(ballot_bytes: bytes) -> TrackingCode:
    """Compute both forms of a ballot's tracking code for its receipt.

    Args:
        ballot_bytes: the canonical bytes of the cast ballot.

    Returns:
        The TrackingCode with ``full`` and ``short``.
    """
    full = tracking_hash(ballot_bytes)
    return TrackingCode(full=full, short=short_code(full))


def parse_tracking_code(text: str) -> str:
    """Read a typed short tracking code, telling a typo apart from a code not in the record.

    Args:
        text: what the person typed; case, spaces, hyphens and the
            look-alikes O, I, L are forgiven.

    Returns:
        The grouped short form, comparable with ``TrackingCode.short``.

    Raises:
        MalformedCode: (an InvalidCode) wrong characters or length.
        CodeTypo: (an InvalidCode) right shape, failed check character.
    """
    return human_code.group(human_code.parse(text, SHORT_CODE_LENGTH, "tracking code"))
