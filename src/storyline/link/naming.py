"""The name of a story that a report opens (``storyline add`` without ``--story``): what a reader would call it.

The report's headline when it has one: the page's title without the site's name ("… | Harbour Post"), or a
first line of plain text that reads as a headline (short, no closing full stop, more text below it). Else
its first sentence, after the wire dateline ("KESTREL BAY, Ostravia (Harbour Ledger) — ") and any byline,
shortened at a word boundary, where a clause or a phrase ends when it can, with "…" where it was cut:
"A landslide blocked the coastal road north of Kestrel Bay…".

Plain ``re`` only, like ``extract.dateline``, which finds the dateline.
"""

from __future__ import annotations

import re

from ..extract.dateline import dateline_span

MAX_TITLE = 100  # a headline up to this long is the name as it stands
MAX_SENTENCE = 70  # a first sentence is cut to at most this many characters
MIN_CUT = 25  # a cut leaves at least this many characters, else a plain word boundary is taken
MAX_HEADLINE_WORDS = 16
ELLIPSIS = "…"

_LINE = re.compile(r"[^\n]*\S[^\n]*")
_BYLINE = re.compile(r"\s*By\s+[A-Z]")
_SITE_SEPARATOR = re.compile(r"\s+(?:\||[-–—·:])\s+")
# a sentence ends at . ! or ? (with a closing quote or bracket) before a space and a capital, a digit or a
# quote, or at the end of the text
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘(]?[A-Z0-9]|\s*$)")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Rev|Hon|No|Nos|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mt|Ft|Inc|Corp|Co|Ltd|vs|etc|approx)|\b[ap]\.m|"
    r"\b(?:[A-Za-z]\.){2,}[A-Za-z]?)\.$"
)
# where a clause ends (the cut goes before the mark): a comma, semicolon or colon before a space (not the
# one in "4,100" or "2:10"), an opening bracket, a spaced dash
_CLAUSE_END = re.compile(r"\s*(?:[,;:](?=\s)|\s\(|\s[—–-]\s)")
CLAUSE_BONUS = 15  # a clause end this much shorter than a phrase end is still preferred
# words that open a phrase: a name cut before one of them ends with the phrase before it
_PHRASE_OPENERS = frozenset(
    """in on at after before during amid amidst as when while where since until following near across over
    under into onto from for with without to against than that which who whose whom because although though
    but and or early late earlier later yesterday today tonight overnight""".split()
)
# … except where the word belongs to the phrase before it: "at least 40", "up to 25", "according to"
_NOT_OPENING = frozenset({("at", "least"), ("at", "most"), ("up", "to"), ("according", "to"), ("due", "to"),
                          ("close", "to"), ("next", "to"), ("more", "than"), ("less", "than"), ("fewer", "than"),
                          ("rather", "than"), ("as", "many"), ("as", "much"), ("as", "well")})
_ASIDE = re.compile(r"\s*\([^()]{1,40}\)")  # "(PVDU)", "(pictured)": left out of a name
_TRAILING = frozenset("a an the of and or but to for from with by in on at as its their his her".split())


def story_name(text: str, title: str | None = None, outlet: str | None = None) -> str:
    """A story name for a report: its headline, else its first sentence after the dateline, shortened."""
    headline = _headline(title, outlet) or _text_headline(text)
    if headline:
        return headline if len(headline) <= MAX_TITLE else shorten(headline, MAX_TITLE)
    return shorten(_ASIDE.sub("", first_sentence(_body(text))), MAX_SENTENCE) or "story"


def unique_name(name: str, taken: set[str]) -> str:
    """``name``, or "name (2)", "name (3)" … the first that no story in ``taken`` has."""
    unique, n = name, 2
    while unique in taken:
        unique, n = f"{name} ({n})", n + 1
    return unique


def first_sentence(text: str) -> str:
    """The text's first sentence, on one line, without its closing full stop."""
    flat = " ".join(text.split())
    for match in _SENTENCE_END.finditer(flat):
        if not _ABBREVIATION.search(flat[: match.start() + 1]):
            sentence = flat[: match.end()]
            return sentence[:-1] if sentence.endswith(".") else sentence
    return flat


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters with "…": where a clause ends, else before a word that
    opens a phrase, else at a word boundary; never after "the", "of" and the like."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = limit - len(ELLIPSIS)
    ends = [(m.start() + CLAUSE_BONUS, m.start()) for m in _CLAUSE_END.finditer(text)
            if MIN_CUT <= m.start() <= room]
    words = [(m.start(), m.group(1).lower().strip("\"“‘(),")) for m in re.finditer(r"\s+(\S+)", text)]
    for i, (start, word) in enumerate(words):
        if start > room:
            break
        previous = words[i - 1][1] if i else ""
        following = words[i + 1][1] if i + 1 < len(words) else ""
        if (start >= MIN_CUT and word in _PHRASE_OPENERS and previous not in _PHRASE_OPENERS
                and (word, following) not in _NOT_OPENING and (previous, word) not in _NOT_OPENING):
            ends.append((start, start))  # before the first of "early on Tuesday", not inside it
    for candidates in (ends, [(m.start(), m.start()) for m in re.finditer(r"\s", text[: room + 1])]):
        for _, end in sorted(candidates, reverse=True):
            cut = text[:end].rstrip(" ,;:—–-")
            if cut and cut.split()[-1].lower() not in _TRAILING:
                return cut + ELLIPSIS
    return text[:room].rstrip() + ELLIPSIS


def _headline(title: str | None, outlet: str | None) -> str | None:
    """The page title without a trailing or leading site name ("Ferry halted | Harbour Post")."""
    if not title or not title.strip():
        return None
    title = " ".join(title.split())
    separators = list(_SITE_SEPARATOR.finditer(title))
    site = " ".join((outlet or "").split()).lower()
    if separators:
        first, last = separators[0], separators[-1]
        if site and title[last.end():].lower() == site:
            title = title[: last.start()]
        elif site and title[: first.start()].lower() == site:
            title = title[first.end():]
        elif " | " in title:  # "Headline | Section | Site": a pipe parts the site's name from the headline
            title = title[: title.find(" | ")]
    return title.strip() or None


def _text_headline(text: str) -> str | None:
    """The first line of plain text when it reads as a headline: short, not closed like a sentence, not a
    dateline or byline, and followed by more text."""
    lines = _LINE.findall(text)
    if len(lines) < 2:
        return None
    line = lines[0].strip()
    words = line.split()
    if (len(words) > MAX_HEADLINE_WORDS or len(line) > MAX_TITLE or line.rstrip("\"”’'")[-1:] in ".,;:"
            or _BYLINE.match(line) or dateline_span(line + " ") or not any(c.isalpha() for c in line)):
        return None
    return line


def _body(text: str) -> str:
    """The text after its opening dateline (and any byline or headline before it)."""
    span = dateline_span(text)
    if span is not None:
        return text[span[1]:]
    lines = _LINE.findall(text)
    while lines and _BYLINE.match(lines[0]) and len(lines[0].split()) <= 8:
        lines = lines[1:]
    return "\n".join(lines)
