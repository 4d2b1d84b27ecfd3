"""Secret files on disk: private mode, atomic writes, no silent overwrite, clear errors."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import nacl.pwhash.argon2id as argon2id
import pytest

from ballot.secret_files import read_secret_file, write_secret_file
from crypto.errors import SecretFileError
from crypto.secretbox import KdfLimits

FAST = KdfLimits(argon2id.OPSLIMIT_MIN, argon2id.MEMLIMIT_MIN)
PASSPHRASE = "tr0mbone-lantern-quiet"
DATA = b"kiosk signing seed 0123456789abcdef0123456789abcdef"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.key"
    write_secret_file(path, PASSPHRASE, DATA, "kiosk-key", limits=FAST)
    assert DATA == read_secret_file(path, PASSPHRASE, "kiosk-key")
    assert DATA not in path.read_bytes()


@posix_only
def test_mode_0600_even_with_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        path = tmp_path / "share.sec"
        write_secret_file(path, PASSPHRASE, DATA, "trustee-share", limits=FAST)
    finally:
        os.umask(old)
    assert 0o600 == stat.S_IMODE(path.stat().st_mode)


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "share.sec"
    write_secret_file(path, PASSPHRASE, DATA, "trustee-share", limits=FAST)
    before = path.read_bytes()
    with pytest.raises(FileExistsError, match=r"share\.sec"):
        write_secret_file(path, PASSPHRASE, b"other", "trustee-share", limits=FAST)
    assert before == path.read_bytes()
    assert [path] == list(tmp_path.iterdir())


def test_refuses_to_overwrite_any_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"precious")
    with pytest.raises(FileExistsError):
        write_secret_file(path, PASSPHRASE, DATA, "trustee-share", limits=FAST)
    assert b"precious" == path.read_bytes()


def test_overwrite_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "share.sec"
    write_secret_file(path, PASSPHRASE, DATA, "trustee-share", limits=FAST)
    write_secret_file(path, "new passphrase", b"new", "trustee-share", overwrite=True, limits=FAST)
    assert b"new" == read_secret_file(path, "new passphrase", "trustee-share")
    assert [path] == list(tmp_path.iterdir())


def test_failed_write_leaves_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "share.sec"
    write_secret_file(path, PASSPHRASE, DATA, "trustee-share", limits=FAST)
    before = path.read_bytes()

    def crash(*_args: object) -> None:
        raise OSError("simulated power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="simulated"):
        write_secret_file(path, PASSPHRASE, b"new", "trustee-share", overwrite=True, limits=FAST)
    assert before == path.read_bytes()
    assert [path] == list(tmp_path.iterdir())


def test_without_hard_links_still_refuses_and_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_args: object) -> None:
        raise PermissionError("operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "usb.sec"
    write_secret_file(path, PASSPHRASE, DATA, "trustee-share", limits=FAST)
    assert DATA == read_secret_file(path, PASSPHRASE, "trustee-share")
    with pytest.raises(FileExistsError):
        write_secret_file(path, PASSPHRASE, b"other", "trustee-share", limits=FAST)
    assert DATA == read_secret_file(path, PASSPHRASE, "trustee-share")
    assert [path] == list(tmp_path.iterdir())
    if sys.platform != "win32":
        assert 0o600 == stat.S_IMODE(path.stat().st_mode)


def test_wrong_passphrase_names_file_not_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "share.sec"
    write_secret_file(path, PASSPHRASE, DATA, "trustee-share", limits=FAST)
    with pytest.raises(SecretFileError) as info:
        read_secret_file(path, "Wrong-" + PASSPHRASE, "trustee-share")
    message = str(info.value)
    assert f"{path}: wrong passphrase or damaged file" == message
    assert PASSPHRASE not in message


def test_damaged_file_same_message(tmp_path: Path) -> None:
    path = tmp_path / "share.sec"
    write_secret_file(path, PASSPHRASE, DATA, "trustee-share", limits=FAST)
    blob = bytearray(path.read_bytes())
    blob[-1] ^= 1
    path.write_bytes(bytes(blob))
    with pytest.raises(SecretFileError, match=r"share\.sec: wrong passphrase or damaged file"):
        read_secret_file(path, PASSPHRASE, "trustee-share")


def test_wrong_purpose_names_file(tmp_path: Path) -> None:
    path = tmp_path / "share.sec"
    write_secret_file(path, PASSPHRASE, DATA, "trustee-share", limits=FAST)
    with pytest.raises(SecretFileError, match=r"share\.sec: this file holds a 'trustee-share'"):
        read_secret_file(path, PASSPHRASE, "kiosk-key")


def test_missing_file_names_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as info:
        read_secret_file(tmp_path / "absent.sec", PASSPHRASE, "kiosk-key")
    assert "absent.sec" in str(info.value)


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_secret_file(tmp_path / "no" / "x.sec", PASSPHRASE, DATA, "kiosk-key", limits=FAST)


def test_empty_passphrase_names_file(tmp_path: Path) -> None:
    with pytest.raises(SecretFileError, match=r"x\.sec: the passphrase must be non-empty"):
        write_secret_file(tmp_path / "x.sec", "", DATA, "kiosk-key", limits=FAST)
    assert [] == list(tmp_path.iterdir())


def test_accepts_str_paths(tmp_path: Path) -> None:
    path = str(tmp_path / "s.sec")
    write_secret_file(path, PASSPHRASE, DATA, "kiosk-key", limits=FAST)
    assert DATA == read_secret_file(path, PASSPHRASE, "kiosk-key")
