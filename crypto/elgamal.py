"""Exponential ElGamal over the Ed25519 prime-order subgroup.

A plaintext m (a small non-negative int) is encrypted under the election
public key K as ``(alpha, beta) = (r·G, m·G + r·K)`` with a fresh nonce
``r`` in ``[1, L)`` from the OS CSPRNG.  Ciphertexts multiply (here: add)
homomorphically; decryption yields m·G and :mod:`crypto.dlog` recovers m
within a bound (docs/spec.md, "ElGamal").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from crypto import _group as g
from crypto.dlog import dlog
from crypto.errors import EncodingError

__all__ = [
    "Ciphertext",
    "add",
    "decode_public_key",
    "decrypt",
    "decrypt_to_point",
    "encrypt",
    "encryption_matches",
    "generate_keypair",
    "public_key",
    "scalar_mul",
    "sum_ciphertexts",
]


@dataclass(frozen=True, slots=True)
class Ciphertext:
    """An exponential ElGamal ciphertext (docs/spec.md, "ElGamal").

    Attributes:
        alpha: spec symbol alpha = r·G.
        beta: spec symbol beta = m·G + r·K.
    """

    alpha: g.Point
    beta: g.Point

    def to_bytes(self) -> bytes:
        """Return alpha || beta (64 bytes).

        Returns:
            The canonical encoding.
        """
        return bytes(self.alpha) + bytes(self.beta)

    def to_json(self) -> list[str]:
        """Return ``[hex(alpha), hex(beta)]``.

        Returns:
            The JSON form used in the record.
        """
        return [bytes(self.alpha).hex(), bytes(self.beta).hex()]

    @classmethod
    def from_bytes(cls, data: bytes, *, aggregate: bool = False) -> Ciphertext:
        """Decode and validate alpha || beta.

        Args:
            data: 64 bytes.
            aggregate: allow the identity in either component (only for a
                homomorphic aggregate, as the spec allows).

        Returns:
            The ciphertext.

        Raises:
            EncodingError: wrong length or an invalid point.
        """
        if not isinstance(data, bytes) or len(data) != 64:
            raise EncodingError("ciphertext: need 64 bytes")
        dec = g.decode_point_or_identity if aggregate else g.decode_point
        return cls(dec(data[:32]), dec(data[32:]))

    @classmethod
    def from_json(cls, value: object, *, aggregate: bool = False) -> Ciphertext:
        """Decode ``[hex(alpha), hex(beta)]``.

        Args:
            value: the JSON value.
            aggregate: as :meth:`from_bytes`.

        Returns:
            The ciphertext.

        Raises:
            EncodingError: wrong shape, bad hex or an invalid point.
        """
        if not isinstance(value, list) or len(value) != 2:
            raise EncodingError("ciphertext: need [alpha, beta]")
        return cls.from_bytes(_unhex(value[0]) + _unhex(value[1]), aggregate=aggregate)


def _unhex(value: object) -> bytes:
    if not isinstance(value, str) or len(value) != 64 or value != value.lower():
        raise EncodingError("expected 64 lowercase hex digits")
    try:
        return bytes.fromhex(value)
    except ValueError:
        raise EncodingError("expected 64 lowercase hex digits") from None


def generate_keypair() -> tuple[int, g.Point]:
    """Draw a secret key s in ``[1, L)`` and its public key K = s·G.

    Returns:
        ``(s, K)``.
    """
    s = g.random_scalar()
    return s, g.base_mul(s)


def public_key(secret: int) -> g.Point:
    """Return K = s·G.

    Args:
        secret: s in ``[1, L)``.

    Returns:
        K.
    """
    return g.base_mul(secret)


def decode_public_key(data: bytes) -> g.Point:
    """Validate an election public key received from outside (a record, a database).

    Args:
        data: 32 bytes.

    Returns:
        The point K.

    Raises:
        EncodingError: unless it is a canonical point of the prime-order subgroup, not the identity.
    """
    return g.decode_point(data)


def _plain_point(m: int) -> g.Point:
    if m == 0:
        return g.IDENTITY
    if m == 1:
        return g.BASE
    return g.base_mul(m)


def _encrypt_with_nonce(pk: g.Point, m: int, r: int) -> Ciphertext:
    """Encrypt with a caller-chosen nonce (vectors, Benaloh audits only).

    Args:
        pk: the election public key K.
        m: the plaintext, 0 <= m < L.
        r: the nonce, 1 <= r < L.

    Returns:
        ``(r·G, m·G + r·K)``.

    Raises:
        EncodingError: if m or r is out of range.
    """
    if not 0 <= m < g.L:
        raise EncodingError("plaintext out of range")
    if not 0 < r < g.L:
        raise EncodingError("nonce out of range")
    return Ciphertext(g.base_mul(r), g.add(_plain_point(m), g.mul(r, pk)))


def encrypt(pk: g.Point, m: int) -> tuple[Ciphertext, int]:
    """Encrypt m under K with a fresh nonce from the OS CSPRNG.

    Args:
        pk: the election public key K (a validated point).
        m: the plaintext, 0 <= m < L (in practice small).

    Returns:
        ``(ciphertext, r)``; keep r secret (it proves the ballot, or reveals it
        in a Benaloh check).

    Raises:
        EncodingError: if m is out of range.
    """
    r = g.random_scalar()
    return _encrypt_with_nonce(pk, m, r), r


def encryption_matches(pk: g.Point, ct: Ciphertext, m: int, r: int) -> bool:
    """Check a revealed (m, r) against a ciphertext: the Benaloh audit of a spoiled ballot.

    Args:
        pk: the election public key K.
        ct: the ciphertext that was published.
        m: the revealed plaintext.
        r: the revealed nonce.

    Returns:
        True iff ``ct == (r·G, m·G + r·K)``; False for out-of-range m or r.
    """
    if isinstance(m, bool) or isinstance(r, bool) or not isinstance(m, int) or not isinstance(r, int):
        return False
    if not (0 <= m < g.L and 0 < r < g.L):
        return False
    return _encrypt_with_nonce(pk, m, r) == ct


def add(x: Ciphertext, y: Ciphertext) -> Ciphertext:
    """Homomorphic addition: ``(alpha1 + alpha2, beta1 + beta2)`` encrypts m1 + m2.

    Args:
        x: a ciphertext.
        y: a ciphertext.

    Returns:
        The sum (components may be the identity).
    """
    return Ciphertext(g.add(x.alpha, y.alpha), g.add(x.beta, y.beta))


def sum_ciphertexts(items: Iterable[Ciphertext]) -> Ciphertext:
    """Homomorphic sum of any number of ciphertexts (empty sum: identity, identity).

    Args:
        items: ciphertexts.

    Returns:
        Their sum.
    """
    alpha, beta = g.IDENTITY, g.IDENTITY
    for c in items:
        alpha = g.add(alpha, c.alpha)
        beta = g.add(beta, c.beta)
    return Ciphertext(alpha, beta)


def scalar_mul(c: Ciphertext, k: int) -> Ciphertext:
    """Homomorphic multiplication by a public constant (``ciphertext^k``).

    Args:
        c: a ciphertext encrypting m with nonce r.
        k: a public int (e.g. a project cost).

    Returns:
        ``(k·alpha, k·beta)``, encrypting k·m with nonce k·r.
    """
    return Ciphertext(g.mul(k, c.alpha), g.mul(k, c.beta))


def decrypt_to_point(secret: int, c: Ciphertext) -> g.Point:
    """Return m·G = beta - s·alpha.

    Args:
        secret: the secret key s.
        c: the ciphertext.

    Returns:
        m·G (the identity for m = 0).
    """
    return g.sub(c.beta, g.mul(secret, c.alpha))


def decrypt(secret: int, c: Ciphertext, bound: int) -> int:
    """Decrypt to the integer m in ``[0, bound]``.

    Args:
        secret: the secret key s.
        c: the ciphertext.
        bound: the largest plaintext allowed.

    Returns:
        m.

    Raises:
        DecryptionError: if m is not in ``[0, bound]``.
    """
    return dlog(decrypt_to_point(secret, c), bound)
