"""The manifest form's model: which field sits where in the manifest's TOML tables, and how typed text becomes a value.

The form edits the very tables ``pbvote election validate`` reads (a dict parsed
from the TOML file or built from a pabulib file) and validates them by writing
them back as TOML and parsing that with ``ballot.manifest.parse_manifest``: the
messages officials see are the CLI's, word for word.  So this module never
judges a value: text that is not a number stays text, and the parser says
"must be a positive integer ..., got 'abc'".  No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

__all__ = ["Field", "district_fields", "election_fields", "error_path", "get_value", "parse_cell", "project_fields",
           "set_value", "show_value"]

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Field:
    """One edited value: where it lives under its table, how its text converts, and its column heading.

    Attributes:
        path: keys under the row's table (``("title", "en")``, ``("ballot", "max")``).
        kind: "str", "int", "datetime", "list" (comma-separated) or "text" (a long text).
        heading: the manifest's own name of the field (``title.en``), shown as the column heading.
    """

    path: Path
    kind: str
    heading: str


def election_fields(languages: tuple[str, ...]) -> list[Field]:
    """The fields of the election's own tables (``[election]``, ``[trustees]``, ``[eligibility]``)."""
    fields = [Field(("election", "id"), "str", "election.id"),
              Field(("election", "languages"), "list", "election.languages")]
    fields += [Field(("election", "title", lang), "str", f"election.title.{lang}") for lang in languages]
    fields += [Field(("election", "description", lang), "text", f"election.description.{lang}")
               for lang in languages]
    fields += [Field(("election", "opens"), "datetime", "election.opens"),
               Field(("election", "closes"), "datetime", "election.closes"),
               Field(("election", "district_choice"), "str", "election.district_choice"),
               Field(("trustees", "count"), "int", "trustees.count"),
               Field(("trustees", "threshold"), "int", "trustees.threshold"),
               Field(("eligibility", "mode"), "str", "eligibility.mode")]
    return fields


def district_fields(languages: tuple[str, ...]) -> list[Field]:
    """The columns of the districts table (one row per ``[[districts]]``)."""
    return [Field(("id",), "str", "id"),
            *(Field(("name", lang), "str", f"name.{lang}") for lang in languages),
            Field(("budget",), "int", "budget"), Field(("currency",), "str", "currency"),
            Field(("ballot", "type"), "str", "ballot.type"), Field(("ballot", "min"), "int", "ballot.min"),
            Field(("ballot", "max"), "int", "ballot.max"), Field(("ballot", "points"), "int", "ballot.points"),
            Field(("outcome", "rule"), "str", "outcome.rule")]


def project_fields(languages: tuple[str, ...]) -> list[Field]:
    """The columns of the projects table (one row per ``[[projects]]``)."""
    return [Field(("id",), "str", "id"), Field(("district",), "str", "district"),
            *(Field(("title", lang), "str", f"title.{lang}") for lang in languages),
            Field(("cost",), "int", "cost"), Field(("category",), "str", "category"),
            Field(("image",), "str", "image"),
            *(Field(("description", lang), "text", f"description.{lang}") for lang in languages)]


def get_value(table: dict[str, Any], path: Path) -> Any:
    """The value at ``path`` under ``table`` (None when any step is missing)."""
    value: Any = table
    for key in path:
        if isinstance(value, dict) and isinstance(key, str):
            value = value.get(key)
        elif isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value):
            value = value[key]
        else:
            return None
    return value


def set_value(table: dict[str, Any], path: Path, value: Any) -> None:
    """Set ``path`` under ``table`` to ``value``, creating tables on the way; None removes the key."""
    here: Any = table
    for key in path[:-1]:
        nxt = here.get(key) if isinstance(here, dict) else None
        if not isinstance(nxt, dict):
            if value is None:
                return
            nxt = {}
            here[key] = nxt
        here = nxt
    last = path[-1]
    if value is None:
        here.pop(last, None)
    else:
        here[last] = value


def show_value(value: Any) -> str:
    """The text a field shows for a manifest value."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_cell(text: str, kind: str) -> Any:
    """The manifest value for typed ``text`` of a field of ``kind``; text that does not convert stays text.

    An empty field removes the key (the parser then says whether it was required).
    """
    text = text.strip()
    if not text:
        return None
    if kind == "int":
        digits = text.replace("_", "").replace(",", "").replace(" ", "")
        return int(digits) if re.fullmatch(r"-?\d+", digits) else text
    if kind == "datetime":
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            return text
    if kind == "list":
        return [part.strip() for part in text.split(",") if part.strip()]
    return text


_LOCATED = re.compile(r"^(?P<source>.*?):(?:(?P<line>\d+):)? (?P<path>[A-Za-z_][\w.\[\]-]*): ")
_INDEX = re.compile(r"^(?P<table>districts|projects)\[(?P<row>\d+)\]\.(?P<rest>.+)$")


def error_path(message: str) -> tuple[str, int, str] | None:
    """Where an InvalidManifest message points: ``(table, row, field)``; table "" for the election's own fields.

    ``"m.toml:41: projects[3].cost: must be ..."`` gives ``("projects", 3, "cost")`` and
    ``"m.toml:9: election.title: ..."`` gives ``("", -1, "election.title")``; None when the message names no field.
    """
    match = _LOCATED.match(message)
    if match is None:
        return None
    path = match.group("path")
    indexed = _INDEX.match(path)
    if indexed is not None:
        return indexed.group("table"), int(indexed.group("row")), indexed.group("rest")
    return "", -1, path
