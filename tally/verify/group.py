"""The prime-order group of Ed25519, validated at decode (spec sections 2, 3.1, 3.2, 18).

This module and its siblings are the one place outside crypto/_group.py that
touches libsodium: the observers' verifier re-implements the group layer
from the spec instead of trusting the application's (issue 7).

libsodium refuses the identity as an operand or result of a scalar
multiplication, so the identity is handled here explicitly (section 2:
``0·P = k·O = O``, ``P + O = P``).

Speed: a ballot costs hundreds of these operations, so the arithmetic calls
PyNaCl's compiled libsodium binding (``nacl._sodium``) directly: PyNaCl's
Python wrappers re-check argument types and format error messages on every
call, which cost 2-18 µs each (a fixed-base multiplication costs about 20).
Every caller passes exactly 32 bytes (checked here), and
``crypto_scalarmult_ed25519_noclamp`` refuses exactly what
``crypto_core_ed25519_is_valid_point`` refuses (non-canonical, off the curve,
small order, outside the subgroup; self_test() checks it), which lets
:func:`mul_point` validate a point and multiply it in one operation.
"""

from __future__ import annotations

from typing import Any

import nacl.bindings as nb
import nacl.signing
from nacl._sodium import ffi, lib
from nacl.exceptions import BadSignatureError

from tally.verify.errors import VerifyError

P = 2**255 - 19
"""The field prime ``p``."""
L = 2**252 + 27742317777372353535851937790883648493
"""The group order ``L``."""
IDENTITY = b"\x01" + bytes(31)
"""The canonical encoding of the identity ``O``."""
G = bytes.fromhex("5866666666666666666666666666666666666666666666666666666666666666")
"""The generator (the Ed25519 base point)."""
_Y8 = 0x7A03AC9277FDC74EC6CC392CFA53202A0F67100D760B3CBA4FD84D3D706A17C7
SMALL_ORDER_Y = frozenset({0, 1, P - 1, _Y8, P - _Y8})
"""The y-coordinates of the eight points of order 1, 2, 4 and 8 (sections 3.1 and 18)."""
T8 = bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05")
"""A point of order 8 (on the curve, outside the prime-order subgroup): self_test() and tests use it."""


def decode_point(data: bytes, what: str = "point") -> bytes:
    """Section 3.1 ``decode_point``: canonical, on the curve, in the subgroup, not small order.

    Rules 3 and 4 are checked on ``y`` alone: ``x = 0`` happens only for
    ``y = ±1``, both of small order, so refusing every small-order ``y`` with
    either sign bit also refuses "negative zero".  Rule 5 and the curve
    equation are libsodium's ``crypto_core_ed25519_is_valid_point`` (PyNaCl
    >= 1.6.2; self_test() checks that it refuses a point off the subgroup).

    Raises:
        VerifyError: naming ``what``.
    """
    if len(data) != 32:
        raise VerifyError(f"{what}: not 32 bytes")
    y = int.from_bytes(data, "little") & ((1 << 255) - 1)
    if y >= P:
        raise VerifyError(f"{what}: non-canonical encoding")
    if y in SMALL_ORDER_Y:
        raise VerifyError(f"{what}: a point of small order")
    if not nb.crypto_core_ed25519_is_valid_point(data):
        raise VerifyError(f"{what}: not a point of the prime-order subgroup")
    return data


def decode_point_or_identity(data: bytes, what: str = "point") -> bytes:
    """Section 3.1: exactly ``01 00…00`` is the identity, anything else is ``decode_point``."""
    return IDENTITY if data == IDENTITY else decode_point(data, what)


def decode_scalar(data: bytes, what: str = "scalar") -> int:
    """Section 3.2: 32 bytes little-endian, refused (not reduced) when ``>= L``."""
    if len(data) != 32:
        raise VerifyError(f"{what}: not 32 bytes")
    value = int.from_bytes(data, "little")
    if value >= L:
        raise VerifyError(f"{what}: not below L")
    return value


def _result(rc: int, out: Any) -> bytes:
    if rc != 0:
        raise VerifyError("not a point of the prime-order subgroup")
    return bytes(out)


def _point_bytes(point: bytes) -> bytes:
    if len(point) != 32:
        raise VerifyError("point: not 32 bytes")
    return point


def base_mul(k: int) -> bytes:
    """``k·G``."""
    k %= L
    if k <= 1:
        return G if k else IDENTITY
    out = ffi.new("unsigned char[32]")
    return _result(lib.crypto_scalarmult_ed25519_base_noclamp(out, k.to_bytes(32, "little")), out)


def mul(k: int, point: bytes) -> bytes:
    """``k·P`` for a validated point or the identity.

    Raises:
        VerifyError: if ``point`` is not a validated point after all (libsodium refuses it).
    """
    k %= L
    if k == 0 or point == IDENTITY:
        return IDENTITY
    if k == 1:
        return point
    out = ffi.new("unsigned char[32]")
    return _result(lib.crypto_scalarmult_ed25519_noclamp(out, k.to_bytes(32, "little"), _point_bytes(point)), out)


