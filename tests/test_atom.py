"""The change log as an Atom feed: valid, newest first, stable ids, escaped text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import feedparser

from storyline.present.atom import ledger_atom

A = "{http://www.w3.org/2005/Atom}"


def _ledger(changes: list[dict]) -> dict:
    return {
        "schema_version": "1",
        "generated_at": "2031-05-03T12:00:00+00:00",
        "story": {"id": "hesker-point-grounding", "title": "Hesker Point grounding & <rescue>",
                  "developing": True, "report_count": 2, "outlet_count": 1},
        "reports": [
            {"id": "r1", "url": "https://tidewatch.test/news/hesker-point?a=1&b=2", "outlet": "Tidewatch Daily",
             "version": 1, "sha256": "0" * 64, "developing": True},
            {"id": "r2", "url": None, "outlet": "Ostrel \"Coast\" Radio", "version": 2, "sha256": "1" * 64,
             "developing": True},
        ],
        "claims": [], "entities": [], "events": [], "figures": [],
        "changes": changes,
    }


CHANGES = [
    {"at": "2031-05-01T22:15:00+00:00", "kind": "new_report", "report": "r1", "claim": None,
     "detail": "Tidewatch Daily, version 1"},
    {"at": "2031-05-01T22:15:00+00:00", "kind": "new_claim", "report": "r1", "claim": "c-aa",
     "detail": "the ferry's captain said \"we hit <something> & turned back\""},
    {"at": "2031-05-02T09:30:00+02:00", "kind": "status_changed", "report": "r2", "claim": "c-aa",
     "detail": "unverified → confirmed: the ferry struck a reef"},
    {"at": None, "kind": "figure_changed", "report": "r2", "claim": None, "detail": "7 passengers → 19 passengers"},
]


def test_entries_newest_first_with_titles_links_and_times():
    text = ledger_atom(_ledger(CHANGES), feed_url="http://127.0.0.1:9/feed.atom")
    feed = feedparser.parse(text)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "storyline: Hesker Point grounding & <rescue>"
    assert feed.feed.id.startswith("tag:") and "hesker-point-grounding" in feed.feed.id
    assert feed.feed.updated == "2031-05-03T12:00:00Z"  # the undated change falls back to generated_at
    titles = [e.title for e in feed.entries]
    assert titles == ["Figure changed: 7 passengers → 19 passengers",
                      "Status changed: unverified → confirmed: the ferry struck a reef",
                      "New claim: the ferry's captain said \"we hit <something> & turned back\"",
                      "New report: Tidewatch Daily, version 1"]
    assert [e.updated for e in feed.entries] == ["2031-05-03T12:00:00Z", "2031-05-02T07:30:00Z",
                                                 "2031-05-01T22:15:00Z", "2031-05-01T22:15:00Z"]
    claim = feed.entries[2]
    assert claim.link == "https://tidewatch.test/news/hesker-point?a=1&b=2"
    assert "Tidewatch Daily" in claim.summary and "c-aa" in claim.summary
    assert "links" not in feed.entries[1] or not any(l.get("rel") == "alternate" for l in feed.entries[1].links)
    assert 'Ostrel "Coast" Radio' in feed.entries[1].summary
    assert any(l.rel == "self" and l.href == "http://127.0.0.1:9/feed.atom" for l in feed.feed.links)


def test_xml_is_well_formed_and_escaped():
    text = ledger_atom(_ledger(CHANGES + [{"at": "2031-05-04", "kind": "new_source", "report": "r1",
                                           "claim": "c-aa", "detail": "harbour \x0bmaster\x00"}]))
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{A}feed"
    assert "&lt;something&gt; &amp; turned back" in text and "<something>" not in text
    entries = root.findall(f"{A}entry")
    assert entries[0].find(f"{A}title").text == "New source: harbour master"
    assert entries[0].find(f"{A}updated").text == "2031-05-04T00:00:00Z"
    link = entries[-1].find(f"{A}link")
    assert link.get("href") == "https://tidewatch.test/news/hesker-point?a=1&b=2"


def test_ids_are_stable_and_unique():
    first = feedparser.parse(ledger_atom(_ledger(CHANGES)))
    second = feedparser.parse(ledger_atom(_ledger(CHANGES + [
        {"at": "2031-05-05T00:00:00+00:00", "kind": "claim_withdrawn", "report": "r2", "claim": "c-aa",
         "detail": "gone from version 2"}])))
    ids = [e.id for e in first.entries]
    assert len(set(ids)) == len(ids)
    assert set(ids) <= {e.id for e in second.entries}
    assert second.entries[0].title.startswith("Claim withdrawn: ")
    assert ids == [e.id for e in feedparser.parse(ledger_atom(_ledger(CHANGES))).entries]


def test_empty_change_log_is_a_valid_feed():
    text = ledger_atom(_ledger([]))
    feed = feedparser.parse(text)
    assert not feed.bozo and feed.entries == []
    assert feed.feed.updated == "2031-05-03T12:00:00Z"
    root = ET.fromstring(text.encode("utf-8"))
    assert root.find(f"{A}id") is not None and root.find(f"{A}title") is not None
