"""Disjunctive Chaum-Pedersen core: a ciphertext encrypts one value of lo..hi.

For each value v the branch statement is ``alpha = r·G and beta - v·G = r·K``.
Branch commitments are ``A_v = z_v·G - c_v·alpha`` and
``B_v = z_v·K - c_v·(beta - v·G)``; the branch challenges must sum to the
Fiat-Shamir challenge (docs/spec.md, "Disjunctive proof").

The prover knows r, so it computes a simulated branch with fixed-base
multiplications: ``A_v = (z_v - c_v r)·G`` and
``B_v = (z_v - c_v r)·K - c_v (m - v)·G`` (PERFORMANCE.md, the prover trick).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crypto import _group as g
from crypto.elgamal import Ciphertext
from crypto.errors import EncodingError, InvalidProof
from crypto.proofs._fiat_shamir import Rand, check_scalars, parse_scalars, scalar_hex

L = g.L


@dataclass(frozen=True, slots=True)
class DisjunctiveProof:
    """A disjunctive Chaum-Pedersen proof over the values lo..hi.

    Attributes:
        challenges: spec symbols c_lo..c_hi, the branch challenges.
        responses: spec symbols z_lo..z_hi, the branch responses.
    """

    challenges: tuple[int, ...]
    responses: tuple[int, ...]

    def to_json(self) -> dict[str, list[str]]:
        """Return ``{"c": [hex...], "z": [hex...]}``.

        Returns:
            The JSON form.
        """
        return {
            "c": [scalar_hex(c) for c in self.challenges],
            "z": [scalar_hex(z) for z in self.responses],
        }

    @classmethod
    def from_json(cls, value: object) -> DisjunctiveProof:
        """Parse the JSON form.

        Args:
            value: a JSON object with "c" and "z".

        Returns:
            The proof.

        Raises:
            EncodingError: on any malformed field.
        """
        if not isinstance(value, dict) or set(value) != {"c", "z"}:
            raise EncodingError("disjunctive proof: need exactly 'c' and 'z'")
        return cls(parse_scalars(value["c"]), parse_scalars(value["z"]))


@dataclass(frozen=True, slots=True)
class _Pending:
    m: int
    r: int
    lo: int
    w: int
    sim_c: tuple[int, ...]
    sim_z: tuple[int, ...]


def commit(pk: g.Point, m: int, r: int, lo: int, hi: int, rand: Rand) -> tuple[_Pending, list[bytes]]:
    """First move: commitments for every branch, the real one at m.

    Does not check that lo <= m <= hi (a cheating test prover relies on it).

    Args:
        pk: election public key K.
        m: the encrypted value.
        r: the encryption nonce.
        lo: smallest allowed value.
        hi: largest allowed value.
        rand: scalar source.

    Returns:
        The prover state and ``[A_lo, B_lo, ..., A_hi, B_hi]``.
    """
    out: list[bytes] = []
    w = 0
    sim_c: list[int] = []
    sim_z: list[int] = []
    for v in range(lo, hi + 1):
        if v == m:
            w = rand()
            out += [g.base_mul(w), g.mul(w, pk)]
            sim_c.append(0)
            sim_z.append(0)
            continue
        c_v, z_v = rand(), rand()
        t = (z_v - c_v * r) % L
        out += [g.base_mul(t), g.add(g.mul(t, pk), g.base_mul(-c_v * (m - v)))]
        sim_c.append(c_v)
        sim_z.append(z_v)
    return _Pending(m, r, lo, w, tuple(sim_c), tuple(sim_z)), out


def respond(state: _Pending, c: int) -> DisjunctiveProof:
    """Second move: close the real branch so the branch challenges sum to c.

    Args:
        state: from :func:`commit`.
        c: the Fiat-Shamir challenge.

    Returns:
        The proof.
    """
    cs = list(state.sim_c)
    zs = list(state.sim_z)
    idx = state.m - state.lo
    if 0 <= idx < len(cs):
        c_m = (c - sum(cs)) % L
        cs[idx] = c_m
        zs[idx] = (state.w + c_m * state.r) % L
    return DisjunctiveProof(tuple(cs), tuple(zs))


def recompute(pk: g.Point, ct: Ciphertext, lo: int, hi: int, proof: DisjunctiveProof) -> list[bytes]:
    """Verifier: recompute ``[A_lo, B_lo, ..., A_hi, B_hi]`` from the proof.

    Args:
        pk: election public key K.
        ct: the ciphertext (alpha, beta).
        lo: smallest allowed value.
        hi: largest allowed value.
        proof: the proof.

    Returns:
        The commitments.

    Raises:
        InvalidProof: on a malformed proof.
    """
    n = hi - lo + 1
    if n < 1 or len(proof.challenges) != n or len(proof.responses) != n:
        raise InvalidProof("proof does not verify")
    check_scalars(*proof.challenges, *proof.responses)
    out: list[bytes] = []
    for v, c_v, z_v in zip(range(lo, hi + 1), proof.challenges, proof.responses, strict=True):
        shifted = g.sub(ct.beta, value_point(v))
        out += [
            g.sub(g.base_mul(z_v), g.mul(c_v, ct.alpha)),
            g.sub(g.mul(z_v, pk), g.mul(c_v, shifted)),
        ]
    return out


def value_point(v: int) -> g.Point:
    """Return v·G, without a multiplication for v in {0, 1}.

    Args:
        v: a small non-negative int.

    Returns:
        v·G.
    """
    if v == 0:
        return g.IDENTITY
    if v == 1:
        return g.BASE
    return g.base_mul(v)


def check_sum(proof: DisjunctiveProof, c: int) -> None:
    """Raise InvalidProof unless the branch challenges sum to c modulo L.

    Args:
        proof: the proof.
        c: the recomputed challenge.

    Raises:
        InvalidProof: otherwise.
    """
    if sum(proof.challenges) % L != c:
        raise InvalidProof("proof does not verify")


def ciphertexts_frame(cts: Sequence[Ciphertext]) -> list[list[bytes]]:
    """Return ``[[alpha, beta], ...]`` for framing a list of ciphertexts.

    Args:
        cts: ciphertexts.

    Returns:
        The frameable list.
    """
    return [[bytes(c.alpha), bytes(c.beta)] for c in cts]
