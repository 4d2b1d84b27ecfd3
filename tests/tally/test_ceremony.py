"""Key ceremony: transcript round trip and tampering, share files, threshold decryption with the result."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import nacl.pwhash.argon2id as argon2id
import pytest

from ballot.ceremony_record import CeremonyRecord, load_ceremony, parse_ceremony, save_ceremony
from ballot.errors import InvalidCeremony, StorageError
from ballot.manifest import load_manifest
from ballot.manifest_model import Election
from ballot.storage import Store, save_election
from ballot.storage.record_files import save_record_file
from crypto import _group as g
from crypto import elgamal as eg
from crypto import threshold as th
from crypto.canonical import canonical_json
from crypto.dlog import dlog
from crypto.errors import DecryptionError, SecretFileError
from crypto.secretbox import KdfLimits
from tally.ceremony import (
    CeremonyError,
    TrusteeShare,
    read_share_file,
    run_in_room_ceremony,
    write_share_file,
)

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "manifests" / "minimal.toml"  # 3 trustees, k = 2
FAST = KdfLimits(argon2id.OPSLIMIT_MIN, argon2id.MEMLIMIT_MIN)
PASSPHRASE = "violet-harbour-ledger"


@pytest.fixture(scope="module")
def election() -> Election:
    return load_manifest(MINIMAL)


@pytest.fixture(scope="module")
def ceremony(election: Election) -> tuple[CeremonyRecord, list[TrusteeShare]]:
    return run_in_room_ceremony(election, 3, 2)


def doc_of(record: CeremonyRecord) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(record.to_canonical_bytes())
    return parsed


def test_transcript_round_trip_and_keys(election: Election, ceremony: tuple[CeremonyRecord, list[TrusteeShare]]) -> None:
    record, shares = ceremony
    data = record.to_canonical_bytes()
    assert record == parse_ceremony(data, election.fingerprint, 3, 2)
    doc = json.loads(data)
    assert ["commitments", "election", "format", "public_key", "trustees"] == sorted(doc)
    assert "pbvote-ceremony/1" == doc["format"]
    assert election.fingerprint.hex() == doc["election"]
    assert {"count": 3, "threshold": 2} == doc["trustees"]
    assert [1, 2, 3] == [t["trustee"] for t in doc["commitments"]]
    assert bytes(record.public_key).hex() == doc["public_key"]
    assert [1, 2, 3] == [s.trustee for s in shares]
    public = record.trustee_public_shares()
    for share in shares:
        assert public[share.trustee] == g.base_mul(share.secret) == share.public_share
        assert str(share.secret) not in repr(share)
        assert g.encode_scalar(share.secret).hex() not in data.decode()
    with pytest.raises(ValueError):
        record.public_share(4)


def test_progress_names_every_trustee_and_no_secret(election: Election) -> None:
    lines: list[str] = []
    record, shares = run_in_room_ceremony(election, 3, 2, progress=lines.append)
    text = "\n".join(lines)
    for j in (1, 2, 3):
        assert f"trustee {j} of 3" in text
    for share in shares:
        assert str(share.secret) not in text and g.encode_scalar(share.secret).hex() not in text
    assert record.public_key != g.IDENTITY


def test_ceremony_refuses_counts_other_than_the_manifest(election: Election) -> None:
    with pytest.raises(CeremonyError, match="3 trustees with threshold 2, not 4 with threshold 2"):
        run_in_room_ceremony(election, 4, 2)
    with pytest.raises(CeremonyError, match="not 3 with threshold 3"):
        run_in_room_ceremony(election, 3, 3)


def tampered(record: CeremonyRecord, edit: Any) -> bytes:
    doc = doc_of(record)
    edit(doc)
    return canonical_json(doc)


def _bump_z(doc: dict[str, Any]) -> None:
    proof = doc["commitments"][1]["proofs"][0]
    z = (int.from_bytes(bytes.fromhex(proof["z"]), "little") + 1) % g.L
    proof["z"] = g.encode_scalar(z).hex()


def _swap_commitment(doc: dict[str, Any]) -> None:
    doc["commitments"][0]["commitments"][1] = bytes(g.base_mul(12345)).hex()


def _relabel(doc: dict[str, Any]) -> None:
    """Replay trustee 1's commitments and proofs as trustee 2's (the context binds the index)."""
    first = doc["commitments"][0]
    doc["commitments"][1] = {**first, "trustee": 2}


def _reorder(doc: dict[str, Any]) -> None:
    doc["commitments"][0], doc["commitments"][1] = doc["commitments"][1], doc["commitments"][0]


def _other_key(doc: dict[str, Any]) -> None:
    doc["public_key"] = bytes(g.base_mul(7)).hex()


def _identity_commitment(doc: dict[str, Any]) -> None:
    doc["commitments"][2]["commitments"][0] = bytes(g.IDENTITY).hex()


def _drop_trustee(doc: dict[str, Any]) -> None:
    del doc["commitments"][2]


def _drop_proof(doc: dict[str, Any]) -> None:
    doc["commitments"][0]["proofs"].pop()


def _extra_member(doc: dict[str, Any]) -> None:
    doc["note"] = "hi"


def _upper_hex(doc: dict[str, Any]) -> None:
    doc["public_key"] = doc["public_key"].upper()


def _other_format(doc: dict[str, Any]) -> None:
    doc["format"] = "pbvote-ceremony/2"


@pytest.mark.parametrize(("edit", "message"), [
    (_bump_z, "trustee 2: a commitment proof does not verify"),
    (_swap_commitment, "trustee 1: a commitment proof does not verify"),
    (_relabel, "trustee 2: a commitment proof does not verify"),
    (_reorder, "trustee must be 1"),
    (_other_key, "public_key is not the sum"),
    (_identity_commitment, "not a valid point"),
    (_drop_trustee, "must list all 3 trustees"),
    (_drop_proof, "need exactly 2 proofs"),
    (_extra_member, "need exactly the members"),
    (_upper_hex, "64 lower-case hex digits"),
    (_other_format, "format must be 'pbvote-ceremony/1'"),
])
def test_tampered_transcript_rejected(election: Election, ceremony: tuple[CeremonyRecord, list[TrusteeShare]],
                                      edit: Any, message: str) -> None:
    data = tampered(ceremony[0], edit)
    with pytest.raises(InvalidCeremony, match=message) as info:
        parse_ceremony(data, election.fingerprint, 3, 2)
    assert str(info.value).startswith("ceremony.json: ")


def test_transcript_for_another_election_or_counts_rejected(
    election: Election, ceremony: tuple[CeremonyRecord, list[TrusteeShare]],
) -> None:
    data = ceremony[0].to_canonical_bytes()
    with pytest.raises(InvalidCeremony, match="transcript of another election"):
        parse_ceremony(data, b"\x01" * 32, 3, 2)
    with pytest.raises(InvalidCeremony, match="trustees must be"):
        parse_ceremony(data, election.fingerprint, 4, 2)
    with pytest.raises(InvalidCeremony, match="trustees must be"):
        parse_ceremony(data, election.fingerprint, 3, 3)
    # The same commitments relabelled for another election: the proofs bind F.
    doc = doc_of(ceremony[0])
    doc["election"] = "ab" * 32
    with pytest.raises(InvalidCeremony, match="does not verify"):
        parse_ceremony(canonical_json(doc), b"\xab" * 32, 3, 2)


def test_non_canonical_bytes_rejected(election: Election, ceremony: tuple[CeremonyRecord, list[TrusteeShare]]) -> None:
    pretty = json.dumps(doc_of(ceremony[0]), indent=1).encode()
    with pytest.raises(InvalidCeremony, match="not in canonical form"):
        parse_ceremony(pretty, election.fingerprint, 3, 2)
    with pytest.raises(InvalidCeremony, match="not valid JSON"):
        parse_ceremony(b"{", election.fingerprint, 3, 2)


def test_share_file_round_trip_and_wrong_passphrase(
    tmp_path: Path, election: Election, ceremony: tuple[CeremonyRecord, list[TrusteeShare]],
) -> None:
    record, shares = ceremony
    path = tmp_path / "trustee-2.share"
    write_share_file(path, shares[1], PASSPHRASE, limits=FAST)
    assert 0o600 == path.stat().st_mode & 0o777
    raw = path.read_bytes()
    assert g.encode_scalar(shares[1].secret).hex().encode() not in raw
    opened = read_share_file(path, PASSPHRASE, election.fingerprint, ceremony=record)
    assert (2, 3, 2, shares[1].secret) == (opened.trustee, opened.count, opened.threshold, opened.secret)
    assert election.fingerprint == opened.fingerprint
    with pytest.raises(SecretFileError, match="wrong passphrase") as info:
        read_share_file(path, PASSPHRASE + "x", election.fingerprint)
    assert str(path) in str(info.value) and PASSPHRASE not in str(info.value)
    with pytest.raises(FileExistsError, match="already exists"):
        write_share_file(path, shares[0], PASSPHRASE, limits=FAST)
    assert raw == path.read_bytes()


def test_share_for_another_election_or_ceremony_refused(
    tmp_path: Path, election: Election, ceremony: tuple[CeremonyRecord, list[TrusteeShare]],
) -> None:
    record, shares = ceremony
    path = tmp_path / "trustee-1.share"
    write_share_file(path, shares[0], PASSPHRASE, limits=FAST)
    with pytest.raises(CeremonyError, match="for another election") as info:
        read_share_file(path, PASSPHRASE, b"\x02" * 32)
    assert str(path) in str(info.value)
    other, _ = run_in_room_ceremony(election, 3, 2)
    with pytest.raises(CeremonyError, match="from another key ceremony"):
        read_share_file(path, PASSPHRASE, election.fingerprint, ceremony=other)
    # A share whose index is wrong for the ceremony (same key): X_j does not match.
    swapped = TrusteeShare(election.fingerprint, 2, 3, 2, record.public_key, shares[0].secret)
    wrong = tmp_path / "swapped.share"
    write_share_file(wrong, swapped, PASSPHRASE, limits=FAST)
    with pytest.raises(CeremonyError, match="does not match the stored ceremony"):
        read_share_file(wrong, PASSPHRASE, election.fingerprint, ceremony=record)


def test_share_file_with_other_purpose_or_damaged_plaintext_refused(
    tmp_path: Path, election: Election, ceremony: tuple[CeremonyRecord, list[TrusteeShare]],
) -> None:
    from ballot.secret_files import write_secret_file

    path = tmp_path / "kiosk.key"
    write_secret_file(path, PASSPHRASE, b"seed", "kiosk-key", limits=FAST)
    with pytest.raises(SecretFileError, match="kiosk-key"):
        read_share_file(path, PASSPHRASE, election.fingerprint)
    junk = tmp_path / "junk.share"
    write_secret_file(junk, PASSPHRASE, b'{"format":"pbvote-trustee-share/1"}', "trustee-share", limits=FAST)
    with pytest.raises(CeremonyError, match="damaged"):
        read_share_file(junk, PASSPHRASE, election.fingerprint)


def decrypt_with(record: CeremonyRecord, shares: dict[int, TrusteeShare], ct: eg.Ciphertext, bound: int) -> int:
    partials = {}
    for j, share in shares.items():
        partial = th.partial_decrypt(j, share.secret, ct, record.fingerprint, "test/sum")
        th.verify_partial(record.public_share(j), ct, partial, record.fingerprint, "test/sum")
        partials[j] = partial.share
    return dlog(th.combine_partials(ct, partials), bound)


def test_any_k_shares_decrypt_fewer_cannot(ceremony: tuple[CeremonyRecord, list[TrusteeShare]]) -> None:
    record, shares = ceremony
    by_index = {s.trustee: s for s in shares}
    ct, _ = eg.encrypt(record.public_key, 42)
    total = eg.add(ct, eg.encrypt(record.public_key, 17)[0])
    for subset in itertools.combinations(by_index, 2):
        assert 59 == decrypt_with(record, {j: by_index[j] for j in subset}, total, 1000)
    assert 59 == decrypt_with(record, by_index, total, 1000)  # all n also interpolate correctly
    for j in by_index:
        with pytest.raises(DecryptionError):
            decrypt_with(record, {j: by_index[j]}, total, 1000)


def test_larger_ceremony_every_k_subset(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("count = 3\nthreshold = 2", "count = 5\nthreshold = 3")
    manifest = tmp_path / "five.toml"
    manifest.write_text(text, encoding="utf-8")
    five = load_manifest(manifest)
    assert (5, 3) == (five.trustees, five.threshold)
    record, shares = run_in_room_ceremony(five, 5, 3)
    assert record == parse_ceremony(record.to_canonical_bytes(), five.fingerprint, 5, 3)
    by_index = {s.trustee: s for s in shares}
    ct, _ = eg.encrypt(record.public_key, 7)
    for subset in itertools.combinations(by_index, 3):
        assert 7 == decrypt_with(record, {j: by_index[j] for j in subset}, ct, 100)
    for pair in itertools.combinations(by_index, 2):
        with pytest.raises(DecryptionError):
            decrypt_with(record, {j: by_index[j] for j in pair}, ct, 100)


@pytest.fixture
def store(tmp_path: Path, election: Election) -> Store:
    store = Store(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    store.upgrade()
    with store.write() as session:
        save_election(session, election)
    return store


def test_save_and_load_ceremony(store: Store, election: Election,
                                ceremony: tuple[CeremonyRecord, list[TrusteeShare]]) -> None:
    record = ceremony[0]
    with store.read() as session, pytest.raises(StorageError, match="no key ceremony yet: run 'pbvote trustees"):
        load_ceremony(session)
    with store.write() as session:
        assert save_ceremony(session, record) is True
    with store.write() as session:
        assert save_ceremony(session, record) is False  # the same again: no-op
    other, _ = run_in_room_ceremony(election, 3, 2)
    with store.write() as session, pytest.raises(StorageError, match="different key ceremony"):
        save_ceremony(session, other)
    with store.read() as session:
        assert record == load_ceremony(session)
    store.close()


def test_load_ceremony_reverifies_stored_bytes(store: Store, ceremony: tuple[CeremonyRecord, list[TrusteeShare]]) -> None:
    with store.write() as session:
        save_record_file(session, "ceremony.json", tampered(ceremony[0], _bump_z))
    with store.read() as session, pytest.raises(InvalidCeremony, match=r"stored ceremony\.json: trustee 2"):
        load_ceremony(session)
    store.close()


def test_boolean_counts_are_not_integers(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("count = 3\nthreshold = 2", "count = 1\nthreshold = 1")
    manifest = tmp_path / "one.toml"
    manifest.write_text(text, encoding="utf-8")
    one = load_manifest(manifest)
    record, _ = run_in_room_ceremony(one, 1, 1)
    doc = doc_of(record)
    doc["trustees"] = {"count": True, "threshold": True}
    with pytest.raises(InvalidCeremony, match="trustees must be"):
        parse_ceremony(canonical_json(doc), one.fingerprint, 1, 1)
    doc = doc_of(record)
    doc["commitments"][0]["trustee"] = True
    with pytest.raises(InvalidCeremony, match="trustee must be 1"):
        parse_ceremony(canonical_json(doc), one.fingerprint, 1, 1)
