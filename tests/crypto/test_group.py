"""crypto/_group.py: arithmetic against the reference group, and the decode choke point."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto import _group as g
from crypto.errors import EncodingError
from tests.crypto import reference_group as ref

scalars = st.integers(min_value=0, max_value=g.L - 1)
small = st.integers(min_value=0, max_value=50)

TORSION = ref.torsion_points()
NONZERO_TORSION = [ref.encode(t) for t in TORSION[1:]]
SMALL_ORDER_ENCODINGS = [ref.encode(t) for t in TORSION] + [
    bytes.fromhex("ed" + "ff" * 30 + "7f"),  # y = p (non-canonical 0)
    bytes.fromhex("ee" + "ff" * 30 + "7f"),  # y = p + 1 (non-canonical 1)
    bytes.fromhex("01" + "00" * 30 + "80"),  # "-0": identity with the sign bit set
    bytes.fromhex("ec" + "ff" * 31),  # "-0": order-2 point (y = -1) with the sign bit set
]


def _ref(point: g.Point) -> ref.RefPoint:
    decoded = ref.decode(bytes(point))
    assert decoded is not None
    return decoded


@settings(max_examples=60, deadline=None)
@given(scalars)
def test_base_mul_matches_reference(k: int) -> None:
    assert ref.encode(ref.mul(k, ref.G)) == bytes(g.base_mul(k))


@settings(max_examples=40, deadline=None)
@given(scalars, scalars)
def test_mul_add_sub_match_reference(a: int, b: int) -> None:
    pa, pb = g.base_mul(a), g.base_mul(b)
    ra, rb = ref.mul(a, ref.G), ref.mul(b, ref.G)
    assert ref.encode(ref.add(ra, rb)) == bytes(g.add(pa, pb))
    assert ref.encode(ref.sub(ra, rb)) == bytes(g.sub(pa, pb))
    assert ref.encode(ref.neg(ra)) == bytes(g.neg(pa))
    assert ref.encode(ref.mul(b, ra)) == bytes(g.mul(b, pa))


@settings(max_examples=15, deadline=None)
@given(small, small)
def test_small_scalars_and_cancellation(a: int, b: int) -> None:
    pa = g.base_mul(a)
    assert bytes(g.base_mul(a + b)) == bytes(g.add(pa, g.base_mul(b)))
    assert g.IDENTITY == g.sub(pa, pa)
    assert g.IDENTITY == g.add(pa, g.neg(pa))
    assert g.IDENTITY == g.mul(0, pa)
    assert g.IDENTITY == g.mul(g.L, pa)
    assert g.IDENTITY == g.mul(b, g.IDENTITY)


def test_identity_encoding_and_constants() -> None:
    assert b"\x01" + b"\x00" * 31 == g.IDENTITY
    assert ref.encode(ref.IDENTITY) == g.IDENTITY
    assert ref.encode(ref.G) == g.BASE
    assert g.IDENTITY == g.base_mul(0)
    assert g.IDENTITY == g.base_mul(g.L)
    assert g.BASE == g.add(g.IDENTITY, g.BASE)
    assert g.BASE == g.sub(g.BASE, g.IDENTITY)
    assert g.neg(g.BASE) == g.sub(g.IDENTITY, g.BASE)
    assert g.IDENTITY == g.neg(g.IDENTITY)
    assert g.IDENTITY == g.decode_point_or_identity(bytes(g.IDENTITY))


def test_decode_accepts_subgroup_points() -> None:
    for k in (1, 2, 3, 12345, g.L - 1):
        p = g.base_mul(k)
        assert p == g.decode_point(bytes(p))
        assert g.is_valid(bytes(p))
        assert ref.in_prime_subgroup(_ref(p))


@pytest.mark.parametrize("encoding", SMALL_ORDER_ENCODINGS, ids=lambda b: b.hex()[:8])
def test_decode_rejects_small_order(encoding: bytes) -> None:
    with pytest.raises(EncodingError):
        g.decode_point(encoding)
    assert not g.is_valid(encoding)
    if encoding != g.IDENTITY:
        with pytest.raises(EncodingError):
            g.decode_point_or_identity(encoding)


@pytest.mark.parametrize("torsion", NONZERO_TORSION, ids=lambda b: b.hex()[:8])
def test_decode_rejects_torsion_tainted_points(torsion: bytes) -> None:
    kg = ref.mul(987654321, ref.G)
    tainted = ref.encode(ref.add(kg, ref.decode(torsion)))  # type: ignore[arg-type]
    assert not ref.in_prime_subgroup(ref.decode(tainted))  # type: ignore[arg-type]
    with pytest.raises(EncodingError):
        g.decode_point(tainted)


def test_decode_rejects_non_canonical_y() -> None:
    # y + p for a valid point with small y: y = 2^255 - 19 + y is >= p.
    for y in range(0, 30):
        raw = (g.P + y).to_bytes(32, "little")
        if (g.P + y) >> 255:
            continue
        with pytest.raises(EncodingError):
            g.decode_point(raw)
        with pytest.raises(EncodingError):
            g.decode_point(raw[:31] + bytes([raw[31] | 0x80]))
    with pytest.raises(EncodingError):
        g.decode_point(b"\xff" * 32)


def test_decode_rejects_off_curve_and_wrong_length() -> None:
    off_curve = next(y.to_bytes(32, "little") for y in range(2, 100) if ref.decode(y.to_bytes(32, "little")) is None)
    for bad in (off_curve, b"", bytes(31), bytes(g.BASE) + b"\x00"):
        with pytest.raises(EncodingError):
            g.decode_point(bad)


def test_scalar_codec() -> None:
    assert 0 == g.decode_scalar(bytes(32))
    assert g.L - 1 == g.decode_scalar((g.L - 1).to_bytes(32, "little"))
    for bad in (g.L, g.L + 1, 2**256 - 1):
        with pytest.raises(EncodingError):
            g.decode_scalar(bad.to_bytes(32, "little"))
    with pytest.raises(EncodingError):
        g.decode_scalar(bytes(31))
    with pytest.raises(EncodingError):
        g.encode_scalar(g.L)
    with pytest.raises(EncodingError):
        g.encode_scalar(-1)
    assert (5).to_bytes(32, "little") == g.encode_scalar(5)


def test_hashes_are_domain_separated_and_valid() -> None:
    p1 = g.hash_to_point("pbvote/1/test", b"seed")
    p2 = g.hash_to_point("pbvote/1/test2", b"seed")
    assert p1 != p2
    assert p1 == g.decode_point(bytes(p1))
    assert ref.in_prime_subgroup(_ref(p1))
    s = g.hash_to_scalar("pbvote/1/test", b"seed", 7)
    assert 0 <= s < g.L
    assert s != g.hash_to_scalar("pbvote/1/test", b"seed", 8)


def test_random_scalar_nonzero() -> None:
    assert all(1 <= g.random_scalar() < g.L for _ in range(100))


def test_self_test_refuses_buggy_libsodium(monkeypatch: pytest.MonkeyPatch) -> None:
    g._self_test()  # the real one passes
    monkeypatch.setattr(g, "_is_valid_point", lambda _b: True)
    with pytest.raises(ImportError):
        g._self_test()


def test_self_test_refuses_old_pynacl(monkeypatch: pytest.MonkeyPatch) -> None:
    import nacl

    monkeypatch.setattr(nacl, "__version__", "1.5.0")
    with pytest.raises(ImportError):
        g._self_test()
    monkeypatch.setattr(nacl, "__version__", "1.6.2")
    g._self_test()


def test_only_group_imports_nacl_bindings() -> None:
    import pathlib

    root = pathlib.Path(g.__file__).parent
    offenders = [
        p.name
        for p in root.rglob("*.py")
        if "nacl.bindings" in p.read_text() or "from nacl import bindings" in p.read_text()
    ]
    assert ["_group.py"] == offenders
