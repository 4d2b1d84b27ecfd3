"""The one canonical, length-prefixed byte framing that every hash in pbvote uses.

Hash-encoding ambiguity broke reproducibility in ElectionGuard and Belenios;
pbvote hashes only ``frame(...)`` output, whose rules are in docs/spec.md
section "Byte framing".  Each value carries a one-byte type tag and a
4-byte big-endian length, so no two different sequences of values frame to
the same bytes.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence

from crypto.errors import EncodingError

SPEC_VERSION = "pbvote-spec/1"
"""Version string of the specification; hashed into every Fiat-Shamir challenge."""

Frameable = bytes | str | int | Sequence["Frameable"]

_TAG_BYTES = b"B"
_TAG_STR = b"S"
_TAG_INT = b"I"
_TAG_LIST = b"L"
_MAX_LEN = 2**32 - 1


def _u32(n: int) -> bytes:
    if not 0 <= n <= _MAX_LEN:
        raise EncodingError("frame: length out of range")
    return n.to_bytes(4, "big")


def _frame_one(value: Frameable, out: list[bytes]) -> None:
    if isinstance(value, bool):
        raise EncodingError("frame: booleans are not frameable; use 0 or 1")
    if isinstance(value, bytes | bytearray | memoryview):
        data = bytes(value)
        out += [_TAG_BYTES, _u32(len(data)), data]
    elif isinstance(value, str):
        data = value.encode("utf-8")
        out += [_TAG_STR, _u32(len(data)), data]
    elif isinstance(value, int):
        if value < 0:
            raise EncodingError("frame: negative integers are not frameable")
        data = value.to_bytes((value.bit_length() + 7) // 8, "big")
        out += [_TAG_INT, _u32(len(data)), data]
    elif isinstance(value, list | tuple):
        out += [_TAG_LIST, _u32(len(value))]
        for item in value:
            _frame_one(item, out)
    else:
        raise EncodingError(f"frame: unsupported type {type(value).__name__}")


def frame(*values: Frameable) -> bytes:
    """Frame values as the spec's tagged, length-prefixed byte string.

    Args:
        *values: bytes, str (UTF-8), non-negative int (minimal big-endian),
            or lists/tuples of these, nested.

    Returns:
        The concatenated framing of the values, in order.

    Raises:
        EncodingError: for a negative int, a bool, or an unsupported type.
    """
    out: list[bytes] = []
    for v in values:
        _frame_one(v, out)
    return b"".join(out)


def digest(tag: str, *values: Frameable) -> bytes:
    """Domain-separated SHA-256: ``SHA-256(frame(tag, *values))``.

    Every use of a hash in pbvote has its own tag (listed in docs/spec.md),
    so a digest computed for one purpose can never be replayed as another.

    Args:
        tag: the domain tag, e.g. ``"pbvote/1/hashchain-entry"``.
        *values: the framed inputs, in the order the spec lists them.

    Returns:
        32 bytes.
    """
    return hashlib.sha256(frame(tag, *values)).digest()


def wide_digest(tag: str, *values: Frameable) -> bytes:
    """Domain-separated SHA-512, for values reduced modulo the group order.

    Returns:
        64 bytes; reduced mod L they are statistically uniform scalars.
    """
    return hashlib.sha512(frame(tag, *values)).digest()


def keyed_digest(key: bytes, tag: str, *values: Frameable) -> bytes:
    """Domain-separated HMAC-SHA256: ``HMAC-SHA256(key, frame(tag, *values))``.

    For values that must not be guessable by whoever holds the hashes,
    such as voter-roll entries (an ID number and a birth date have little
    entropy): only the key's holder can test a guess.

    Args:
        key: at least 32 secret bytes.
        tag: the domain tag.
        *values: the framed inputs.

    Returns:
        32 bytes.

    Raises:
        EncodingError: if the key is shorter than 32 bytes.
    """
    if not isinstance(key, bytes) or len(key) < 32:
        raise EncodingError("keyed digest: the key must be at least 32 bytes")
    return hmac.new(key, frame(tag, *values), hashlib.sha256).digest()

