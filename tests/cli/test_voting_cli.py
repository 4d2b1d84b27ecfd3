"""The scripted election through the command line: codes, kiosks, polls, cast (exit codes 0/3/4/5/6), publish."""

from __future__ import annotations

import csv
import json
import logging
import os
import stat
from pathlib import Path

import pytest

from ballot.manifest import load_manifest
from ballot.samples import sample_manifest
from crypto.codes import credential_keypair, generate_code
from tally.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def election_db(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An initialised election with a ceremony, 4 codes in tmp_path/codes, and a kiosk; polls not open."""
    db = f"sqlite:///{tmp_path / 'e.sqlite3'}"
    for j in (1, 2, 3):
        monkeypatch.setenv(f"PBVOTE_PASSPHRASE_{j}", f"trustee {j} passphrase")
    monkeypatch.setenv("PBVOTE_PASSPHRASE", "kiosk passphrase")
    assert 0 == run(capsys, "election", "init", str(sample_manifest()), "--db", db)[0]
    assert 0 == run(capsys, "trustees", "ceremony", "--trustees", "3", "--threshold", "2",
                    "--out", str(tmp_path / "trustees"), "--db", db)[0]
    assert 0 == run(capsys, "codes", "generate", "--count", "4", "--out", str(tmp_path / "codes"), "--db", db)[0]
    assert 0 == run(capsys, "kiosks", "register", "library-1", "--out", str(tmp_path / "library-1.key"),
                    "--db", db)[0]
    return db


def _codes(tmp_path: Path) -> list[str]:
    with open(tmp_path / "codes" / "codes.csv", encoding="utf-8", newline="") as fh:
        return [row["code"] for row in csv.DictReader(fh)]


def test_codes_generate_writes_private_files_and_publishes_only_public_credentials(
        election_db: str, tmp_path: Path) -> None:
    codes = _codes(tmp_path)
    assert 4 == len(codes) == len(set(codes))
    for name in ("codes.csv", "letters.pdf", "cards.pdf"):
        assert 0o600 == stat.S_IMODE((tmp_path / "codes" / name).stat().st_mode)
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("e.sqlite3*"))  # the file and any WAL left
    fingerprint = load_manifest(sample_manifest()).fingerprint
    for code in codes:
        assert credential_keypair(code, fingerprint)[1] in raw  # the public credential is there...
        assert code.encode() not in raw  # ...the code is not
        assert code.replace("-", "").encode() not in raw
    assert 0o600 == stat.S_IMODE((tmp_path / "library-1.key").stat().st_mode)


def test_codes_generate_refuses_to_overwrite_a_batch(capsys: pytest.CaptureFixture[str], election_db: str,
                                                      tmp_path: Path) -> None:
    status, _, err = run(capsys, "codes", "generate", "--count", "2", "--out", str(tmp_path / "codes"),
                         "--db", election_db)
    assert 1 == status
    assert "codes.csv: already exists" in err


def test_cast_exit_codes_follow_the_contract(capsys: pytest.CaptureFixture[str], election_db: str,
                                             tmp_path: Path) -> None:
    codes = _codes(tmp_path)
    election = load_manifest(sample_manifest())
    north = [p.id for p in election.projects_in("north")]
    db = ["--db", election_db]
    status, out, err = run(capsys, "cast", "--code", codes[0], "--choices", north[0], "--district", "north", *db)
    assert (5, "polls_closed") == (status, json.loads(out)["result"])
    assert "the polls are not open" in err
    assert 0 == run(capsys, "polls", "open", *db)[0]

    status, out, _ = run(capsys, "cast", "--code", codes[0].lower(), "--choices", f"{north[0]},{north[2]}",
                         "--district", "north", *db)
    receipt = json.loads(out)
    assert (0, "accepted") == (status, receipt["result"])
    assert 26 == len(receipt["tracking_code"])
    status, out, _ = run(capsys, "cast", "--code", codes[0], "--choices", north[1], "--district", "north", *db)
    assert (3, "already_voted") == (status, json.loads(out)["result"])
    status, _, err = run(capsys, "cast", "--code", generate_code(), "--choices", north[1], "--district", "north",
                         *db)
    assert 4 == status
    typo = ("Z" if codes[1][0] != "Z" else "Y") + codes[1][1:]
    status, _, err = run(capsys, "cast", "--code", typo, "--choices", north[1], "--district", "north", *db)
    assert 4 == status
    assert "typo" in err.lower() and codes[1] not in err
    status, _, err = run(capsys, "cast", "--code", codes[1], "--choices", ",".join(north[:6]), "--district",
                         "north", *db)
    assert 6 == status
    assert "too many picks: 6, at most 5" in err
    status, _, err = run(capsys, "cast", "--code", codes[1], "--choices", "s01", "--district", "north", *db)
    assert 6 == status
    status, out, _ = run(capsys, "cast", "--code", codes[1], "--choices", north[3], "--district", "north",
                         "--spoil", *db)
    spoiled = json.loads(out)
    assert (0, "spoiled", {north[3]: 1}) == (status, spoiled["result"], spoiled["choices"])
    status, out, _ = run(capsys, "cast", "--code", codes[1], "--choices", north[4], "--district", "north", *db)
    assert 0 == status
    assert 0 == run(capsys, "polls", "close", *db)[0]
    status, out, _ = run(capsys, "cast", "--code", codes[2], "--choices", north[0], "--district", "north", *db)
    assert (5, "closed") == (status, json.loads(out)["state"])

    status, out, _ = run(capsys, "publish", "--out", str(tmp_path / "record"), *db)
    assert 0 == status
    lines = (tmp_path / "record" / "board.jsonl").read_text().splitlines()
    assert ["open", "ballot", "spoiled", "ballot", "close"] == [json.loads(x)["kind"] for x in lines]
    assert 4 == len((tmp_path / "record" / "credentials.jsonl").read_text().splitlines())
    assert (tmp_path / "record.zip").is_file()


def test_the_board_passphrase_is_required_and_never_printed(capsys: pytest.CaptureFixture[str], election_db: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PBVOTE_BOARD_PASSPHRASE", "not the passphrase")
    status, _, err = run(capsys, "polls", "open", "--db", election_db)
    assert 1 == status
    assert "wrong passphrase" in err and "not the passphrase" not in err
    monkeypatch.delenv("PBVOTE_BOARD_PASSPHRASE")
    status, _, err = run(capsys, "polls", "open", "--db", election_db)
    assert 1 == status
    assert "PBVOTE_BOARD_PASSPHRASE" in err


def test_no_choice_or_code_reaches_logs_output_or_temp_files(capsys: pytest.CaptureFixture[str], election_db: str,
                                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    scratch = tmp_path / "scratch-tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    caplog.set_level(logging.DEBUG)
    election = load_manifest(sample_manifest())
    codes = _codes(tmp_path)
    assert 0 == run(capsys, "polls", "open", "--db", election_db)[0]
    seen = ""
    for code, district in zip(codes, ("north", "south", "north", "south"), strict=True):
        projects = election.projects_in(district)
        for chunk in (projects[:5], projects[5:]):  # every project of the district, over two voters
            ids = ",".join(p.id for p in chunk)
            status, out, err = run(capsys, "cast", "--code", code, "--choices", ids, "--district", district,
                                   "--db", election_db)
            seen += out + err
            if status == 0:
                break
    seen += "\n".join(r.getMessage() for r in caplog.records)
    seen += "".join(p.read_text(errors="replace") for p in scratch.rglob("*") if p.is_file())
    for project in election.projects:
        assert f'"{project.id}"' not in seen and f"{project.id}," not in seen
        for _lang, title in project.title.items:
            assert title not in seen
    for code in codes:
        assert code not in seen and code.replace("-", "") not in seen
    assert not os.listdir(scratch) or all(p.stat().st_size == 0 for p in scratch.rglob("*") if p.is_file())
