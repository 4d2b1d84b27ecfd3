"""Passphrase-sealed secrets: round trip, opaque failure, tamper detection, no leaks."""

from __future__ import annotations

import nacl.pwhash.argon2id as argon2id
import pytest

from crypto.errors import SecretFileError
from crypto.secretbox import MAGIC, MODERATE, KdfLimits, _seal_with, seal, unseal

FAST = KdfLimits(argon2id.OPSLIMIT_MIN, argon2id.MEMLIMIT_MIN)
PASSPHRASE = "correct horse battery staple 馬"
SECRET = b"trustee share: 0123456789abcdef-SECRET-MATERIAL"


@pytest.fixture(scope="module")
def blob() -> bytes:
    return seal(PASSPHRASE, SECRET, purpose="trustee-share", limits=FAST)


def test_round_trip(blob: bytes) -> None:
    assert SECRET == unseal(PASSPHRASE, blob, purpose="trustee-share")


def test_empty_plaintext_round_trip() -> None:
    sealed = seal(PASSPHRASE, b"", purpose="kiosk-key", limits=FAST)
    assert b"" == unseal(PASSPHRASE, sealed, purpose="kiosk-key")


def test_layout(blob: bytes) -> None:
    assert MAGIC == blob[:7]
    assert 1 == blob[7]
    assert FAST.opslimit == int.from_bytes(blob[8:12], "big")
    assert FAST.memlimit == int.from_bytes(blob[12:20], "big")
    n = blob[36]
    assert b"trustee-share" == blob[37 : 37 + n]
    assert 37 + n + 24 + 16 + len(SECRET) == len(blob)


def test_fresh_salt_and_nonce_each_time(blob: bytes) -> None:
    again = seal(PASSPHRASE, SECRET, purpose="trustee-share", limits=FAST)
    assert blob != again
    assert blob[20:36] != again[20:36]


def test_wrong_passphrase(blob: bytes) -> None:
    with pytest.raises(SecretFileError, match=r"^wrong passphrase or damaged file$"):
        unseal(PASSPHRASE + " ", blob, purpose="trustee-share")


def test_passphrase_is_nfc_normalised() -> None:
    decomposed = "cafe\u0301"
    composed = "caf\u00e9"
    sealed = seal(decomposed, SECRET, purpose="x", limits=FAST)
    assert SECRET == unseal(composed, sealed, purpose="x")


def test_every_flipped_byte_is_refused(blob: bytes) -> None:
    for i in range(len(blob)):
        for mask in (0x01, 0x80):
            damaged = bytearray(blob)
            damaged[i] ^= mask
            with pytest.raises(SecretFileError):
                unseal(PASSPHRASE, bytes(damaged), purpose="trustee-share")


def test_truncated_and_extended_refused(blob: bytes) -> None:
    for cut in (0, 1, 7, 36, 60, len(blob) - 1):
        with pytest.raises(SecretFileError, match="wrong passphrase or damaged file"):
            unseal(PASSPHRASE, blob[:cut], purpose="trustee-share")
    with pytest.raises(SecretFileError):
        unseal(PASSPHRASE, blob + b"\0", purpose="trustee-share")


def test_other_purpose_refused(blob: bytes) -> None:
    with pytest.raises(SecretFileError, match="holds a 'trustee-share' secret"):
        unseal(PASSPHRASE, blob, purpose="kiosk-key")


def test_swapped_purpose_header_refused(blob: bytes) -> None:
    # Rewrite the purpose in the header (same length) and ask for the new one.
    forged = blob.replace(b"trustee-share", b"trustee-sharf", 1)
    with pytest.raises(SecretFileError, match=r"^wrong passphrase or damaged file$"):
        unseal(PASSPHRASE, forged, purpose="trustee-sharf")


def test_lowered_kdf_parameters_refused() -> None:
    stronger = KdfLimits(2, argon2id.MEMLIMIT_MIN * 2)
    sealed = seal(PASSPHRASE, SECRET, purpose="x", limits=stronger)
    weakened = bytearray(sealed)
    weakened[8:12] = (1).to_bytes(4, "big")
    with pytest.raises(SecretFileError):
        unseal(PASSPHRASE, bytes(weakened), purpose="x")


def test_absurd_kdf_parameters_refused_before_running(blob: bytes) -> None:
    greedy = bytearray(blob)
    greedy[12:20] = (2**40).to_bytes(8, "big")
    with pytest.raises(SecretFileError, match=r"^wrong passphrase or damaged file$"):
        unseal(PASSPHRASE, bytes(greedy), purpose="trustee-share")


@pytest.mark.parametrize(
    ("passphrase", "cut", "purpose"),
    [
        ("wrong " + PASSPHRASE, 0, "trustee-share"),
        (PASSPHRASE, 1, "trustee-share"),
        (PASSPHRASE, 0, "other"),
    ],
)
def test_secret_and_passphrase_absent_from_errors(blob: bytes, passphrase: str, cut: int, purpose: str) -> None:
    with pytest.raises(SecretFileError) as info:
        unseal(passphrase, blob[: len(blob) - cut], purpose=purpose)
    text = str(info.value) + repr(info.value)
    assert PASSPHRASE not in text
    assert "SECRET" not in text
    assert info.value.__cause__ is None
    # No chained libsodium exception with internals either.
    assert info.value.__context__ is None or info.value.__suppress_context__


def test_limits_validated() -> None:
    with pytest.raises(ValueError):
        KdfLimits(0, argon2id.MEMLIMIT_MIN)
    with pytest.raises(ValueError):
        KdfLimits(1, 1024)
    assert argon2id.OPSLIMIT_MODERATE == MODERATE.opslimit


def test_bad_inputs() -> None:
    with pytest.raises(SecretFileError):
        seal("", SECRET, purpose="x", limits=FAST)
    with pytest.raises(ValueError):
        seal(PASSPHRASE, SECRET, purpose="Not Valid", limits=FAST)
    with pytest.raises(ValueError):
        _seal_with(PASSPHRASE, SECRET, "x", FAST, bytes(15), bytes(24))


def test_deterministic_with_fixed_salt_and_nonce() -> None:
    a = _seal_with(PASSPHRASE, SECRET, "x", FAST, bytes(16), bytes(24))
    b = _seal_with(PASSPHRASE, SECRET, "x", FAST, bytes(16), bytes(24))
    assert a == b
    assert SECRET == unseal(PASSPHRASE, a, purpose="x")
