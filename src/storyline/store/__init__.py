"""Persistence: stories, reports (raw content kept) and extraction records, in SQLite or PostgreSQL."""

from .records import ReportRecord
from .store import AddResult, Store, StoryRow, open_store
from .watching import CheckRow, Revision, WatchRow

__all__ = ["AddResult", "CheckRow", "ReportRecord", "Revision", "Store", "StoryRow", "WatchRow", "open_store"]
