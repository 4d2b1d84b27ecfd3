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


_NO_ROWID = {"sqlite_with_rowid": False}
"""SQLite tables keyed by hashes or random bytes carry no rowid: a rowid would record insertion order."""


class AuthorityRow(Base):
    """The ballot box's (bulletin board's) signing key: public half plus the passphrase-sealed seed.

    The seal (docs/spec.md "Secret files", purpose ``board-key``) keeps the
    seed useless to anyone who copies the database without the passphrase.
    """

    __tablename__ = "authority"
    __table_args__ = (CheckConstraint("singleton = 1", name="one_authority"),)

    singleton: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    board_public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    board_sealed_key: Mapped[bytes] = mapped_column(LargeBinary)


class RecordFileRow(Base):
    """A published, canonical-JSON part of the election record (e.g. ``ceremony.json``)."""

    __tablename__ = "record_file"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class CredentialRow(Base):
    """One published public credential (the code itself is never stored)."""

    __tablename__ = "credential"
    __table_args__ = _NO_ROWID

    public_key: Mapped[bytes] = mapped_column(LargeBinary(32), primary_key=True)


class KioskRow(Base):
    """A registered kiosk: its name, device public key and, once revoked, the board height then.

    ``revoked_at`` is the board's size when the officials revoked the kiosk:
    the ballot box refuses its ballots from then on, and the record
    publishes the height so a verifier can check that no entry at or after
    it carries the kiosk's signature.
    """

    __tablename__ = "kiosk"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32), unique=True)
    revoked_at: Mapped[int | None] = mapped_column(Integer, nullable=True)


class BoardStateRow(Base):
    """The bulletin board's head and the polls' state, updated with every append.

    Appenders lock this row first (SELECT ... FOR UPDATE on PostgreSQL; the
    whole database with BEGIN IMMEDIATE on SQLite), so appends serialise.
    """

    __tablename__ = "board_state"
    __table_args__ = (
        CheckConstraint("singleton = 1", name="one_board"),
        CheckConstraint("polls IN ('before', 'open', 'closed')", name="polls_state"),
    )

    singleton: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    size: Mapped[int] = mapped_column(Integer)
    head_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    polls: Mapped[str] = mapped_column(String(8))


class BoardEntryRow(Base):
    """One bulletin-board entry: position, kind, canonical JSON payload, chained hash."""

    __tablename__ = "board_entry"

    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    entry_hash: Mapped[bytes] = mapped_column(LargeBinary(32))


class CastBallotRow(Base):
    """A cast ballot's index entry: its credential is spent by this row's existence.

    The primary key on the credential is what makes "one ballot per
    credential" hold under concurrent kiosks; the ballot itself is the board
    entry at ``position``.
    """

    __tablename__ = "cast_ballot"
    __table_args__ = _NO_ROWID

    credential: Mapped[bytes] = mapped_column(LargeBinary(32), primary_key=True)
    tracking_hash: Mapped[bytes] = mapped_column(LargeBinary(32), unique=True)
    position: Mapped[int] = mapped_column(Integer, unique=True)


class SpoiledBallotRow(Base):
    """A ballot challenged (Benaloh) instead of cast; it can never be cast afterwards."""

    __tablename__ = "spoiled_ballot"
    __table_args__ = _NO_ROWID

    tracking_hash: Mapped[bytes] = mapped_column(LargeBinary(32), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, unique=True)


class CiphertextRow(Base):
    """The first half (alpha) of every selection ciphertext ever cast or spoiled.

    A unique key, so the same ciphertext can never enter the board twice
    (replays, copies of spoiled ballots).
    """

    __tablename__ = "ciphertext_seen"
    __table_args__ = _NO_ROWID

    alpha: Mapped[bytes] = mapped_column(LargeBinary(32), primary_key=True)


class RollEntryRow(Base):
    """A voter-roll entry: a keyed hash of (ID number, birth date) and the day of check-in.

    Only the day is kept, and nothing links the entry to a ballot.
    """

    __tablename__ = "roll_entry"
    __table_args__ = _NO_ROWID

    id_hash: Mapped[bytes] = mapped_column(LargeBinary(32), primary_key=True)
    checked_in_on: Mapped[str | None] = mapped_column(String(10), nullable=True)


class AuditStateRow(Base):
    """The officials' audit log's head, updated with every append (docs/spec.md section 38).

    Appenders lock this row first, exactly like the board's head, so
    concurrent appends (a console and a CLI, many kiosks' refusals) form one
    chain.  The migration creates the row with the genesis hash.
    """

    __tablename__ = "audit_state"
    __table_args__ = (CheckConstraint("singleton = 1", name="one_audit"),)

    singleton: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    size: Mapped[int] = mapped_column(Integer)
    head_hash: Mapped[bytes] = mapped_column(LargeBinary(32))


class AuditEntryRow(Base):
    """One audit entry: its position, its canonical JSON body (without the hash) and its chained hash."""

    __tablename__ = "audit_entry"

    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    entry_hash: Mapped[bytes] = mapped_column(LargeBinary(32))


class OfficialPassphraseRow(Base):
    """The Argon2id hash of a role's passphrase and its failed-login counter (persisted lockout).

    ``locked_until`` is a UTC ISO-8601 time (seconds) or None; the counter
    and the lock survive a restart of the console.
    """

    __tablename__ = "official_passphrase"
    __table_args__ = (CheckConstraint("role IN ('official', 'attendant')", name="role_kind"),)

    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    passphrase_hash: Mapped[bytes] = mapped_column(LargeBinary)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[str | None] = mapped_column(String(20), nullable=True)
