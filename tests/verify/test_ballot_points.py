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
from ballot.manifest_model import Election as AppElection
from ballot.selection import Selection
from crypto.signatures import SigningKey, generate_signing_key, sign
from tally.ceremony import run_in_room_ceremony
from tally.verify.ballot import Election, check_ballot
from tally.verify.encoding import canonical
from tally.verify.entries import kiosks_bytes, make_election
from tally.verify.errors import VerifyError
from tally.verify.group import IDENTITY, T8, G, L, P, add, mul, mul_point

MANIFEST = """format = "pbvote-manifest/1"
[election]
id = "points"
title = { en = "Points" }
languages = ["en"]
opens = 2027-03-01T08:00:00+08:00
closes = 2027-03-14T20:00:00+08:00
[trustees]
count = 3
threshold = 2
[eligibility]
mode = "codes"
[[districts]]
id = "a"
name = { en = "A" }
budget = 100
currency = "TWD"
[districts.ballot]
type = "approval"
min = 1
max = 2
[districts.outcome]
rule = "greedy"
[[districts]]
id = "k"
name = { en = "K" }
budget = 100
currency = "TWD"
[districts.ballot]
type = "knapsack"
[districts.outcome]
rule = "greedy"
""" + "".join(f'[[projects]]\nid = "{d}{i}"\ndistrict = "{d}"\ntitle = {{ en = "P{i}" }}\n'
              f'description = {{ en = "Project {i}." }}\ncost = {20 + 10 * i}\n' for d in "ak" for i in range(3))

MIXED = add(G, T8)
BAD_POINTS = {
    "small order": (T8, "a point of small order"),
    "identity": (IDENTITY, "a point of small order"),
    "outside the subgroup": (MIXED, "not a point of the prime-order subgroup"),
    "non-canonical": ((P + 1).to_bytes(32, "little"), "non-canonical encoding"),
    "off the curve": ((2).to_bytes(32, "little"), "not a point of the prime-order subgroup"),
}


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Election, dict[str, tuple[dict[str, Any], SigningKey]]]:
    path = tmp_path_factory.mktemp("points") / "points.toml"
    path.write_text(MANIFEST, encoding="utf-8")
    app: AppElection = load_manifest(path)
    record, _ = run_in_room_ceremony(app, 3, 2)
    public_key = bytes(record.public_key)
    election = make_election(app.fingerprint, app.canonical_bytes(), public_key, kiosks_bytes({}))
    ballots = {}
    for district, picks in (("a", {"a0", "a2"}), ("k", {"k1"})):
        key = generate_signing_key()
        data = encrypt_ballot(app, public_key, Selection(district, frozenset(picks)), key).to_bytes()
        ballots[district] = (json.loads(data), key)
    return election, ballots


def _resigned(ballot: dict[str, Any], key: SigningKey) -> bytes:
    body = canonical({k: v for k, v in ballot.items() if k != "signatures"})
    ballot = dict(ballot, signatures={"credential": sign(key, "pbvote/1/ballot", body).hex()})
    return canonical(ballot)


def _copy(ballot: dict[str, Any]) -> dict[str, Any]:
    copied: dict[str, Any] = json.loads(json.dumps(ballot))
    return copied


def test_the_honest_ballots_pass(setup: tuple[Election, dict[str, Any]]) -> None:
    election, ballots = setup
    for ballot, key in ballots.values():
        assert check_ballot(_resigned(ballot, key), election).district == ballot["district"]


@pytest.mark.parametrize("kind", sorted(BAD_POINTS))
@pytest.mark.parametrize("where", ["selection alpha", "selection beta", "knapsack bit alpha", "knapsack bit beta"])
@pytest.mark.parametrize("trivial_challenges", [False, True])
def test_a_bad_point_is_refused_naming_the_part(setup: tuple[Election, dict[str, Any]], kind: str, where: str,
                                                trivial_challenges: bool) -> None:
    election, ballots = setup
    point, reason = BAD_POINTS[kind]
    ballot, key = ballots["k" if where.startswith("knapsack") else "a"]
    ballot = _copy(ballot)
    side = 0 if where.endswith("alpha") else 1
    if where.startswith("selection"):
        ballot["selections"][1][side] = point.hex()
        proof, part = ballot["proofs"]["selections"][1], "selection/1"
        challenges = proof["c"]
    else:
        ballot["proofs"]["knapsack"]["bits"][2][side] = point.hex()
        proof, part = ballot["proofs"]["knapsack"], "knapsack bit 2"
        challenges = proof["c"][2]
    if trivial_challenges:  # c_0 = 0 and c_1 = 1: no multiplication by the point validates it
        challenges[:] = [f"{0:064x}", (1).to_bytes(32, "little").hex()]
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
