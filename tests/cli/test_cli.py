"""The pbvote command line: its contract (commands, exit codes, one-line errors, no tracebacks)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ballot.samples import sample_manifest, sample_names
from tally.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "manifests"
MINIMAL = FIXTURES / "minimal.toml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_validate_accepts_every_bundled_sample(capsys: pytest.CaptureFixture[str]) -> None:
    assert {"taipei-daan", "riverside-knapsack", "school-points"} <= set(sample_names())
    for name in sample_names():
        status, out, _ = run(capsys, "election", "validate", str(sample_manifest(name)), "--json")
        assert 0 == status
        assert json.loads(out)["valid"] is True


def test_validate_reports_one_line_naming_the_field(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(MINIMAL.read_text(encoding="utf-8").replace("cost = 300", "cost = -5"), encoding="utf-8")
    status, out, err = run(capsys, "election", "validate", str(bad))
    assert 1 == status
    assert "" == out
    assert 1 == len(err.strip().splitlines())
    assert f"pbvote: error: {bad}:" in err
    assert "projects[1].cost: must be a positive integer" in err


def test_show_prints_fingerprint_projects_and_rules(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "election", "show", str(MINIMAL))
    assert 0 == status
    assert "ff40e23c0c8668830d86768320c1d666fefd348fcb55832ebf867eae8ace2078" in out
    assert "approval, 1 to 2 picks" in out and "greedy" in out
    assert "p3" in out and "500" in out and "路燈" in out  # the fixture's first language is zh-TW
    status, out, _ = run(capsys, "election", "show", str(MINIMAL), "--lang", "en")
    assert "Lights" in out and "路燈" not in out
    status, out, _ = run(capsys, "election", "show", str(MINIMAL), "--json")
    shown = json.loads(out)
    assert "test-ward" == shown["manifest"]["election"]["id"]


def test_init_is_idempotent_and_refuses_another_election(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A corrected manifest replaces the stored one until something depends on its fingerprint (issue 8)."""
    db = f"sqlite:///{tmp_path / 'e.sqlite3'}"
    assert 0 == run(capsys, "election", "init", str(MINIMAL), "--db", db)[0]
    status, out, _ = run(capsys, "--db", db, "election", "init", str(MINIMAL))
    assert (0, True) == (status, "already initialised" in out)
    assert 0 == run(capsys, "election", "init", str(sample_manifest()), "--db", db)[0]
    monkeypatch.setenv("PBVOTE_PASSPHRASE", "kiosk k1's key file passphrase")
    assert 0 == run(capsys, "kiosks", "register", "k1", "--out", str(tmp_path / "k1.key"), "--db", db)[0]
    status, _, err = run(capsys, "election", "init", str(MINIMAL), "--db", db)
    assert 1 == status
    assert "already has registered kiosks bound to its fingerprint" in err


def test_pabulib_import_writes_a_valid_manifest(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                pabulib_dir: Path) -> None:
    out_file = tmp_path / "assen.toml"
    status, _, _ = run(capsys, "pabulib", "import", str(pabulib_dir / "Netherlands_Assen_2024.pb"), "--out", str(out_file))
    assert 0 == status
    status, _out, _ = run(capsys, "election", "validate", str(out_file))
    assert 0 == status


def test_missing_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["election", "validate", "/nonexistent/x.toml"])
    assert 2 == info.value.code
    assert "no such file" in capsys.readouterr().err


def test_console_script_has_help_version_and_no_traceback(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "pbvote"
    assert exe.exists()
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True).stdout
    assert out.startswith("pbvote ")
    for args in (["--help"], ["election", "--help"], ["election", "init", "--help"], ["pabulib", "--help"],
                 ["demo", "--help"]):
        assert 0 == subprocess.run([str(exe), *args], capture_output=True).returncode
    broken = tmp_path / "broken.toml"
    broken.write_text("format = [unclosed", encoding="utf-8")
    done = subprocess.run([str(exe), "election", "validate", str(broken)], capture_output=True, text=True,
                          env={**os.environ, "PBVOTE_DB": f"sqlite:///{tmp_path / 'db.sqlite3'}"})
    assert 1 == done.returncode
    assert "Traceback" not in done.stderr
    assert "malformed TOML" in done.stderr


def test_demo_runs_the_lifecycle_into_the_documented_layout(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path) -> None:
    out_dir = tmp_path / "demo"
    status, out, _ = run(capsys, "demo", "--out", str(out_dir), "--voters", "6")
    assert 0 == status
    manifest = (out_dir / "record" / "manifest.json").read_bytes()
    import hashlib

    from ballot.manifest import load_manifest

    assert load_manifest(sample_manifest()).fingerprint == hashlib.sha256(manifest).digest()
    kinds = [json.loads(line)["kind"] for line in (out_dir / "record" / "board.jsonl").read_text().splitlines()]
    assert ["open", "spoiled", *["ballot"] * 6, "close"] == kinds
    assert 6 == len(list((out_dir / "receipts").glob("*.pdf")))
    assert (out_dir / "record.zip").is_file()
    assert "6 ballots cast" in out
    again, _, _ = run(capsys, "demo", "--out", str(out_dir), "--voters", "2")
    assert 0 == again
    assert 2 == len(list((out_dir / "receipts").glob("*.pdf")))


def test_pabulib_outcome_prints_the_real_winners(capsys: pytest.CaptureFixture[str], pabulib_dir: Path) -> None:
    from ballot.pabulib import read_pb

    path = pabulib_dir / "Poland_Gdynia_2020_Babie_Doly__large.pb"
    status, out, _ = run(capsys, "pabulib", "outcome", str(path))
    assert 0 == status
    result = json.loads(out)
    assert sorted(p.id for p in read_pb(path).projects if p.selected) == sorted(result["selected"])
    assert "greedy-no-skip" == result["rule"]
    status, out, _ = run(capsys, "pabulib", "outcome", str(path), "--rule", "greedy")
    assert (0, "greedy") == (status, json.loads(out)["rule"])


def test_pabulib_outcome_refuses_a_file_without_a_known_rule(capsys: pytest.CaptureFixture[str],
                                                             pabulib_dir: Path) -> None:
    path = pabulib_dir / "US_Stanford_Dataset_2022_Jersey_City_Ward_C_vote_knapsacks.pb"
    status, out, err = run(capsys, "pabulib", "outcome", str(path))
    assert (1, "") == (status, out)
    assert "unknown" in err and "Traceback" not in err
