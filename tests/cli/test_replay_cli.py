"""``pbvote pabulib replay``: the same JSON line as ``pabulib outcome``, a record that verifies, Equal Shares refused."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tally.cli import main
from tests.tally.test_replay_resume import VOTERS, board_credentials, verdict, write_pb

REPO = Path(__file__).resolve().parents[2]

POZNAN = "Poland_Poznan_2024_9_-_Stare_Miasto__small.pb"  # 984 choose-1 votes, 2 projects: the quickest replay


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.slow  # 984 ballots encrypted, verified at the box and tallied: ~15 s on two free cores
def test_replay_prints_outcome_json_and_publishes_a_record_that_verifies(
        capsys: pytest.CaptureFixture[str], pabulib_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "replay"
    (out / "record").mkdir(parents=True)
    (out / "record" / "stale.txt").write_text("from an earlier run", encoding="utf-8")
    (out / "notes.txt").write_text("not the replay's", encoding="utf-8")

    status, replayed, err = run(capsys, "pabulib", "replay", str(pabulib_dir / POZNAN), "--out", str(out))
    assert 0 == status, err
    assert 1 == len(replayed.splitlines())
    status, outcome, _ = run(capsys, "pabulib", "outcome", str(pabulib_dir / POZNAN))
    assert 0 == status
    assert json.loads(outcome) == json.loads(replayed)
    assert {"selected": ["RM-IX.2", "RM-IX.1"], "rule": "greedy-custom"} == json.loads(replayed)
    assert "984/984 ballots encrypted and cast" in err
    assert "ETA" in err
    assert "'pabulib replay only: not a secret'" in err  # the fixed passphrases are said
    assert "note: META rule 'greedy-custom'" in err and "uses 'greedy-no-skip'" in err  # why it approximates
    # A stale record without a replay database is replaced; nothing else in DIR is touched.
    assert not (out / "record" / "stale.txt").exists()
    assert "not the replay's" == (out / "notes.txt").read_text(encoding="utf-8")

    status, report, err = run(capsys, "verify", str(out / "record"), "--json")
    verdict = json.loads(report)
    checks = {c["name"]: c for c in verdict["checks"]}
    for name in ("fingerprint", "ceremony", "credentials", "chain", "polls", "ballots", "head"):
        assert checks[name]["ok"], checks[name]
    assert "984 valid" in checks["ballots"]["summary"]
    assert "984 public credentials" == checks["credentials"]["summary"]
    assert ("VALID", 0) == (verdict["verdict"], status), [c for c in verdict["checks"] if not c["ok"]]


def test_equal_shares_is_refused_with_a_clear_message(
        capsys: pytest.CaptureFixture[str], pabulib_dir: Path, tmp_path: Path) -> None:
    status, out, err = run(capsys, "pabulib", "replay", str(pabulib_dir / "Netherlands_Assen_2024.pb"),
                           "--out", str(tmp_path / "assen"))
    assert (1, "") == (status, out)
    assert 1 == len(err.strip().splitlines())
    assert "Equal Shares, which needs individual ballots" in err
    assert "mix-net" in err and "'pbvote pabulib outcome'" in err
    assert not (tmp_path / "assen").exists()


def test_a_rule_nobody_implements_is_refused(capsys: pytest.CaptureFixture[str], pabulib_dir: Path,
                                             tmp_path: Path) -> None:
    status, out, err = run(capsys, "pabulib", "replay",
                           str(pabulib_dir / "US_Stanford_Dataset_2022_Jersey_City_Ward_C_vote_knapsacks.pb"),
                           "--out", str(tmp_path / "stanford"))
    assert (1, "") == (status, out)
    assert "unsupported rule 'unknown'" in err
    assert not (tmp_path / "stanford").exists()


def _interrupt_while_casting(path: Path, out: Path, signum: int, *, group: bool) -> tuple[int, str, str]:
    """Start a replay in a subprocess, send ``signum`` once the first ballots are cast; (status, stdout, stderr)."""
    command = [sys.executable, "-m", "tally.cli", "pabulib", "replay", str(path), "--out", str(out),
               "--workers", "1", "--progress-every", "0.01"]
    proc = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    assert proc.stderr is not None
    seen = []
    try:
        for line in proc.stderr:
            seen.append(line)
            cast = re.search(rf"(\d+)/{VOTERS} ballots encrypted and cast", line)
            if cast and int(cast.group(1)) > 0:
                break
        else:
            pytest.fail(f"the replay ended before casting: {''.join(seen)}")
        if group:
            os.killpg(proc.pid, signum)  # a Ctrl-C at a terminal reaches the workers too
        else:
            proc.send_signal(signum)  # kill PID: the coordinator only
        stdout, rest = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode, stdout, "".join(seen) + rest


@pytest.mark.slow  # two replays of 60 small ballots, one in a subprocess: ~15 s
@pytest.mark.parametrize(("signum", "group"), [(signal.SIGINT, True), (signal.SIGTERM, False)],
                         ids=["ctrl-c", "sigterm"])
def test_an_interrupted_replay_says_how_far_it_got_and_resume_completes(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, signum: int, group: bool) -> None:
    path = write_pb(tmp_path / "small.pb")
    out = tmp_path / "replay"
    status, stdout, err = _interrupt_while_casting(path, out, signum, group=group)
    assert (130, "") == (status, stdout), err
    assert "Traceback" not in err
    stopped = re.search(rf"replay interrupted during cast: (\d+) of {VOTERS} ballots cast", err)
    assert stopped is not None, err
    assert f"continue with: pbvote pabulib replay {path} --out {out} --resume" in err

    status, printed, err = run(capsys, "pabulib", "replay", str(path), "--out", str(out))
    assert (1, "") == (status, printed)
    assert f"{stopped.group(1)} ballots cast, polls open" in err and "--resume" in err and "--restart" in err

    status, printed, err = run(capsys, "pabulib", "replay", str(path), "--out", str(out), "--resume")
    assert 0 == status, err
    assert {"selected": ["p1", "p3", "p4"], "rule": "greedy"} == json.loads(printed)
    assert f"{stopped.group(1)} of {VOTERS} ballots already cast" in err
    cast = VOTERS - int(stopped.group(1))
    this_run = re.search(rf"took [\d.]+ s in this run, which cast {cast} \(setup [\d.]+ s, cast [\d.]+ s for "
                         rf"{cast} ballots, [\d.]+ ballots/s, tally [\d.]+ s, publish [\d.]+ s\)", err)
    every_run = re.search(rf"all 2 runs of this replay together: [\d.]+ s \(setup [\d.]+ s, cast [\d.]+ s for "
                          rf"{VOTERS} ballots, [\d.]+ ballots/s, tally [\d.]+ s, publish [\d.]+ s\)", err)
    assert this_run is not None and every_run is not None, err
    credentials = board_credentials(out / "record")
    assert VOTERS == len(credentials) == len(set(credentials))
    verdict(capsys, out / "record")
