"""Key ceremony at separate machines (library level): messages, faults named by sender, same transcript format."""

from __future__ import annotations

import json
from pathlib import Path

import nacl.pwhash.argon2id as argon2id
import pytest

from ballot.ceremony_record import CeremonyRecord, parse_ceremony
from ballot.manifest import load_manifest
from ballot.manifest_model import Election
from crypto import _group as g
from crypto import elgamal as eg
from crypto import threshold as th
from crypto.canonical import canonical_json
from crypto.dlog import dlog
from crypto.errors import EncodingError, SecretFileError, UnsealError
from crypto.sealed import generate_box_key, open_sealed, seal_to
from crypto.secretbox import KdfLimits
from tally.ceremony import CeremonyError, TrusteeShare
from tally.ceremony_messages import (
    SHARE_SECRET_FORMAT,
    CommitMessage,
    ShareMessage,
    commit_file_name,
    hex_scalar,
    share_message_name,
    sign_share,
)
from tally.ceremony_steps import (
    CommitSet,
    TrusteeFault,
    TrusteeState,
    begin,
    deal_shares,
    load_commits,
    read_state_file,
    receive_shares,
    share_message_paths,
    write_state_file,
)

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "manifests" / "minimal.toml"  # 3 trustees, k = 2
FAST = KdfLimits(argon2id.OPSLIMIT_MIN, argon2id.MEMLIMIT_MIN)


@pytest.fixture(scope="module")
def election() -> Election:
    return load_manifest(MINIMAL)


Started = tuple[list[TrusteeState], list[CommitMessage]]


def start(election: Election, folder: Path) -> Started:
    states, messages = [], []
    for j in (1, 2, 3):
        state, message = begin(election, j)
        (folder / commit_file_name(j)).write_bytes(message.to_canonical_bytes())
        states.append(state)
        messages.append(message)
    return states, messages


def deal_all(election: Election, folder: Path, states: list[TrusteeState]) -> CommitSet:
    commits = load_commits(folder, election)
    for state in states:
        for m in deal_shares(state, commits):
            (folder / share_message_name(m.sender, m.recipient)).write_bytes(m.to_canonical_bytes())
    return commits


def finish(folder: Path, state: TrusteeState, commits: CommitSet) -> tuple[CeremonyRecord, TrusteeShare]:
    paths = share_message_paths(folder, state.trustee, state.count)
    return receive_shares(state, commits, [(p.read_bytes(), str(p)) for p in paths])


def test_three_trustees_agree_and_any_two_decrypt(election: Election, tmp_path: Path) -> None:
    states, _ = start(election, tmp_path)
    commits = deal_all(election, tmp_path, states)
    results = [finish(tmp_path, s, commits) for s in states]
    transcripts = {r.to_canonical_bytes() for r, _ in results}
    assert 1 == len(transcripts)  # identical bytes on every machine
    record = parse_ceremony(transcripts.pop(), election.fingerprint, 3, 2)
    shares = {s.trustee: s for _, s in results}
    assert record.trustee_public_shares() == {j: s.public_share for j, s in shares.items()}
    ct, _ = eg.encrypt(record.public_key, 7)
    for pair in ((1, 2), (1, 3), (2, 3)):
        partials = {j: th.partial_decrypt(j, shares[j].secret, ct, election.fingerprint, "test") for j in pair}
        for j, p in partials.items():
            th.verify_partial(record.public_share(j), ct, p, election.fingerprint, "test")
        assert 7 == dlog(th.combine_partials(ct, {j: p.share for j, p in partials.items()}), 10)


def test_no_secret_in_reprs_or_public_messages(election: Election, tmp_path: Path) -> None:
    states, _ = start(election, tmp_path)
    deal_all(election, tmp_path, states)
    public = "".join(p.read_text() for p in tmp_path.iterdir())
    for state in states:
        secrets = [hex_scalar(a) for a in state.polynomial.coefficients]
        secrets += [str(a) for a in state.polynomial.coefficients]
        secrets += [state.signing.secret_seed().hex(), state.box.secret_bytes().hex()]
        secrets += [hex_scalar(th.share_for(state.polynomial, t)) for t in (1, 2, 3)]
        for secret in secrets:
            assert secret not in public
            assert secret not in repr(state)


def test_state_file_round_trip_and_wrong_passphrase(election: Election, tmp_path: Path) -> None:
    state, _ = begin(election, 2)
    path = tmp_path / "s"
    write_state_file(path, state, "pass-two", limits=FAST)
    back = read_state_file(path, "pass-two", election, 2)
    assert back.polynomial == state.polynomial and back.signing == state.signing and back.box == state.box
    with pytest.raises(SecretFileError, match="wrong passphrase"):
        read_state_file(path, "pass-one", election, 2)
    with pytest.raises(CeremonyError, match="not trustee 1's"):
        read_state_file(path, "pass-two", election, 1)
    with pytest.raises(FileExistsError):
        write_state_file(path, state, "pass-two", limits=FAST)


def forge_share(election: Election, sender: TrusteeState, recipient: int, box_key: bytes, share: int,
                commits: CommitSet) -> ShareMessage:
    plain = canonical_json({"format": SHARE_SECRET_FORMAT, "election": election.fingerprint.hex(),
                            "from": sender.trustee, "to": recipient, "share": hex_scalar(share)})
    return sign_share(sender.signing, election.fingerprint, sender.trustee, recipient, commits.digest,
                      seal_to(box_key, plain))


