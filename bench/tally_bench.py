"""
Time the homomorphic tally and its threshold decryption for 10,000 and 100,000 ballots, and Equal Shares on Łódź.

The board is tests/tally/big_board.py's: a real election (20 approval
projects), ceremony, chain and ``open``/``close`` entries, and N ballot
entries that repeat the bytes of 64 real encrypted ballots (see its
docstring for what is synthetic and why the tally's cost is unaffected).

Timed, in a fresh child process per run: ``compute_tally`` from the closed
board (streamed), the partial decryptions of trustees 1 and 2 (with proofs),
their verification, the combination and the discrete logarithms.  Each size
runs twice: with every core (the default of ``pbvote tally``: the board is
summed by that many worker processes, ``tally_<n>_s``) and in one process
(``tally_<n>_1proc_s``).  ``point_add_us`` is the median cost of one
libsodium point addition as the tally makes it (crypto ``PointSums``), measured in the same run:
the tally does 2 per selection, so ``40 * point_add_us * n`` is the floor of
the one-process sum on a 20-project ballot.  Peak memory is the
coordinator's (``tally_<n>_peak_mb``) and the largest worker's.
``mes_add1_lodz_s`` is bench/rules_bench.py's method: Equal Shares with
add-one on Poland_Lodz_2022.pb read as approval ballots.

Usage: ``.venv/bin/python bench/tally_bench.py [--sizes 10000,100000] [--jobs N]``; ends with one JSON line
(with the load average and the cores, since other jobs on the machine change every figure).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ballot.ceremony_record import load_ceremony
from ballot.pabulib import read_pb
from ballot.storage import Store, load_election
from crypto import _group as g
from tally.ceremony import TrusteeShare, read_share_file
from tally.decryption import combine, decrypt_tally, select_valid
from tally.homomorphic import compute_tally, default_jobs
from tally.pabulib_outcome import pabulib_outcome
from tests.tally.big_board import PASSPHRASE, build_board


def point_add_us(samples: int = 7, count: int = 500) -> float:
    """Median microseconds of one point addition as the tally makes it (``PointSums.add_all``, 40 points a call)."""
    block = b"".join(g.base_mul(g.random_scalar()) for _ in range(40))
    sums = g.PointSums(40)
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        for _ in range(count):
            sums.add_all(block)
        times.append((time.perf_counter() - start) / (40 * count) * 1e6)
    return statistics.median(times)


def measure(url: str, folder: Path, n: int, jobs: int) -> dict[str, object]:
    """Child process: tally, two trustees decrypt, verify and combine; time and peak RSS."""
    store = Store(url)
    with store.read() as s:
        election = load_election(s)
        ceremony = load_ceremony(s)
    shares: list[TrusteeShare] = [read_share_file(folder / f"bench-{n}-trustee-{j}.share", PASSPHRASE,
                                                  election.fingerprint, ceremony=ceremony) for j in (1, 2)]
    _reset_peak()  # the shares' Argon2id unsealing is not part of the tally's memory
    start = time.perf_counter()
    with store.read() as s:
        tally = compute_tally(s, election, jobs=jobs)
    tallied = time.perf_counter()
    files = [(f"trustee {sh.trustee}", decrypt_tally(tally, election, sh).to_canonical_bytes()) for sh in shares]
    valid = select_valid(files, tally, election, ceremony, lambda line: print(line, file=sys.stderr))
    counts = combine(tally, election, valid, 2)
    done = time.perf_counter()
    return {"seconds": done - start, "tally_only_s": tallied - start, "counts": list(counts.of("north")),
            "peak_mb": _peak_mb(), "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "tally_bytes": len(tally.to_canonical_bytes()), "tally_hash": tally.tally_hash.hex()}


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float:
    """Peak resident memory since ``_reset_peak`` (VmHWM), else the process's ru_maxrss."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(url: str, folder: str, n: int, jobs: int) -> dict[str, object]:
    out = subprocess.run([sys.executable, __file__, "--child", url, folder, str(n), str(jobs)], check=True,
                         capture_output=True, text=True).stdout
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    """Build each board, measure it in fresh processes (every core, then one), time Equal Shares; one JSON line."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="processes for the tally (default: cores)")
    parser.add_argument("--child", nargs=4, metavar=("URL", "DIR", "N", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        url, folder, n, jobs = args.child
        print(json.dumps(measure(url, Path(folder), int(n), int(jobs))))
        return
    figures: dict[str, object] = {"point_add_us": round(point_add_us(), 2)}
    with tempfile.TemporaryDirectory(prefix="pbvote-tally-bench-") as tmp:
        for n in (int(x) for x in args.sizes.split(",")):
            start = time.perf_counter()
            board = build_board(Path(tmp), n)
            print(f"{n}: board built in {time.perf_counter() - start:.1f} s", file=sys.stderr)
            label = f"{n // 1000}k"
            hashes = set()
            for jobs, suffix in ((args.jobs, ""), (1, "_1proc")):
                result = _child(board.url, tmp, n, jobs)
                assert result["counts"] == board.expected, "decrypted counts differ from the plaintext counts"
                hashes.add(result["tally_hash"])
                figures[f"tally_{label}{suffix}_s"] = round(float(str(result["seconds"])), 2)
                figures[f"tally_{label}{suffix}_sum_only_s"] = round(float(str(result["tally_only_s"])), 2)
                figures[f"tally_{label}{suffix}_peak_mb"] = round(float(str(result["peak_mb"])), 1)
                if jobs > 1:
                    figures[f"tally_{label}_worker_peak_mb"] = round(float(str(result["worker_peak_mb"])), 1)
                print(f"{n}: {jobs} process(es): tally + decryption {result['seconds']:.1f} s, peak RSS "
                      f"{result['peak_mb']:.0f} MB, counts correct", file=sys.stderr)
            assert len(hashes) == 1, "the tally differs with the number of processes"
            figures[f"tally_{label}_floor_1proc_s"] = round(40 * n * float(str(figures["point_add_us"])) / 1e6, 1)
    figures["point_add_us_after"] = round(point_add_us(), 2)  # the load may change during the run
    lodz = Path(__file__).resolve().parents[2] / "shared" / "data" / "pabulib" / "Poland_Lodz_2022.pb"
    if lodz.is_file():
        pb = read_pb(lodz)
        start = time.perf_counter()
        pabulib_outcome(pb, "equalshares/add1")
        figures["mes_add1_lodz_s"] = round(time.perf_counter() - start, 2)
    figures["jobs"] = args.jobs
    figures["load_average_1m"] = round(os.getloadavg()[0], 2)
    figures["synthetic"] = ("ballot entries cycle through the bytes of 64 real encrypted ballots, inserted directly "
                            "with real chain hashes; election, ceremony, open/close, decryption and proofs real")
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
