"""The officials' audit log and kiosk revocations (docs/spec.md section 38), checked from the record alone.

``check_audit`` recomputes the hash chain of ``audit.jsonl``, checks every
entry against the declared events (``audit_catalog``, generated from the
spec's table), the signed ``audit-head.json``, and that the log agrees with
the board (polls opened and closed at the board's ``open``/``close``
entries) and with ``kiosks.json`` (revocations).  ``check_revocations``
checks that no ballot signed by a revoked kiosk lies at or after its
revocation height.  Both fail closed: a missing file fails the check.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

from tally.verify.audit_catalog import EVENTS
from tally.verify.board import BoardFacts
from tally.verify.encoding import canonical, digest, frame, hex_bytes, integer, members, parse_canonical_line, string
from tally.verify.errors import VerifyError
from tally.verify.group import signature_verifies
from tally.verify.record import RecordState, Unavailable
from tally.verify.report import Check, Problems

__all__ = ["check_audit", "check_revocations"]

AUDIT_TAG: Final = "pbvote/1/audit"
GENESIS_TAG: Final = "pbvote/1/audit-genesis"
HEAD_TAG: Final = "pbvote/1/audit-head"
HEAD_FORMAT: Final = "pbvote-audit-head/1"
ENTRY_MEMBERS: Final = {"at", "details", "disposition", "event", "hash", "index", "previous", "role"}
ROLES: Final = frozenset({"official", "attendant", "trustee", "system"})
DISPOSITIONS: Final = frozenset({"success", "failure"})
AT_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
MAX_TEXT: Final = 300


def _details(event: str, disposition: str, value: Any) -> dict[str, Any]:
    """Item 2: declared keys only, each of its declared type."""
    declared = dict(EVENTS[event][1])
    if disposition == "failure":
        declared["reason"] = "str"
    if not isinstance(value, dict):
        raise VerifyError("details is not an object")
    for key, item in value.items():
        kind = declared.get(key)
        if kind is None:
            raise VerifyError(f"detail {key!r} is not declared for {event}")
        if kind == "int":
            integer(item, f"detail {key}")
        elif not isinstance(item, str) or len(item) > MAX_TEXT:
            raise VerifyError(f"detail {key!r} must be a string of at most {MAX_TEXT} characters")
    return value


def _entry(raw: bytes, index: int, previous: bytes) -> tuple[dict[str, Any], bytes]:
    """Items 1 and 2 for one line: the entry and its recomputed hash."""
    entry = members(parse_canonical_line(raw, "line"), ENTRY_MEMBERS, "audit entry")
    if integer(entry["index"], "index") != index:
        raise VerifyError(f"index {entry['index']}, expected {index}")
    if hex_bytes(entry["previous"], 32, "previous") != previous:
        raise VerifyError("previous is not the hash of the entry before")
    event = string(entry["event"], "event")
    if event not in EVENTS:
        raise VerifyError(f"event {event!r} is not declared (spec section 38.3)")
    if entry["disposition"] not in DISPOSITIONS or entry["role"] not in ROLES:
        raise VerifyError("disposition or role is not one of the declared values")
    if not isinstance(entry["at"], str) or AT_RE.fullmatch(entry["at"]) is None:
        raise VerifyError("at is not a UTC time YYYY-MM-DDTHH:MM:SSZ")
    _details(event, entry["disposition"], entry["details"])
    body = canonical({k: v for k, v in entry.items() if k != "hash"})
    h = digest(AUDIT_TAG, index, previous, body)
    if hex_bytes(entry["hash"], 32, "hash") != h:
        raise VerifyError("hash is not the recomputed h_i")
    return entry, h


def _head(state: RecordState, size: int, head: bytes) -> None:
    """Item 3: audit-head.json signs the recomputed log."""
    fingerprint = state.need_fingerprint()
    value = members(parse_canonical_line(state.files.read("audit-head.json"), "audit-head.json"),
                    {"election", "format", "head", "signature", "size"}, "audit-head.json")
    if value["format"] != HEAD_FORMAT or value["election"] != fingerprint.hex():
        raise VerifyError("audit-head.json: wrong format or election")
    if integer(value["size"], "size") != size:
        raise VerifyError(f"audit-head.json: size {value['size']}, audit.jsonl has {size} lines")
    if hex_bytes(value["head"], 32, "head") != head:
        raise VerifyError("audit-head.json: head is not the recomputed hash of the last entry")
    if state.board_key is None:
        raise Unavailable("cannot run: authority.json did not verify")
    if not signature_verifies(state.board_key, hex_bytes(value["signature"], 64, "signature"),
                              frame(HEAD_TAG, fingerprint, size, head)):
        raise VerifyError("audit-head.json: signature does not verify")


def _board_open(state: RecordState) -> bool:
    """Whether the board's entry 0 is an ``open`` entry (section 31.2 item 7 puts it there)."""
    for raw in state.files.lines("board.jsonl"):
        line = json.loads(raw)
        return isinstance(line, dict) and line.get("kind") == "open"
    return False