def test_wrong_share_names_its_sender(election: Election, tmp_path: Path) -> None:
    states, _ = start(election, tmp_path)
    commits = deal_all(election, tmp_path, states)
    bad = forge_share(election, states[2], 1, commits.of(1).box_key,
                      (th.share_for(states[2].polynomial, 1) + 1) % g.L, commits)
    (tmp_path / share_message_name(3, 1)).write_bytes(bad.to_canonical_bytes())
    with pytest.raises(TrusteeFault, match="trustee 3's share does not match their commitments") as info:
        finish(tmp_path, states[0], commits)
    assert 3 == info.value.trustee
    finish(tmp_path, states[1], commits)  # trustee 2 is unaffected


def test_share_sealed_to_another_trustee_cannot_be_used(election: Election, tmp_path: Path) -> None:
    states, _ = start(election, tmp_path)
    commits = deal_all(election, tmp_path, states)
    # Trustee 2 signs a message to 1 whose box is trustee 3's share, sealed to trustee 3's key.
    wrong = forge_share(election, states[1], 1, commits.of(3).box_key, th.share_for(states[1].polynomial, 3),
                        commits)
    (tmp_path / share_message_name(2, 1)).write_bytes(wrong.to_canonical_bytes())
    with pytest.raises(TrusteeFault, match="trustee 2's share cannot be opened with trustee 1's key") as info:
        finish(tmp_path, states[0], commits)
    assert 2 == info.value.trustee
    # The message to trustee 3 copied under trustee 1's name is refused by its addressing.
    (tmp_path / share_message_name(2, 1)).write_bytes((tmp_path / share_message_name(2, 3)).read_bytes())
    with pytest.raises(CeremonyError, match="from trustee 2 to trustee 3, not from trustee 2 to trustee 1"):
        finish(tmp_path, states[0], commits)


def test_altered_messages_fail_their_signature(election: Election, tmp_path: Path) -> None:
    states, messages = start(election, tmp_path)
    commits = deal_all(election, tmp_path, states)
    path = tmp_path / share_message_name(3, 2)
    doc = json.loads(path.read_bytes())
    doc["ciphertext"] = ("0" if doc["ciphertext"][0] != "0" else "1") + doc["ciphertext"][1:]
    path.write_bytes(canonical_json(doc))
    with pytest.raises(CeremonyError, match="trustee 3's signature does not verify"):
        finish(tmp_path, states[1], commits)
    # A commit message re-signed by someone else's key: its own signature no longer verifies.
    doc = json.loads(messages[1].to_canonical_bytes())
    doc["signing_key"] = messages[0].signing_key.hex()
    (tmp_path / commit_file_name(2)).write_bytes(canonical_json(doc))
    with pytest.raises(CeremonyError, match="trustee 2's signature does not verify"):
        load_commits(tmp_path, election)


def test_commit_with_bad_proof_names_the_trustee(election: Election, tmp_path: Path) -> None:
    states, messages = start(election, tmp_path)
    m = messages[1]
    # Trustee 2 signs commitments whose proofs were made for trustee 1's position.
    swapped = th.TrusteeCommitments(2, messages[0].published.commitments, messages[0].published.proofs)
    from tally.ceremony_messages import sign_commit

    forged = sign_commit(states[1].signing, election.fingerprint, 3, 2, swapped, m.box_key)
    (tmp_path / commit_file_name(2)).write_bytes(forged.to_canonical_bytes())
    with pytest.raises(TrusteeFault, match="trustee 2's commitment proofs do not verify") as info:
        load_commits(tmp_path, election)
    assert 2 == info.value.trustee


def test_senders_must_have_seen_the_same_commit_messages(election: Election, tmp_path: Path) -> None:
    states, _ = start(election, tmp_path)
    commits = deal_all(election, tmp_path, states)
    other = CommitSet(commits.messages, bytes(32))
    bad = forge_share(election, states[1], 1, commits.of(1).box_key, th.share_for(states[1].polynomial, 1), other)
    (tmp_path / share_message_name(2, 1)).write_bytes(bad.to_canonical_bytes())
    with pytest.raises(CeremonyError, match="trustee 2 worked from other commit messages"):
        finish(tmp_path, states[0], commits)


def test_own_commit_message_must_match_the_state(election: Election, tmp_path: Path) -> None:
    states, _ = start(election, tmp_path)
    impostor, message = begin(election, 1)
    (tmp_path / commit_file_name(1)).write_bytes(message.to_canonical_bytes())
    commits = load_commits(tmp_path, election)
    with pytest.raises(CeremonyError, match="not the one this trustee's step 1 made"):
        deal_shares(states[0], commits)
    assert impostor.trustee == 1


def test_sealed_box_recipe() -> None:
    alice, bob = generate_box_key(), generate_box_key()
    blob = seal_to(alice.public_key, b"f(2)")
    assert b"f(2)" == open_sealed(alice, blob)
    with pytest.raises(UnsealError):
        open_sealed(bob, blob)
    with pytest.raises(UnsealError):
        open_sealed(alice, blob[:-1] + bytes([blob[-1] ^ 1]))
    with pytest.raises(EncodingError):
        seal_to(bytes(32), b"x")  # small order
    assert alice.secret_bytes().hex() not in repr(alice)
