"""The hazardous layer: the prime-order subgroup of Ed25519 through libsodium.

This is the only module in pbvote that imports ``nacl.bindings``.  Points
are canonical 32-byte encodings wrapped in the :data:`Point` type, which only
:func:`decode_point`, :func:`decode_point_or_identity` and the arithmetic in
this module produce, so unchecked bytes never reach libsodium's arithmetic.
Scalars are Python ints in ``[0, L)``; their encoding is 32 bytes
little-endian.

libsodium refuses to multiply by 0 (or L) and refuses any product equal to
the identity; :data:`IDENTITY` (``01 00..00``) is handled here explicitly,
so ``0·P``, ``P + (-P)`` and sums that cancel all work (docs/spec.md,
"Group").

Importing this module runs a behavioural self-test of the bundled
libsodium (CVE-2025-69277: torsion-tainted points accepted as valid) and
refuses to load on PyNaCl older than 1.6.2.
"""

from __future__ import annotations

import secrets
from typing import NewType

import nacl
from nacl import _sodium
from nacl import bindings as _nb

from crypto.encoding import Frameable, digest, wide_digest
from crypto.errors import CryptoError, EncodingError

__all__ = [
    "BASE",
    "IDENTITY",
    "L",
    "P",
    "Point",
    "PointSums",
    "add",
    "base_mul",
    "decode_point",
    "decode_point_or_identity",
    "decode_scalar",
    "encode_point",
    "encode_scalar",
    "hash_to_point",
    "hash_to_scalar",
    "is_valid",
    "mul",
    "neg",
    "random_scalar",
    "sub",
]

P = 2**255 - 19
"""The field prime p of Curve25519/Ed25519."""

L = 2**252 + 27742317777372353535851937790883648493
"""The order L of the prime-order subgroup (the scalar field)."""

Point = NewType("Point", bytes)
"""A canonical 32-byte encoding of a point of the prime-order subgroup (or the identity)."""

IDENTITY = Point(b"\x01" + b"\x00" * 31)
"""The neutral element (x = 0, y = 1), encoded ``01 00..00``."""

_MIN_PYNACL = (1, 6, 2)

# Bound once so that bench/ can wrap them with counters; no cost when not wrapped.
_scalarmult = _nb.crypto_scalarmult_ed25519_noclamp
_scalarmult_base = _nb.crypto_scalarmult_ed25519_base_noclamp
_core_add = _nb.crypto_core_ed25519_add
_core_sub = _nb.crypto_core_ed25519_sub
_is_valid_point = _nb.crypto_core_ed25519_is_valid_point
_from_uniform = _nb.crypto_core_ed25519_from_uniform

_ORDER2 = bytes.fromhex("ec" + "ff" * 30 + "7f")
_ORDER4 = b"\x00" * 32
_ORDER8 = bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05")


def _version_tuple(text: str) -> tuple[int, ...]:
    parts: list[int] = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def _self_test() -> None:
    """Refuse to run on a PyNaCl/libsodium that accepts off-subgroup points."""
    if _version_tuple(nacl.__version__) < _MIN_PYNACL:
        raise ImportError(f"pbvote needs PyNaCl >= 1.6.2 (CVE-2025-69277); found {nacl.__version__}")
    base = _scalarmult_base((7).to_bytes(32, "little"))
    if not _is_valid_point(base):
        raise ImportError("libsodium self-test failed: a subgroup point is rejected")
    for torsion in (_ORDER2, _ORDER4, _ORDER8):
        tainted = _core_add(base, torsion)
        if _is_valid_point(tainted) or _is_valid_point(torsion):
            raise ImportError("libsodium accepts torsion-tainted points (CVE-2025-69277)")


_self_test()

BASE = Point(_scalarmult_base((1).to_bytes(32, "little")))
"""The standard Ed25519 base point G (y = 4/5), encoded ``58 66 .. 66``."""


def encode_scalar(s: int) -> bytes:
    """Encode a scalar as 32 bytes little-endian.

    Args:
        s: an int in ``[0, L)``.

    Returns:
        32 bytes.

    Raises:
        EncodingError: if ``s`` is out of range (never reduces silently).
    """
    if not 0 <= s < L:
        raise EncodingError("scalar out of range")
    return s.to_bytes(32, "little")


def decode_scalar(b: bytes) -> int:
    """Decode a 32-byte little-endian scalar, refusing values >= L.

    Args:
        b: 32 bytes from outside.

    Returns:
        The scalar as an int in ``[0, L)``.

    Raises:
        EncodingError: wrong length or a value >= L.
    """
    if not isinstance(b, bytes) or len(b) != 32:
        raise EncodingError("scalar: need 32 bytes")
    s = int.from_bytes(b, "little")
    if s >= L:
        raise EncodingError("scalar: not reduced modulo L")
    return s


def _canonical_y(b: bytes) -> bool:
    return int.from_bytes(b, "little") & ((1 << 255) - 1) < P


def decode_point(b: bytes) -> Point:
    """Decode and validate a point: the one choke point for points from outside.

    Accepts only canonical encodings (y < p) of points on the curve, in the
    prime-order subgroup, and not of small order; in particular the
    identity and the other seven small-order points are refused.

    Args:
        b: 32 bytes from outside.

    Returns:
        The same bytes as a :data:`Point`.

    Raises:
        EncodingError: for any other input.
    """
    if not isinstance(b, bytes) or len(b) != 32:
        raise EncodingError("point: need 32 bytes")
    if not _canonical_y(b) or not _is_valid_point(b):
        raise EncodingError("point: not a canonical prime-order point")
    return Point(b)


