"""Knapsack proof: sum_j cost_j·x_j <= budget, by a bit-decomposed range proof.

With selection ciphertexts E_j = (alpha_j, beta_j) (each proven 0/1 by its
own selection proof), the cost-weighted sum ``W = sum_j cost_j·E_j``
encrypts v = sum cost_j x_j with nonce R = sum cost_j r_j, and
``T = (-W.alpha, budget·G - W.beta)`` encrypts d = budget - v with nonce
-R.  The prover publishes k = bitlen(budget) bit ciphertexts D_i whose
nonces are chosen so that ``sum_i 2^i·D_i == T`` exactly; the verifier
checks that equality (no extra proof) and one 0/1 disjunctive proof per bit,
all under one challenge.  Since every x_j is 0 or 1 and costs and budget
are below 2^40, v is a true integer far below L, so d in [0, 2^k) means
v <= budget (docs/spec.md, "Knapsack proof").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crypto import _group as g
from crypto.elgamal import Ciphertext, _encrypt_with_nonce, scalar_mul, sum_ciphertexts
from crypto.encoding import Frameable
from crypto.errors import EncodingError, InvalidProof
from crypto.proofs import _disjunctive as dj
from crypto.proofs._fiat_shamir import (
    ProofContext,
    Rand,
    challenge,
    check_scalars,
    parse_scalars,
    scalar_hex,
)

__all__ = ["MAX_VALUE", "TAG", "KnapsackProof", "prove_knapsack", "verify_knapsack"]

TAG = "pbvote/1/proof/knapsack"
"""Domain tag of the knapsack proof's challenge."""

MAX_VALUE = 2**40
"""Costs and the budget are ints in [0, 2^40) (budget >= 1)."""

L = g.L


@dataclass(frozen=True, slots=True)
class KnapsackProof:
    """The knapsack range proof record.

    Attributes:
        bits: spec symbols D_0..D_{k-1}, the bit ciphertexts (least significant first).
        challenges: spec symbols (c_{i,0}, c_{i,1}) per bit.
        responses: spec symbols (z_{i,0}, z_{i,1}) per bit.
    """

    bits: tuple[Ciphertext, ...]
    challenges: tuple[tuple[int, int], ...]
    responses: tuple[tuple[int, int], ...]

    def to_json(self) -> dict[str, list[list[str]]]:
        """Return ``{"bits": [[a, b]...], "c": [[c0, c1]...], "z": [[z0, z1]...]}``.

        Returns:
            The JSON form.
        """
        return {
            "bits": [d.to_json() for d in self.bits],
            "c": [[scalar_hex(a), scalar_hex(b)] for a, b in self.challenges],
            "z": [[scalar_hex(a), scalar_hex(b)] for a, b in self.responses],
        }

    @classmethod
    def from_json(cls, value: object) -> KnapsackProof:
        """Parse the JSON form.

        Args:
            value: the JSON object.

        Returns:
            The proof.

        Raises:
            EncodingError: on any malformed field.
        """
        if not isinstance(value, dict) or set(value) != {"bits", "c", "z"}:
            raise EncodingError("knapsack proof: need exactly 'bits', 'c' and 'z'")
        bits, cs, zs = value["bits"], value["c"], value["z"]
        if not (isinstance(bits, list) and isinstance(cs, list) and isinstance(zs, list)):
            raise EncodingError("knapsack proof: fields must be lists")
        return cls(
            tuple(Ciphertext.from_json(b) for b in bits),
            tuple(_pair(parse_scalars(c)) for c in cs),
            tuple(_pair(parse_scalars(z)) for z in zs),
        )


def _pair(values: tuple[int, ...]) -> tuple[int, int]:
    if len(values) != 2:
        raise EncodingError("knapsack proof: expected pairs")
    return values[0], values[1]


def _check_public(n: int, costs: Sequence[int], budget: int) -> bool:
    return (
        len(costs) == n
        and all(not isinstance(c, bool) and 0 <= c < MAX_VALUE for c in costs)
        and not isinstance(budget, bool)
        and 1 <= budget < MAX_VALUE
    )


def _statement(
    pk: g.Point,
    cts: Sequence[Ciphertext],
    costs: Sequence[int],
    budget: int,
    bits: Sequence[Ciphertext],
) -> list[Frameable]:
    return [bytes(pk), dj.ciphertexts_frame(cts), list(costs), budget, dj.ciphertexts_frame(bits)]


