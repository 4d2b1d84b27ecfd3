"""Generate the frozen vectors for signatures, codes, tracking, hash chain and secret files.

Deterministic: every random input is derived from a fixed label, so running
this twice gives byte-identical files.  By default it only checks that the
files on disk match what the code produces now; pass ``--write`` to
regenerate them (do that only for a deliberate, versioned spec change).

    .venv/bin/python -m tests.vectors._generate.gen_credentials [--write]
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from crypto import human_code
from crypto.codes import _code_from_bytes, credential_keypair, credential_seed
from crypto.encoding import SPEC_VERSION, Frameable, digest, frame
from crypto.hashchain import append, genesis, sign_head
from crypto.secretbox import KdfLimits, _seal_with
from crypto.signatures import sign, signing_key_from_seed
from crypto.tracking import tracking_code

OUT = Path(__file__).resolve().parent.parent / "crypto"
DATE = "2026-11-21"
GENERATOR = "tests/vectors/_generate/gen_credentials.py"


def det(label: str, n: int) -> bytes:
    """Deterministic pseudo-random bytes for vectors (never for real keys)."""
    out = b""
    counter = 0
    while len(out) < n:
        out += hashlib.sha256(f"pbvote-vectors/{label}/{counter}".encode()).digest()
        counter += 1
    return out[:n]


def typed(value: Frameable) -> Any:
    """Represent a frameable value in JSON without losing its type."""
    if isinstance(value, bytes):
        return {"bytes": value.hex()}
    if isinstance(value, str):
        return {"str": value}
    if isinstance(value, int):
        return {"int": value}
    return {"list": [typed(v) for v in value]}


def provenance(what: str) -> dict[str, str]:
    return {
        "source": f"pbvote reference implementation: {what}",
        "generator": GENERATOR,
        "date": DATE,
        "spec": SPEC_VERSION,
        "note": "inputs derived deterministically from labels; see docs/spec.md sections 18-23",
    }


def signatures() -> dict[str, Any]:
    cases: list[dict[str, Any]] = []
    # Independent source: RFC 8032 section 7.1 TEST 1 key generation.
    rfc_seed = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
    cases.append(
        {
            "case": "keygen",
            "source": "RFC 8032 section 7.1 TEST 1",
            "seed": rfc_seed.hex(),
            "public_key": "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        }
    )
    samples: list[tuple[str, list[Frameable]]] = [
        ("pbvote/1/test", []),
        ("pbvote/1/test", [b"", "", 0]),
        ("pbvote/1/board-head", [det("sig-fp", 32), 5, det("sig-head", 32)]),
        ("pbvote/1/ballot", [b"ab", b"c", ["nested", [1, 256]]]),
        ("pbvote/1/test", ["zh-TW: 參與式預算"]),
    ]
    for i, (tag, values) in enumerate(samples):
        key = signing_key_from_seed(det(f"sig-seed-{i}", 32))
        cases.append(
            {
                "case": "sign",
                "seed": key.secret_seed().hex(),
                "public_key": key.public_key.hex(),
                "tag": tag,
                "values": [typed(v) for v in values],
                "message": frame(tag, *values).hex(),
                "signature": sign(key, tag, *values).hex(),
            }
        )
    p = 2**255 - 19
    bad = {
        "identity": "01" + "00" * 31,
        "order-2": "ec" + "ff" * 30 + "7f",
        "order-4": "00" * 32,
        "order-8": "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "order-8-other": "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
        "non-canonical-y": p.to_bytes(32, "little").hex(),
        "off-curve": (2).to_bytes(32, "little").hex(),
        "mixed-order": (3).to_bytes(32, "little").hex(),
        "short": "00" * 31,
    }
    for reason, hexkey in bad.items():
        cases.append({"case": "bad_public_key", "reason": reason, "public_key": hexkey})
    return {"provenance": provenance("crypto/signatures.py over libsodium Ed25519"), "vectors": cases}


def codes() -> dict[str, Any]:
    cases: list[dict[str, Any]] = []
    for symbols in ("0", "1", "G", "Z", "0000", "ABCD", "7K3Q9XM2", "0123456789ABCDEFGHJKMNP"):
        cases.append({"case": "check", "symbols": symbols, "check": human_code.check_symbol(symbols)})
    fp = digest("pbvote/1/vector-election", "codes")
    for i in range(6):
        raw = det(f"code-{i}", 15)
        code = _code_from_bytes(raw)
        _, pk = credential_keypair(code, fp)
        cases.append(
            {
                "case": "credential",
                "random": raw.hex(),
                "code": code,
                "fingerprint": fp.hex(),
                "credential_seed": credential_seed(code, fp).hex(),
                "public_key": pk.hex(),
            }
        )
    code = _code_from_bytes(det("code-0", 15))
    bare = code.replace("-", "")
    wrong_last = "0" if bare[-1] != "0" else "1"
    swap = bare[:3] + bare[4] + bare[3] + bare[5:] if bare[3] != bare[4] else bare[:-1] + wrong_last
    inputs = [
        ("accept", code.lower(), code),
        ("accept", " " + code.replace("-", " ") + " ", code),
        ("accept", bare.replace("0", "O").replace("1", "I"), code),
        ("typo", bare[:-1] + wrong_last, None),
        ("typo", swap, None),
        ("malformed", bare[:-1], None),
        ("malformed", bare + "0", None),
        ("malformed", bare[:5] + "U" + bare[6:], None),
        ("malformed", "", None),
    ]
    for outcome, text, expected in inputs:
        case: dict[str, Any] = {"case": "parse", "input": text, "outcome": outcome}
        if expected is not None:
            case["code"] = expected
        cases.append(case)
    return {"provenance": provenance("crypto/human_code.py and crypto/codes.py"), "vectors": cases}


def tracking() -> dict[str, Any]:
    cases: list[dict[str, Any]] = []
    ballots = [b"", b'{"ballot":"example"}', det("ballot", 300)]
    for ballot in ballots:
        code = tracking_code(ballot)
        cases.append({"ballot": ballot.hex(), "full": code.full.hex(), "short": code.short})
    return {"provenance": provenance("crypto/tracking.py"), "vectors": cases}


def hashchain() -> dict[str, Any]:
    fp = digest("pbvote/1/vector-election", "hashchain")
    events = [
        ("open", b'{"polls":"open"}'),
        ("ballot", det("chain-ballot-1", 64)),
        ("spoiled", det("chain-spoiled", 40)),
        ("ballot", det("chain-ballot-2", 64)),
        ("close", b'{"polls":"closed"}'),
    ]
    head = genesis(fp)
    entries = []
    for kind, payload in events:
        entry, head = append(head, kind, payload)
        entries.append(
            {
                "index": entry.index,
                "kind": entry.kind,
                "payload": payload.hex(),
                "payload_hash": entry.payload_hash.hex(),
                "previous_hash": entry.previous_hash.hex(),
                "entry_hash": entry.entry_hash.hex(),
            }
        )
    key = signing_key_from_seed(det("chain-signer", 32))
    case = {
        "fingerprint": fp.hex(),
        "genesis_hash": genesis(fp).head_hash.hex(),
        "entries": entries,
        "head": {"size": head.size, "head_hash": head.head_hash.hex()},
        "signer_seed": key.secret_seed().hex(),
        "signer_public_key": key.public_key.hex(),
        "head_signature": sign_head(key, head).hex(),
    }
    return {"provenance": provenance("crypto/hashchain.py"), "vectors": [case]}


def secretbox() -> dict[str, Any]:
    cases: list[dict[str, Any]] = []
    samples = [
        ("correct horse battery staple", "trustee-share", b"share bytes", KdfLimits(1, 8192)),
        ("caf\u00e9 \u99ac", "kiosk-key", det("kiosk-seed", 32), KdfLimits(2, 16384)),
        ("x", "official-key", b"", KdfLimits(1, 8192)),
    ]
    for i, (passphrase, purpose, plaintext, limits) in enumerate(samples):
        salt = det(f"secret-salt-{i}", 16)
        nonce = det(f"secret-nonce-{i}", 24)
        blob = _seal_with(passphrase, plaintext, purpose, limits, salt, nonce)
        cases.append(
            {
                "passphrase": passphrase,
                "purpose": purpose,
                "opslimit": limits.opslimit,
                "memlimit": limits.memlimit,
                "salt": salt.hex(),
                "nonce": nonce.hex(),
                "plaintext": plaintext.hex(),
                "blob": blob.hex(),
            }
        )
    return {"provenance": provenance("crypto/secretbox.py (low Argon2id limits)"), "vectors": cases}


FILES = {
    "signatures": signatures,
    "codes": codes,
    "tracking": tracking,
    "hashchain": hashchain,
    "secretbox": secretbox,
}


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    write = "--write" in argv
    stale = []
    for name, build in FILES.items():
        path = OUT / f"{name}.json"
        text = render(build())
        if write:
            OUT.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    if stale:
        print(f"vectors differ from the code: {', '.join(stale)} (rerun with --write if intended)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
