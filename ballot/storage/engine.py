"""Database engines for the embedded (SQLite) and city-wide (PostgreSQL) stores.

SQLite runs in WAL mode with ``synchronous=FULL`` so an acknowledged ballot
survives power loss, and write transactions start with ``BEGIN IMMEDIATE`` so
that check-then-write sequences from concurrent kiosks serialise instead of
failing late with "database is locked".  PostgreSQL is reached through
psycopg 3.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from ballot.errors import StorageError

DB_ENV = "PBVOTE_DB"
SQLITE_BUSY_TIMEOUT_MS = 15_000
WRITE_OPTION = "pbvote_write"
"""Execution option that makes a SQLite transaction start with BEGIN IMMEDIATE."""


def default_db_url() -> str:
    """Return ``$PBVOTE_DB`` or the SQLite file in the platform's user-data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return env
    folder = Path(platformdirs.user_data_dir("pbvote", appauthor=False))
    return f"sqlite:///{folder / 'pbvote.sqlite3'}"


def normalise_url(url: str) -> str:
    """Pick the psycopg 3 driver for plain ``postgresql://`` URLs.

    Raises:
        StorageError: for an unsupported database kind.
    """
    try:
        parsed = make_url(url)
    except Exception:
        raise StorageError(f"--db: {url.split('@')[-1]!r} is not a database URL") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StorageError(f"--db: unsupported database {parsed.get_backend_name()!r} (use sqlite or postgresql)")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str) -> Engine:
    """Create an engine with pbvote's durability and locking settings.

    Args:
        url: a SQLAlchemy URL (``sqlite:///path`` or ``postgresql://...``).

    Returns:
        The engine.

    Raises:
        StorageError: for a bad URL or a SQLite folder that cannot be created.
    """
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, parsed.database)
    return create_engine(url, pool_pre_ping=True, isolation_level="REPEATABLE READ")


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:":
        try:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot create the database folder for {database}: {exc.strerror}") from None
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module so that the
        # "begin" hook below decides between DEFERRED and IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
