"""Schnorr proof of knowledge of a discrete logarithm (docs/spec.md, "Schnorr proof").

Used by trustees for every Feldman commitment C = a·G of the key ceremony.
Tag ``pbvote/1/proof/schnorr``, statement ``[X]``, commitment ``[A]`` with
``A = w·G``, response ``z = w + c·x``; the verifier recomputes
``A = z·G - c·X`` and compares the challenge.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from crypto import _group as g
from crypto.errors import InvalidProof
from crypto.proofs._fiat_shamir import (
    ChallengeResponse,
    ProofContext,
    Rand,
    challenge,
    check_scalars,
)

__all__ = ["TAG", "SchnorrProof", "prove_schnorr", "verify_schnorr"]

TAG = "pbvote/1/proof/schnorr"
"""Domain tag of the Schnorr proof's challenge."""


@dataclass(frozen=True, slots=True)
class SchnorrProof(ChallengeResponse):
    """A Schnorr proof of knowledge of x with X = x·G.

    Attributes:
        challenge: spec symbol c.
        response: spec symbol z = w + c·x mod L.
    """

    WHAT: ClassVar[str] = "schnorr proof"


def _prove_schnorr(secret: int, public: g.Point, context: ProofContext, rand: Rand) -> SchnorrProof:
    """Prove with an injected scalar source (vectors)."""
    w = rand()
    c = challenge(TAG, context, [bytes(public)], [g.base_mul(w)])
    return SchnorrProof(c, (w + c * secret) % g.L)


def prove_schnorr(secret: int, public: g.Point, context: ProofContext) -> SchnorrProof:
    """Prove knowledge of x = secret with X = public = x·G.

    Args:
        secret: x.
        public: X.
        context: the ceremony context (label names trustee and coefficient).

    Returns:
        The proof.
    """
    return _prove_schnorr(secret, public, context, g.random_scalar)


def verify_schnorr(public: g.Point, proof: SchnorrProof, context: ProofContext) -> None:
    """Verify a Schnorr proof.

    Args:
        public: X (a decoded point).
        proof: the proof.
        context: the context the prover used.

    Raises:
        InvalidProof: if the proof does not verify.
    """
    check_scalars(proof.challenge, proof.response)
    commitment = g.sub(g.base_mul(proof.response), g.mul(proof.challenge, public))
    if challenge(TAG, context, [bytes(public)], [commitment]) != proof.challenge:
        raise InvalidProof("proof does not verify")
