"""Threshold decryption of the tally (issue 6 acceptance): every pair agrees, one trustee cannot, a cheat is named."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest

from ballot.manifest import load_manifest
from ballot.samples import sample_manifest
from ballot.selection import Selection
from crypto import _group as g
from crypto.dlog import dlog
from crypto.errors import CryptoError
from crypto.threshold import combine_partials
from tally.decryption import (
    InvalidDecryption,
    NotEnoughDecryptions,
    TrusteeDecryption,
    combine,
    decrypt_tally,
    decryption_file_name,
    parse_decryption,
    select_valid,
    verify_decryption,
)
from tally.homomorphic import EncryptedTally, compute_tally
from tally.results import IndividualBallotsNeeded, district_outcome
from tests.tally.test_homomorphic import Closed, closed_election


@pytest.fixture(scope="module")
def sample300(tmp_path_factory: pytest.TempPathFactory) -> Closed:
    """The sample election, 3 trustees with threshold 2, 300 ballots cast, polls closed (built once)."""
    return closed_election(f"sqlite:///{tmp_path_factory.mktemp('e300') / 'e.sqlite3'}", 300)


@pytest.fixture(scope="module")
def decrypted(sample300: Closed) -> tuple[EncryptedTally, dict[int, TrusteeDecryption]]:
    """Each trustee recomputes the tally from the board and decrypts it with their share."""
    files = {}
    for share in sample300.shares:
        with sample300.store.read() as s:
            tally = compute_tally(s, sample300.election)
        files[share.trustee] = decrypt_tally(tally, sample300.election, share)
    return tally, files


def _expected(closed: Closed) -> tuple[tuple[str, tuple[int, ...]], ...]:
    return tuple((d.id, tuple(closed.expected[d.id])) for d in closed.election.districts)


def test_every_pair_of_trustees_gives_the_plaintext_counts(
        sample300: Closed, decrypted: tuple[EncryptedTally, dict[int, TrusteeDecryption]]) -> None:
    tally, files = decrypted
    assert 300 == tally.ballots
    for pair in itertools.combinations((1, 2, 3), 2):
        subset = {j: files[j] for j in pair}
        counts = combine(tally, sample300.election, subset, 2)
        assert pair == counts.trustees
        assert _expected(sample300) == counts.districts


def test_the_files_round_trip_and_verify_against_the_ceremony(
        sample300: Closed, decrypted: tuple[EncryptedTally, dict[int, TrusteeDecryption]]) -> None:
    tally, files = decrypted
    for j, dec in files.items():
        data = dec.to_canonical_bytes()
        assert data.startswith(b'{"districts":[{"district":"north","shares":[{"proof":{"c":"')
        parsed = parse_decryption(data)
        assert parsed == dec and j == parsed.trustee
        verify_decryption(parsed, tally, sample300.election, sample300.record)
    assert "decryptions/trustee-2.json" == decryption_file_name(2)


def test_one_trustee_alone_cannot_decrypt(
        sample300: Closed, decrypted: tuple[EncryptedTally, dict[int, TrusteeDecryption]]) -> None:
    tally, files = decrypted
    with pytest.raises(NotEnoughDecryptions, match="2 valid partial decryptions are needed, 1 available"):
        combine(tally, sample300.election, {1: files[1]}, 2)
    # and mathematically: one share alone does not give m·G for any sum
    north = tally.districts[0]
    for p, ct in enumerate(north.sums):
        point = combine_partials(ct, {1: files[1].districts[0][1][p].share})
        with pytest.raises(CryptoError):
            dlog(point, north.ballots)


def test_a_wrong_partial_decryption_is_named_and_the_tally_proceeds_with_two_others(
        sample300: Closed, decrypted: tuple[EncryptedTally, dict[int, TrusteeDecryption]]) -> None:
    tally, files = decrypted
    district, parts = files[2].districts[1]
    bad = dataclasses.replace(parts[0], share=g.add(parts[0].share, g.BASE))  # claims one more vote
    cheat = dataclasses.replace(files[2], districts=(files[2].districts[0], (district, (bad, *parts[1:]))))
    with pytest.raises(InvalidDecryption, match="trustee 2's partial decryption does not verify"):
        verify_decryption(cheat, tally, sample300.election, sample300.record)
    warnings: list[str] = []
    given = [("stored 1", files[1].to_canonical_bytes()), ("stored 2", cheat.to_canonical_bytes()),
             ("stored 3", files[3].to_canonical_bytes())]
    valid = select_valid(given, tally, sample300.election, sample300.record, warnings.append)
    assert ["trustee 2's partial decryption does not verify: ignored"] == warnings
    counts = combine(tally, sample300.election, valid, 2)
    assert ((1, 3), _expected(sample300)) == (counts.trustees, counts.districts)


def test_a_decryption_of_another_tally_is_ignored(
        sample300: Closed, decrypted: tuple[EncryptedTally, dict[int, TrusteeDecryption]]) -> None:
    tally, files = decrypted
    other = dataclasses.replace(files[3], tally=bytes(32))
    warnings: list[str] = []
    valid = select_valid([("x", other.to_canonical_bytes()), ("y", b"not json")], tally, sample300.election,
                         sample300.record, warnings.append)
    assert {} == valid
    assert "trustee 3's partial decryption is for another tally: ignored" == warnings[0]
    assert warnings[1].startswith("y: ")


def test_core_path_on_both_engines_with_an_empty_district(db_url: str) -> None:
    closed = closed_election(db_url, 3, lambda i, e: Selection("north", frozenset({"n01", "n02"} if i else {"n03"})))
    with closed.store.read() as s:
        tally = compute_tally(s, closed.election)
    files = {sh.trustee: decrypt_tally(tally, closed.election, sh) for sh in closed.shares[1:]}
    counts = combine(tally, closed.election, files, 2)
    assert (2, 3) == counts.trustees
    assert (0,) * len(closed.election.projects_in("south")) == counts.of("south")
    assert (2, 2, 1) == counts.of("north")[:3]


def test_a_cumulative_election_counts_points(tmp_path: Path) -> None:
    def chooser(i: int, election: object) -> Selection:
        return Selection("campus", points={"p01": 5, "p02": 3 + i % 2, "p03": 1})

    closed = closed_election(f"sqlite:///{tmp_path / 'e.sqlite3'}", 4, chooser, sample="school-points")
    with closed.store.read() as s:
        tally = compute_tally(s, closed.election)
    files = {sh.trustee: decrypt_tally(tally, closed.election, sh) for sh in closed.shares}
    counts = combine(tally, closed.election, files, 2)
    assert (20, 14, 4, 0) == counts.of("campus")[:4]
    district = closed.election.districts[0]
    outcome = district_outcome(district, closed.election.projects_in("campus"), counts.of("campus"))
    assert "greedy" == outcome.rule and "p01" == outcome.explanation[0].project


def test_an_equal_shares_district_is_refused_by_name() -> None:
    election = load_manifest(sample_manifest("riverside-knapsack"))
    district = election.districts[0]
    projects = election.projects_in(district.id)
    with pytest.raises(IndividualBallotsNeeded, match="district 'riverside' uses Equal Shares"):
        district_outcome(district, projects, [0] * len(projects))
