"""The voter-roll mode: keyed hashes only, day-only check-ins, kiosk-signed ballots, check-ins published."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect

from ballot.authority import create_authority, unlock_board_key
from ballot.box import Accepted, BallotBox, NotEligible
from ballot.ceremony_record import save_ceremony
from ballot.encrypt import encrypt_ballot
from ballot.errors import BallotError
from ballot.manifest import load_manifest
from ballot.polls import open_polls
from ballot.record import publish_record
from ballot.registry import register_kiosk
from ballot.roll import (
    AlreadyCheckedIn,
    CheckedIn,
    NotOnRoll,
    RollError,
    check_in,
    count_roll,
    import_roll,
    new_roll_key,
    read_roll_csv,
    read_roll_key,
    write_roll_key,
)
from ballot.samples import sample_manifest
from ballot.selection import Selection
from ballot.storage import Store, save_election
from crypto.errors import SecretFileError
from crypto.signatures import generate_signing_key
from tally.ceremony import run_in_room_ceremony

ROLL = "id,birth_date\nA123456789,1980-02-29\nB223456780,1999-12-31\nF131104093,2001-07-04\n"


@pytest.fixture
def roll_csv(tmp_path: Path) -> Path:
    path = tmp_path / "roll.csv"
    path.write_text(ROLL, encoding="utf-8")
    return path


def test_roll_csv_errors_name_file_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,birth_date\nA123456789,1980-02-29\nA12,1980-01-01\n", encoding="utf-8")
    with pytest.raises(RollError, match=r"bad.csv:3: ID number"):
        read_roll_csv(bad)
    bad.write_text("id,birth_date\nA123456789,1980-02-30\n", encoding="utf-8")
    with pytest.raises(RollError, match=r"bad.csv:2: birth date"):
        read_roll_csv(bad)
    bad.write_text("id,birth_date\nA123456789,1980-02-29\na 123456789,1980-02-29\n", encoding="utf-8")
    with pytest.raises(RollError, match=r"bad.csv:3: id: the same person appears twice"):
        read_roll_csv(bad)
    bad.write_text("name,birthday\nx,y\n", encoding="utf-8")
    with pytest.raises(RollError, match=r"bad.csv:1: the header"):
        read_roll_csv(bad)


def _roll_election(url: str) -> tuple[Store, object, bytes]:
    store = Store(url)
    store.upgrade()
    election = replace(load_manifest(sample_manifest()), eligibility="roll")
    with store.write() as s:
        save_election(s, election)
        create_authority(s, election, "board")
    record, _ = run_in_room_ceremony(election, election.trustees, election.threshold)
    with store.write() as s:
        save_ceremony(s, record)
    return store, election, bytes(record.public_key)


def test_the_database_holds_keyed_hashes_and_day_only_check_ins(db_url: str, roll_csv: Path, tmp_path: Path) -> None:
    store, election, _ = _roll_election(db_url)
    key = new_roll_key(election.fingerprint)  # type: ignore[attr-defined]
    with store.write() as s:
        assert 3 == import_roll(s, key, read_roll_csv(roll_csv))
        assert 0 == import_roll(s, key, read_roll_csv(roll_csv))
    with store.write() as s, pytest.raises(RollError, match="polls are not open"):
        check_in(s, key, "A123456789", "1980-02-29")
    with store.read() as s:
        board_key = unlock_board_key(s, "board")
    with store.write() as s:
        open_polls(s, board_key)
    with store.write() as s:
        assert CheckedIn() == check_in(s, key, "a-123456789 ", "1980-02-29", today=date(2027, 3, 2))
    with store.write() as s:
        assert AlreadyCheckedIn() == check_in(s, key, "A123456789", "1980-02-29")
        assert NotOnRoll() == check_in(s, key, "A123456789", "1980-02-28")
        assert NotOnRoll() == check_in(s, new_roll_key(key.fingerprint), "B223456780", "1999-12-31")
    with store.read() as s:
        assert (3, 1) == count_roll(s)
    columns = {c["name"] for c in inspect(store.engine).get_columns("roll_entry")}
    assert {"id_hash", "checked_in_on"} == columns
    assert not inspect(store.engine).get_foreign_keys("roll_entry")
    if db_url.startswith("sqlite"):
        store.close()  # the last connection checkpoints the WAL into the file
        path = Path(db_url.removeprefix("sqlite:///"))
        raw = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())
        assert b"A123456789" not in raw and b"1980-02-29" not in raw
        assert b"2027-03-02" in raw


def test_roll_key_file_is_sealed_and_bound_to_the_election(tmp_path: Path) -> None:
    key = new_roll_key(b"\x01" * 32)
    write_roll_key(tmp_path / "roll.key", key, "pass")
    assert key == read_roll_key(tmp_path / "roll.key", "pass", b"\x01" * 32)
    with pytest.raises(SecretFileError, match="another election"):
        read_roll_key(tmp_path / "roll.key", "pass", b"\x02" * 32)
    with pytest.raises(SecretFileError, match="wrong passphrase"):
        read_roll_key(tmp_path / "roll.key", "nope", b"\x01" * 32)
    assert key.key.hex() not in (tmp_path / "roll.key").read_bytes().hex()


def test_roll_ballots_need_a_kiosk_and_the_record_publishes_check_ins(roll_csv: Path, tmp_path: Path) -> None:
    store, election, public_key = _roll_election(f"sqlite:///{tmp_path / 'roll.sqlite3'}")
    roll_key = new_roll_key(election.fingerprint)  # type: ignore[attr-defined]
    kiosk = generate_signing_key()
    with store.write() as s:
        import_roll(s, roll_key, read_roll_csv(roll_csv))
        register_kiosk(s, "library-1", kiosk.public_key)
    with store.read() as s:
        board_key = unlock_board_key(s, "board")
    with store.write() as s:
        open_polls(s, board_key)
    box = BallotBox(store, board_key)
    district = election.districts[0]  # type: ignore[attr-defined]
    selection = Selection(district.id, frozenset({election.projects_in(district.id)[0].id}))  # type: ignore[attr-defined]
    with store.write() as s:
        assert CheckedIn() == check_in(s, roll_key, "B223456780", "1999-12-31")
    one_time = generate_signing_key()
    home = encrypt_ballot(election, public_key, selection, one_time)  # type: ignore[arg-type]
    assert isinstance(box.cast(home.to_bytes()), NotEligible)
    at_kiosk = encrypt_ballot(election, public_key, selection, one_time, kiosk=("library-1", kiosk))  # type: ignore[arg-type]
    assert isinstance(box.cast(at_kiosk.to_bytes()), Accepted)
    published = publish_record(store, tmp_path / "record", board_key)
    roll = json.loads((tmp_path / "record" / "roll.json").read_text())
    assert (3, 1) == (roll["entries"], roll["check_ins"])
    assert published.ballots == roll["check_ins"]


def test_the_roll_is_frozen_once_the_polls_open(roll_csv: Path, tmp_path: Path) -> None:
    store, election, _ = _roll_election(f"sqlite:///{tmp_path / 'frozen.sqlite3'}")
    key = new_roll_key(election.fingerprint)  # type: ignore[attr-defined]
    with store.read() as s:
        board_key = unlock_board_key(s, "board")
    with store.write() as s:
        open_polls(s, board_key)
    with store.write() as s, pytest.raises(BallotError, match="frozen"):
        import_roll(s, key, read_roll_csv(roll_csv))
