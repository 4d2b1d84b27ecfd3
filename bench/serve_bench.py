"""
Accepted casts per second and latency of ``pbvote serve`` for 1, 8 and 32 concurrent clients, one and two instances.

Everything is real: a PostgreSQL server (started here through
tests/pg_server.py unless ``--pg-server URL``), the bundled sample election
with a real ceremony and real voting codes, ``pbvote serve`` processes on
loopback ports, and clients using ballot/remote.py (which verifies every
receipt's signature, as a kiosk does).  Ballots are encrypted before the
clock starts (two processes), so what is timed is the HTTP round trip, the
ballot box's full checks (signatures, every proof) and the PostgreSQL
transaction.  Each run casts fresh credentials: every cast is a first cast.

Note the machine: clients, service instances and PostgreSQL share its
cores, so with two instances the proofs compete with the clients for CPU;
the figures are a floor for a real deployment with separate machines.

Usage: ``.venv/bin/python bench/serve_bench.py [--casts 40,160,320] [--pg-server URL]``;
ends with one JSON line.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ballot.box import Accepted
from ballot.remote import RemoteBallotBox
from tests.ballot.box_setup import Ready, prepare_election
from tests.ballot.box_workers import CasterPool
from tests.pg_server import create_database, running_postgres
from tests.service.harness import Instance, start_instance

CLIENTS = (1, 8, 32)


@contextlib.contextmanager
def _server(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    with running_postgres() as started:
        yield started


def _encrypt(pool: CasterPool, ready: Ready, seed: bytes, codes: list[str]) -> list[bytes]:
    district = ready.election.districts[0].id
    project = ready.election.projects_in(district)[0].id
    jobs = [(code, district, (project,)) for code in codes]
    half = (len(jobs) + 1) // 2
    return [b for share in pool.encrypt(ready.url, seed, [jobs[:half], jobs[half:]]) for b in share]


def _run(instances: list[Instance], ballots: list[bytes], clients: int) -> dict[str, float]:
    """Cast every ballot from ``clients`` threads spread over the instances; rate and latency percentiles."""
    local = threading.local()
    latencies: list[float] = []

    def cast(i: int) -> None:
        if not hasattr(local, "box"):
            local.box = RemoteBallotBox(instances[threading.get_ident() % len(instances)].url)
        started = time.perf_counter()
        result = local.box.cast(ballots[i])
        latencies.append(time.perf_counter() - started)
        if not isinstance(result, Accepted) or result.duplicate:
            raise RuntimeError(f"cast {i} was not a first acceptance: {type(result).__name__}")

    with ThreadPoolExecutor(clients) as pool:
        started = time.perf_counter()
        list(pool.map(cast, range(len(ballots))))
        elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {"casts_per_s": len(ballots) / elapsed,
            "p50_ms": statistics.median(ordered) * 1000,
            "p99_ms": ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] * 1000}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--casts", default="40,160,320", help="casts per run for 1, 8 and 32 clients")
    parser.add_argument("--pg-server", metavar="URL", help="a PostgreSQL superuser URL (default: start one)")
    args = parser.parse_args()
    casts = [int(n) for n in args.casts.split(",")]
    if len(casts) != len(CLIENTS):
        parser.error("--casts: three numbers, for 1, 8 and 32 clients")
    figures: dict[str, float] = {}
    with _server(args.pg_server) as server, tempfile.TemporaryDirectory() as tmp:
        url = create_database(server, f"serve_bench_{os.getpid()}")
        ready = prepare_election(url, 2 * sum(casts))
        seed = ready.box().board_key.secret_seed()
        codes = iter(ready.codes)
        with CasterPool(2) as pool:
            t0 = time.perf_counter()
            ballots = _encrypt(pool, ready, seed, [next(codes) for _ in range(2 * sum(casts))])
            print(f"encrypted {len(ballots)} ballots in {time.perf_counter() - t0:.1f} s (not timed below)",
                  flush=True)
        fast = ("--rate-per-ip", "1000000", "--burst-per-ip", "1000000")
        instances = [start_instance(url, Path(tmp) / f"{name}.log", *fast, name=name) for name in ("a", "b")]
        try:
            offset = 0
            for count, prefix in ((1, "serve"), (2, "serve2")):
                for clients, n in zip(CLIENTS, casts, strict=True):
                    run = _run(instances[:count], ballots[offset:offset + n], clients)
                    offset += n
                    print(f"{count} instance(s), {clients:2d} clients, {n} casts: {run['casts_per_s']:6.1f} casts/s, "
                          f"p50 {run['p50_ms']:6.1f} ms, p99 {run['p99_ms']:6.1f} ms", flush=True)
                    figures[f"{prefix}_casts_per_s_c{clients}"] = round(run["casts_per_s"], 1)
                    figures[f"{prefix}_p50_ms_c{clients}"] = round(run["p50_ms"], 1)
                    figures[f"{prefix}_p99_ms_c{clients}"] = round(run["p99_ms"], 1)
        finally:
            for instance in instances:
                instance.stop()
            ready.store.close()
    figures["cpu_count"] = os.cpu_count() or 0
    print(json.dumps(figures, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
