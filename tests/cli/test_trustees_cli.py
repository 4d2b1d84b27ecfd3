"""``pbvote trustees ceremony``: files, modes, exit codes, stored transcript, no secret in any output."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest

from ballot.ceremony_record import load_ceremony
from ballot.errors import StorageError
from ballot.manifest import load_manifest
from ballot.storage import Store
from tally.ceremony import TrusteeShare, read_share_file, write_share_file
from tally.cli import _common, main

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "manifests" / "minimal.toml"  # 3 trustees, k = 2
PASSPHRASES = {1: "amber-otter-quilt-1", 2: "basalt-heron-tune-2", 3: "cinder-moose-lamp-3"}

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    """A database holding the minimal election (3 trustees, threshold 2)."""
    monkeypatch.setenv("PBVOTE_BOARD_PASSPHRASE", "board-passphrase-for-tests")
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    assert 0 == run(capsys, "election", "init", str(MINIMAL), "--db", url)[0]
    return url


@pytest.fixture
def passphrases(monkeypatch: pytest.MonkeyPatch) -> dict[int, str]:
    for j, value in PASSPHRASES.items():
        monkeypatch.setenv(f"PBVOTE_PASSPHRASE_{j}", value)
    return PASSPHRASES


def ceremony(capsys: pytest.CaptureFixture[str], db: str, out: Path, n: int = 3, k: int = 2) -> tuple[int, str, str]:
    return run(capsys, "trustees", "ceremony", "--trustees", str(n), "--threshold", str(k), "--out", str(out),
               "--db", db)


@posix_only
def test_ceremony_writes_private_shares_and_stores_transcript(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str, passphrases: dict[int, str],
) -> None:
    out_dir = tmp_path / "ceremony"
    status, out, err = ceremony(capsys, db, out_dir)
    assert (0, "") == (status, err)
    store = Store(db)
    with store.read() as session:
        record = load_ceremony(session)
    store.close()
    assert f"joint election public key: {bytes(record.public_key).hex()}" in out
    for j in (1, 2, 3):
        assert f"trustee {j} of 3" in out
        path = out_dir / f"trustee-{j}.share"
        assert str(path) in out
        assert 0o600 == stat.S_IMODE(path.stat().st_mode)
        share = read_share_file(path, passphrases[j], record.fingerprint, ceremony=record)
        assert j == share.trustee
        for secret_text in (str(share.secret), share.secret.to_bytes(32, "little").hex()):
            assert secret_text not in out + err
        assert passphrases[j] not in out + err
    assert record.to_canonical_bytes() == (out_dir / "ceremony.json").read_bytes()
    assert "pbvote-ceremony/1" == json.loads((out_dir / "ceremony.json").read_bytes())["format"]


def test_second_ceremony_refused_and_nothing_overwritten(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str, passphrases: dict[int, str],
) -> None:
    first = tmp_path / "first"
    assert 0 == ceremony(capsys, db, first)[0]
    before = {p.name: p.read_bytes() for p in first.iterdir()}
    status, out, err = ceremony(capsys, db, first)
    assert (1, "") == (status, out)
    assert "a key ceremony is already stored in this database" in err
    assert 1 == len(err.strip().splitlines())
    status, _, err = ceremony(capsys, db, tmp_path / "second")
    assert 1 == status and "already stored" in err
    assert not (tmp_path / "second").exists() or not any((tmp_path / "second").iterdir())
    assert before == {p.name: p.read_bytes() for p in first.iterdir()}


def test_existing_share_file_is_never_overwritten(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str, passphrases: dict[int, str],
) -> None:
    out_dir = tmp_path / "c"
    out_dir.mkdir()
    (out_dir / "trustee-2.share").write_bytes(b"precious")
    status, _, err = ceremony(capsys, db, out_dir)
    assert 1 == status
    assert f"{out_dir / 'trustee-2.share'}: already exists; refusing to overwrite it" in err
    assert b"precious" == (out_dir / "trustee-2.share").read_bytes()
    assert ["trustee-2.share"] == sorted(p.name for p in out_dir.iterdir())
    store = Store(db)
    with store.read() as session, pytest.raises(StorageError, match="no key ceremony yet"):
        load_ceremony(session)
    store.close()


def test_failure_while_writing_undoes_files_and_stored_transcript(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str, passphrases: dict[int, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = write_share_file
    calls: list[int] = []

    def failing_third(path: Path, share: object, passphrase: str) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise OSError(f"{path}: No space left on device")
        assert isinstance(share, TrusteeShare)
        real(path, share, passphrase)

    monkeypatch.setattr("tally.cli._trustees.write_share_file", failing_third)
    out_dir = tmp_path / "c"
    status, _, err = ceremony(capsys, db, out_dir)
    assert 1 == status and "No space left on device" in err
    assert [] == list(out_dir.iterdir())
    store = Store(db)
    with store.read() as session, pytest.raises(StorageError, match="no key ceremony yet"):
        load_ceremony(session)
    store.close()
    monkeypatch.setattr("tally.cli._trustees.write_share_file", real)
    assert 0 == ceremony(capsys, db, out_dir)[0]  # a clean retry succeeds


def test_counts_must_match_the_manifest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str, passphrases: dict[int, str],
) -> None:
    status, _, err = ceremony(capsys, db, tmp_path / "c", n=4, k=2)
    assert 1 == status
    assert "--trustees 4 --threshold 2 do not match the election manifest" in err
    assert "3 trustees with threshold 2" in err
    assert not (tmp_path / "c").exists()


def test_missing_or_empty_passphrase_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PBVOTE_PASSPHRASE_1", "one-passphrase")
    monkeypatch.setenv("PBVOTE_PASSPHRASE_2", "two-passphrase")
    monkeypatch.delenv("PBVOTE_PASSPHRASE_3", raising=False)
    monkeypatch.setattr(_common, "interactive", lambda: False)
    status, out, err = ceremony(capsys, db, tmp_path / "c")
    assert 1 == status
    assert "no passphrase for trustee 3 of 3: set $PBVOTE_PASSPHRASE_3" in err
    assert "one-passphrase" not in out + err
    monkeypatch.setenv("PBVOTE_PASSPHRASE_3", "")
    status, _, err = ceremony(capsys, db, tmp_path / "c")
    assert 1 == status
    assert "$PBVOTE_PASSPHRASE_3 is empty" in err
    assert [] == list((tmp_path / "c").iterdir())


def test_passphrases_typed_twice_at_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    for j in (1, 2, 3):
        monkeypatch.delenv(f"PBVOTE_PASSPHRASE_{j}", raising=False)
    # Trustee 1 types an empty one, then a mismatch, then agrees; trustees 2 and 3 agree at once.
    typed = iter(["", "t1-pass", "t1-typo", "t1-pass", "t1-pass", "t2-pass", "t2-pass", "t3-pass", "t3-pass"])
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr(_common, "interactive", lambda: True)
    monkeypatch.setattr("getpass.getpass", fake_getpass)
    status, out, err = ceremony(capsys, db, tmp_path / "c")
    assert 0 == status, err
    assert "cannot be empty" in err and "differ" in err
    assert 9 == len(prompts) and "Trustee 1 of 3" in prompts[0] and "again" in prompts[2]
    election = load_manifest(MINIMAL)
    share = read_share_file(tmp_path / "c" / "trustee-1.share", "t1-pass", election.fingerprint)
    assert 1 == share.trustee
    assert "t1-pass" not in out + err


def test_no_election_in_the_database(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                     passphrases: dict[int, str]) -> None:
    status, _, err = ceremony(capsys, f"sqlite:///{tmp_path / 'empty.sqlite3'}", tmp_path / "c")
    assert 1 == status
    assert "holds no election" in err


def test_help_names_the_passphrase_variables(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["trustees", "ceremony", "--help"])
    assert 0 == info.value.code
    assert "PBVOTE_PASSPHRASE_<j>" in capsys.readouterr().out
