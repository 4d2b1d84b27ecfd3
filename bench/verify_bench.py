"""Benchmark of the observers' verifier (tally.verify): ballots per second and a whole record.

1. Ballot proofs: 200 real ballots of 20 projects per shape, encrypted by
   pbvote's own ballot/encrypt.py, then checked by tally.verify (every
   signature and proof, section 26.5) in one process and in two.  Shapes:
   ``approval20``, any number of 20 projects approved (no count proof: the
   ballot of PERFORMANCE.md's estimate behind the issue's target of 110
   ballots/s on 2 cores); ``approval20min1``, at least one (the count proof
   is a 20-branch disjunction, 60 more variable-base multiplications);
   ``approval20max5``, one to five (a typical ballot, as Łódź); and
   knapsack.
2. The floor of each shape, measured in the same run: the libsodium
   operations check_ballot makes on one ballot (counted by wrapping
   tally.verify.group's bindings: variable-base V, fixed-base F and
   add/sub A multiplications, is_valid_point, plus its Ed25519
   verifications) times each operation's cost timed here on the raw
   binding.  For approval ballots the counts are PERFORMANCE.md's minimal
   ones (6 V + 2 F + 5 A per selection, 3 V + F + 3 A per count branch and
   2(n - 1) A for the sum), so ``*_floor_ms`` is what no implementation on
   PyNaCl can beat and ``ms_1proc - floor_ms`` is framing, parsing, hashing
   and Python (``cpu_ms_1proc``, the process's CPU time, is what a busy
   machine distorts least; the unit costs are CPU times too).  The load
   average is noted beside the figures: measure on a quiet machine (other
   engineers share its two cores).
3. A whole record: ``pbvote demo --voters N`` (real ballot box, N distinct
   ballots; default N = 2000 because building 10,000 takes most of an hour
   on this 2-core machine), then ``tally.verify`` with every core; the
   10k time is extrapolated linearly from N (flagged in the output) unless
   ``--voters 10000``.  Peak memory is the maximum resident set of the
   verifier's process and of its workers.

Ends with one JSON line of figures (DESIGN.md "Interfaces").
"""

from __future__ import annotations

