"""The parts of a report's text that belong to the page, not to the story: the headline and chrome lines.

A web page's text often opens with a headline ("Mayor Urges Calm After Harbour Fire"), carries a byline
("By Ida Kern and Olek Tamm"), banners in capitals ("THE KELVAR COURIER", "ABSTRACT."), credit lines
("Olek Tamm contributed to this report.", "Photo: Ida Kern/Getty Images"), time stamps ("Posted May 2, 2031
3:15 PM ET", above or under the headline) and promotions ("Sign up for our
newsletter", "Follow Ida Kern on Twitter @idakern"). Extractors read the headline with care (its Title Case
fools a tagger) and chrome lines not at all.
"""

from __future__ import annotations

import re

from .dateline import LINE_DATELINE

_LINE = re.compile(r"[^\n]*\S[^\n]*")
BLANK_LINE = re.compile(r"\n[ \t\xa0]*\n")  # a paragraph break: a line of nothing but spaces
# a line that opens by asking the reader to do something, or by crediting someone
_CHROME_START = re.compile(r"""^[\s(•*–—-]*(?:
      sign\ up\b | subscribe\b | follow\ (?:us|me|him|her|them)\b | follow\ @ | like\ us\b | like\ the\ page\b
    | share\ (?:this|on)\b | click\ here\b | read\ more\b | related\W*$ | related: | download\ (?:the|our)\b
    | advertisement\W*$ | ©\W | copyright\b | all\ rights\ reserved
    | (?:e-?mail|contact|reach)\ \S+(?:\ \S+)?\ at\ \S+@ | send\ tips\b
    | (?:twitter|facebook|instagram)\s*:\s*@
    | (?:contributing|contributors?|additional\ reporting|reporting\ by|editing\ by|edited\ by|written\ by
       |byline|photo(?:graph)?s?(?:\ by|\ credit)?|image(?:\ credit)?|credit)\s*:
    )""", re.IGNORECASE | re.VERBOSE)
# a call to follow or subscribe anywhere in a line: an author's note ("… Follow him on Twitter @okern.")
_CHROME_INSIDE = re.compile(
    r"\bfollow\s+(?:\S+\s+){0,12}?on\s+(?:twitter|facebook|instagram)\b|\bsubscribe\s+(?:here|now|to\s+our)\b"
    r"|\bsign\s+up\s+(?:here|now|for\s+(?:our|the|her|his)\b)|\blike\s+us\s+on\s+facebook\b"
    r"|\btweets\s+(?:at\s+)?@\w+\W*$",
    re.IGNORECASE)
# short credit lines: "Olek Tamm contributed to this report.", "Kern reported from Lundra.", "Ida Kern/Getty Images",
# "Ida Kern / Reuters."
_CREDIT = re.compile(
    r"\bcontributed(?:\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article))?\W*$"
    r"|\breported\s+from\s+[A-Z][\w .,’'-]*\W*$"
    r"|(?:\bvia\s+|/\s*)(?:Getty(?:\s+Images)?|AP|AFP|Reuters)\W*$"
    r"|^\W*(?:Getty(?:\s+Images)?|AP(?:\s+Photo)?|AFP|Reuters)\W*$")
# the signature an embedded post carries where its text ends, as a page's text keeps it: a picture's link, then
# "— Name (@handle) Month D, YYYY" ("pic.twitter.com/Ab12 — Ida Kern (@idakern) May 2, 2031"), and any closing tag
POST_SIGNATURE = re.compile(
    r"(?:\bpic\.twitter\.com/\S+[ \t\xa0]*)?(?P<dash>[—–])[ \t\xa0]*(?P<name>[^\s()—–][^()\n—–]{0,60}?)[ \t\xa0]*"
    r"\(@\w+\)[ \t\xa0]+[A-Z][a-z]+\.?[ \t\xa0]+\d{1,2},[ \t\xa0]+\d{4}(?:[ \t\xa0]*</?[A-Za-z][^<>]*>)*\.?")
_POST_CHROME = re.compile(POST_SIGNATURE.pattern + r"|\bpic\.twitter\.com/\S+")  # or a picture's link alone
# a line that is a web address alone (the page's own, printed above the headline)
_ADDRESS = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
# markup an archive left in the text: an embedded post's placeholder (<post id="…"></post>, <post id="…"/>)
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>?")
# a line that is a time stamp alone ("Posted May 2, 2031 3: 15 PM ET", "Tuesday, 05 / 02 / 31 | 9:40 am"): the
# page's, printed above or below the headline; its words are date and clock words, numbers and separators
_STAMP_WORD = re.compile(
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?|posted|published|updated|last|modified|on|at|[ap]\.?m\.?|[ecmp][sd]?t|gmt|utc|bst"
    r"|\d{1,4}(?:st|nd|rd|th|[ap]m)?)\.?,?", re.IGNORECASE)
_STAMP_PUNCT = re.compile(r"[/|@:,.\-–—]+")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_SENTENCE_BREAK = re.compile(r"[.!?\u201d>]\s")
# "By Ida Kern and Olek Tamm, Courier staff": a byline is names and capitalised words only
_BYLINE = re.compile(r"^\s*(?:By|BY)\s+(?P<names>[A-Z].*)$")
_BYLINE_WORD = re.compile(r"[A-Z][\w.'’-]*|and|of|the|&|\||[,;:.—–-]")
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
# words a Title Case headline leaves in lower case
_MINOR = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from",
          "as", "vs", "vs.", "via", "into", "over", "off", "up", "out", "per", "than", "is", "be", "if", "so"}
