"""Tampering with the published audit log (spec section 38) makes the record INVALID, naming the check.

Some tamperings are crude (a flipped byte, a dropped line); the others are
what a dishonest official holding the ballot-box key could do: rewrite
entries, recompute the whole chain and sign a new audit head.  Those must
still be caught by the declared-events, polls and revocation checks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tally.verify import verify_record
from tally.verify.encoding import canonical, digest
from tests.verify.tamper import DEMO_PASSPHRASE, fingerprint_of


def _lines(record: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (record / "audit.jsonl").read_bytes().splitlines()]


def _rewrite(record: Path, demo_dir: Path, lines: list[dict[str, Any]]) -> None:
    """Write audit.jsonl with a recomputed chain and a head signed with the demo's real ballot-box key."""
    from ballot.audit_chain import sign_audit_head
    from ballot.authority import unlock_board_key
    from ballot.storage import Store

    previous = digest("pbvote/1/audit-genesis")
    for i, line in enumerate(lines):
        line["index"], line["previous"] = i, previous.hex()
        body = canonical({k: v for k, v in line.items() if k != "hash"})
        previous = digest("pbvote/1/audit", i, previous, body)
        line["hash"] = previous.hex()
    (record / "audit.jsonl").write_bytes(b"".join(canonical(line) + b"\n" for line in lines))
    with Store(f"sqlite:///{(demo_dir / 'pbvote.sqlite3').resolve()}").read() as s:
        key = unlock_board_key(s, DEMO_PASSPHRASE)
    fingerprint = fingerprint_of(record)
    head = {"election": fingerprint.hex(), "format": "pbvote-audit-head/1", "head": previous.hex(),
            "signature": sign_audit_head(key, fingerprint, len(lines), previous).hex(), "size": len(lines)}
    (record / "audit-head.json").write_bytes(canonical(head) + b"\n")


def _failed(record: Path) -> dict[str, str]:
    report = verify_record(record, jobs=1)
    assert not report.valid
    return {c.name: " ".join(c.problems) or c.summary for c in report.failures()}


def test_the_honest_log_lists_every_step_and_verifies(record: Path, demo_dir: Path) -> None:
    report = verify_record(record, jobs=1)
    assert report.valid, report.to_text()
    events = [line["event"] for line in _lines(record)]
    for step in ("election-init", "ceremony-complete", "codes-generate", "kiosk-register", "polls-open",
                 "polls-close", "trustee-decrypt", "tally-complete", "record-publish"):
        assert step in events
    _rewrite(record, demo_dir, _lines(record))  # the helper itself reproduces the honest bytes
    assert verify_record(record, jobs=1).valid


def test_the_log_and_the_database_hold_no_code_passphrase_or_selection(record: Path, demo_dir: Path) -> None:
    audit = (record / "audit.jsonl").read_bytes()
    database = b"".join(p.read_bytes() for p in demo_dir.glob("pbvote.sqlite3*"))
    codes = [line.strip() for path in demo_dir.glob("codes/*.csv")
             for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    assert codes, "the demo writes its codes for the mail merge"
    for secret in [*codes, DEMO_PASSPHRASE]:
        assert secret.encode() not in audit
        assert secret.encode() not in database
    manifest = json.loads((record / "manifest.json").read_bytes())
    for project in manifest["projects"]:
        assert f'"{project["id"]}"'.encode() not in audit
    per_voter = ("cast", "check-in", "spoil", "receipt", "vote")
    assert not [line["event"] for line in _lines(record) if any(word in line["event"] for word in per_voter)]


def test_a_flipped_byte_breaks_the_chain(record: Path) -> None:
    data = bytearray((record / "audit.jsonl").read_bytes())
    at = data.index(b'"event":"polls-open"') + 10
    data[at] = ord("P")
    (record / "audit.jsonl").write_bytes(bytes(data))
    assert "audit" in _failed(record)


def test_a_dropped_last_entry_no_longer_matches_the_signed_head(record: Path) -> None:
    lines = (record / "audit.jsonl").read_bytes().splitlines(keepends=True)
    (record / "audit.jsonl").write_bytes(b"".join(lines[:-1]))
    assert "size" in _failed(record)["audit"]


@pytest.mark.parametrize("name", ["audit.jsonl", "audit-head.json"])
def test_a_missing_audit_file_fails_closed(record: Path, name: str) -> None:
    (record / name).unlink()
    assert "missing" in _failed(record)["audit"]


def test_a_rechained_undeclared_event_is_refused(record: Path, demo_dir: Path) -> None:
    lines = _lines(record)
    lines.insert(3, {**lines[2], "event": "ballot-cast", "details": {}})
    _rewrite(record, demo_dir, lines)
    assert "not declared" in _failed(record)["audit"]


def test_a_rechained_undeclared_detail_key_is_refused(record: Path, demo_dir: Path) -> None:
    lines = _lines(record)
    codes = next(line for line in lines if line["event"] == "codes-generate")
    codes["details"]["code"] = "3MWX-T43K-XXXX-XXXX"
    _rewrite(record, demo_dir, lines)
    assert "'code' is not declared" in _failed(record)["audit"]


def test_a_rechained_log_that_hides_the_close_disagrees_with_the_board(record: Path, demo_dir: Path) -> None:
    _rewrite(record, demo_dir, [line for line in _lines(record) if line["event"] != "polls-close"])
    assert "polls-close" in _failed(record)["audit"]


def test_a_rechained_polls_open_at_another_position_disagrees_with_the_board(record: Path, demo_dir: Path) -> None:
    lines = _lines(record)
    next(line for line in lines if line["event"] == "polls-open")["details"]["position"] = 3
    _rewrite(record, demo_dir, lines)
    assert "names position 3" in _failed(record)["audit"]


def test_a_head_signed_for_another_size_is_refused(record: Path, demo_dir: Path) -> None:
    _rewrite(record, demo_dir, _lines(record))
    head = json.loads((record / "audit-head.json").read_bytes())
    head["signature"] = "00" * 64
    (record / "audit-head.json").write_bytes(canonical(head) + b"\n")
    assert "signature does not verify" in _failed(record)["audit"]


def test_a_kiosk_marked_revoked_before_its_ballots_fails_both_checks(record: Path) -> None:
    kiosks = json.loads((record / "kiosks.json").read_bytes())
    assert kiosks, "the demo registers a kiosk"
    kiosks[0]["revoked"] = 1
    (record / "kiosks.json").write_bytes(canonical(kiosks) + b"\n")
    board = [json.loads(line) for line in (record / "board.jsonl").read_bytes().splitlines()]
    signed = [i for i, line in enumerate(board) if i >= 1 and (
        line["payload"].get("kiosk") or line["payload"].get("ballot", {}).get("kiosk")) == kiosks[0]["name"]]
    failed = _failed(record)
    assert signed, "the demo casts at its kiosk"
    assert "no kiosk-revoke audit entry" in failed["audit"]
    assert f"board entry {signed[0]}" in failed["revocations"]
