"""The prime-order group of Ed25519, validated at decode (spec sections 2, 3.1, 3.2, 18).

This module and its siblings are the one place outside crypto/_group.py that
touches ``nacl.bindings``: the observers' verifier re-implements the group
layer from the spec instead of trusting the application's (issue 7).

libsodium refuses the identity as an operand or result of a scalar
multiplication, so the identity is handled here explicitly (section 2:
``0·P = k·O = O``, ``P + O = P``).
"""

from __future__ import annotations

import nacl.bindings as nb
import nacl.signing
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
_T8 = bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05")


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


def _scalar(k: int) -> bytes:
    return (k % L).to_bytes(32, "little")


def base_mul(k: int) -> bytes:
    """``k·G``."""
    k %= L
    return IDENTITY if k == 0 else bytes(nb.crypto_scalarmult_ed25519_base_noclamp(_scalar(k)))


def mul(k: int, point: bytes) -> bytes:
    """``k·P`` for a validated point or the identity."""
    k %= L
    if k == 0 or point == IDENTITY:
        return IDENTITY
    if k == 1:
        return point
    return bytes(nb.crypto_scalarmult_ed25519_noclamp(_scalar(k), point))


def add(a: bytes, b: bytes) -> bytes:
    """``A + B``."""
    if a == IDENTITY:
        return b
    if b == IDENTITY:
        return a
    return bytes(nb.crypto_core_ed25519_add(a, b))


def sub(a: bytes, b: bytes) -> bytes:
    """``A - B``."""
    if b == IDENTITY:
        return a
    if a == b:
        return IDENTITY
    return bytes(nb.crypto_core_ed25519_sub(a, b))


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
    is on the curve but not in the subgroup and MUST be refused.

    Raises:
        VerifyError: if libsodium accepts it, or basic arithmetic is wrong.
    """
    mixed = bytes(nb.crypto_core_ed25519_add(G, _T8))
    if nb.crypto_core_ed25519_is_valid_point(mixed):
        raise VerifyError("this libsodium accepts points outside the prime-order subgroup; "
                          "install PyNaCl >= 1.6.2")
    if base_mul(1) != G or add(base_mul(2), neg(G)) != G or mul(L - 1, G) != neg(G):
        raise VerifyError("libsodium group arithmetic self-test failed")
