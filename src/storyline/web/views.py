"""What the desk's pages show, drawn from a ledger: plain functions over the export dict, no HTML here
(the templates escape every string they print)."""

from __future__ import annotations

from dataclasses import dataclass

STATUS_ORDER = ("confirmed", "corroborated", "asserted", "reported", "unverified", "disputed", "denied",
                "hypothetical")


@dataclass
class Evidence:
    """One mention of a claim: its sentence split around the content span, so the span can be highlighted."""

    report: dict
    mention: dict
    before: str
    content: str
    after: str


def claim_board(ledger: dict) -> list[tuple[str, list[dict]]]:
    """The current claims grouped by status, in ``STATUS_ORDER``; withdrawn claims are left out."""
    groups: dict[str, list[dict]] = {status: [] for status in STATUS_ORDER}
    for claim in ledger["claims"]:
        if not claim.get("withdrawn"):
            groups.setdefault(claim["status"], []).append(claim)
    return [(status, claims) for status, claims in groups.items() if claims]


def evidence(claim: dict, reports: dict[str, dict]) -> list[Evidence]:
    """Each mention of the claim in its sentence; ``reports`` by id, with their text when the ledger has it."""
    found = []
    for mention in claim["mentions"]:
        report = reports.get(mention["report"], {"id": mention["report"], "outlet": "?"})
        before, content, after = _split_sentence(report.get("text"), mention)
        found.append(Evidence(report, mention, before, content, after))
    return found


def _split_sentence(text: str | None, mention: dict) -> tuple[str, str, str]:
    """The mention's sentence as (before, content, after). The sentence is found in the report text where it
    covers the content span; without the text, by where the content first occurs in the sentence."""
    sentence, content = mention.get("sentence") or mention["text"], mention["text"]
    start, end = mention["start"], mention["end"]
    at = -1
    if text is not None:
        at = text.find(sentence, max(0, end - len(sentence)), start + len(sentence))
    offset = start - at if at >= 0 else sentence.find(content)
    if offset < 0:
        return "", content, ""
    return sentence[:offset], sentence[offset:offset + len(content)], sentence[offset + len(content):]


def claim_sources(claim: dict) -> list[str]:
    """Who supports the claim; when no one does (a denial, a dispute), who states it."""
    return list(dict.fromkeys(claim["supported_by"] or [m["source"]["name"] for m in claim["mentions"]]))


def search_claims(ledger: dict, query: str) -> list[dict]:
    """Claims whose text, sources or sentences hold every word of the query (case-insensitive)."""
    words = query.casefold().split()
    if not words:
        return []
    hits = []
    for claim in ledger["claims"]:
        haystack = " ".join([claim["text"], *claim_sources(claim), *(c["source"] for c in claim["contested_by"]),
                             *(m.get("sentence", "") for m in claim["mentions"])]).casefold()
        if all(word in haystack for word in words):
            hits.append(claim)
    return hits


def entity_names(ledger: dict) -> dict[str, str]:
    return {entity["id"]: entity["name"] for entity in ledger["entities"]}


def conflicts(ledger: dict) -> list[dict]:
    """Change-log entries that flag figures or dates other outlets give otherwise (when the ledger marks them)."""
    return [change for change in ledger["changes"] if change.get("conflict")]


def latest_change(ledger: dict) -> dict | None:
    return ledger["changes"][-1] if ledger["changes"] else None


def marked_text(text: str, ledger: dict, report_id: str) -> list[tuple[str, str | None]]:
    """The report text cut into (piece, claim id or None): each of the report's mention spans that does not
    overlap an earlier one becomes a piece linked to its claim."""
    spans = sorted((m["start"], m["end"], claim["id"]) for claim in ledger["claims"] for m in claim["mentions"]
                   if m["report"] == report_id)
    pieces: list[tuple[str, str | None]] = []
    at = 0
    for start, end, claim_id in spans:
        if start < at or end > len(text):
            continue
        if start > at:
            pieces.append((text[at:start], None))
        pieces.append((text[start:end], claim_id))
        at = end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces
