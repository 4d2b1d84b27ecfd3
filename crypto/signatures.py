"""Ed25519 signatures whose messages are domain separated, so no signature serves two purposes.

Every signed message is ``frame(tag, *values)`` (crypto/encoding.py) with a
tag of the form ``pbvote/1/<use>``; the framing is injective and the tag
comes first, so a signature made for one use can never verify for another
(docs/spec.md, "Signatures").  Signing and verification are libsodium's
Ed25519 through ``nacl.signing``; public keys are decoded strictly here, at
the boundary: 32 bytes, canonical encoding, not one of the small-order
points, and a point of the prime-order subgroup.
"""

from __future__ import annotations

import hmac
import re
from typing import Final

import nacl.exceptions
import nacl.signing
import nacl.utils

from crypto.encoding import Frameable, frame
from crypto.errors import EncodingError, InvalidSignature

__all__ = [
    "PUBLIC_KEY_BYTES",
    "SEED_BYTES",
    "SIGNATURE_BYTES",
    "SigningKey",
    "check_tag",
    "decode_public_key",
    "generate_signing_key",
    "sign",
    "signed_message",
    "signing_key_from_seed",
    "verify",
]

SEED_BYTES: Final = 32
PUBLIC_KEY_BYTES: Final = 32
SIGNATURE_BYTES: Final = 64

_TAG_RE: Final = re.compile(r"pbvote/1/[a-z][a-z0-9-]*(?:/[a-z][a-z0-9-]*)*")

_P: Final = 2**255 - 19
_Y_MASK: Final = (1 << 255) - 1
_ORDER8_Y: Final = 0x7A03AC9277FDC74EC6CC392CFA53202A0F67100D760B3CBA4FD84D3D706A17C7
_SMALL_ORDER_Y: Final = frozenset({0, 1, _P - 1, _ORDER8_Y, _P - _ORDER8_Y})
"""y coordinates of the 8 points of order 1, 2, 4 and 8 (each with both x signs)."""


class SigningKey:
    """An Ed25519 signing key whose repr and str never show the secret seed.

    Build one with generate_signing_key() or signing_key_from_seed().
    """

    __slots__ = ("_key",)

    def __init__(self, key: nacl.signing.SigningKey) -> None:
        """Wrap a PyNaCl key; callers use the module's constructors instead.

        Args:
            key: the PyNaCl signing key.
        """
        self._key = key

    @property
    def public_key(self) -> bytes:
        """The 32-byte Ed25519 public key A (spec symbol ``A``)."""
        return bytes(self._key.verify_key)

    def secret_seed(self) -> bytes:
        """Export the 32-byte seed, e.g. to seal it in a secret file.

        Returns:
            The seed from which the key was derived (RFC 8032 private key).
        """
        return bytes(self._key)

    def _sign_bytes(self, message: bytes) -> bytes:
        return bytes(self._key.sign(message).signature)

    def __repr__(self) -> str:
        return f"SigningKey(public_key={self.public_key.hex()}, seed=<hidden>)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SigningKey):
            return NotImplemented
        return hmac.compare_digest(self.secret_seed(), other.secret_seed())

    def __hash__(self) -> int:
        return hash(self.public_key)

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("SigningKey is not picklable; seal its seed in a secret file instead")


def generate_signing_key() -> SigningKey:
    """Draw a fresh signing key from the OS CSPRNG.

    Returns:
        A new SigningKey.
    """
    return SigningKey(nacl.signing.SigningKey(nacl.utils.random(SEED_BYTES)))


def signing_key_from_seed(seed: bytes) -> SigningKey:
    """Rebuild a signing key deterministically, e.g. from a voting code or a secret file.

    Args:
        seed: exactly 32 bytes.

    Returns:
        The SigningKey for that seed (RFC 8032 key generation).

    Raises:
        EncodingError: if ``seed`` is not 32 bytes.
    """
    if not isinstance(seed, bytes) or len(seed) != SEED_BYTES:
        raise EncodingError("signing key seed must be 32 bytes")
    return SigningKey(nacl.signing.SigningKey(seed))


