"""The ballot box under concurrent casters, on SQLite and a real PostgreSQL (docs/spec.md 26.6 step 4).

Real processes, each with its own engine, cast at the same moment: the
same credential from 2, 8 and 32 processes must be accepted exactly once
per round, and 1,000 distinct credentials from 8 processes must all land
once.  After every round the whole database is audited (chain, spent
credentials, remembered ciphertexts): a race that slips through leaves an
orphan there even when every caster got a plausible answer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from ballot.storage.models import CredentialRow
from crypto.tracking import tracking_hash
from tests.ballot.box_setup import Ready, prepare_election
from tests.ballot.box_workers import CasterPool, Job, audit_board

ROUNDS = 20
MOST_CASTERS = 32


@pytest.fixture(scope="module")
def pool() -> Iterator[CasterPool]:
    """One pool of worker processes for the whole module: forking 32 workers per round would dominate the time."""
    with CasterPool(MOST_CASTERS) as workers:
        yield workers


def _seed(ready: Ready) -> bytes:
    """The ballot-box key's seed, handed to workers so that each need not run Argon2 to unlock it."""
    return ready.box().board_key.secret_seed()


def _outcomes(outcomes: list[list[str]]) -> dict[str, int]:
    return dict(Counter(o for caster in outcomes for o in caster))


@pytest.mark.slow
@pytest.mark.parametrize("casters", [2, 8, MOST_CASTERS])
def test_one_credential_cast_by_many_processes_at_once_is_accepted_exactly_once_per_round(
        db_url: str, casters: int, pool: CasterPool) -> None:
    ready = prepare_election(db_url, ROUNDS)
    seed = _seed(ready)
    district = ready.election.districts[0].id
    projects = [p.id for p in ready.election.projects_in(district)]
    # Caster i's ballot for round r: code r, its own pick and its own fresh nonces (never the same bytes).
    shares: list[list[Job]] = [[(code, district, (projects[i % len(projects)],)) for code in ready.codes]
                               for i in range(casters)]
    ballots = pool.encrypt(db_url, seed, shares)
    for r in range(ROUNDS):
        round_ballots = [ballots[i][r] for i in range(casters)]
        run = pool.cast(db_url, seed, [[b] for b in round_ballots])
        assert {"Accepted": 1, "AlreadyVoted": casters - 1} == _outcomes(run.outcomes), f"round {r}"
        audit = audit_board(ready.store, ready.election.fingerprint)
        assert r + 1 == len(audit.ballots) == len(audit.credentials), f"round {r}"
        assert 1 == sum(tracking_hash(b) in audit.ballots for b in round_ballots), f"round {r}"
    assert 1 + ROUNDS == audit.size  # the open entry and one ballot per round, nothing else


@pytest.mark.slow
def test_a_thousand_credentials_cast_from_eight_processes_are_all_accepted_once(
        db_url: str, pool: CasterPool) -> None:
    voters, casters = 1000, 8
    ready = prepare_election(db_url, voters)
    seed = _seed(ready)
    district = ready.election.districts[0].id
    projects = [p.id for p in ready.election.projects_in(district)]
    shares: list[list[Job]] = [[(code, district, (projects[n % len(projects)],))
                                for n, code in enumerate(ready.codes[i::casters])] for i in range(casters)]
    ballots = pool.encrypt(db_url, seed, shares)
    assert [voters // casters] * casters == [len(b) for b in ballots]

    run = pool.cast(db_url, seed, ballots)

    assert {"Accepted": voters} == _outcomes(run.outcomes)
    audit = audit_board(ready.store, ready.election.fingerprint)
    assert {tracking_hash(b) for share in ballots for b in share} == set(audit.ballots)
    with ready.store.read() as s:
        assert set(s.scalars(select(CredentialRow.public_key))) == audit.credentials
    assert 1 + voters == audit.size
