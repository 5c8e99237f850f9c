"""Verbs of saying, believing, urging, denying…: the attribution a verb cue makes, put together from its cue group
(``spans``), its content (``clauses``), its speaker (``speakers``) and, with no clause, the quote next to it
(``direct_speech``). Also the verb constructions of their own: "As X noted, …" and "as X put it" attribute their
host clause, a cue set inside its clause ("The bridge, she said, was closed") takes the clause around it, a
feeling verb's object is the one who feels ("the levy has angered dock workers"), a verdict on an abstract
matter is commentary ("questioning the impact of …"), and what says nothing is left out ("declined to
comment", "asked not to be named", "did not say how …", "if confirmed"). A verb with a cue noun or adjective
goes to ``nominal_cues``, "is said to" and "seemed to" to ``unnamed_sources``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Source
from .clauses import _content, _opens_clause
from .cues import Cues
from .direct_speech import _adjacent_quote, _block_after_colon
from .headline_speakers import headline_verb_without_subject, lead_speaker
from .np_statements import held_against
from .nominal_cues import _adjective_cue, _light_cue, _nominal_object
from .quotes import QuoteIndex
from .stray_clauses import past_occasion_participle, that_clause_after
from .spans import (CONDITIONAL_MARKS, GROUP_DEPS, OBJECT_DEPS, SAYING_CLASSES, SPEECH_CLASSES, SUBJECT_DEPS,
                    _Found, _paragraph, _past_punct, _subtree_span, _trim, _verb_group)
from .speakers import (_asked_of, _has_subject, _name_before, _past_dateline, _person_like, _speaker_after_quote,
                       _stranded_speaker, _subject, has_said)
from .unnamed_sources import RAISING_VERBS, _outlets_impression, _passive_hedge, _raises_a_cue

EXPERIENCER_VERBS = {"anger", "alarm", "surprise", "rattle", "infuriate", "unsettle", "embolden", "offend", "roil",
                     "excite", "exasperate", "startle", "mystify", "stupefy", "frustrate", "bother", "rankle",
                     "please", "amaze", "worry", "embarrass", "irritate", "upset", "dismay", "disappoint",
                     "outrage", "enrage", "shock", "trouble", "disturb", "concern", "delight",
                     "puzzle", "baffle", "annoy", "irk", "unnerve", "spook", "reassure", "impress"}
TEXT_VERBS = {"read"}  # a text's verb: '"…," reads an editorial', 'the headline reads: "…"'
ANONYMITY_VERBS = {"name", "identify"}  # "asked not to be named", "declined to be identified"
REFUSAL_VERBS = {"refuse", "decline"}
WITHHOLDING = {"avoid", "refrain"}  # "avoided criticizing", "refrained from saying" ("refused to endorse" is a stance)
COMMENT_VERBS = {"comment", "say", "elaborate", "discuss", "speak", "respond", "answer", "talk", "give", "provide",
                 "specify", "confirm", "address", "explain", "detail"}
WH_WORDS = {"how", "what", "whether", "who", "why", "when", "where", "which", "if"}
# objects that make "questioning the impact of …" commentary rather than a dispute of a claim
ABSTRACT_OBJECTS = {"impact", "effect", "future", "consequence", "outcome", "implication", "wisdom",
                    "direction", "fate", "role", "value", "meaning", "timing", "motive", "point", "purpose",
                    "sense", "significance", "cost", "benefit", "prospect", "ability", "sustainability"}


def _verb_cue(tok: Token, cues: Cues, quotes: QuoteIndex, dateline: tuple[int, int],
              fallback: str | None = None) -> _Found | None:
    """The attribution a verb cue makes ("said", "has denied", "made the case that", "as Ruiz noted"),
    or None; ``fallback``: the class of a verb the lexicon lacks (one the trained model proposes)."""
    if tok.pos_ not in {"VERB", "AUX"} or tok.dep_ in {"amod", "compound"}:
        return None
    lemma = tok.lemma_.lower()
    if lemma in RAISING_VERBS and fallback is not None and not _raises_a_cue(tok, cues):
        return _outlets_impression(tok, cues)
    felt = _experienced(tok, cues, quotes, fallback or cues.words.get(lemma)) if lemma in EXPERIENCER_VERBS else None
    if felt is not None:
        return felt
    noun = _nominal_object(tok, cues)
    if noun is not None and (lemma in cues.words or lemma in cues.light):
        return _light_cue(tok, noun, cues)
    adjective = _adjective_cue(tok, lemma, cues)
    if adjective is not None:
        return adjective
    phrase, phrase_cls = _phrase(tok, lemma, cues)
    if lemma == "put" and not phrase and _as_put_it(tok):  # "as the memo put it"
        phrase, phrase_cls = [next(c for c in tok.children if c.dep_ in OBJECT_DEPS)], "say"
    cls = phrase_cls or cues.words.get(lemma) or fallback
    if cls is None or lemma in cues.reason_only and not phrase and held_against(tok) is None:
        return None  # "attacked the town": a verb of attack says something only with a reason
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children) or _anonymity(tok):
        return None
    if lemma in REFUSAL_VERBS and any(c.dep_ == "xcomp" and c.lemma_.lower() in COMMENT_VERBS for c in tok.children):
        return None  # "declined to comment" says nothing
    passive = any(c.dep_ == "auxpass" for c in tok.children) and not has_said(tok)
    if passive and (f"be {lemma} to" in cues.phrases or f"be {lemma} that" in cues.phrases):
        return _passive_hedge(tok)
    cue = _verb_group(tok, phrase, cues)
    content = _content(tok, lemma, phrase, cls, cues)
    source_head, before = (None, None) if _has_subject(tok) else _stranded_speaker(tok, content is not None)
    content = content or before or _as_clause(tok, cls) or _tag_joined_to_statement(tok, cls)
    if content is not None:
        content = past_occasion_participle(tok, content)
    source_head = source_head or _subject(tok)
    if source_head is None or quotes.at(source_head.idx) is not None:  # no one inside a quote speaks it
        source_head = _speaker_after_quote(tok, quotes)
    name = _name_before(tok, cue[0], quotes) if source_head is None and cls in SAYING_CLASSES else None
    lead = source_head is None and name is None and headline_verb_without_subject(tok)
    if lead:  # "Hints that …" in a headline: the lead's speaker
        source_head = lead_speaker(tok)
    if content is None and _said_clause_after(tok):
        content = _trim(tok.doc, tok.doc[tok.right_edge.i + 2].idx, tok.head.right_edge.idx + len(tok.head.right_edge))
    around = content is None and tok.dep_ == "parataxis" and not (tok.head.i > tok.i and _opens_clause(tok.head))
    if around:
        host = tok.head.head if tok.head.dep_ in {"aux", "auxpass"} else tok.head
        content = _past_leading_tag(tok, _past_conjunction(tok.doc, host, _subtree_span(host, exclude=tok, whole=True)))
        around = content[0] < tok.idx < content[1]
    elif content is not None:
        around = content[0] < tok.idx < content[1]
    if content is None:
        content = _adjacent_quote(tok, cue, source_head, quotes) or _block_after_colon(tok, cue, cls)
    if content is None and (stray := that_clause_after(doc_at(tok, cue))) is not None:
        answered = _answered_noun(tok, stray, cues)
        if answered is not None:  # "responded to accusations that …": the accusers', whom the report leaves unnamed
            return _Found((answered.i, answered.i + 1), cues.nominal[answered.lemma_.lower()],
                          _subtree_span(stray, exclude=answered), answered)
        content = _subtree_span(stray, exclude=tok)  # "claiming without any evidence that …": a misparse
    if content is None or (lemma in cues.quote_only and not quotes.overlapping(*content)):
        return None
    if lemma in TEXT_VERBS and (source_head is None or _person_like(source_head) or source_head.pos_ != "NOUN"
                                and source_head.lower_ != "it"):  # '“…,” it read': the text just named
        return None  # "Ruiz said, reading from her list, …": a person reading is no text that reads
    if lemma in TEXT_VERBS:
        source_head = _publisher(source_head) or source_head
    if source_head is not None and dateline[0] <= source_head.idx < dateline[1]:
        source_head = _past_dateline(source_head, dateline[1])
    if source_head is None and name is None or (tok.tag_ == "VBN" and not any(
            c.dep_ in GROUP_DEPS for c in tok.children) and tok.dep_ in {"acl", "amod"}):
        return None
    if _unsaid(tok, content) or _withheld(tok):
        return None
    if cls == "dispute" and _abstract_object(tok):
        cls = "believe"
    if _asked_of(tok):  # "Asked whether …, Ana Ruiz said": the one asked is not who asks
        return _Found(cue, cls, content, None, Source("unnamed", "unnamed"), around=around)
    return _Found(cue, cls, content, source_head, around=around, source_name=name, far_source=lead)


def _answered_noun(verb: Token, clause: Token, cues: Cues) -> Token | None:
    """'Ruiz responded to accusations that she …': the that-clause is on a cue noun with no owner that the
    verb takes through a preposition; what it says is the noun's unnamed makers' claim, not the verb's
    subject's. None for any other clause."""
    noun = clause.head
    if (clause.dep_ == "acl" and noun.dep_ == "pobj" and noun.tag_ == "NNS" and noun.lemma_.lower() in cues.nominal
            and noun.head.dep_ == "prep" and noun.head.head == verb
            and not any(c.dep_ in {"poss", "det", "compound", "nmod", "prep"} for c in noun.children)):
        return noun
    return None


