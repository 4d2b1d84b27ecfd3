"""Proof that one selection ciphertext encrypts 0 or 1 (docs/spec.md, "Selection proof").

A disjunctive Chaum-Pedersen proof over the values {0, 1} with tag
``pbvote/1/proof/selection`` and statement ``[K, alpha, beta]``.
Proving costs 4 fixed-base and 3 variable-base multiplications including
the encryption; verifying costs 2 fixed-base and 6 variable-base.
"""

from __future__ import annotations

from crypto import _group as g
from crypto.elgamal import Ciphertext
from crypto.errors import EncodingError
from crypto.proofs import _disjunctive as dj
from crypto.proofs._fiat_shamir import ProofContext, Rand, challenge

__all__ = ["TAG", "SelectionProof", "prove_selection", "verify_selection"]

TAG = "pbvote/1/proof/selection"
"""Domain tag of the selection proof's challenge."""

SelectionProof = dj.DisjunctiveProof
"""The selection proof record: c_0, c_1 (challenges) and z_0, z_1 (responses)."""


def _statement(pk: g.Point, ct: Ciphertext) -> list[bytes]:
    return [bytes(pk), bytes(ct.alpha), bytes(ct.beta)]


def _prove_selection(pk: g.Point, ct: Ciphertext, m: int, r: int, context: ProofContext, rand: Rand) -> SelectionProof:
    """Prove without checking m (tests use it as a cheating prover)."""
    state, commitments = dj.commit(pk, m, r, 0, 1, rand)
    return dj.respond(state, challenge(TAG, context, _statement(pk, ct), commitments))


def prove_selection(pk: g.Point, ct: Ciphertext, m: int, r: int, context: ProofContext) -> SelectionProof:
    """Prove that ct = Enc_K(m; r) with m in {0, 1}.

    Args:
        pk: the election public key K.
        ct: the selection ciphertext.
        m: the selection, 0 or 1.
        r: the encryption nonce.
        context: the ballot context (label names the selection).

    Returns:
        The proof.

    Raises:
        EncodingError: if m is not 0 or 1.
    """
    if m not in (0, 1):
        raise EncodingError("selection must be 0 or 1")
    return _prove_selection(pk, ct, m, r, context, g.random_scalar)


def verify_selection(pk: g.Point, ct: Ciphertext, proof: SelectionProof, context: ProofContext) -> None:
    """Verify a selection proof.

    Args:
        pk: the election public key K.
        ct: the selection ciphertext (decoded, so its points are valid).
        proof: the proof.
        context: the ballot context the prover used.

    Raises:
        InvalidProof: if the proof does not verify.
    """
    commitments = dj.recompute(pk, ct, 0, 1, proof)
    dj.check_sum(proof, challenge(TAG, context, _statement(pk, ct), commitments))
