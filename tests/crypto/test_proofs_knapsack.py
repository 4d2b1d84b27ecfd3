"""Knapsack proofs: sum cost_j x_j <= budget, by bit decomposition."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto import _group as g
from crypto import elgamal as eg
from crypto.errors import EncodingError, InvalidProof
from crypto.proofs.knapsack import (
    KnapsackProof,
    _prove_bits,
    prove_knapsack,
    verify_knapsack,
)
from tests.crypto.proof_helpers import CTX, OTHER_PK, PK, context_variants, counter_rand

KCTX = CTX.with_label("knapsack")
COSTS = [300, 450, 120, 999, 50, 700]
BUDGET = 1500


def _ballot(xs: list[int]) -> tuple[list[eg.Ciphertext], list[int]]:
    pairs = [eg.encrypt(PK, x) for x in xs]
    return [c for c, _ in pairs], [r for _, r in pairs]


def _target_nonce(costs: list[int], rs: list[int]) -> int:
    return -sum(c * r for c, r in zip(costs, rs, strict=True)) % g.L


@settings(max_examples=8, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2**12), st.sampled_from([0, 1])), min_size=1, max_size=6))
def test_completeness(items: list[tuple[int, int]]) -> None:
    costs = [c for c, _ in items]
    xs = [x for _, x in items]
    budget = max(1, sum(c * x for c, x in items) + random.randrange(0, 50))
    cts, rs = _ballot(xs)
    proof = prove_knapsack(PK, cts, xs, rs, costs, budget, KCTX)
    assert budget.bit_length() == len(proof.bits)
    verify_knapsack(PK, cts, costs, budget, proof, KCTX)


def test_exactly_at_budget_and_json() -> None:
    xs = [1, 1, 0, 0, 0, 1]  # 300 + 450 + 700 = 1450
    cts, rs = _ballot(xs)
    costs = COSTS
    proof = prove_knapsack(PK, cts, xs, rs, costs, 1450, KCTX)
    verify_knapsack(PK, cts, costs, 1450, proof, KCTX)
    assert proof == KnapsackProof.from_json(proof.to_json())


@pytest.fixture(scope="module")
def valid() -> tuple[list[eg.Ciphertext], KnapsackProof]:
    xs = [1, 0, 1, 0, 1, 0]
    cts, rs = _ballot(xs)
    return cts, prove_knapsack(PK, cts, xs, rs, COSTS, BUDGET, KCTX)


def test_statement_binding(valid: tuple[list[eg.Ciphertext], KnapsackProof]) -> None:
    cts, proof = valid
    verify_knapsack(PK, cts, COSTS, BUDGET, proof, KCTX)
    other, _ = eg.encrypt(PK, 0)
    cheaper = [*COSTS[:-1], COSTS[-1] + 1]  # cost of an unselected project changes
    bad = [
        (OTHER_PK, cts, COSTS, BUDGET),
        (PK, [*cts[:-1], other], COSTS, BUDGET),
        (PK, cts, cheaper, BUDGET),
        (PK, cts, [COSTS[1], COSTS[0], *COSTS[2:]], BUDGET),
        (PK, cts, COSTS, BUDGET + 1),
        (PK, cts, COSTS, BUDGET - 1),
        (PK, cts, COSTS, 2 * BUDGET),
        (PK, cts[:-1], COSTS[:-1], BUDGET),
        (PK, cts, COSTS, 0),
        (PK, cts, [*COSTS[:-1], 2**40], BUDGET),
    ]
    for pk, c, costs, budget in bad:
        with pytest.raises(InvalidProof):
            verify_knapsack(pk, c, costs, budget, proof, KCTX)
    for _, ctx in context_variants(KCTX):
        with pytest.raises(InvalidProof):
            verify_knapsack(PK, cts, COSTS, BUDGET, proof, ctx)


def test_tampered_proofs(valid: tuple[list[eg.Ciphertext], KnapsackProof]) -> None:
    cts, proof = valid
    bits, cs, zs = proof.bits, proof.challenges, proof.responses
    c0 = cs[0]
    candidates = [
        KnapsackProof(bits[::-1], cs, zs),
        KnapsackProof(bits[:-1], cs[:-1], zs[:-1]),
        KnapsackProof(bits, ((c0[0] + 1, c0[1] - 1), *cs[1:]), zs),
        KnapsackProof(bits, cs, ((zs[0][0], zs[0][1] + 1), *zs[1:])),
        KnapsackProof(bits, (cs[1], cs[0], *cs[2:]), (zs[1], zs[0], *zs[2:])),
        KnapsackProof((eg.Ciphertext(bits[0].beta, bits[0].alpha), *bits[1:]), cs, zs),
    ]
    for bad in candidates:
        with pytest.raises(InvalidProof):
            verify_knapsack(PK, cts, COSTS, BUDGET, bad, KCTX)


def test_over_budget_by_one_rejected() -> None:
    xs = [1, 1, 0, 0, 0, 1]  # 1450
    cts, rs = _ballot(xs)
    budget = 1449
    with pytest.raises(EncodingError):
        prove_knapsack(PK, cts, xs, rs, COSTS, budget, KCTX)
    k = budget.bit_length()
    tn = _target_nonce(COSTS, rs)
    d = (budget - 1450) % g.L  # L - 1
    # (a) honest-looking bits of d mod 2^k: recombination fails.
    forged_a = _prove_bits(PK, cts, COSTS, budget, [(d >> i) & 1 for i in range(k)], tn, KCTX, counter_rand(1))
    # (b) recombination holds, but bit 0 carries the huge remainder.
    bits = [0] * k
    bits[0] = d
    forged_b = _prove_bits(PK, cts, COSTS, budget, bits, tn, KCTX, counter_rand(2))
    # (c) recombination holds with bits of d - 2^k... all ones except bit 0 absorbing the rest.
    ones = [1] * k
    ones[0] = (d - sum(1 << i for i in range(1, k))) % g.L
    forged_c = _prove_bits(PK, cts, COSTS, budget, ones, tn, KCTX, counter_rand(3))
    for forged in (forged_a, forged_b, forged_c):
        with pytest.raises(InvalidProof):
            verify_knapsack(PK, cts, COSTS, budget, forged, KCTX)


def test_wrong_nonce_recombination_rejected() -> None:
    xs = [1, 0, 0, 0, 0, 0]
    cts, rs = _ballot(xs)
    d = BUDGET - 300
    bits = [(d >> i) & 1 for i in range(BUDGET.bit_length())]
    forged = _prove_bits(PK, cts, COSTS, BUDGET, bits, 12345, KCTX, counter_rand(4))
    with pytest.raises(InvalidProof):
        verify_knapsack(PK, cts, COSTS, BUDGET, forged, KCTX)
    honest = _prove_bits(PK, cts, COSTS, BUDGET, bits, _target_nonce(COSTS, rs), KCTX, counter_rand(4))
    verify_knapsack(PK, cts, COSTS, BUDGET, honest, KCTX)


def test_prover_input_checks() -> None:
    cts, rs = _ballot([1, 0])
    for costs, budget, xs in [([1, 2], 0, [1, 0]), ([1, 2**40], 5, [1, 0]), ([1], 5, [1, 0])]:
        with pytest.raises(EncodingError):
            prove_knapsack(PK, cts, xs, rs, costs, budget, KCTX)
    with pytest.raises(EncodingError):
        prove_knapsack(PK, cts, [2, 0], rs, [1, 1], 5, KCTX)
