"""The tail of a story's change log: what changed after a given time.

Two clocks exist. A change's ``at`` is story time: when the report speaks (its publication time, else when
it was fetched). When storyline *recorded* a change is when its report was stored (``fetched_at``). A time the
user names is read on the story's clock; "since I last looked" is read on storyline's own clock, so a report
published yesterday but fetched a minute ago still counts as new to the reader.
"""

from __future__ import annotations

from datetime import datetime, timezone


def parse_time(value: str) -> datetime:
    """An ISO 8601 date or date-time as an aware UTC datetime (a bare date is its midnight, UTC; a time
    without a zone is UTC). Raises ValueError for anything else."""
    parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def changes_after(ledger: dict, since: datetime) -> list[dict]:
    """Changes whose story time is after ``since``; changes with no time are kept (nothing says they are old)."""
    kept = []
    for change in ledger["changes"]:
        try:
            if change["at"] is None or parse_time(change["at"]) > since:
                kept.append(change)
        except ValueError:
            kept.append(change)
    return kept


def changes_recorded_after(ledger: dict, since: datetime) -> list[dict]:
    """Changes whose report storyline stored after ``since``."""
    stored = {r["id"]: r.get("fetched_at") for r in ledger["reports"]}
    return [c for c in ledger["changes"] if stored.get(c["report"]) and parse_time(stored[c["report"]]) > since]
