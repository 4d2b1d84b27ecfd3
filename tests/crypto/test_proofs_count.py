"""Count (min..max) and points (0..P) proofs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto import _group as g
from crypto import elgamal as eg
from crypto.errors import EncodingError, InvalidProof
from crypto.proofs import DisjunctiveProof
from crypto.proofs.count import _prove_count, prove_count, verify_count
from crypto.proofs.points import _prove_points, prove_points, verify_points
from crypto.proofs.selection import prove_selection, verify_selection
from tests.crypto.proof_helpers import CTX, OTHER_PK, PK, bump, context_variants, counter_rand

CCTX = CTX.with_label("count")


def _ballot(xs: list[int]) -> tuple[list[eg.Ciphertext], list[int]]:
    pairs = [eg.encrypt(PK, x) for x in xs]
    return [c for c, _ in pairs], [r for _, r in pairs]


@settings(max_examples=10, deadline=None)
@given(st.lists(st.sampled_from([0, 1]), min_size=1, max_size=8), st.integers(0, 3))
def test_count_completeness(xs: list[int], slack: int) -> None:
    cts, rs = _ballot(xs)
    lo, hi = max(0, sum(xs) - slack), sum(xs) + slack
    verify_count(PK, cts, lo, hi, prove_count(PK, cts, xs, rs, lo, hi, CCTX), CCTX)


@settings(max_examples=10, deadline=None)
@given(
    st.lists(st.sampled_from([0, 1]), min_size=1, max_size=10),
    st.integers(0, 2),
    st.integers(0, 2),
)
def test_random_approval_ballot_completeness(xs: list[int], below: int, above: int) -> None:
    """A whole approval ballot: every selection proof and the count proof verify."""
    cts, rs = _ballot(xs)
    lo, hi = max(0, sum(xs) - below), sum(xs) + above
    for j, (c, x, r) in enumerate(zip(cts, xs, rs, strict=True)):
        ctx = CTX.with_label(f"selection/{j}")
        verify_selection(PK, c, prove_selection(PK, c, x, r, ctx), ctx)
    verify_count(PK, cts, lo, hi, prove_count(PK, cts, xs, rs, lo, hi, CCTX), CCTX)


@pytest.fixture(scope="module")
def valid() -> tuple[list[eg.Ciphertext], list[int], DisjunctiveProof]:
    xs = [1, 0, 1, 1, 0]
    cts, rs = _ballot(xs)
    return cts, rs, prove_count(PK, cts, xs, rs, 1, 3, CCTX)


def test_count_binding(valid: tuple[list[eg.Ciphertext], list[int], DisjunctiveProof]) -> None:
    cts, _, proof = valid
    verify_count(PK, cts, 1, 3, proof, CCTX)
    extra, _ = eg.encrypt(PK, 0)
    bad_statements = [
        (OTHER_PK, cts, 1, 3),
        (PK, cts[::-1], 1, 3),  # same sum, different statement
        (PK, [*cts, extra], 1, 3),
        (PK, cts[:-1], 1, 3),
        (PK, cts, 0, 3),
        (PK, cts, 1, 4),
        (PK, cts, 2, 4),
        (PK, cts, 3, 1),
    ]
    for pk, c, lo, hi in bad_statements:
        with pytest.raises(InvalidProof):
            verify_count(pk, c, lo, hi, proof, CCTX)
    for _, ctx in context_variants(CCTX):
        with pytest.raises(InvalidProof):
            verify_count(PK, cts, 1, 3, proof, ctx)
    for i in range(3):
        with pytest.raises(InvalidProof):
            verify_count(PK, cts, 1, 3, DisjunctiveProof(bump(proof.challenges, i), proof.responses), CCTX)


@pytest.mark.parametrize("xs", [[1, 1, 1, 1, 0], [0, 0, 0, 0, 0], [1, 1, 1, 1, 1]])
def test_count_forgeries_rejected(xs: list[int]) -> None:
    cts, rs = _ballot(xs)
    with pytest.raises(EncodingError):
        prove_count(PK, cts, xs, rs, 1, 3, CCTX)
    for claimed in (1, 2, 3):
        forged = _prove_count(PK, cts, claimed, sum(rs) % g.L, 1, 3, CCTX, counter_rand(claimed))
        with pytest.raises(InvalidProof):
            verify_count(PK, cts, 1, 3, forged, CCTX)


def test_count_over_identity_sum() -> None:
    c, _ = eg.encrypt(PK, 1)
    neg = eg.Ciphertext(g.neg(c.alpha), g.neg(c.beta))  # sum is (identity, identity)
    proof = _prove_count(PK, [c, neg], 0, 0, 0, 1, CCTX, counter_rand(3))
    verify_count(PK, [c, neg], 0, 1, proof, CCTX)


@settings(max_examples=10, deadline=None)
@given(st.integers(1, 6).flatmap(lambda p: st.tuples(st.just(p), st.integers(0, p))))
def test_points_completeness(pm: tuple[int, int]) -> None:
    p, m = pm
    ct, r = eg.encrypt(PK, m)
    verify_points(PK, ct, p, prove_points(PK, ct, m, r, p, CTX), CTX)


def test_points_binding_and_forgeries() -> None:
    ct, r = eg.encrypt(PK, 3)
    proof = prove_points(PK, ct, 3, r, 5, CTX)
    verify_points(PK, ct, 5, proof, CTX)
    other, _ = eg.encrypt(PK, 3)
    for pk, c, p in [(OTHER_PK, ct, 5), (PK, other, 5), (PK, ct, 4), (PK, ct, 6), (PK, ct, 0)]:
        with pytest.raises(InvalidProof):
            verify_points(pk, c, p, proof, CTX)
    for _, ctx in context_variants():
        with pytest.raises(InvalidProof):
            verify_points(PK, ct, 5, proof, ctx)
    for m in (6, 7, g.L - 1):
        bad, rb = eg.encrypt(PK, m)
        with pytest.raises(EncodingError):
            prove_points(PK, bad, m, rb, 5, CTX)
        for claimed in (0, 5):
            forged = _prove_points(PK, bad, claimed, rb, 5, CTX, counter_rand(m))
            with pytest.raises(InvalidProof):
                verify_points(PK, bad, 5, forged, CTX)
