"""Verification of the zero-knowledge proofs (spec sections 10 to 14).

Each function returns True or False and never says which equation failed
(section 10: one opaque outcome per proof).  Statement bounds are checked
before any group operation (section 17); JSON shapes are checked by the
caller, which hands over decoded scalars and points.

The exception are the ciphertexts of selection and points proofs and the
bit ciphertexts of knapsack proofs: they arrive as 32 bytes not yet decoded,
because the proof's first multiplication of each (``c_0·α``, ``c_0·β``, in
group.commit / commit_with, which decode as group.mul_point does) is also
its decode_point, which saves one is_valid_point per point (two per
selection).  A point that fails raises VerifyError naming
it, before the point is added to anything or hashed into a challenge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tally.verify.encoding import Frameable, hash_to_scalar
from tally.verify.group import IDENTITY, G, L, add, base_mul, commit, commit_with, mul, neg, sub

SPEC_VERSION = "pbvote-spec/1"
Ciphertext = tuple[bytes, bytes]


@dataclass(frozen=True)
class Context:
    """Section 10: the proof context ``(F, cred, district, label)`` without the label."""

    fingerprint: bytes
    """``F``."""
    credential: bytes
    """``cred``, 32 bytes, or empty for trustee proofs."""
    district: str
    """``district``, or empty for trustee proofs."""


def challenge(tag: str, context: Context, label: str, statement: list[Frameable], commitments: list[bytes]) -> int:
    """Section 10: the strong Fiat-Shamir challenge."""
    return hash_to_scalar(tag, SPEC_VERSION, context.fingerprint, statement, list(commitments),
                          [context.credential, context.district, label])


def _disjunctive_commitments(key: bytes, ct: Ciphertext, lo: int, cs: Sequence[int], zs: Sequence[int],
                             fresh: str = "") -> list[bytes]:
    """``A_v = z_v·G - c_v·α`` and ``B_v = z_v·K - c_v·(β - v·G)`` for ``v = lo, lo+1, …``.

    ``β - v·G`` is kept as a running difference (one subtraction of ``G`` per
    branch instead of a fixed-base multiplication and a subtraction).

    Args:
        fresh: when not empty, ``α`` and ``β`` are undecoded 32 bytes (``lo``
            must be 0); ``c_0·α`` and ``c_0·β`` validate them, and ``fresh`` names
            them in the error.

    Raises:
        VerifyError: (only with ``fresh``) if ``α`` or ``β`` is not a valid point.
    """
    alpha, beta = ct
    if fresh and lo != 0:
        raise ValueError("undecoded ciphertexts only with lo = 0")
    shifted = beta if lo == 0 else sub(beta, base_mul(lo))
    out: list[bytes] = []
    last = len(cs) - 1
    for v, (c, z) in enumerate(zip(cs, zs, strict=True)):
        out.append(commit(z, c, alpha, fresh))
        out.append(commit_with(key, z, c, shifted, fresh if v == 0 else ""))
        if v < last:
            shifted = sub(shifted, G)
    return out


def verify_disjunctive(tag: str, statement: list[Frameable], key: bytes, ct: Ciphertext, lo: int, hi: int,
                       cs: Sequence[int], zs: Sequence[int], context: Context, label: str, fresh: str = "") -> bool:
    """Section 11.1: ``(α, β)`` encrypts a value in ``[lo, hi]``; accept iff Σ c_v ≡ c.

    Raises:
        VerifyError: with ``fresh`` (see _disjunctive_commitments), if ``α`` or ``β`` is not a valid point.
    """
    if not 0 <= lo <= hi or len(cs) != hi - lo + 1 or len(zs) != hi - lo + 1:
        return False
    commitments = _disjunctive_commitments(key, ct, lo, cs, zs, fresh)
    return sum(cs) % L == challenge(tag, context, label, statement, commitments)


def verify_selection(key: bytes, ct: Ciphertext, cs: Sequence[int], zs: Sequence[int], context: Context,
                     label: str) -> bool:
    """Section 11.2: a 0/1 selection; statement ``[K, α, β]``; ``ct`` undecoded (module docstring).

    Raises:
        VerifyError: naming ``label`` if ``α`` or ``β`` is not a valid point.
    """
    return verify_disjunctive("pbvote/1/proof/selection", [key, ct[0], ct[1]], key, ct, 0, 1, cs, zs,
                              context, label, label)


def verify_points(key: bytes, ct: Ciphertext, max_points: int, cs: Sequence[int], zs: Sequence[int],
                  context: Context, label: str) -> bool:
    """Section 11.3: a value in ``[0, P]``, ``1 <= P <= 100``; statement ``[K, α, β, P]``; ``ct`` undecoded.

    Raises:
        VerifyError: naming ``label`` if ``α`` or ``β`` is not a valid point.
    """
    if not 1 <= max_points <= 100:
        return False
    return verify_disjunctive("pbvote/1/proof/points", [key, ct[0], ct[1], max_points], key, ct, 0, max_points,
                              cs, zs, context, label, label)


def ciphertext_sum(cts: Sequence[Ciphertext]) -> Ciphertext:
    """Section 8.3: the homomorphic sum (identity allowed)."""
    alpha, beta = IDENTITY, IDENTITY
    for a, b in cts:
        alpha, beta = add(alpha, a), add(beta, b)
    return alpha, beta


def verify_count(key: bytes, cts: Sequence[Ciphertext], lo: int, hi: int, cs: Sequence[int], zs: Sequence[int],
                 context: Context) -> bool:
    """Section 11.4: the sum of the selections is in ``[lo, hi]``, ``hi - lo + 1 <= 256``; ``cts`` validated."""
    if not 0 <= lo <= hi or hi - lo + 1 > 256:
        return False
    statement: list[Frameable] = [key, [[a, b] for a, b in cts], lo, hi]
    return verify_disjunctive("pbvote/1/proof/count", statement, key, ciphertext_sum(cts), lo, hi, cs, zs,
                              context, "count")


@dataclass(frozen=True)
class KnapsackProof:
    """Section 12: bit ciphertexts ``D_i`` and per-bit challenge and response pairs."""

    bits: tuple[Ciphertext, ...]
    """``(α'_i, β'_i)``, least significant first, undecoded 32 bytes (the proof's multiplications validate them)."""
    challenges: tuple[tuple[int, int], ...]
    """``(c_{i,0}, c_{i,1})``."""
    responses: tuple[tuple[int, int], ...]
    """``(z_{i,0}, z_{i,1})``."""


def verify_knapsack(key: bytes, cts: Sequence[Ciphertext], costs: Sequence[int], budget: int,
                    proof: KnapsackProof, context: Context) -> bool:
    """Section 12: ``Σ cost_j·x_j <= b`` through ``k = bitlen(b)`` bit ciphertexts summing to ``T``.

    ``cts`` must be validated points (the selection proofs validate them);
    the bit ciphertexts are validated by their bit proofs' multiplications,
    which therefore run before the bits are summed.

    Raises:
        VerifyError: naming the bit if a bit ciphertext is not a valid point.
    """
    k = budget.bit_length()
    if not 1 <= budget < 2**40 or any(not 0 <= c < 2**40 for c in costs) or len(costs) != len(cts):
        return False
    if not len(proof.bits) == len(proof.challenges) == len(proof.responses) == k:
        return False
    commitments: list[bytes] = []
    for i, (bit, (c0, c1), (z0, z1)) in enumerate(zip(proof.bits, proof.challenges, proof.responses, strict=True)):
        commitments += _disjunctive_commitments(key, bit, 0, (c0, c1), (z0, z1), f"knapsack bit {i}")
    w_alpha, w_beta = IDENTITY, IDENTITY
    for (a, b), cost in zip(cts, costs, strict=True):
        w_alpha, w_beta = add(w_alpha, mul(cost, a)), add(w_beta, mul(cost, b))
    target = (neg(w_alpha), sub(base_mul(budget), w_beta))
    acc_a, acc_b = IDENTITY, IDENTITY
    for a, b in reversed(proof.bits):
        acc_a, acc_b = add(add(acc_a, acc_a), a), add(add(acc_b, acc_b), b)
    if (acc_a, acc_b) != target:
        return False
    statement: list[Frameable] = [key, [[a, b] for a, b in cts], list(costs), budget,
                                  [[a, b] for a, b in proof.bits]]
    c = challenge("pbvote/1/proof/knapsack", context, "knapsack", statement, commitments)
    return all((c0 + c1) % L == c for c0, c1 in proof.challenges)


def verify_schnorr(point: bytes, c: int, z: int, context: Context, label: str) -> bool:
    """Section 14: knowledge of ``log_G X``; ``A = z·G - c·X``."""
    return c == challenge("pbvote/1/proof/schnorr", context, label, [point], [commit(z, c, point)])


def verify_decryption_share(public_share: bytes, alpha: bytes, share: bytes, c: int, z: int, context: Context,
                            label: str) -> bool:
    """Section 13: ``log_G X_j = log_α S_j``; ``A = z·G - c·X_j``, ``B = z·α - c·S_j``."""
    a = commit(z, c, public_share)
    b = commit_with(alpha, z, c, share)
    return c == challenge("pbvote/1/proof/decryption-share", context, label, [public_share, alpha, share], [a, b])