def doc_at(tok: Token, cue: tuple[int, int]) -> Token:
    """The last word of the cue group (where what it says may start after)."""
    return tok.doc[cue[1] - 1]


def _publisher(text: Token) -> Token | None:
    """'reads an editorial in the Kestrel Gazette': a text's publisher, named in an "in" phrase on it, is who
    says what it reads."""
    prep = next((c for c in text.rights if c.dep_ == "prep" and c.lower_ in {"in", "by", "from"}), None)
    name = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    return name if name is not None and name.pos_ == "PROPN" else None


def _experienced(verb: Token, cues: Cues, quotes: QuoteIndex, cls: str | None) -> _Found | None:
    """'The levy has angered dock workers', 'That worries the mayor': a verb of feeling whose object feels
    it; the object is the source (whose stance it is) and the subject what they feel it about."""
    if cls is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    feeler = next((c for c in verb.rights if c.dep_ in OBJECT_DEPS and (_person_like(c) or c.pos_ in {"PROPN", "NOUN"})), None)
    if subject is None or feeler is None or quotes.at(feeler.idx) is not None:
        return None
    return _Found(_verb_group(verb, [], cues), "believe", _subtree_span(subject, exclude=verb), feeler)


def _said_clause_after(tok: Token) -> bool:
    """'If anything, Tan argued in his email, the rules must change': the parser made the cue a clause of
    the statement that follows it; a comma ends the cue's words and the statement is the cue's content."""
    doc = tok.doc
    after = tok.right_edge.i + 1
    if tok.dep_ != "ccomp" or tok.head.i <= after or doc[after].text != "," or tok.head.pos_ not in {"VERB", "AUX"}:
        return False
    subject = next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and subject.left_edge.i == after + 1  # the statement starts right after the comma


