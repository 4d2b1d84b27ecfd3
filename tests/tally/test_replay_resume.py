"""An interrupted pabulib replay resumes where it stopped: no ballot twice, the record VALID (issue 6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tally.replay
from ballot.record import RecordError
from ballot.storage import Store
from ballot.storage.record_files import load_record_file, save_record_file
from tally._replay_times import TIMES_FILE
from tally.cli import main
from tally.replay import STATE_FILE, ReplayExists, ReplayInterrupted, replay_pb
from tally.results import RESULTS_FILE

# 60 voters, 4 projects, budget 100: counts p1 32, p2 28, p3 20, p4 8; greedy funds p1 (60), skips p2 (50),
# then p3 (30) and p4 (10).
_VOTES = ("p1",) * 32 + ("p2,p3",) * 20 + ("p4,p2",) * 8
VOTERS = len(_VOTES)


def write_pb(path: Path, *, description: str = "pbvote resume test") -> Path:
    """A small approval .pb file with a ``selected`` column (the voters interleaved, not grouped)."""
    votes = [_VOTES[(7 * i) % VOTERS] for i in range(VOTERS)]  # 7 is prime to 60: a permutation
    lines = ["META", "key;value", f"description;{description}", "country;Nowhere", "unit;Testville",
             "instance;2026", "num_projects;4", f"num_votes;{VOTERS}", "budget;100", "vote_type;approval",
             "rule;greedy", "max_length;2", "currency;PLN", "language;en",
             "PROJECTS", "project_id;cost;votes;name;selected",
             "p1;60;32;Park;1", "p2;50;28;Library;0", "p3;30;20;Benches;1", "p4;10;8;Trees;1",
             "VOTES", "voter_id;vote", *(f"v{i};{vote}" for i, vote in enumerate(votes))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def board_credentials(record: Path) -> list[str]:
    """The credential of every ballot on the published board, in board order."""
    ballots = []
    for line in (record / "board.jsonl").read_bytes().splitlines():
        entry = json.loads(line)
        if entry["kind"] == "ballot":
            ballots.append(entry["payload"]["credential"])
    return ballots


def verdict(capsys: pytest.CaptureFixture[str], record: Path) -> dict[str, object]:
    status = main(["verify", str(record), "--json"])
    value: dict[str, object] = json.loads(capsys.readouterr().out)
    assert (0, "VALID") == (status, value["verdict"])
    return value


@pytest.mark.slow  # three runs over one small election (setup, spawned workers, tally): ~15 s
def test_an_interrupted_replay_resumes_and_casts_each_vote_once(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_pb(tmp_path / "small.pb")
    out = tmp_path / "replay"
    with pytest.raises(ReplayInterrupted) as caught:
        replay_pb(path, out, workers=1, stop_after=20)
    stopped = caught.value
    assert ("cast", VOTERS) == (stopped.phase, stopped.total)
    assert 20 <= stopped.cast < VOTERS  # the chunk running when it stopped ends after its current vote
    assert (out / STATE_FILE).is_file()
    assert not (out / "record").exists()

    with pytest.raises(ReplayExists, match="--resume"):  # hours of work are never discarded silently
        replay_pb(path, out)
    other = write_pb(tmp_path / "other.pb", description="another file")
    with pytest.raises(ReplayExists, match="another file"):
        replay_pb(other, out, resume=True)

    lines: list[str] = []
    report = replay_pb(path, out, workers=2, resume=True, progress=lines.append)
    assert stopped.cast == report.resumed
    assert (VOTERS, True, True) == (report.ballots, report.matches_file, report.matches_plaintext)
    assert ("p1", "p3", "p4") == report.selected
    assert f"casting {VOTERS - stopped.cast} ballots" in "\n".join(lines)
    runs = report.runs  # the time of a resumed replay is the sum of its runs, the interrupted one included
    assert runs is not None and (2, VOTERS) == (runs.runs, runs.cast)
    assert runs.seconds["total"] > report.seconds["total"] and runs.seconds["cast"] > report.seconds["cast"]
    assert [True, False] == [r["interrupted"] for r in json.loads((out / TIMES_FILE).read_text())["runs"]]
    assert {"p1": 32, "p2": 28, "p3": 20, "p4": 8} == {c.project: c.count for c in report.results.districts[0].counts}
    credentials = board_credentials(report.record)
    assert VOTERS == len(credentials) == len(set(credentials))
    verdict(capsys, report.record)


@pytest.mark.slow  # three runs: ~12 s
def test_a_replay_that_failed_while_publishing_resumes_without_tallying_again(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_pb(tmp_path / "small.pb")
    out = tmp_path / "replay"

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise RecordError(f"{out / 'record.zip'}: cannot write the record's zip (No space left on device)")

    monkeypatch.setattr(tally.replay, "publish_record", disk_full)
    with pytest.raises(RecordError, match="No space left"):
        replay_pb(path, out, workers=1)
    monkeypatch.undo()
    failed = json.loads((out / TIMES_FILE).read_text())["runs"]
    assert [(True, VOTERS)] == [(r["interrupted"], r["cast"]) for r in failed]  # its hours still count
    assert {"setup", "cast", "tally", "publish", "total"} == set(failed[0]["seconds"])

    lines: list[str] = []
    again = replay_pb(path, out, resume=True, progress=lines.append)
    said = "\n".join(lines)
    assert f"all {VOTERS} ballots were cast by an earlier run" in said
    assert "not tallied again" in said and "tally: summing" not in said  # the closed board cannot change
    assert f"   board.jsonl: {VOTERS + 2} entries ({VOTERS} ballots, 0 spoiled)" in lines  # publishing shows progress
    assert f"   {out / 'record'}: complete; writing {out / 'record.zip'}" in lines
    assert (VOTERS, VOTERS, ("p1", "p3", "p4")) == (again.resumed, again.ballots, again.selected)
    assert again.runs is not None and 2 == again.runs.runs
    verdict(capsys, again.record)

    store = Store(f"sqlite:///{out / 'pbvote.sqlite3'}")
    try:  # stored results whose signature does not verify are not taken: the tally is recomputed
        with store.write() as s:
            data = load_record_file(s, RESULTS_FILE)
            assert data is not None
            signature = json.loads(data)["signature"]
            save_record_file(s, RESULTS_FILE, data.replace(signature.encode(), b"0" * len(signature)))
    finally:
        store.close()
    lines.clear()
    third = replay_pb(path, out, resume=True, progress=lines.append)
    assert "tally: summing" in "\n".join(lines) and "not tallied again" not in "\n".join(lines)
    assert again.selected == third.selected
    verdict(capsys, third.record)


@pytest.mark.slow  # two full replays: ~12 s
def test_resume_in_an_empty_folder_starts_afresh_and_restart_discards(tmp_path: Path) -> None:
    path = write_pb(tmp_path / "small.pb")
    out = tmp_path / "replay"
    first = replay_pb(path, out, resume=True)
    assert (0, VOTERS) == (first.resumed, first.ballots)
    other = write_pb(tmp_path / "other.pb", description="another file")
    second = replay_pb(other, out, restart=True)
    assert (0, VOTERS) == (second.resumed, second.ballots)
    assert "other.pb" == json.loads((out / STATE_FILE).read_bytes())["file"]


@pytest.mark.slow  # one full replay: 3 to 10 s
def test_an_interrupted_setup_is_redone_on_resume(tmp_path: Path) -> None:
    path = write_pb(tmp_path / "small.pb")
    out = tmp_path / "replay"
    out.mkdir()
    (out / "pbvote.sqlite3").write_bytes(b"a database whose setup never completed")  # no replay.json yet
    with pytest.raises(ReplayExists, match=r"an interrupted replay setup.*--resume"):
        replay_pb(path, out)
    report = replay_pb(path, out, resume=True)
    assert (0, VOTERS, ("p1", "p3", "p4")) == (report.resumed, report.ballots, report.selected)
