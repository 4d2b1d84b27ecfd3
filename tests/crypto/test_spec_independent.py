"""Re-derive proof vectors from docs/spec.md alone: hashlib framing + the reference group.

Nothing from crypto/ is imported: this is the independent verifier a stranger would write
from sections 4, 10, 11 and 14 of the spec.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from tests.crypto import reference_group as ref
from tests.vectors import load_vectors

SPEC = "pbvote-spec/1"


def fr(value: Any) -> bytes:
    """Section 4 framing, written from the table."""
    if isinstance(value, bytes):
        return b"B" + len(value).to_bytes(4, "big") + value
    if isinstance(value, str):
        data = value.encode()
        return b"S" + len(data).to_bytes(4, "big") + data
    if isinstance(value, int):
        data = value.to_bytes((value.bit_length() + 7) // 8, "big")
        return b"I" + len(data).to_bytes(4, "big") + data
    return b"L" + len(value).to_bytes(4, "big") + b"".join(fr(v) for v in value)


def challenge(tag: str, ctx: dict[str, str], statement: list[Any], commitments: list[bytes]) -> int:
    ctx_items = [bytes.fromhex(ctx["credential"]), ctx["district"], ctx["label"]]
    data = b"".join(
        fr(v)
        for v in (
            tag,
            SPEC,
            bytes.fromhex(ctx["election_fingerprint"]),
            statement,
            commitments,
            ctx_items,
        )
    )
    return int.from_bytes(hashlib.sha512(data).digest(), "little") % ref.L


def pt(h: str) -> ref.RefPoint:
    p = ref.decode(bytes.fromhex(h))
    assert p is not None and ref.in_prime_subgroup(p) and p != ref.IDENTITY
    return p


def sc(h: str) -> int:
    s = int.from_bytes(bytes.fromhex(h), "little")
    assert s < ref.L
    return s


def enc(p: ref.RefPoint) -> bytes:
    return ref.encode(p)


CASES = {c["type"]: c for c in load_vectors("crypto", "proofs")["vectors"] if c["type"] != "selection"}
SELECTIONS = [c for c in load_vectors("crypto", "proofs")["vectors"] if c["type"] == "selection"]


def _disjunctive_commitments(
    k: ref.RefPoint, alpha: ref.RefPoint, beta: ref.RefPoint, lo: int, proof: dict[str, Any]
) -> list[bytes]:
    out = []
    for i, (c, z) in enumerate(zip(proof["c"], proof["z"], strict=True)):
        cv, zv = sc(c), sc(z)
        shifted = ref.sub(beta, ref.mul(lo + i, ref.G))
        out += [
            enc(ref.sub(ref.mul(zv, ref.G), ref.mul(cv, alpha))),
            enc(ref.sub(ref.mul(zv, k), ref.mul(cv, shifted))),
        ]
    return out


@pytest.mark.parametrize("case", SELECTIONS, ids=lambda c: c["context"]["label"])
def test_selection_from_spec(case: dict[str, Any]) -> None:
    k = pt(case["public_key"])
    a, b = (pt(h) for h in case["ciphertext"])
    comms = _disjunctive_commitments(k, a, b, 0, case["proof"])
    statement = [enc(k), enc(a), enc(b)]
    c = challenge("pbvote/1/proof/selection", case["context"], statement, comms)
    assert c == sum(sc(x) for x in case["proof"]["c"]) % ref.L


def test_count_from_spec() -> None:
    case = CASES["count"]
    k = pt(case["public_key"])
    cts = [(pt(a), pt(b)) for a, b in case["ciphertexts"]]
    alpha, beta = ref.IDENTITY, ref.IDENTITY
    for a, b in cts:
        alpha, beta = ref.add(alpha, a), ref.add(beta, b)
    comms = _disjunctive_commitments(k, alpha, beta, case["min"], case["proof"])
    statement = [enc(k), [[enc(a), enc(b)] for a, b in cts], case["min"], case["max"]]
    c = challenge("pbvote/1/proof/count", case["context"], statement, comms)
    assert c == sum(sc(x) for x in case["proof"]["c"]) % ref.L


def test_knapsack_from_spec() -> None:
    case = CASES["knapsack"]
    k = pt(case["public_key"])
    cts = [(pt(a), pt(b)) for a, b in case["ciphertexts"]]
    bits = [(pt(a), pt(b)) for a, b in case["proof"]["bits"]]
    budget, costs = case["budget"], case["costs"]
    assert budget.bit_length() == len(bits)
    w_a, w_b = ref.IDENTITY, ref.IDENTITY
    for (a, b), cost in zip(cts, costs, strict=True):
        w_a, w_b = ref.add(w_a, ref.mul(cost, a)), ref.add(w_b, ref.mul(cost, b))
    t_a, t_b = ref.neg(w_a), ref.sub(ref.mul(budget, ref.G), w_b)
    acc_a, acc_b = ref.IDENTITY, ref.IDENTITY
    for i, (a, b) in enumerate(bits):
        acc_a, acc_b = ref.add(acc_a, ref.mul(2**i, a)), ref.add(acc_b, ref.mul(2**i, b))
    assert t_a == acc_a and t_b == acc_b
    comms: list[bytes] = []
    for (a, b), cs, zs in zip(bits, case["proof"]["c"], case["proof"]["z"], strict=True):
        comms += _disjunctive_commitments(k, a, b, 0, {"c": cs, "z": zs})
    statement = [
        enc(k),
        [[enc(a), enc(b)] for a, b in cts],
        costs,
        budget,
        [[enc(a), enc(b)] for a, b in bits],
    ]
    c = challenge("pbvote/1/proof/knapsack", case["context"], statement, comms)
    for cs in case["proof"]["c"]:
        assert c == (sc(cs[0]) + sc(cs[1])) % ref.L


def test_schnorr_and_decryption_from_spec() -> None:
    case = CASES["schnorr"]
    x = pt(case["public"])
    c, z = sc(case["proof"]["c"]), sc(case["proof"]["z"])
    a = ref.sub(ref.mul(z, ref.G), ref.mul(c, x))
    assert c == challenge("pbvote/1/proof/schnorr", case["context"], [enc(x)], [enc(a)])
    case = CASES["decryption"]
    xj, alpha, s = pt(case["public_share"]), pt(case["alpha"]), pt(case["share"])
    c, z = sc(case["proof"]["c"]), sc(case["proof"]["z"])
    comms = [
        enc(ref.sub(ref.mul(z, ref.G), ref.mul(c, xj))),
        enc(ref.sub(ref.mul(z, alpha), ref.mul(c, s))),
    ]
    statement = [enc(xj), enc(alpha), enc(s)]
    assert c == challenge("pbvote/1/proof/decryption-share", case["context"], statement, comms)
