"""
Time Equal Shares with add-one completion on real city files, to track the rule's speed.

Runs ``equal_shares`` (add-one, no fill: the ``equalshares/add1`` pabulib
rule) on Poland_Lodz_2022.pb read as approval ballots (90,494 voters, 160
projects) and on Poland_Swiecie_2023.pb, plus the parse time of the Łódź file,
and ends with one JSON line of figures. The folder comes from
``PBVOTE_PABULIB_DIR`` or ``../shared/data/pabulib`` next to the repository.

Usage: ``.venv/bin/python bench/rules_bench.py``
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from ballot.pabulib import read_pb
from tally.pabulib_outcome import pabulib_outcome


def pabulib_dir() -> Path:
    """The folder of real .pb files."""
    env = os.environ.get("PBVOTE_PABULIB_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "shared" / "data" / "pabulib"


def main() -> None:
    """Run the timings, print a human summary and one JSON line."""
    folder = pabulib_dir()
    figures: dict[str, float | bool] = {}
    start = time.perf_counter()
    lodz = read_pb(folder / "Poland_Lodz_2022.pb")
    figures["parse_lodz_s"] = round(time.perf_counter() - start, 3)
    for key, pb in (("lodz", lodz), ("swiecie", read_pb(folder / "Poland_Swiecie_2023.pb"))):
        start = time.perf_counter()
        outcome = pabulib_outcome(pb, "equalshares/add1")
        figures[f"mes_add1_{key}_s"] = round(time.perf_counter() - start, 3)
        truth = {p.id for p in pb.projects if p.selected}
        if pb.meta.get("rule") == "equalshares/add1":
            figures[f"mes_add1_{key}_reproduced"] = truth == set(outcome.selected)
        print(
            f"{key}: {len(outcome.selected)} funded, spent {outcome.spent} of {outcome.budget}; "
            f"{outcome.notes[0]}",
            file=sys.stderr,
        )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
