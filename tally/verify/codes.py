"""Short tracking codes and receipt QR payloads (spec sections 19, 21 and 29).

A receipt is given to the verifier either as the short tracking code typed
from paper or as the QR text; both are parsed here, with the distinction the
voter needs: a code that fails its check character is a typo, not a missing
ballot.
"""

from __future__ import annotations

import base64
import binascii
import unicodedata
from dataclasses import dataclass

from tally.verify.encoding import digest

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {symbol: i for i, symbol in enumerate(ALPHABET)}
_SEPARATORS = set(" \t\r\n-_.") | {chr(c) for c in range(0x2010, 0x2016)} | {"\u2212"}
_LOOKALIKES = {"O": "0", "I": "1", "L": "1"}
TRACKING_SYMBOLS = 21
QR_PREFIX = "PBV1:"
QR_LENGTH = 276
QR_RECORD_SIZE = 169


class CodeMalformed(ValueError):
    """Typed text that is not a tracking code at all (wrong length or a foreign character)."""


class CodeTypo(ValueError):
    """A tracking code of the right shape whose check character fails (section 19)."""


def _times_a(v: int) -> int:
    return (v << 1) ^ (0b100101 if v & 0b10000 else 0)


def _check_sum(values: list[int]) -> int:
    acc = 0
    for d in values:
        acc = _times_a(acc) ^ d
    return acc


def tracking_hash(ballot_bytes: bytes) -> bytes:
    """Section 21: ``T = digest("pbvote/1/tracking", ballot bytes)``."""
    return digest("pbvote/1/tracking", ballot_bytes)


def short_code(full: bytes) -> str:
    """Section 21: the leading 100 bits of ``T`` as 20 symbols plus the check, 21 symbols, no hyphens."""
    bits = int.from_bytes(full, "big") >> (8 * len(full) - 100)
    values = [(bits >> (5 * (19 - i))) & 31 for i in range(20)]
    values.append(_times_a(_check_sum(values)))
    return "".join(ALPHABET[v] for v in values)


def display(symbols: str) -> str:
    """Section 19: groups of four joined by ``-``."""
    return "-".join(symbols[i:i + 4] for i in range(0, len(symbols), 4))


def parse_tracking_code(text: str) -> str:
    """Section 19 parsing with ``m = 21``: the 21 normalised symbols.

    Raises:
        CodeMalformed: wrong length or a character outside the alphabet.
        CodeTypo: the check character does not match (a typing error).
    """
    normal = unicodedata.normalize("NFKC", text).upper()
    normal = "".join(_LOOKALIKES.get(ch, ch) for ch in normal if ch not in _SEPARATORS)
    for position, ch in enumerate(normal, start=1):
        if ch not in _VALUE:
            raise CodeMalformed(f"character {position} is not one of {ALPHABET}")
    if len(normal) != TRACKING_SYMBOLS:
        raise CodeMalformed(f"{len(normal)} symbols, a tracking code has {TRACKING_SYMBOLS}")
    if _check_sum([_VALUE[ch] for ch in normal]) != 0:
        raise CodeTypo("the check character does not match")
    return normal


@dataclass(frozen=True)
class ReceiptPayload:
    """The 169-byte record of a receipt QR code (section 29)."""

    fingerprint: bytes
    """``F``."""
    tracking: bytes
    """``T``, the full tracking hash."""
    position: int
    """``i``, the board index of the entry."""
    entry_hash: bytes
    """``h_i``."""
    signature: bytes
    """``sig``, the ballot box's Ed25519 signature."""


def parse_qr(text: str) -> ReceiptPayload:
    """Section 29 reading: ``PBV1:`` + 271 base32 characters decoding to 169 bytes, version 1.

    Raises:
        CodeMalformed: with the reason.
    """
    text = text.strip()
    if not text.startswith(QR_PREFIX) or len(text) != QR_LENGTH:
        raise CodeMalformed(f"a receipt QR text starts with {QR_PREFIX} and has {QR_LENGTH} characters")
    try:
        raw = base64.b32decode(text[len(QR_PREFIX):] + "=")
    except (binascii.Error, ValueError):
        raise CodeMalformed("the QR text is not base32") from None
    if len(raw) != QR_RECORD_SIZE or raw[0] != 1:
        raise CodeMalformed("the QR record has the wrong size or version")
    return ReceiptPayload(raw[1:33], raw[33:65], int.from_bytes(raw[65:73], "big"), raw[73:105], raw[105:169])
