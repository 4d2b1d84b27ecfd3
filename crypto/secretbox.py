"""Passphrase-sealed secrets at rest: trustee shares, kiosk and official signing keys.

A sealed blob (docs/spec.md, "Secret files") is a versioned header followed
by an XSalsa20-Poly1305 box.  The box key is
``K = digest("pbvote/1/secret-file-key", K0, H)`` where ``K0`` is Argon2id
of the passphrase and ``H`` is the whole header (magic, KDF parameters,
salt, purpose, nonce).  Binding the header into the key authenticates it
as associated data: changing any header byte changes ``K``, and the
Poly1305 tag then fails exactly as for a wrong passphrase.

Layout (offsets in bytes, integers big-endian)::

    0      7   magic "PBVSEC1"
    7      1   KDF id, 0x01 = Argon2id v1.3
    8      4   opslimit (u32)
    12     8   memlimit in bytes (u64)
    20     16  salt
    36     1   n = length of the purpose
    37     n   purpose, ASCII [a-z][a-z0-9-]*
    37+n   24  nonce
    61+n   ..  box: 16-byte Poly1305 tag || ciphertext
"""

from __future__ import annotations

import re
import struct
import unicodedata
from dataclasses import dataclass
from typing import Final

import nacl.exceptions
import nacl.pwhash.argon2id as argon2id
import nacl.secret
import nacl.utils

from crypto.encoding import digest
from crypto.errors import SecretFileError

__all__ = [
    "INTERACTIVE",
    "MAGIC",
    "MODERATE",
    "KdfLimits",
    "seal",
    "unseal",
]

MAGIC: Final = b"PBVSEC1"
KEY_TAG: Final = "pbvote/1/secret-file-key"
_KDF_ARGON2ID13: Final = 0x01
_SALT_BYTES: Final = argon2id.SALTBYTES  # 16
_NONCE_BYTES: Final = nacl.secret.SecretBox.NONCE_SIZE  # 24
_KEY_BYTES: Final = nacl.secret.SecretBox.KEY_SIZE  # 32
_MAC_BYTES: Final = nacl.secret.SecretBox.MACBYTES  # 16
_FIXED: Final = struct.Struct(">7sBIQ16sB")  # magic, kdf, opslimit, memlimit, salt, n
_PURPOSE_RE: Final = re.compile(r"[a-z][a-z0-9-]{0,63}")
_MAX_OPSLIMIT: Final = 16
_MAX_MEMLIMIT: Final = argon2id.MEMLIMIT_SENSITIVE  # 1 GiB: a file cannot demand more
_FAILED: Final = "wrong passphrase or damaged file"


@dataclass(frozen=True, slots=True)
class KdfLimits:
    """Argon2id cost parameters, written into the header of every sealed blob."""

    opslimit: int
    """``t``: Argon2id passes (libsodium opslimit)."""
    memlimit: int
    """``m``: Argon2id memory in bytes (libsodium memlimit)."""

    def __post_init__(self) -> None:
        """Refuse limits libsodium rejects or a file must not demand.

        Raises:
            ValueError: if a limit is out of range.
        """
        if not argon2id.OPSLIMIT_MIN <= self.opslimit <= _MAX_OPSLIMIT:
            raise ValueError(f"opslimit must be in {argon2id.OPSLIMIT_MIN}..{_MAX_OPSLIMIT}")
        if not argon2id.MEMLIMIT_MIN <= self.memlimit <= _MAX_MEMLIMIT:
            raise ValueError(f"memlimit must be in {argon2id.MEMLIMIT_MIN}..{_MAX_MEMLIMIT}")


MODERATE: Final = KdfLimits(argon2id.OPSLIMIT_MODERATE, argon2id.MEMLIMIT_MODERATE)
"""The default for real secrets: 3 passes over 256 MiB (about a second)."""
INTERACTIVE: Final = KdfLimits(argon2id.OPSLIMIT_INTERACTIVE, argon2id.MEMLIMIT_INTERACTIVE)
"""2 passes over 64 MiB, for machines that cannot spare 256 MiB."""


def _check_purpose(purpose: str) -> bytes:
    if not isinstance(purpose, str) or _PURPOSE_RE.fullmatch(purpose) is None:
        raise ValueError("purpose must match [a-z][a-z0-9-]{0,63}, e.g. 'trustee-share'")
    return purpose.encode("ascii")


