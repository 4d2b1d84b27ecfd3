"""Bulletin-board hash chain: append, verify, every kind of tampering, signed heads."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from crypto.encoding import digest
from crypto.errors import EncodingError, InvalidSignature
from crypto.hashchain import (
    BrokenChain,
    Entry,
    Head,
    append,
    check_kind,
    entry_hash,
    genesis,
    payload_hash,
    sign_head,
    verify_chain,
    verify_head,
)
from crypto.signatures import signing_key_from_seed

FP = digest("pbvote/1/test-fingerprint")
KEY = signing_key_from_seed(bytes(range(32)))
EVENTS = [("open", b"{}"), ("ballot", b"b1"), ("spoiled", b"s1"), ("ballot", b"b2"), ("close", b"c")]


def build(events: list[tuple[str, bytes]] = EVENTS) -> tuple[list[Entry], Head]:
    head = genesis(FP)
    entries = []
    for kind, payload in events:
        entry, head = append(head, kind, payload)
        entries.append(entry)
    return entries, head


def test_genesis() -> None:
    head = genesis(FP)
    assert Head(FP, 0, digest("pbvote/1/board-genesis", FP)) == head
    assert head == verify_chain([], FP)


def test_append_computes_specified_hashes() -> None:
    entries, head = build()
    first = entries[0]
    assert 0 == first.index
    assert digest("pbvote/1/board-payload", b"{}") == first.payload_hash
    assert genesis(FP).head_hash == first.previous_hash
    expected = digest("pbvote/1/board-entry", FP, 0, "open", first.payload_hash, first.previous_hash)
    assert expected == first.entry_hash
    for before, after in itertools.pairwise(entries):
        assert before.entry_hash == after.previous_hash
        assert before.index + 1 == after.index
    assert Head(FP, len(EVENTS), entries[-1].entry_hash) == head


def test_verify_returns_head() -> None:
    entries, head = build()
    assert head == verify_chain(entries, FP)
    assert head == verify_chain(iter(entries), FP)


def test_prefix_verifies_to_its_own_head() -> None:
    entries, _ = build()
    assert Head(FP, 2, entries[1].entry_hash) == verify_chain(entries[:2], FP)


def test_wrong_fingerprint_fails() -> None:
    entries, _ = build()
    with pytest.raises(BrokenChain, match="board entry 0"):
        verify_chain(entries, digest("pbvote/1/other"))


@pytest.mark.parametrize("field", ["index", "kind", "payload_hash", "previous_hash", "entry_hash"])
@pytest.mark.parametrize("position", [0, 2, 4])
def test_tampering_with_any_field_fails(field: str, position: int) -> None:
    entries, _ = build()
    old = getattr(entries[position], field)
    if field == "index":
        new: object = old + 1
    elif field == "kind":
        new = "result"
    else:
        new = bytes([old[0] ^ 1]) + old[1:]
    entries[position] = dataclasses.replace(entries[position], **{field: new})  # type: ignore[arg-type]
    with pytest.raises(BrokenChain, match=f"board entry {position}"):
        verify_chain(entries, FP)


def test_tampering_with_a_payload_after_rehashing_breaks_the_next_entry() -> None:
    entries, _ = build()
    e = entries[1]
    p = payload_hash(b"forged")
    forged = dataclasses.replace(e, payload_hash=p, entry_hash=entry_hash(FP, 1, e.kind, p, e.previous_hash))
    entries[1] = forged
    with pytest.raises(BrokenChain, match="board entry 2: previous hash"):
        verify_chain(entries, FP)


def test_reorder_fails() -> None:
    entries, _ = build()
    entries[1], entries[2] = entries[2], entries[1]
    with pytest.raises(BrokenChain, match="board entry 1"):
        verify_chain(entries, FP)


def test_drop_fails() -> None:
    entries, _ = build()
    del entries[2]
    with pytest.raises(BrokenChain, match="board entry 2"):
        verify_chain(entries, FP)


def test_duplicate_fails() -> None:
    entries, _ = build()
    entries.insert(2, entries[1])
    with pytest.raises(BrokenChain, match="board entry 2"):
        verify_chain(entries, FP)


def test_dropping_the_tail_gives_an_older_head_that_a_signed_head_exposes() -> None:
    entries, head = build()
    signature = sign_head(KEY, head)
    truncated = verify_chain(entries[:-1], FP)
    with pytest.raises(InvalidSignature):
        verify_head(KEY.public_key, truncated, signature)


def test_renumbered_chain_fails() -> None:
    entries, _ = build()
    renumbered = [dataclasses.replace(e, index=e.index + 1) for e in entries]
    with pytest.raises(BrokenChain, match="board entry 0: has index 1"):
        verify_chain(renumbered, FP)


def test_malformed_fields_are_broken_chain() -> None:
    entries, _ = build()
    entries[0] = dataclasses.replace(entries[0], payload_hash=b"short")
    with pytest.raises(BrokenChain, match="payload hash must be 32 bytes"):
        verify_chain(entries, FP)
    with pytest.raises(BrokenChain, match="not an Entry"):
        verify_chain(["nope"], FP)  # type: ignore[list-item]


@pytest.mark.parametrize("kind", ["", "Ballot", "1ballot", "bal lot", "a" * 33, "ballot\n", "é"])
def test_bad_kinds_refused(kind: str) -> None:
    with pytest.raises(EncodingError):
        check_kind(kind)
    with pytest.raises(EncodingError):
        append(genesis(FP), kind, b"")


@pytest.mark.parametrize("kind", ["open", "ballot", "spoiled", "close", "tally", "result", "kiosk-2"])
def test_good_kinds(kind: str) -> None:
    assert kind == check_kind(kind)


def test_bad_fingerprint() -> None:
    with pytest.raises(EncodingError):
        genesis(bytes(31))


def test_signed_head_round_trip_and_tamper() -> None:
    _, head = build()
    signature = sign_head(KEY, head)
    verify_head(KEY.public_key, head, signature)
    for changed in (
        dataclasses.replace(head, size=head.size + 1),
        dataclasses.replace(head, head_hash=digest("pbvote/1/x")),
        dataclasses.replace(head, fingerprint=digest("pbvote/1/y")),
    ):
        with pytest.raises(InvalidSignature):
            verify_head(KEY.public_key, changed, signature)
    with pytest.raises(InvalidSignature):
        verify_head(signing_key_from_seed(bytes(32)).public_key, head, signature)


def test_head_signature_is_domain_separated() -> None:
    from crypto.signatures import verify

    _, head = build()
    signature = sign_head(KEY, head)
    with pytest.raises(InvalidSignature):
        verify(KEY.public_key, signature, "pbvote/1/board-entry", FP, head.size, head.head_hash)
