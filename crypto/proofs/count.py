"""Proof that the number of selections lies in min..max (docs/spec.md, "Count proof").

The statement is the list of selection ciphertexts; the proof is a
disjunctive Chaum-Pedersen proof over the values min..max on their
homomorphic sum, whose nonce is the sum of the selection nonces.  Tag
``pbvote/1/proof/count``, statement ``[K, [[alpha_j, beta_j]...], min, max]``.
The prover never computes the sum: the prover trick needs only its nonce.
"""

from __future__ import annotations

from collections.abc import Sequence

from crypto import _group as g
from crypto.elgamal import Ciphertext, sum_ciphertexts
from crypto.encoding import Frameable
from crypto.errors import EncodingError, InvalidProof
from crypto.proofs import _disjunctive as dj
from crypto.proofs._fiat_shamir import ProofContext, Rand, challenge

__all__ = ["MAX_RANGE", "TAG", "CountProof", "prove_count", "verify_count"]

TAG = "pbvote/1/proof/count"
"""Domain tag of the count proof's challenge."""

MAX_RANGE = 256
"""Largest max - min + 1 accepted (the proof grows linearly in it)."""

CountProof = dj.DisjunctiveProof
"""The count proof record: c_min..c_max (challenges) and z_min..z_max (responses)."""


def _statement(pk: g.Point, cts: Sequence[Ciphertext], lo: int, hi: int) -> list[Frameable]:
    return [bytes(pk), dj.ciphertexts_frame(cts), lo, hi]


def _check_bounds(lo: int, hi: int) -> bool:
    return 0 <= lo <= hi and hi - lo + 1 <= MAX_RANGE


def _prove_count(
    pk: g.Point,
    cts: Sequence[Ciphertext],
    total: int,
    total_nonce: int,
    lo: int,
    hi: int,
    context: ProofContext,
    rand: Rand,
) -> CountProof:
    """Prove without checking the total (tests use it as a cheating prover)."""
    state, commitments = dj.commit(pk, total, total_nonce, lo, hi, rand)
    return dj.respond(state, challenge(TAG, context, _statement(pk, cts, lo, hi), commitments))


def prove_count(
    pk: g.Point,
    cts: Sequence[Ciphertext],
    selections: Sequence[int],
    nonces: Sequence[int],
    lo: int,
    hi: int,
    context: ProofContext,
) -> CountProof:
    """Prove that the selections encrypted in cts sum to a value in lo..hi.

    Args:
        pk: the election public key K.
        cts: the selection ciphertexts, in ballot order.
        selections: their plaintexts.
        nonces: their encryption nonces.
        lo: min, the fewest selections allowed.
        hi: max, the most selections allowed.
        context: the ballot context.

    Returns:
        The proof.

    Raises:
        EncodingError: if the bounds are invalid or the total is outside them.
    """
    total = sum(selections)
    if len(selections) != len(cts) or len(nonces) != len(cts):
        raise EncodingError("count: lengths differ")
    if not _check_bounds(lo, hi) or not lo <= total <= hi:
        raise EncodingError("count out of range")
    nonce = sum(nonces) % g.L
    return _prove_count(pk, cts, total, nonce, lo, hi, context, g.random_scalar)


def verify_count(
    pk: g.Point,
    cts: Sequence[Ciphertext],
    lo: int,
    hi: int,
    proof: CountProof,
    context: ProofContext,
) -> None:
    """Verify a count proof.

    Args:
        pk: the election public key K.
        cts: the selection ciphertexts.
        lo: min.
        hi: max.
        proof: the proof.
        context: the ballot context.

    Raises:
        InvalidProof: if the proof does not verify.
    """
    if not _check_bounds(lo, hi):
        raise InvalidProof("proof does not verify")
    commitments = dj.recompute(pk, sum_ciphertexts(cts), lo, hi, proof)
    dj.check_sum(proof, challenge(TAG, context, _statement(pk, cts, lo, hi), commitments))
