"""A stranger's verifier: the election record and receipts checked from docs/spec.md alone.

pbvote only PRODUCES the data here (an election, two cast ballots, one
spoiled ballot, the closed polls, the published record).  Every check is
written from the text of docs/spec.md (sections 4, 5, 10, 11, 14, 18-21, 23-31)
with hashlib, json, base64 and PyNaCl directly, never with pbvote's crypto/ or
ballot/ modules: if a check cannot be written from the spec, the spec is
incomplete.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nacl.bindings as nb
import nacl.signing
import pytest

from ballot.box import Accepted, Spoiled
from ballot.polls import close_polls
from ballot.receipts import Receipt
from ballot.record import publish_record
from tests.ballot.box_setup import prepare_election

# -- section 2: the group ---------------------------------------------------------------------------

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
IDENTITY = b"\x01" + bytes(31)
SPEC = "pbvote-spec/1"


def scalar_bytes(k: int) -> bytes:
    return (k % L).to_bytes(32, "little")


def base_mul(k: int) -> bytes:
    k %= L
    return IDENTITY if k == 0 else nb.crypto_scalarmult_ed25519_base_noclamp(scalar_bytes(k))


def mul(k: int, point: bytes) -> bytes:
    k %= L
    if k == 0 or point == IDENTITY:
        return IDENTITY
    return nb.crypto_scalarmult_ed25519_noclamp(scalar_bytes(k), point)


def add(a: bytes, b: bytes) -> bytes:
    if a == IDENTITY:
        return b
    if b == IDENTITY:
        return a
    return nb.crypto_core_ed25519_add(a, b)


def sub(a: bytes, b: bytes) -> bytes:
    if b == IDENTITY:
        return a
    return nb.crypto_core_ed25519_sub(a, b)


def decode_point(text: object) -> bytes:
    """Section 3.1 and 3.3: 64 lower-case hex digits, canonical y, not small order, in the subgroup."""
    assert isinstance(text, str) and len(text) == 64 and text == text.lower()
    data = bytes.fromhex(text)
    assert int.from_bytes(data, "little") % 2**255 < P
    assert nb.crypto_core_ed25519_is_valid_point(data)
    return data


def decode_scalar(text: object) -> int:
    """Section 3.2: 32 bytes little-endian, refused if >= L."""
    assert isinstance(text, str) and len(text) == 64 and text == text.lower()
    value = int.from_bytes(bytes.fromhex(text), "little")
    assert value < L
    return value


# -- section 4: framing, digests ----------------------------------------------------------------------


def _frame_one(value: Any) -> bytes:
    if isinstance(value, bool):
        raise TypeError("booleans are not frameable")
    if isinstance(value, bytes):
        return b"B" + len(value).to_bytes(4, "big") + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return b"S" + len(data).to_bytes(4, "big") + data
    if isinstance(value, int):
        assert value >= 0
        data = value.to_bytes((value.bit_length() + 7) // 8, "big")
        return b"I" + len(data).to_bytes(4, "big") + data
    if isinstance(value, list):
        return b"L" + len(value).to_bytes(4, "big") + b"".join(_frame_one(v) for v in value)
    raise TypeError(type(value).__name__)


def frame(*values: Any) -> bytes:
    return b"".join(_frame_one(v) for v in values)


def digest(tag: str, *values: Any) -> bytes:
    return hashlib.sha256(frame(tag, *values)).digest()


def hash_to_scalar(tag: str, *values: Any) -> int:
    return int.from_bytes(hashlib.sha512(frame(tag, *values)).digest(), "little") % L


# -- section 5: canonical JSON ------------------------------------------------------------------------


def canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def parse_canonical(data: bytes) -> Any:
    value = json.loads(data.decode("utf-8"))
    assert canonical(value) == data, "not canonical JSON"
    return value


# -- section 18: signatures ---------------------------------------------------------------------------

_Y8 = 0x7A03AC9277FDC74EC6CC392CFA53202A0F67100D760B3CBA4FD84D3D706A17C7


def decode_public_key(text: object) -> bytes:
    assert isinstance(text, str) and len(text) == 64 and text == text.lower()
    key = bytes.fromhex(text)
    y = int.from_bytes(key, "little") & (2**255 - 1)
    assert y < P and y not in {0, 1, P - 1, _Y8, P - _Y8}
    nb.crypto_sign_ed25519_pk_to_curve25519(key)  # raises unless on the curve, in the subgroup
    return key


def verify_signature(public_key: bytes, signature: bytes, tag: str, *values: Any) -> None:
    assert len(signature) == 64
    nacl.signing.VerifyKey(public_key).verify(frame(tag, *values), signature)


def signature_hex(text: object) -> bytes:
    assert isinstance(text, str) and len(text) == 128 and text == text.lower()
    return bytes.fromhex(text)


# -- sections 19 and 21: short tracking codes ---------------------------------------------------------

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _times_a(v: int) -> int:
    return (v << 1) ^ (0b100101 if v & 0b10000 else 0)


def short_tracking_code(full: bytes) -> str:
    bits = int.from_bytes(full, "big") >> (8 * len(full) - 100)
    digits = [(bits >> (5 * (19 - i))) & 31 for i in range(20)]
    acc = 0
    for d in digits:
        acc = _times_a(acc) ^ d
    symbols = "".join(ALPHABET[d] for d in [*digits, _times_a(acc)])
    return "-".join(symbols[i:i + 4] for i in range(0, len(symbols), 4))


# -- sections 10 and 11: disjunctive proofs ------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    fingerprint: bytes
    credential: bytes
    district: str


def verify_disjunctive(tag: str, statement: list[Any], key: bytes, alpha: bytes, beta: bytes, lo: int, hi: int,
                       proof: Any, context: Context, label: str) -> None:
    assert isinstance(proof, dict) and set(proof) == {"c", "z"}
    cs = [decode_scalar(c) for c in proof["c"]]
    zs = [decode_scalar(z) for z in proof["z"]]
    assert len(cs) == len(zs) == hi - lo + 1
    commitments: list[bytes] = []
    for v, c, z in zip(range(lo, hi + 1), cs, zs, strict=True):
        commitments.append(sub(base_mul(z), mul(c, alpha)))
        commitments.append(sub(mul(z, key), mul(c, sub(beta, base_mul(v)))))
    c = hash_to_scalar(tag, SPEC, context.fingerprint, statement, commitments,
                       [context.credential, context.district, label])
    assert sum(cs) % L == c, f"proof {label} does not verify"


# -- producing the election with pbvote ---------------------------------------------------------------


@dataclass
class Produced:
    record: Path
    zip_path: Path
    receipts: list[Receipt]
    spoiled_receipt: Receipt
    spoiled_values: tuple[int, ...]
    duplicate_receipt: Receipt
    cast_bytes: list[bytes]
    spoiled_bytes: bytes


@pytest.fixture(scope="module")
def produced(tmp_path_factory: pytest.TempPathFactory) -> Produced:
    tmp = tmp_path_factory.mktemp("spec_record")
    ready = prepare_election(f"sqlite:///{tmp}/e.sqlite3", 3)
    box = ready.box()
    first = ready.ballot(ready.codes[0]).to_bytes()
    accepted = box.cast(first)
    challenged = ready.ballot(ready.codes[1], kiosk=True)
    spoiled = box.spoil(challenged.to_bytes(), challenged.values, challenged.nonces)
    second = ready.ballot(ready.codes[1], kiosk=True).to_bytes()
    accepted_kiosk = box.cast(second)
    again = box.cast(first)
    assert isinstance(accepted, Accepted) and isinstance(accepted_kiosk, Accepted)
    assert isinstance(spoiled, Spoiled) and isinstance(again, Accepted) and again.duplicate
    with ready.store.write() as s:
        close_polls(s, box.board_key)
    published = publish_record(ready.store, tmp / "record", box.board_key)
    return Produced(published.directory, published.zip_path, [accepted.receipt, accepted_kiosk.receipt],
                    spoiled.receipt, challenged.values, again.receipt, [first, second], challenged.to_bytes())


# -- reading the record (section 31) -------------------------------------------------------------------


@dataclass
class Line:
    index: int
    kind: str
    payload: Any
    payload_bytes: bytes
    hash: bytes


@dataclass
class Record:
    fingerprint: bytes
    manifest: Any
    public_key: bytes
    board_key: bytes
    credentials: list[bytes]
    kiosks: dict[str, bytes]
    lines: list[Line]


def read_record(directory: Path) -> Record:
    manifest_bytes = (directory / "manifest.json").read_bytes()
    manifest = parse_canonical(manifest_bytes)
    fingerprint = hashlib.sha256(manifest_bytes).digest()
    ceremony = parse_canonical((directory / "ceremony.json").read_bytes())
    authority_bytes = (directory / "authority.json").read_bytes()
    assert authority_bytes.endswith(b"\n")
    authority = parse_canonical(authority_bytes[:-1])
    assert set(authority) == {"board_key", "election", "format"}
    assert authority["format"] == "pbvote-authority/1" and authority["election"] == fingerprint.hex()
    credentials = []
    for raw in (directory / "credentials.jsonl").read_bytes().splitlines(keepends=True):
        assert raw.endswith(b"\n")
        credentials.append(decode_public_key(json.loads(raw)))
        assert raw == b'"' + credentials[-1].hex().encode() + b'"\n'
    kiosks_bytes = (directory / "kiosks.json").read_bytes()
    assert kiosks_bytes.endswith(b"\n")
    kiosks = {}
    for item in parse_canonical(kiosks_bytes[:-1]):
        assert set(item) == {"name", "public_key"} and item["name"] not in kiosks
        kiosks[item["name"]] = decode_public_key(item["public_key"])
    assert len(set(kiosks.values())) == len(kiosks)
    lines = []
    for raw in (directory / "board.jsonl").read_bytes().splitlines(keepends=True):
        assert raw.endswith(b"\n")
        value = parse_canonical(raw[:-1])
        assert set(value) == {"hash", "index", "kind", "payload"}
        payload_bytes = canonical(value["payload"])
        lines.append(Line(value["index"], value["kind"], value["payload"], payload_bytes, bytes.fromhex(value["hash"])))
    return Record(fingerprint, manifest, decode_point(ceremony["public_key"]), decode_public_key(authority["board_key"]),
                  credentials, kiosks, lines)


@pytest.fixture(scope="module")
def record(produced: Produced) -> Record:
    return read_record(produced.record)


def district_of(record: Record, district_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    districts = [d for d in record.manifest["districts"] if d["id"] == district_id]
    assert len(districts) == 1
    return districts[0], [p for p in record.manifest["projects"] if p["district"] == district_id]


def count_bounds(district: dict[str, Any], n: int) -> tuple[int, int] | None:
    """Section 26.2."""
    rule = district["ballot"]
    if rule["type"] == "cumulative":
        return None if n * rule["max_per_project"] <= rule["points"] else (0, rule["points"])
    return None if (rule["min"], rule["max"]) == (0, n) else (rule["min"], rule["max"])


def check_ballot(record: Record, ballot_bytes: bytes) -> dict[str, Any]:
    """Section 26.5, every step, from the spec alone; returns the parsed ballot."""
    assert len(ballot_bytes) <= 4 * 1024 * 1024
    ballot = parse_canonical(ballot_bytes)
    required = {"format", "election", "district", "credential", "selections", "proofs", "signatures"}
    assert required <= set(ballot) <= required | {"kiosk"}
    assert ballot["format"] == "pbvote-ballot/1"
    assert ballot["election"] == record.fingerprint.hex()
    credential = decode_public_key(ballot["credential"])
    district, projects = district_of(record, ballot["district"])
    n = len(projects)
    selections = [(decode_point(a), decode_point(b)) for a, b in ballot["selections"]]
    assert len(selections) == n
    proofs = ballot["proofs"]
    bounds = count_bounds(district, n)
    wanted = {"selections"} | ({"count"} if bounds else set()) | ({"knapsack"} if district["ballot"]["type"] == "knapsack" else set())
    assert set(proofs) == wanted and len(proofs["selections"]) == n
    # signatures over the body: every member but "signatures"
    body = canonical({k: v for k, v in ballot.items() if k != "signatures"})
    assert set(ballot["signatures"]) == ({"credential", "kiosk"} if "kiosk" in ballot else {"credential"})
    verify_signature(credential, signature_hex(ballot["signatures"]["credential"]), "pbvote/1/ballot", body)
    if "kiosk" in ballot:
        verify_signature(record.kiosks[ballot["kiosk"]], signature_hex(ballot["signatures"]["kiosk"]),
                         "pbvote/1/ballot-kiosk", body)
    # proofs (sections 10, 11), context (F, A, district, label)
    context = Context(record.fingerprint, credential, ballot["district"])
    key = record.public_key
    assert district["ballot"]["type"] == "approval", "this verifier covers the approval rule of the sample"
    for j, ((alpha, beta), proof) in enumerate(zip(selections, proofs["selections"], strict=True)):
        verify_disjunctive("pbvote/1/proof/selection", [key, alpha, beta], key, alpha, beta, 0, 1, proof, context,
                           f"selection/{j}")
    if bounds is not None:
        alpha_sum, beta_sum = IDENTITY, IDENTITY
        for alpha, beta in selections:
            alpha_sum, beta_sum = add(alpha_sum, alpha), add(beta_sum, beta)
        statement = [key, [[a, b] for a, b in selections], bounds[0], bounds[1]]
        verify_disjunctive("pbvote/1/proof/count", statement, key, alpha_sum, beta_sum, bounds[0], bounds[1],
                           proofs["count"], context, "count")
    return ballot


# -- the checks -------------------------------------------------------------------------------------------


def test_my_helpers_reproduce_the_worked_examples_of_the_spec() -> None:
    assert frame("ab").hex() == "530000000261" + "62"
    assert frame(256).hex() == "49000000020100"
    assert frame([b"\x01", 0]).hex() == "4c00000002420000000101" + "4900000000"
    full = bytes.fromhex("53262d36682533d4f8d10155492f6c67378ab9cef6e5c8c790c5b81e8af4bb7e")
    assert digest("pbvote/1/tracking", b'{"ballot":"example"}') == full
    assert short_tracking_code(full) == "ACK2-TDK8-4MSX-9Y6H-05AM-4"
    f = bytes.fromhex("4af17a413b94c436fb3988aa5d9007ebbb1275d8eaa546a4d311f4c2ab816641")
    genesis = digest("pbvote/1/board-genesis", f)
    assert genesis.hex() == "7f4803df511df5253c5749bb91fb652e5726334eea51491acbd120be1fd64818"
    p0 = digest("pbvote/1/board-payload", b'{"polls":"open"}')
    assert p0.hex() == "0c5b623e5d48692e11b5a36f1f72b664ac1cbaefc57d46a4599feca8df58d31c"
    h0 = digest("pbvote/1/board-entry", f, 0, "open", p0, genesis)
    assert h0.hex() == "27864dba1056d17d75de6fb8245cb6a61bf02e78c2e40bc3d917e7bc6599f0f0"


def test_the_fingerprint_is_the_hash_of_manifest_json_and_every_file_names_it(produced: Produced,
                                                                               record: Record) -> None:
    manifest_bytes = (produced.record / "manifest.json").read_bytes()
    assert not manifest_bytes.endswith(b"\n")
    assert record.manifest["format"] == "pbvote-manifest/1"
    assert produced.receipts[0].fingerprint == record.fingerprint
    head = parse_canonical((produced.record / "head.json").read_bytes()[:-1])
    ceremony = parse_canonical((produced.record / "ceremony.json").read_bytes())
    assert head["election"] == ceremony["election"] == record.fingerprint.hex()


def test_the_ceremony_transcript_reverifies(produced: Produced, record: Record) -> None:
    ceremony = parse_canonical((produced.record / "ceremony.json").read_bytes())
    assert set(ceremony) == {"commitments", "election", "format", "public_key", "trustees"}
    assert ceremony["format"] == "pbvote-ceremony/1"
    n, k = record.manifest["trustees"]["count"], record.manifest["trustees"]["threshold"]
    assert ceremony["trustees"] == {"count": n, "threshold": k} and len(ceremony["commitments"]) == n
    key = IDENTITY
    for t, entry in enumerate(ceremony["commitments"], start=1):
        assert set(entry) == {"commitments", "proofs", "trustee"} and entry["trustee"] == t
        assert len(entry["commitments"]) == len(entry["proofs"]) == k
        for i, (c_hex, proof) in enumerate(zip(entry["commitments"], entry["proofs"], strict=True)):
            commitment = decode_point(c_hex)
            c, z = decode_scalar(proof["c"]), decode_scalar(proof["z"])
            a = sub(base_mul(z), mul(c, commitment))
            assert c == hash_to_scalar("pbvote/1/proof/schnorr", SPEC, record.fingerprint, [commitment], [a],
                                       [b"", "", f"trustee/{t}/coefficient/{i}"])
        key = add(key, decode_point(entry["commitments"][0]))
    assert key == record.public_key != IDENTITY


def test_the_board_chain_recomputes_to_the_signed_head(produced: Produced, record: Record) -> None:
    previous = digest("pbvote/1/board-genesis", record.fingerprint)
    for i, line in enumerate(record.lines):
        assert line.index == i
        p = digest("pbvote/1/board-payload", line.payload_bytes)
        h = digest("pbvote/1/board-entry", record.fingerprint, i, line.kind, p, previous)
        assert line.hash == h, f"board entry {i}"
        previous = h
    assert [line.kind for line in record.lines] == ["open", "ballot", "spoiled", "ballot", "close"]
    head_bytes = (produced.record / "head.json").read_bytes()
    assert head_bytes.endswith(b"\n")
    head = parse_canonical(head_bytes[:-1])
    assert set(head) == {"election", "format", "head", "signature", "size"} and head["format"] == "pbvote-head/1"
    assert head["size"] == len(record.lines) and bytes.fromhex(head["head"]) == previous
    verify_signature(record.board_key, signature_hex(head["signature"]), "pbvote/1/board-head",
                     record.fingerprint, head["size"], previous)


def test_the_board_payloads_are_the_bytes_the_ballot_box_was_given(produced: Produced, record: Record) -> None:
    ballots = [line for line in record.lines if line.kind == "ballot"]
    assert [line.payload_bytes for line in ballots] == produced.cast_bytes
    spoiled = next(line for line in record.lines if line.kind == "spoiled")
    assert canonical(spoiled.payload["ballot"]) == produced.spoiled_bytes


def test_every_ballot_entry_verifies_and_each_credential_votes_once(produced: Produced, record: Record) -> None:
    assert record.manifest["eligibility"]["mode"] == "codes"
    seen: set[bytes] = set()
    tracking = []
    for line in record.lines:
        if line.kind != "ballot":
            continue
        ballot = check_ballot(record, line.payload_bytes)
        credential = bytes.fromhex(ballot["credential"])
        assert credential in record.credentials and credential not in seen
        seen.add(credential)
        tracking.append(digest("pbvote/1/tracking", line.payload_bytes))
    assert tracking == [r.tracking_hash for r in produced.receipts]
    kiosk_ballots = [json.loads(b) for b in produced.cast_bytes if b'"kiosk"' in b]
    assert [b["kiosk"] for b in kiosk_ballots] == ["kiosk-1"]


def test_the_spoiled_entry_passes_the_benaloh_audit(produced: Produced, record: Record) -> None:
    line = next(line for line in record.lines if line.kind == "spoiled")
    payload = line.payload
    assert set(payload) == {"ballot", "format", "nonces", "values"} and payload["format"] == "pbvote-spoiled/1"
    inner = canonical(payload["ballot"])
    ballot = check_ballot(record, inner)
    assert bytes.fromhex(ballot["credential"]) in record.credentials
    t = digest("pbvote/1/tracking", inner)
    assert t == produced.spoiled_receipt.tracking_hash
    assert t != digest("pbvote/1/tracking", line.payload_bytes)
    values, nonces = payload["values"], payload["nonces"]
    assert len(values) == len(nonces) == len(ballot["selections"])
    for (a_hex, b_hex), m, r_hex in zip(ballot["selections"], values, nonces, strict=True):
        assert isinstance(m, int) and 0 <= m <= 100
        assert len(r_hex) == 64 and r_hex == r_hex.lower()
        r = int(r_hex, 16)  # big-endian (section 27), not the scalar encoding of 3.3
        assert 0 < r < L
        assert decode_point(a_hex) == base_mul(r)
        assert decode_point(b_hex) == add(base_mul(m), mul(r, record.public_key))
    assert tuple(values) == produced.spoiled_values
    # never cast, and cast only later by the same credential
    ballot_lines = [x for x in record.lines if x.kind == "ballot"]
    assert t not in {digest("pbvote/1/tracking", x.payload_bytes) for x in ballot_lines}
    earlier = [x for x in ballot_lines if x.index < line.index]
    assert ballot["credential"] not in {x.payload["credential"] for x in earlier}


def test_no_ciphertext_is_reused_across_ballot_and_spoiled_entries(record: Record) -> None:
    alphas = []
    for line in record.lines:
        ballot = line.payload if line.kind == "ballot" else line.payload.get("ballot") if line.kind == "spoiled" else None
        if ballot is not None:
            alphas += [a for a, _ in ballot["selections"]]
    assert len(alphas) == 3 * len(record.lines[1].payload["selections"])
    assert len(set(alphas)) == len(alphas)


def test_the_polls_entries_are_signed_and_state_the_record_totals(produced: Produced, record: Record) -> None:
    lines = record.lines
    assert lines[0].kind == "open" and lines[-1].kind == "close"
    previous = digest("pbvote/1/board-genesis", record.fingerprint)
    for line in lines:
        if line.kind in ("open", "close"):
            payload = line.payload
            assert payload["format"] == "pbvote-polls/1" and payload["polls"] == line.kind
            unsigned = canonical({k: v for k, v in payload.items() if k != "signature"})
            verify_signature(record.board_key, signature_hex(payload["signature"]), "pbvote/1/polls",
                             record.fingerprint, line.index, previous, unsigned)
        previous = line.hash
    assert set(lines[0].payload) == {"credentials", "format", "kiosks", "polls", "signature"}
    assert lines[0].payload["credentials"] == len(record.credentials) == 3
    assert lines[0].payload["kiosks"] <= len(record.kiosks)
    assert set(lines[-1].payload) == {"ballots", "format", "polls", "signature", "spoiled"}
    assert lines[-1].payload["ballots"] == sum(x.kind == "ballot" for x in lines) == 2
    assert lines[-1].payload["spoiled"] == sum(x.kind == "spoiled" for x in lines) == 1


def _read_qr(text: str) -> tuple[int, bytes, bytes, int, bytes, bytes]:
    assert text.startswith("PBV1:") and len(text) == 276
    assert set(text) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
    body = text[len("PBV1:"):]
    raw = base64.b32decode(body + "=" * (-len(body) % 8))
    assert len(raw) == 169
    return raw[0], raw[1:33], raw[33:65], int.from_bytes(raw[65:73], "big"), raw[73:105], raw[105:169]


def test_receipts_are_signed_and_their_qr_payload_has_the_spec_layout(produced: Produced, record: Record) -> None:
    for receipt in [*produced.receipts, produced.spoiled_receipt]:
        version, f, t, position, head, signature = _read_qr(receipt.qr_payload())
        assert version == 1 and f == record.fingerprint
        verify_signature(record.board_key, signature, "pbvote/1/receipt", f, t, position, head)
        line = record.lines[position]
        assert line.hash == head
        tracked = canonical(line.payload["ballot"]) if line.kind == "spoiled" else line.payload_bytes
        assert line.kind in ("ballot", "spoiled") and digest("pbvote/1/tracking", tracked) == t
        assert receipt.tracking_code.short == short_tracking_code(t)
        assert len(receipt.tracking_code.short) == 26
    assert produced.duplicate_receipt.qr_payload() == produced.receipts[0].qr_payload()


def test_the_record_files_have_the_spec_formats(produced: Produced, record: Record) -> None:
    assert record.credentials == sorted(record.credentials) and len(set(record.credentials)) == 3
    assert list(record.kiosks) == ["kiosk-1"]
    images = {p["image"]["sha256"] for p in record.manifest["projects"] if "image" in p}
    for path in (produced.record / "images").iterdir():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name and path.name in images
    files = sorted(p for p in produced.record.rglob("*") if p.is_file())
    with zipfile.ZipFile(produced.zip_path) as zf:
        infos = zf.infolist()
        assert [i.filename for i in infos] == [f"record/{p.relative_to(produced.record).as_posix()}" for p in files]
        for info, path in zip(infos, files, strict=True):
            assert info.date_time == (2020, 1, 1, 0, 0, 0)
            assert zf.read(info) == path.read_bytes()
