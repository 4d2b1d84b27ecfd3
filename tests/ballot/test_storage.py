"""Storage on SQLite and a real PostgreSQL: migrations, the one-election rule, durability settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from ballot.errors import StorageError
from ballot.manifest import load_manifest
from ballot.storage import Store, load_asset, load_election, save_election
from ballot.storage.models import Base
from ballot.storage.store import head_revision

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "manifests"


@pytest.fixture
def store(db_url: str) -> Store:
    s = Store(db_url)
    s.upgrade()
    return s


def test_migrations_reach_head_and_match_the_models(store: Store) -> None:
    assert head_revision() == store.revision()
    with store.engine.connect() as conn:
        tables = set(store.engine.dialect.get_table_names(conn))
    assert set(Base.metadata.tables) <= tables
    store.upgrade()  # idempotent
    store.require_current()


def test_election_round_trips_and_is_stored_once(store: Store) -> None:
    election = load_manifest(FIXTURES / "minimal.toml")
    with store.write() as s:
        assert save_election(s, election) is True
    with store.write() as s:
        assert save_election(s, election) is False
    with store.read() as s:
        loaded = load_election(s)
    assert election.fingerprint_hex == loaded.fingerprint_hex
    assert election.canonical_bytes() == loaded.canonical_bytes()


def test_a_second_different_election_is_refused_once_something_depends_on_the_first(store: Store) -> None:
    """An edited manifest replaces the stored one until codes, kiosks, a roll or a ceremony name its fingerprint."""
    election = load_manifest(FIXTURES / "minimal.toml")
    other_text = (FIXTURES / "minimal.toml").read_text(encoding="utf-8").replace("test-ward", "other-ward")
    other_path = FIXTURES.parent / "other.toml"
    with store.write() as s:
        save_election(s, election)
    from ballot.manifest import parse_manifest
    from ballot.storage.models import CredentialRow

    other = parse_manifest(other_text, source=str(other_path))
    with store.write() as s:
        assert save_election(s, other)
        s.add(CredentialRow(public_key=bytes(32)))
    with pytest.raises(StorageError, match="already has voting codes bound to its fingerprint"), store.write() as s:
        save_election(s, election)


def test_the_database_itself_refuses_a_second_election_row(store: Store) -> None:
    election = load_manifest(FIXTURES / "minimal.toml")
    with store.write() as s:
        save_election(s, election)
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.execute(text("INSERT INTO election (singleton, fingerprint, election_id, manifest) "
                          "VALUES (2, :f, 'x', :m)"), {"f": b"\x01" * 32, "m": b"{}"})


def test_empty_database_is_reported_with_the_fix(db_url: str) -> None:
    store = Store(db_url)
    with pytest.raises(StorageError, match="run 'pbvote election init' first"):
        store.require_current()
    store.upgrade()
    with pytest.raises(StorageError, match="holds no election"), store.read() as s:
        load_election(s)


def test_assets_are_stored_by_hash(store: Store, tmp_path: Path) -> None:
    (tmp_path / "pic.png").write_bytes(b"\x89PNG fake picture bytes")
    manifest = (FIXTURES / "minimal.toml").read_text(encoding="utf-8").replace(
        'category = "parks"', 'category = "parks"\nimage = "pic.png"')
    (tmp_path / "m.toml").write_text(manifest, encoding="utf-8")
    election = load_manifest(tmp_path / "m.toml")
    with store.write() as s:
        save_election(s, election)
    image = election.projects[0].image
    assert image is not None
    with store.read() as s:
        assert b"\x89PNG fake picture bytes" == load_asset(s, image.sha256)
        assert load_election(s).projects[0].image == image


def test_write_rolls_back_on_error(store: Store) -> None:
    election = load_manifest(FIXTURES / "minimal.toml")
    with pytest.raises(RuntimeError), store.write() as s:
        save_election(s, election)
        raise RuntimeError("crash inside the transaction")
    with store.read() as s, pytest.raises(StorageError):
        load_election(s)


def test_sqlite_runs_in_wal_with_full_sync(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with store.engine.connect() as conn:
        assert "wal" == conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        assert 2 == conn.exec_driver_sql("PRAGMA synchronous").scalar()  # FULL
        assert 1 == conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
    store.upgrade()
    store.integrity_check()


def test_bad_urls_are_explained() -> None:
    with pytest.raises(StorageError, match="unsupported database 'mysql'"):
        Store("mysql://x@localhost/db")
    with pytest.raises(StorageError, match="not a database URL"):
        Store("::nonsense::")
