"""``pbvote audit show``, ``pbvote officials passphrase`` and ``pbvote kiosks revoke``, and the refusals they audit.

The election is prepared with the real parts (tests/ballot/box_setup.py),
then driven through the command line exactly as officials script it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tally.cli import main
from tests.ballot.box_setup import BOARD_PASSPHRASE, Ready, prepare_election

OFFICIALS = "officials' console passphrase"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def ready(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Ready:
    monkeypatch.setenv("PBVOTE_KDF", "interactive")
    monkeypatch.setenv("PBVOTE_BOARD_PASSPHRASE", BOARD_PASSPHRASE)
    return prepare_election(f"sqlite:///{tmp_path / 'cli.sqlite3'}", 4, open_now=False)


def test_refusals_are_one_line_errors_and_in_the_audit_log(capsys: pytest.CaptureFixture[str], ready: Ready,
                                                           tmp_path: Path) -> None:
    db = ("--db", ready.url)
    assert 1 == run(capsys, "polls", "close", *db)[0]
    assert 0 == run(capsys, "polls", "open", *db)[0]
    status, _, err = run(capsys, "polls", "open", *db)
    assert (1, "pbvote: error: polls open: the polls are already open\n") == (status, err)
    status, _, err = run(capsys, "tally", *db)
    assert 1 == status and "closed" in err
    assert 0 == run(capsys, "polls", "close", *db)[0]
    status, _, err = run(capsys, "polls", "open", *db)
    assert 1 == status and "can never be reopened" in err
    status, _, err = run(capsys, "election", "init", str(Path("assets/elections/riverside-knapsack/manifest.toml")
                                                         .resolve()), *db)
    assert 1 == status and "frozen once the polls open" in err
    assert 0 == run(capsys, "kiosks", "revoke", "kiosk-1", *db)[0]
    status, _, err = run(capsys, "kiosks", "revoke", "kiosk-9", *db)
    assert 1 == status and "'kiosk-9' is not registered" in err

    status, out, _ = run(capsys, "audit", "show", "--json", *db)
    entries = [json.loads(line) for line in out.splitlines()]
    assert 0 == status
    assert [("polls-close", "failure"), ("polls-open", "success"), ("polls-open", "failure"),
            ("tally-init", "success"), ("tally-complete", "failure"), ("polls-close", "success"),
            ("polls-open", "failure"), ("election-replace", "failure"), ("kiosk-revoke", "success"),
            ("kiosk-revoke", "failure")] == [(e["event"], e["disposition"]) for e in entries[4:]]
    status, text, _ = run(capsys, "audit", "show", *db)
    assert 0 == status
    assert "polls-open REFUSED/FAILED" in text and "(polls open: the polls are already open)" in text
    db_bytes = b"".join(p.read_bytes() for p in tmp_path.glob("cli.sqlite3*"))
    for secret in [*ready.codes, BOARD_PASSPHRASE]:
        assert secret not in out + text
        assert secret.encode() not in db_bytes


def test_officials_passphrase_is_set_from_the_environment(capsys: pytest.CaptureFixture[str], ready: Ready,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PBVOTE_OFFICIALS_PASSPHRASE", "too short")
    status, _, err = run(capsys, "officials", "passphrase", "--db", ready.url)
    assert 1 == status and "at least 10 characters" in err
    monkeypatch.setenv("PBVOTE_OFFICIALS_PASSPHRASE", OFFICIALS)
    assert 0 == run(capsys, "officials", "passphrase", "--role", "attendant", "--db", ready.url)[0]
    status, out, _ = run(capsys, "audit", "show", "--db", ready.url)
    assert "auth-passphrase-set  subject=attendant" in out
    assert OFFICIALS not in out
