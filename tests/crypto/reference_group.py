"""A slow, independent pure-Python Ed25519 group, to cross-check crypto/_group.py.

Extended twisted Edwards coordinates (X:Y:Z:T) on -x^2 + y^2 = 1 + d x^2 y^2
over GF(2^255 - 19), with RFC 8032 encoding and decoding.  Nothing here
comes from libsodium; it follows RFC 8032 section 5.1.
"""

from __future__ import annotations

from dataclasses import dataclass

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, -1, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


@dataclass(frozen=True)
class RefPoint:
    """A point in extended coordinates."""

    x: int
    y: int
    z: int
    t: int

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RefPoint):
            return NotImplemented
        return (self.x * other.z - other.x * self.z) % P == 0 and (self.y * other.z - other.y * self.z) % P == 0

    def __hash__(self) -> int:
        return hash(encode(self))


IDENTITY = RefPoint(0, 1, 1, 0)


def add(p: RefPoint, q: RefPoint) -> RefPoint:
    """Complete addition (RFC 8032, add-2008-hwcd-3)."""
    a = (p.y - p.x) * (q.y - q.x) % P
    b = (p.y + p.x) * (q.y + q.x) % P
    c = 2 * p.t * q.t * D % P
    d = 2 * p.z * q.z % P
    e, f, g, h = b - a, d - c, d + c, b + a
    return RefPoint(e * f % P, g * h % P, f * g % P, e * h % P)


def neg(p: RefPoint) -> RefPoint:
    """Negation."""
    return RefPoint(-p.x % P, p.y, p.z, -p.t % P)


def sub(p: RefPoint, q: RefPoint) -> RefPoint:
    """Subtraction."""
    return add(p, neg(q))


def mul(k: int, p: RefPoint) -> RefPoint:
    """Double-and-add (k taken as a plain non-negative int, not reduced)."""
    acc = IDENTITY
    while k > 0:
        if k & 1:
            acc = add(acc, p)
        p = add(p, p)
        k >>= 1
    return acc


def _recover_x(y: int, sign: int) -> int | None:
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, -1, P) % P
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P != 0:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P != 0:
        return None
    if x & 1 != sign:
        x = P - x
    return x


def decode(b: bytes) -> RefPoint | None:
    """RFC 8032 decoding (strict: y < p, no "-0"); None if not on the curve."""
    if len(b) != 32:
        return None
    n = int.from_bytes(b, "little")
    y = n & ((1 << 255) - 1)
    x = _recover_x(y, n >> 255)
    if x is None:
        return None
    return RefPoint(x, y, 1, x * y % P)


def encode(p: RefPoint) -> bytes:
    """RFC 8032 encoding."""
    zi = pow(p.z, -1, P)
    x, y = p.x * zi % P, p.y * zi % P
    return (y | ((x & 1) << 255)).to_bytes(32, "little")


G = RefPoint(
    15112221349535400772501151409588531511454012693041857206046113283949847762202,
    46316835694926478169428394003475163141307993866256225615783033603165251855960,
    1,
    15112221349535400772501151409588531511454012693041857206046113283949847762202
    * 46316835694926478169428394003475163141307993866256225615783033603165251855960
    % P,
)


def in_prime_subgroup(p: RefPoint) -> bool:
    """True if L·p is the identity."""
    return mul(L, p) == IDENTITY


def torsion_points() -> list[RefPoint]:
    """The 8 points of small order (the 8-torsion subgroup), identity first."""
    t8 = decode(bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"))
    assert t8 is not None
    return [mul(i, t8) for i in range(8)]
