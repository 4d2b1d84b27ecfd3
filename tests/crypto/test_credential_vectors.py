"""Frozen vectors for signatures, codes, tracking, hash chain and secret files.

Each check runs the code under test and, where it is cheap, an independent
re-derivation written from docs/spec.md (sections 18-23) alone (its own framing,
its own GF(32) check character, libsodium called directly), so a change that
drifts from the spec fails here even if the code agrees with itself.
"""

from __future__ import annotations

import hashlib
from typing import Any

import nacl.pwhash.argon2id as argon2id
import nacl.secret
import nacl.signing
import pytest

from crypto import human_code
from crypto.codes import _code_from_bytes, credential_keypair, credential_seed, parse_code
from crypto.encoding import Frameable
from crypto.errors import EncodingError
from crypto.hashchain import Entry, Head, verify_chain, verify_head
from crypto.human_code import CodeTypo, MalformedCode
from crypto.secretbox import unseal
from crypto.signatures import decode_public_key, sign, signing_key_from_seed, verify
from crypto.tracking import parse_tracking_code, tracking_code
from tests.vectors import load_vectors

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _vectors(name: str, case: str | None = None) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = load_vectors("crypto", name)["vectors"]
    return [v for v in items if case is None or v.get("case") == case]


# --- independent re-implementations from the spec text ---------------------


