"""Proof that a points-ballot ciphertext encrypts a value in 0..P (docs/spec.md, "Points proof").

Design choice: a disjunctive Chaum-Pedersen proof over the P + 1 values,
tag ``pbvote/1/proof/points``, statement ``[K, alpha, beta, P]``.  For
the small P of cumulative/points ballots (P <= 10 or so) it is cheaper and
simpler than a bit decomposition: proving costs about (2P + 2) fixed-base
and P + 1 variable-base multiplications, verifying 2(P + 1) variable-base
plus P + 1 fixed-base.  P is capped at :data:`MAX_POINTS`.
"""

from __future__ import annotations

from crypto import _group as g
from crypto.elgamal import Ciphertext
from crypto.encoding import Frameable
from crypto.errors import EncodingError, InvalidProof
from crypto.proofs import _disjunctive as dj
from crypto.proofs._fiat_shamir import ProofContext, Rand, challenge

__all__ = ["MAX_POINTS", "TAG", "PointsProof", "prove_points", "verify_points"]

TAG = "pbvote/1/proof/points"
"""Domain tag of the points proof's challenge."""

MAX_POINTS = 100
"""Largest P accepted (the proof grows linearly in P)."""

PointsProof = dj.DisjunctiveProof
"""The points proof record: c_0..c_P (challenges) and z_0..z_P (responses)."""


def _statement(pk: g.Point, ct: Ciphertext, max_points: int) -> list[Frameable]:
    return [bytes(pk), bytes(ct.alpha), bytes(ct.beta), max_points]


def _prove_points(
    pk: g.Point,
    ct: Ciphertext,
    m: int,
    r: int,
    max_points: int,
    context: ProofContext,
    rand: Rand,
) -> PointsProof:
    """Prove without checking m (tests use it as a cheating prover)."""
    state, commitments = dj.commit(pk, m, r, 0, max_points, rand)
    c = challenge(TAG, context, _statement(pk, ct, max_points), commitments)
    return dj.respond(state, c)


def prove_points(pk: g.Point, ct: Ciphertext, m: int, r: int, max_points: int, context: ProofContext) -> PointsProof:
    """Prove that ct = Enc_K(m; r) with 0 <= m <= P.

    Args:
        pk: the election public key K.
        ct: the ciphertext.
        m: the points given.
        r: the encryption nonce.
        max_points: P, 1 <= P <= MAX_POINTS.
        context: the ballot context.

    Returns:
        The proof.

    Raises:
        EncodingError: if P or m is out of range.
    """
    if not 1 <= max_points <= MAX_POINTS or not 0 <= m <= max_points:
        raise EncodingError("points out of range")
    return _prove_points(pk, ct, m, r, max_points, context, g.random_scalar)


def verify_points(pk: g.Point, ct: Ciphertext, max_points: int, proof: PointsProof, context: ProofContext) -> None:
    """Verify a points proof.

    Args:
        pk: the election public key K.
        ct: the ciphertext.
        max_points: P.
        proof: the proof.
        context: the ballot context.

    Raises:
        InvalidProof: if the proof does not verify.
    """
    if not 1 <= max_points <= MAX_POINTS:
        raise InvalidProof("proof does not verify")
    commitments = dj.recompute(pk, ct, 0, max_points, proof)
    dj.check_sum(proof, challenge(TAG, context, _statement(pk, ct, max_points), commitments))
