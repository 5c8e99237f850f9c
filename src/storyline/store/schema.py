"""Table definitions of the store (SQLAlchemy Core).

The Alembic migrations under ``migrations/versions`` create these tables; a test checks the two agree.
Extraction records live one row per record, with ``idx`` keeping list order and list fields in JSON.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import get_args

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

from ..model import MENTION_STATUSES, EntityType, Form, Precision, SourceKind

EXTRACTION_STATUSES = ("pending", "ok", "failed")
WATCH_KINDS = ("feed", "url")
# what one check of a watched feed or URL came to (see storyline.watch.cycle)
CHECK_OUTCOMES = ("new", "revision", "unchanged", "not_modified", "minor", "flip_flop", "failed", "feed")
RELATIONS = ("disputes", "denies")


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (SQLite keeps no zone: UTC is implied)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: store times must be timezone-aware")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


def one_of(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    """A CHECK constraint keeping ``column`` within ``values`` (NULL allowed)."""
    listed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f'"{column}" IN ({listed})', name=name)


metadata = MetaData()


def record_table(name: str, *columns, checks: tuple[CheckConstraint, ...] = ()) -> Table:
    """A table of extraction records: one row per record of one report, ordered by ``idx``."""
    return Table(
        name,
        metadata,
        Column("report_id", String(32), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
        Column("idx", Integer, primary_key=True),
        *columns,
        *checks,
    )


stories = Table(
    "stories",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("changes_seen_at", UTCDateTime),  # when `storyline changes` last ran for the story (--since last)
)

reports = Table(
    "reports",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("story_id", String(64), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("location", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text, nullable=False),
    Column("title", Text),
    Column("author", Text),
    Column("published_at", String(40)),
    Column("published_from", String(20)),
    Column("fetched_at", UTCDateTime, nullable=False),
    Column("version", Integer, nullable=False),
    Column("previous_id", String(32), ForeignKey("reports.id")),
    Column("sha256", String(64), nullable=False),
    Column("content_type", String(100), nullable=False),
    Column("raw", LargeBinary, nullable=False),
    Column("text", Text, nullable=False),
    Column("developing", Boolean, nullable=False, default=False),
    Column("language", String(20)),
    Column("word_count", Integer, nullable=False),
    Column("extraction_status", String(10), nullable=False, default="pending"),
    Column("extraction_error", Text),
    Column("extracted_at", UTCDateTime),
    UniqueConstraint("story_id", "location", "version", name="uq_reports_story_location_version"),
    UniqueConstraint("story_id", "sha256", name="uq_reports_story_sha256"),
    one_of("extraction_status", EXTRACTION_STATUSES, "ck_reports_extraction_status"),
)

mentions = record_table(
    "mentions",
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("source_name", Text, nullable=False),
    Column("source_kind", String(20), nullable=False),
    Column("source_start", Integer),
    Column("source_end", Integer),
    Column("source_role", Text),
    Column("source_entity", Text),
    Column("cue", Text),
    Column("form", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    Column("hedges", JSON, nullable=False),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("contests", Integer),
    Column("relation", String(20)),
    Column("also_contests", JSON),  # further rows the contest answers (a list; NULL in rows stored before: none)
    Column("outlet_disputes", Boolean),  # the outlet itself disputes the row (NULL in rows stored before: no)
    Column("flagged_start", Integer),
    Column("flagged_end", Integer),
    Column("factuality", Double),
    Column("checkworthiness", Double),
    checks=(
        one_of("source_kind", get_args(SourceKind), "ck_mentions_source_kind"),
        one_of("form", get_args(Form), "ck_mentions_form"),
        one_of("status", MENTION_STATUSES, "ck_mentions_status"),
        one_of("relation", RELATIONS, "ck_mentions_relation"),
    ),
)

entities = record_table(
    "entities",
    Column("key", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("type", String(20), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("roles", JSON, nullable=False),
    Column("spans", JSON, nullable=False),
    checks=(one_of("type", get_args(EntityType), "ck_entities_type"),),
)

figures = record_table(
    "figures",
    Column("text", Text, nullable=False),
    Column("low", Double, nullable=False),
    Column("high", Double, nullable=False),
    Column("unit", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("qualifier", Text),
)

events = record_table(
    "events",
    Column("time_value", String(40)),
    Column("time_precision", String(20), nullable=False),
    Column("time_text", Text, nullable=False),
    Column("time_start", Integer, nullable=False),
    Column("time_end", Integer, nullable=False),
    Column("time_part_of_day", String(40)),
    Column("time_type", String(10)),  # TIMEX3 type of the event's time
    Column("description", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("actors", JSON, nullable=False),
    Column("place", Text),
    Column("status", String(20), nullable=False),
    Column("mention", Integer),
    Column("factuality", Double),
    checks=(
        one_of("time_precision", get_args(Precision), "ck_events_time_precision"),
        one_of("status", MENTION_STATUSES, "ck_events_status"),
    ),
)

times = record_table(
    "times",
    Column("value", String(40)),
    Column("precision", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("part_of_day", String(40)),
    Column("type", String(10)),  # TIMEX3 type: DATE, TIME, DURATION or SET
    checks=(one_of("precision", get_args(Precision), "ck_times_precision"),),
)

watches = Table(
    "watches",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("story_id", String(64), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("url", Text, nullable=False),
    Column("origin", Text),  # the feed that listed this URL
    Column("outlet", Text),  # the outlet named for it (--outlet, or the feed entry's source)
    Column("feed_updated", String(40)),  # the feed entry's last update, when listed by a feed
    Column("added_at", UTCDateTime, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_checked", UTCDateTime),
    Column("last_changed", UTCDateTime),
    Column("next_check", UTCDateTime, nullable=False),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_outcome", String(20)),
    Column("last_detail", Text),
    UniqueConstraint("story_id", "url", name="uq_watches_story_url"),
    one_of("kind", WATCH_KINDS, "ck_watches_kind"),
    one_of("last_outcome", CHECK_OUTCOMES, "ck_watches_last_outcome"),
)

checks = Table(
    "checks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("watch_id", Integer, ForeignKey("watches.id", ondelete="CASCADE"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("http_status", Integer),
    Column("outcome", String(20), nullable=False),
    Column("report_id", String(32), ForeignKey("reports.id", ondelete="SET NULL")),
    Column("sha256", String(64)),
    Column("detail", Text),
    one_of("outcome", CHECK_OUTCOMES, "ck_checks_outcome"),
)

mention_vectors = Table(
    "mention_vectors",
    metadata,
    Column("report_id", String(32), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),  # the mention's index in its report's extraction
    Column("model", String(60), nullable=False),  # which encoder made it: vectors of another model are not reused
    Column("vector", LargeBinary, nullable=False),  # float32, little-endian
)

RECORD_TABLES: tuple[Table, ...] = (mentions, entities, figures, events, times)

# --- the desk (storyline serve): editors' tokens and sessions, their verdicts on claims, the audit log -------

RATINGS = ("true", "mostly-true", "mixed", "mostly-false", "false", "misleading", "unproven")

tokens = Table(
    "tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),  # the editor's name, shown beside their verdicts
    Column("token_hash", String(64), nullable=False),  # sha256 of the token; the token itself is never stored
    Column("created_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime),
    Column("expires_at", UTCDateTime),  # None: valid until revoked
    UniqueConstraint("token_hash", name="uq_tokens_token_hash"),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_hash", String(64), nullable=False),  # sha256 of the session cookie's value
    Column("token_id", Integer, ForeignKey("tokens.id", ondelete="CASCADE"), nullable=False),  # who signed in
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    UniqueConstraint("session_hash", name="uq_sessions_session_hash"),
)

verdicts = Table(
    "verdicts",
    metadata,
    Column("story_id", String(64), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("claim_id", String(32), primary_key=True),  # the ledger's stable claim id
    Column("rating", String(20), nullable=False),
    Column("note", Text, nullable=False),
    Column("evidence_url", Text),
    Column("editor", Text, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    one_of("rating", RATINGS, "ck_verdicts_rating"),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("actor", Text, nullable=False),  # an editor's name, or "cli"
    Column("action", String(40), nullable=False),  # e.g. verdict.set, verdict.delete, report.add, token.create
    Column("story_id", String(64)),  # no foreign key: the log outlives what it names
    Column("target", Text),  # a claim id, report id or token name
    Column("detail", JSON, nullable=False),  # what changed: before/after values
)

# --- the kept ledger (ledger/kept.py): each story's ledger stored as it stands, updated report by report -------

ledger_states = Table(
    "ledger_states",
    metadata,
    Column("story_id", String(64), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, nullable=False),  # bumped on every update: a writer that read another loses
    Column("folded", Integer, nullable=False),  # how many of the story's reports the state has taken in
    Column("marks", String(40), nullable=False),  # digest of what the state took in: a reader that finds the
    # story's reports the same needs no state at all
    Column("state", LargeBinary, nullable=False),  # the replay state (ledger.build.LedgerState), pickled
    Column("updated_at", UTCDateTime, nullable=False),
)

ledger_items = Table(
    "ledger_items",
    metadata,
    Column("story_id", String(64), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(16), primary_key=True),  # story, report, claim, entity, event, figures, change
    Column("key", String(64), primary_key=True),  # the item's id (a claim id, report id, change number …)
    Column("sort", String(120), nullable=False),  # where it stands in its list: items are read in this order
    Column("data", Text, nullable=False),  # the item as the export contract writes it (JSON)
    Index("ix_ledger_items_order", "story_id", "kind", "sort"),
)