def spec_frame(*values: Any) -> bytes:
    out = b""
    for v in values:
        if isinstance(v, bytes):
            out += b"B" + len(v).to_bytes(4, "big") + v
        elif isinstance(v, str):
            data = v.encode()
            out += b"S" + len(data).to_bytes(4, "big") + data
        elif isinstance(v, int):
            data = v.to_bytes((v.bit_length() + 7) // 8, "big")
            out += b"I" + len(data).to_bytes(4, "big") + data
        else:
            out += b"L" + len(v).to_bytes(4, "big") + spec_frame(*v)
    return out


def spec_digest(tag: str, *values: Any) -> bytes:
    return hashlib.sha256(spec_frame(tag, *values)).digest()


def spec_check(symbols: str) -> str:
    # Weighted sum over GF(2^5) mod x^5+x^2+1: the check c makes sum a^(n-k) d_k = 0.
    def times_x(v: int) -> int:
        v <<= 1
        return v ^ 0b100101 if v & 0b100000 else v

    acc = 0
    for ch in symbols:
        acc = times_x(acc) ^ ALPHABET.index(ch)
    return ALPHABET[times_x(acc)]


def untyped(value: dict[str, Any]) -> Frameable:
    if "bytes" in value:
        return bytes.fromhex(value["bytes"])
    if "str" in value:
        return str(value["str"])
    if "int" in value:
        return int(value["int"])
    return [untyped(v) for v in value["list"]]


# --- signatures ---------------------------------------------------------------


@pytest.mark.parametrize("v", _vectors("signatures", "keygen"))
def test_keygen_vectors(v: dict[str, Any]) -> None:
    assert v["public_key"] == signing_key_from_seed(bytes.fromhex(v["seed"])).public_key.hex()


@pytest.mark.parametrize("v", _vectors("signatures", "sign"))
def test_signature_vectors(v: dict[str, Any]) -> None:
    key = signing_key_from_seed(bytes.fromhex(v["seed"]))
    values = [untyped(x) for x in v["values"]]
    assert v["public_key"] == key.public_key.hex()
    assert v["message"] == spec_frame(v["tag"], *values).hex()
    assert v["signature"] == sign(key, v["tag"], *values).hex()
    pk, sig = bytes.fromhex(v["public_key"]), bytes.fromhex(v["signature"])
    verify(pk, sig, v["tag"], *values)
    nacl.signing.VerifyKey(pk).verify(bytes.fromhex(v["message"]), sig)


@pytest.mark.parametrize("v", _vectors("signatures", "bad_public_key"), ids=lambda v: v["reason"])
def test_bad_public_key_vectors(v: dict[str, Any]) -> None:
    with pytest.raises(EncodingError):
        decode_public_key(bytes.fromhex(v["public_key"]))


# --- codes --------------------------------------------------------------------


@pytest.mark.parametrize("v", _vectors("codes", "check"))
def test_check_character_vectors(v: dict[str, Any]) -> None:
    assert v["check"] == human_code.check_symbol(v["symbols"])
    assert v["check"] == spec_check(v["symbols"])


@pytest.mark.parametrize("v", _vectors("codes", "credential"))
def test_credential_vectors(v: dict[str, Any]) -> None:
    fp = bytes.fromhex(v["fingerprint"])
    assert v["code"] == _code_from_bytes(bytes.fromhex(v["random"]))
    bits = int(v["random"], 16) >> 5
    data = "".join(ALPHABET[(bits >> (5 * (22 - i))) & 31] for i in range(23))
    bare = data + spec_check(data)
    assert v["code"] == "-".join(bare[i : i + 4] for i in range(0, 24, 4))
    assert v["credential_seed"] == credential_seed(v["code"], fp).hex()
    assert v["credential_seed"] == spec_digest("pbvote/1/credential", fp, bare).hex()
    _, pk = credential_keypair(v["code"], fp)
    assert v["public_key"] == pk.hex()
    expected_pk = nacl.signing.SigningKey(bytes.fromhex(v["credential_seed"])).verify_key
    assert v["public_key"] == bytes(expected_pk).hex()


@pytest.mark.parametrize("v", _vectors("codes", "parse"), ids=lambda v: v["outcome"])
def test_parse_vectors(v: dict[str, Any]) -> None:
    if v["outcome"] == "accept":
        assert v["code"] == parse_code(v["input"])
    else:
        error = CodeTypo if v["outcome"] == "typo" else MalformedCode
        with pytest.raises(error):
            parse_code(v["input"])


# --- tracking -----------------------------------------------------------------


@pytest.mark.parametrize("v", _vectors("tracking"))
def test_tracking_vectors(v: dict[str, Any]) -> None:
    ballot = bytes.fromhex(v["ballot"])
    code = tracking_code(ballot)
    assert v["full"] == code.full.hex()
    assert v["short"] == code.short
    assert v["full"] == spec_digest("pbvote/1/tracking", ballot).hex()
    bits = int(v["full"], 16) >> (256 - 100)
    data = "".join(ALPHABET[(bits >> (5 * (19 - i))) & 31] for i in range(20))
    bare = data + spec_check(data)
    assert v["short"] == "-".join(bare[i : i + 4] for i in range(0, 21, 4))
    assert v["short"] == parse_tracking_code(v["short"].lower())


# --- hash chain ---------------------------------------------------------------


@pytest.mark.parametrize("v", _vectors("hashchain"))
def test_hashchain_vectors(v: dict[str, Any]) -> None:
    fp = bytes.fromhex(v["fingerprint"])
    assert v["genesis_hash"] == spec_digest("pbvote/1/board-genesis", fp).hex()
    previous = bytes.fromhex(v["genesis_hash"])
    entries = []
    for e in v["entries"]:
        payload_hash = spec_digest("pbvote/1/board-payload", bytes.fromhex(e["payload"]))
        assert e["payload_hash"] == payload_hash.hex()
        assert e["previous_hash"] == previous.hex()
        h = spec_digest("pbvote/1/board-entry", fp, e["index"], e["kind"], payload_hash, previous)
        assert e["entry_hash"] == h.hex()
        previous = h
        entries.append(
            Entry(
                index=e["index"],
                kind=e["kind"],
                payload_hash=bytes.fromhex(e["payload_hash"]),
                previous_hash=bytes.fromhex(e["previous_hash"]),
                entry_hash=bytes.fromhex(e["entry_hash"]),
            )
        )
    head = Head(fp, v["head"]["size"], bytes.fromhex(v["head"]["head_hash"]))
    assert head == verify_chain(entries, fp)
    pk = bytes.fromhex(v["signer_public_key"])
    signature = bytes.fromhex(v["head_signature"])
    verify_head(pk, head, signature)
    message = spec_frame("pbvote/1/board-head", fp, head.size, head.head_hash)
    nacl.signing.VerifyKey(pk).verify(message, signature)
    key = signing_key_from_seed(bytes.fromhex(v["signer_seed"]))
    assert v["signer_public_key"] == key.public_key.hex()


# --- secret files -------------------------------------------------------------


@pytest.mark.parametrize("v", _vectors("secretbox"), ids=lambda v: v["purpose"])
def test_secretbox_vectors(v: dict[str, Any]) -> None:
    blob = bytes.fromhex(v["blob"])
    plaintext = bytes.fromhex(v["plaintext"])
    assert plaintext == unseal(v["passphrase"], blob, purpose=v["purpose"])
    # Independent construction from the byte layout in the spec.
    purpose = v["purpose"].encode()
    salt, nonce = bytes.fromhex(v["salt"]), bytes.fromhex(v["nonce"])
    header = (
        b"PBVSEC1"
        + b"\x01"
        + v["opslimit"].to_bytes(4, "big")
        + v["memlimit"].to_bytes(8, "big")
        + salt
        + bytes([len(purpose)])
        + purpose
        + nonce
    )
    k0 = argon2id.kdf(32, v["passphrase"].encode(), salt, opslimit=v["opslimit"], memlimit=v["memlimit"])
    key = spec_digest("pbvote/1/secret-file-key", k0, header)
    box = nacl.secret.SecretBox(key).encrypt(plaintext, nonce).ciphertext
    assert blob == header + box


def test_generator_is_in_sync() -> None:
    from tests.vectors._generate import gen_credentials

    assert 0 == gen_credentials.main([])
