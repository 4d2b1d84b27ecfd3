"""Shared values for the proof tests: a key, a context, context variants, forgeries."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterator

from crypto import _group as g
from crypto import elgamal as eg
from crypto.proofs import ProofContext

SK = 0x5EC12E7 * 0x1000000000001
PK = eg.public_key(SK)
OTHER_PK = eg.public_key(SK + 1)
CTX = ProofContext(b"\xf1" * 32, b"\xc2" * 32, "district-1", "selection/0")


def context_variants(ctx: ProofContext = CTX) -> Iterator[tuple[str, ProofContext]]:
    """Yield (field name, ctx with exactly that field changed)."""
    yield "fingerprint", dataclasses.replace(ctx, election_fingerprint=b"\xf0" * 32)
    yield "credential", dataclasses.replace(ctx, credential=b"\xc3" * 32)
    yield "district", dataclasses.replace(ctx, district="district-2")
    yield "label", dataclasses.replace(ctx, label=ctx.label + "x")


def counter_rand(seed: int) -> Callable[[], int]:
    """A deterministic scalar source for reproducible tests (never for real ballots)."""
    counter = itertools.count()
    return lambda: 1 + g.hash_to_scalar("pbvote/1/test-rand", seed, next(counter)) % (g.L - 1)


def bump(values: tuple[int, ...], i: int, delta: int = 1) -> tuple[int, ...]:
    """Return values with values[i] += delta mod L."""
    out = list(values)
    out[i] = (out[i] + delta) % g.L
    return tuple(out)
