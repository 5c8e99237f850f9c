"""Editors' verdicts as schema.org ClaimReview JSON-LD, the markup search engines and fact-check tools read.

One ClaimReview per claim with a verdict: the required fields (``claimReviewed``, ``reviewRating`` with its
``alternateName``, ``url``) and the recommended ones (``author``, ``datePublished``, ``itemReviewed``: the
claim with who made it and the reports where it appears).
"""

from __future__ import annotations

import json
from urllib.parse import quote

DEFAULT_BASE_URL = "http://127.0.0.1:8000"

# rating → (the words shown, its place on a 1–5 scale; None where the rating is not a point on that scale)
RATINGS: dict[str, tuple[str, int | None]] = {
    "true": ("True", 5),
    "mostly-true": ("Mostly true", 4),
    "mixed": ("Mixed", 3),
    "mostly-false": ("Mostly false", 2),
    "false": ("False", 1),
    "misleading": ("Misleading", None),
    "unproven": ("Unproven", None),
}


def claim_url(base_url: str, story_id: str, claim_id: str) -> str:
    """Where the desk shows a claim with its verdict."""
    return f"{base_url.rstrip('/')}/stories/{quote(story_id, safe='')}/claims/{quote(claim_id, safe='')}"


def claim_reviews(ledger: dict, base_url: str = DEFAULT_BASE_URL) -> list[dict]:
    """A ClaimReview object for each claim of the ledger that has a verdict, in ledger order."""
    reports = {r["id"]: r for r in ledger["reports"]}
    story_id = ledger["story"]["id"]
    return [_review(claim, reports, claim_url(base_url, story_id, claim["id"]))
            for claim in ledger["claims"] if claim.get("verdict")]


def ledger_claimreview(ledger: dict, base_url: str = DEFAULT_BASE_URL) -> str:
    """The ledger's ClaimReviews as a JSON-LD document (a list of objects)."""
    return json.dumps(claim_reviews(ledger, base_url), ensure_ascii=False, indent=2) + "\n"


def _review(claim: dict, reports: dict[str, dict], url: str) -> dict:
    verdict = claim["verdict"]
    words, value = RATINGS[verdict["rating"]]
    rating: dict = {"@type": "Rating", "alternateName": words}
    if value is not None:
        rating.update(ratingValue=value, bestRating=5, worstRating=1)
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim["text"],
        "reviewRating": rating,
        "author": {"@type": "Person", "name": verdict["by"]},
        "datePublished": verdict["at"][:10],
        "itemReviewed": _claim_item(claim, reports),
    }
    if verdict.get("note"):
        review["reviewBody"] = verdict["note"]
    if verdict.get("evidence_url"):
        review["citation"] = verdict["evidence_url"]
    return review


def _claim_item(claim: dict, reports: dict[str, dict]) -> dict:
    """The claim reviewed: who makes it, when it was first seen, and each report it appears in."""
    first = claim["mentions"][0]
    source = first["source"]
    if source["kind"] == "person":
        author = {"@type": "Person", "name": source["name"]}
    elif source["kind"] == "organization":
        author = {"@type": "Organization", "name": source["name"]}
    else:  # the outlet's own voice, or an unnamed source: the outlet is who puts it forward
        author = {"@type": "Organization", "name": reports.get(first["report"], {}).get("outlet", source["name"])}
    item: dict = {"@type": "Claim", "author": author}
    if claim.get("first_seen"):
        item["datePublished"] = claim["first_seen"][:10]
    appearances = []
    for report_id in dict.fromkeys(m["report"] for m in claim["mentions"]):
        report = reports.get(report_id)
        if report is not None:
            appearances.append(_appearance(report))
    if appearances:
        item["appearance"] = appearances
        item["firstAppearance"] = appearances[0]
    return item


def _appearance(report: dict) -> dict:
    work: dict = {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": report["outlet"]}}
    if report.get("url"):
        work["url"] = report["url"]
    if report.get("title"):
        work["headline"] = report["title"]
    if report.get("published_at"):
        work["datePublished"] = report["published_at"]
    return work
