"""What a newly fetched text is to an article: new, unchanged, a minor edit, a flip-flop, a revision, or
no article at all (a failed fetch: a consent wall, a paywall, an error page, a page that lost most of its
text).

A revision is decided by ``revision_key``: the hash of the text with what does not make a revision
removed — lines that only stamp a time ("Updated 10:42 a.m. EDT, March 14, 2025"), whitespace,
punctuation and case. Numbers keep their decimal points and their edges, so "12.5" and "125", or "12 40"
and "1240", stay different, while "1,200" and "1200" are the same figure.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from storyline.watch.diff import split_sentences

# --- timestamp lines -------------------------------------------------------------------------------

_MONTHS = {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
           "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november",
           "dec", "december"}
_WEEKDAYS = {"mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs",
             "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday"}
_RELATIVE = {"ago", "now", "today", "yesterday"}
_STAMP_WORDS = _MONTHS | _WEEKDAYS | _RELATIVE | {
    # labels
    "updated", "update", "last", "published", "posted", "modified", "edited", "revised", "first", "on",
    "at", "of", "pub", "upd", "this", "story", "article", "page", "was", "just",
    # clock and calendar
    "am", "pm", "a", "p", "m", "t", "z", "h", "th", "st", "nd", "rd", "an", "one", "two", "three", "few",
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
    "day", "days", "week", "weeks", "month", "months",
    # time zones
    "utc", "gmt", "bst", "ist", "cet", "cest", "eet", "eest", "wet", "west", "msk", "edt", "est", "cdt",
    "cst", "mdt", "mst", "pdt", "pst", "akdt", "akst", "hst", "aest", "aedt", "acst", "awst", "nzst",
    "nzdt", "jst", "kst", "hkt", "sgt", "sast", "wat", "cat", "eat",
}
_STAMP_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}(?:[:.h]\d{2}(?!\d)|\s*[ap]\.?m\b)", re.IGNORECASE)
_COLON_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<!\d)\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?!\d)")
STAMP_MAX_CHARS = 100  # a timestamp line is short; a longer line is a sentence


def is_timestamp_line(line: str) -> bool:
    """Whether the line does nothing but stamp a time or date ("Last updated: 2 hours ago")."""
    if len(line) > STAMP_MAX_CHARS:
        return False
    tokens = _STAMP_TOKEN.findall(line.casefold())
    words = [token for token in tokens if not token.isdigit()]
    if not tokens or any(word not in _STAMP_WORDS for word in words):
        return False
    if not words:
        return bool(_COLON_CLOCK.search(line) or _NUMERIC_DATE.search(line))
    has_digit = len(words) < len(tokens)
    return bool(_CLOCK.search(line) or _NUMERIC_DATE.search(line) or _RELATIVE & set(words)
                or (has_digit and (_MONTHS | _WEEKDAYS) & set(words)))


# --- keys ------------------------------------------------------------------------------------------

_CONTENT_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+")
_THOUSANDS = re.compile(r",(?=\d{3}(?!\d))")


def normalize_text(text: str) -> str:
    """The text as a reader sees it: Unicode NFC, ``\\n`` line ends, no trailing spaces on lines, no
    whitespace around the whole. Two fetches with the same normalized text are the same page."""
    lines = unicodedata.normalize("NFC", text).splitlines()
    return "\n".join(line.rstrip() for line in lines).strip()


def _content(text: str) -> str:
    """Letters and numbers only, case folded; each number kept whole (``#12.5#``) without thousands
    separators."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(f"#{_THOUSANDS.sub('', token)}#" if token[0].isdigit() else token
                   for token in _CONTENT_TOKEN.findall(folded))


def _without_stamps(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not is_timestamp_line(line))


def revision_key(text: str) -> str:
    """sha256 hex of the text without timestamp lines, whitespace, punctuation or case: equal keys, same
    revision."""
    return hashlib.sha256(_content(_without_stamps(text)).encode("utf-8")).hexdigest()


# --- verdicts --------------------------------------------------------------------------------------

@dataclass
class Verdict:
    """What a fetched text is to the article's stored revisions."""

    kind: Literal["new", "unchanged", "minor", "flip_flop", "revision"]
    matches: int | None = None  # the version it equals: the latest (unchanged, minor), an earlier one (flip_flop)
    detail: str = ""


def classify(text: str, revisions: Sequence[tuple[int, str]]) -> Verdict:
    """Compare a fetched text with the article's stored ``(version, text)`` revisions, oldest first."""
    if not revisions:
        return Verdict("new", None, "first version of this article")
    latest_version, latest = revisions[-1]
    if normalize_text(text) == normalize_text(latest):
        return Verdict("unchanged", latest_version, "same text as the latest version")
    key = revision_key(text)
    if key == revision_key(latest):
        return Verdict("minor", latest_version, _minor_detail(text, latest))
    for n in range(len(revisions) - 2, -1, -1):
        version, earlier = revisions[n]
        if revision_key(earlier) == key:
            return Verdict("flip_flop", version, _flip_flop_detail(version, revisions[n + 1:]))
    return Verdict("revision", None, f"changed since version {latest_version}")


