"""The whole lifecycle through ``pbvote``: ceremony, cast, close, each trustee decrypts, tally, publish."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from ballot.samples import sample_manifest
from tally.cli import main
from tally.results import parse_results

CASTS = [("north", "n01,n02"), ("north", "n01"), ("north", "n03,n01"), ("south", "s01")]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def voted(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The sample election with 3 trustees (threshold 2), four ballots cast through ``pbvote cast``; polls open."""
    db = f"sqlite:///{tmp_path / 'e.sqlite3'}"
    for j in (1, 2, 3):
        monkeypatch.setenv(f"PBVOTE_PASSPHRASE_{j}", f"trustee {j} passphrase")
    assert 0 == run(capsys, "election", "init", str(sample_manifest()), "--db", db)[0]
    assert 0 == run(capsys, "trustees", "ceremony", "--trustees", "3", "--threshold", "2",
                    "--out", str(tmp_path / "trustees"), "--db", db)[0]
    assert 0 == run(capsys, "codes", "generate", "--count", "4", "--out", str(tmp_path / "codes"), "--db", db)[0]
    assert 0 == run(capsys, "polls", "open", "--db", db)[0]
    with open(tmp_path / "codes" / "codes.csv", encoding="utf-8", newline="") as fh:
        codes = [row["code"] for row in csv.DictReader(fh)]
    for code, (district, choices) in zip(codes, CASTS, strict=True):
        assert 0 == run(capsys, "cast", "--code", code, "--choices", choices, "--district", district, "--db", db)[0]
    return db


def _decrypt(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db: str, j: int,
             *extra: str) -> tuple[int, str, str]:
    monkeypatch.setenv("PBVOTE_PASSPHRASE", f"trustee {j} passphrase")
    return run(capsys, "trustees", "decrypt", "--share", str(tmp_path / "trustees" / f"trustee-{j}.share"),
               "--db", db, *extra)


def test_the_whole_lifecycle_through_the_command_line(capsys: pytest.CaptureFixture[str], voted: str,
                                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    status, _, err = _decrypt(capsys, monkeypatch, tmp_path, voted, 1)
    assert 1 == status and "the polls are still open" in err
    assert 0 == run(capsys, "polls", "close", "--db", voted)[0]
    status, out, err = _decrypt(capsys, monkeypatch, tmp_path, voted, 1)
    assert 0 == status, err
    assert "stored as decryptions/trustee-1.json" in out and "tally: 4 ballots summed" in err
    assert "trustee 1 passphrase" not in out + err
    status, _, err = run(capsys, "tally", "--db", voted)
    assert 1 == status and "2 valid partial decryptions are needed, 1 available (trustees: 1)" in err

    copy = tmp_path / "usb" / "trustee-3.json"
    copy.parent.mkdir()
    assert 0 == _decrypt(capsys, monkeypatch, tmp_path, voted, 3, "--out", str(copy))[0]
    value = json.loads(copy.read_bytes())
    value["districts"][0]["shares"][0]["share"] = value["districts"][0]["shares"][1]["share"]  # a wrong share
    wrong = tmp_path / "usb" / "wrong-3.json"
    wrong.write_text(json.dumps(value, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    assert 0 == _decrypt(capsys, monkeypatch, tmp_path, voted, 2)[0]

    status, out, err = run(capsys, "tally", "--partial", str(wrong), "--db", voted)
    assert 0 == status, err
    assert "trustee 3's partial decryption does not verify: ignored" in err
    assert "[north]: 3 ballots, rule greedy" in out and "trustees 1, 2" in out

    record = tmp_path / "record"
    assert 0 == run(capsys, "publish", "--out", str(record), "--db", voted)[0]
    results = parse_results((record / "results.json").read_bytes())
    assert (1, 2) == results.trustees
    assert [3, 1, 1] == [c.count for c in results.district("north").counts[:3]]
    assert [1] == [c.count for c in results.district("south").counts[:1]]
    assert ["trustee-1.json", "trustee-2.json"] == sorted(p.name for p in (record / "decryptions").iterdir())
    assert (record / "tally.json").read_bytes().startswith(b'{"board":')
    with zipfile.ZipFile(tmp_path / "record.zip") as zf:
        assert {"record/results.json", "record/tally.json", "record/decryptions/trustee-2.json"} <= set(zf.namelist())
    for lang, title in (("en", "Results"), ("zh-TW", "投票結果")):
        report = PdfReader(tmp_path / f"record-results-{lang}.pdf")
        assert title in report.pages[0].extract_text()


def test_an_equal_shares_district_is_refused_with_its_name(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'e.sqlite3'}"
    assert 0 == run(capsys, "election", "init", str(sample_manifest("riverside-knapsack")), "--db", db)[0]
    status, _, err = run(capsys, "tally", "--db", db)
    assert 1 == status
    assert "district 'riverside' uses Equal Shares, which needs individual ballots" in err
