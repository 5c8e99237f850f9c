"""What the desk's pages show, drawn from the ledger's parts (lists of the export's dicts, a page at a time):
plain functions, no HTML here (the templates escape every string they print)."""

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


def claim_board(claims: list[dict]) -> list[tuple[str, list[dict]]]:
    """The current claims (of one page) grouped by status, in ``STATUS_ORDER``; withdrawn claims are left out."""
    groups: dict[str, list[dict]] = {status: [] for status in STATUS_ORDER}
    for claim in claims:
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


def search_words(query: str) -> list[str]:
    """The words of a search, as ``claim_matches`` compares them."""
    return query.casefold().split()


def claim_matches(claim: dict, words: list[str]) -> bool:
    """Whether the claim's text, sources or sentences hold every word (``search_words``; case-insensitive)."""
    haystack = " ".join([claim["text"], *claim_sources(claim), *(c["source"] for c in claim["contested_by"]),
                         *(m.get("sentence", "") for m in claim["mentions"])]).casefold()
    return bool(words) and all(word in haystack for word in words)


def search_claims(claims: list[dict], query: str) -> list[dict]:
    """Claims whose text, sources or sentences hold every word of the query (case-insensitive)."""
    words = search_words(query)
    return [claim for claim in claims if claim_matches(claim, words)]


def entity_names(entities: list[dict]) -> dict[str, str]:
    return {entity["id"]: entity["name"] for entity in entities}


def conflicts(changes: list[dict]) -> list[dict]:
    """Change-log entries that flag figures or dates other outlets give otherwise (when the ledger marks them)."""
    return [change for change in changes if change.get("conflict")]


def marked_text(text: str, claims: list[dict], report_id: str) -> list[tuple[str, str | None]]:
    """The report text cut into (piece, claim id or None): each of the report's mention spans that does not
    overlap an earlier one becomes a piece linked to its claim (``claims``: at least those the report states)."""
    spans = sorted((m["start"], m["end"], claim["id"]) for claim in claims for m in claim["mentions"]
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