def _minor_detail(text: str, latest: str) -> str:
    if _content(text) == _content(latest):
        return "only whitespace or punctuation changed"
    if normalize_text(_without_stamps(text)) == normalize_text(_without_stamps(latest)):
        return "only a timestamp line changed"
    return "only a timestamp line, whitespace or punctuation changed"


def _flip_flop_detail(version: int, undone: Sequence[tuple[int, str]]) -> str:
    if len(undone) == 1:
        return f"back to version {version} (flip-flopping between versions {version} and {undone[0][0]})"
    return f"back to version {version} (undoing versions {undone[0][0]} to {undone[-1][0]})"


# --- failed fetches --------------------------------------------------------------------------------

_WALLS = {
    "a consent or cookie wall": [
        r"\buses? cookies\b", r"\bcookies? (?:policy|settings|preferences|notice|consent|choices)\b",
        r"\b(?:accept|reject|allow|decline|refuse|manage|customi[sz]e) (?:all |optional |non-essential )?cookies\b",
        r"\b(?:accept|reject|agree to|allow|decline|refuse) all\b",
        r"\bcookies and (?:similar|other) (?:technologies|tracking)", r"\bstore and/or access information\b",
        r"\bprivacy (?:settings|preferences|choices|center|centre)\b", r"\bwe (?:value|care about) your privacy\b",
        r"\b(?:give|withdraw|change|manage) (?:your )?consent\b", r"\blegitimate interests?\b",
        r"\bpersonali[sz]ed (?:ads|advertising|content)\b", r"\b(?:ad|advertising) and content measurement\b",
        r"\bmanage (?:options|preferences|settings|choices)\b", r"\bmore options\b", r"\bbefore you continue\b",
        r"\bby (?:clicking|continuing to (?:use|browse))\b",
    ],
    "a paywall or login wall": [
        r"\bsubscribe (?:now |today )?to (?:continue|keep|start) reading\b", r"\bto (?:continue|keep) reading\b",
        r"\b(?:already|are you) a (?:subscriber|member)\b",
        r"\b(?:sign|log) ?in (?:to (?:continue|read|keep reading|access)|or (?:subscribe|register|create))\b",
        r"\b(?:create|register for) an? (?:free )?account to\b",
        (r"\b(?:this|the) (?:article|story|content|page) is (?:only )?(?:available|reserved|exclusive) "
         r"(?:to|for) (?:subscribers|members|registered users)\b"),
        r"\b(?:for|to) (?:paying )?subscribers only\b", r"\bsubscribers?[- ]only\b",
        r"\breached (?:your|the) (?:monthly |free )?(?:article |story )?limit\b",
        r"\bfree (?:articles?|stories) (?:left|remaining)\b", r"\bunlimited (?:digital )?access\b",
        r"\b(?:unlock|get) (?:full|digital|this) (?:access|article|story)\b", r"\bstart (?:your )?(?:free )?trial\b",
        r"\bcancel (?:at )?any ?time\b", r"\bbecome a (?:member|subscriber)\b", r"\bsubscription (?:required|needed)\b",
        r"^(?:log ?in|sign ?in|subscribe(?: now)?|register)\W*$",
    ],
    "an error page": [
        r"\b(?:page|article|story|content) (?:was |could )?not (?:be )?found\b",
        r"\bpage (?:you (?:are|were|'re) looking for|you requested|requested)\b",
        r"\b(?:may|might) have been (?:moved|removed|deleted|renamed)\b", r"\b(?:error|http) ?[45]\d\d\b",
        r"\b[45]\d\d (?:error|not found|forbidden|internal server error|service unavailable|bad gateway)\b",
        r"^(?:error )?[45]\d\d\W*$", r"^(?:not found|forbidden|error)\W*$", r"\bsomething went wrong\b",
        r"\ban? (?:unexpected )?error (?:has )?occurred\b", r"\binternal server error\b",
        r"\bservice (?:is )?(?:temporarily )?unavailable\b", r"\bbad gateway\b", r"\baccess (?:is )?denied\b",
        r"\byou (?:don't|do not) have permission to (?:access|view)\b", r"\bare you (?:a )?(?:robot|human)\b",
        r"\b(?:verify|confirm|prove) (?:that )?you(?: are|'re) (?:a )?human\b", r"\bnot a robot\b",
        r"\bcaptcha\b", r"\bchecking (?:if the site connection is secure|your browser)\b",
        r"\benable (?:javascript|js)\b", r"\btry again later\b", r"\bunusual traffic\b",
        r"\btoo many requests\b", r"\brequest (?:was |has been )?blocked\b", r"\bwhy am i seeing this\b",
        r"\b(?:go|return|back|take me) (?:back )?to (?:the )?home ?page\b", r"\bjust a moment\b",
    ],
}
_WALL_PATTERNS = {reason: re.compile("|".join(patterns), re.IGNORECASE) for reason, patterns in _WALLS.items()}
_WALL_TITLES = {
    "a consent or cookie wall": r"before you continue(?: to .+)?|(?:cookie|privacy) (?:consent|settings|"
                                r"preferences|notice)|we value your privacy|consent",
    "a paywall or login wall": r"subscribe(?: now| today| to read| to continue reading)?|subscribers? only|"
                               r"(?:log|sign) ?in|register|create an? account",
    "an error page": r"(?:(?:http )?error ?)?[45]\d\d(?: (?:error|(?:page )?not found|forbidden|internal server "
                     r"error|service unavailable|bad gateway))?|(?:page )?not found|error|access denied|"
                     r"forbidden|just a moment\W*|attention required\W*|are you a robot\W*|something went wrong\W*|"
                     r"service unavailable|too many requests|security check",
}
_TITLE_PATTERNS = {reason: re.compile(pattern, re.IGNORECASE) for reason, pattern in _WALL_TITLES.items()}
_TITLE_PARTS = re.compile(r"\s+[|\-–—:·»]\s+|\s*[|·»]\s*")
_WORD = re.compile(r"\w+")

