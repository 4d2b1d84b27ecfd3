"""Benchmark ballot encryption and verification (20-project approval and knapsack ballots).

Measures, on one core, encrypt + prove + sign and verify (proofs +
signature) for a 20-project approval ballot (min 1, max 5 picks) and a
20-project knapsack ballot (budget 1,000,000 ~ 2^20 units, random costs), counts the
libsodium operations of one ballot of each kind by wrapping the bindings
that crypto/_group.py calls, and compares the median with the cost of the
operations alone measured in the same run (the recorded libsodium calls
replayed, interleaved with the timed runs).  "Verify" starts from the bytes
the ballot box receives: it checks the signature, decodes and validates every
point and scalar, then verifies every proof.  Prints a table, then one JSON
line.

    .venv/bin/python bench/crypto_bench.py [--reps N]
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nacl.signing import SigningKey

from crypto import _group as g
from crypto import elgamal as eg
from crypto.encoding import frame
from crypto.proofs import DisjunctiveProof, ProofContext
from crypto.proofs.count import prove_count, verify_count
from crypto.proofs.knapsack import KnapsackProof, prove_knapsack, verify_knapsack
from crypto.proofs.selection import prove_selection, verify_selection

N_PROJECTS = 20
MIN_PICKS, MAX_PICKS = 1, 5
BUDGET = 1_000_000  # about 2^20 units; 20 bits
OPS = {
    "V": "_scalarmult",
    "F": "_scalarmult_base",
    "A_add": "_core_add",
    "A_sub": "_core_sub",
    "valid": "_is_valid_point",
}


@dataclass(frozen=True)
class Ballot:
    """A benchmark ballot as the ballot box receives it: bytes and JSON, signed."""

    ciphertexts: list[bytes]
    proofs: str
    signature: bytes
    message: bytes


def _message(ctx: ProofContext, ciphertexts: list[bytes], proofs: str) -> bytes:
    return frame("pbvote/1/bench-ballot", ctx.election_fingerprint, ciphertexts, proofs)


def encrypt_ballot(pk: g.Point, xs: list[int], ctx: ProofContext, sk: SigningKey, costs: list[int] | None) -> Ballot:
    """Encrypt, prove and sign one ballot."""
    pairs = [eg.encrypt(pk, x) for x in xs]
    cts = [c for c, _ in pairs]
    rs = [r for _, r in pairs]
    proofs: list[Any] = [
        prove_selection(pk, c, x, r, ctx.with_label(f"selection/{j}")).to_json()
        for j, (c, x, r) in enumerate(zip(cts, xs, rs, strict=True))
    ]
    if costs is None:
        extra = prove_count(pk, cts, xs, rs, MIN_PICKS, MAX_PICKS, ctx.with_label("count"))
        proofs.append(extra.to_json())
    else:
        kproof = prove_knapsack(pk, cts, xs, rs, costs, BUDGET, ctx.with_label("knapsack"))
        proofs.append(kproof.to_json())
    wire = [c.to_bytes() for c in cts]
    text = json.dumps(proofs, separators=(",", ":"))
    message = _message(ctx, wire, text)
    return Ballot(wire, text, sk.sign(message).signature, message)


def verify_ballot(pk: g.Point, b: Ballot, ctx: ProofContext, sk: SigningKey, costs: list[int] | None) -> None:
    """Verify the signature, decode every point and scalar, verify every proof."""
    sk.verify_key.verify(_message(ctx, b.ciphertexts, b.proofs), b.signature)
    cts = [eg.Ciphertext.from_bytes(c) for c in b.ciphertexts]
    proofs = json.loads(b.proofs)
    for j, (c, p) in enumerate(zip(cts, proofs, strict=False)):
        verify_selection(pk, c, DisjunctiveProof.from_json(p), ctx.with_label(f"selection/{j}"))
    if costs is None:
        count = DisjunctiveProof.from_json(proofs[-1])
        verify_count(pk, cts, MIN_PICKS, MAX_PICKS, count, ctx.with_label("count"))
    else:
        kproof = KnapsackProof.from_json(proofs[-1])
        verify_knapsack(pk, cts, costs, BUDGET, kproof, ctx.with_label("knapsack"))


def _median_ms(fn: Callable[[], object], reps: int) -> float:
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


def unit_costs_us(reps: int = 300) -> dict[str, float]:
    p = g.base_mul(g.random_scalar())
    k = g.random_scalar()
    kb = k.to_bytes(32, "little")
    sk = SigningKey.generate()
    msg = b"x" * 32
    sig = sk.sign(msg)
    return {
        "V": _median_ms(lambda: g._scalarmult(kb, p), reps) * 1e3,
        "F": _median_ms(lambda: g._scalarmult_base(kb), reps) * 1e3,
        "A": _median_ms(lambda: g._core_add(p, g.BASE), reps) * 1e3,
        "valid": _median_ms(lambda: g._is_valid_point(p), reps) * 1e3,
        "sign": _median_ms(lambda: sk.sign(msg), reps) * 1e3,
        "sig_verify": _median_ms(lambda: sk.verify_key.verify(sig), reps) * 1e3,
    }


def count_ops(fn: Callable[[], object]) -> tuple[dict[str, int], list[tuple[Any, tuple[Any, ...]]]]:
    """Run fn once with counting wrappers; return the counts and the recorded calls."""
    counts: Counter[str] = Counter()
    calls: list[tuple[Any, tuple[Any, ...]]] = []
    saved = {name: getattr(g, attr) for name, attr in OPS.items()}

    def wrap(name: str, f: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any) -> Any:
            counts[name] += 1
            calls.append((f, args))
            return f(*args)

        return counted

    try:
        for name, attr in OPS.items():
            setattr(g, attr, wrap(name, saved[name]))
        fn()
    finally:
        for name, attr in OPS.items():
            setattr(g, attr, saved[name])
    ops = {
        "V": counts["V"],
        "F": counts["F"],
        "A": counts["A_add"] + counts["A_sub"],
        "valid": counts["valid"],
    }
    return ops, calls


def replay(calls: list[tuple[Any, tuple[Any, ...]]], extra: Callable[[], object]) -> Callable[[], None]:
    """Return a function that repeats the recorded libsodium calls alone (the op-count limit)."""

    def run() -> None:
        for f, args in calls:
            f(*args)
        extra()

    return run


def _paired_median_ms(fn: Callable[[], object], limit: Callable[[], object], reps: int) -> tuple[float, float]:
    """Median times of fn and of its op-only replay, interleaved so both see the same load."""
    a, b = [], []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        t1 = time.perf_counter()
        limit()
        t2 = time.perf_counter()
        a.append((t1 - t0) * 1e3)
        b.append((t2 - t1) * 1e3)
    return statistics.median(a), statistics.median(b)


def measure(
    name: str,
    pk: g.Point,
    xs: list[int],
    cs: list[int] | None,
    ctx: ProofContext,
    sk: SigningKey,
    reps: int,
    results: dict[str, Any],
    rows: list[tuple[str, float, float, dict[str, int]]],
) -> None:
    """Time, count and replay one ballot shape; add its figures to results and rows."""
    ballot = encrypt_ballot(pk, xs, ctx, sk, cs)
    verify_ballot(pk, ballot, ctx, sk, cs)

    def enc() -> None:
        encrypt_ballot(pk, xs, ctx, sk, cs)

    def ver() -> None:
        verify_ballot(pk, ballot, ctx, sk, cs)

    enc_ops, enc_calls = count_ops(enc)
    ver_ops, ver_calls = count_ops(ver)
    enc_ms, enc_lim = _paired_median_ms(enc, replay(enc_calls, lambda: sk.sign(ballot.message)), reps)
    ver_ms, ver_lim = _paired_median_ms(
        ver, replay(ver_calls, lambda: sk.verify_key.verify(ballot.message, ballot.signature)), reps
    )
    results[f"encrypt_{name}_ms"] = round(enc_ms, 2)
    results[f"verify_{name}_ms"] = round(ver_ms, 2)
    results[f"encrypt_{name}_oplimit_ms"] = round(enc_lim, 2)
    results[f"verify_{name}_oplimit_ms"] = round(ver_lim, 2)
    results[f"encrypt_{name}_ops"] = enc_ops
    results[f"verify_{name}_ops"] = ver_ops
    rows.append((f"encrypt {name}", enc_ms, enc_lim, enc_ops))
    rows.append((f"verify {name}", ver_ms, ver_lim, ver_ops))


def main(argv: list[str]) -> int:
    reps = int(argv[argv.index("--reps") + 1]) if "--reps" in argv else 25
    rng = random.Random(2026)
    _, pk = eg.generate_keypair()
    sk = SigningKey.generate()
    ctx = ProofContext(b"\x01" * 32, bytes(sk.verify_key), "district-1", "")
    approval = [0] * N_PROJECTS
    for j in rng.sample(range(N_PROJECTS), 3):
        approval[j] = 1
    costs = [rng.randrange(2**14, 2**17) for _ in range(N_PROJECTS)]
    knap = [0] * N_PROJECTS
    spent = 0
    for j in rng.sample(range(N_PROJECTS), N_PROJECTS):
        if spent + costs[j] <= BUDGET:
            knap[j], spent = 1, spent + costs[j]

    unit = unit_costs_us()
    results: dict[str, Any] = {}
    rows: list[tuple[str, float, float, dict[str, int]]] = []
    for name, xs, cs in (("approval20", approval, None), ("knapsack20", knap, costs)):
        measure(name, pk, xs, cs, ctx, sk, reps, results, rows)
    results["unit_us"] = {k: round(v, 1) for k, v in unit.items()}
    results["reps"] = reps

    print("unit costs (us): " + ", ".join(f"{k}={v:.1f}" for k, v in unit.items()))
    print(f"{'step':<22}{'median ms':>10}{'op limit':>10}{'ratio':>7}   F    V    A  valid")
    for label, ms, lim, ops in rows:
        print(
            f"{label:<22}{ms:>10.2f}{lim:>10.2f}{ms / lim:>7.2f}"
            f" {ops['F']:>4} {ops['V']:>4} {ops['A']:>4} {ops['valid']:>6}"
        )
    print(json.dumps(results, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
