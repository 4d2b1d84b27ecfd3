"""Generate the frozen vectors for the group, ElGamal, proofs and threshold decryption.

Deterministic: every scalar is derived from a fixed label through
:func:`det_rand`, and proofs are made with the private ``_prove_*`` /
``_encrypt_with_nonce`` functions, so running this twice gives
byte-identical files.  By default it checks that the files on disk match
what the code produces now; pass ``--write`` to regenerate them (only for a
deliberate, versioned spec change).

    .venv/bin/python -m tests.vectors._generate.gen_crypto [--write]
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crypto import _group as g
from crypto import elgamal as eg
from crypto import threshold as th
from crypto.encoding import SPEC_VERSION
from crypto.proofs import ProofContext
from crypto.proofs._fiat_shamir import scalar_hex
from crypto.proofs.count import _prove_count
from crypto.proofs.decryption import _prove_decryption_share
from crypto.proofs.knapsack import _prove_bits
from crypto.proofs.points import _prove_points
from crypto.proofs.schnorr import _prove_schnorr
from crypto.proofs.selection import _prove_selection

OUT = Path(__file__).resolve().parent.parent / "crypto"
DATE = "2026-11-21"
GENERATOR = "tests/vectors/_generate/gen_crypto.py"
NAMES = ("group", "elgamal", "proofs", "proofs_invalid", "threshold")


def det_rand(label: str) -> Callable[[], int]:
    """Deterministic nonzero scalars for vectors (never for real ballots)."""
    counter = [0]

    def draw() -> int:
        h = hashlib.sha512(f"pbvote-vectors/{label}/{counter[0]}".encode()).digest()
        counter[0] += 1
        return 1 + int.from_bytes(h, "little") % (g.L - 1)

    return draw


def provenance(what: str) -> dict[str, str]:
    return {
        "source": f"pbvote reference implementation: {what}",
        "generator": GENERATOR,
        "date": DATE,
        "spec": SPEC_VERSION,
        "note": "scalars from det_rand(label) = 1 + SHA-512('pbvote-vectors/<label>/<i>') mod (L-1)"
        "; hex scalars are 32-byte little-endian; see docs/spec.md",
    }


def ctx_json(ctx: ProofContext) -> dict[str, str]:
    return {
        "election_fingerprint": ctx.election_fingerprint.hex(),
        "credential": ctx.credential.hex(),
        "district": ctx.district,
        "label": ctx.label,
    }


def ctx_from_json(value: dict[str, str]) -> ProofContext:
    return ProofContext(
        bytes.fromhex(value["election_fingerprint"]),
        bytes.fromhex(value["credential"]),
        value["district"],
        value["label"],
    )


SECRET = det_rand("election-key")()
PK = g.base_mul(SECRET)
CTX = ProofContext(
    hashlib.sha256(b"pbvote-vectors/fingerprint").digest(),
    hashlib.sha256(b"pbvote-vectors/credential").digest(),
    "district-1",
    "",
)


def group_vectors() -> list[dict[str, Any]]:
    rand = det_rand("group")
    out: list[dict[str, Any]] = []
    for k in (0, 1, 2, 3, g.L - 1, rand(), rand()):
        out.append({"op": "base_mul", "k": scalar_hex(k), "result": g.base_mul(k).hex()})
    for _ in range(3):
        a, b, k = rand(), rand(), rand()
        pa, pb = g.base_mul(a), g.base_mul(b)
        out.append({"op": "add", "p": pa.hex(), "q": pb.hex(), "result": g.add(pa, pb).hex()})
        out.append({"op": "sub", "p": pa.hex(), "q": pb.hex(), "result": g.sub(pa, pb).hex()})
        out.append({"op": "mul", "k": scalar_hex(k), "p": pa.hex(), "result": g.mul(k, pa).hex()})
    pa = g.base_mul(rand())
    out.append({"op": "sub", "p": pa.hex(), "q": pa.hex(), "result": g.IDENTITY.hex()})
    out.append({"op": "mul", "k": scalar_hex(0), "p": pa.hex(), "result": g.IDENTITY.hex()})
    for dst, data in (("pbvote/1/test", b""), ("pbvote/1/test", b"abc")):
        out.append(
            {
                "op": "hash_to_scalar",
                "dst": dst,
                "data": data.hex(),
                "result": scalar_hex(g.hash_to_scalar(dst, data)),
            }
        )
        out.append(
            {
                "op": "hash_to_point",
                "dst": dst,
                "data": data.hex(),
                "result": g.hash_to_point(dst, data).hex(),
            }
        )
    torsion = [
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000000080",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
    ]
    for t in torsion:
        out.append({"op": "decode", "encoding": t, "valid": False, "why": "small order"})
    kg = g.base_mul(rand())
    for t in torsion[1:]:
        tainted = g._core_add(kg, bytes.fromhex(t)).hex()
        out.append({"op": "decode", "encoding": tainted, "valid": False, "why": "kG + torsion"})
    for y in (g.P, g.P + 1, g.P + 2, 2**255 - 1):
        enc = y.to_bytes(32, "little").hex()
        out.append({"op": "decode", "encoding": enc, "valid": False, "why": "y >= p"})
    out.append({"op": "decode", "encoding": kg.hex(), "valid": True, "why": "subgroup point"})
    for s in (g.L, g.L + 1, 2**256 - 1):
        out.append({"op": "decode_scalar", "encoding": s.to_bytes(32, "little").hex(), "valid": False})
    return out


def elgamal_vectors() -> list[dict[str, Any]]:
    rand = det_rand("elgamal")
    out: list[dict[str, Any]] = []
    for m in (0, 1, 2, 7, 1000):
        r = rand()
        ct = eg._encrypt_with_nonce(PK, m, r)
        out.append(
            {
                "secret": scalar_hex(SECRET),
                "public_key": PK.hex(),
                "m": m,
                "r": scalar_hex(r),
                "ciphertext": ct.to_json(),
            }
        )
    return out


def proof_vectors() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    base = {"public_key": PK.hex()}
    for i, m in enumerate((0, 1)):
        rand = det_rand(f"selection/{i}")
        ctx = CTX.with_label(f"selection/{i}")
        r = rand()
        ct = eg._encrypt_with_nonce(PK, m, r)
        proof = _prove_selection(PK, ct, m, r, ctx, rand)
        out.append(
            {
                **base,
                "type": "selection",
                "context": ctx_json(ctx),
                "rand": f"selection/{i}",
                "m": m,
                "r": scalar_hex(r),
                "ciphertext": ct.to_json(),
                "proof": proof.to_json(),
            }
        )
    rand = det_rand("points")
    ctx = CTX.with_label("points/0")
    r = rand()
    ct = eg._encrypt_with_nonce(PK, 3, r)
    proof = _prove_points(PK, ct, 3, r, 5, ctx, rand)
    out.append(
        {
            **base,
            "type": "points",
            "context": ctx_json(ctx),
            "rand": "points",
            "m": 3,
            "r": scalar_hex(r),
            "max_points": 5,
            "ciphertext": ct.to_json(),
            "proof": proof.to_json(),
        }
    )
    rand = det_rand("count")
    ctx = CTX.with_label("count")
    xs = [1, 0, 1, 1]
    rs = [rand() for _ in xs]
    cts = [eg._encrypt_with_nonce(PK, x, r) for x, r in zip(xs, rs, strict=True)]
    proof = _prove_count(PK, cts, sum(xs), sum(rs) % g.L, 1, 3, ctx, rand)
    out.append(
        {
            **base,
            "type": "count",
            "context": ctx_json(ctx),
            "rand": "count",
            "selections": xs,
            "nonces": [scalar_hex(r) for r in rs],
            "min": 1,
            "max": 3,
            "ciphertexts": [c.to_json() for c in cts],
            "proof": proof.to_json(),
        }
    )
    rand = det_rand("knapsack")
    ctx = CTX.with_label("knapsack")
    costs, budget = [300, 450, 120, 999], 1000
    xs = [1, 0, 1, 0]
    rs = [rand() for _ in xs]
    cts = [eg._encrypt_with_nonce(PK, x, r) for x, r in zip(xs, rs, strict=True)]
    tn = -sum(c * r for c, r in zip(costs, rs, strict=True)) % g.L
    d = budget - 420
    kproof = _prove_bits(PK, cts, costs, budget, [(d >> i) & 1 for i in range(10)], tn, ctx, rand)
    out.append(
        {
            **base,
            "type": "knapsack",
            "context": ctx_json(ctx),
            "rand": "knapsack",
            "selections": xs,
            "nonces": [scalar_hex(r) for r in rs],
            "costs": costs,
            "budget": budget,
            "ciphertexts": [c.to_json() for c in cts],
            "proof": kproof.to_json(),
        }
    )
    rand = det_rand("decryption")
    ctx = ProofContext(CTX.election_fingerprint, b"", "", "trustee/1/decrypt/tally/p1")
    alpha = cts[0].alpha
    share, dproof = _prove_decryption_share(SECRET, PK, alpha, ctx, rand)
    out.append(
        {
            "type": "decryption",
            "context": ctx_json(ctx),
            "rand": "decryption",
            "secret": scalar_hex(SECRET),
            "public_share": PK.hex(),
            "alpha": alpha.hex(),
            "share": share.hex(),
            "proof": dproof.to_json(),
        }
    )
    rand = det_rand("schnorr")
    ctx = th.ceremony_context(CTX.election_fingerprint, 1, 0)
    sproof = _prove_schnorr(SECRET, PK, ctx, rand)
    out.append(
        {
            "type": "schnorr",
            "context": ctx_json(ctx),
            "rand": "schnorr",
            "secret": scalar_hex(SECRET),
            "public": PK.hex(),
            "proof": sproof.to_json(),
        }
    )
    return out


def _mutate_scalar(h: str) -> str:
    return scalar_hex((int.from_bytes(bytes.fromhex(h), "little") + 1) % g.L)


def invalid_proof_vectors(valid: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    by_type = {v["type"]: v for v in valid}

    def add(src: dict[str, Any], why: str, **changes: Any) -> None:
        case = json.loads(json.dumps(src))
        for key, value in changes.items():
            if key == "label":
                case["context"]["label"] = value
            elif key == "credential":
                case["context"]["credential"] = value
            elif key == "fingerprint":
                case["context"]["election_fingerprint"] = value
            else:
                case[key] = value
        case["why"] = why
        out.append(case)

    sel = next(v for v in valid if v["type"] == "selection" and v["m"] == 1)
    other_ct = by_type["points"]["ciphertext"]
    add(sel, "other ciphertext", ciphertext=other_ct)
    add(sel, "other public key", public_key=g.base_mul(5).hex())
    add(sel, "other label", label="selection/9")
    add(sel, "other credential", credential="00" * 32)
    add(sel, "other fingerprint", fingerprint="00" * 32)
    p = sel["proof"]
    add(sel, "challenge changed", proof={"c": [_mutate_scalar(p["c"][0]), p["c"][1]], "z": p["z"]})
    add(sel, "response changed", proof={"c": p["c"], "z": [p["z"][0], _mutate_scalar(p["z"][1])]})
    # Forged: encrypts 2, proven by a cheating prover that claims 1.
    rand = det_rand("forged/selection")
    r = rand()
    ct2 = eg._encrypt_with_nonce(PK, 2, r)
    forged = _prove_selection(PK, ct2, 1, r, ctx_from_json(sel["context"]), rand)
    add(sel, "encrypts 2", ciphertext=ct2.to_json(), proof=forged.to_json(), m=2, r=scalar_hex(r))
    cnt = by_type["count"]
    add(cnt, "max lowered", max=2)
    add(cnt, "ciphertexts reordered", ciphertexts=cnt["ciphertexts"][::-1])
    pts = by_type["points"]
    add(pts, "max_points changed", max_points=4)
    ks = by_type["knapsack"]
    add(ks, "budget changed", budget=1001)
    add(ks, "cost changed", costs=[300, 450, 120, 998])
    # Forged: over budget by one (420 > 419), bits of d mod 2^k.
    rand = det_rand("forged/knapsack")
    ctx = ctx_from_json(ks["context"])
    rs = [int.from_bytes(bytes.fromhex(h), "little") for h in ks["nonces"]]
    cts = [eg.Ciphertext.from_json(c) for c in ks["ciphertexts"]]
    tn = -sum(c * r for c, r in zip(ks["costs"], rs, strict=True)) % g.L
    d = (419 - 420) % g.L
    forged_k = _prove_bits(PK, cts, ks["costs"], 419, [(d >> i) & 1 for i in range(9)], tn, ctx, rand)
    add(ks, "over budget by one", budget=419, proof=forged_k.to_json())
    dec = by_type["decryption"]
    add(dec, "share changed", share=g.base_mul(7).hex())
    add(dec, "other trustee label", label="trustee/2/decrypt/tally/p1")
    sch = by_type["schnorr"]
    add(sch, "other public", public=g.base_mul(7).hex())
    add(sch, "other coefficient", label="trustee/1/coefficient/1")
    return out


def threshold_vectors() -> list[dict[str, Any]]:
    rand = det_rand("threshold")
    fp = CTX.election_fingerprint
    n, k = 3, 2
    polys = [th._generate_polynomial(k, rand) for _ in range(n)]
    published = [th._commit(p, t + 1, fp, rand) for t, p in enumerate(polys)]
    key = th.joint_public_key(published)
    xs = {j: th.combine_shares([th.share_for(p, j) for p in polys]) for j in range(1, n + 1)}
    ct = eg._encrypt_with_nonce(key, 5, rand())
    partials = {j: th._partial_decrypt(j, x, ct, fp, "tally/p1", rand) for j, x in xs.items()}
    return [
        {
            "n": n,
            "threshold": k,
            "election_fingerprint": fp.hex(),
            "polynomials": [[scalar_hex(a) for a in p.coefficients] for p in polys],
            "trustees": [
                {
                    "trustee": pub.trustee,
                    "commitments": [c.hex() for c in pub.commitments],
                    "proofs": [pr.to_json() for pr in pub.proofs],
                }
                for pub in published
            ],
            "shares": {
                str(t + 1): {str(j): scalar_hex(th.share_for(p, j)) for j in range(1, n + 1)}
                for t, p in enumerate(polys)
            },
            "joint_public_key": key.hex(),
            "public_shares": {str(j): th.trustee_public_share(j, published).hex() for j in xs},
            "ciphertext": ct.to_json(),
            "label": "tally/p1",
            "partials": {str(j): {"share": pd.share.hex(), "proof": pd.proof.to_json()} for j, pd in partials.items()},
            "plaintext": 5,
        }
    ]


def build_all() -> dict[str, dict[str, Any]]:
    """Return every vector file's content, keyed by file name (without .json)."""
    proofs = proof_vectors()
    return {
        "group": {"provenance": provenance("Ed25519 subgroup"), "vectors": group_vectors()},
        "elgamal": {"provenance": provenance("exponential ElGamal"), "vectors": elgamal_vectors()},
        "proofs": {"provenance": provenance("valid proofs"), "vectors": proofs},
        "proofs_invalid": {
            "provenance": provenance("invalid proofs (each must be rejected)"),
            "vectors": invalid_proof_vectors(proofs),
        },
        "threshold": {
            "provenance": provenance("threshold ceremony and decryption, n=3, k=2"),
            "vectors": threshold_vectors(),
        },
    }


def render(data: dict[str, Any]) -> str:
    """The on-disk form: sorted keys, two-space indent, trailing newline."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    write = "--write" in argv
    stale = []
    for name, data in build_all().items():
        path = OUT / f"{name}.json"
        text = render(data)
        if write:
            path.write_text(text, encoding="utf-8")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    if stale:
        print("stale vector files (run with --write after a deliberate change):", *stale)
        return 1
    print("written" if write else "vector files match")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
