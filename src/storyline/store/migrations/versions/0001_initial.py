"""Stories, reports (raw content kept) and the extraction records of each report.

Revision ID: 0001
Revises:
Create Date: 2024-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MENTION_STATUSES = (
    "asserted", "reported", "unverified", "disputed", "denied", "confirmed", "hypothetical"
)
PRECISIONS = ("minute", "hour", "part-of-day", "day", "week", "month", "year", "unknown")


def one_of(column: str, values: Sequence[str], name: str) -> sa.CheckConstraint:
    listed = ", ".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f'"{column}" IN ({listed})', name=name)


def record_table(name: str, *columns) -> None:
    op.create_table(
        name,
        sa.Column(
            "report_id", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("idx", sa.Integer, primary_key=True),
        *columns,
    )


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("story_id", sa.String(64), sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("published_at", sa.String(40)),
        sa.Column("published_from", sa.String(20)),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("previous_id", sa.String(32), sa.ForeignKey("reports.id")),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content_type", sa.String(100), nullable=False),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("developing", sa.Boolean, nullable=False),
        sa.Column("language", sa.String(20)),
        sa.Column("word_count", sa.Integer, nullable=False),
        sa.Column("extraction_status", sa.String(10), nullable=False),
        sa.Column("extraction_error", sa.Text),
        sa.Column("extracted_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint("story_id", "location", "version", name="uq_reports_story_location_version"),
        sa.UniqueConstraint("story_id", "sha256", name="uq_reports_story_sha256"),
        one_of("extraction_status", ("pending", "ok", "failed"), "ck_reports_extraction_status"),
    )
    record_table(
        "mentions",
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source_name", sa.Text, nullable=False),
        sa.Column("source_kind", sa.String(20), nullable=False),
        sa.Column("source_start", sa.Integer),
        sa.Column("source_end", sa.Integer),
        sa.Column("source_role", sa.Text),
        sa.Column("source_entity", sa.Text),
        sa.Column("cue", sa.Text),
        sa.Column("form", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("hedges", sa.JSON, nullable=False),
        sa.Column("sentence_start", sa.Integer),
        sa.Column("sentence_end", sa.Integer),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("contests", sa.Integer),
        sa.Column("relation", sa.String(20)),
        sa.Column("flagged_start", sa.Integer),
        sa.Column("flagged_end", sa.Integer),
        one_of("source_kind", ("person", "organization", "outlet", "unnamed"), "ck_mentions_source_kind"),
        one_of("form", ("direct", "indirect", "mixed", "outlet"), "ck_mentions_form"),
        one_of("status", MENTION_STATUSES, "ck_mentions_status"),
        one_of("relation", ("disputes", "denies"), "ck_mentions_relation"),
    )
    record_table(
        "entities",
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
        sa.Column("spans", sa.JSON, nullable=False),
        one_of("type", ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "OTHER"), "ck_entities_type"),
    )
    record_table(
        "figures",
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("low", sa.Double, nullable=False),
        sa.Column("high", sa.Double, nullable=False),
        sa.Column("unit", sa.Text),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("qualifier", sa.Text),
    )
    record_table(
        "events",
        sa.Column("time_value", sa.String(40)),
        sa.Column("time_precision", sa.String(20), nullable=False),
        sa.Column("time_text", sa.Text, nullable=False),
        sa.Column("time_start", sa.Integer, nullable=False),
        sa.Column("time_end", sa.Integer, nullable=False),
        sa.Column("time_part_of_day", sa.String(40)),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("actors", sa.JSON, nullable=False),
        sa.Column("place", sa.Text),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("mention", sa.Integer),
        one_of("time_precision", PRECISIONS, "ck_events_time_precision"),
        one_of("status", MENTION_STATUSES, "ck_events_status"),
    )
    record_table(
        "times",
        sa.Column("value", sa.String(40)),
        sa.Column("precision", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("part_of_day", sa.String(40)),
        one_of("precision", PRECISIONS, "ck_times_precision"),
    )


def downgrade() -> None:
    for name in ("times", "events", "figures", "entities", "mentions", "reports", "stories"):
        op.drop_table(name)
