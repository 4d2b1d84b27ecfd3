"""``pbvote trustees ceremony --step``: three trustees at separate machines, files carried on a "USB stick"."""

from __future__ import annotations

import json
import shutil
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ballot.ceremony_record import load_ceremony, parse_ceremony
from ballot.manifest import load_manifest
from ballot.storage import Store
from crypto import elgamal as eg
from crypto import threshold as th
from crypto.canonical import canonical_json
from crypto.dlog import dlog
from tally.ceremony import read_share_file
from tally.ceremony_messages import SHARE_SECRET_FORMAT, hex_scalar, sign_share
from tally.ceremony_steps import load_commits, read_state_file
from tally.cli import main

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "manifests" / "minimal.toml"  # 3 trustees, k = 2
PASSPHRASES = {1: "amber-otter-quilt-1", 2: "basalt-heron-tune-2", 3: "cinder-moose-lamp-3"}
ELECTION = load_manifest(MINIMAL)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@dataclass
class Room:
    """Three machines' folders, the stick, and everything any command printed."""

    root: Path
    capsys: pytest.CaptureFixture[str]
    monkeypatch: pytest.MonkeyPatch
    printed: list[str] = field(default_factory=list)

    def machine(self, j: int) -> Path:
        return self.root / f"machine-{j}"

    @property
    def stick(self) -> Path:
        path = self.root / "stick"
        path.mkdir(exist_ok=True)
        return path

    def run(self, *argv: str) -> tuple[int, str, str]:
        status = main(list(argv))
        out, err = self.capsys.readouterr()
        self.printed += [out, err]
        return status, out, err

    def step(self, step: str, j: int, *extra: str) -> tuple[int, str, str]:
        """Trustee j's machine: only its own passphrase is in the environment."""
        for other in PASSPHRASES:
            self.monkeypatch.delenv(f"PBVOTE_PASSPHRASE_{other}", raising=False)
        self.monkeypatch.setenv("PBVOTE_PASSPHRASE", PASSPHRASES.get(j, "some-passphrase"))
        inbox = () if step == "commit" else ("--in", str(self.stick))
        return self.run("trustees", "ceremony", "--step", step, "--trustee", str(j), "--election", str(MINIMAL),
                        *inbox, "--out", str(self.machine(j)), *extra)

    def carry(self, j: int, pattern: str) -> None:
        for path in self.machine(j).glob(pattern):
            shutil.copy(path, self.stick / path.name)

    def commits(self) -> None:
        for j in (1, 2, 3):
            assert 0 == self.step("commit", j)[0]
            self.carry(j, "*.commit.json")

    def shares(self) -> None:
        for j in (1, 2, 3):
            status, _, err = self.step("shares", j)
            assert 0 == status, err
            self.carry(j, "*.share.json")


