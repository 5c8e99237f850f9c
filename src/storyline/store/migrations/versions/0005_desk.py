"""The desk behind `storyline serve`: editors' tokens (hashed), their verdicts on claims, and an audit log of
every change made through it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RATINGS = ("true", "mostly-true", "mixed", "mostly-false", "false", "misleading", "unproven")


def upgrade() -> None:
    op.create_table(
        "tokens",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint("token_hash", name="uq_tokens_token_hash"),
    )
    listed = ", ".join(f"'{r}'" for r in RATINGS)
    op.create_table(
        "verdicts",
        sa.Column("story_id", sa.String(64), sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("claim_id", sa.String(32), primary_key=True),
        sa.Column("rating", sa.String(20), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("evidence_url", sa.Text),
        sa.Column("editor", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(f'"rating" IN ({listed})', name="ck_verdicts_rating"),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("story_id", sa.String(64)),
        sa.Column("target", sa.Text),
        sa.Column("detail", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("audit")
    op.drop_table("verdicts")
    op.drop_table("tokens")
