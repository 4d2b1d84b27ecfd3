"""Byte framing, digests and canonical JSON (spec sections 4, 5 and 7).

Written from docs/spec.md alone: these are the bytes every hash, signature
and Fiat-Shamir challenge of the record is computed over.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any

from tally.verify.errors import VerifyError
from tally.verify.group import L

Frameable = bytes | str | int | list[Any]
_MAX_JSON_INT = 2**53


def _frame_general(value: Any, out: list[bytes]) -> None:
    if isinstance(value, bool):
        raise TypeError("booleans are not frameable")
    if isinstance(value, bytes):
        out += (b"B", len(value).to_bytes(4, "big"), value)
    elif isinstance(value, str):
        data = value.encode("utf-8")
        out += (b"S", len(data).to_bytes(4, "big"), data)
    elif isinstance(value, int):
        if value < 0:
            raise TypeError("negative integers are not frameable")
        data = value.to_bytes((value.bit_length() + 7) // 8, "big")
        out += (b"I", len(data).to_bytes(4, "big"), data)
    elif isinstance(value, list):
        out += (b"L", len(value).to_bytes(4, "big"))
        for item in value:
            _frame_one(item, out)
    else:
        raise TypeError(f"{type(value).__name__} is not frameable")


def _frame_one(value: Any, out: list[bytes]) -> None:
    """_frame_general with the exact types of the hot path first (a challenge frames dozens of 32-byte points)."""
    kind = type(value)
    if kind is bytes:
        out += (b"B", len(value).to_bytes(4, "big"), value)
    elif kind is list:
        out += (b"L", len(value).to_bytes(4, "big"))
        for item in value:
            if type(item) is bytes:
                out += (b"B", len(item).to_bytes(4, "big"), item)
            else:
                _frame_one(item, out)
    else:
        _frame_general(value, out)


def frame(*values: Frameable) -> bytes:
    """Section 4: tag-length-value encoding of each value in turn."""
    out: list[bytes] = []
    for value in values:
        _frame_one(value, out)
    return b"".join(out)


def digest(tag: str, *values: Frameable) -> bytes:
    """Section 4: SHA-256 of frame(tag, values...)."""
    return hashlib.sha256(frame(tag, *values)).digest()


def hash_to_scalar(tag: str, *values: Frameable) -> int:
    """Section 7: SHA-512 of the framing, little-endian, reduced mod L."""
    return int.from_bytes(hashlib.sha512(frame(tag, *values)).digest(), "little") % L


def canonical(value: Any) -> bytes:
    """Section 5: sorted keys, no white space, UTF-8 without escapes."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise VerifyError("duplicate key in a JSON object")
    return result


def _no_float(text: str) -> Any:
    raise VerifyError("floating-point number in canonical JSON")


def _check_values(value: Any) -> None:
    """Integers below 2^53 in magnitude, every string (keys too) in NFC."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str:
            if not item.isascii() and not unicodedata.is_normalized("NFC", item):
                raise VerifyError("a string is not in Unicode NFC")
        elif kind is list:
            stack.extend(item)
        elif kind is dict:
            stack.extend(item)
            stack.extend(item.values())
        elif kind is int and not -_MAX_JSON_INT < item < _MAX_JSON_INT:
            raise VerifyError("an integer is too large for canonical JSON")


def parse_canonical(data: bytes, what: str) -> Any:
    """Parse bytes that MUST be canonical JSON (section 5); anything else is refused.

    Duplicate keys need no hook on every object (a Python call per object,
    half the parse time of a ballot): ``json.loads`` keeps one of them, so the
    re-serialisation is shorter than ``data`` and differs.  Only then is the
    text parsed again with the hook, to name the reason.

    Raises:
        VerifyError: naming ``what`` if the bytes are not UTF-8, not JSON, hold a
            float, a duplicate key, a non-NFC string, an integer of 2^53 or more,
            or do not re-serialise to the identical bytes.
    """
    try:
        text = data.decode("utf-8")
        value = json.loads(text, parse_float=_no_float, parse_constant=_no_float)
    except VerifyError as exc:
        raise VerifyError(f"{what}: {exc}") from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise VerifyError(f"{what}: not valid JSON") from None
    try:
        _check_values(value)
    except VerifyError as exc:
        raise VerifyError(f"{what}: {exc}") from None
    if canonical(value) != data:
        try:
            json.loads(text, object_pairs_hook=_no_duplicates)
        except VerifyError as exc:
            raise VerifyError(f"{what}: {exc}") from None
        raise VerifyError(f"{what}: not canonical JSON")
    return value


def parse_canonical_line(data: bytes, what: str) -> Any:
    """A file holding canonical JSON followed by exactly one line feed (section 31.1)."""
    if not data.endswith(b"\n"):
        raise VerifyError(f"{what}: does not end with one line feed")
    return parse_canonical(data[:-1], what)


def members(value: Any, required: set[str], what: str, optional: frozenset[str] = frozenset()) -> dict[str, Any]:
    """An object with exactly the ``required`` members plus any of ``optional`` (section 3.3)."""
    if not isinstance(value, dict):
        raise VerifyError(f"{what}: not a JSON object")
    keys = set(value)
    if not required <= keys or not keys <= required | optional:
        extra = sorted(keys - required - optional)
        missing = sorted(required - keys)
        raise VerifyError(f"{what}: wrong members" + (f", unknown {extra}" if extra else "")
                          + (f", missing {missing}" if missing else ""))
    return value


def integer(value: Any, what: str, lo: int = 0, hi: int = _MAX_JSON_INT - 1) -> int:
    """A JSON integer (not a boolean) in [lo, hi]."""
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise VerifyError(f"{what}: not an integer in [{lo}, {hi}]")
    return value


def string(value: Any, what: str) -> str:
    """A JSON string."""
    if not isinstance(value, str):
        raise VerifyError(f"{what}: not a string")
    return value


def hex_bytes(value: Any, size: int, what: str) -> bytes:
    """Exactly ``2 * size`` lower-case hex digits (section 3.3; upper case is refused)."""
    if not isinstance(value, str) or len(value) != 2 * size or not value.isascii():
        raise VerifyError(f"{what}: not {2 * size} lower-case hex digits")
    try:
        data = bytes.fromhex(value)
    except ValueError:
        raise VerifyError(f"{what}: not {2 * size} lower-case hex digits") from None
    if data.hex() != value:
        raise VerifyError(f"{what}: not {2 * size} lower-case hex digits")
    return data


def array(value: Any, what: str, size: int | None = None) -> list[Any]:
    """A JSON array, of exactly ``size`` items when given."""
    if not isinstance(value, list):
        raise VerifyError(f"{what}: not an array")
    if size is not None and len(value) != size:
        raise VerifyError(f"{what}: {len(value)} items, expected {size}")
    return value
