"""Every point of a ballot is validated, though no longer by a separate is_valid_point (issue 7, speed).

tally.verify decodes the selections' and knapsack bits' points in the
proofs' first multiplications (libsodium's noclamp multiplication refuses
what decode_point refuses).  These tests put each kind of bad point into a
real ballot, re-sign it with the voter's own credential key so that only the
point check can object, and require the refusal to name the part and
decode_point's reason, also when the proof's challenges are 0 and 1 (no
multiplication that would validate the point runs).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from ballot.encrypt import encrypt_ballot
from ballot.manifest import load_manifest
from ballot.samples import sample_manifest
from ballot.selection import Selection
from crypto.signatures import SigningKey, generate_signing_key, sign
from tally.ceremony import run_in_room_ceremony
from tally.verify.ballot import Election, check_ballot
from tally.verify.encoding import canonical
from tally.verify.entries import kiosks_bytes, make_election
from tally.verify.errors import VerifyError
from tally.verify.group import IDENTITY, T8, G, L, P, add, mul, mul_point

MIXED = add(G, T8)
BAD_POINTS = {
    "small order": (T8, "a point of small order"),
    "identity": (IDENTITY, "a point of small order"),
    "outside the subgroup": (MIXED, "not a point of the prime-order subgroup"),
    "non-canonical": ((P + 1).to_bytes(32, "little"), "non-canonical encoding"),
    "off the curve": ((2).to_bytes(32, "little"), "not a point of the prime-order subgroup"),
}
SAMPLES = {"approval": "taipei-daan", "knapsack": "riverside-knapsack", "cumulative": "school-points"}
"""Ballot type -> the bundled sample election of that type."""

Ballot = tuple[Election, dict[str, Any], SigningKey]
_SAMPLE_CACHE: dict[str, Ballot] = {}


def _sample(kind: str) -> Ballot:
    """One honest ballot of the sample election of ballot type ``kind``, its voter's key, the verifier's election."""
    if kind not in _SAMPLE_CACHE:
        app = load_manifest(sample_manifest(SAMPLES[kind]))
        record, _ = run_in_room_ceremony(app, app.trustees, app.threshold)
        public_key = bytes(record.public_key)
        district = app.districts[0].id
        ids = [p.id for p in app.projects_in(district)]
        choice = (Selection(district, points={ids[0]: 2, ids[1]: 1}) if kind == "cumulative"
                  else Selection(district, frozenset(ids[:1])))
        key = generate_signing_key()
        data = encrypt_ballot(app, public_key, choice, key).to_bytes()
        election = make_election(app.fingerprint, app.canonical_bytes(), public_key, kiosks_bytes({}))
        _SAMPLE_CACHE[kind] = election, json.loads(data), key
    return _SAMPLE_CACHE[kind]


PLACES = [(kind, where) for kind in sorted(SAMPLES) for where in ["selection alpha", "selection beta"]] + [
    ("knapsack", "knapsack bit alpha"), ("knapsack", "knapsack bit beta")]
"""(ballot type, where the bad point goes)."""


def _resigned(ballot: dict[str, Any], key: SigningKey) -> bytes:
    body = canonical({k: v for k, v in ballot.items() if k != "signatures"})
    ballot = dict(ballot, signatures={"credential": sign(key, "pbvote/1/ballot", body).hex()})
    return canonical(ballot)


def _copy(ballot: dict[str, Any]) -> dict[str, Any]:
    copied: dict[str, Any] = json.loads(json.dumps(ballot))
    return copied


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_the_honest_ballot_passes(kind: str) -> None:
    election, ballot, key = _sample(kind)
    assert check_ballot(_resigned(ballot, key), election).district == ballot["district"]


@pytest.mark.parametrize("bad", sorted(BAD_POINTS))
@pytest.mark.parametrize(("kind", "where"), PLACES)
@pytest.mark.parametrize("trivial_challenges", [False, True])
def test_a_bad_point_is_refused_naming_the_part(bad: str, kind: str, where: str, trivial_challenges: bool) -> None:
    election, ballot, key = _sample(kind)
    point, reason = BAD_POINTS[bad]
    ballot = _copy(ballot)
    side = 0 if where.endswith("alpha") else 1
    if where.startswith("selection"):
        ballot["selections"][1][side] = point.hex()
        proof = ballot["proofs"]["selections"][1]
        part, challenges = ("points/1" if len(proof["c"]) > 2 else "selection/1"), proof["c"]
    else:
        ballot["proofs"]["knapsack"]["bits"][2][side] = point.hex()
        part, challenges = "knapsack bit 2", ballot["proofs"]["knapsack"]["c"][2]
    if trivial_challenges:  # c_0 = 0, every other c_v = 1: no multiplication by the point validates it
        challenges[:] = [f"{0:064x}"] + [(1).to_bytes(32, "little").hex()] * (len(challenges) - 1)
    with pytest.raises(VerifyError) as refused:
        check_ballot(_resigned(ballot, key), election)
    assert f"{part}: {reason}" == str(refused.value)


@pytest.mark.parametrize("k", [0, 1, 2, L - 1, L + 1])
def test_mul_point_validates_whatever_the_scalar(k: int) -> None:
    for point, reason in BAD_POINTS.values():
        with pytest.raises(VerifyError, match=reason):
            mul_point(k, point, "x")
    good = mul(12345, G)
    assert mul(k, good) == mul_point(k, good, "x")