def _tag_joined_to_statement(verb: Token, cls: str) -> tuple[int, int] | None:
    """'The ferry keeps running, her aide, Tomas Aldane, told the Ledger': the parser joined the closing tag
    to the statement as a second clause; the tag's verb has its own subject after a comma, says nothing of
    its own and ends the sentence, so the clause before the comma is what it says."""
    doc = verb.doc
    host = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (verb.dep_ != "conj" or cls not in SPEECH_CLASSES or host.i > verb.i or host.pos_ not in {"VERB", "AUX"}
            or subject is None or subject.i > verb.i or subject.left_edge.i < 1):
        return None
    comma = doc[subject.left_edge.i - 1]
    if comma.text != "," or any(c.dep_ in {"cc", "ccomp", "xcomp", "mark", "advcl"} for c in verb.children):
        return None
    if any(c.dep_ == "cc" and host.i < c.i < verb.i for c in host.children):
        return None  # "the ferry runs, and the mayor told …": two statements of the reporter's
    end = verb.right_edge.i + 1
    if end < verb.sent.end and not doc[end].is_punct or host.left_edge.i >= comma.i:
        return None  # the tag must close the sentence
    para = _paragraph(doc, verb.i)
    first = max(host.left_edge.i, para[0])
    return _trim(doc, doc[first].idx, comma.idx)


def _past_conjunction(doc: Doc, host: Token, span: tuple[int, int]) -> tuple[int, int]:
    """A clause around its cue, less the conjunction that links it to the sentence before: "But the
    port, she said, stays shut" says "the port … stays shut"."""
    first = host.left_edge
    if first.dep_ == "cc" and first.idx == span[0] and first.i + 1 < len(doc):
        return _trim(doc, doc[first.i + 1].idx, span[1])
    return span


