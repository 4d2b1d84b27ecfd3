"""The election and its assets.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "election",
        sa.Column("singleton", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.LargeBinary(length=32), nullable=False),
        sa.Column("election_id", sa.String(length=64), nullable=False),
        sa.Column("manifest", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("singleton = 1", name="ck_election_one_election"),
        sa.PrimaryKeyConstraint("singleton", name="pk_election"),
        sa.UniqueConstraint("fingerprint", name="uq_election_fingerprint"),
    )
    op.create_table(
        "asset",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_asset"),
    )


def downgrade() -> None:
    op.drop_table("asset")
    op.drop_table("election")
