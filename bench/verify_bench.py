"""Benchmark of the observers' verifier (tally.verify): ballots per second and a whole record.

1. Ballot proofs: 200 real ballots of 20 projects per rule (approval with a
   count proof, knapsack), encrypted by pbvote's own ballot/encrypt.py, then
   checked by tally.verify (every signature and proof, section 26.5) in one
   process and in two.
2. A whole record: ``pbvote demo --voters N`` (real ballot box, N distinct
   ballots; default N = 2000 because building 10,000 takes most of an hour
   on this 2-core machine), then ``tally.verify`` with every core; the
   10k time is extrapolated linearly from N (flagged in the output) unless
   ``--voters 10000``.  Peak memory is the maximum resident set of the
   verifier's process and of its workers.

Ends with one JSON line of figures (DESIGN.md "Interfaces").
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ballot.encrypt import encrypt_ballot  # noqa: E402
from ballot.manifest import load_manifest  # noqa: E402
from ballot.selection import Selection  # noqa: E402
from crypto.signatures import generate_signing_key  # noqa: E402
from tally.ceremony import run_in_room_ceremony  # noqa: E402
from tally.verify.ballot import check_ballot  # noqa: E402
from tally.verify.entries import kiosks_bytes, make_election  # noqa: E402

PROJECTS = 20
MANIFEST = """format = "pbvote-manifest/1"
[election]
id = "bench"
title = {{ en = "Bench" }}
languages = ["en"]
opens = 2027-03-01T08:00:00+08:00
closes = 2027-03-14T20:00:00+08:00
[trustees]
count = 3
threshold = 2
[eligibility]
mode = "codes"
[[districts]]
id = "a"
name = {{ en = "A" }}
budget = 100000
currency = "TWD"
[districts.ballot]
type = "approval"
min = 1
max = {n}
[districts.outcome]
rule = "greedy"
[[districts]]
id = "k"
name = {{ en = "K" }}
budget = 100000
currency = "TWD"
[districts.ballot]
type = "knapsack"
[districts.outcome]
rule = "greedy"
{projects}
"""


def _manifest(folder: Path) -> Path:
    projects = "".join(
        f'[[projects]]\nid = "{d}{i:02d}"\ndistrict = "{d}"\ntitle = {{ en = "P{i}" }}\n'
        f'description = {{ en = "Project {i}." }}\ncost = {10000 + 1000 * i}\n'
        for d in "ak" for i in range(PROJECTS))
    path = folder / "bench.toml"
    path.write_text(MANIFEST.format(n=PROJECTS, projects=projects), encoding="utf-8")
    return path


_ARGS: tuple[bytes, bytes, bytes, bytes] | None = None


def _init(args: tuple[bytes, bytes, bytes, bytes]) -> None:
    global _ARGS
    _ARGS = args


def _check_all(ballots: list[bytes]) -> int:
    assert _ARGS is not None
    election = make_election(*_ARGS)
    for data in ballots:
        check_ballot(data, election)
    return len(ballots)


def ballots_per_second(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        election = load_manifest(_manifest(Path(tmp)))
    record, _ = run_in_room_ceremony(election, 3, 2)
    public_key = bytes(record.public_key)
    rng = random.Random(1)
    args = (election.fingerprint, election.canonical_bytes(), public_key, kiosks_bytes({}))
    figures = {}
    for district in ("a", "k"):
        ids = [p.id for p in election.projects_in(district)]
        ballots = []
        for _ in range(count):
            picks = frozenset(rng.sample(ids, 3 if district == "k" else rng.randint(1, PROJECTS)))
            ballots.append(encrypt_ballot(election, public_key, Selection(district, picks),
                                          generate_signing_key()).to_bytes())
        name = "approval20" if district == "a" else "knapsack20"
        _init(args)
        start = time.perf_counter()
        _check_all(ballots)
        figures[f"verify_{name}_per_s_1proc"] = round(count / (time.perf_counter() - start), 1)
        with multiprocessing.get_context("spawn").Pool(2, initializer=_init, initargs=(args,)) as pool:
            pool.map(_check_all, [ballots[:2], ballots[2:4]])  # warm up the workers
            start = time.perf_counter()
            pool.map(_check_all, [ballots[i:i + 10] for i in range(0, count, 10)])
            figures[f"verify_{name}_per_s_2proc"] = round(count / (time.perf_counter() - start), 1)
    return figures


def whole_record(voters: int) -> dict[str, float | int | bool]:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PBVOTE_KDF="interactive")
        subprocess.run([sys.executable, "-m", "tally.cli", "demo", "--voters", str(voters), "--out", tmp],
                       check=True, env=env, stdout=subprocess.DEVNULL, cwd=REPO)
        code = ("import resource, sys, time; from pathlib import Path; from tally.verify import verify_record; "
                "t = time.perf_counter(); r = verify_record(Path(sys.argv[1])); t = time.perf_counter() - t; "
                "assert r.valid, r.to_text(); "
                "print(t, max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
                "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))")
        out = subprocess.run([sys.executable, "-c", code, f"{tmp}/record"], check=True, capture_output=True,
                             text=True, cwd=REPO).stdout.split()
    seconds, peak_kb = float(out[0]), int(out[1])
    return {"verify_record_voters": voters, "verify_record_s": round(seconds, 2),
            "verify_record_10k_s": round(seconds * 10_000 / voters, 1),
            "verify_record_10k_extrapolated": voters != 10_000,
            "verify_record_10k_peak_mb": round(peak_kb / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=200, help="ballots per rule for the per-ballot figures")
    parser.add_argument("--voters", type=int, default=2000, help="voters of the demo record (max 10000)")
    args = parser.parse_args()
    figures: dict[str, object] = {"cpus": os.cpu_count()}
    figures.update(ballots_per_second(args.ballots))
    print(json.dumps(figures), file=sys.stderr)
    figures.update(whole_record(args.voters))
    figures["bench_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
