"""The tally's per-ballot reading and summing (tally/_tally_sums.py, crypto PointSums) against the slow, plain ways."""

from __future__ import annotations

import json
import random

import pytest

from ballot.encrypt import encrypt_ballot
from ballot.manifest import load_manifest
from ballot.samples import sample_manifest
from ballot.selection import Selection
from crypto import _group as g
from crypto.errors import EncodingError
from crypto.signatures import generate_signing_key
from tally._tally_sums import InvalidTally, Sums, _selections_parsed, selections, sum_entries
from tally.ceremony import run_in_room_ceremony

ELECTION = load_manifest(sample_manifest("taipei-daan"))
PUBLIC_KEY = bytes(run_in_room_ceremony(ELECTION, 3, 2)[0].public_key)
FINGERPRINT = ELECTION.fingerprint.hex()
SIZES = {d.id: len(ELECTION.projects_in(d.id)) for d in ELECTION.districts}


def _ballot(district: str, seed: int) -> bytes:
    ids = [p.id for p in ELECTION.projects_in(district)]
    picks = frozenset(random.Random(seed).sample(ids, 2))
    return encrypt_ballot(ELECTION, PUBLIC_KEY, Selection(district, picks), generate_signing_key()).to_bytes()


BALLOTS = [_ballot(d.id, i) for i, d in enumerate(ELECTION.districts * 2)]


def test_the_in_place_reading_equals_the_full_parse() -> None:
    for position, payload in enumerate(BALLOTS):
        district, points = selections(payload, position, FINGERPRINT, SIZES)
        assert (district, points) == _selections_parsed(payload, position, FINGERPRINT, SIZES)
        pairs = json.loads(payload)["selections"]
        assert points == b"".join(bytes.fromhex(a) + bytes.fromhex(b) for a, b in pairs)


def _respaced(payload: bytes) -> bytes:
    return json.dumps(json.loads(payload)).encode()  # ", " and ": ": not canonical, still JSON


def _pair_split_elsewhere(payload: bytes) -> bytes:
    value = json.loads(payload)
    a, b = value["selections"][0]
    value["selections"][0] = [a[:62], a[62:] + b]  # same hex run, wrong boundary
    return json.dumps(value, separators=(",", ":"), sort_keys=True).encode()


def _one_selection_short(payload: bytes) -> bytes:
    value = json.loads(payload)
    value["selections"].pop()
    return json.dumps(value, separators=(",", ":"), sort_keys=True).encode()


def _non_hex(payload: bytes) -> bytes:
    i = payload.rindex(b',"selections":[["') + 20
    return payload[:i] + b"g" + payload[i + 1:]


@pytest.mark.parametrize(("change", "message"), [
    (_pair_split_elsewhere, "not a well-formed ballot"),
    (_one_selection_short, "expected"),
    (_non_hex, "not a well-formed ballot"),
    (lambda p: p.replace(FINGERPRINT.encode(), b"0" * 64, 1), "another election"),
    (lambda p: p[:-1], "not a well-formed ballot"),
])
def test_a_malformed_entry_is_named_by_the_full_parser(change, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidTally, match=f"board entry 7: .*{message}"):
        selections(change(BALLOTS[0]), 7, FINGERPRINT, SIZES)


def test_a_non_canonical_but_well_formed_entry_still_counts() -> None:
    payload = _respaced(BALLOTS[1])
    assert selections(payload, 0, FINGERPRINT, SIZES) == selections(BALLOTS[1], 0, FINGERPRINT, SIZES)


def test_sums_equal_plain_point_addition_in_any_chunking() -> None:
    entries = list(enumerate(BALLOTS * 3))
    expected: dict[str, list[g.Point]] = {d: [g.IDENTITY] * (2 * n) for d, n in SIZES.items()}
    for _position, payload in entries:
        value = json.loads(payload)
        flat = [g.Point(bytes.fromhex(h)) for pair in value["selections"] for h in pair]
        expected[value["district"]] = [g.add(s, p) for s, p in zip(expected[value["district"]], flat, strict=True)]
    whole = sum_entries(entries, FINGERPRINT, SIZES)
    merged = {d: Sums(n) for d, n in SIZES.items()}
    for part in (entries[:5], entries[5:6], entries[6:]):
        for district, (ballots, alphas, betas) in sum_entries(part, FINGERPRINT, SIZES).items():
            merged[district].merge(ballots, alphas, betas)
    for district, points in expected.items():
        assert whole[district][1:] == (points[0::2], points[1::2])
        assert (merged[district].alphas, merged[district].betas) == (points[0::2], points[1::2])
        assert merged[district].ballots == whole[district][0] == 3 * sum(
            json.loads(b)["district"] == district for b in BALLOTS)


def test_point_sums_refuse_a_wrong_length_or_a_non_point() -> None:
    sums = g.PointSums(2)
    with pytest.raises(EncodingError, match="expected 2 points"):
        sums.add_all(bytes(32))
    not_a_point = (2).to_bytes(32, "little")  # y = 2 is not on the curve
    with pytest.raises(EncodingError, match="point 1"):
        sums.add_all(g.BASE + not_a_point)
    point = g.base_mul(5)
    sums = g.PointSums(1)
    sums.add_all(point)
    sums.add_all(g.neg(point))
    assert sums.values() == [g.IDENTITY]
