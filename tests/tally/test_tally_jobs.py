"""The tally summed by several processes is byte-identical to the one summed in one (spec 32, issue 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from ballot.storage import Store, load_election
from ballot.storage.models import BoardEntryRow
from tally.homomorphic import InvalidTally, compute_tally
from tests.tally.big_board import BigBoard, build_board

BALLOTS = 2500
CHUNK = 400  # 6 full chunks to the workers and a partial one summed by the coordinator


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory) -> BigBoard:
    return build_board(tmp_path_factory.mktemp("board"), BALLOTS)


@pytest.mark.slow  # three tallies of 2,500 ballots, two of them in spawned workers: ~10 s
def test_the_tally_bytes_do_not_depend_on_the_number_of_processes(board: BigBoard) -> None:
    store = Store(board.url)
    lines: list[str] = []
    with store.read() as s:
        election = load_election(s)
        alone = compute_tally(s, election, jobs=1)
        tallies = [compute_tally(s, election, lines.append, jobs=jobs, chunk=CHUNK) for jobs in (2, 3)]
    store.close()
    assert BALLOTS == alone.ballots
    assert [alone.to_canonical_bytes()] * 2 == [t.to_canonical_bytes() for t in tallies]
    assert "tally: summing the ballots of the closed board (3 processes)" in lines
    assert f"tally: {BALLOTS} ballots summed (board closed at entry {BALLOTS + 1})" in lines


def test_a_malformed_ballot_summed_by_a_worker_is_named(tmp_path: Path) -> None:
    board = build_board(tmp_path, 30)
    store = Store(board.url)
    with store.write() as s:  # the database altered behind the ballot box's back
        s.execute(update(BoardEntryRow).where(BoardEntryRow.position == 17).values(payload=b'{"no": "ballot"}'))
    with store.read() as s, pytest.raises(InvalidTally, match="board entry 17: not a well-formed ballot"):
        compute_tally(s, load_election(s), jobs=2, chunk=10)
    store.close()