def mul_point(k: int, data: bytes, what: str) -> bytes:
    """``k·P`` for 32 bytes not yet decoded: the multiplication is also the decode_point of ``data``.

    For ``k`` ≡ 0 or 1 there is no multiplication to validate ``data``, so
    decode_point runs instead; the identity is refused as decode_point refuses
    it.  Use it only where ``data`` must be a point (never the identity).

    Raises:
        VerifyError: with decode_point's reason, naming ``what``.
    """
    k %= L
    if k <= 1:
        decode_point(data, what)
        return IDENTITY if k == 0 else data
    if len(data) != 32:
        raise VerifyError(f"{what}: not 32 bytes")
    out = ffi.new("unsigned char[32]")
    if lib.crypto_scalarmult_ed25519_noclamp(out, k.to_bytes(32, "little"), data) != 0:
        decode_point(data, what)  # the precise reason
        raise VerifyError(f"{what}: not a point of the prime-order subgroup")
    return bytes(out)


def commit(z: int, c: int, point: bytes, what: str = "") -> bytes:
    """``z·G - c·P``: the first commitment of every proof (sections 11 to 14), in one call.

    The hot loop of a ballot computes 60 of these; one call with its own
    buffers instead of base_mul, mul and sub saves their Python overhead.

    Args:
        what: empty when ``point`` is validated (or the identity); otherwise
            ``point`` is undecoded 32 bytes, decoded as :func:`mul_point` does
            and named ``what`` in the error.

    Raises:
        VerifyError: if ``point`` is refused.
    """
    return commit_with(G, z, c, point, what)


def commit_with(base: bytes, z: int, c: int, point: bytes, what: str = "") -> bytes:
    """``z·B - c·P`` for a validated ``B`` (``G``, the election key, an ``α``); ``what`` as in :func:`commit`."""
    z, c = z % L, c % L
    if z <= 1 or c <= 1 or point == IDENTITY or base == IDENTITY or len(point) != 32 or len(base) != 32:
        scaled = mul_point(c, point, what) if what else mul(c, point)
        return sub(base_mul(z) if base == G else mul(z, base), scaled)
    zb = ffi.new("unsigned char[32]")
    cp = ffi.new("unsigned char[32]")
    if lib.crypto_scalarmult_ed25519_noclamp(cp, c.to_bytes(32, "little"), point) != 0:
        if what:
            decode_point(point, what)  # the precise reason
        raise VerifyError(f"{what or 'point'}: not a point of the prime-order subgroup")
    if base == G:
        rc = lib.crypto_scalarmult_ed25519_base_noclamp(zb, z.to_bytes(32, "little"))
    else:
        rc = lib.crypto_scalarmult_ed25519_noclamp(zb, z.to_bytes(32, "little"), base)
    if rc != 0 or lib.crypto_core_ed25519_sub(zb, zb, cp) != 0:
        raise VerifyError("not a point of the prime-order subgroup")
    return bytes(zb)


def add(a: bytes, b: bytes) -> bytes:
    """``A + B`` of validated points."""
    if a == IDENTITY:
        return b
    if b == IDENTITY:
        return a
    out = ffi.new("unsigned char[32]")
    return _result(lib.crypto_core_ed25519_add(out, _point_bytes(a), _point_bytes(b)), out)


def sub(a: bytes, b: bytes) -> bytes:
    """``A - B`` of validated points."""
    if b == IDENTITY:
        return a
    if a == b:
        return IDENTITY
    out = ffi.new("unsigned char[32]")
    return _result(lib.crypto_core_ed25519_sub(out, _point_bytes(a), _point_bytes(b)), out)


def neg(a: bytes) -> bytes:
    """``-A``."""
    return sub(IDENTITY, a)


def decode_public_key(data: bytes, what: str = "public key") -> bytes:
    """Section 18 public-key decoding: 32 bytes, canonical ``y``, not small order, in the subgroup.

    The same conditions as decode_point (section 18 rule 4 names libsodium's
    pk_to_curve25519, which checks on-curve, not small order and ``[L]A = O``,
    i.e. what is_valid_point checks).
    """
    return decode_point(data, what)


def signature_verifies(public_key: bytes, signature: bytes, message: bytes) -> bool:
    """Section 18: Ed25519 with libsodium's checks; the key must come from decode_public_key."""
    if len(signature) != 64:
        return False
    try:
        nacl.signing.VerifyKey(public_key).verify(message, signature)
    except (BadSignatureError, ValueError, TypeError):
        return False
    return True


def self_test() -> None:
    """Refuse to verify with a libsodium that accepts points outside the subgroup (CVE-2025-69277).

    Tests the behaviour, not a version string: ``G + T8`` (``T8`` of order 8)
    is on the curve but not in the subgroup and MUST be refused, by
    is_valid_point and by the scalar multiplication that :func:`mul_point`
    relies on (which must also refuse ``T8``, the identity and ``y = p + 1``).

    Raises:
        VerifyError: if libsodium accepts it, or basic arithmetic is wrong.
    """
    mixed = bytes(nb.crypto_core_ed25519_add(G, T8))
    refused = 0
    for bad in (mixed, T8, IDENTITY, (P + 1).to_bytes(32, "little")):
        try:
            mul_point(2, bad, "self-test")
        except VerifyError:
            refused += 1
    if nb.crypto_core_ed25519_is_valid_point(mixed) or refused != 4:
        raise VerifyError("this libsodium accepts points outside the prime-order subgroup; "
                          "install PyNaCl >= 1.6.2")
    if base_mul(1) != G or add(base_mul(2), neg(G)) != G or mul(L - 1, G) != neg(G):
        raise VerifyError("libsodium group arithmetic self-test failed")
