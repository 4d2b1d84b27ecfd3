"""Chaum-Pedersen proof that a decryption share is correct (docs/spec.md, "Decryption-share proof").

Trustee j with secret share x_j and public share X_j = x_j·G publishes
S = x_j·alpha for an (aggregate) ciphertext and proves
``log_G X_j = log_alpha S``.  Tag ``pbvote/1/proof/decryption-share``,
statement ``[X_j, alpha, S]``, commitments ``[A, B] = [w·G, w·alpha]``,
response ``z = w + c·x_j``.  alpha may be the identity (empty aggregate).
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

__all__ = ["TAG", "DecryptionProof", "prove_decryption_share", "verify_decryption_share"]

TAG = "pbvote/1/proof/decryption-share"
"""Domain tag of the decryption-share proof's challenge."""


@dataclass(frozen=True, slots=True)
class DecryptionProof(ChallengeResponse):
    """A Chaum-Pedersen proof of equal discrete logs for a decryption share.

    Attributes:
        challenge: spec symbol c.
        response: spec symbol z = w + c·x_j mod L.
    """

    WHAT: ClassVar[str] = "decryption proof"


def _statement(public: g.Point, alpha: g.Point, share: g.Point) -> list[bytes]:
    return [bytes(public), bytes(alpha), bytes(share)]


def _prove_decryption_share(
    secret: int, public: g.Point, alpha: g.Point, context: ProofContext, rand: Rand
) -> tuple[g.Point, DecryptionProof]:
    """Compute the share and prove it with an injected scalar source (vectors)."""
    share = g.mul(secret, alpha)
    w = rand()
    commitments = [g.base_mul(w), g.mul(w, alpha)]
    c = challenge(TAG, context, _statement(public, alpha, share), commitments)
    return share, DecryptionProof(c, (w + c * secret) % g.L)


def prove_decryption_share(
    secret: int, public: g.Point, alpha: g.Point, context: ProofContext
) -> tuple[g.Point, DecryptionProof]:
    """Compute S = x_j·alpha and prove it correct.

    Args:
        secret: x_j, the trustee's secret share.
        public: X_j = x_j·G.
        alpha: the ciphertext's alpha (identity allowed).
        context: the tally context (label names trustee and ciphertext).

    Returns:
        ``(S, proof)``.
    """
    return _prove_decryption_share(secret, public, alpha, context, g.random_scalar)


def verify_decryption_share(
    public: g.Point,
    alpha: g.Point,
    share: g.Point,
    proof: DecryptionProof,
    context: ProofContext,
) -> None:
    """Verify a decryption share S for alpha under X_j.

    Args:
        public: X_j.
        alpha: the ciphertext's alpha.
        share: S.
        proof: the proof.
        context: the context the prover used.

    Raises:
        InvalidProof: if the proof does not verify.
    """
    check_scalars(proof.challenge, proof.response)
    c, z = proof.challenge, proof.response
    commitments = [
        g.sub(g.base_mul(z), g.mul(c, public)),
        g.sub(g.mul(z, alpha), g.mul(c, share)),
    ]
    if challenge(TAG, context, _statement(public, alpha, share), commitments) != c:
        raise InvalidProof("proof does not verify")
