"""The ballot box survives its process being killed at any moment (docs/spec.md 26.6 step 4).

A separate process casts a stream of ballots and writes an acknowledgement
after each accepted one; the test kills it with SIGKILL at a random moment
(most land in the proof checks, some in the transaction or between the
commit and the acknowledgement), then opens the database afresh as a
restarted ballot box would.  Every time: the engine's integrity check
passes, every acknowledged ballot is on the board where its receipt said,
nothing else is there but the one ballot that was in flight, and the audit
(chain, spent credentials, remembered ciphertexts) holds.  The next trial
resends the ballot that was in flight, so a commit whose reply was lost
comes back as the same receipt.
"""

from __future__ import annotations

import os
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ballot.storage import Store
from crypto.tracking import tracking_hash
from tests.ballot.box_setup import Ready, prepare_election
from tests.ballot.box_workers import audit_board, kill, start_streamer

BATCH = 24
"""Ballots handed to one streamer: more than it can cast before the latest kill (a cast takes 20 ms or more)."""
LATEST_KILL_S = 0.25


@dataclass
class Ledger:
    """What the parent knows across trials: the ballot supply and every acknowledgement received."""

    ready: Ready
    seed: bytes
    supply: list[bytes] = field(default_factory=list)
    acked: dict[bytes, int] = field(default_factory=dict)
    """Tracking hash -> board position, as the receipts said."""
    next_index: int = 0
    """The first ballot of the supply not acknowledged yet (it may be on the board: in flight at the kill)."""

    def ballots(self, count: int) -> list[bytes]:
        """The next ``count`` ballots of the supply, encrypted when first needed."""
        while len(self.supply) < self.next_index + count:
            self.supply.append(self.ready.ballot(self.ready.codes[len(self.supply)]).to_bytes())
        return self.supply[self.next_index:self.next_index + count]


def _trial(ledger: Ledger, acks: Path, rng: random.Random) -> bool:
    """Run one streamer, kill it after a random delay, and check the database; True if it died mid-stream."""
    url = ledger.ready.url
    proc, ready = start_streamer(url, ledger.seed, ledger.ballots(BATCH), ledger.next_index, acks)
    deadline = time.monotonic() + 60
    while not ready.wait(0.05):  # not one long wait: a streamer that died at start must fail the test now
        assert proc.is_alive() and time.monotonic() < deadline, "the streamer did not open its ballot box"
    delay = rng.uniform(0, LATEST_KILL_S)
    proc.join(delay)
    kill(proc)

    lines = acks.read_text().splitlines() if acks.exists() else []
    finished = "DONE" in lines
    for line in lines:
        word, *rest = line.split()
        assert word in ("ACK", "DONE"), f"the streamer was refused: {line}"
        if word == "ACK":
            t, position, index = rest
            ledger.acked[bytes.fromhex(t)] = int(position)
            ledger.next_index = max(ledger.next_index, int(index) + 1)

    store = Store(url)  # what a restarted ballot box opens
    try:
        store.integrity_check()
        audit = audit_board(store, ledger.ready.election.fingerprint)
    finally:
        store.close()
    lost = {t.hex(): p for t, p in ledger.acked.items() if audit.ballots.get(t) != p}
    assert not lost, f"acknowledged ballots missing from the board (killed after {delay:.3f} s): {lost}"
    in_flight = {tracking_hash(ledger.supply[ledger.next_index])} if ledger.next_index < len(ledger.supply) else set()
    assert set(audit.ballots) - set(ledger.acked) <= in_flight, "unacknowledged ballots on the board besides the one in flight"
    assert 1 + len(audit.ballots) == audit.size
    return not finished


def _crash_trials(url: str, trials: int, tmp_path: Path) -> Ledger:
    """Kill ``trials`` streamers mid-stream on one continuing database (each trial casts fresh codes)."""
    ready = prepare_election(url, trials * BATCH)
    ledger = Ledger(ready, ready.box().board_key.secret_seed())
    rng = random.Random(int.from_bytes(os.urandom(8)))
    crashed = attempts = 0
    while crashed < trials:
        attempts += 1
        assert attempts <= 2 * trials, f"only {crashed} of {attempts} streamers were still casting when killed"
        crashed += _trial(ledger, tmp_path / f"acks-{attempts}.txt", rng)
    return ledger


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_acknowledged_ballot_on_sqlite(tmp_path: Path) -> None:
    ledger = _crash_trials(f"sqlite:///{tmp_path / 'pbvote.sqlite3'}", 50, tmp_path)
    assert len(ledger.acked) >= 50  # the kills landed among casts, not all before the first one


@pytest.mark.slow
@pytest.mark.pg
def test_sigkill_at_random_moments_loses_no_acknowledged_ballot_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    ledger = _crash_trials(pg_url, 10, tmp_path)
    assert len(ledger.acked) >= 10