def _passphrase_bytes(passphrase: str) -> bytes:
    if not isinstance(passphrase, str) or not passphrase:
        raise SecretFileError("the passphrase must be non-empty text")
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _box_key(passphrase: bytes, header: bytes, salt: bytes, limits: KdfLimits) -> bytes:
    k0 = argon2id.kdf(
        _KEY_BYTES, passphrase, salt, opslimit=limits.opslimit, memlimit=limits.memlimit
    )
    return digest(KEY_TAG, k0, header)


def _header(purpose: bytes, limits: KdfLimits, salt: bytes, nonce: bytes) -> bytes:
    fixed = _FIXED.pack(MAGIC, _KDF_ARGON2ID13, limits.opslimit, limits.memlimit, salt, len(purpose))
    return fixed + purpose + nonce


def _seal_with(
    passphrase: str,
    plaintext: bytes,
    purpose: str,
    limits: KdfLimits,
    salt: bytes,
    nonce: bytes,
) -> bytes:
    """Seal with a given salt and nonce; only for test vectors."""
    if len(salt) != _SALT_BYTES or len(nonce) != _NONCE_BYTES:
        raise ValueError("salt must be 16 bytes and nonce 24 bytes")
    if not isinstance(plaintext, bytes):
        raise TypeError("plaintext must be bytes")
    header = _header(_check_purpose(purpose), limits, salt, nonce)
    key = _box_key(_passphrase_bytes(passphrase), header, salt, limits)
    box = nacl.secret.SecretBox(key).encrypt(plaintext, nonce).ciphertext
    return header + bytes(box)


def seal(
    passphrase: str, plaintext: bytes, *, purpose: str, limits: KdfLimits = MODERATE
) -> bytes:
    """Encrypt a secret under a passphrase so it can rest on disk or a USB stick.

    Args:
        passphrase: non-empty text; normalised to NFC and encoded as UTF-8.
        plaintext: the secret bytes.
        purpose: what the secret is, e.g. ``"trustee-share"``; unseal() for
            another purpose refuses the blob.
        limits: Argon2id costs; MODERATE unless a caller (a test suite)
            passes lower limits explicitly.

    Returns:
        The sealed blob (header || box), with a fresh random salt and nonce.

    Raises:
        SecretFileError: if the passphrase is empty.
        ValueError: if the purpose is malformed.
    """
    return _seal_with(
        passphrase,
        plaintext,
        purpose,
        limits,
        nacl.utils.random(_SALT_BYTES),
        nacl.utils.random(_NONCE_BYTES),
    )


def unseal(passphrase: str, blob: bytes, *, purpose: str) -> bytes:
    """Open a sealed secret, failing the same way for a wrong passphrase and for damage.

    Args:
        passphrase: the passphrase given to seal().
        blob: the sealed bytes.
        purpose: the purpose the caller expects.

    Returns:
        The plaintext.

    Raises:
        SecretFileError: "wrong passphrase or damaged file" for a bad
            passphrase or any altered byte; a distinct message when the
            header is intact but names another purpose.
        ValueError: if the expected purpose is malformed.
    """
    expected = _check_purpose(purpose)
    pw = _passphrase_bytes(passphrase)
    if not isinstance(blob, bytes) or len(blob) < _FIXED.size:
        raise SecretFileError(_FAILED)
    magic, kdf, opslimit, memlimit, salt, n = _FIXED.unpack_from(blob)
    header_end = _FIXED.size + n + _NONCE_BYTES
    if magic != MAGIC or kdf != _KDF_ARGON2ID13 or len(blob) < header_end + _MAC_BYTES:
        raise SecretFileError(_FAILED)
    stored = blob[_FIXED.size : _FIXED.size + n]
    if _PURPOSE_RE.fullmatch(stored.decode("ascii", "replace")) is None:
        raise SecretFileError(_FAILED)
    if stored != expected:
        raise SecretFileError(
            f"this file holds a {stored.decode('ascii')!r} secret, not {purpose!r}"
        )
    try:
        limits = KdfLimits(opslimit, memlimit)
    except ValueError:
        raise SecretFileError(_FAILED) from None
    header = blob[:header_end]
    nonce = blob[header_end - _NONCE_BYTES : header_end]
    key = _box_key(pw, header, salt, limits)
    try:
        return bytes(nacl.secret.SecretBox(key).decrypt(blob[header_end:], nonce))
    except nacl.exceptions.CryptoError:
        raise SecretFileError(_FAILED) from None
