"""Threshold key generation and decryption: n trustees, any k decrypt (docs/spec.md, "Threshold").

Each trustee t draws a secret polynomial f_t of degree k - 1, publishes
Feldman commitments C_{t,i} = a_{t,i}·G with a Schnorr proof of knowledge
for each, and gives trustee j the share f_t(j).  The election key is
K = sum_t C_{t,0}; trustee j's secret share is x_j = sum_t f_t(j) and its
public share X_j = sum_i j^i·(sum_t C_{t,i}).  A decryption share is
S_j = x_j·alpha with a Chaum-Pedersen proof; any k shares combine by
Lagrange interpolation at 0 into m·G = beta - sum_j lambda_j·S_j.

Transport encryption of shares and share files are not here: this module
is the math only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from crypto import _group as g
from crypto.elgamal import Ciphertext
from crypto.errors import CryptoError, EncodingError, InvalidProof
from crypto.proofs._fiat_shamir import ProofContext, Rand
from crypto.proofs.decryption import (
    DecryptionProof,
    _prove_decryption_share,
    verify_decryption_share,
)
from crypto.proofs.schnorr import SchnorrProof, _prove_schnorr, verify_schnorr

__all__ = [
    "MAX_TRUSTEES",
    "InvalidShare",
    "PartialDecryption",
    "Polynomial",
    "TrusteeCommitments",
    "ceremony_context",
    "combine_partials",
    "combine_shares",
    "commit",
    "decryption_context",
    "generate_polynomial",
    "joint_public_key",
    "lagrange_coefficient",
    "partial_decrypt",
    "share_for",
    "trustee_public_share",
    "verify_commitments",
    "verify_partial",
    "verify_share",
]

MAX_TRUSTEES = 255
"""Trustee indices are 1..MAX_TRUSTEES."""

L = g.L


class InvalidShare(InvalidProof):
    """Raised when a received polynomial share does not match the sender's commitments.

    The message names the trustee indices only, never the share.
    """


@dataclass(frozen=True, slots=True)
class Polynomial:
    """A trustee's secret polynomial f(X) = a_0 + a_1 X + ... + a_{k-1} X^{k-1}.

    Attributes:
        coefficients: spec symbols a_0..a_{k-1} (secret; hidden from repr).
    """

    coefficients: tuple[int, ...] = field(repr=False)


@dataclass(frozen=True, slots=True)
class TrusteeCommitments:
    """What trustee t publishes in the ceremony.

    Attributes:
        trustee: spec symbol t, the trustee index (1-based).
        commitments: spec symbols C_{t,0}..C_{t,k-1} = a_{t,i}·G.
        proofs: Schnorr proofs of knowledge of each a_{t,i}.
    """

    trustee: int
    commitments: tuple[g.Point, ...]
    proofs: tuple[SchnorrProof, ...]


@dataclass(frozen=True, slots=True)
class PartialDecryption:
    """Trustee j's decryption share of one ciphertext.

    Attributes:
        trustee: spec symbol j.
        share: spec symbol S_j = x_j·alpha.
        proof: the Chaum-Pedersen proof of S_j.
    """

    trustee: int
    share: g.Point
    proof: DecryptionProof


def _check_index(j: int) -> None:
    if isinstance(j, bool) or not isinstance(j, int) or not 1 <= j <= MAX_TRUSTEES:
        raise EncodingError("trustee index out of range")


def ceremony_context(fingerprint: bytes, trustee: int, coefficient: int) -> ProofContext:
    """Return the context of trustee t's proof for coefficient i.

    Args:
        fingerprint: the election fingerprint.
        trustee: t.
        coefficient: i.

    Returns:
        ``ProofContext(fingerprint, b"", "", "trustee/<t>/coefficient/<i>")``.
    """
    return ProofContext(fingerprint, b"", "", f"trustee/{trustee}/coefficient/{coefficient}")


def _generate_polynomial(threshold: int, rand: Rand) -> Polynomial:
    if not 1 <= threshold <= MAX_TRUSTEES:
        raise EncodingError("threshold out of range")
    return Polynomial(tuple(rand() for _ in range(threshold)))


def generate_polynomial(threshold: int) -> Polynomial:
    """Draw a random polynomial of degree threshold - 1 with nonzero coefficients.

    Args:
        threshold: k.

    Returns:
        The secret polynomial.

    Raises:
        EncodingError: if k is out of range.
    """
    return _generate_polynomial(threshold, g.random_scalar)


def _commit(poly: Polynomial, trustee: int, fingerprint: bytes, rand: Rand) -> TrusteeCommitments:
    _check_index(trustee)
    points = tuple(g.base_mul(a) for a in poly.coefficients)
    proofs = tuple(
        _prove_schnorr(a, c, ceremony_context(fingerprint, trustee, i), rand)
        for i, (a, c) in enumerate(zip(poly.coefficients, points, strict=True))
    )
    return TrusteeCommitments(trustee, points, proofs)


def commit(poly: Polynomial, trustee: int, fingerprint: bytes) -> TrusteeCommitments:
    """Return trustee t's Feldman commitments with Schnorr proofs.

    Args:
        poly: the trustee's polynomial.
        trustee: t, 1-based.
        fingerprint: the election fingerprint.

    Returns:
        The public commitments.

    Raises:
        EncodingError: if t is out of range.
    """
    return _commit(poly, trustee, fingerprint, g.random_scalar)


def verify_commitments(published: TrusteeCommitments, threshold: int, fingerprint: bytes) -> None:
    """Check the number of commitments and every proof of knowledge.

    Args:
        published: trustee t's commitments (decoded points).
        threshold: k.
        fingerprint: the election fingerprint.

    Raises:
        InvalidProof: if the count is wrong or a proof fails.
    """
    if len(published.commitments) != threshold or len(published.proofs) != threshold:
        raise InvalidProof("proof does not verify")
    for i, (c, p) in enumerate(zip(published.commitments, published.proofs, strict=True)):
        verify_schnorr(c, p, ceremony_context(fingerprint, published.trustee, i))


def share_for(poly: Polynomial, j: int) -> int:
    """Evaluate f(j) mod L, the share for trustee j.

    Args:
        poly: the sender's polynomial.
        j: the recipient's index, 1-based.

    Returns:
        f(j) mod L.

    Raises:
        EncodingError: if j is out of range.
    """
    _check_index(j)
    acc = 0
    for a in reversed(poly.coefficients):
        acc = (acc * j + a) % L
    return acc


def _eval_commitments(j: int, commitments: Sequence[g.Point]) -> g.Point:
    acc = g.IDENTITY
    power = 1
    for c in commitments:
        acc = g.add(acc, g.mul(power, c))
        power = power * j % L
    return acc


def verify_share(j: int, share: int, commitments: Sequence[g.Point]) -> None:
    """Check share·G == sum_i j^i·C_i for a share received by trustee j.

    Args:
        j: the recipient's index.
        share: the received f_t(j).
        commitments: the sender's C_{t,0}..C_{t,k-1}.

    Raises:
        InvalidShare: if it does not match (the message names no secret).
    """
    _check_index(j)
    if isinstance(share, bool) or not isinstance(share, int) or not 0 <= share < L:
        raise InvalidShare(f"share for trustee {j} does not match the commitments")
    if g.base_mul(share) != _eval_commitments(j, commitments):
        raise InvalidShare(f"share for trustee {j} does not match the commitments")


def combine_shares(shares: Sequence[int]) -> int:
    """Return trustee j's secret share x_j = sum_t f_t(j) mod L.

    Args:
        shares: the verified shares f_t(j) from every trustee t (own included).

    Returns:
        x_j.
    """
    return sum(shares) % L


def joint_public_key(published: Sequence[TrusteeCommitments]) -> g.Point:
    """Return the election public key K = sum_t C_{t,0}.

    Args:
        published: every trustee's verified commitments.

    Returns:
        K.

    Raises:
        CryptoError: if K is the identity (never for honest trustees).
    """
    key = g.IDENTITY
    for p in published:
        key = g.add(key, p.commitments[0])
    if key == g.IDENTITY:
        raise CryptoError("joint public key is the identity")
    return key


def trustee_public_share(j: int, published: Sequence[TrusteeCommitments]) -> g.Point:
    """Return X_j = sum_i j^i·(sum_t C_{t,i}) = x_j·G.

    Args:
        j: the trustee index.
        published: every trustee's verified commitments.

    Returns:
        X_j.
    """
    _check_index(j)
    width = max(len(p.commitments) for p in published)
    summed = []
    for i in range(width):
        acc = g.IDENTITY
        for p in published:
            acc = g.add(acc, p.commitments[i])
        summed.append(acc)
    return _eval_commitments(j, summed)


def decryption_context(fingerprint: bytes, j: int, label: str) -> ProofContext:
    """Return the context of trustee j's decryption share for the ciphertext named label.

    Args:
        fingerprint: the election fingerprint.
        j: the trustee index.
        label: names the ciphertext, e.g. ``"tally/<district>/<project>"``.

    Returns:
        ``ProofContext(fingerprint, b"", "", "trustee/<j>/decrypt/<label>")``.
    """
    return ProofContext(fingerprint, b"", "", f"trustee/{j}/decrypt/{label}")


def _partial_decrypt(
    j: int, secret: int, ct: Ciphertext, fingerprint: bytes, label: str, rand: Rand
) -> PartialDecryption:
    _check_index(j)
    ctx = decryption_context(fingerprint, j, label)
    share, proof = _prove_decryption_share(secret, g.base_mul(secret), ct.alpha, ctx, rand)
    return PartialDecryption(j, share, proof)


def partial_decrypt(j: int, secret: int, ct: Ciphertext, fingerprint: bytes, label: str) -> PartialDecryption:
    """Compute trustee j's decryption share of ct with its proof.

    Args:
        j: the trustee index.
        secret: x_j.
        ct: the (aggregate) ciphertext.
        fingerprint: the election fingerprint.
        label: names the ciphertext.

    Returns:
        The partial decryption.
    """
    return _partial_decrypt(j, secret, ct, fingerprint, label, g.random_scalar)


def verify_partial(
    public_share: g.Point,
    ct: Ciphertext,
    partial: PartialDecryption,
    fingerprint: bytes,
    label: str,
) -> None:
    """Verify trustee j's decryption share against X_j.

    Args:
        public_share: X_j from :func:`trustee_public_share`.
        ct: the ciphertext.
        partial: the share and proof.
        fingerprint: the election fingerprint.
        label: names the ciphertext.

    Raises:
        InvalidProof: if the proof does not verify.
    """
    ctx = decryption_context(fingerprint, partial.trustee, label)
    verify_decryption_share(public_share, ct.alpha, partial.share, partial.proof, ctx)


def lagrange_coefficient(j: int, indices: Sequence[int]) -> int:
    """Return lambda_j = prod_{m != j} m / (m - j) mod L, interpolating at 0.

    Args:
        j: one of the indices.
        indices: the distinct trustee indices taking part.

    Returns:
        lambda_j.

    Raises:
        EncodingError: if indices repeat or j is not among them.
    """
    if len(set(indices)) != len(indices) or j not in indices:
        raise EncodingError("lagrange: bad index set")
    num, den = 1, 1
    for m in indices:
        if m != j:
            num = num * m % L
            den = den * (m - j) % L
    return num * pow(den, -1, L) % L


def combine_partials(ct: Ciphertext, shares: Mapping[int, g.Point]) -> g.Point:
    """Return m·G = beta - sum_j lambda_j·S_j from k verified shares.

    Args:
        ct: the ciphertext.
        shares: {j: S_j} for exactly k distinct trustees (fewer give a wrong point).

    Returns:
        m·G; pass it to :func:`crypto.dlog.dlog`.

    Raises:
        EncodingError: on a bad index set.
    """
    indices = sorted(shares)
    for j in indices:
        _check_index(j)
    acc = g.IDENTITY
    for j in indices:
        acc = g.add(acc, g.mul(lagrange_coefficient(j, indices), shares[j]))
    return g.sub(ct.beta, acc)
