"""Officials' and attendants' passphrases: Argon2id hashes, lockout after five failures, every attempt audited.

The clock is injected: the lockout's expiry is tested by moving ``now``,
and its persistence by opening the database afresh (a restarted console).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ballot.audit import read_audit_log
from ballot.officials import (
    Denied,
    Granted,
    LockedOut,
    OfficialsError,
    authenticate,
    has_passphrase,
    set_passphrase,
)
from ballot.storage import Store

PASSPHRASE = "the officials' own passphrase 7"
NOW = datetime(2027, 3, 1, 9, 0, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("PBVOTE_KDF", "interactive")
    store = Store(f"sqlite:///{tmp_path / 'o.sqlite3'}")
    store.upgrade()
    with store.write() as s:
        set_passphrase(s, "official", PASSPHRASE)
    return store


def test_the_right_passphrase_is_granted_and_only_a_hash_is_stored(store: Store, tmp_path: Path) -> None:
    assert Granted() == authenticate(store, "official", PASSPHRASE, NOW)
    with store.read() as s:
        assert has_passphrase(s, "official")
        assert not has_passphrase(s, "attendant")
    store.close()
    raw = (tmp_path / "o.sqlite3").read_bytes() + (tmp_path / "o.sqlite3-wal").read_bytes() \
        if (tmp_path / "o.sqlite3-wal").exists() else (tmp_path / "o.sqlite3").read_bytes()
    assert PASSPHRASE.encode() not in raw
    assert b"$argon2id$" in raw


def test_roles_have_separate_passphrases(store: Store) -> None:
    with store.write() as s:
        set_passphrase(s, "attendant", "the attendants' passphrase")
    assert Granted() == authenticate(store, "attendant", "the attendants' passphrase", NOW)
    assert Denied(4) == authenticate(store, "attendant", PASSPHRASE, NOW)
    assert Granted() == authenticate(store, "official", PASSPHRASE, NOW)


def test_five_failures_lock_the_role_for_five_minutes_across_restarts(store: Store) -> None:
    results = [authenticate(store, "official", f"wrong guess {n}", NOW) for n in range(5)]
    until = NOW + timedelta(minutes=5)
    assert [Denied(4), Denied(3), Denied(2), Denied(1), LockedOut(until)] == results
    restarted = Store(store.url)  # a new console process: the lock is in the database
    assert LockedOut(until) == authenticate(restarted, "official", PASSPHRASE, NOW + timedelta(minutes=4))
    assert Granted() == authenticate(restarted, "official", PASSPHRASE, until)
    assert Denied(4) == authenticate(restarted, "official", "wrong again", until)


def test_a_success_resets_the_counter(store: Store) -> None:
    for _ in range(4):
        authenticate(store, "official", "nope, not it", NOW)
    assert Granted() == authenticate(store, "official", PASSPHRASE, NOW)
    assert Denied(4) == authenticate(store, "official", "nope, not it", NOW)


def test_every_attempt_is_audited_without_the_passphrase(store: Store) -> None:
    for n in range(5):
        authenticate(store, "official", f"secret wrong {n}", NOW)
    authenticate(store, "official", PASSPHRASE, NOW + timedelta(minutes=1))
    with store.read() as s:
        log = read_audit_log(s)
    assert [("auth-passphrase-set", "success")] + [("auth-login", "failure")] * 5 + [
        ("auth-lockout", "success"), ("auth-login", "failure")] == [(e.event, e.disposition) for e in log]
    assert [4, 3, 2, 1, 0] == [e.details["attempts_left"] for e in log[1:6]]
    assert "2027-03-01T09:05:00Z" == log[6].details["until"]
    assert "2027-03-01T09:01:00Z" == log[7].at
    text = b"".join(e.to_line() for e in log)
    assert PASSPHRASE.encode() not in text
    assert b"secret wrong" not in text


def test_refusals_of_bad_roles_and_short_passphrases(store: Store) -> None:
    with pytest.raises(OfficialsError, match="at least 10"), store.write() as s:
        set_passphrase(s, "attendant", "short")
    with pytest.raises(OfficialsError, match="passphrases exist for"), store.write() as s:
        set_passphrase(s, "resident", PASSPHRASE)
    with pytest.raises(OfficialsError, match="no attendants' passphrase is set"):
        authenticate(store, "attendant", PASSPHRASE, NOW)
