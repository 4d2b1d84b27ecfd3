"""Write manifest data as TOML that officials can read and edit.

Used by ``pbvote pabulib import`` and the officials' console: they build the
manifest as plain data, write it with ``dumps_manifest`` and then validate
the written text with ``parse_manifest``, so there is only one validator.
Covers exactly the manifest's shapes: scalars, text tables (inline), nested
tables and arrays of tables.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _key(name: str) -> str:
    return name if _BARE_KEY.fullmatch(name) else json.dumps(name, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:_}" if abs(value) >= 10_000 else str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _is_inline(value: Any) -> bool:
    """Small flat tables (texts by language, image refs) stay on one line."""
    return isinstance(value, dict) and all(not isinstance(v, dict | list) for v in value.values())


def _section(lines: list[str], prefix: str, table: dict[str, Any], *, array: bool) -> None:
    scalars = {k: v for k, v in table.items() if not _is_table(v) and not _is_table_array(v)}
    tables = {k: v for k, v in table.items() if _is_table(v)}
    arrays = {k: v for k, v in table.items() if _is_table_array(v)}
    if prefix:
        lines.append("")
        lines.append(f"[[{prefix}]]" if array else f"[{prefix}]")
    for k, v in scalars.items():
        lines.append(f"{_key(k)} = {_value(v)}")
    for k, v in tables.items():
        _section(lines, f"{prefix}.{_key(k)}" if prefix else _key(k), v, array=False)
    for k, items in arrays.items():
        for item in items:
            _section(lines, f"{prefix}.{_key(k)}" if prefix else _key(k), item, array=True)


def _is_table(value: Any) -> bool:
    return isinstance(value, dict) and not _is_inline(value)


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def dumps_manifest(data: dict[str, Any], *, header: str = "") -> str:
    """Render manifest data as TOML.

    Args:
        data: the manifest as plain data (the shape docs/manifest.md shows).
        header: comment lines to put at the top (without '#').

    Returns:
        TOML text ending with a newline.
    """
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    _section(lines, "", data, array=False)
    return "\n".join(lines).lstrip("\n") + "\n"
