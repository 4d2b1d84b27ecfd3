"""Acceptance: every tampering with the record is reported INVALID naming a failed check, never a crash.

Single bytes are changed at positions spread over every file (seeded), and
structural changes are applied (drop, duplicate, reorder, swap a proof,
move a ballot to another district, change a cost or budget, a trustee key,
truncate a file, add an unknown member).  The record carries its tally
(tally.json, the partial decryptions, results.json), so the tally's files
are tampered with too; tests/verify/test_tally_checks.py has the tally's
structural cases.  Verification is serial and
in-process on the 20-ballot demo record so the whole file stays fast.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from tally.verify import Report, verify_record
from tally.verify.encoding import canonical
from tests.verify.tamper import board_lines, is_noop, write_board

POSITIONS = 150


TALLY_FILES = ("tally.json", "results.json", "decryptions/trustee-1.json", "decryptions/trustee-2.json")


def failed_checks(report: Report) -> set[str]:
    return {c.name for c in report.checks if not c.ok}


def test_the_honest_record_passes_every_check(record: Path) -> None:
    assert set() == failed_checks(verify_record(record, jobs=1))


def test_single_bytes_changed_anywhere_are_reported(record: Path) -> None:
    rng = random.Random(7)
    files = sorted(p for p in record.rglob("*") if p.is_file())
    originals = {p: p.read_bytes() for p in files}
    weights = {p: (40 if p.name == "board.jsonl" else 2 if p.parent.name == "images" else 10) for p in files}
    assert set(TALLY_FILES) <= {p.relative_to(record).as_posix() for p in files}
    plan = [(p, rng.randrange(len(originals[p])), rng.randrange(1, 256))
            for p in rng.choices(files, weights=[weights[p] for p in files], k=POSITIONS)]
    missed = []
    tally_changes = 0
    for path, offset, flip in plan:
        data = bytearray(originals[path])
        data[offset] ^= flip
        if is_noop(path, bytes(data), originals[path]):
            continue
        path.write_bytes(bytes(data))
        try:
            report = verify_record(record, jobs=1)
        finally:
            path.write_bytes(originals[path])
        tally_changes += path.relative_to(record).as_posix() in TALLY_FILES
        if not failed_checks(report):
            missed.append(f"{path.relative_to(record)}@{offset}^{flip}")
    assert [] == missed
    assert tally_changes >= 20


def _ballot_positions(lines: list[dict[str, Any]]) -> list[int]:
    return [i for i, line in enumerate(lines) if line["kind"] == "ballot"]


def test_dropping_duplicating_or_reordering_board_lines(record: Path) -> None:
    original = board_lines(record)
    first, second = _ballot_positions(original)[:2]
    cases = {
        "drop": [x for i, x in enumerate(original) if i != first],
        "duplicate": [*original[:first + 1], original[first], *original[first + 1:]],
        "reorder": [*original[:first], original[second], original[first], *original[second + 1:]]
        if second == first + 1 else None,
        "drop last": original[:-1],
    }
    for name, lines in cases.items():
        if lines is None:
            continue
        write_board(record, [dict(x) for x in lines], rechain=False)
        # a truncated chain is still a chain: the signed head exposes it (spec section 23)
        assert ({"head"} if name == "drop last" else {"chain"}) <= failed_checks(verify_record(record, jobs=1)), name
        write_board(record, [dict(x) for x in lines], rechain=True)
        assert failed_checks(verify_record(record, jobs=1)), name
    write_board(record, original, rechain=False)
    assert set() == failed_checks(verify_record(record, jobs=1))


def test_rechained_duplicate_is_a_reused_ciphertext_and_a_second_vote(record: Path) -> None:
    lines = board_lines(record)
    first = _ballot_positions(lines)[0]
    write_board(record, [*lines[:first + 1], json.loads(json.dumps(lines[first])), *lines[first + 1:]])
    failed = failed_checks(verify_record(record, jobs=1))
    assert {"ballots", "ciphertexts", "polls", "head"} <= failed


def test_a_proof_swapped_between_ballots_is_caught_by_the_proof_check(record: Path) -> None:
    lines = board_lines(record)
    a, b = [lines[i]["payload"] for i in _ballot_positions(lines) if lines[i]["payload"]["district"] == "north"][:2]
    a["proofs"]["selections"][0], b["proofs"]["selections"][0] = b["proofs"]["selections"][0], a["proofs"]["selections"][0]
    write_board(record, lines)
    report = verify_record(record, jobs=1)
    ballots = next(c for c in report.checks if c.name == "ballots")
    assert not ballots.ok and 2 == ballots.problem_count
    assert any("signature does not verify" in p for p in ballots.problems)


def test_a_ballot_moved_to_another_district_is_invalid(record: Path) -> None:
    lines = board_lines(record)
    i = next(i for i in _ballot_positions(lines) if lines[i]["payload"]["district"] == "north")
    lines[i]["payload"]["district"] = "south"
    write_board(record, lines)
    assert "ballots" in failed_checks(verify_record(record, jobs=1))


def test_an_unknown_member_in_a_ballot_or_a_file_is_refused(record: Path) -> None:
    lines = board_lines(record)
    lines[_ballot_positions(lines)[0]]["payload"]["comment"] = "hi"
    write_board(record, lines)
    assert "ballots" in failed_checks(verify_record(record, jobs=1))
    authority = json.loads((record / "authority.json").read_bytes())
    authority["extra"] = 1
    (record / "authority.json").write_bytes(canonical(authority) + b"\n")
    assert "authority" in failed_checks(verify_record(record, jobs=1))


@pytest.mark.parametrize("member", ["cost", "budget"])
def test_a_changed_cost_or_budget_changes_the_fingerprint(record: Path, member: str) -> None:
    manifest = json.loads((record / "manifest.json").read_bytes())
    target = manifest["projects"][0] if member == "cost" else manifest["districts"][0]
    target[member] += 1
    (record / "manifest.json").write_bytes(canonical(manifest))
    failed = failed_checks(verify_record(record, jobs=1))
    assert {"ceremony", "authority", "ballots", "head"} <= failed


def test_a_changed_trustee_key_is_refused(record: Path, demo_dir: Path) -> None:
    ceremony = json.loads((record / "ceremony.json").read_bytes())
    c = ceremony["commitments"]
    c[0]["commitments"][0], c[1]["commitments"][0] = c[1]["commitments"][0], c[0]["commitments"][0]
    (record / "ceremony.json").write_bytes(canonical(ceremony))
    failed = failed_checks(verify_record(record, jobs=1))
    assert {"ceremony", "ballots", "spoiled"} <= failed


@pytest.mark.parametrize("name", ["board.jsonl", "manifest.json", "ceremony.json", "head.json", "kiosks.json",
                                  "credentials.jsonl", "authority.json", *TALLY_FILES])
def test_truncated_or_missing_files_are_reported(record: Path, name: str) -> None:
    data = (record / name).read_bytes()
    (record / name).write_bytes(data[:len(data) // 2])
    assert failed_checks(verify_record(record, jobs=1))
    (record / name).unlink()
    assert failed_checks(verify_record(record, jobs=1))


def test_wrong_json_types_become_failed_checks(record: Path) -> None:
    for name, value in [("kiosks.json", {"a": 1}), ("head.json", []), ("authority.json", "x"),
                        ("manifest.json", [1, 2]), ("tally.json", []), ("results.json", {"a": 1}),
                        ("decryptions/trustee-1.json", "x"), ("results.json", {"districts": 1, "election": 2,
                                                                              "format": "pbvote-results/1",
                                                                              "signature": None, "tally": [],
                                                                              "trustees": {}})]:
        original = (record / name).read_bytes()
        newline = name.endswith(("kiosks.json", "head.json", "authority.json"))
        (record / name).write_bytes(canonical(value) + (b"\n" if newline else b""))
        assert failed_checks(verify_record(record, jobs=1)), name
        (record / name).write_bytes(original)
    lines = board_lines(record)
    bad: Any
    for bad in (None, 5, "x", [], {"ballot": 3}):
        lines[1]["payload"] = bad
        write_board(record, lines)
        assert failed_checks(verify_record(record, jobs=1))