def _past_leading_tag(tag: Token, span: tuple[int, int]) -> tuple[int, int]:
    """A clause around its speech tag that opens with the tag once its conjunction is gone ("But, she said,
    the port stays shut") says what follows the tag: "the port stays shut". Any other span as it is."""
    doc = tag.doc
    subject = next((c for c in tag.lefts if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.left_edge.idx != span[0] or any(
            t.is_punct for t in doc[subject.left_edge.i:tag.i]):
        return span  # "If it fails, Ruiz argues, …" keeps its condition; "Voters, Ruiz said, …" is a misparse
    if any(not t.is_punct and t.dep_ not in {"cc", "advmod", "intj"}
           for t in doc[subject.sent.start:subject.left_edge.i]):
        return span  # "(the cost of which, many say, …)": the clause began before the tag
    first = _past_punct(doc, max((t.i for t in tag.subtree if not t.is_punct), default=tag.i) + 1, len(doc))
    if first >= len(doc) or doc[first].idx >= span[1]:
        return span
    return _trim(doc, doc[first].idx, span[1])


def _as_clause(verb: Token, cls: str) -> tuple[int, int] | None:
    """'As Ruiz noted, the port is closed': a cue in an as-clause attributes the clause it hangs on: the
    words after the as-clause when it comes first, the whole clause around it when it sits inside."""
    if verb.dep_ != "advcl" or cls == "urge" or not any(
            c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children) or not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    host = verb.head
    if host.pos_ not in {"VERB", "AUX"} or host.i < verb.i and host.left_edge.i < verb.left_edge.i and not _as_put_it(verb):
        return None  # "the bridge fell, as Ruiz had predicted": a fact the report states, then credits
    doc = verb.doc
    if verb.right_edge.i >= host.right_edge.i - 1 and host.left_edge.i < verb.left_edge.i:  # "…, as Brel put it."
        before = doc[verb.left_edge.i - 1]
        return _trim(doc, host.left_edge.idx, before.idx + len(before))
    if host.left_edge.i < verb.left_edge.i:  # "The levy, as Brel argued, will hurt small boats"
        return _subtree_span(host, exclude=verb, whole=True)
    para = _paragraph(doc, verb.i)
    last = min(host.right_edge.i, para[1] - 1)
    first = _past_punct(doc, verb.right_edge.i + 1, last)
    if first >= last:
        return None
    return _trim(doc, doc[first].idx, doc[last].idx + len(doc[last]))


def _as_put_it(verb: Token) -> bool:
    """'…, as the harbour master put it': the words of the clause are the speaker's, wherever it stands."""
    return verb.lemma_.lower() == "put" and verb.dep_ == "advcl" and any(
        c.dep_ in OBJECT_DEPS and c.lower_ == "it" for c in verb.children) and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _anonymity(tok: Token) -> bool:
    """'asked not to be named', 'declined to be identified': a condition of speaking, not a claim."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in ANONYMITY_VERBS
               and any(g.dep_ == "auxpass" for g in c.children) for c in tok.children)


def _unsaid(tok: Token, content: tuple[int, int]) -> bool:
    """'did not say how much the permit allowed': a negated cue over an open question states nothing."""
    if not any(c.dep_ == "neg" for c in tok.children):
        return False
    first = tok.doc.char_span(content[0], content[1], alignment_mode="expand")
    return first is not None and len(first) > 0 and first[0].lower_ in WH_WORDS


def _withheld(tok: Token) -> bool:
    """'has avoided directly criticizing the mayor', 'declined to criticize her': a cue its speaker kept from
    saying states nothing (what follows it is whom it was not said of, not a claim)."""
    head = tok.head.head if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" else tok.head
    return tok.dep_ in {"xcomp", "pcomp"} and head.lemma_.lower() in WITHHOLDING


def _abstract_object(tok: Token) -> bool:
    """'questioning the impact this will have': commentary on an abstract matter, not a dispute."""
    return any(c.dep_ in OBJECT_DEPS and c.lemma_.lower() in ABSTRACT_OBJECTS for c in tok.children)


def _phrase(tok: Token, lemma: str, cues: Cues) -> tuple[list[Token], str | None]:
    """Particles or prepositions completing a multiword cue ("call for", "point out", "cast doubt on",
    "push back on")."""
    for child in tok.rights:
        if child.dep_ in {"prt", "prep"}:
            cls = cues.phrases.get(f"{lemma} {child.lower_}")
            if cls:
                return [child], cls
        if child.dep_ in {"prt", "advmod"}:
            following = next((c for c in tok.rights if c.i == child.i + 1 and c.dep_ == "prep"), None)
            cls = cues.phrases.get(f"{lemma} {child.lower_} {following.lower_}") if following is not None else None
            if cls:
                return [child, following], cls
        if child.dep_ == "advcl":  # "calling for the city to act": "for" marks the clause
            mark = next((g for g in child.children if g.dep_ == "mark" and g.i == tok.i + 1), None)
            cls = cues.phrases.get(f"{lemma} {mark.lower_}") if mark is not None else None
            if cls:
                return [mark], cls
        if child.dep_ in OBJECT_DEPS:
            for grand in child.rights:
                cls = cues.phrases.get(f"{lemma} {child.lemma_.lower()} {grand.lower_}")
                if grand.dep_ == "prep" and cls:
                    return [child, grand], cls
    return [], None
