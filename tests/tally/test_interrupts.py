"""Ctrl-C or SIGTERM at any moment of a long command leaves nothing half-written, and a rerun completes (issue 6).

The commands run as real subprocesses and get real signals, once they say
they are in the middle of their work.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from ballot.ceremony_record import CEREMONY_FILE
from ballot.samples import sample_manifest
from ballot.storage import Store
from ballot.storage.record_files import load_record_file
from tally.cli import main
from tally.homomorphic import TALLY_FILE
from tally.pipeline import decrypt_as_trustee
from tally.results import RESULTS_FILE, parse_results
from tests.tally.big_board import PASSPHRASE, build_board

REPO = Path(__file__).resolve().parents[2]


def pbvote(*argv: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tally.cli", *argv], cwd=REPO, env=os.environ | env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def interrupt_after(proc: subprocess.Popen[str], marker: str, signum: int, stream: str = "stderr") -> tuple[str, str]:
    """Send ``signum`` once ``marker`` appears on the process's ``stream``; (stdout, stderr) when it has ended.

    SIGINT goes to the whole process group, as a Ctrl-C at a terminal does (the tally's summing workers
    get it too); SIGTERM to the command's process only, as ``kill PID`` does.
    """
    pipe = proc.stderr if stream == "stderr" else proc.stdout
    assert pipe is not None
    seen = []
    try:
        for line in pipe:
            seen.append(line)
            if marker in line:
                if signum == signal.SIGINT:
                    os.killpg(proc.pid, signum)
                else:
                    proc.send_signal(signum)
                break
        out, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    before = "".join(seen)
    return (before + out, err) if stream == "stdout" else (out, before + err)


def stored(url: str, names: Sequence[str]) -> list[bytes | None]:
    store = Store(url)
    try:
        with store.read() as s:
            return [load_record_file(s, name) for name in names]
    finally:
        store.close()


@pytest.mark.slow  # a 4,000-ballot board, tallied by two trustees, once interrupted and once whole: ~20 s
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["sigint", "sigterm"])
def test_a_tally_interrupted_while_summing_stores_nothing_and_a_rerun_completes(tmp_path: Path, signum: int) -> None:
    board = build_board(tmp_path, 4000)
    store = Store(board.url)
    for j in (1, 2):
        decrypt_as_trustee(store, board.share_file(j), PASSPHRASE)
    store.close()
    env = {"PBVOTE_BOARD_PASSPHRASE": PASSPHRASE}

    proc = pbvote("--db", board.url, "tally", env=env)
    out, err = interrupt_after(proc, "tally: summing the ballots of the closed board", signum)
    assert (130, "") == (proc.returncode, out), err
    assert "Traceback" not in err
    assert "tally interrupted: nothing was stored; run 'pbvote tally' again" in err
    assert [None, None] == stored(board.url, [TALLY_FILE, RESULTS_FILE])

    rerun = pbvote("--db", board.url, "tally", env=env)
    out, err = rerun.communicate(timeout=300)
    assert 0 == rerun.returncode, err
    tally, results = stored(board.url, [TALLY_FILE, RESULTS_FILE])
    assert tally is not None and results is not None
    assert board.expected == [c.count for c in parse_results(results).districts[0].counts]


@pytest.mark.slow  # three Argon2id seals per run
def test_an_interrupted_ceremony_leaves_no_file_and_a_rerun_completes(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PBVOTE_BOARD_PASSPHRASE", "officials' board passphrase")
    db = f"sqlite:///{tmp_path / 'e.sqlite3'}"
    assert 0 == main(["election", "init", str(sample_manifest()), "--db", db])
    capsys.readouterr()
    env = {f"PBVOTE_PASSPHRASE_{j}": f"trustee {j} passphrase" for j in (1, 2, 3)}
    out_dir = tmp_path / "trustees"
    command = ("trustees", "ceremony", "--trustees", "3", "--threshold", "2", "--out", str(out_dir), "--db", db)

    proc = pbvote(*command, env=env)
    _, err = interrupt_after(proc, "key ceremony for election", signal.SIGTERM, stream="stdout")
    if proc.returncode == 0:
        pytest.skip("the ceremony finished before the signal arrived")  # nothing to check about an interrupt
    assert 130 == proc.returncode, err
    assert "Traceback" not in err and "key ceremony interrupted: nothing was stored" in err
    assert [] == sorted(p.name for p in out_dir.iterdir())  # no share file, no transcript, no temporary file
    assert [None] == stored(db, [CEREMONY_FILE])

    rerun = pbvote(*command, env=env)
    _, err = rerun.communicate(timeout=300)
    assert 0 == rerun.returncode, err
    assert ["ceremony.json", "trustee-1.share", "trustee-2.share", "trustee-3.share"] == sorted(
        p.name for p in out_dir.iterdir())
    assert stored(db, [CEREMONY_FILE])[0] == (out_dir / "ceremony.json").read_bytes()


def test_a_ceremony_killed_before_its_commit_is_stored_from_its_complete_files(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A SIGKILL between writing the files and committing leaves every file and no stored ceremony: the same
    # state as a database initialised afresh beside the files of a ceremony run for the same manifest.
    monkeypatch.setenv("PBVOTE_BOARD_PASSPHRASE", "officials' board passphrase")
    for j in (1, 2, 3):
        monkeypatch.setenv(f"PBVOTE_PASSPHRASE_{j}", f"trustee {j} passphrase")
    out_dir = tmp_path / "trustees"
    for name in ("first", "second"):
        assert 0 == main(["election", "init", str(sample_manifest()), "--db", f"sqlite:///{tmp_path / name}.db"])
    assert 0 == main(["trustees", "ceremony", "--trustees", "3", "--threshold", "2", "--out", str(out_dir),
                      "--db", f"sqlite:///{tmp_path / 'first'}.db"])
    capsys.readouterr()
    second = f"sqlite:///{tmp_path / 'second'}.db"

    assert 1 == main(["trustees", "ceremony", "--trustees", "3", "--threshold", "2", "--out", str(out_dir),
                      "--db", second])
    err = capsys.readouterr().err
    assert "holds a complete ceremony" in err and f"--step store --in {out_dir}" in err
    assert 0 == main(["trustees", "ceremony", "--step", "store", "--in", str(out_dir), "--db", second])
    assert stored(second, [CEREMONY_FILE])[0] == (out_dir / "ceremony.json").read_bytes()