def decode_point_or_identity(b: bytes) -> Point:
    """Decode a point where the spec allows the identity (aggregates only).

    Args:
        b: 32 bytes from outside.

    Returns:
        :data:`IDENTITY` for exactly ``01 00..00``, else as :func:`decode_point`.

    Raises:
        EncodingError: as :func:`decode_point`.
    """
    if b == IDENTITY:
        return IDENTITY
    return decode_point(b)


def is_valid(b: bytes) -> bool:
    """Tell whether ``decode_point`` would accept ``b``.

    Args:
        b: any bytes.

    Returns:
        True for a canonical, non-identity point of the prime-order subgroup.
    """
    try:
        decode_point(b)
    except EncodingError:
        return False
    return True


def encode_point(p: Point) -> bytes:
    """Return the canonical 32-byte encoding of a point.

    Args:
        p: a point.

    Returns:
        32 bytes.
    """
    return bytes(p)


def add(p: Point, q: Point) -> Point:
    """Return ``p + q``, the identity included.

    Args:
        p: a point.
        q: a point.

    Returns:
        The sum (``IDENTITY`` if they cancel).
    """
    if p == IDENTITY:
        return q
    if q == IDENTITY:
        return p
    return Point(_core_add(p, q))


class PointSums:
    """
    ``n`` running sums of points, added in place in libsodium's own buffers.

    Why not :func:`add` in a loop: the tally adds two points per selection,
    four million for 100,000 20-project ballots, and its one-core target
    (PERFORMANCE.md: 70 s) sits on libsodium's cost per addition.  PyNaCl's
    wrapper (argument checks, a fresh buffer and a copy per call) adds a
    quarter to it; here each addition is one call into libsodium writing
    over the running sum.  The points added are trusted to be canonical
    subgroup points (the ballot box validated them at cast time); bytes that
    do not decode as a curve point are refused.
    """

    __slots__ = ("_sums",)

    def __init__(self, n: int) -> None:
        self._sums = [_sodium.ffi.new("unsigned char[32]", IDENTITY) for _ in range(n)]

    def add_all(self, points: bytes) -> None:
        """
        Add the ``n`` points concatenated in ``points`` (32 bytes each), the j-th to the j-th sum.

        Raises:
            EncodingError: ``points`` is not ``n`` times 32 bytes, or one is not a curve point.
        """
        sums = self._sums
        if len(points) != 32 * len(sums):
            raise EncodingError(f"expected {len(sums)} points of 32 bytes, got {len(points)} bytes")
        add = _lib_add
        for j, acc in enumerate(sums):
            if add(acc, acc, points[32 * j:32 * j + 32]):
                raise EncodingError(f"point {j} of the block is not a curve point")

    def values(self) -> list[Point]:
        """The sums, encoded."""
        return [Point(bytes(acc)) for acc in self._sums]


_lib_add = _sodium.lib.crypto_core_ed25519_add


def sub(p: Point, q: Point) -> Point:
    """Return ``p - q``, the identity included.

    Args:
        p: a point.
        q: a point.

    Returns:
        The difference (``IDENTITY`` if ``p == q``).
    """
    if q == IDENTITY:
        return p
    if p == IDENTITY:
        return neg(q)
    return Point(_core_sub(p, q))


def neg(p: Point) -> Point:
    """Return ``-p`` by flipping the sign bit of x (x != 0 off the identity).

    Args:
        p: a point.

    Returns:
        The negation.
    """
    if p == IDENTITY:
        return IDENTITY
    return Point(p[:31] + bytes([p[31] ^ 0x80]))


def mul(k: int, p: Point) -> Point:
    """Return ``k·p`` (variable base), with ``0·p = k·IDENTITY = IDENTITY``.

    Args:
        k: any int; it is reduced modulo L (the group has order L).
        p: a point.

    Returns:
        The product.

    Raises:
        CryptoError: if libsodium refuses a validated input (a bug).
    """
    k %= L
    if k == 0 or p == IDENTITY:
        return IDENTITY
    try:
        return Point(_scalarmult(k.to_bytes(32, "little"), p))
    except RuntimeError:
        raise CryptoError("group: scalar multiplication refused") from None


def base_mul(k: int) -> Point:
    """Return ``k·G`` (fixed base), with ``0·G = IDENTITY``.

    Args:
        k: any int; it is reduced modulo L.

    Returns:
        The product.

    Raises:
        CryptoError: if libsodium refuses (a bug).
    """
    k %= L
    if k == 0:
        return IDENTITY
    try:
        return Point(_scalarmult_base(k.to_bytes(32, "little")))
    except RuntimeError:
        raise CryptoError("group: base multiplication refused") from None


def random_scalar() -> int:
    """Draw a uniform nonzero scalar from the OS CSPRNG.

    Returns:
        An int in ``[1, L)``.
    """
    return 1 + secrets.randbelow(L - 1)


def hash_to_scalar(dst: str, *values: Frameable) -> int:
    """Hash framed values to a scalar: ``int_le(SHA-512(frame(dst, *values))) mod L``.

    Args:
        dst: the domain tag (docs/spec.md, "Domain tags").
        *values: framed inputs in the order the spec lists.

    Returns:
        An int in ``[0, L)``.
    """
    return int.from_bytes(wide_digest(dst, *values), "little") % L


def hash_to_point(dst: str, *values: Frameable) -> Point:
    """Hash framed values to a subgroup point with libsodium's from_uniform.

    ``from_uniform(SHA-256(frame(dst, *values)))`` (Elligator 2, cofactor
    cleared).  Nobody knows the discrete log of the result to base G.

    Args:
        dst: the domain tag.
        *values: framed inputs.

    Returns:
        A validated point.

    Raises:
        EncodingError: in the negligible case of a small-order result.
    """
    return decode_point(_from_uniform(digest(dst, *values)))