def _polls(state: RecordState, facts: BoardFacts, entries: list[dict[str, Any]], problems: Problems) -> None:
    """Item 4: polls-open/close entries sit at the board's open/close entries."""
    wanted = {"polls-open": 0 if _board_open(state) else None, "polls-close": facts.close}
    seen: dict[str, int] = {}
    for event, position in wanted.items():
        found = [e for e in entries if e["event"] == event and e["disposition"] == "success"]
        if position is None and found:
            problems.add(f"{event}: the audit log says the polls were {event[6:]}ed, the board has no such entry")
        elif position is not None and len(found) != 1:
            problems.add(f"{event}: the board has the entry at {position}, the audit log has {len(found)} "
                         f"successful {event} entries")
        elif found and found[0]["details"].get("position") != position:
            problems.add(f"{event}: audit entry {found[0]['index']} names position "
                         f"{found[0]['details'].get('position')}, the board's entry is at {position}")
        if found:
            seen[event] = found[0]["index"]
    if "polls-close" in seen and seen.get("polls-open", seen["polls-close"] + 1) > seen["polls-close"]:
        problems.add("polls-close: logged before polls-open")


def _revoked(state: RecordState) -> dict[str, int]:
    revoked = state.extra.get("revoked")
    if not isinstance(revoked, dict):
        raise Unavailable("cannot run: kiosks.json did not verify")
    return revoked


def _revocations(state: RecordState, entries: list[dict[str, Any]], problems: Problems) -> None:
    """Item 5: kiosk-revoke entries and kiosks.json's ``revoked`` agree."""
    revoked = _revoked(state)
    logged = {(e["details"].get("kiosk"), e["details"].get("height")) for e in entries
              if e["event"] == "kiosk-revoke" and e["disposition"] == "success"}
    for name, height in sorted(revoked.items()):
        if (name, height) not in logged:
            problems.add(f"kiosks.json: kiosk {name!r} revoked at {height}, no kiosk-revoke audit entry says so")
    for name, height in sorted(logged, key=str):
        if revoked.get(name) != height:
            problems.add(f"kiosk-revoke: kiosk {name!r} at height {height} is not revoked so in kiosks.json")


def check_audit(state: RecordState, facts: BoardFacts) -> Check:
    """Section 38.2 items 1 to 5: audit.jsonl and audit-head.json."""
    if not state.files.exists("audit.jsonl") or not state.files.exists("audit-head.json"):
        raise VerifyError("audit.jsonl or audit-head.json is missing (section 31.1)")
    problems = Problems()
    entries: list[dict[str, Any]] = []
    previous = digest(GENESIS_TAG)
    for index, raw in enumerate(state.files.lines("audit.jsonl")):
        try:
            entry, previous = _entry(raw, index, previous)
        except VerifyError as exc:
            raise VerifyError(f"audit.jsonl line {index}: {exc}; the chain stops there") from None
        entries.append(entry)
    _head(state, len(entries), previous)
    _polls(state, facts, entries, problems)
    _revocations(state, entries, problems)
    failures = sum(e["disposition"] == "failure" for e in entries)
    return problems.check("audit", f"{len(entries):,} audit entries ({failures} refusals or failures), signed head")


def check_revocations(state: RecordState) -> Check:
    """Section 38.2: no ballot (cast or spoiled) by a revoked kiosk at or after its revocation height."""
    revoked = _revoked(state)
    if not revoked:
        return Check("revocations", True, "no kiosk revoked")
    problems = Problems()
    for index, raw in enumerate(state.files.lines("board.jsonl")):
        if b'"kiosk"' not in raw:
            continue
        line = json.loads(raw)
        payload = line.get("payload") if isinstance(line, dict) else None
        if isinstance(payload, dict) and line.get("kind") == "spoiled":
            payload = payload.get("ballot")
        kiosk = payload.get("kiosk") if isinstance(payload, dict) else None
        if isinstance(kiosk, str) and kiosk in revoked and index >= revoked[kiosk]:
            problems.add(f"board entry {index}: signed by kiosk {kiosk!r}, revoked at height {revoked[kiosk]}")
    return problems.check("revocations", f"{len(revoked)} revoked kiosks; none signed a later entry"
                          if problems.count == 0 else f"{problems.count} entries from revoked kiosks")
