"""The story's change log as an Atom 1.0 feed, so any feed reader can follow the ledger moving."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from urllib.parse import quote

from ..ledger.since import parse_time
from .terminal import printable_tree

ATOM_NS = "http://www.w3.org/2005/Atom"
TAG_PREFIX = "tag:storyline,2025:story/"
LABELS = {
    "new_report": "New report",
    "new_revision": "New revision",
    "new_claim": "New claim",
    "status_changed": "Status changed",
    "claim_withdrawn": "Claim withdrawn",
    "figure_changed": "Figure changed",
    "new_source": "New source",
}
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _clean(text: object) -> str:
    """Text safe for an XML document: characters XML 1.0 cannot carry are dropped (escaping is ElementTree's)."""
    return _NOT_XML.sub("", "" if text is None else str(text))


def _when(value: str | None) -> datetime | None:
    """An ISO 8601 date or date-time as an aware UTC datetime (naive ones read as UTC); None when unreadable."""
    if not value:
        return None
    try:
        return parse_time(value)
    except ValueError:
        return None


def _rfc3339(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def change_title(change: dict) -> str:
    """A one-line headline for a change-log entry: its kind in words, then its detail."""
    label = LABELS.get(change.get("kind", ""), str(change.get("kind", "Change")).replace("_", " ").capitalize())
    detail = _short(_clean(change.get("detail") or ""))
    return f"{label}: {detail}" if detail else label


def _sub(parent: ET.Element, tag: str, text: object = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def ledger_atom(ledger: dict, *, feed_url: str | None = None) -> str:
    """An Atom 1.0 document of the ledger's change log, newest change first; its text without control characters
    or escape sequences (and without what XML 1.0 cannot carry)."""
    ledger = printable_tree(ledger)
    story = ledger["story"]
    base = TAG_PREFIX + quote(str(story["id"]), safe="")
    fallback = _when(ledger.get("generated_at")) or _EPOCH
    reports = {r["id"]: r for r in ledger.get("reports", [])}
    dated = [(_when(c.get("at")) or fallback, i, c) for i, c in enumerate(ledger.get("changes", []))]
    dated.sort(key=lambda item: (item[0], item[1]), reverse=True)

    feed = ET.Element("feed", {"xmlns": ATOM_NS})
    _sub(feed, "id", base)
    _sub(feed, "title", f"storyline: {story['title']}")
    _sub(feed, "updated", _rfc3339(dated[0][0] if dated else fallback))
    _sub(_sub(feed, "author"), "name", "storyline")
    _sub(feed, "generator", "storyline")
    if feed_url:
        _sub(feed, "link", rel="self", href=feed_url, type="application/atom+xml")
    for when, index, change in dated:
        feed.append(_entry(base, when, index, change, reports.get(change.get("report"))))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry(base: str, when: datetime, index: int, change: dict, report: dict | None) -> ET.Element:
    kind = str(change.get("kind", "change"))
    entry = ET.Element("entry")
    _sub(entry, "id", f"{base}/change/{index}/{quote(kind, safe='')}")
    _sub(entry, "title", change_title(change))
    _sub(entry, "updated", _rfc3339(when))
    if report and report.get("outlet"):
        _sub(_sub(entry, "author"), "name", report["outlet"])
    if report and report.get("url"):
        _sub(entry, "link", rel="alternate", href=report["url"])
    _sub(entry, "category", term=kind, label=LABELS.get(kind, kind))
    lines = [change.get("detail") or ""]
    if report:
        lines.append(f"Report: {report.get('outlet')}, version {report.get('version')} ({report['id']})")
    else:
        lines.append(f"Report: {change.get('report')}")
    if change.get("claim"):
        lines.append(f"Claim: {change['claim']}")
    _sub(entry, "summary", "\n".join(line for line in lines if line), type="text")
    return entry
