"""The officials' audit log, officials' passphrases and kiosk revocation.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crypto.encoding import digest

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_HASH = sa.LargeBinary(length=32)
AUDIT_GENESIS_TAG = "pbvote/1/audit-genesis"
"""docs/spec.md section 38: the audit chain's ``previous`` hash before entry 0."""


def upgrade() -> None:
    with op.batch_alter_table("kiosk") as batch:
        batch.add_column(sa.Column("revoked_at", sa.Integer(), nullable=True))
    state = op.create_table(
        "audit_state",
        sa.Column("singleton", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("head_hash", _HASH, nullable=False),
        sa.CheckConstraint("singleton = 1", name="ck_audit_state_one_audit"),
        sa.PrimaryKeyConstraint("singleton", name="pk_audit_state"),
    )
    op.bulk_insert(state, [{"singleton": 1, "size": 0, "head_hash": digest(AUDIT_GENESIS_TAG)}])
    op.create_table(
        "audit_entry",
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("entry_hash", _HASH, nullable=False),
        sa.PrimaryKeyConstraint("position", name="pk_audit_entry"),
    )
    op.create_table(
        "official_passphrase",
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("passphrase_hash", sa.LargeBinary(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.String(length=20), nullable=True),
        sa.CheckConstraint("role IN ('official', 'attendant')", name="ck_official_passphrase_role_kind"),
        sa.PrimaryKeyConstraint("role", name="pk_official_passphrase"),
    )


def downgrade() -> None:
    for table in ("official_passphrase", "audit_entry", "audit_state"):
        op.drop_table(table)
    with op.batch_alter_table("kiosk") as batch:
        batch.drop_column("revoked_at")
