"""SQLAlchemy table models: the only place that knows pbvote's database schema.

Invariants live in the database itself (single election row, CHECK
constraints), so a bug elsewhere cannot write an impossible state.  Schema
changes go through Alembic migrations in ``migrations/versions``; these
models must match the latest migration (a test compares them).
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Integer, LargeBinary, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a fixed constraint naming convention (stable migrations)."""

    metadata = MetaData(naming_convention=NAMING)


class ElectionRow(Base):
    """The one election this database serves, as its canonical manifest.

    A database holds exactly one election: kiosks, the ballot box and the
    tally never have to ask "which election?", and a ballot can never be
    stored under the wrong one.
    """

    __tablename__ = "election"
    __table_args__ = (CheckConstraint("singleton = 1", name="one_election"),)

    singleton: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    fingerprint: Mapped[bytes] = mapped_column(LargeBinary(32), unique=True)
    election_id: Mapped[str] = mapped_column(String(64))
    manifest: Mapped[bytes] = mapped_column(LargeBinary)


class AssetRow(Base):
    """A file the manifest refers to (a project image), keyed by its SHA-256.

    Kept in the database so that a kiosk or the record export needs nothing
    but the database to show or publish exactly the fingerprinted pictures.
    """

    __tablename__ = "asset"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
