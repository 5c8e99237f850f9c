"""Small text helpers of the ledger: the sentence around a span, and a one-line shortening for details."""

from __future__ import annotations


def sentence_around(text: str, start: int, end: int | None = None) -> str:
    """The sentence holding [start, end), found by the nearest sentence ends around it."""
    end = start if end is None else end
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return text[left:min(stops) if stops else len(text)]


def short(text: str, limit: int = 120) -> str:
    """The text on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


OPENING, CLOSING = "\"“‘'", "\"”’'"
_GAP = 120  # at most this many characters of attribution between the two parts of a split quote


def claim_text(text: str, start: int, end: int, cue: tuple[int, int] | None,
               source: tuple[int, int] | None) -> str:
    """A mention's content as a claim reads, without the attribution inside it: a quote split around its
    speaker ('"A," Ana Ruiz said on Monday. "B."') reads '"A … B."'. Offsets are into ``text``."""
    inside = [span for span in (cue, source) if span and start < span[0] and span[1] < end]
    if not inside:
        return " ".join(text[start:end].split())
    first, last = min(s for s, _ in inside), max(e for _, e in inside)
    close = next((i for i in range(first - 1, max(start, first - 4), -1) if text[i] in CLOSING), None)
    reopen = _resumed_quote(text, last, end)
    if close is None or reopen is None:
        return " ".join(text[start:end].split())
    while close - 1 > start and text[close - 1] in CLOSING:  # a doubled closing mark ('' or ’’)
        close -= 1
    left = text[start:close].rstrip(" ,")
    right = text[reopen:end].lstrip(OPENING)
    return " ".join(f"{left} … {right}".split())


def _resumed_quote(text: str, after: int, end: int) -> int | None:
    """Where the quote resumes after its speech tag: an opening mark that starts a word (not the
    apostrophe of "NBC's") and whose quote runs on to the content's end, so that a title quoted inside the
    tag ('said on ''Meet the Press.'' ''She …') is passed over; else the first opening mark."""
    openings = [i for i in range(after, min(end, after + _GAP))
                if text[i] in OPENING and not text[i - 1].isalnum() and text[i - 1] not in OPENING]  # i > start
    for i in openings:
        closing = next((j for j in range(i + 1, end) if text[j] in CLOSING and text[j - 1] not in OPENING
                        and (j + 1 >= len(text) or not text[j + 1].isalnum())), None)
        if closing is None or closing >= end - 3:
            return i
    return openings[0] if openings else None
