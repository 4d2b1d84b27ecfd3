"""Chaum-Pedersen decryption-share proofs and Schnorr proofs of knowledge."""

from __future__ import annotations

import pytest

from crypto import _group as g
from crypto import elgamal as eg
from crypto.errors import EncodingError, InvalidProof
from crypto.proofs.decryption import (
    DecryptionProof,
    _prove_decryption_share,
    prove_decryption_share,
    verify_decryption_share,
)
from crypto.proofs.schnorr import SchnorrProof, _prove_schnorr, prove_schnorr, verify_schnorr
from tests.crypto.proof_helpers import CTX, PK, SK, context_variants, counter_rand

X = 0xABCDEF0123456789
XPUB = g.base_mul(X)


def test_decryption_share_completeness_and_json() -> None:
    ct, _ = eg.encrypt(PK, 5)
    share, proof = prove_decryption_share(X, XPUB, ct.alpha, CTX)
    assert g.mul(X, ct.alpha) == share
    verify_decryption_share(XPUB, ct.alpha, share, proof, CTX)
    assert proof == DecryptionProof.from_json(proof.to_json())
    with pytest.raises(EncodingError):
        DecryptionProof.from_json({"c": proof.to_json()["c"], "z": "00"})


def test_decryption_share_of_identity_alpha() -> None:
    share, proof = prove_decryption_share(X, XPUB, g.IDENTITY, CTX)
    assert g.IDENTITY == share
    verify_decryption_share(XPUB, g.IDENTITY, share, proof, CTX)


def test_decryption_share_binding_and_forgeries() -> None:
    ct, _ = eg.encrypt(PK, 5)
    other, _ = eg.encrypt(PK, 5)
    share, proof = prove_decryption_share(X, XPUB, ct.alpha, CTX)
    wrong_share = g.mul(X + 1, ct.alpha)
    for pub, alpha, s in [
        (g.base_mul(X + 1), ct.alpha, share),
        (XPUB, other.alpha, share),
        (XPUB, ct.alpha, wrong_share),
        (XPUB, ct.alpha, g.IDENTITY),
    ]:
        with pytest.raises(InvalidProof):
            verify_decryption_share(pub, alpha, s, proof, CTX)
    for _, ctx in context_variants():
        with pytest.raises(InvalidProof):
            verify_decryption_share(XPUB, ct.alpha, share, proof, ctx)
    for bad in (
        DecryptionProof(proof.challenge, (proof.response + 1) % g.L),
        DecryptionProof((proof.challenge + 1) % g.L, proof.response),
        DecryptionProof(proof.challenge + g.L, proof.response),
    ):
        with pytest.raises(InvalidProof):
            verify_decryption_share(XPUB, ct.alpha, share, bad, CTX)
    # A cheating trustee proving with the wrong secret for a wrong share.
    bad_share, bad_proof = _prove_decryption_share(X + 1, XPUB, ct.alpha, CTX, counter_rand(5))
    with pytest.raises(InvalidProof):
        verify_decryption_share(XPUB, ct.alpha, bad_share, bad_proof, CTX)


def test_decryption_equations_hold_but_challenge_differs() -> None:
    ct, _ = eg.encrypt(PK, 5)
    share = g.mul(X, ct.alpha)
    # Any (c, z) makes the recomputed commitments satisfy the equations; only
    # the recomputed hash rejects a made-up challenge.
    forged = DecryptionProof(12345, 67890)
    with pytest.raises(InvalidProof):
        verify_decryption_share(XPUB, ct.alpha, share, forged, CTX)


def test_schnorr() -> None:
    proof = prove_schnorr(SK, PK, CTX)
    verify_schnorr(PK, proof, CTX)
    assert proof == SchnorrProof.from_json(proof.to_json())
    with pytest.raises(InvalidProof):
        verify_schnorr(XPUB, proof, CTX)
    for _, ctx in context_variants():
        with pytest.raises(InvalidProof):
            verify_schnorr(PK, proof, ctx)
    for bad in (
        SchnorrProof(proof.challenge, (proof.response + 1) % g.L),
        SchnorrProof((proof.challenge + 1) % g.L, proof.response),
        SchnorrProof(proof.challenge, proof.response + g.L),
        SchnorrProof(1, 1),
    ):
        with pytest.raises(InvalidProof):
            verify_schnorr(PK, bad, CTX)
    forged = _prove_schnorr(SK + 1, PK, CTX, counter_rand(6))
    with pytest.raises(InvalidProof):
        verify_schnorr(PK, forged, CTX)
