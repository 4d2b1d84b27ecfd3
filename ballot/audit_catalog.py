"""The officials' audit events, declared once in ``ballot/audit_events.toml`` (docs/spec.md section 38).

Every entry of the audit log names one declared event, and carries only the
detail keys the declaration lists, each of the declared type.  An unknown
event id or an undeclared detail key is a bug in pbvote, not an official's
mistake, so it raises ``UndeclaredAuditEvent`` instead of being written:
that is how a secret can never slip into the log under a new key.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Final

from ballot.errors import BallotError

__all__ = [
    "DISPOSITIONS",
    "EVENT_TYPES",
    "ROLES",
    "AuditEventType",
    "UndeclaredAuditEvent",
    "audit_events",
    "check_entry",
]

EVENTS_FILE: Final = Path(__file__).resolve().parent / "audit_events.toml"
DISPOSITIONS: Final = ("success", "failure")
ROLES: Final = ("official", "attendant", "trustee", "system")
EVENT_TYPES: Final = ("election", "eligibility", "kiosk", "ceremony", "polls", "tally", "record", "auth")
DETAIL_TYPES: Final = ("int", "str")
REASON: Final = "reason"
"""The one detail key every failure entry may carry besides its event's own."""
MAX_TEXT: Final = 300
"""Longest detail string: refusal messages are one line."""
MAX_INT: Final = 2**53
_ID_RE: Final = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
_KEY_RE: Final = re.compile(r"[a-z][a-z0-9_]*")


class UndeclaredAuditEvent(BallotError, ValueError):
    """An audit entry names an undeclared event, role, disposition or detail key, or a value of the wrong type.

    Raised before anything is written; it always means a bug in the caller.
    """


@dataclass(frozen=True, slots=True)
class AuditEventType:
    """One declared event.

    Attributes:
        id: kebab-case event id, e.g. ``polls-open``.
        type: its category, one of EVENT_TYPES.
        description: what happened, for officials and observers.
        details: the detail keys an entry may carry and their types (``int`` or ``str``).
    """

    id: str
    type: str
    description: str
    details: Mapping[str, str]


def _parse(data: Mapping[str, object]) -> dict[str, AuditEventType]:
    events = data.get("events")
    if not isinstance(events, dict) or not events:
        raise UndeclaredAuditEvent(f"{EVENTS_FILE.name}: no [events.*] tables")
    out: dict[str, AuditEventType] = {}
    for event_id, value in events.items():
        where = f"{EVENTS_FILE.name}: events.{event_id}"
        if _ID_RE.fullmatch(event_id) is None or not isinstance(value, dict):
            raise UndeclaredAuditEvent(f"{where}: ids are kebab-case tables")
        if set(value) != {"type", "description", "details"}:
            raise UndeclaredAuditEvent(f"{where}: needs exactly type, description and details")
        kind, description, details = value["type"], value["description"], value["details"]
        if kind not in EVENT_TYPES or not isinstance(description, str) or not description:
            raise UndeclaredAuditEvent(f"{where}: type must be one of {', '.join(EVENT_TYPES)}, with a description")
        if not isinstance(details, dict) or any(
                _KEY_RE.fullmatch(k) is None or k == REASON or t not in DETAIL_TYPES for k, t in details.items()):
            raise UndeclaredAuditEvent(f"{where}: details map snake_case keys (not 'reason') to 'int' or 'str'")
        out[event_id] = AuditEventType(event_id, kind, description, MappingProxyType(dict(details)))
    return out


@cache
def audit_events() -> Mapping[str, AuditEventType]:
    """Every declared event by id, in the file's order (read once).

    Raises:
        UndeclaredAuditEvent: if the declarations file is malformed.
    """
    with open(EVENTS_FILE, "rb") as fh:
        return MappingProxyType(_parse(tomllib.load(fh)))


def check_entry(event: str, disposition: str, role: str, details: Mapping[str, str | int]) -> dict[str, str | int]:
    """Check an entry against its declaration before it is written.

    Args:
        event: a declared event id.
        disposition: ``success`` or ``failure``.
        role: who acted, one of ROLES.
        details: declared keys only (``reason`` too on a failure).

    Returns:
        The details as a plain dict.

    Raises:
        UndeclaredAuditEvent: for anything not declared, or a value of the wrong type or size.
    """
    declared = audit_events().get(event)
    if declared is None:
        raise UndeclaredAuditEvent(f"audit event {event!r} is not declared in {EVENTS_FILE.name}")
    if disposition not in DISPOSITIONS:
        raise UndeclaredAuditEvent(f"audit disposition {disposition!r}: use success or failure")
    if role not in ROLES:
        raise UndeclaredAuditEvent(f"audit role {role!r}: use one of {', '.join(ROLES)}")
    allowed = dict(declared.details)
    if disposition == "failure":
        allowed[REASON] = "str"
    out: dict[str, str | int] = {}
    for key, value in details.items():
        kind = allowed.get(key)
        if kind is None:
            raise UndeclaredAuditEvent(f"audit event {event!r}: detail {key!r} is not declared")
        if kind == "int":
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < MAX_INT:
                raise UndeclaredAuditEvent(f"audit event {event!r}: detail {key!r} must be an integer 0..2^53")
        elif not isinstance(value, str) or len(value) > MAX_TEXT:
            raise UndeclaredAuditEvent(f"audit event {event!r}: detail {key!r} must be text of at most {MAX_TEXT}")
        out[key] = value
    return out
