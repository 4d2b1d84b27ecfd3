"""The verifier on an honest demo record: with its tally it is VALID; published before the tally, INVALID."""

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
                "entry kinds", "polls", "ballots", "spoiled", "ciphertexts", "head", "audit", "revocations"]
TALLY_CHECKS = ["tally", "decryptions", "counts", "outcomes", "results"]


def test_an_honest_record_with_its_tally_is_valid(demo_dir: Path) -> None:
    report = verify_record(demo_dir / "record", jobs=1)
    by_name = {c.name: c for c in report.checks}
    assert [*BOARD_CHECKS, *TALLY_CHECKS] == [c.name for c in report.checks]
    assert [] == [c.name for c in report.checks if not c.ok]
    assert report.valid
    assert "20 valid" in by_name["ballots"].summary
    assert "1 spoiled" in by_name["spoiled"].summary
    assert by_name["tally"].summary.startswith("20 counted ballots in 2 districts summed from the board closed at")
    assert "trustees 1, 2: 40 Chaum-Pedersen proofs" in by_name["decryptions"].summary
    assert "20 counts decrypted" in by_name["counts"].summary


def test_a_record_published_before_the_tally_is_invalid(untallied_dir: Path) -> None:
    report = verify_record(untallied_dir, jobs=1)
    assert [*BOARD_CHECKS, "tally"] == [c.name for c in report.checks]
    assert ["tally"] == [c.name for c in report.failures()]
    assert "no tally published" == report.checks[-1].summary
    assert not report.valid


def test_parallel_and_serial_reports_are_identical(demo_dir: Path, untallied_dir: Path) -> None:
    assert verify_record(demo_dir / "record", jobs=1) == verify_record(demo_dir / "record", jobs=2)
    assert verify_record(untallied_dir, jobs=1) == verify_record(untallied_dir, jobs=2)


def test_the_zip_verifies_like_the_directory(demo_dir: Path) -> None:
    folder = verify_record(demo_dir / "record", jobs=1)
    zipped = verify_record(demo_dir / "record.zip", jobs=1)
    assert folder.checks == zipped.checks
    assert zipped.valid


def test_python_m_tally_verify_prints_json_and_exits_0_when_valid(demo_dir: Path, untallied_dir: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "tally.verify", str(demo_dir / "record"), "--json", "--jobs", "1"],
                          capture_output=True, text=True, timeout=120)
    assert 0 == done.returncode, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert "VALID" == report["verdict"]
    assert [*BOARD_CHECKS, *TALLY_CHECKS] == [c["name"] for c in report["checks"] if c["ok"]]
    assert "" == done.stderr
    done = subprocess.run([sys.executable, "-m", "tally.verify", str(untallied_dir), "--json", "--jobs", "1"],
                          capture_output=True, text=True, timeout=120)
    assert 1 == done.returncode, done.stderr
    assert ["tally"] == [c["name"] for c in json.loads(done.stdout)["checks"] if not c["ok"]]


def test_pbvote_verify_text_report_and_exit_codes(demo_dir: Path, untallied_dir: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["verify", str(demo_dir / "record"), "--jobs", "1"])
    out = capsys.readouterr().out
    assert "[ok] ballots: 20 valid" in out and "[ok] results: " in out and "VERDICT: VALID (all 21 checks hold)" in out
    assert 1 == main(["verify", str(untallied_dir), "--jobs", "1"])
    assert "VERDICT: INVALID (failed: tally)" in capsys.readouterr().out
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
