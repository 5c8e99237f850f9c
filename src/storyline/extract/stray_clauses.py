"""A that-clause the parser hung on the wrong word: "claiming without any evidence that …" (made a clause of
"evidence"), "her assertion during the debate that …" (of "debate"), "made clear that …" (a subject of
"clear"), "warning followers on the radio and in interviews that …" (of "interviews"), "said in an interview
taped on Friday that …" (of "taped"). What a cue says is the first that-clause after it when only a short phrase
(an object, prepositional phrases joined by "and", a day) stands between them and no verb does but a participle
describing a noun of that phrase ("a statement released Monday", "a briefing held at the port"; not one of
saying: "residents told that …" were told it); a "that" right after "and"/"but" opens a second clause joined to
some other, not this cue's. A "that" the parser read as a relative pronoun counts when the clause it opens
already has the role it was given ("telling the host that she had seen support"), or when it is the object of
a clause with its own subject that the parser made the participle's complement ("taped before the storm that the
levee had held").
"""

from __future__ import annotations

from spacy.tokens import Token

from .cues import load_cues

PHRASE_POS = {"ADP", "DET", "PROPN", "NOUN", "NUM", "ADJ", "PRON", "ADV", "PART", "CCONJ"}  # words of a short phrase
MAX_PHRASE = 8  # words between the cue and its "that"
PARTICIPLE_WORDS = 4  # more words allowed when a participle on the phrase's noun stands between them


def that_clause_after(word: Token) -> Token | None:
    """The head of the clause opened by the first "that" after ``word``, with at most a short phrase without
    a verb or a comma between them; None when there is none or the "that" opens a relative clause."""
    doc = word.doc
    i, limit, participles = word.i + 1, MAX_PHRASE, set()
    while i < len(doc) and i - word.i <= limit and doc[i].lower_ != "that" and (
            doc[i].pos_ in PHRASE_POS or _describes_phrase_noun(doc[i], word.i)):
        if doc[i].pos_ not in PHRASE_POS:
            participles.add(doc[i].i)
            limit = MAX_PHRASE + PARTICIPLE_WORDS
        i += 1
    if i >= len(doc) or doc[i].lower_ != "that" or doc[i].dep_ != "mark" and not _complementizer_read_as_relative(
            doc[i]) and not _object_of_participle_clause(doc[i], participles) or doc[i - 1].pos_ == "CCONJ":
        return None  # "… doubted her in Nevada but that …": a clause joined to another, not this cue's
    clause = doc[i].head
    if clause.pos_ not in {"VERB", "AUX"} or clause.left_edge.i != i or clause.i < i:
        return None
    return clause


def _complementizer_read_as_relative(that: Token) -> bool:
    """A "that" the parser made the relative pronoun of a clause that already has the role it gave it ("telling
    the host that she had seen support": "that" and "support" both objects of "seen"): a full clause, so the
    "that" opens what is said, not a relative clause."""
    clause = that.head
    return (that.dep_ in {"dobj", "nsubj"} and clause.dep_ == "relcl" and clause.left_edge.i == that.i
            and any(c.dep_ == that.dep_ and c.i != that.i for c in clause.children))


def _describes_phrase_noun(tok: Token, word: int) -> bool:
    """A participle (the parser may tag it a past tense) describing ``word`` or a noun of the phrase after it ("in
    a statement *released* Monday", "at a briefing *held* in the port"), none of saying ("told", "warned": those
    take a that-clause of their own)."""
    return (tok.tag_ in {"VBN", "VBD"} and tok.dep_ == "acl" and word <= tok.head.i < tok.i
            and tok.head.pos_ in {"NOUN", "PROPN"} and tok.lemma_.lower() not in load_cues().words)


def _object_of_participle_clause(that: Token, participles: set[int]) -> bool:
    """A "that" the parser made the object of a clause with a subject of its own that it hung on a participle of
    the phrase ("taped before the storm that the levee had held"): the clause is a that-clause, not a relative."""
    clause = that.head
    return (that.dep_ == "dobj" and clause.dep_ == "ccomp" and clause.head.i in participles
            and clause.left_edge.i == that.i and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children))


def past_occasion_participle(cue: Token, span: tuple[int, int]) -> tuple[int, int]:
    """A content the parser opened on a participle describing the cue's occasion ("said in an interview *taped
    before the storm that* the levee had held": "taped" read as the clause said) starts at its "that"; any other
    content is returned as it is. The participle follows the noun of a phrase on the cue, has no subject of its
    own and is no verb of saying; the "that", a short phrase after it, opens a clause with a subject of its own."""
    doc = cue.doc
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    if words is None or len(words) < 3:
        return span
    participle = words[0]
    if (participle.tag_ not in {"VBN", "VBD"} or participle.i <= cue.i + 1 or participle.left_edge.i != participle.i
            or participle.lemma_.lower() in load_cues().words
            or any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in participle.children)
            or not _on_phrase_of(doc[participle.i - 1], cue)):
        return span
    i = participle.i + 1
    while i < words.end and i - participle.i <= MAX_PHRASE and doc[i].pos_ in PHRASE_POS and doc[i].lower_ != "that":
        i += 1
    if i >= words.end or doc[i].lower_ != "that":
        return span
    clause = doc[i].head
    if clause.left_edge.i != i or not any(c.dep_ in {"nsubj", "nsubjpass"} and c.i != i for c in clause.children):
        return span
    return doc[i].idx, span[1]


def _on_phrase_of(noun: Token, cue: Token) -> bool:
    """``noun`` lies in a prepositional phrase on ``cue`` ("said *in an interview with the Gazette*")."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    tok = noun
    while tok.dep_ in {"pobj", "prep", "compound"} and tok.head != tok:
        tok = tok.head
        if tok == cue:
            return True
    return False
