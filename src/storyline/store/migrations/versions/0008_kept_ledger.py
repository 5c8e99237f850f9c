"""The kept ledger: each story's replay state and its rendered ledger items, updated as reports are added,
so reading a story no longer replays it (issue 18).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ledger_states",
        sa.Column("story_id", sa.String(64), sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("folded", sa.Integer, nullable=False),
        sa.Column("marks", sa.String(40), nullable=False),
        sa.Column("state", sa.LargeBinary, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "ledger_items",
        sa.Column("story_id", sa.String(64), sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("sort", sa.String(120), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_ledger_items_order", "ledger_items", ["story_id", "kind", "sort"])


def downgrade() -> None:
    op.drop_table("ledger_items")
    op.drop_table("ledger_states")
