"""The tally checks (spec section 36 items 12-16) against a dishonest official who edits the tally's files.

Where the official also holds the ballot-box key, results.json is re-signed
(tests.verify.tamper.sign_results) so that only the check under test can
object.  Verification is serial and in-process on the 20-ballot demo record.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tally.verify import Report, verify_record
from tally.verify.counts import BabySteps, dlog_is, lagrange_at_zero
from tally.verify.encoding import canonical
from tally.verify.group import IDENTITY, L, base_mul, sub
from tally.verify.outcome import IndividualBallotsNeeded, greedy_outcome, rule_name, rule_of
from tests.verify.tamper import (
    DEMO_PASSPHRASE,
    board_lines,
    fingerprint_of,
    read_json,
    sign_results,
    write_canonical,
)


def failed(report: Report) -> set[str]:
    return {c.name for c in report.failures()}


def problems(report: Report, name: str) -> str:
    check = next(c for c in report.checks if c.name == name)
    return " | ".join((check.summary, *check.problems))


def verify(record: Path) -> Report:
    return verify_record(record, jobs=1)


# --- tally.json --------------------------------------------------------------------------------------------


def test_a_changed_sum_is_not_the_tally_of_the_board(record: Path) -> None:
    tally = read_json(record / "tally.json")
    sums = tally["districts"][0]["sums"]
    sums[0], sums[1] = sums[1], sums[0]
    write_canonical(record / "tally.json", tally)
    report = verify(record)
    assert {"tally", "decryptions"} <= failed(report)
    assert "district 'north': the sums of projects 0, 1 (0-based) are not the sums" in problems(report, "tally")
    assert "for another tally" in problems(report, "decryptions")
    assert "counts" in failed(report)  # cannot run without valid partial decryptions


def test_a_changed_ballot_count_or_board_binding_is_refused(record: Path) -> None:
    original = read_json(record / "tally.json")
    cases: dict[str, tuple[str, Any]] = {
        "ballots is 11, the board has 10 counted": ("ballots", 11),
        "board size is 22, the board was closed at size 23": ("size", 22),
        "board head is not h_c": ("head", board_lines(record)[21]["hash"]),
    }
    for reason, (member, value) in cases.items():
        tally = json.loads(json.dumps(original))
        if member == "ballots":
            tally["districts"][0]["ballots"] = value
        else:
            tally["board"][member] = value
        write_canonical(record / "tally.json", tally)
        report = verify(record)
        assert "tally" in failed(report), reason
        assert reason in problems(report, "tally")


def test_a_tally_without_a_close_entry_or_not_canonical_is_refused(record: Path) -> None:
    data = (record / "tally.json").read_bytes()
    (record / "tally.json").write_bytes(data + b"\n")
    assert "not canonical JSON" in problems(verify(record), "tally")
    (record / "tally.json").write_bytes(data)
    (record / "results.json").unlink()
    report = verify(record)
    assert "results.json missing" in problems(report, "tally")
    assert {"tally", "decryptions", "counts", "outcomes", "results"} <= failed(report)


def retally(record: Path, demo_dir: Path, tally: dict[str, Any], trustees: tuple[int, ...]) -> None:
    """Publish ``tally`` with the partial decryptions of ``trustees`` and results signed for it.

    What trustees and an official acting together could do: the application's own code (the tests may
    use it, the verifier may not) decrypts whatever tally it is handed, the ballot-box key signs.
    """
    from ballot.manifest import load_manifest
    from ballot.samples import sample_manifest
    from tally.ceremony import read_share_file
    from tally.decryption import combine, decrypt_tally
    from tally.homomorphic import parse_tally
    from tally.results import district_outcome, outcome_to_json

    election = load_manifest(sample_manifest())
    assert election.fingerprint == fingerprint_of(record)
    write_canonical(record / "tally.json", tally)
    parsed = parse_tally(canonical(tally), election)
    shutil.rmtree(record / "decryptions")
    (record / "decryptions").mkdir()
    decryptions = {}
    for j in trustees:
        share = read_share_file(demo_dir / "trustees" / f"trustee-{j}.share", DEMO_PASSPHRASE, election.fingerprint)
        decryptions[j] = decrypt_tally(parsed, election, share)
        (record / "decryptions" / f"trustee-{j}.json").write_bytes(decryptions[j].to_canonical_bytes())
    counts = combine(parsed, election, decryptions, len(trustees))
    results = read_json(record / "results.json")
    results["tally"] = parsed.tally_hash.hex()
    results["trustees"] = list(trustees)
    for d in results["districts"]:
        district = election.district(d["district"])
        projects = election.projects_in(district.id)
        values = counts.of(district.id)
        d["ballots"] = next(x.ballots for x in parsed.districts if x.district == district.id)
        d["counts"] = [{"count": c, "project": p.id} for p, c in zip(projects, values, strict=True)]
        d["outcome"] = outcome_to_json(district_outcome(district, projects, values))
    sign_results(record, demo_dir, results)


@pytest.mark.parametrize("trustees", [(1, 3), (2, 3)])
def test_any_k_trustees_may_decrypt(record: Path, demo_dir: Path, trustees: tuple[int, ...]) -> None:
    original = read_json(record / "results.json")
    retally(record, demo_dir, read_json(record / "tally.json"), trustees)
    report = verify(record)
    assert report.valid, report.to_text()
    assert f"trustees {trustees[0]}, {trustees[1]}: 40 Chaum-Pedersen" in problems(report, "decryptions")
    assert original["districts"] == read_json(record / "results.json")["districts"]


def test_a_tally_omitting_a_ballot_with_consistent_decryptions_and_signed_results_fails_only_the_tally(
        record: Path, demo_dir: Path) -> None:
    """The strongest forgery: trustees decrypt a tally without one ballot, the results are signed for it."""
    dropped = next(x["payload"] for x in board_lines(record)
                   if x["kind"] == "ballot" and x["payload"]["district"] == "north")
    tally = read_json(record / "tally.json")
    north = tally["districts"][0]
    north["ballots"] -= 1
    north["sums"] = [[sub(bytes.fromhex(a), bytes.fromhex(x)).hex(), sub(bytes.fromhex(b), bytes.fromhex(y)).hex()]
                     for (a, b), (x, y) in zip(north["sums"], dropped["selections"], strict=True)]
    retally(record, demo_dir, tally, (1, 2))
    report = verify(record)
    assert {"tally"} == failed(report)
    assert "district 'north': ballots is 9, the board has 10 counted" in problems(report, "tally")


# --- partial decryptions -----------------------------------------------------------------------------------


def test_a_changed_share_or_proof_is_refused(record: Path) -> None:
    path = record / "decryptions" / "trustee-2.json"
    original = read_json(path)
    for member in ("share", "c", "z"):
        value = json.loads(json.dumps(original))
        shares = value["districts"][1]["shares"]
        if member == "share":
            shares[3]["share"] = shares[4]["share"]
        else:
            shares[3]["proof"][member] = shares[4]["proof"][member]
        write_canonical(path, value)
        report = verify(record)
        assert {"decryptions", "counts"} == failed(report), member
        assert "trustee 2's partial decryption: the proofs of south/s04 do not verify" in problems(report,
                                                                                                  "decryptions")
        assert "the partial decryptions did not verify" in problems(report, "counts")


def test_a_share_moved_to_another_trustee_or_project_does_not_verify(record: Path) -> None:
    one = read_json(record / "decryptions" / "trustee-1.json")
    two = read_json(record / "decryptions" / "trustee-2.json")
    two["districts"][0]["shares"][0] = one["districts"][0]["shares"][0]
    write_canonical(record / "decryptions" / "trustee-2.json", two)
    assert "north/n01 do not verify" in problems(verify(record), "decryptions")
    one["trustee"] = 2
    write_canonical(record / "decryptions" / "trustee-2.json", one)
    assert "north/n01, north/n02" in problems(verify(record), "decryptions")


def test_a_dropped_or_extra_decryption_file_is_refused(record: Path) -> None:
    shutil.copy(record / "decryptions" / "trustee-1.json", record / "decryptions" / "trustee-3.json")
    report = verify(record)
    assert {"decryptions", "counts"} == failed(report)
    assert "decryptions/trustee-3.json: not the file of a trustee results.json names" in problems(report,
                                                                                                 "decryptions")
    (record / "decryptions" / "trustee-3.json").unlink()
    (record / "decryptions" / "trustee-2.json").unlink()
    report = verify(record)
    assert {"decryptions", "counts"} == failed(report)
    assert "decryptions/trustee-2.json: missing from the record" in problems(report, "decryptions")


def test_results_naming_other_or_too_few_trustees_are_refused(record: Path, demo_dir: Path) -> None:
    results = read_json(record / "results.json")
    for trustees in ([1, 3], [2, 1], [1], [1, 1], [0, 1]):
        results["trustees"] = trustees
        sign_results(record, demo_dir, results)
        report = verify(record)
        assert "decryptions" in failed(report), trustees
        assert "results" not in failed(report), trustees


# --- counts, outcomes, results -----------------------------------------------------------------------------


def test_a_changed_count_is_refused_even_when_signed(record: Path, demo_dir: Path) -> None:
    results = read_json(record / "results.json")
    north = results["districts"][0]
    north["counts"][4]["count"] += 1  # n05: 1 -> 2, the outcome is unchanged (it still fits last)
    sign_results(record, demo_dir, results)
    report = verify(record)
    assert "counts" in failed(report)
    assert "results" not in failed(report)
    assert "district 'north', project 'n05': results.json says 2, the decryption gives 1" in problems(report,
                                                                                                       "counts")
    north["counts"][4]["count"] = 11  # above the bound of 10 ballots
    sign_results(record, demo_dir, results)
    assert "results.json says 11, the decryption gives 1" in problems(verify(record), "counts")


@pytest.mark.parametrize("change", ["reason", "funded", "remaining", "order", "selected", "spent", "rule", "notes"])
def test_a_changed_outcome_is_refused_even_when_signed(record: Path, demo_dir: Path, change: str) -> None:
    results = read_json(record / "results.json")
    outcome = results["districts"][0]["outcome"]
    steps = outcome["explanation"]
    if change == "reason":
        steps[3]["reason"] = "below threshold"
    elif change == "funded":
        steps[3]["funded"] = True
    elif change == "remaining":
        steps[0]["remaining"] += 1
    elif change == "order":
        steps[0], steps[1] = steps[1], steps[0]
    elif change == "selected":
        outcome["selected"] = outcome["selected"][:-1]
    elif change == "spent":
        outcome["spent"] -= 1
    elif change == "rule":
        outcome["rule"] = "greedy-no-skip"
    else:
        outcome["notes"] = ["recount"]
    sign_results(record, demo_dir, results)
    report = verify(record)
    assert {"outcomes"} == failed(report), change
    assert "district 'north': " in problems(report, "outcomes")


def test_a_broken_signature_or_changed_member_of_results_is_refused(record: Path, demo_dir: Path) -> None:
    results = read_json(record / "results.json")
    original = json.loads(json.dumps(results))
    results["signature"] = results["signature"][:-2] + ("00" if results["signature"][-2:] != "00" else "11")
    write_canonical(record / "results.json", results)
    report = verify(record)
    assert {"results"} == failed(report)
    assert "results.json: the signature does not verify with the ballot box's key" in problems(report, "results")
    for member, value, reason in [("ballots", 11, "ballots is 11, tally.json has 10"),
                                  ("budget", 1, "budget or currency is not the manifest's"),
                                  ("currency", "EUR", "budget or currency is not the manifest's")]:
        results = json.loads(json.dumps(original))
        results["districts"][0][member] = value
        sign_results(record, demo_dir, results)
        report = verify(record)
        assert "results" in failed(report), member
        assert reason in problems(report, "results")
    results = json.loads(json.dumps(original))
    results["tally"] = "00" * 32
    sign_results(record, demo_dir, results)
    assert "tally is not H_T of tally.json" in problems(verify(record), "results")
    for bad in ({**original, "extra": 1}, {**original, "format": "pbvote-results/2"}):
        sign_results(record, demo_dir, bad)
        assert {"counts", "outcomes", "results"} <= failed(verify(record))


def test_an_equal_shares_district_makes_the_results_invalid(record: Path) -> None:
    manifest = read_json(record / "manifest.json")
    manifest["districts"][1]["outcome"] = {"completion": "add1", "fill": "greedy", "rule": "equal-shares"}
    (record / "manifest.json").write_bytes(canonical(manifest))
    results = read_json(record / "results.json")
    results["election"] = fingerprint_of(record).hex()
    write_canonical(record / "results.json", results)
    report = verify(record)
    assert "outcomes" in failed(report)
    assert ("district 'south' uses equal-shares, which needs individual ballots: pbvote-spec/1 publishes no results"
            in problems(report, "outcomes"))


def test_parallel_and_serial_reports_are_identical_on_tampered_tallies(record: Path, demo_dir: Path) -> None:
    tally = read_json(record / "tally.json")
    tally["districts"][1]["ballots"] += 1
    write_canonical(record / "tally.json", tally)
    (record / "decryptions" / "trustee-1.json").unlink()
    results = read_json(record / "results.json")
    results["districts"][0]["outcome"]["spent"] += 1
    sign_results(record, demo_dir, results)
    serial = verify_record(record, jobs=1)
    assert {"tally", "decryptions", "counts", "outcomes", "results"} == failed(serial)
    assert serial == verify_record(record, jobs=2)


# --- receipts ----------------------------------------------------------------------------------------------


def test_a_receipt_is_included_in_the_tally_only_when_the_tally_verifies(demo_dir: Path, untallied_dir: Path,
                                                                         record: Path) -> None:
    code = sorted(p.stem for p in (demo_dir / "receipts").glob("*.pdf"))[0]
    check = verify_record(demo_dir / "record", jobs=1, receipt=code).checks[-1]
    assert check.ok and check.summary.endswith(", included in the tally")
    check = verify_record(untallied_dir, jobs=1, receipt=code).checks[-1]
    assert check.ok and check.summary.endswith(", valid; no tally has been published yet")
    tally = read_json(record / "tally.json")
    tally["board"]["size"] -= 1
    write_canonical(record / "tally.json", tally)
    check = verify_record(record, jobs=1, receipt=code).checks[-1]
    assert not check.ok and "the published tally does not verify" in check.summary


# --- the arithmetic, from the spec's definitions -----------------------------------------------------------


def test_bounded_dlog_finds_every_value_in_range_and_refuses_outside() -> None:
    for bound in (0, 1, 2, 10, 99, 1000):
        steps = BabySteps(bound)
        for m in {0, min(1, bound), bound // 2, bound}:
            assert m == steps.dlog(base_mul(m)), (bound, m)
            assert dlog_is(base_mul(m), m, bound)
        assert steps.dlog(base_mul(bound + 1)) is None
        assert not dlog_is(base_mul(bound + 1), bound + 1, bound)
        assert steps.dlog(base_mul(L - 1)) is None
    assert IDENTITY == base_mul(0)


def test_lagrange_at_zero_interpolates() -> None:
    secret, slope = 1234567, 89
    shares = {j: (secret + slope * j) % L for j in (1, 2, 3)}
    for subset in ([1, 2], [1, 3], [2, 3]):
        assert secret == sum(lagrange_at_zero(j, subset) * shares[j] for j in subset) % L


def test_greedy_rules_follow_section_35() -> None:
    projects = [("a", 50), ("b", 30), ("c", 30), ("d", 10)]
    counts = [5, 5, 5, 1]
    out = greedy_outcome("greedy", 0, 70, projects, counts)
    # score desc, then cost asc, then id asc: b, c, a, d
    assert ["b", "c", "a", "d"] == [s["project"] for s in out["explanation"]]
    assert ["b", "c", "d"] == out["selected"] and 70 == out["spent"] and "greedy" == out["rule"]
    assert ["fits", "fits", "does not fit", "fits"] == [s["reason"] for s in out["explanation"]]
    out = greedy_outcome("greedy-no-skip", 0, 70, projects, counts)
    assert ["fits", "fits", "does not fit", "stopped"] == [s["reason"] for s in out["explanation"]]
    assert 60 == out["spent"] and 10 == out["explanation"][-1]["remaining"]
    out = greedy_outcome("greedy-threshold", 2, 100, projects, counts)
    assert "below threshold" == out["explanation"][-1]["reason"] and "greedy-threshold" == out["rule"]
    assert "greedy-threshold" == rule_name("greedy", 3)
    assert "greedy-no-skip-threshold" == rule_name("greedy-no-skip", 3)
    with pytest.raises(IndividualBallotsNeeded):
        rule_of("x", {"completion": "add1", "fill": "none", "rule": "equal-shares"})


def test_a_second_ballot_of_a_credential_is_taken_out_of_the_sums(record: Path) -> None:
    """It passes section 26.5 on its own (so its chunk summed it) but is not counted: the sums stay right."""
    from tests.verify.tamper import write_board

    lines = board_lines(record)
    first = next(i for i, x in enumerate(lines) if x["kind"] == "ballot")
    write_board(record, [*lines[:first + 1], json.loads(json.dumps(lines[first])), *lines[first + 1:]])
    for jobs in (1, 2):
        report = verify_record(record, jobs=jobs)
        text = problems(report, "tally")
        assert "board size is 23, the board was closed at size 24" in text
        assert "1 of the 21 ballot entries before the close entry fail their checks" in text
        assert "are not the sums of the counted ballots" not in text and "ballots is" not in text