# capitalised words that open a headline as a dateline opens a report ("EXCLUSIVE – Ida Kern: …")
HEADLINE_LABELS = {"EXCLUSIVE", "BREAKING", "UPDATE", "UPDATED", "WATCH", "VIDEO", "ANALYSIS", "OPINION", "LIVE",
                   "REVEALED", "BUSTED", "BOMBSHELL", "BOOM", "WOW", "LOOK", "EDITORIAL", "FACTBOX", "EXPLAINER"}
MAX_HEADLINE_LINES = 3
MAX_HEADLINE_WORDS = 60
MAX_LEDE_WORDS = 20  # one sentence-case line longer than this, ending a sentence, is the lede, not a headline
MAX_CREDIT_WORDS = 15
MAX_BANNER_WORDS = 6


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the page chrome in the text, in order: whole lines (a byline, a banner in capitals, a
    credit, a promotion, a web address, a time stamp or a placeholder in markup alone) and, inside a longer
    line, the sentence that asks the reader to follow or subscribe and an embedded post's signature (its
    picture link, its author's name and handle, its date)."""
    found = []
    for match in _LINE.finditer(text):
        line = match.group(0)
        if _is_chrome(line):
            found.append(match.span())
            continue
        inside = _CHROME_INSIDE.search(line)
        if inside:
            cut = max((m.end() for m in _SENTENCE_BREAK.finditer(line, 0, inside.start())), default=0)
            stop = _SENTENCE_END.search(line, inside.end())
            found.append((match.start() + cut, match.start() + stop.end() if stop else match.end()))
        found.extend((match.start() + m.start(), match.start() + m.end()) for m in _POST_CHROME.finditer(line))
    return sorted(found)


def _is_chrome(line: str) -> bool:
    words = line.split()
    if _CHROME_START.match(line) or _ADDRESS.match(line) or _markup_only(line) or _is_stamp(words):
        return True
    if len(words) <= MAX_CREDIT_WORDS and _CREDIT.search(line):
        return True
    byline = _BYLINE.match(line)
    if byline and len(words) <= 14 and all(_BYLINE_WORD.fullmatch(w) for w in
                                           re.findall(r"[\w.'’&|-]+|[,;:—–]", byline["names"])):
        return True
    return _is_banner(line, words)


def _markup_only(line: str) -> bool:
    """A line of markup tags and nothing else: the placeholder of an embedded post or video that the archive
    kept as text (``<post id="…"><post/>.``). It says nothing; were it read, its attributes make a junk row."""
    rest, tags = _TAG.subn("", line)
    return tags > 0 and not any(c.isalnum() for c in rest)


def is_stamp_line(line: str) -> bool:
    """Whether a line is a date or time stamp and nothing else ("Thursday, March 14, 2024 | 8:20 AM")."""
    return _is_stamp(line.split())


def _is_stamp(words: list[str]) -> bool:
    """A line of a date or time and nothing else: no word of it names anything, and a headline under it is the
    headline (not the stamp)."""
    if not any(c.isdigit() for w in words for c in w) or len(words) > 16:
        return False
    for word in words:
        for piece in _STAMP_PUNCT.split(word):
            if piece and not _STAMP_WORD.fullmatch(piece):
                return False
    return True


def _is_banner(line: str, words: list[str]) -> bool:
    """A line in capitals only ("THE KELVAR COURIER", "ABSTRACT.", "CORRECTION:"), not a dateline."""
    letters = [c for c in line if c.isalpha()]
    return (len(words) <= MAX_BANNER_WORDS and len(letters) > 1 and all(c.isupper() for c in letters)
            and not re.search(r"[—–]", line))


def headline_span(text: str, chrome: list[tuple[int, int]] | None = None) -> tuple[int, int] | None:
    """(start, end) of the headline that opens the text: its first block of lines that is no chrome, when
    the block is short (three lines, 60 words at most), is no dateline, and more text follows. A block set
    off by a blank line is a headline unless it is one long sentence (a lede); a first line that runs on
    into the body without a blank line is a headline only in Title Case."""
    chrome = chrome_spans(text) if chrome is None else chrome
    spans = set(chrome)
    at = len(text) - len(text.lstrip())
    while at < len(text):
        gap = BLANK_LINE.search(text, at)
        end = gap.start() if gap else len(text)
        lines = list(_LINE.finditer(text, at, end))
        if lines and all(line.span() in spans for line in lines):  # a banner or byline before the headline
            at = gap.end() if gap else len(text)
            at += len(text[at:]) - len(text[at:].lstrip())
            continue
        break
    else:
        return None
    dateline = LINE_DATELINE.match(text, at)
    if dateline and text[at:dateline.end()].split()[0].strip(":").upper() not in HEADLINE_LABELS:
        return None
    if gap is None or len(lines) > MAX_HEADLINE_LINES:  # no blank line after it: its first line alone
        first = _LINE.match(text, at)
        if first is None or not is_title_case(first.group(0)) or len(first.group(0).split()) > 25:
            return None
        start, end = first.span()
        body = text[end:]
    else:
        start, end = at, lines[-1].end()
        block = text[start:end]
        words = block.split()
        if len(words) > MAX_HEADLINE_WORDS:
            return None
        if (len(lines) == 1 and len(words) > MAX_LEDE_WORDS and not is_title_case(block)
                and block.rstrip()[-1:] in ".!?\"”’'"):
            return None
        body = text[gap.end():]
    if len(body.split()) < 2 * len(text[start:end].split()):
        return None
    return start, end


def is_title_case(line: str) -> bool:
    """Whether the line capitalises its words as a headline does: three or more words that are not
    articles, prepositions or conjunctions, all capitalised but one in six at most."""
    words = [w for w in _WORD.findall(line) if w.lower() not in _MINOR]
    return len(words) >= 3 and sum(not w[0].isupper() for w in words) <= (len(words) - 1) // 6