import argparse
import collections
import json
import multiprocessing
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ballot.encrypt import encrypt_ballot  # noqa: E402
from ballot.manifest import load_manifest  # noqa: E402
from ballot.selection import Selection  # noqa: E402
from crypto.signatures import generate_signing_key  # noqa: E402
from tally.ceremony import run_in_room_ceremony  # noqa: E402
from tally.verify import group  # noqa: E402
from tally.verify.ballot import check_ballot  # noqa: E402
from tally.verify.encoding import frame  # noqa: E402
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
{districts}{projects}
"""


BALLOTS = {"a": f'type = "approval"\nmin = 0\nmax = {PROJECTS}', "m": f'type = "approval"\nmin = 1\nmax = {PROJECTS}',
           "b": 'type = "approval"\nmin = 1\nmax = 5', "k": 'type = "knapsack"'}
"""District id -> its ``[districts.ballot]`` lines."""


def _manifest(folder: Path) -> Path:
    districts = "".join(f'[[districts]]\nid = "{d}"\nname = {{ en = "{d.upper()}" }}\nbudget = 100000\n'
                        f'currency = "TWD"\n[districts.ballot]\n{ballot}\n[districts.outcome]\nrule = "greedy"\n'
                        for d, ballot in BALLOTS.items())
    projects = "".join(
        f'[[projects]]\nid = "{d}{i:02d}"\ndistrict = "{d}"\ntitle = {{ en = "P{i}" }}\n'
        f'description = {{ en = "Project {i}." }}\ncost = {10000 + 1000 * i}\n'
        for d in BALLOTS for i in range(PROJECTS))
    path = folder / "bench.toml"
    path.write_text(MANIFEST.format(districts=districts, projects=projects), encoding="utf-8")
    return path


SHAPES = {"a": ("approval20", PROJECTS), "m": ("approval20min1", PROJECTS), "b": ("approval20max5", 5),
          "k": ("knapsack20", 3)}
"""District -> (figure name, most picks of its random ballots)."""
_ELECTION: Any = None


def _init(args: tuple[bytes, bytes, bytes, bytes]) -> None:
    """Build the election once per process, not once per chunk."""
    global _ELECTION
    _ELECTION = make_election(*args)


def _check_all(ballots: list[bytes]) -> int:
    for data in ballots:
        check_ballot(data, _ELECTION)
    return len(ballots)


def _load() -> float:
    return round(os.getloadavg()[0], 2)


_OPS = {"crypto_scalarmult_ed25519_noclamp": "V", "crypto_scalarmult_ed25519_base_noclamp": "F",
        "crypto_core_ed25519_add": "A", "crypto_core_ed25519_sub": "A", "crypto_core_ed25519_is_valid_point": "valid"}


class _Counting:
    """Stands in for a libsodium binding module and counts the calls of the operations of the floor."""

    def __init__(self, target: Any, counts: collections.Counter[str]) -> None:
        self.target, self.counts = target, counts

    def __getattr__(self, name: str) -> Any:
        function = getattr(self.target, name)
        if name not in _OPS:
            return function
        op = _OPS[name]

        def counted(*args: Any) -> Any:
            self.counts[op] += 1
            return function(*args)
        return counted


def _op_counts(data: bytes) -> dict[str, int]:
    """The libsodium operations of check_ballot on one ballot, its Ed25519 verifications ("sig") included."""
    counts: collections.Counter[str] = collections.Counter()
    lib, nb = group.lib, group.nb
    group.lib, group.nb = _Counting(lib, counts), _Counting(nb, counts)
    try:
        check_ballot(data, _ELECTION)
    finally:
        group.lib, group.nb = lib, nb
    counts["sig"] = len(json.loads(data)["signatures"])
    return dict(counts)


def _unit_costs(data: bytes) -> dict[str, float]:
    """CPU milliseconds per operation on the raw binding (best of 7), Ed25519 on this ballot's own body."""
    point = group.mul(2**250 + 12345, group.G)
    scalar = (2**250 + 6789).to_bytes(32, "little")
    out = group.ffi.new("unsigned char[32]")
    ballot = json.loads(data)
    body = frame("pbvote/1/ballot", data[:data.rindex(b',"signatures":{')] + b"}")
    key, signature = bytes.fromhex(ballot["credential"]), bytes.fromhex(ballot["signatures"]["credential"])
    assert group.signature_verifies(key, signature, body)
    ops = {"V": lambda: group.lib.crypto_scalarmult_ed25519_noclamp(out, scalar, point),
           "F": lambda: group.lib.crypto_scalarmult_ed25519_base_noclamp(out, scalar),
           "A": lambda: group.lib.crypto_core_ed25519_sub(out, point, group.G),
           "valid": lambda: group.lib.crypto_core_ed25519_is_valid_point(point),
           "sig": lambda: group.signature_verifies(key, signature, body)}
    return {op: min(timeit.repeat(f, number=200, repeat=7, timer=time.process_time)) / 200 * 1000
            for op, f in ops.items()}


def _floor(name: str, data: bytes) -> dict[str, Any]:
    counts, unit = _op_counts(data), _unit_costs(data)
    return {f"verify_{name}_floor_ms": round(sum(n * unit[op] for op, n in counts.items()), 2),
            f"verify_{name}_ops": counts, f"verify_{name}_unit_us": {op: round(u * 1000, 1) for op, u in unit.items()}}


