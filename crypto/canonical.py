"""Canonical JSON: the one serialisation of every published object.

The same bytes are hashed (election fingerprint, bulletin-board payloads)
and written to the record, so an observer can recompute every hash from
the files alone.  Rules (docs/spec.md "Canonical JSON"): UTF-8, object keys
sorted by code point, no insignificant whitespace, no floats, integers only
with absolute value below 2^53 (larger values are written as decimal
strings by the caller), strings in NFC.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from crypto.errors import EncodingError

MAX_SAFE_INT = 2**53 - 1


def _check(value: Any, path: str) -> None:
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INT:
            raise EncodingError(f"{path}: integer {value} is not below 2^53; write it as a string")
        return
    if isinstance(value, float):
        raise EncodingError(f"{path}: floats are not allowed in canonical JSON")
    if isinstance(value, str):
        if unicodedata.normalize("NFC", value) != value:
            raise EncodingError(f"{path}: string is not in Unicode NFC")
        return
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            _check(item, f"{path}[{i}]")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise EncodingError(f"{path}: object key {key!r} is not a string")
            _check(key, f"{path}.{key}")
            _check(item, f"{path}.{key}")
        return
    raise EncodingError(f"{path}: {type(value).__name__} is not a JSON value")


def canonical_json(value: Any) -> bytes:
    """Serialise a JSON value canonically.

    Args:
        value: dicts with str keys, lists, str, int, bool, None.

    Returns:
        The canonical UTF-8 bytes.

    Raises:
        EncodingError: naming the path of a float, an unsafe integer, a
            non-NFC string or a non-JSON value.
    """
    _check(value, "$")
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def parse_canonical_json(data: bytes, what: str = "document") -> Any:
    """Parse bytes that must be canonical JSON, refusing any other form.

    Args:
        data: the bytes read from a record file or a request.
        what: a name for error messages (file name, field).

    Returns:
        The parsed value.

    Raises:
        EncodingError: if the bytes are not valid JSON or not canonical.
    """
    try:
        value = json.loads(data.decode("utf-8"), parse_float=_refuse_float)
    except (UnicodeDecodeError, json.JSONDecodeError, ValueError) as exc:
        raise EncodingError(f"{what}: not valid JSON ({exc})") from None
    if canonical_json(value) != data:
        raise EncodingError(f"{what}: JSON is valid but not in canonical form")
    return value


def _refuse_float(text: str) -> float:
    raise ValueError(f"float {text} not allowed")
