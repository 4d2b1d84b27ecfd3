"""Ed25519 signatures: domain separation, strict public keys, opaque failures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto.errors import EncodingError, InvalidSignature
from crypto.signatures import (
    SigningKey,
    decode_public_key,
    generate_signing_key,
    sign,
    signed_message,
    signing_key_from_seed,
    verify,
)

P = 2**255 - 19

SMALL_ORDER = [
    "0100000000000000000000000000000000000000000000000000000000000000",
    "0100000000000000000000000000000000000000000000000000000000000080",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "0000000000000000000000000000000000000000000000000000000000000000",
    "0000000000000000000000000000000000000000000000000000000000000080",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
]

SEED = bytes(range(32))


@pytest.fixture
def key() -> SigningKey:
    return signing_key_from_seed(SEED)


def test_sign_verify_round_trip(key: SigningKey) -> None:
    sig = sign(key, "pbvote/1/test", b"abc", "text", 7, [b"x", 1])
    assert 64 == len(sig)
    verify(key.public_key, sig, "pbvote/1/test", b"abc", "text", 7, [b"x", 1])


def test_rfc8032_key_generation() -> None:
    # RFC 8032 section 7.1, TEST 1.
    seed = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
    expected = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
    assert expected == signing_key_from_seed(seed).public_key.hex()


def test_signature_for_one_purpose_fails_for_another(key: SigningKey) -> None:
    sig = sign(key, "pbvote/1/board-head", b"v")
    with pytest.raises(InvalidSignature):
        verify(key.public_key, sig, "pbvote/1/ballot", b"v")


def test_values_are_framed_unambiguously(key: SigningKey) -> None:
    sig = sign(key, "pbvote/1/test", b"ab", b"c")
    with pytest.raises(InvalidSignature):
        verify(key.public_key, sig, "pbvote/1/test", b"a", b"bc")
    with pytest.raises(InvalidSignature):
        verify(key.public_key, sig, "pbvote/1/test", b"abc")
    with pytest.raises(InvalidSignature):
        verify(key.public_key, sig, "pbvote/1/test", "ab", b"c")


def test_signed_message_is_frame_of_tag_and_values() -> None:
    from crypto.encoding import frame

    assert frame("pbvote/1/x", b"1", 2) == signed_message("pbvote/1/x", b"1", 2)


@pytest.mark.parametrize("tag", ["", "pbvote/2/x", "pb-vote/1/x", "pbvote/1/", "pbvote/1/X", "x"])
def test_bad_tags_refused(key: SigningKey, tag: str) -> None:
    with pytest.raises(EncodingError):
        sign(key, tag, b"v")


def test_wrong_key_fails(key: SigningKey) -> None:
    sig = sign(key, "pbvote/1/test", b"v")
    with pytest.raises(InvalidSignature):
        verify(generate_signing_key().public_key, sig, "pbvote/1/test", b"v")


@pytest.mark.parametrize("position", [0, 1, 31, 32, 33, 62, 63])
def test_flipped_signature_byte_fails(key: SigningKey, position: int) -> None:
    sig = bytearray(sign(key, "pbvote/1/test", b"v"))
    sig[position] ^= 0x01
    with pytest.raises(InvalidSignature):
        verify(key.public_key, bytes(sig), "pbvote/1/test", b"v")


def test_truncated_or_extended_signature_fails(key: SigningKey) -> None:
    sig = sign(key, "pbvote/1/test", b"v")
    for bad in (sig[:-1], sig + b"\0", b"", "not bytes"):
        with pytest.raises(InvalidSignature):
            verify(key.public_key, bad, "pbvote/1/test", b"v")  # type: ignore[arg-type]


def test_non_canonical_s_fails(key: SigningKey) -> None:
    order = 2**252 + 27742317777372353535851937790883648493
    sig = sign(key, "pbvote/1/test", b"v")
    s = int.from_bytes(sig[32:], "little") + order
    malleated = sig[:32] + s.to_bytes(32, "little")
    with pytest.raises(InvalidSignature):
        verify(key.public_key, malleated, "pbvote/1/test", b"v")


@pytest.mark.parametrize("encoding", SMALL_ORDER)
def test_small_order_public_keys_refused(encoding: str) -> None:
    with pytest.raises(EncodingError):
        decode_public_key(bytes.fromhex(encoding))


def test_small_order_key_with_forged_signature_fails() -> None:
    # The identity as public key with R = identity, S = 0 "verifies" every message
    # under a naive cofactored check; it must not here.
    identity = bytes.fromhex(SMALL_ORDER[0])
    with pytest.raises(InvalidSignature):
        verify(identity, identity + bytes(32), "pbvote/1/test", b"anything")


def test_non_canonical_y_refused(key: SigningKey) -> None:
    for y in (P, P + 1, 2**255 - 1):
        with pytest.raises(EncodingError):
            decode_public_key(y.to_bytes(32, "little"))


def test_off_curve_and_mixed_order_points_refused() -> None:
    refused = 0
    for y in range(2, 40):
        encoded = y.to_bytes(32, "little")
        try:
            decode_public_key(encoded)
        except EncodingError:
            refused += 1
    # y = 26 and y = 37 are points of the prime-order subgroup; all others in
    # this range are off the curve or carry a torsion component.
    assert 36 == refused


def test_public_key_length_checked() -> None:
    for bad in (b"", bytes(31), bytes(33)):
        with pytest.raises(EncodingError):
            decode_public_key(bad)


def test_seed_length_checked() -> None:
    with pytest.raises(EncodingError):
        signing_key_from_seed(bytes(31))


def test_repr_hides_seed(key: SigningKey) -> None:
    for text in (repr(key), str(key), f"{key}"):
        assert SEED.hex() not in text
        assert "hidden" in text
        assert key.public_key.hex() in text


def test_key_equality_and_export(key: SigningKey) -> None:
    assert key == signing_key_from_seed(SEED)
    assert key != generate_signing_key()
    assert SEED == key.secret_seed()


def test_key_not_picklable(key: SigningKey) -> None:
    import pickle

    with pytest.raises(TypeError):
        pickle.dumps(key)


@settings(max_examples=40, deadline=None)
@given(seed=st.binary(min_size=32, max_size=32), message=st.binary(max_size=200))
def test_round_trip_property(seed: bytes, message: bytes) -> None:
    k = signing_key_from_seed(seed)
    pk = decode_public_key(k.public_key)
    verify(pk, sign(k, "pbvote/1/prop", message), "pbvote/1/prop", message)
