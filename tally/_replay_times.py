"""
How long each run of a replay took, kept beside it so that a replay resumed over several sessions has one total.

``pbvote pabulib replay`` of a large file (Łódź: 90,494 ballots x 160
projects) takes hours and is interrupted and resumed; its time is a
benchmark figure (issue: "its time is reported"), so every run, finished or
interrupted, appends its phases' wall times to ``DIR/replay-times.json``
(written whole: temp file, fsync, rename), and the last run reports the sum.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from tally._files import write_whole

__all__ = ["TIMES_FILE", "RunTimes", "record_run"]

TIMES_FILE: Final = "replay-times.json"
_FORMAT: Final = "pbvote-replay-times/1"


@dataclass(frozen=True, slots=True)
class RunTimes:
    """The runs of one replay added up: ``seconds`` per phase (setup, cast, tally, publish, total), ballots cast."""

    runs: int
    seconds: dict[str, float]
    cast: int


def _runs(out: Path) -> list[dict[str, object]]:
    try:
        value = json.loads((out / TIMES_FILE).read_bytes())
    except (FileNotFoundError, ValueError):
        return []  # a timing file is a convenience: a missing or unreadable one starts a new list
    runs = value.get("runs") if isinstance(value, dict) and value.get("format") == _FORMAT else None
    return runs if isinstance(runs, list) else []


def record_run(out: Path, seconds: dict[str, float], cast: int, *, interrupted: bool) -> RunTimes:
    """Append one run (its phases' seconds, the ballots it cast) and return the sum of every run so far."""
    runs = [*_runs(out), {"cast": cast, "interrupted": interrupted,
                          "seconds": {k: round(v, 3) for k, v in sorted(seconds.items())}}]
    write_whole(out / TIMES_FILE, json.dumps({"format": _FORMAT, "runs": runs}, indent=1).encode() + b"\n",
                overwrite=True)
    return _added_up(runs)


def _added_up(runs: list[dict[str, object]]) -> RunTimes:
    totals: dict[str, float] = {}
    cast = 0
    for run in runs:
        seconds = run.get("seconds")
        for phase, value in (seconds.items() if isinstance(seconds, dict) else ()):
            if isinstance(value, int | float):
                totals[phase] = totals.get(phase, 0.0) + float(value)
        ballots = run.get("cast")
        cast += ballots if isinstance(ballots, int) else 0
    return RunTimes(len(runs), totals, cast)
