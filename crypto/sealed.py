"""Sealed boxes: a message that only the holder of one X25519 key can open (docs/spec.md 25.4).

At the key ceremony at separate machines, trustee t's share for trustee j
travels on a USB stick that every trustee handles; it must be readable by
j alone.  Trustee j publishes an X25519 public key ``E_j`` and senders
encrypt to it with libsodium's ``crypto_box_seal`` (an ephemeral X25519
key, XSalsa20-Poly1305, nonce derived from both public keys).  A sealed
box is anonymous; the ceremony authenticates the sender by signing the
whole message (crypto/signatures.py) and by naming sender and recipient
inside the plaintext.

This module is the only place the ceremony touches ``nacl.public``.
"""

from __future__ import annotations

import hmac
from typing import Final

import nacl.exceptions
import nacl.public
import nacl.utils

from crypto.errors import EncodingError, UnsealError

__all__ = [
    "BOX_KEY_BYTES",
    "SEAL_OVERHEAD",
    "BoxKey",
    "box_key_from_secret",
    "decode_box_public_key",
    "generate_box_key",
    "open_sealed",
    "seal_to",
]

BOX_KEY_BYTES: Final = 32
"""Length of an X25519 secret or public key."""

SEAL_OVERHEAD: Final = 48
"""A sealed box is 48 bytes longer than its plaintext: ephemeral public key (32) and Poly1305 tag (16)."""

_FAILED: Final = "cannot be opened with this key (addressed to another key, or altered)"


class BoxKey:
    """An X25519 key pair whose repr never shows the secret.

    Build one with :func:`generate_box_key` or :func:`box_key_from_secret`.
    """

    __slots__ = ("_key",)

    def __init__(self, key: nacl.public.PrivateKey) -> None:
        """Wrap a PyNaCl key; callers use the module's constructors instead.

        Args:
            key: the PyNaCl private key.
        """
        self._key = key

    @property
    def public_key(self) -> bytes:
        """The 32-byte X25519 public key (spec symbol ``E_j``)."""
        return bytes(self._key.public_key)

    def secret_bytes(self) -> bytes:
        """Export the 32-byte secret, e.g. to seal it in a secret file."""
        return bytes(self._key)

    def __repr__(self) -> str:
        return f"BoxKey(public_key={self.public_key.hex()}, secret=<hidden>)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BoxKey):
            return NotImplemented
        return hmac.compare_digest(self.secret_bytes(), other.secret_bytes())

    def __hash__(self) -> int:
        return hash(self.public_key)

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("BoxKey is not picklable; seal its secret in a secret file instead")


def generate_box_key() -> BoxKey:
    """Draw a fresh X25519 key pair from the OS CSPRNG."""
    return BoxKey(nacl.public.PrivateKey(nacl.utils.random(BOX_KEY_BYTES)))


def box_key_from_secret(secret: bytes) -> BoxKey:
    """Rebuild a key pair from the 32 bytes :meth:`BoxKey.secret_bytes` exported.

    Raises:
        EncodingError: if the secret is not 32 bytes.
    """
    if not isinstance(secret, bytes) or len(secret) != BOX_KEY_BYTES:
        raise EncodingError("an X25519 secret key is 32 bytes")
    return BoxKey(nacl.public.PrivateKey(secret))


def decode_box_public_key(data: bytes) -> bytes:
    """Accept an X25519 public key from outside only if it is 32 bytes and not of small order.

    A small-order key would make every shared secret predictable; libsodium
    refuses to seal to one, and we check it here, where the key is read,
    by sealing one empty message to it.

    Raises:
        EncodingError: if the key is unusable.
    """
    if not isinstance(data, bytes) or len(data) != BOX_KEY_BYTES:
        raise EncodingError("an X25519 public key is 32 bytes")
    seal_to(data, b"")
    return data


def seal_to(public_key: bytes, plaintext: bytes) -> bytes:
    """Encrypt plaintext so that only the holder of public_key's secret can read it.

    Args:
        public_key: the recipient's 32-byte X25519 public key.
        plaintext: the message.

    Returns:
        ``crypto_box_seal(plaintext, public_key)``: 48 bytes longer than plaintext.

    Raises:
        EncodingError: if the key is malformed or of small order.
    """
    if not isinstance(public_key, bytes) or len(public_key) != BOX_KEY_BYTES:
        raise EncodingError("an X25519 public key is 32 bytes")
    if not isinstance(plaintext, bytes):
        raise TypeError("plaintext must be bytes")
    try:
        return bytes(nacl.public.SealedBox(nacl.public.PublicKey(public_key)).encrypt(plaintext))
    except (nacl.exceptions.CryptoError, ValueError):
        raise EncodingError("the X25519 public key is not usable (small order)") from None


def open_sealed(key: BoxKey, blob: bytes) -> bytes:
    """Open a sealed box addressed to key.

    Args:
        key: the recipient's key pair.
        blob: the sealed box.

    Returns:
        The plaintext.

    Raises:
        UnsealError: one opaque message for a box sealed to another key or altered.
    """
    if not isinstance(blob, bytes) or len(blob) < SEAL_OVERHEAD:
        raise UnsealError(_FAILED)
    try:
        return bytes(nacl.public.SealedBox(key._key).decrypt(blob))
    except (nacl.exceptions.CryptoError, ValueError):
        raise UnsealError(_FAILED) from None
