"""Threshold key ceremony and decryption: n = 5 trustees, k = 3."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto import _group as g
from crypto import elgamal as eg
from crypto import threshold as th
from crypto.dlog import dlog
from crypto.errors import DecryptionError, EncodingError, InvalidProof
from crypto.proofs.schnorr import SchnorrProof

FP = b"\xfe" * 32
N, K = 5, 3


@pytest.fixture(scope="module")
def ceremony() -> tuple[list[th.Polynomial], list[th.TrusteeCommitments], dict[int, int]]:
    polys = [th.generate_polynomial(K) for _ in range(N)]
    published = [th.commit(p, t + 1, FP) for t, p in enumerate(polys)]
    secrets = {j: th.combine_shares([th.share_for(p, j) for p in polys]) for j in range(1, N + 1)}
    return polys, published, secrets


def test_ceremony_verifies(
    ceremony: tuple[list[th.Polynomial], list[th.TrusteeCommitments], dict[int, int]],
) -> None:
    polys, published, secrets = ceremony
    for p in published:
        th.verify_commitments(p, K, FP)
    for t, poly in enumerate(polys):
        for j in range(1, N + 1):
            th.verify_share(j, th.share_for(poly, j), published[t].commitments)
    key = th.joint_public_key(published)
    assert g.base_mul(sum(p.coefficients[0] for p in polys)) == key
    for j, x in secrets.items():
        assert g.base_mul(x) == th.trustee_public_share(j, published)
    assert str(polys[0].coefficients[0]) not in repr(polys[0])


def test_bad_share_and_commitments_rejected(
    ceremony: tuple[list[th.Polynomial], list[th.TrusteeCommitments], dict[int, int]],
) -> None:
    polys, published, _ = ceremony
    share = th.share_for(polys[0], 2)
    with pytest.raises(th.InvalidShare) as info:
        th.verify_share(2, (share + 1) % g.L, published[0].commitments)
    assert str(share) not in str(info.value)
    with pytest.raises(th.InvalidShare):
        th.verify_share(3, share, published[0].commitments)
    with pytest.raises(th.InvalidShare):
        th.verify_share(2, share, published[1].commitments)
    with pytest.raises(EncodingError):
        th.share_for(polys[0], 0)
    p = published[0]
    swapped = th.TrusteeCommitments(2, p.commitments, p.proofs)  # claimed by another trustee
    with pytest.raises(InvalidProof):
        th.verify_commitments(swapped, K, FP)
    with pytest.raises(InvalidProof):
        th.verify_commitments(p, K, b"\x00" * 32)
    with pytest.raises(InvalidProof):
        th.verify_commitments(p, K + 1, FP)
    reordered = th.TrusteeCommitments(1, p.commitments[::-1], p.proofs[::-1])
    with pytest.raises(InvalidProof):
        th.verify_commitments(reordered, K, FP)
    bad_proof = th.TrusteeCommitments(1, p.commitments, (SchnorrProof(1, 2), *p.proofs[1:]))
    with pytest.raises(InvalidProof):
        th.verify_commitments(bad_proof, K, FP)


@settings(max_examples=5, deadline=None)
@given(st.integers(0, 500))
def test_every_k_subset_decrypts_identically(
    ceremony: tuple[list[th.Polynomial], list[th.TrusteeCommitments], dict[int, int]], m: int
) -> None:
    _, published, secrets = ceremony
    key = th.joint_public_key(published)
    ct, _ = eg.encrypt(key, m)
    partials = {j: th.partial_decrypt(j, x, ct, FP, "tally/p1") for j, x in secrets.items()}
    for j, pd in partials.items():
        th.verify_partial(th.trustee_public_share(j, published), ct, pd, FP, "tally/p1")
    results = set()
    for subset in itertools.combinations(range(1, N + 1), K):
        point = th.combine_partials(ct, {j: partials[j].share for j in subset})
        results.add(dlog(point, 500))
    assert {m} == results
    for subset in itertools.combinations(range(1, N + 1), K - 1):
        point = th.combine_partials(ct, {j: partials[j].share for j in subset})
        assert g.base_mul(m) != point
        with pytest.raises(DecryptionError):
            dlog(point, 500)


def test_partial_bound_to_trustee_and_label(
    ceremony: tuple[list[th.Polynomial], list[th.TrusteeCommitments], dict[int, int]],
) -> None:
    _, published, secrets = ceremony
    key = th.joint_public_key(published)
    ct, _ = eg.encrypt(key, 7)
    pd = th.partial_decrypt(1, secrets[1], ct, FP, "tally/p1")
    x1 = th.trustee_public_share(1, published)
    th.verify_partial(x1, ct, pd, FP, "tally/p1")
    with pytest.raises(InvalidProof):
        th.verify_partial(x1, ct, pd, FP, "tally/p2")
    with pytest.raises(InvalidProof):
        th.verify_partial(th.trustee_public_share(2, published), ct, pd, FP, "tally/p1")
    with pytest.raises(InvalidProof):
        th.verify_partial(x1, ct, th.PartialDecryption(2, pd.share, pd.proof), FP, "tally/p1")
    with pytest.raises(InvalidProof):
        th.verify_partial(x1, ct, pd, b"\x01" * 32, "tally/p1")


def test_aggregate_of_nothing_decrypts_to_zero(
    ceremony: tuple[list[th.Polynomial], list[th.TrusteeCommitments], dict[int, int]],
) -> None:
    _, published, secrets = ceremony
    empty = eg.sum_ciphertexts([])
    partials = {j: th.partial_decrypt(j, secrets[j], empty, FP, "t") for j in (2, 4, 5)}
    for j, pd in partials.items():
        th.verify_partial(th.trustee_public_share(j, published), empty, pd, FP, "t")
    assert 0 == dlog(th.combine_partials(empty, {j: p.share for j, p in partials.items()}), 10)


def test_lagrange() -> None:
    idx = [1, 3, 5]
    lams = [th.lagrange_coefficient(j, idx) for j in idx]
    assert 1 == sum(lams) % g.L  # interpolating the constant polynomial 1
    with pytest.raises(EncodingError):
        th.lagrange_coefficient(2, idx)
    with pytest.raises(EncodingError):
        th.lagrange_coefficient(1, [1, 1, 3])


def test_one_of_one() -> None:
    poly = th.generate_polynomial(1)
    pub = th.commit(poly, 1, FP)
    th.verify_commitments(pub, 1, FP)
    key = th.joint_public_key([pub])
    x1 = th.combine_shares([th.share_for(poly, 1)])
    ct, _ = eg.encrypt(key, 9)
    pd = th.partial_decrypt(1, x1, ct, FP, "t")
    assert 9 == dlog(th.combine_partials(ct, {1: pd.share}), 20)