WALL_MAX_WORDS = 400   # walls and error pages are short; a longer text is an article that mentions them
WALL_SHARE = 0.25      # ... and their phrases fill at least a quarter of its words,
WALL_SENTENCES = 2     # ... in at least two sentences, unless the page is tiny:
TINY_WORDS = 40        # one wall sentence is enough under this many words ("Error 404: page not found.")
TITLE_MAX_WORDS = 150  # a wall or error title ("Page not found | Daily Ledger") on a page this short
MIN_WORDS = 5          # fewer words than this is no article at all
DROP_MIN_PREVIOUS = 150  # a length drop counts when the previous version had at least this many words...
DROP_RATIO = 0.4         # ... and the new text has fewer than this share of them


def failed_page(text: str, title: str | None = None, previous_words: int | None = None) -> str | None:
    """Why this fetched text is a failed fetch rather than a revision of the article, or None.

    A wall or error page is judged by being short and being mostly wall phrases (or carrying a wall or
    error title), never by a keyword somewhere: an article that mentions cookies, subscriptions or a 404
    in passing is an article. A text that fell below ``DROP_RATIO`` of a previous version of at least
    ``DROP_MIN_PREVIOUS`` words lost most of the article on the way.
    """
    words = len(_WORD.findall(text))
    if words < MIN_WORDS:
        return f"the page has almost no text ({words} words)"
    if words <= WALL_MAX_WORDS:
        reason = _wall(text, words)
        if reason:
            return reason
    if title and words <= TITLE_MAX_WORDS:
        reason = _wall_title(title)
        if reason:
            return f"looks like {reason} (title {title.strip()!r}), not the article"
    if previous_words is not None and previous_words >= DROP_MIN_PREVIOUS and words < DROP_RATIO * previous_words:
        return (f"the text fell to {words} words from {previous_words} (under {DROP_RATIO:.0%}): "
                "likely a partial or failed page")
    return None


def _wall(text: str, words: int) -> str | None:
    """The kind of wall whose phrases fill at least ``WALL_SHARE`` of the text (in at least
    ``WALL_SENTENCES`` sentences unless it is tiny), or None."""
    wall_words = wall_sentences = 0
    by_reason = dict.fromkeys(_WALL_PATTERNS, 0)
    for sentence in split_sentences(text):
        reasons = [reason for reason, pattern in _WALL_PATTERNS.items() if pattern.search(sentence)]
        if reasons:
            count = len(_WORD.findall(sentence))
            wall_words += count
            wall_sentences += 1
            for reason in reasons:
                by_reason[reason] += count
    if wall_words < WALL_SHARE * words or (wall_sentences < WALL_SENTENCES and words >= TINY_WORDS):
        return None
    reason = max(by_reason, key=by_reason.__getitem__)
    return f"looks like {reason} ({wall_words / words:.0%} of its {words} words), not the article"


def _wall_title(title: str) -> str | None:
    """The kind of wall or error a page title names on its own ("404 - Not Found | Daily Ledger"), or None."""
    for part in _TITLE_PARTS.split(title.strip()):
        for reason, pattern in _TITLE_PATTERNS.items():
            if pattern.fullmatch(part.strip()):
                return reason
    return None
