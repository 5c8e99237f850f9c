"""Persistence: stories, reports (raw content kept) and extraction records, in SQLite or PostgreSQL."""

from .records import ReportRecord
from .store import AddResult, Store, StoryRow, open_store

__all__ = ["AddResult", "ReportRecord", "Store", "StoryRow", "open_store"]
