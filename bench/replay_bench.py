"""
Time ``pbvote pabulib replay`` on real pabulib files: every vote encrypted, proven, signed and cast.

Nothing is synthetic: each file's votes are encrypted by the real client code
and cast through the real ballot box (which verifies every proof), the polls
are closed, trustees 1 and 2 of 3 decrypt, the results are signed and the
record is published, exactly as ``pbvote pabulib replay FILE --out DIR``
does (tally/replay.py).  Files are looked up by name in ../shared/data/pabulib
(or $PBVOTE_PABULIB_DIR); the default is Warsaw Bemowo 2023 (5,180 votes x 83
projects).  Łódź 2022 (90,494 x 160) takes hours on two cores: run it alone,
in the background.

Per file the JSON line holds ``replay_<file>_s`` (whole replay),
``replay_<file>_cast_s`` (encrypting and casting), ``replay_<file>_tally_s``
(two partial decryptions, combination, rule, signature),
``replay_<file>_ballots_per_s`` (cast phase), ``replay_<file>_selected_matches``
(the signed results' winners equal the file's ``selected`` column) and
``replay_<file>_matches_outcome`` (they equal ``pbvote pabulib outcome``'s).

Usage: ``.venv/bin/python bench/replay_bench.py [FILE.pb ...] [--workers N] [--out DIR [--resume]]``;
progress goes to stderr; ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

from tally.replay import replay_pb

REPO = Path(__file__).resolve().parents[1]
PABULIB = Path(os.environ.get("PBVOTE_PABULIB_DIR", REPO.parent / "shared" / "data" / "pabulib"))
DEFAULT = "Poland_Warszawa_2023_Bemowo.pb"


def _key(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "_", path.stem.lower()).strip("_")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", default=[DEFAULT], metavar="FILE.pb")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--out", type=Path, default=None, help="keep the replays here (default: a temp folder)")
    parser.add_argument("--resume", action="store_true",
                        help="continue interrupted replays in --out (times then cover this run only)")
    args = parser.parse_args()

    def say(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="replay-bench-") as tmp:
        base = args.out or Path(tmp)
        for name in args.files:
            path = Path(name) if Path(name).exists() else PABULIB / name
            report = replay_pb(path, base / path.stem, workers=args.workers, progress=say, every=30.0,
                               resume=args.resume)
            key = f"replay_{_key(path)}"
            figures.update({
                f"{key}_s": round(report.seconds["total"], 1),
                f"{key}_cast_s": round(report.seconds["cast"], 1),
                f"{key}_tally_s": round(report.seconds["tally"], 1),
                f"{key}_ballots": report.ballots,
                f"{key}_projects": report.projects,
                f"{key}_ballots_per_s": round(report.ballots / report.seconds["cast"], 2),
                f"{key}_selected_matches": report.matches_file,
                f"{key}_matches_outcome": report.matches_plaintext,
            })
    figures["workers"] = args.workers or min(2, len(os.sched_getaffinity(0)))
    figures["load_average_1m"] = round(os.getloadavg()[0], 1)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