@pytest.fixture
def room(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Room:
    return Room(tmp_path, capsys, monkeypatch)


@posix_only
def test_separate_machines_give_one_transcript_and_working_shares(room: Room, tmp_path: Path) -> None:
    room.commits()
    for j in (1, 2, 3):
        assert 0o600 == stat.S_IMODE((room.machine(j) / f"trustee-{j}.ceremony-state").stat().st_mode)
    room.shares()
    outputs = {}
    for j in (1, 2, 3):
        status, out, err = room.step("finish", j)
        assert (0, "") == (status, err)
        outputs[j] = out
        assert "share from trustee" in out  # progress lines
    transcripts = {(room.machine(j) / "ceremony.json").read_bytes() for j in (1, 2, 3)}
    assert 1 == len(transcripts)
    data = transcripts.pop()
    record = parse_ceremony(data, ELECTION.fingerprint, 3, 2)
    room.carry(1, "ceremony.json")

    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    assert 0 == room.run("election", "init", str(MINIMAL), "--db", url)[0]
    status, out, err = room.run("trustees", "ceremony", "--step", "store", "--in", str(room.stick), "--db", url)
    assert (0, "") == (status, err)
    assert f"joint election public key: {bytes(record.public_key).hex()}" in out
    store = Store(url)
    with store.read() as session:
        assert record == load_ceremony(session)
    store.close()
    status, out, _ = room.run("trustees", "ceremony", "--step", "store", "--in", str(room.stick), "--db", url)
    assert 0 == status and "already stored" in out

    shares = {}
    for j in (1, 2, 3):
        path = room.machine(j) / f"trustee-{j}.share"
        assert 0o600 == stat.S_IMODE(path.stat().st_mode)
        shares[j] = read_share_file(path, PASSPHRASES[j], ELECTION.fingerprint, ceremony=record)
    ct, _ = eg.encrypt(record.public_key, 12)
    partials = {j: th.partial_decrypt(j, shares[j].secret, ct, ELECTION.fingerprint, "t").share for j in (1, 3)}
    assert 12 == dlog(th.combine_partials(ct, partials), 20)

    # No secret in any output or public file.
    public = "".join(p.read_text() for p in room.stick.iterdir())
    public += "".join(p.read_text() for j in (1, 2, 3) for p in room.machine(j).glob("*.json"))
    seen = "\n".join(room.printed) + public
    for j in (1, 2, 3):
        state = read_state_file(room.machine(j) / f"trustee-{j}.ceremony-state", PASSPHRASES[j], ELECTION, j)
        secrets = [PASSPHRASES[j], hex_scalar(shares[j].secret), str(shares[j].secret),
                   state.signing.secret_seed().hex(), state.box.secret_bytes().hex()]
        secrets += [hex_scalar(a) for a in state.polynomial.coefficients]
        secrets += [str(a) for a in state.polynomial.coefficients]
        secrets += [hex_scalar(th.share_for(state.polynomial, t)) for t in (1, 2, 3)]
        for secret in secrets:
            assert secret not in seen


def test_a_wrong_share_names_its_sender(room: Room) -> None:
    room.commits()
    room.shares()
    # Trustee 3 signs a share for trustee 1 that is not f_3(1).
    state = read_state_file(room.machine(3) / "trustee-3.ceremony-state", PASSPHRASES[3], ELECTION, 3)
    commits = load_commits(room.stick, ELECTION)
    plain = canonical_json({"format": SHARE_SECRET_FORMAT, "election": ELECTION.fingerprint.hex(), "from": 3,
                            "to": 1, "share": hex_scalar(th.share_for(state.polynomial, 1) + 1)})
    from crypto.sealed import seal_to

    bad = sign_share(state.signing, ELECTION.fingerprint, 3, 1, commits.digest,
                     seal_to(commits.of(1).box_key, plain))
    (room.stick / "trustee-3-to-1.share.json").write_bytes(bad.to_canonical_bytes())
    status, _, err = room.step("finish", 1)
    assert 1 == status
    assert "trustee 3's share does not match their commitments" in err
    assert not (room.machine(1) / "trustee-1.share").exists()
    assert not (room.machine(1) / "ceremony.json").exists()
    assert 0 == room.step("finish", 2)[0]  # trustee 2 is unaffected


def test_altered_share_message_and_forged_commit_are_refused(room: Room) -> None:
    room.commits()
    room.shares()
    path = room.stick / "trustee-2-to-3.share.json"
    doc = json.loads(path.read_bytes())
    doc["ciphertext"] = doc["ciphertext"][:-2] + ("00" if doc["ciphertext"][-2:] != "00" else "01")
    path.write_bytes(canonical_json(doc))
    status, _, err = room.step("finish", 3)
    assert 1 == status and "trustee 2's signature does not verify" in err

    # Someone swaps trustee 1's box key on the stick, to read the shares sent to trustee 1.
    commit = room.stick / "trustee-1.commit.json"
    doc = json.loads(commit.read_bytes())
    doc["box_key"] = json.loads((room.stick / "trustee-2.commit.json").read_bytes())["box_key"]
    commit.write_bytes(canonical_json(doc))
    for old in room.machine(2).glob("*.share.json"):
        old.unlink()
    status, _, err = room.step("shares", 2)  # trustee 2 deals again from the altered stick
    assert 1 == status and "trustee-1.commit.json: trustee 1's signature does not verify" in err
    assert [] == list(room.machine(2).glob("*.share.json"))


def test_a_share_for_another_trustee_cannot_be_used(room: Room) -> None:
    room.commits()
    room.shares()
    shutil.copy(room.stick / "trustee-2-to-3.share.json", room.stick / "trustee-2-to-1.share.json")
    status, _, err = room.step("finish", 1)
    assert 1 == status
    assert "from trustee 2 to trustee 3, not from trustee 2 to trustee 1" in err


def test_nothing_is_overwritten_and_wrong_passphrase_refused(room: Room) -> None:
    room.commits()
    before = (room.machine(1) / "trustee-1.ceremony-state").read_bytes()
    status, _, err = room.step("commit", 1)
    assert 1 == status and "already exists; refusing to overwrite it" in err
    assert before == (room.machine(1) / "trustee-1.ceremony-state").read_bytes()
    room.monkeypatch.setenv("PBVOTE_PASSPHRASE_1", "not-the-passphrase")  # the per-trustee variable wins
    status = main(["trustees", "ceremony", "--step", "shares", "--trustee", "1", "--election", str(MINIMAL),
                   "--in", str(room.stick), "--out", str(room.machine(1))])
    _, err = room.capsys.readouterr()
    assert 1 == status and "wrong passphrase or damaged file" in err
    assert "not-the-passphrase" not in err


def test_missing_commit_message_is_named(room: Room) -> None:
    assert 0 == room.step("commit", 1)[0]
    room.carry(1, "*.commit.json")
    status, _, err = room.step("shares", 1)
    assert 1 == status and "trustee-2.commit.json: missing" in err


def test_flags_are_checked(room: Room) -> None:
    status, _, err = room.run("trustees", "ceremony", "--step", "shares", "--trustee", "1", "--out", "x")
    assert 2 == status and "--step shares needs --in" in err
    status, _, err = room.run("trustees", "ceremony", "--out", "x")
    assert 2 == status and "required: --trustees, --threshold" in err
    status, _, err = room.run("trustees", "ceremony", "--trustees", "3", "--threshold", "2", "--out", "x",
                              "--trustee", "1")
    assert 2 == status and "--trustee needs --step" in err
    status, _, err = room.step("commit", 4)
    assert 1 == status and "trustees 1..3" in err
    status, _, err = room.step("commit", 1, "--trustees", "4")
    assert 1 == status and "do not match the election manifest" in err
