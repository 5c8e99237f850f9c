"""Attribution: who says what in a report, with the cue that says so.

One pass over the parse finds cue words (``cues.py``); for each, the dependency tree gives the content
(the clause or object said, believed, disputed…), the source (subject, agent or inverted subject) and the
cue's verb group ("has vehemently denied"). Direct quotes come from the text (``quotes.py``): a cue's
content grows to the whole quote it touches, a cue with no clause takes the quote right before or after it
('"…," urged X'; 'X declared, "…"'), and a quote that follows a quoted mention with no cue of its own
continues it, over an aside of the speaker's ('…," she said, adding that …. "…"'). What the parser hung on
the cue past its content joins the content when it is part of what is said (a reason, a coordinated verb
in the content's form), and a reporter's addition at its end ("…, a claim the city disputes") is cut off.
"As X noted, …" attributes its host clause. "According to X" and source-less hedges ("is said to", "is
expected to", "reportedly") get their own rules, and so do nominal cues ("Koval's claim that …", "made the
case that …", "made it clear that …"). A denial, dispute or confirmation with an object judges that object
("denied those reports"), a passive one with a by-agent its subject ("… is disputed by the ministry"); a
clause across a semicolon is its own statement, not the content of the cue after it; a speaker the parser
hung on the clause said ("…, the Fire Service (FS) said") is still found. Cues inside a direct quote and
in questions are left out. What is said stays in the cue's paragraph (the parser sometimes runs a sentence
over a paragraph break), and a dateline, at the start or after a headline, is no part of any source or
content. Who speaks is not always the subject: an object made to speak ("led the council to warn"), the
speaker of a clause a participle was hung on ("said the plan failed, arguing that …"), the one a feeling
verb moves ("the levy has angered dock workers"); "Asked whether …, X said" is asked by someone unnamed.
"In the latest poll, …" credits the poll, "as X put it" attributes its clause, and "X added:" ending its
paragraph takes the next one. A trained cue judge (``storyline train attribution``), when there is one,
leaves out the rules' unlikely cues and proposes verbs the lexicon lacks ("lambasted the plan", "railed
against the levy"), passives with no one named who speaks among them ("X was accused of Y": all of it said
by someone unnamed); a proposed "seemed"/"appeared" is the report's own hedged impression (form
``outlet``), not a stance of its subject.

This module runs the rules over a parse and lets the trained judge keep, propose and end cues; the
constructions live beside it: ``reported_speech`` (verb cues) with ``clauses`` (what they say) and
``speakers`` (who says it), ``nominal_cues``, ``according_to``, ``unnamed_sources``, ``direct_speech`` (quotes
and their speakers), ``proposed_cues`` (what the judge sees and proposes), ``mentions`` (a found attribution
made a ``Mention``) and ``spans`` (where cue, content and source spans start and end).
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc, Token

from ..learn.models import load_model
from ..model import Entity, Mention
from .according_to import _according_to, _in_findings
from .cues import Cues, load_cues
from .dateline import dateline_span
from .direct_speech import (_colon_quotes, _continue_quotes, _signed_posts, _signed_quotes, _speaker_colons,
                            _tagged_quotes)
from .mentions import _form, _mention
from .nlp import doc_text, quote_index
from .nominal_cues import _nominal
from .proposed_cues import cue_shape, _proposed, _stance
from .quotes import QuoteIndex
from .reported_speech import _verb_cue
from .second_clauses import second_clause
from .sources import SourceResolver
from .spans import _Found
from .unnamed_sources import _reportedly

CONTENT_DEPS = ("ccomp", "xcomp")
PROPOSED_POS = {"VERB"}  # words outside the lexicon a trained model may take for cues


class CueModel(Protocol):
    """A trained judge of cue words (``storyline.learn.attribution``)."""

    def decide(self, doc: Doc, free: list[Token], rule_cues: dict[int, str], in_cue: set[int],
               shapes: dict[int, list[str]]) -> tuple[set[int], list[int]]:
        """(the rules' cue words to keep, proposed words to take as cues); ``shapes``: what the rules build
        around each rule cue and each proposed word (``cue_shape``)."""
        ...

    def content_ends(self, doc: Doc, contents: list[tuple[int, int, tuple[int, int]]]) -> list[int]:
        """The last word of each content (start, end, cue) the rules run over the words [start, end]
        (inclusive), whose cue is the token range ``cue``: ``end`` or another place the model finds likelier."""
        ...


def find_attributions(doc: Doc, entities: list[Entity], model: CueModel | None = None) -> list[Mention]:
    """Every attribution in the report, in text order; ``model``: a trained judge to use instead of the
    installed one (training uses this)."""
    cues = load_cues()
    quotes = quote_index(doc)
    dateline = dateline_span(doc_text(doc)) or (0, 0)
    resolver = SourceResolver(doc, entities, quotes, dateline)
    free, found_at = _rule_pass(doc, cues, quotes, dateline)
    model = model or load_model("attribution")
    if model is not None:
        found_at = _with_model(model, doc, free, found_at, cues, quotes, dateline)
    mentions: list[Mention] = []
    for i in sorted(found_at):
        if _in_question(doc[i], quotes):
            continue
        mention = _mention(doc, found_at[i], resolver, quotes, dateline)
        if mention is not None:
            mentions.append(mention)
            second = second_clause(doc, i, found_at[i])
            mention = _mention(doc, second, resolver, quotes, dateline) if second is not None else None
            if mention is not None:
                mentions.append(mention)
    mentions.extend(_speaker_colons(doc, resolver, quotes, mentions))
    mentions.extend(_signed_quotes(doc, resolver, quotes))
    mentions.extend(_signed_posts(doc, resolver, quotes))
    mentions.extend(_colon_quotes(doc, resolver, quotes, mentions))
    mentions.extend(_tagged_quotes(doc, resolver, quotes, mentions))
    mentions = _without_lead_ins(_distinct(sorted(mentions, key=lambda m: m.start)))
    _continue_quotes(doc, mentions, quotes)
    if model is not None:
        _ends_as_judged(doc, mentions, model, quotes)
    return mentions


def _distinct(mentions: list[Mention]) -> list[Mention]:
    """One row for one statement: two cues of one speaker over the very same words ('"…," she said at a
    town hall, hinting at her plan') give the first cue's row only."""
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for mention in mentions:
        key = (mention.start, mention.end, mention.source.name)
        if key not in seen:
            seen.add(key)
            kept.append(mention)
    return kept


def _without_lead_ins(mentions: list[Mention]) -> list[Mention]:
    """'Ana Ruiz went on to say that …': the lead-in ("went on") makes a row of its own over "to say that
    …", and the verb of saying it leads into another, whose cue takes the lead-in ("went on to say") and
    whose content is the said words alone. The lead-in's row gives way to that one: a row whose cue is
    the start of another row's cue of the same speaker, that other row's content the end of its own (not a
    word or two the parse cut off: 'went on to say *that*, because …')."""
    def leads_in(outer: Mention, inner: Mention) -> bool:
        return (outer is not inner and outer.cue_span is not None and inner.cue_span is not None
                and inner.cue_span[0] == outer.cue_span[0] and inner.cue_span[1] > outer.cue_span[1]
                and outer.start <= inner.start and inner.end == outer.end
                and inner.source.name == outer.source.name)
    return [m for m in mentions if not any(leads_in(m, other) for other in mentions)]


def words_of(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The first and last word (token indices) of a char span, less edge punctuation and spaces."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    first, last = span.start, span.end - 1
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return first, last


def contents_to_judge(doc: Doc, mentions: list[Mention]) -> list[tuple[Mention, tuple[int, int, tuple[int, int]]]]:
    """The mentions whose content lies on one side of its cue, each with (first word, last word, cue token
    range [start, end)): what a trained model may move the end of (``CueModel.content_ends``)."""
    found = []
    for m in mentions:
        words = words_of(doc, m.start, m.end)
        cue = words_of(doc, *m.cue_span) if m.cue_span is not None else None
        if words is not None and cue is not None and not (cue[0] <= words[1] and words[0] <= cue[1]):
            found.append((m, (words[0], words[1], (cue[0], cue[1] + 1))))
    return found


def _ends_as_judged(doc: Doc, mentions: list[Mention], model: CueModel, quotes: QuoteIndex) -> None:
    """Move contents' ends where the trained model places them (each content on one side of its cue)."""
    judged = contents_to_judge(doc, mentions)
    if not judged:
        return
    text = doc_text(doc)
    for (m, (_, end, _)), last in zip(judged, model.content_ends(doc, [c for _, c in judged])):
        if last != end:
            m.end = doc[last].idx + len(doc[last])
            m.text = text[m.start:m.end]
            m.form = _form(text, m.start, m.end, quotes)


def rule_cues(doc: Doc) -> tuple[list[Token], dict[int, str], set[int], dict[int, list[str]]]:
    """What the rules make of a report's cue words, for a trained model to judge: the words outside
    quotes and the dateline, the class of each word that cues an attribution, the words of the cues, and
    the shape of what the rules build around each cue word and each verb they would build one around."""
    text = doc_text(doc)
    cues, quotes, dateline = load_cues(), quote_index(doc), dateline_span(text) or (0, 0)
    free, found_at = _rule_pass(doc, cues, quotes, dateline)
    in_cue = {k for f in found_at.values() for k in range(*f.cue)}
    proposals = _proposals(doc, free, in_cue, cues, quotes, dateline)
    return free, {i: f.cls for i, f in found_at.items()}, in_cue, _shapes(doc, found_at, proposals, quotes)


def _rule_pass(doc: Doc, cues: Cues, quotes: QuoteIndex,
               dateline: tuple[int, int]) -> tuple[list[Token], dict[int, _Found]]:
    """The words outside quotes and the dateline, and the attribution each cue word among them makes."""
    free = [tok for tok in doc if not dateline[0] <= tok.idx < dateline[1] and quotes.at(tok.idx) is None]
    return free, {tok.i: found for tok in free
                  if (found := _attribution(tok, cues, quotes, dateline)) is not None and found.content is not None}


def _with_model(model: CueModel, doc: Doc, free: list[Token], found_at: dict[int, _Found], cues: Cues,
                quotes: QuoteIndex, dateline: tuple[int, int]) -> dict[int, _Found]:
    """The rules' cues the trained model keeps, and the cues it proposes where the rules found none: a
    proposed cue word takes the rules' source and content from the parse, as a word of the lexicon would."""
    in_cue = {k for found in found_at.values() for k in range(*found.cue)}
    proposals = _proposals(doc, free, in_cue, cues, quotes, dateline)
    keep, add = model.decide(doc, free, {i: found.cls for i, found in found_at.items()}, in_cue,
                             _shapes(doc, found_at, proposals, quotes))
    result = {i: found for i, found in found_at.items() if i in keep}
    result.update((i, proposals[i]) for i in add if i in proposals)
    return result


def _proposals(doc: Doc, free: list[Token], in_cue: set[int], cues: Cues, quotes: QuoteIndex,
               dateline: tuple[int, int]) -> dict[int, _Found]:
    """The attribution the rules would build around each verb outside their cues, were it a cue."""
    proposals = {}
    for tok in free:
        if tok.i in in_cue:
            continue
        if tok.pos_ in PROPOSED_POS:
            found = _attribution(tok, cues, quotes, dateline, fallback="say") or _proposed(tok, cues, quotes)
        elif tok.pos_ == "AUX" and tok.lemma_ == "be":
            found = _stance(tok, cues, quotes)
        else:
            continue
        if found is not None and found.content is not None and not any(k in in_cue for k in range(*found.cue)):
            proposals[tok.i] = found
    return proposals


def _shapes(doc: Doc, found_at: dict[int, _Found], proposals: dict[int, _Found],
            quotes: QuoteIndex) -> dict[int, list[str]]:
    """``cue_shape`` of every rule cue and proposed cue word."""
    shapes = {i: cue_shape(doc, found, quotes, "rule") for i, found in found_at.items()}
    shapes.update((i, cue_shape(doc, found, quotes, "proposed")) for i, found in proposals.items())
    return shapes


def _attribution(tok: Token, cues: Cues, quotes: QuoteIndex, dateline: tuple[int, int],
                 fallback: str | None = None) -> _Found | None:
    """The attribution a cue word makes, or None; ``fallback``: the class of a word the lexicon lacks
    (one the trained model proposes)."""
    lower = tok.lower_
    if lower == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return _according_to(tok)
    if lower == "in" and tok.dep_ == "prep":
        return _in_findings(tok)
    if tok.pos_ == "ADV" and cues.words.get(lower) == "hedge_source":
        return _reportedly(tok)
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in cues.nominal:
        return _nominal(tok, cues)
    return _verb_cue(tok, cues, quotes, dateline, fallback)


def _in_question(tok: Token, quotes: QuoteIndex) -> bool:
    """A cue in a question the report asks ("Did she say …?") is no attribution."""
    sent = tok.sent
    last = sent[-1]
    while last.i > sent.start and (last.is_space or last.text in {"”", '"'}):
        last = tok.doc[last.i - 1]
    return last.text == "?" and quotes.at(last.idx) is None
