"""The ballot box: authority key, record files, credentials, kiosks, bulletin board, roll.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_KEY = sa.LargeBinary(length=32)


def upgrade() -> None:
    op.create_table(
        "authority",
        sa.Column("singleton", sa.Integer(), nullable=False),
        sa.Column("board_public_key", _KEY, nullable=False),
        sa.Column("board_sealed_key", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("singleton = 1", name="ck_authority_one_authority"),
        sa.PrimaryKeyConstraint("singleton", name="pk_authority"),
    )
    op.create_table(
        "record_file",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_record_file"),
    )
    op.create_table(
        "credential",
        sa.Column("public_key", _KEY, nullable=False),
        sa.PrimaryKeyConstraint("public_key", name="pk_credential"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "kiosk",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("public_key", _KEY, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_kiosk"),
        sa.UniqueConstraint("public_key", name="uq_kiosk_public_key"),
    )
    op.create_table(
        "board_state",
        sa.Column("singleton", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("head_hash", _KEY, nullable=False),
        sa.Column("polls", sa.String(length=8), nullable=False),
        sa.CheckConstraint("singleton = 1", name="ck_board_state_one_board"),
        sa.CheckConstraint("polls IN ('before', 'open', 'closed')", name="ck_board_state_polls_state"),
        sa.PrimaryKeyConstraint("singleton", name="pk_board_state"),
    )
    op.create_table(
        "board_entry",
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("entry_hash", _KEY, nullable=False),
        sa.PrimaryKeyConstraint("position", name="pk_board_entry"),
    )
    op.create_table(
        "cast_ballot",
        sa.Column("credential", _KEY, nullable=False),
        sa.Column("tracking_hash", _KEY, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("credential", name="pk_cast_ballot"),
        sa.UniqueConstraint("tracking_hash", name="uq_cast_ballot_tracking_hash"),
        sa.UniqueConstraint("position", name="uq_cast_ballot_position"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "spoiled_ballot",
        sa.Column("tracking_hash", _KEY, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tracking_hash", name="pk_spoiled_ballot"),
        sa.UniqueConstraint("position", name="uq_spoiled_ballot_position"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "ciphertext_seen",
        sa.Column("alpha", _KEY, nullable=False),
        sa.PrimaryKeyConstraint("alpha", name="pk_ciphertext_seen"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "roll_entry",
        sa.Column("id_hash", _KEY, nullable=False),
        sa.Column("checked_in_on", sa.String(length=10), nullable=True),
        sa.PrimaryKeyConstraint("id_hash", name="pk_roll_entry"),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    for table in ("roll_entry", "ciphertext_seen", "spoiled_ballot", "cast_ballot", "board_entry",
                  "board_state", "kiosk", "credential", "record_file", "authority"):
        op.drop_table(table)