def ballots_per_second(count: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        election = load_manifest(_manifest(Path(tmp)))
    record, _ = run_in_room_ceremony(election, 3, 2)
    public_key = bytes(record.public_key)
    rng = random.Random(1)
    args = (election.fingerprint, election.canonical_bytes(), public_key, kiosks_bytes({}))
    _init(args)
    figures: dict[str, Any] = {}
    for district, (name, most) in SHAPES.items():
        ids = [p.id for p in election.projects_in(district)]
        ballots = []
        for _ in range(count):
            picks = frozenset(rng.sample(ids, most if district == "k" else rng.randint(1, most)))
            ballots.append(encrypt_ballot(election, public_key, Selection(district, picks),
                                          generate_signing_key()).to_bytes())
        figures[f"verify_{name}_load"] = _load()
        figures.update(_floor(name, ballots[0]))
        start, cpu = time.perf_counter(), time.process_time()
        _check_all(ballots)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        figures[f"verify_{name}_per_s_1proc"] = round(count / seconds, 1)
        figures[f"verify_{name}_ms_1proc"] = round(seconds * 1000 / count, 2)
        figures[f"verify_{name}_cpu_ms_1proc"] = round(cpu * 1000 / count, 2)  # what a busy machine distorts least
        with multiprocessing.get_context("spawn").Pool(2, initializer=_init, initargs=(args,)) as pool:
            pool.map(_check_all, [ballots[:2], ballots[2:4]])  # warm up the workers
            start = time.perf_counter()
            pool.map(_check_all, [ballots[i:i + 20] for i in range(0, count, 20)])
            figures[f"verify_{name}_per_s_2proc"] = round(count / (time.perf_counter() - start), 1)
        figures[f"verify_{name}_load_after"] = _load()
        print(json.dumps({k: v for k, v in figures.items() if k.startswith(f"verify_{name}_")}), file=sys.stderr)
    return figures


def whole_record(voters: int, record: Path | None = None) -> dict[str, float | int | bool]:
    """Build a demo record of ``voters`` (or take ``record``, already built) and time ``verify_record`` on it."""
    with tempfile.TemporaryDirectory() as tmp:
        if record is None:
            env = dict(os.environ, PBVOTE_KDF="interactive")
            subprocess.run([sys.executable, "-m", "tally.cli", "demo", "--voters", str(voters), "--out", tmp],
                           check=True, env=env, stdout=subprocess.DEVNULL, cwd=REPO)
            record = Path(tmp) / "record"
        else:
            with (record / "board.jsonl").open("rb") as board:
                voters = sum(b'"kind":"ballot"' in line for line in board)
        code = ("import resource, sys, time; from pathlib import Path; from tally.verify import verify_record; "
                "t = time.perf_counter(); r = verify_record(Path(sys.argv[1])); t = time.perf_counter() - t; "
                "assert r.valid, r.to_text(); "
                "print(t, max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
                "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))")
        out = subprocess.run([sys.executable, "-c", code, str(record)], check=True, capture_output=True,
                             text=True, cwd=REPO).stdout.split()
    seconds, peak_kb = float(out[0]), int(out[1])
    return {"verify_record_voters": voters, "verify_record_s": round(seconds, 2),
            "verify_record_10k_s": round(seconds * 10_000 / voters, 1),
            "verify_record_10k_extrapolated": voters != 10_000,
            "verify_record_10k_peak_mb": round(peak_kb / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=200, help="ballots per rule for the per-ballot figures")
    parser.add_argument("--voters", type=int, default=2000,
                        help="voters of the demo record (max 10000; 0: no whole-record figures)")
    parser.add_argument("--record", type=Path, help="time this record (built before, e.g. by 'pbvote demo "
                        "--voters 10000' while the machine was busy) instead of building a demo record")
    args = parser.parse_args()
    figures: dict[str, object] = {"cpus": os.cpu_count()}
    figures.update(ballots_per_second(args.ballots))
    if args.voters or args.record:
        figures["verify_record_load"] = _load()
        figures.update(whole_record(args.voters, args.record))
        figures["verify_record_load_after"] = _load()
    figures["bench_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