def check_tag(tag: str) -> None:
    """Refuse a domain tag outside the ``pbvote/1/<use>`` namespace.

    Args:
        tag: e.g. ``"pbvote/1/ballot"``.

    Raises:
        EncodingError: if the tag does not match ``pbvote/1/[a-z][a-z0-9-]*(/...)*``.
    """
    if not isinstance(tag, str) or _TAG_RE.fullmatch(tag) is None:
        raise EncodingError("signature domain tag must look like 'pbvote/1/<use>'")


def signed_message(tag: str, *values: Frameable) -> bytes:
    """Build the exact bytes that Ed25519 signs for a tag and values.

    Args:
        tag: the domain tag of this use.
        *values: the framed values, in the order the spec lists them.

    Returns:
        ``frame(tag, *values)``.

    Raises:
        EncodingError: for a bad tag or an unframeable value.
    """
    check_tag(tag)
    return frame(tag, *values)


def sign(signing_key: SigningKey, tag: str, *values: Frameable) -> bytes:
    """Sign values under a domain tag so the signature is valid for that use only.

    Args:
        signing_key: the signer's key.
        tag: the domain tag, e.g. ``"pbvote/1/board-head"``.
        *values: the framed values.

    Returns:
        The 64-byte Ed25519 signature (R || S) of ``frame(tag, *values)``.

    Raises:
        EncodingError: for a bad tag or an unframeable value.
    """
    return signing_key._sign_bytes(signed_message(tag, *values))


def verify(public_key: bytes, signature: bytes, tag: str, *values: Frameable) -> None:
    """Check a signature made by sign() for exactly this tag and these values.

    Args:
        public_key: the signer's 32-byte public key, from outside.
        signature: the 64-byte signature, from outside.
        tag: the domain tag the verifier expects.
        *values: the framed values the verifier expects.

    Raises:
        InvalidSignature: for any failure: a malformed or small-order public
            key, a signature of the wrong length or a non-canonical S, or a
            signature that does not match.  The message does not say which.
    """
    try:
        key = decode_public_key(public_key)
        message = signed_message(tag, *values)
    except EncodingError:
        raise InvalidSignature("signature does not verify") from None
    if not isinstance(signature, bytes) or len(signature) != SIGNATURE_BYTES:
        raise InvalidSignature("signature does not verify")
    try:
        nacl.signing.VerifyKey(key).verify(message, signature)
    except (nacl.exceptions.BadSignatureError, nacl.exceptions.CryptoError, ValueError):
        raise InvalidSignature("signature does not verify") from None


def decode_public_key(data: bytes) -> bytes:
    """Accept an Ed25519 public key from outside only if it is a sound point.

    Checks, in order: 32 bytes; the y coordinate is canonical (below
    p = 2^255 - 19); y is not that of one of the 8 small-order points (the
    explicit block list ``_SMALL_ORDER_Y``, which covers both sign bits);
    and libsodium's own validation in ``to_curve25519_public_key``
    (``crypto_sign_ed25519_pk_to_curve25519``), which refuses points off the
    curve, of small order, or outside the prime-order subgroup.

    Args:
        data: the encoded key.

    Returns:
        ``data`` unchanged, as bytes.

    Raises:
        EncodingError: if any check fails.
    """
    if not isinstance(data, bytes) or len(data) != PUBLIC_KEY_BYTES:
        raise EncodingError("public key must be 32 bytes")
    y = int.from_bytes(data, "little") & _Y_MASK
    if y >= _P or y in _SMALL_ORDER_Y:
        raise EncodingError("public key is not a canonical Ed25519 point of prime order")
    try:
        nacl.signing.VerifyKey(data).to_curve25519_public_key()
    except (nacl.exceptions.CryptoError, RuntimeError, ValueError):
        raise EncodingError(
            "public key is not a canonical Ed25519 point of prime order"
        ) from None
    return data
