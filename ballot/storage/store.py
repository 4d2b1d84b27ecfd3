"""The Store: one database, migrated, with read and write transactions.

Write transactions are short and explicit (``with store.write() as s``):
on SQLite they take the write lock up front (BEGIN IMMEDIATE); on
PostgreSQL they run at REPEATABLE READ and callers retry serialisation
failures a bounded number of times.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ballot.errors import StorageError
from ballot.storage.engine import WRITE_OPTION, default_db_url, make_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
AFTER_ROLLBACK = "pbvote_after_rollback"
"""``session.info`` key of a write session: callables run, each in its own transaction, if it rolls back.

A refused action (reopening the polls, a manifest edit after they opened)
raises inside the caller's transaction, which rolls back; its "failure"
audit entry must survive that, so the refusing function leaves a callable
here and ``Store.write`` runs it once the transaction is gone.
"""
log = logging.getLogger(__name__)


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """Return the newest migration's revision id (what the models describe)."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


class Store:
    """A pbvote database: SQLite file (embedded default) or PostgreSQL (city-wide).

    Args:
        url: a database URL; None means ``$PBVOTE_DB`` or the user-data SQLite file.
    """

    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_db_url()
        self.engine = make_engine(self.url)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def describe(self) -> str:
        """Return the URL for messages, with any password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    def upgrade(self) -> None:
        """Create or migrate the schema to the newest revision.

        Raises:
            StorageError: if the database cannot be reached or migrated.
        """
        try:
            with self.engine.begin() as conn:
                cfg = _alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except SQLAlchemyError as exc:
            raise StorageError(f"cannot prepare the database {self.describe()}: {_reason(exc)}") from None

    def revision(self) -> str | None:
        """Return the schema revision the database is at (None if never migrated)."""
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def require_current(self) -> None:
        """Refuse to work on a database that is missing or from another schema version.

        Raises:
            StorageError: telling the official to run ``pbvote election init``.
        """
        try:
            current = self.revision()
        except SQLAlchemyError as exc:
            raise StorageError(f"cannot open the database {self.describe()}: {_reason(exc)}") from None
        if current is None:
            raise StorageError(f"the database {self.describe()} holds no election: run 'pbvote election init' first")
        if current != head_revision():
            raise StorageError(f"the database {self.describe()} is at schema {current}, this pbvote needs "
                               f"{head_revision()}: run 'pbvote election init' to migrate it")

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end)."""
        with Session(self.engine) as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self, *, read_committed: bool = False) -> Iterator[Session]:
        """A write transaction: committed if the block succeeds, rolled back otherwise.

        Args:
            read_committed: on PostgreSQL, run at READ COMMITTED instead of
                REPEATABLE READ.  Bulletin-board appends use it together with
                a row lock on the board's head: after waiting for the lock, each
                statement sees what the previous appender committed, instead of
                failing with a serialisation error.  SQLite serialises all
                writers anyway.
        """
        options: dict[str, object] = {WRITE_OPTION: True}
        if read_committed and self.dialect == "postgresql":
            options["isolation_level"] = "READ COMMITTED"
        conn = self.engine.connect().execution_options(**options)
        pending: list[Callable[[Store], object]] = []
        failed = False
        try:
            with Session(bind=conn) as session, session.begin():
                session.info[AFTER_ROLLBACK] = pending
                yield session
        except BaseException:
            failed = True
            raise
        finally:
            conn.close()
            if failed:
                self._after_rollback(pending)

    def _after_rollback(self, pending: list[Callable[[Store], object]]) -> None:
        """Run what a rolled-back transaction left to record, never masking its exception."""
        for action in pending:
            try:
                action(self)
            except Exception as exc:  # the original failure is what the caller must see
                log.error("could not record an audit entry after a rollback: %s", type(exc).__name__)

    def integrity_check(self) -> None:
        """Run the engine's own consistency check (SQLite ``PRAGMA integrity_check``).

        Raises:
            StorageError: if the database reports damage.
        """
        if self.dialect != "sqlite":
            return
        with self.engine.connect() as conn:
            result = [row[0] for row in conn.execute(text("PRAGMA integrity_check"))]
        if result != ["ok"]:
            raise StorageError(f"the database {self.describe()} is damaged: {'; '.join(result[:5])}")

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()


def _reason(exc: SQLAlchemyError) -> str:
    """One line from a driver error, without the SQL statement or parameters."""
    orig = getattr(exc, "orig", None)
    line = str(orig if orig is not None else exc).strip().splitlines()
    return line[0] if line else type(exc).__name__
