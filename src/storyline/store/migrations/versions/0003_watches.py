"""Following a story: watched feeds and URLs with their schedule, the log of every check, and when the
story's change log was last read.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OUTCOMES = ("new", "revision", "unchanged", "not_modified", "minor", "flip_flop", "failed", "feed")


def one_of(column: str, values: Sequence[str], name: str) -> sa.CheckConstraint:
    listed = ", ".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f'"{column}" IN ({listed})', name=name)


def upgrade() -> None:
    with op.batch_alter_table("stories") as table:
        table.add_column(sa.Column("changes_seen_at", sa.DateTime(timezone=True)))
    op.create_table(
        "watches",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("story_id", sa.String(64), sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("origin", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("feed_updated", sa.String(40)),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_checked", sa.DateTime(timezone=True)),
        sa.Column("last_changed", sa.DateTime(timezone=True)),
        sa.Column("next_check", sa.DateTime(timezone=True), nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_outcome", sa.String(20)),
        sa.Column("last_detail", sa.Text),
        sa.UniqueConstraint("story_id", "url", name="uq_watches_story_url"),
        one_of("kind", ("feed", "url"), "ck_watches_kind"),
        one_of("last_outcome", OUTCOMES, "ck_watches_last_outcome"),
    )
    op.create_table(
        "checks",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("watch_id", sa.Integer, sa.ForeignKey("watches.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("http_status", sa.Integer),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("report_id", sa.String(32), sa.ForeignKey("reports.id", ondelete="SET NULL")),
        sa.Column("sha256", sa.String(64)),
        sa.Column("detail", sa.Text),
        one_of("outcome", OUTCOMES, "ck_checks_outcome"),
    )


def downgrade() -> None:
    op.drop_table("checks")
    op.drop_table("watches")
    with op.batch_alter_table("stories") as table:
        table.drop_column("changes_seen_at")
