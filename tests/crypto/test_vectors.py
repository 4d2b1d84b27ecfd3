"""Frozen vectors under tests/vectors/crypto/: reproduce, verify, and reject the invalid ones."""

from __future__ import annotations

from typing import Any

import pytest

from crypto import _group as g
from crypto import elgamal as eg
from crypto import threshold as th
from crypto.dlog import dlog
from crypto.errors import EncodingError, InvalidProof
from crypto.proofs import DisjunctiveProof
from crypto.proofs._fiat_shamir import parse_scalar
from crypto.proofs.count import verify_count
from crypto.proofs.decryption import DecryptionProof, verify_decryption_share
from crypto.proofs.knapsack import KnapsackProof, verify_knapsack
from crypto.proofs.points import verify_points
from crypto.proofs.schnorr import SchnorrProof, verify_schnorr
from crypto.proofs.selection import verify_selection
from tests.vectors import load_vectors
from tests.vectors._generate import gen_crypto

NAMES = gen_crypto.NAMES


@pytest.mark.parametrize("name", NAMES)
def test_files_reproduce(name: str) -> None:
    assert gen_crypto.render(gen_crypto.build_all()[name]) == gen_crypto.render(load_vectors("crypto", name))
    assert {"source", "generator", "date"} <= set(load_vectors("crypto", name)["provenance"])


def _point(h: str) -> g.Point:
    return g.decode_point(bytes.fromhex(h))


@pytest.mark.parametrize("case", load_vectors("crypto", "group")["vectors"], ids=lambda c: c["op"])
def test_group_vectors(case: dict[str, Any]) -> None:
    op = case["op"]
    if op == "base_mul":
        assert case["result"] == g.base_mul(parse_scalar(case["k"])).hex()
    elif op in ("add", "sub"):
        fn = g.add if op == "add" else g.sub
        assert case["result"] == fn(_point(case["p"]), _point(case["q"])).hex()
    elif op == "mul":
        assert case["result"] == g.mul(parse_scalar(case["k"]), _point(case["p"])).hex()
    elif op == "hash_to_scalar":
        s = g.hash_to_scalar(case["dst"], bytes.fromhex(case["data"]))
        assert case["result"] == g.encode_scalar(s).hex()
    elif op == "hash_to_point":
        assert case["result"] == g.hash_to_point(case["dst"], bytes.fromhex(case["data"])).hex()
    elif op == "decode":
        assert case["valid"] == g.is_valid(bytes.fromhex(case["encoding"]))
    elif op == "decode_scalar":
        with pytest.raises(EncodingError):
            g.decode_scalar(bytes.fromhex(case["encoding"]))
    else:
        pytest.fail(f"unknown op {op}")


@pytest.mark.parametrize("case", load_vectors("crypto", "elgamal")["vectors"])
def test_elgamal_vectors(case: dict[str, Any]) -> None:
    secret = parse_scalar(case["secret"])
    pk = _point(case["public_key"])
    assert pk == eg.public_key(secret)
    ct = eg.Ciphertext.from_json(case["ciphertext"])
    assert ct == eg._encrypt_with_nonce(pk, case["m"], parse_scalar(case["r"]))
    assert case["m"] == eg.decrypt(secret, ct, 1000)


def _verify(case: dict[str, Any]) -> None:
    """Decode a proof case from JSON alone and verify it (raises on failure)."""
    ctx = gen_crypto.ctx_from_json(case["context"])
    kind = case["type"]
    if kind in ("selection", "points", "count", "knapsack"):
        pk = _point(case["public_key"])
    if kind == "selection":
        ct = eg.Ciphertext.from_json(case["ciphertext"])
        verify_selection(pk, ct, DisjunctiveProof.from_json(case["proof"]), ctx)
    elif kind == "points":
        ct = eg.Ciphertext.from_json(case["ciphertext"])
        proof = DisjunctiveProof.from_json(case["proof"])
        verify_points(pk, ct, case["max_points"], proof, ctx)
    elif kind == "count":
        cts = [eg.Ciphertext.from_json(c) for c in case["ciphertexts"]]
        proof = DisjunctiveProof.from_json(case["proof"])
        verify_count(pk, cts, case["min"], case["max"], proof, ctx)
    elif kind == "knapsack":
        cts = [eg.Ciphertext.from_json(c) for c in case["ciphertexts"]]
        kproof = KnapsackProof.from_json(case["proof"])
        verify_knapsack(pk, cts, case["costs"], case["budget"], kproof, ctx)
    elif kind == "decryption":
        verify_decryption_share(
            _point(case["public_share"]),
            g.decode_point_or_identity(bytes.fromhex(case["alpha"])),
            g.decode_point_or_identity(bytes.fromhex(case["share"])),
            DecryptionProof.from_json(case["proof"]),
            ctx,
        )
    elif kind == "schnorr":
        verify_schnorr(_point(case["public"]), SchnorrProof.from_json(case["proof"]), ctx)
    else:
        pytest.fail(f"unknown proof type {kind}")


@pytest.mark.parametrize("case", load_vectors("crypto", "proofs")["vectors"], ids=lambda c: c["type"])
def test_valid_proofs_verify(case: dict[str, Any]) -> None:
    _verify(case)


@pytest.mark.parametrize(
    "case",
    load_vectors("crypto", "proofs_invalid")["vectors"],
    ids=lambda c: f"{c['type']}-{c['why']}",
)
def test_invalid_proofs_rejected(case: dict[str, Any]) -> None:
    with pytest.raises(InvalidProof):
        _verify(case)


def test_threshold_vectors() -> None:
    (case,) = load_vectors("crypto", "threshold")["vectors"]
    fp = bytes.fromhex(case["election_fingerprint"])
    k = case["threshold"]
    published = [
        th.TrusteeCommitments(
            t["trustee"],
            tuple(_point(c) for c in t["commitments"]),
            tuple(SchnorrProof.from_json(p) for p in t["proofs"]),
        )
        for t in case["trustees"]
    ]
    for pub in published:
        th.verify_commitments(pub, k, fp)
        for j, share in case["shares"][str(pub.trustee)].items():
            th.verify_share(int(j), parse_scalar(share), pub.commitments)
    assert case["joint_public_key"] == th.joint_public_key(published).hex()
    ct = eg.Ciphertext.from_json(case["ciphertext"])
    shares = {}
    for j, part in case["partials"].items():
        x_j = th.trustee_public_share(int(j), published)
        assert case["public_shares"][j] == x_j.hex()
        pd = th.PartialDecryption(int(j), _point(part["share"]), DecryptionProof.from_json(part["proof"]))
        th.verify_partial(x_j, ct, pd, fp, case["label"])
        shares[int(j)] = pd.share
    for subset in ([1, 2], [1, 3], [2, 3]):
        point = th.combine_partials(ct, {j: shares[j] for j in subset})
        assert case["plaintext"] == dlog(point, 100)
