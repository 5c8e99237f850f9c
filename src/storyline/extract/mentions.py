"""From a found attribution to a ``Mention``: the content kept off the dateline and grown over the quotes it
touches, and dropped when it swallows its own cue (a parse gone wrong); the source resolved (a bare name spans
just the name) and clipped where it runs into the cue or the content; a quote the speaker's words split from
the content joined to it ('“A,” Ana Ruiz said, “B.”'; not past a verb of saying of its own: '“A,” Ana Ruiz
said, adding: “B.”'); a content after its cue run on over a colon's tail
("named the winner: Tomas Brel", ``colon_tail``); the mention's form (direct, mixed or indirect) and
sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..model import Form, Mention, Source
from .colon_tail import past_colon
from .cues import STATUS_BY_CLASS, load_cues
from .nlp import doc_text
from .quotes import QuoteIndex
from .source_words import KIND_BY_TYPE
from .sources import SourceResolver
from .spans import EDGE_PUNCT, MAX_GAP, QUOTE_CHARS, _Found, _trim

CLOSING_MARKS = QUOTE_CHARS | {"'"}
SPACES_BETWEEN_MARKS = " \u00a0\u2009\u200a"  # a space, a no-break or thin space between two closing marks


def _named_at(resolver: SourceResolver, name: Span) -> Source:
    """The source a bare name stands for ("KOVAL", "Ana Ruiz"), spanning just the name: the entity named by
    the name's own words when the parse hung another name on it ('Reid: "Never underestimate Tan."' made
    "Tan" an apposition of "Reid", and Reid is who speaks)."""
    source = resolver.resolve(name.root)
    own = resolver.entity_within(name.root, name.start_char, name.end_char)
    if own is not None and source.entity is not None and source.entity != own.key:
        source = Source(own.name, KIND_BY_TYPE[own.type], None, None, own.key)
    if source.entity is None:
        source.name = name.text
    source.span = (name.start_char, name.end_char)
    return source


def _mention(doc: Doc, found: _Found, resolver: SourceResolver, quotes: QuoteIndex,
             dateline: tuple[int, int] = (0, 0)) -> Mention | None:
    start, end = found.content
    if start < dateline[1] and end > dateline[0]:  # a headline or the dateline run into the content
        start, end = _trim(doc, dateline[1], end)
        if end <= start:
            return None
    cue_start, cue_end = found.cue_chars or (
        doc[found.cue[0]].idx, doc[found.cue[1] - 1].idx + len(doc[found.cue[1] - 1]))
    for q_start, q_end in quotes.overlapping(start, end):
        if not q_start <= cue_start < q_end:  # an open quote holding a transcript line holds its cue too
            start, end = min(start, q_start), max(end, q_end)
    end = _quote_then_clause(doc_text(doc), start, end, quotes)
    if start >= cue_end:  # "named the night's big winner: Tomas Brel"
        end = past_colon(doc, start, end)
    adverb = found.cue[1] - found.cue[0] == 1 and doc[found.cue[0]].pos_ == "ADV"  # "reportedly"
    if start < cue_end and cue_start < end and not adverb and not (found.around and start < cue_start):
        return None  # content that swallowed its own cue: a parse gone wrong
    if found.source_name is not None:
        source = _named_at(resolver, found.source_name)
    elif found.source is not None:
        source = found.source
    else:
        assert found.source_head is not None
        source = resolver.resolve(found.source_head)
        if found.far_source:  # named in another sentence: the mention does not reach over to it
            source.span = None
        if source.span is not None:
            source.span = _clip(doc_text(doc), source.span, [(cue_start, cue_end), (start, end)])
        resolver.remember(source, found.source_head)
    if source.span and start < source.span[0] < end <= cue_start and source.span[1] <= cue_start:
        start, end = _trim(doc, start, source.span[0])  # the speaker is no part of what comes before
    if start >= cue_end and quotes.at(start) is not None and not _tag_before_cue(doc, source.span, cue_start):
        lead = _quote_before(doc_text(doc), min(cue_start, source.span[0] if source.span else cue_start), quotes)
        start = start if lead is None else lead
    spans = [(start, end), (cue_start, cue_end)] + ([source.span] if source.span else [])
    first, last = min(s for s, _ in spans), max(e for _, e in spans)
    first_tok = doc.char_span(first, first + 1, alignment_mode="expand")
    last_tok = doc.char_span(last - 1, last, alignment_mode="expand")
    sentence = (first_tok[0].sent.start_char if first_tok else first, last_tok[0].sent.end_char if last_tok else last)
    return Mention(
        start=start, end=end, text=doc_text(doc)[start:end], source=source,
        cue=doc_text(doc)[cue_start:cue_end], cue_span=(cue_start, cue_end),
        form="outlet" if source.kind == "outlet" else _form(doc_text(doc), start, end, quotes),
        status=STATUS_BY_CLASS[found.cls],  # type: ignore[arg-type]
        sentence=sentence,
    )


SUBORDINATORS = frozenset({"when", "as", "after", "while", "before", "since", "until", "because"})


def _quote_then_clause(text: str, start: int, end: int, quotes: QuoteIndex) -> int:
    """'Ruiz said "A," when Aldane blasted her for B': the parser hangs the clause of time or reason on the
    quote, but the speaker said only the quoted words; what follows the closing mark is the reporter's
    setting (and the attacker's own words, credited to the attack cue). A content that opens with a quote
    ends at that quote when a subordinating word follows it."""
    inside = quotes.overlapping(start, end)
    if not inside or text[start:inside[0][0]].strip(EDGE_PUNCT) or inside[-1][1] >= end:
        return end
    rest = text[inside[-1][1]:end].lstrip(EDGE_PUNCT + " \t\xa0")
    words = rest.lower().split()
    if not words or words[0] not in SUBORDINATORS or words[:2] == ["as", "well"]:  # "…” as well as …": more said
        return end
    return inside[-1][1]


def _tag_before_cue(doc: Doc, source: tuple[int, int] | None, cue_start: int) -> bool:
    """Does a verb of saying of its own stand between the speaker and this cue ('“A,” Ana Ruiz said, adding:
    “B.”')? Then the quote before the speaker is what that verb tags, not the first half of this cue's."""
    if source is None or source[1] >= cue_start:
        return False
    between = doc.char_span(source[1], cue_start, alignment_mode="contract")
    return between is not None and any(
        t.pos_ == "VERB" and load_cues().cue_class(t.lemma_) is not None for t in between)


def _quote_before(text: str, lead: int, quotes: QuoteIndex) -> int | None:
    """Start of a quote that the speaker's words split from the one after them: the '“A,”' of
    '“A,” Ana Ruiz said, “B.”', ending in a comma or a dash right before the source and cue."""
    before = lead
    while before > 0 and text[before - 1] in " \t\xa0,—–-" and lead - before <= MAX_GAP:
        before -= 1
    quote = quotes.at(before - 1) if before > 0 else None
    if quote is None or quote[1] != before or _last_inside(text, quote) not in ",—–-":
        return None
    return quote[0]


def _last_inside(text: str, quote: tuple[int, int]) -> str:
    """The last character inside a quote's closing marks ("”", "''", or an inner quote closing with the
    outer one, a space between them: '… said, 'Not now,' "')."""
    end = quote[1]
    while end > quote[0] + 1 and (text[end - 1] in CLOSING_MARKS or text[end - 1] in SPACES_BETWEEN_MARKS
                                  and text[end - 2] in CLOSING_MARKS):
        end -= 1
    return text[end - 1]


def _clip(text: str, span: tuple[int, int], others: list[tuple[int, int]]) -> tuple[int, int]:
    """Cut a source span back where it runs into the cue or the content that follow it."""
    start, end = span
    for o_start, _ in others:
        if start < o_start < end:
            end = o_start
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return start, end


def _form(text: str, start: int, end: int, quotes: QuoteIndex) -> Form:
    """direct: only quoted words (and what splits them); mixed: some; indirect: none."""
    inside = quotes.overlapping(start, end)
    if not inside:
        return "indirect"
    outside = text[start:inside[0][0]] + text[inside[-1][1]:end]
    return "direct" if not outside.strip(EDGE_PUNCT) else "mixed"
