"""One real PostgreSQL election and two ``pbvote serve`` instances over it, shared by the service tests."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.ballot.box_setup import Ready, prepare_election
from tests.ballot.box_workers import CasterPool
from tests.pg_server import create_database
from tests.service.harness import Instance, start_instance

VOTERS = 600
_counter = itertools.count()


@dataclass
class Served:
    """The election, its two instances (A, B) and a pool that encrypts ballots on both cores."""

    ready: Ready
    a: Instance
    b: Instance
    pool: CasterPool
    seed: bytes
    logs: Path
    codes: Iterator[str]

    def take(self, n: int) -> list[str]:
        """n voting codes no other test uses."""
        return [next(self.codes) for _ in range(n)]

    def encrypt(self, codes: list[str], pick: int = 0) -> list[bytes]:
        """Ballots for these codes (pick-th project of the first district), encrypted in the pool."""
        district = self.ready.election.districts[0].id
        project = self.ready.election.projects_in(district)[pick].id
        jobs = [(code, district, (project,)) for code in codes]
        half = (len(jobs) + 1) // 2
        shares = [jobs[:half], jobs[half:]]
        out = self.pool.encrypt(self.ready.url, self.seed, shares)
        return [b for share in out for b in share]


@pytest.fixture(scope="module")
def served(postgres_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    url = create_database(postgres_server, f"svc{os.getpid()}_{next(_counter)}")
    ready = prepare_election(url, VOTERS)
    logs = tmp_path_factory.mktemp("service-logs")
    seed = ready.box().board_key.secret_seed()
    fast = ("--rate-per-ip", "1000", "--burst-per-ip", "1000")
    a = start_instance(url, logs / "a.log", *fast, name="a")
    try:
        b = start_instance(url, logs / "b.log", *fast, name="b")
        try:
            with CasterPool(2) as pool:
                yield Served(ready, a, b, pool, seed, logs, iter(ready.codes))
        finally:
            b.stop()
    finally:
        a.stop()
        ready.store.close()
