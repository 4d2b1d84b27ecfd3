"""The encrypted tally from a real closed board: which entries count, the sums, the format, the refusals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ballot.authority import create_authority, unlock_board_key
from ballot.box import Accepted, BallotBox, Spoiled
from ballot.ceremony_record import CeremonyRecord, save_ceremony
from ballot.encrypt import encrypt_ballot
from ballot.manifest import load_manifest
from ballot.manifest_model import Election
from ballot.polls import close_polls, open_polls
from ballot.registry import issue_codes, store_credentials
from ballot.samples import sample_manifest
from ballot.selection import Selection
from ballot.storage import Store, save_election
from crypto import _group as g
from crypto.codes import credential_keypair
from crypto.elgamal import decrypt
from crypto.threshold import lagrange_coefficient
from tally.ceremony import TrusteeShare, run_in_room_ceremony
from tally.homomorphic import TallyNotReady, compute_tally, parse_tally

BOARD_PASSPHRASE = "board passphrase for tally tests"
Chooser = Callable[[int, Election], Selection]


@dataclass
class Closed:
    """An election whose polls were opened, voted in and closed; the shares kept for decryption tests."""

    election: Election
    store: Store = field(repr=False)
    record: CeremonyRecord = field(repr=False)
    shares: list[TrusteeShare] = field(repr=False)
    expected: dict[str, list[int]]
    """Plaintext counts per district, manifest project order."""


def approval_chooser(i: int, election: Election) -> Selection:
    """A deterministic mix: two thirds north, a third south, 1..4 picks in a varying pattern."""
    district = "north" if i % 3 else "south"
    ids = [p.id for p in election.projects_in(district)]
    picks = {ids[(i * 7 + k * (1 + i % 3)) % len(ids)] for k in range(1 + i % 4)}
    return Selection(district, frozenset(picks))


def closed_election(url: str, voters: int, chooser: Chooser = approval_chooser, *, sample: str = "taipei-daan",
                    spoil_first: bool = False, close: bool = True) -> Closed:
    """Real ceremony, real codes, every ballot cast through the real ballot box, polls closed."""
    store = Store(url)
    store.upgrade()
    election = load_manifest(sample_manifest(sample))
    with store.write() as s:
        save_election(s, election)
        create_authority(s, election, BOARD_PASSPHRASE)
    record, shares = run_in_room_ceremony(election, election.trustees, election.threshold)
    codes, credentials = issue_codes(voters, election.fingerprint)
    with store.write() as s:
        save_ceremony(s, record)
        store_credentials(s, sorted(credentials))
    with store.read() as s:
        key = unlock_board_key(s, BOARD_PASSPHRASE)
    with store.write() as s:
        open_polls(s, key)
    box = BallotBox(store, key)
    expected: dict[str, list[int]] = {d.id: [0] * len(election.projects_in(d.id)) for d in election.districts}
    for i, code in enumerate(codes):
        selection = chooser(i, election)
        credential, _ = credential_keypair(code, election.fingerprint)
        if spoil_first and i == 0:
            prepared = encrypt_ballot(election, record.public_key, selection, credential)
            assert isinstance(box.spoil(prepared.to_bytes(), prepared.values, prepared.nonces), Spoiled)
        prepared = encrypt_ballot(election, record.public_key, selection, credential)
        assert isinstance(box.cast(prepared.to_bytes()), Accepted)
        for j, value in enumerate(prepared.values):
            expected[selection.district][j] += value
    if close:
        with store.write() as s:
            close_polls(s, key)
    return Closed(election, store, record, list(shares), expected)


def secret_of(closed: Closed, trustees: tuple[int, ...]) -> int:
    """The election secret, interpolated from k shares (tests only: the real tool never does this)."""
    shares = {s.trustee: s.secret for s in closed.shares if s.trustee in trustees}
    return sum(lagrange_coefficient(j, list(shares)) * x for j, x in shares.items()) % g.L


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Closed:
    """Nine approval ballots, one spoiled ballot before the first cast one."""
    url = f"sqlite:///{tmp_path_factory.mktemp('small') / 'e.sqlite3'}"
    return closed_election(url, 9, spoil_first=True)


def test_the_sums_decrypt_to_the_plaintext_counts_and_spoiled_ballots_do_not_count(small: Closed) -> None:
    with small.store.read() as s:
        tally = compute_tally(s, small.election)
    secret = secret_of(small, (1, 3))
    assert 9 == tally.ballots
    for d in tally.districts:
        assert small.expected[d.district] == [decrypt(secret, ct, d.ballots) for ct in d.sums]
        assert sum(1 for i in range(9) if approval_chooser(i, small.election).district == d.district) == d.ballots


def test_the_tally_is_bound_to_the_closed_board_and_round_trips(small: Closed) -> None:
    lines: list[str] = []
    with small.store.read() as s:
        tally = compute_tally(s, small.election, lines.append)
        again = compute_tally(s, small.election)
    data = tally.to_canonical_bytes()
    assert data == again.to_canonical_bytes()  # deterministic: every trustee recomputes the same bytes
    assert data.startswith(b'{"board":{"head":"') and not data.endswith(b"\n")
    assert 9 + 1 + 2 == tally.board_size  # open, a spoiled entry, nine ballots, close
    assert parse_tally(data, small.election) == tally
    assert any("9 ballots" in line for line in lines)


def test_a_district_without_ballots_sums_to_the_identity(tmp_path: Path) -> None:
    closed = closed_election(f"sqlite:///{tmp_path / 'e.sqlite3'}", 2,
                             lambda i, e: Selection("north", frozenset({"n01"})))
    with closed.store.read() as s:
        tally = compute_tally(s, closed.election)
    south = tally.districts[1]
    assert ("south", 0) == (south.district, south.ballots)
    assert all(ct.alpha == g.IDENTITY and ct.beta == g.IDENTITY for ct in south.sums)
    assert '["0100000000000000000000000000000000000000000000000000000000000000",' in \
        tally.to_canonical_bytes().decode()


def test_no_tally_while_the_polls_are_open(tmp_path: Path) -> None:
    closed = closed_election(f"sqlite:///{tmp_path / 'e.sqlite3'}", 1, close=False)
    with closed.store.read() as s, pytest.raises(TallyNotReady, match="still open"):
        compute_tally(s, closed.election)