def _prove_bits(
    pk: g.Point,
    cts: Sequence[Ciphertext],
    costs: Sequence[int],
    budget: int,
    bit_values: Sequence[int],
    target_nonce: int,
    context: ProofContext,
    rand: Rand,
) -> KnapsackProof:
    """Prove given explicit bit values (tests use it as a cheating prover).

    The nonce of bit 0 is fixed so that sum 2^i s_i = target_nonce mod L.
    """
    k = len(bit_values)
    nonces = [0] + [rand() for _ in range(1, k)]
    nonces[0] = (target_nonce - sum(s << i for i, s in enumerate(nonces))) % L
    if nonces[0] == 0:  # negligible; redraw rather than encrypt with r = 0
        return _prove_bits(pk, cts, costs, budget, bit_values, target_nonce, context, rand)
    bits = [_encrypt_with_nonce(pk, b % L, s) for b, s in zip(bit_values, nonces, strict=True)]
    states = []
    commitments: list[bytes] = []
    for b, s in zip(bit_values, nonces, strict=True):
        state, comm = dj.commit(pk, b, s, 0, 1, rand)
        states.append(state)
        commitments += comm
    c = challenge(TAG, context, _statement(pk, cts, costs, budget, bits), commitments)
    proofs = [dj.respond(st, c) for st in states]
    return KnapsackProof(
        tuple(bits),
        tuple((p.challenges[0], p.challenges[1]) for p in proofs),
        tuple((p.responses[0], p.responses[1]) for p in proofs),
    )


def prove_knapsack(
    pk: g.Point,
    cts: Sequence[Ciphertext],
    selections: Sequence[int],
    nonces: Sequence[int],
    costs: Sequence[int],
    budget: int,
    context: ProofContext,
) -> KnapsackProof:
    """Prove that sum cost_j·x_j <= budget for the encrypted selections.

    Args:
        pk: the election public key K.
        cts: the selection ciphertexts E_j, in ballot order.
        selections: their plaintexts x_j (0 or 1).
        nonces: their nonces r_j.
        costs: the public project costs, ints in [0, 2^40).
        budget: the public budget, 1 <= budget < 2^40.
        context: the ballot context.

    Returns:
        The proof.

    Raises:
        EncodingError: on inconsistent inputs or a ballot over budget.
    """
    n = len(cts)
    if not _check_public(n, costs, budget) or len(selections) != n or len(nonces) != n:
        raise EncodingError("knapsack: inconsistent inputs")
    if any(x not in (0, 1) for x in selections):
        raise EncodingError("knapsack: selections must be 0 or 1")
    d = budget - sum(c * x for c, x in zip(costs, selections, strict=True))
    if d < 0:
        raise EncodingError("knapsack: ballot over budget")
    k = budget.bit_length()
    target_nonce = -sum(c * r for c, r in zip(costs, nonces, strict=True)) % L
    bit_values = [(d >> i) & 1 for i in range(k)]
    return _prove_bits(pk, cts, costs, budget, bit_values, target_nonce, context, g.random_scalar)


def _weighted_target(cts: Sequence[Ciphertext], costs: Sequence[int], budget: int) -> Ciphertext:
    w = sum_ciphertexts(scalar_mul(e, c) for e, c in zip(cts, costs, strict=True))
    return Ciphertext(g.neg(w.alpha), g.sub(g.base_mul(budget), w.beta))


def _recombine(bits: Sequence[Ciphertext]) -> Ciphertext:
    alpha, beta = g.IDENTITY, g.IDENTITY
    for d in reversed(bits):  # Horner: acc = 2·acc + D_i
        alpha = g.add(g.add(alpha, alpha), d.alpha)
        beta = g.add(g.add(beta, beta), d.beta)
    return Ciphertext(alpha, beta)


def verify_knapsack(
    pk: g.Point,
    cts: Sequence[Ciphertext],
    costs: Sequence[int],
    budget: int,
    proof: KnapsackProof,
    context: ProofContext,
) -> None:
    """Verify a knapsack proof (the selection proofs are verified separately).

    Args:
        pk: the election public key K.
        cts: the selection ciphertexts E_j.
        costs: the public costs.
        budget: the public budget.
        proof: the proof.
        context: the ballot context.

    Raises:
        InvalidProof: if the proof does not verify.
    """
    k = budget.bit_length() if isinstance(budget, int) else -1
    if (
        not _check_public(len(cts), costs, budget)
        or len(proof.bits) != k
        or len(proof.challenges) != k
        or len(proof.responses) != k
    ):
        raise InvalidProof("proof does not verify")
    if _recombine(proof.bits) != _weighted_target(cts, costs, budget):
        raise InvalidProof("proof does not verify")
    subs = [dj.DisjunctiveProof(c, z) for c, z in zip(proof.challenges, proof.responses, strict=True)]
    commitments: list[bytes] = []
    for d, p in zip(proof.bits, subs, strict=True):
        commitments += dj.recompute(pk, d, 0, 1, p)
    c = challenge(TAG, context, _statement(pk, cts, costs, budget, proof.bits), commitments)
    for p in subs:
        check_scalars(*p.challenges)
        dj.check_sum(p, c)
