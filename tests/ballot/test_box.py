"""The ballot box on SQLite and a real PostgreSQL: typed results, replays, Benaloh spoiling, receipts."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from ballot.authority import board_public_key
from ballot.board import board_entries, current_head
from ballot.box import Accepted, AlreadyVoted, InvalidBallotResult, NotEligible, PollsClosed, Spoiled, exit_status
from ballot.encrypt import BALLOT_SIGNATURE_TAG, encrypt_ballot
from ballot.encrypted_ballot import parse_ballot
from ballot.polls import close_polls
from ballot.selection import Selection
from crypto import elgamal
from crypto.canonical import canonical_json
from crypto.codes import credential_keypair, generate_code
from crypto.signatures import sign
from crypto.tracking import tracking_hash
from tests.ballot.box_setup import Ready, prepare_election


@pytest.fixture
def ready(db_url: str) -> Ready:
    return prepare_election(db_url, 6)


def _board_size(ready: Ready) -> int:
    with ready.store.read() as s:
        return current_head(s, ready.election.fingerprint)[0].size


def test_a_valid_ballot_is_accepted_with_a_signed_receipt_that_names_its_board_entry(ready: Ready) -> None:
    box = ready.box()
    prepared = ready.ballot(ready.codes[0], kiosk=True)
    result = box.cast(prepared.to_bytes())
    assert isinstance(result, Accepted)
    assert 0 == exit_status(result)
    receipt = result.receipt
    with ready.store.read() as s:
        receipt.verify(board_public_key(s))
        entries = list(board_entries(s))
    assert tracking_hash(prepared.to_bytes()) == receipt.tracking_hash
    assert prepared.tracking_code.short == receipt.tracking_code.short
    assert "ballot" == entries[receipt.position].kind
    assert prepared.to_bytes() == entries[receipt.position].payload
    assert entries[receipt.position].entry_hash == receipt.head_hash


def test_resending_the_same_ballot_returns_the_same_receipt_and_stores_nothing(ready: Ready) -> None:
    box = ready.box()
    data = ready.ballot(ready.codes[0]).to_bytes()
    first = box.cast(data)
    size = _board_size(ready)
    again = box.cast(data)
    assert isinstance(first, Accepted) and isinstance(again, Accepted)
    assert again.duplicate and not first.duplicate
    assert first.receipt == again.receipt
    assert size == _board_size(ready)


def test_a_second_ballot_for_the_same_code_is_already_voted(ready: Ready) -> None:
    box = ready.box()
    assert isinstance(box.cast(ready.ballot(ready.codes[0]).to_bytes()), Accepted)
    result = box.cast(ready.ballot(ready.codes[0]).to_bytes())
    assert AlreadyVoted() == result
    assert 3 == exit_status(result)


def test_a_code_that_is_not_on_the_list_is_not_eligible(ready: Ready) -> None:
    result = ready.box().cast(ready.ballot(generate_code()).to_bytes())
    assert isinstance(result, NotEligible)
    assert 4 == exit_status(result)


def test_casting_before_opening_and_after_closing_is_refused(db_url: str) -> None:
    ready = prepare_election(db_url, 2, open_now=False)
    box = ready.box()
    assert PollsClosed("before") == box.cast(ready.ballot(ready.codes[0]).to_bytes())
    from ballot.polls import open_polls

    with ready.store.write() as s:
        open_polls(s, box.board_key)
    assert isinstance(box.cast(ready.ballot(ready.codes[0]).to_bytes()), Accepted)
    with ready.store.write() as s:
        close_polls(s, box.board_key)
    result = box.cast(ready.ballot(ready.codes[1]).to_bytes())
    assert PollsClosed("closed") == result
    assert 5 == exit_status(result)


def _resigned(ready: Ready, ballot_bytes: bytes, code: str, **changes: object) -> bytes:
    """The ballot with some members changed and re-signed by ``code``'s credential (a forger's best)."""
    key, public = credential_keypair(code, ready.election.fingerprint)
    ballot = replace(parse_ballot(ballot_bytes), credential=public, **changes)  # type: ignore[arg-type]
    signature = sign(key, BALLOT_SIGNATURE_TAG, ballot.body_bytes())
    return replace(ballot, credential_signature=signature).to_bytes()


def test_proofs_copied_under_another_valid_credential_are_refused(ready: Ready) -> None:
    box = ready.box()
    original = ready.ballot(ready.codes[0]).to_bytes()
    copied = _resigned(ready, original, ready.codes[1])
    result = box.cast(copied)
    assert InvalidBallotResult("proof selection/0 does not verify") == result
    assert 6 == exit_status(result)


def test_a_rerandomised_copy_with_the_old_proofs_is_refused(ready: Ready) -> None:
    original = parse_ballot(ready.ballot(ready.codes[0]).to_bytes())
    pk = elgamal.decode_public_key(ready.public_key)
    shifted = tuple(elgamal.add(ct, elgamal.encrypt(pk, 0)[0]) for ct in original.selections)
    copy = _resigned(ready, original.to_bytes(), ready.codes[1], selections=shifted)
    result = ready.box().cast(copy)
    assert isinstance(result, InvalidBallotResult)
    assert result.reason.startswith("proof ")


def test_a_ballot_moved_to_another_district_is_refused(ready: Ready) -> None:
    north, south = (d.id for d in ready.election.districts)
    original = ready.ballot(ready.codes[0], district=north).to_bytes()
    moved = _resigned(ready, original, ready.codes[0], district=south)
    assert InvalidBallotResult("proof selection/0 does not verify") == ready.box().cast(moved)


def test_a_ballot_for_another_election_is_refused(ready: Ready) -> None:
    other = replace(ready.election, id="another-election")
    assert other.fingerprint != ready.election.fingerprint
    key, _ = credential_keypair(ready.codes[0], other.fingerprint)
    district = other.districts[0].id
    pick = frozenset({other.projects_in(district)[0].id})
    foreign = encrypt_ballot(other, ready.public_key, Selection(district, pick), key)
    result = ready.box().cast(foreign.to_bytes())
    assert InvalidBallotResult("the ballot is for another election") == result


def test_tampered_signatures_and_non_canonical_bytes_are_refused(ready: Ready) -> None:
    box = ready.box()
    data = ready.ballot(ready.codes[0], kiosk=True).to_bytes()
    value = json.loads(data)
    value["signatures"]["kiosk"] = "00" * 64
    assert InvalidBallotResult("kiosk signature does not verify") == box.cast(canonical_json(value))
    value = json.loads(data)
    signature = bytearray.fromhex(value["signatures"]["credential"])
    signature[0] ^= 1  # in R: S's top byte is often 0, so changing it could change nothing
    value["signatures"]["credential"] = signature.hex()
    assert InvalidBallotResult("credential signature does not verify") == box.cast(canonical_json(value))
    assert isinstance(box.cast(data + b" "), InvalidBallotResult)
    assert isinstance(box.cast(b"{}"), InvalidBallotResult)
    value = json.loads(data)
    value["kiosk"] = "kiosk-9"
    assert isinstance(box.cast(canonical_json(value)), InvalidBallotResult)


def test_spoiling_publishes_the_choices_keeps_the_code_usable_and_the_ballot_can_never_be_cast(
        ready: Ready) -> None:
    box = ready.box()
    district = ready.election.districts[0].id
    picks = tuple(p.id for p in ready.election.projects_in(district)[:3])
    prepared = ready.ballot(ready.codes[0], picks=picks)
    spoiled = box.spoil(prepared.to_bytes(), prepared.values, prepared.nonces)
    assert isinstance(spoiled, Spoiled)
    assert dict.fromkeys(picks, 1) == dict(spoiled.choices)
    again = box.spoil(prepared.to_bytes(), prepared.values, prepared.nonces)
    assert isinstance(again, Spoiled) and again.duplicate and again.receipt == spoiled.receipt
    refused = box.cast(prepared.to_bytes())
    assert isinstance(refused, InvalidBallotResult) and "spoiled" in refused.reason
    assert isinstance(box.cast(ready.ballot(ready.codes[0]).to_bytes()), Accepted)
    with ready.store.read() as s:
        kinds = [e.kind for e in board_entries(s)]
    assert ["open", "spoiled", "ballot"] == kinds


def test_a_spoil_with_a_wrong_reveal_is_refused_and_stores_nothing(ready: Ready) -> None:
    box = ready.box()
    prepared = ready.ballot(ready.codes[0])
    lie = (1 - prepared.values[0], *prepared.values[1:])
    size = _board_size(ready)
    result = box.spoil(prepared.to_bytes(), lie, prepared.nonces)
    assert InvalidBallotResult("spoiled ballot: selection 0 does not match its revealed value") == result
    assert size == _board_size(ready)


def test_a_ballot_that_repeats_a_ciphertext_is_refused_not_crashed(ready: Ready) -> None:
    original = parse_ballot(ready.ballot(ready.codes[0]).to_bytes())
    repeated = (original.selections[1], *original.selections[1:])
    proofs = (original.selection_proofs[1], *original.selection_proofs[1:])
    forged = _resigned(ready, original.to_bytes(), ready.codes[0], selections=repeated, selection_proofs=proofs)
    assert InvalidBallotResult("the ballot repeats a ciphertext (a nonce used twice)") == ready.box().cast(forged)


def test_a_spoil_with_too_few_revealed_values_is_refused(ready: Ready) -> None:
    prepared = ready.ballot(ready.codes[0])
    result = ready.box().spoil(prepared.to_bytes(), prepared.values[:-1], prepared.nonces)
    assert InvalidBallotResult("spoiled ballot: one value and one nonce per selection") == result
