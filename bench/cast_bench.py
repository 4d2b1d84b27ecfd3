"""Measure the ballot box's cast throughput on SQLite and PostgreSQL with 1, 2 and 8 concurrent casters.

Why: docs/spec.md 26.6 accepts a ballot only after checking every proof,
then appends it in one write transaction under the board's lock; this
measures what that costs end to end, so a city knows how many kiosks one
ballot box serves.  Target: PostgreSQL with 8 casters accepts at least
1,000 20-project ballots per minute on a 2-core machine.

Each configuration gets a fresh database holding a 20-project election
(the bundled taipei-daan sample with both areas merged into one district:
approval, 1 to 5 picks), with one voting code per ballot.  The ballots are
encrypted beforehand by the worker pool, then ``casters`` worker processes
(each with its own engine and connection, like kiosks) cast their shares
at the same moment; the figure is accepted ballots per second of wall time
from the start signal to the last reply.  Every cast verifies the
signatures and all proofs.  ``verify_ms_median`` is the proof and signature
check alone (``check_ballot``), in this process.  On a shared machine the
wall-time rates move with other load, so the JSON line also carries the
casters' CPU milliseconds per ballot (``cast_cpu_ms_*``, not counting the
PostgreSQL server) and the load average before and after the run.

PostgreSQL is a private server started for the run (tests/pg_server.py)
unless ``--pg-server URL`` names one (a superuser URL: the bench creates
one database per configuration).  Prints a table to stderr, then one JSON
line on stdout.

    .venv/bin/python bench/cast_bench.py [--pg-server URL] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("PBVOTE_KDF", "interactive")  # the ballot-box key is sealed at the tests' Argon2 cost

from ballot.ballot_check import check_ballot
from ballot.encrypted_ballot import parse_ballot
from ballot.manifest import load_manifest
from ballot.manifest_model import Election
from ballot.samples import sample_manifest
from tests.ballot.box_setup import Ready, prepare_election
from tests.ballot.box_workers import CasterPool, Job
from tests.pg_server import create_database, running_postgres

CASTERS = (1, 2, 8)
BALLOTS = {1: 60, 2: 100, 8: 200}
"""Ballots cast per configuration (times --scale): enough for a steady rate, the whole run in a few minutes."""
ENGINES = ("sqlite", "pg")
T = TypeVar("T")


def twenty_project_election() -> Election:
    """The taipei-daan sample with its two areas of 10 projects merged into one district of 20."""
    sample = load_manifest(sample_manifest("taipei-daan"))
    north = sample.districts[0]
    projects = tuple(replace(p, district=north.id) for p in sample.projects)
    return replace(sample, id="cast-bench-20", districts=(north,), projects=projects)


def prepare(url: str, election: Election, voters: int) -> Ready:
    """A ready election in a fresh database, with open polls, for this manifest."""
    return prepare_election(url, voters, election=election)


def jobs(ready: Ready, rng: random.Random) -> list[Job]:
    """One approval ballot per code, 1 to 5 of the 20 projects picked at random."""
    district = ready.election.districts[0]
    ids = [p.id for p in ready.election.projects_in(district.id)]
    rule = district.ballot
    return [(code, district.id, tuple(rng.sample(ids, rng.randint(rule.min_picks, rule.max_picks))))
            for code in ready.codes]


def split(items: list[T], parts: int) -> list[list[T]]:
    """Deal ``items`` round-robin into ``parts`` shares."""
    return [items[i::parts] for i in range(parts)]


def measure(pool: CasterPool, url: str, election: Election, casters: int, count: int,
            rng: random.Random) -> tuple[float, float, list[bytes], Ready]:
    """Accepted ballots per second with ``casters`` simultaneous casters, casters' CPU ms per ballot, the ballots."""
    ready = prepare(url, election, count)
    seed = ready.box().board_key.secret_seed()
    encrypted = pool.encrypt(url, seed, split(jobs(ready, rng), pool.size))
    ballots = [b for share in encrypted for b in share]
    run = pool.cast(url, seed, split(ballots, casters))
    outcomes = Counter(o for caster in run.outcomes for o in caster)
    if outcomes != {"Accepted": count}:
        raise SystemExit(f"cast_bench: expected {count} accepted ballots, got {dict(outcomes)}")
    return count / run.seconds, run.cpu_seconds * 1000 / count, ballots, ready


def verify_ms(ready: Ready, ballots: list[bytes]) -> list[float]:
    """Milliseconds to parse and check (signatures, every proof) each ballot, in this process."""
    times = []
    for data in ballots:
        start = time.perf_counter()
        check_ballot(parse_ballot(data), ready.election, ready.public_key, {})
        times.append((time.perf_counter() - start) * 1000)
    return times


@contextmanager
def pg_server(url: str | None) -> Iterator[str]:
    """The given server, or a private one for the run."""
    if url:
        yield url
        return
    with running_postgres() as started:
        yield started


def main() -> None:
    """Run every configuration and print the table and the JSON line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pg-server", metavar="URL", help="a PostgreSQL superuser URL (default: start one)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the ballots per configuration")
    args = parser.parse_args()

    election = twenty_project_election()
    rng = random.Random(2027)
    figures: dict[str, float | int | str] = {}
    verify: list[float] = []
    started = time.perf_counter()
    figures["loadavg_1m_before"] = round(os.getloadavg()[0], 2)
    with tempfile.TemporaryDirectory(prefix="pbvote-cast-bench-") as tmp, pg_server(args.pg_server) as server, \
            CasterPool(max(CASTERS)) as pool:
        for engine in ENGINES:
            for casters in CASTERS:
                count = max(casters, round(BALLOTS[casters] * args.scale))
                name = f"cast_bench_{os.getpid()}_{engine}_{casters}"
                url = f"sqlite:///{Path(tmp) / name}.sqlite3" if engine == "sqlite" else create_database(server, name)
                rate, cpu_ms, ballots, ready = measure(pool, url, election, casters, count, rng)
                if not verify:
                    verify = verify_ms(ready, ballots[:30])
                ready.store.close()
                figures[f"cast_per_s_{engine}_{casters}"] = round(rate, 2)
                figures[f"cast_cpu_ms_{engine}_{casters}"] = round(cpu_ms, 1)
                print(f"{engine:<7} {casters:>2} casters  {count:>4} ballots  {rate:7.1f} accepted/s  "
                      f"{rate * 60:7.0f}/min  {cpu_ms:6.1f} caster CPU ms/ballot", file=sys.stderr, flush=True)

    figures["cast_per_min_pg_8"] = round(float(figures["cast_per_s_pg_8"]) * 60)
    figures["verify_ms_median"] = round(statistics.median(verify), 2)
    figures["projects"] = len(election.projects)
    figures["cpus"] = os.cpu_count() or 0
    figures["seconds"] = round(time.perf_counter() - started, 1)
    figures["loadavg_1m_after"] = round(os.getloadavg()[0], 2)
    print(f"\nverify (check_ballot, 20 projects): median {figures['verify_ms_median']} ms; "
          f"target PostgreSQL 8 casters >= 1000/min: {figures['cast_per_min_pg_8']}/min "
          f"({'met' if int(figures['cast_per_min_pg_8']) >= 1000 else 'NOT met'})", file=sys.stderr)
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
