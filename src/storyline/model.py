"""Plain records that flow between storyline's stages.

ingest → ``Document``; extract → ``Extraction`` (mentions, entities, figures, events);
ledger → claims and changes built from stored records. No stage needs a database to
produce or consume these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

MentionStatus = Literal[
    "asserted", "reported", "unverified", "disputed", "denied", "confirmed", "hypothetical"
]
ClaimStatus = Literal[
    "asserted", "reported", "unverified", "disputed", "denied", "confirmed", "hypothetical",
    "corroborated",
]
Form = Literal["direct", "indirect", "mixed", "outlet"]
SourceKind = Literal["person", "organization", "outlet", "unnamed"]
EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "OTHER"]
Precision = Literal["minute", "hour", "part-of-day", "day", "week", "month", "year", "unknown"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

MENTION_STATUSES: tuple[str, ...] = (
    "asserted", "reported", "unverified", "disputed", "denied", "confirmed", "hypothetical"
)


@dataclass
class Document:
    """One report as ingested: extracted text plus what we know about where it came from."""

    text: str
    raw: bytes
    content_type: str  # "text/plain" or "text/html"
    location: str  # path, URL or "-" (stdin); identifies the article across revisions
    outlet: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 date or date-time
    published_from: str | None = None  # "option", "metadata", "text", "feed" or None
    url: str | None = None
    outlet_from: str | None = None  # "option", "metadata", "dateline", "byline", "host", None: unknown


@dataclass
class Source:
    name: str  # resolved to the fullest name in the report
    kind: SourceKind
    span: tuple[int, int] | None = None  # the source words in this report
    role: str | None = None
    entity: str | None = None  # key of the Entity it resolved to, if any


@dataclass
class Mention:
    """One statement of a claim inside one report."""

    start: int  # content span, offsets into the report text
    end: int
    text: str
    source: Source
    cue: str | None
    form: Form
    status: MentionStatus
    hedges: list[str] = field(default_factory=list)
    sentence: tuple[int, int] | None = None  # the sentence(s) holding the mention
    cue_span: tuple[int, int] | None = None
    # a contesting statement ("X denies the claims of …") points at the mention it contests
    contests: int | None = None  # index into Extraction.mentions
    relation: Literal["disputes", "denies"] | None = None
    # further statements the same contest answers, with the same relation ("Lin rejected the allegation": the
    # accusation naming Lin as well as the charge just before), indices into Extraction.mentions
    also_contests: list[int] = field(default_factory=list)
    # the outlet itself disputes the statement: its rebuke ("wrongly claimed that X", "said without evidence that
    # X") or its correction ("She hadn't.") with no row of its own to contest from
    outlet_disputes: bool = False
    # a later flag ("These statements have yet to be confirmed") that made this one unverified
    flagged_by: tuple[int, int] | None = None
    # how surely the report presents the content as having happened, -3 (did not) … +3 (did)
    factuality: float | None = None
    # how much the content is worth fact-checking, 0 … 1
    checkworthiness: float | None = None


@dataclass
class Entity:
    key: str  # stable within a report: normalized fullest name
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class TimeValue:
    value: str | None  # ISO 8601 date or date-time, None when unresolved
    precision: Precision
    text: str
    start: int = 0
    end: int = 0
    part_of_day: str | None = None  # "early hours", "morning", "evening", …
    type: TimexType = "DATE"  # TIMEX3 type; DURATION and SET values use TimeML syntax ("P3D", "XXXX-WXX-5")


@dataclass
class Figure:
    text: str
    low: float
    high: float
    unit: str | None
    start: int
    end: int
    qualifier: str | None = None  # "at least", "up to", "more than", "about", "between", …


@dataclass
class Event:
    time: TimeValue
    description: str
    start: int
    end: int
    actors: list[str] = field(default_factory=list)
    place: str | None = None
    status: MentionStatus = "asserted"
    mention: int | None = None  # index into Extraction.mentions when the event sits in one
    factuality: float | None = None  # -3 (did not happen) … +3 (happened), as the report presents it


@dataclass
class Extraction:
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeValue] = field(default_factory=list)
    developing: bool = False
    language: str | None = "en"
