"""The verifier on an honest demo record: every board check passes, the tally is missing (fail closed)."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tally.cli import main
from tally.verify import verify_record

BOARD_CHECKS = ["libsodium", "fingerprint", "ceremony", "authority", "credentials", "kiosks", "images", "chain",
                "entry kinds", "polls", "ballots", "spoiled", "ciphertexts", "head"]


def test_an_honest_record_passes_every_board_check_and_is_invalid_without_a_tally(demo_dir: Path) -> None:
    report = verify_record(demo_dir / "record", jobs=1)
    by_name = {c.name: c for c in report.checks}
    assert [*BOARD_CHECKS, "tally"] == [c.name for c in report.checks]
    assert [] == [c.name for c in report.checks if not c.ok and c.name != "tally"]
    assert "20 valid" in by_name["ballots"].summary
    assert "1 spoiled" in by_name["spoiled"].summary
    assert "no tally published" == by_name["tally"].summary
    assert not report.valid


def test_parallel_and_serial_reports_are_identical(demo_dir: Path) -> None:
    assert verify_record(demo_dir / "record", jobs=1) == verify_record(demo_dir / "record", jobs=2)


def test_the_zip_verifies_like_the_directory(demo_dir: Path) -> None:
    folder = verify_record(demo_dir / "record", jobs=1)
    zipped = verify_record(demo_dir / "record.zip", jobs=1)
    assert folder.checks == zipped.checks


def test_python_m_tally_verify_prints_json_and_exits_1_without_tally(demo_dir: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "tally.verify", str(demo_dir / "record"), "--json", "--jobs", "1"],
                          capture_output=True, text=True, timeout=120)
    assert 1 == done.returncode, done.stderr
    report = json.loads(done.stdout)
    assert "INVALID" == report["verdict"]
    assert ["tally"] == [c["name"] for c in report["checks"] if not c["ok"]]
    assert "" == done.stderr


def test_pbvote_verify_text_report_and_exit_codes(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert 1 == main(["verify", str(demo_dir / "record"), "--jobs", "1"])
    out = capsys.readouterr().out
    assert "[ok] ballots: 20 valid" in out and "VERDICT: INVALID (failed: tally)" in out
    with pytest.raises(SystemExit) as exc:
        main(["verify"])
    assert 2 == exc.value.code
    assert 2 == main(["verify", str(demo_dir / "record"), "--jobs", "0"])


def test_a_missing_or_garbage_record_is_reported_not_raised(tmp_path: Path) -> None:
    assert not verify_record(tmp_path / "nothing", jobs=1).valid
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 not really")
    report = verify_record(junk, jobs=1)
    assert "record" == report.checks[-1].name and not report.checks[-1].ok
    empty = tmp_path / "empty"
    empty.mkdir()
    report = verify_record(empty, jobs=1)
    assert all(not c.ok for c in report.checks if c.name != "libsodium")


def test_zip_with_two_folders_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "two.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("a/manifest.json", "{}")
        zf.writestr("b/manifest.json", "{}")
    assert not verify_record(path, jobs=1).valid
