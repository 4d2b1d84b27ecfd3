"""Selection (0/1) proofs: completeness, binding to statement and context, forgeries."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto import _group as g
from crypto import elgamal as eg
from crypto.errors import EncodingError, InvalidProof
from crypto.proofs import DisjunctiveProof
from crypto.proofs import _disjunctive as dj
from crypto.proofs.count import _prove_count, verify_count
from crypto.proofs.selection import (
    TAG,
    _prove_selection,
    prove_selection,
    verify_selection,
)
from tests.crypto.proof_helpers import CTX, OTHER_PK, PK, bump, context_variants, counter_rand


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([0, 1]), st.text(max_size=8))
def test_completeness(m: int, label: str) -> None:
    ctx = CTX.with_label(label)
    ct, r = eg.encrypt(PK, m)
    verify_selection(PK, ct, prove_selection(PK, ct, m, r, ctx), ctx)


def test_proof_json_round_trip() -> None:
    ct, r = eg.encrypt(PK, 1)
    proof = prove_selection(PK, ct, 1, r, CTX)
    assert proof == DisjunctiveProof.from_json(proof.to_json())
    with pytest.raises(EncodingError):
        DisjunctiveProof.from_json({"c": proof.to_json()["c"]})
    bad = proof.to_json()
    bad["z"][0] = g.L.to_bytes(32, "little").hex()
    with pytest.raises(EncodingError):
        DisjunctiveProof.from_json(bad)


@pytest.fixture(scope="module")
def valid() -> tuple[eg.Ciphertext, DisjunctiveProof]:
    ct, r = eg.encrypt(PK, 1)
    return ct, prove_selection(PK, ct, 1, r, CTX)


def test_statement_binding(valid: tuple[eg.Ciphertext, DisjunctiveProof]) -> None:
    ct, proof = valid
    verify_selection(PK, ct, proof, CTX)
    other, _ = eg.encrypt(PK, 1)
    for pk, c in [
        (OTHER_PK, ct),
        (PK, other),
        (PK, eg.Ciphertext(other.alpha, ct.beta)),
        (PK, eg.Ciphertext(ct.alpha, other.beta)),
        (PK, eg.Ciphertext(ct.beta, ct.alpha)),
    ]:
        with pytest.raises(InvalidProof):
            verify_selection(pk, c, proof, CTX)


@pytest.mark.parametrize("field", ["fingerprint", "credential", "district", "label"])
def test_context_binding(valid: tuple[eg.Ciphertext, DisjunctiveProof], field: str) -> None:
    ct, proof = valid
    ctx = dict(context_variants())[field]
    with pytest.raises(InvalidProof):
        verify_selection(PK, ct, proof, ctx)


def test_tampered_scalars_rejected(valid: tuple[eg.Ciphertext, DisjunctiveProof]) -> None:
    ct, proof = valid
    candidates = [
        DisjunctiveProof(bump(proof.challenges, 0), proof.responses),
        DisjunctiveProof(proof.challenges, bump(proof.responses, 1)),
        # sum of challenges preserved, so only the recomputed hash can catch it
        DisjunctiveProof(bump(bump(proof.challenges, 0), 1, -1), proof.responses),
        DisjunctiveProof(proof.challenges[::-1], proof.responses[::-1]),
        DisjunctiveProof(proof.challenges[:1], proof.responses[:1]),
        DisjunctiveProof((*proof.challenges, 0), (*proof.responses, 0)),
        DisjunctiveProof((proof.challenges[0] + g.L, proof.challenges[1]), proof.responses),
    ]
    for bad in candidates:
        with pytest.raises(InvalidProof):
            verify_selection(PK, ct, bad, CTX)


def test_equations_hold_but_challenge_differs() -> None:
    # Simulate both branches: every verification equation holds by construction,
    # but the branch challenges do not sum to the hash of the commitments.
    ct, r = eg.encrypt(PK, 1)
    rand = counter_rand(1)
    state, _ = dj.commit(PK, 7, r, 0, 1, rand)  # m = 7: both branches simulated
    forged = dj.respond(state, 0)
    with pytest.raises(InvalidProof):
        verify_selection(PK, ct, forged, CTX)
    # A valid proof for another context also satisfies its equations.
    proof = _prove_selection(PK, ct, 1, r, CTX.with_label("selection/1"), rand)
    with pytest.raises(InvalidProof):
        verify_selection(PK, ct, proof, CTX)


@pytest.mark.parametrize("m", [2, g.L - 1, 3])
@pytest.mark.parametrize("claimed", [0, 1])
def test_forged_out_of_range_rejected(m: int, claimed: int) -> None:
    ct, r = eg.encrypt(PK, m)
    forged = _prove_selection(PK, ct, claimed, r, CTX, counter_rand(m))
    with pytest.raises(InvalidProof):
        verify_selection(PK, ct, forged, CTX)


def test_public_prover_refuses_non_bits() -> None:
    ct, r = eg.encrypt(PK, 2)
    with pytest.raises(EncodingError):
        prove_selection(PK, ct, 2, r, CTX)


def test_plus_two_minus_one_pair_caught_by_selection_proofs() -> None:
    # +2 and -1 sum to 1, so an honest count proof on the sum passes;
    # the per-selection proofs must catch both.
    (c1, r1), (c2, r2) = eg.encrypt(PK, 2), eg.encrypt(PK, g.L - 1)
    count_ctx = CTX.with_label("count")
    count = _prove_count(PK, [c1, c2], 1, (r1 + r2) % g.L, 0, 2, count_ctx, counter_rand(9))
    verify_count(PK, [c1, c2], 0, 2, count, count_ctx)
    for i, (c, r) in enumerate([(c1, r1), (c2, r2)]):
        ctx = CTX.with_label(f"selection/{i}")
        for claimed in (0, 1):
            forged = _prove_selection(PK, c, claimed, r, ctx, counter_rand(i))
            with pytest.raises(InvalidProof):
                verify_selection(PK, c, forged, ctx)


def test_tag_is_versioned() -> None:
    assert "pbvote/1/proof/selection" == TAG
