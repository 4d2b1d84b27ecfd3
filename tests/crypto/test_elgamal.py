"""crypto/elgamal.py and crypto/dlog.py: round trips, homomorphism, bounded discrete logs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto import _group as g
from crypto import elgamal as eg
from crypto.dlog import dlog
from crypto.errors import DecryptionError, EncodingError

SK = 0x1234567890ABCDEF1234567890ABCDEF
PK = eg.public_key(SK)
plaintexts = st.integers(min_value=0, max_value=1000)


@settings(max_examples=50, deadline=None)
@given(plaintexts)
def test_encrypt_decrypt_round_trip(m: int) -> None:
    ct, r = eg.encrypt(PK, m)
    assert 1 <= r < g.L
    assert m == eg.decrypt(SK, ct, 1000)
    assert g.base_mul(m) == eg.decrypt_to_point(SK, ct)


@settings(max_examples=20, deadline=None)
@given(st.lists(plaintexts, min_size=0, max_size=6), st.integers(min_value=0, max_value=40))
def test_homomorphism(ms: list[int], k: int) -> None:
    cts = [eg.encrypt(PK, m)[0] for m in ms]
    total = eg.sum_ciphertexts(cts)
    assert sum(ms) == eg.decrypt(SK, total, 6000)
    if cts:
        assert ms[0] * k == eg.decrypt(SK, eg.scalar_mul(cts[0], k), 40_000)
        pair = eg.add(cts[0], cts[-1])
        assert ms[0] + ms[-1] == eg.decrypt(SK, pair, 2000)


def test_encryption_of_zero_and_cancelling_sums() -> None:
    ct, r = eg.encrypt(PK, 0)
    assert g.mul(r, PK) == ct.beta
    assert 0 == eg.decrypt(SK, ct, 0)
    neg = eg.Ciphertext(g.neg(ct.alpha), g.neg(ct.beta))
    zero = eg.add(ct, neg)
    assert eg.Ciphertext(g.IDENTITY, g.IDENTITY) == zero
    assert 0 == eg.decrypt(SK, zero, 10)
    assert eg.Ciphertext(g.IDENTITY, g.IDENTITY) == eg.sum_ciphertexts([])


def test_nonce_is_fresh_and_deterministic_variant() -> None:
    a, ra = eg.encrypt(PK, 1)
    b, rb = eg.encrypt(PK, 1)
    assert ra != rb and a != b
    assert a == eg._encrypt_with_nonce(PK, 1, ra)
    with pytest.raises(EncodingError):
        eg._encrypt_with_nonce(PK, 1, 0)
    with pytest.raises(EncodingError):
        eg._encrypt_with_nonce(PK, g.L, 5)


def test_ciphertext_codec() -> None:
    ct, _ = eg.encrypt(PK, 3)
    assert ct == eg.Ciphertext.from_bytes(ct.to_bytes())
    assert ct == eg.Ciphertext.from_json(ct.to_json())
    identity = eg.Ciphertext(g.IDENTITY, g.IDENTITY)
    with pytest.raises(EncodingError):
        eg.Ciphertext.from_bytes(identity.to_bytes())
    assert identity == eg.Ciphertext.from_bytes(identity.to_bytes(), aggregate=True)
    for bad in ([ct.to_json()[0]], [ct.to_json()[0].upper(), ct.to_json()[1]], "xx", [1, 2]):
        with pytest.raises(EncodingError):
            eg.Ciphertext.from_json(bad)
    with pytest.raises(EncodingError):
        eg.Ciphertext.from_bytes(ct.to_bytes()[:63])


@pytest.mark.parametrize("bound", [0, 1, 2, 15, 16, 17, 99, 1000, 100_000])
def test_dlog_edges(bound: int) -> None:
    for m in sorted({0, min(1, bound), bound // 2, bound}):
        assert m == dlog(g.base_mul(m), bound)
    with pytest.raises(DecryptionError):
        dlog(g.base_mul(bound + 1), bound)


def test_dlog_fails_closed() -> None:
    with pytest.raises(DecryptionError):
        dlog(g.base_mul(g.L - 1), 10_000)  # "minus one"
    with pytest.raises(DecryptionError):
        dlog(g.hash_to_point("pbvote/1/test", b"x"), 10_000)
    with pytest.raises(DecryptionError):
        dlog(g.BASE, -1)
    with pytest.raises(DecryptionError):
        dlog(g.BASE, 2**60)


def test_decrypt_out_of_range_raises() -> None:
    ct, _ = eg.encrypt(PK, 11)
    with pytest.raises(DecryptionError):
        eg.decrypt(SK, ct, 10)
