"""Hedges, modals, conditionals and verification flags, read from the parse with their scope.

The lexicon lives in ``data/hedges.json``. One pass over a doc's tokens finds every hedge and the token
whose subtree it governs (its *scope*): the verb an adverb or modal modifies ("allegedly attacked"), the
raising verb of "is said to", the noun a modifier doubts ("the alleged bribe"), the main verb a
conditional clause hangs from ("if upheld, could reshape"). A second pass finds flag clauses
("Neither account could be verified", "This could not be confirmed") and what they point back at.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Literal

from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from .nlp import doc_text
from .perceiving import perceived_participles

HedgeKind = Literal["doubt", "np_doubt", "label", "speculative", "conditional", "unverifiable"]
WeaselKind = Literal["weasel", "peacock", "vague"]
WEASEL_KINDS: tuple[WeaselKind, ...] = ("weasel", "peacock", "vague")  # the order a tie is resolved in
TargetKind = Literal["previous", "owner", "noun"]

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
CORE_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "attr", "csubj"}


@dataclass(frozen=True)
class Lexicon:
    doubt_adverbs: frozenset[str]
    doubt_raising: frozenset[str]
    seem_verbs: frozenset[str]
    np_doubt: frozenset[str]
    np_label: frozenset[str]
    speculative_modals: frozenset[str]
    rebuke_adverbs: frozenset[str]
    falsity_words: frozenset[str]
    forecast_cues: frozenset[str]
    opinion_verbs: frozenset[str]
    speculative_adverbs: frozenset[str]
    conditional_marks: frozenset[str]
    verification_lemmas: frozenset[str]
    unverified_predicates: frozenset[str]
    flag_pattern: re.Pattern[str]
    flag_anchor_lemmas: frozenset[str]
    demonstratives: frozenset[str]
    light_nouns: frozenset[str]
    commentary_verbs: frozenset[str]
    commentary_questioning: frozenset[str]
    commentary_wait: dict[str, frozenset[str]]
    commentary_unclear: frozenset[str]
    commentary_raise: dict[str, frozenset[str]]
    commentary_spotlight: frozenset[str]
    commentary_attr: frozenset[str]
    boilerplate: re.Pattern[str]
    no_comment: re.Pattern[str]
    # one alternation of every weasel, peacock and vague pattern, a named group per kind
    weasels: re.Pattern[str]
    # string hashes of the lower-cased words and lemmas that can start a hedge: a cheap first filter
    # over a doc's token array
    trigger_ids: frozenset[int]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read ``data/hedges.json`` once per process."""
    data = json.loads(files("storyline").joinpath("data/hedges.json").read_text(encoding="utf-8"))
    sets = {key: frozenset(value) for key, value in data.items() if isinstance(value, list) and key != "_doc"}
    triggers = frozenset().union(*(sets[key] for key in (
        "doubt_adverbs", "np_doubt", "speculative_modals", "speculative_adverbs", "conditional_marks",
        "unverified_predicates")), (label.split("-")[-1] for label in sets["np_label"]))
    trigger_lemmas = sets["doubt_raising"] | sets["seem_verbs"] | sets["verification_lemmas"]
    return Lexicon(
        **{key: sets[key] for key in (
            "doubt_adverbs", "doubt_raising", "seem_verbs", "np_doubt", "np_label", "speculative_modals",
            "rebuke_adverbs", "falsity_words", "forecast_cues", "opinion_verbs", "speculative_adverbs", "conditional_marks", "verification_lemmas", "unverified_predicates",
            "flag_anchor_lemmas", "demonstratives", "light_nouns", "commentary_verbs",
            "commentary_questioning", "commentary_unclear", "commentary_spotlight", "commentary_attr",
        )},
        flag_pattern=_alternation(data["flag_patterns"]),
        commentary_wait={k: frozenset(v) for k, v in data["commentary_wait"].items()},
        commentary_raise={k: frozenset(v) for k, v in data["commentary_raise"].items()},
        boilerplate=_alternation(data["boilerplate"]),
        no_comment=_alternation(data["no_comment"]),
        weasels=re.compile("|".join(
            f"(?P<{kind}>{_alternation(data[f'{kind}_patterns']).pattern})" for kind in WEASEL_KINDS),
            re.IGNORECASE),
        trigger_ids=frozenset(hash_string(word) for word in triggers | trigger_lemmas),
    )


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Hedge:
    """One hedge in the text: its words, what kind it is and the token whose subtree it governs."""

    text: str
    start: int  # char offsets of the hedge words
    end: int
    kind: HedgeKind
    scope: int  # token index: the verb (or noun, for np_doubt/label) the hedge governs


@dataclass(frozen=True)
class Flag:
    """A clause flagging earlier statements as unverified, and what it points back at."""

    phrase: str
    start: int  # char offsets of the flag phrase
    end: int
    sentence: tuple[int, int]
    target: TargetKind  # previous statements, the statements of a pronoun's owner, or a noun's
    word: str  # the demonstrative, possessive pronoun or noun lemma that says which
    noun: str = ""  # the lemma of the flagged noun ("claim" in "her claims"), if any
    plural: bool = False  # the flagged noun is plural ("these claims", not "this claim")


class HedgeIndex:
    """A doc's hedges, found in one pass over its tokens, looked up by position or by scope."""

    def __init__(self, doc: Doc) -> None:
        lex = load_lexicon()
        ids = lex.trigger_ids
        candidates = [i for i, (lower, lemma) in enumerate(doc.to_array([LOWER, LEMMA]).tolist())
                      if lower in ids or lemma in ids]
        self.hedges = [hedge for i in candidates if (hedge := _hedge_at(doc[i], lex)) is not None]
        self._starts = [hedge.start for hedge in self.hedges]
        self._by_scope: dict[int, list[Hedge]] = {}
        for hedge in self.hedges:
            self._by_scope.setdefault(hedge.scope, []).append(hedge)

    def between(self, start: int, end: int) -> list[Hedge]:
        """Hedges starting in [start, end) (char offsets), in text order."""
        return self.hedges[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def scoping(self, token: int) -> list[Hedge]:
        """Hedges whose scope is this token."""
        return self._by_scope.get(token, [])


def _hedge_at(token: Token, lex: Lexicon) -> Hedge | None:
    """The hedge this token heads, if any."""
    lower = token.lower_
    head = token.head
    if lower in lex.doubt_adverbs and token.dep_ == "advmod":
        return _hedge(token, token, "doubt", head.i)
    if token.dep_ == "amod":
        words = "".join(t.lower_ for t in token.subtree)
        if words in lex.np_label:
            return _hedge(token.left_edge, token.right_edge, "label", head.i)
        if lower in lex.np_doubt:
            return _hedge(token, token, "np_doubt", head.i)
    if token.tag_ == "MD" and lower in lex.speculative_modals:
        if _perceived(token) or _utmost_degree(token):
            return None
        if _negated_verification(head, lex):
            return _hedge(token, head, "unverifiable", head.i)
        return _hedge(token, token, "speculative", head.i)
    if lower in lex.speculative_adverbs and token.dep_ == "advmod":
        return _hedge(token, token, "speculative", head.i)
    if token.dep_ == "mark" and lower in lex.conditional_marks and not _comparison(token, lex) and (
            head.dep_ == "advcl" or _condition_as_object(token)):
        last = head if head.i - token.i <= 2 and head.i == head.right_edge.i else token
        return _hedge(token, last, "conditional", head.head.i)
    if token.pos_ in ("VERB", "AUX"):
        return _verbal_hedge(token, lex)
    if lower in lex.unverified_predicates and token.dep_ in ("acomp", "oprd"):
        return _hedge(token, token, "unverifiable", head.i)
    return None


def _perceived(modal: Token) -> bool:
    """'Aides could be heard grumbling …', 'he could be seen leaving …': "could" of a passive verb of
    perceiving with what was perceived in a participle tells what was heard or seen, no possibility."""
    verb = modal.head
    return (modal.lower_ == "could" and any(c.dep_ == "auxpass" for c in verb.children)
            and bool(perceived_participles(verb)))


def _utmost_degree(modal: Token) -> bool:
    """'The stakes could not be higher', 'the plans couldn't be more different', 'she could not have been more
    delighted': a negated "could" on "be" with a comparative complement says the degree is the utmost; it
    states how things are and forecasts nothing. A comparison with a standard ("could not be more than a
    week") stays a hedge."""
    verb = modal.head
    if verb.lemma_.lower() != "be" or not any(c.dep_ == "neg" for c in verb.children):
        return False
    complements = [c for c in verb.children if c.dep_ in ("acomp", "attr") and c.i > modal.i]
    comparative = any(c.tag_ in ("JJR", "RBR") or any(g.dep_ == "advmod" and g.lower_ in ("more", "less")
                                                      for g in c.children) for c in complements)
    return comparative and not any(t.lower_ == "than" for t in verb.subtree if t.i > modal.i)


def _comparison(mark: Token, lex: Lexicon) -> bool:
    """'It's not as if he overlooked the facts', 'he spoke as if the vote were won': "as if" compares, it sets
    no condition. After a verb of seeming ("it sounds as if the board believes …") it gives an impression,
    which stays a hedge (the editors read the one such statement on the train-text stories as hypothetical)."""
    before = mark.doc[mark.i - 1] if mark.i > 0 else None
    if before is None or before.lower_ != "as":
        return False
    verb = mark.head.head
    return verb.lemma_.lower() not in lex.seem_verbs | IMPRESSION_VERBS


IMPRESSION_VERBS = frozenset({"sound", "look", "feel", "seem", "appear"})


def _condition_as_object(mark: Token) -> bool:
    """'it will help them if they can work it out': the parser often hangs a trailing if-clause from the verb
    as its object (ccomp). After a verb of asking or knowing it is a question ("asked if he would run",
    "unclear if"); after any other it is a condition."""
    clause = mark.head
    return (clause.dep_ == "ccomp" and mark.lower_ == "if" and clause.head.i < mark.i
            and clause.head.lemma_.lower() not in QUESTION_HEADS)


QUESTION_HEADS = frozenset({"ask", "wonder", "know", "see", "check", "decide", "determine", "question", "doubt",
                            "tell", "say", "learn", "find", "investigate", "consider", "care", "matter", "remember",
                            "show", "examine", "clear", "unclear", "sure", "debate", "discuss", "ponder", "inquire",
                            "enquire", "test", "verify", "confirm", "note", "indicate", "reveal", "explain"})


def _verbal_hedge(token: Token, lex: Lexicon) -> Hedge | None:
    """'is said to', 'is accused of', 'appears to', 'has not been confirmed', 'have yet to be confirmed'."""
    children = list(token.children)
    deps = {child.dep_ for child in children}
    lemma = token.lemma_.lower()
    has_to_clause = any(c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in children)
    if lemma in lex.doubt_raising and "auxpass" in deps:
        first = next(c for c in children if c.dep_ == "auxpass")
        if has_to_clause:
            return _hedge(first, token, "doubt", token.i, suffix=" to")
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in children):
            return _hedge(first, token, "doubt", token.i, suffix=" of")
    if lemma in lex.seem_verbs and has_to_clause:
        return _hedge(token, token, "doubt", token.i, suffix=" to")
    if lemma in lex.verification_lemmas:
        if "neg" in deps and not any(c.tag_ == "MD" for c in children):
            first = min((c for c in children if c.dep_ in ("aux", "auxpass", "neg")), key=lambda c: c.i)
            return _hedge(first, token, "unverifiable", token.i)
        head = token.head
        yet = any(c.lower_ in ("yet", "still") for c in head.children)
        if token.dep_ == "xcomp" and head.lemma_ == "have" and yet:
            return _hedge(head, token, "unverifiable", head.i)
    return None


def _negated_verification(verb: Token, lex: Lexicon) -> bool:
    return verb.lemma_.lower() in lex.verification_lemmas and any(c.dep_ == "neg" for c in verb.children)


def _hedge(first: Token, last: Token, kind: HedgeKind, scope: int, suffix: str = "") -> Hedge:
    words = first.doc[first.i:last.i + 1]
    return Hedge(words.text + suffix, words.start_char, words.end_char, kind, scope)


@dataclass(frozen=True)
class Weasel:
    """Words that make a sentence vague without bearing on whether its claim happened ("critics say",
    "widely regarded", "one of the finest", "many of the"): they never change a mention's status."""

    text: str
    start: int  # char offsets
    end: int
    kind: WeaselKind


def find_weasels(text: str) -> list[Weasel]:
    """Every weasel, peacock and vague phrase in the text, in text order (one regex pass)."""
    return [Weasel(match.group(), match.start(), match.end(), match.lastgroup)  # type: ignore[arg-type]
            for match in load_lexicon().weasels.finditer(text)]


_last: tuple[Doc, HedgeIndex, list[Flag]] | None = None


def doc_hedges(doc: Doc) -> tuple[HedgeIndex, list[Flag]]:
    """The doc's hedges and flags. Outlet claims and status both read them for the same doc in turn,
    so the latest doc's are kept and reused (one doc held, not a growing cache)."""
    global _last
    last = _last
    if last is None or last[0] is not doc:
        last = _last = (doc, HedgeIndex(doc), find_flags(doc))
    return last[1], last[2]


def find_flags(doc: Doc) -> list[Flag]:
    """Every flag clause in the doc with what it points back at, in text order. The patterns are
    matched once over the whole text (they never cross a sentence) and placed in their sentence."""
    lex = load_lexicon()
    flags: list[Flag] = []
    for match in lex.flag_pattern.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        anchor = next((t for t in span or () if t.lemma_.lower() in lex.flag_anchor_lemmas), None)
        if anchor is None or any(c.dep_ == "agent" for c in anchor.children):
            continue  # "was not confirmed by the Senate" reports an event, not a missing check
        target, word, noun = _flag_target(anchor, lex)
        sent = anchor.sent
        sentence = (sent.start_char, _rstrip_end(sent))
        flags.append(Flag(match.group(), match.start(), match.end(), sentence, target, word,
                          noun.lemma_.lower() if noun else "", noun is not None and noun.tag_ == "NNS"))
    return flags


def _flag_target(anchor: Token, lex: Lexicon) -> tuple[TargetKind, str, Token | None]:
    """(target kind, pointing word, flagged noun) of a flag. The flagged noun is the passive
    subject or object of the verification word, the object of its 'of' ("no verification of his
    claims", "none of these claims"), or the subject of the verb it completes ("Both accounts have
    yet to be verified", "The reports remain unconfirmed")."""
    candidates = [c for c in anchor.children if c.dep_ in ("nsubjpass", "dobj")]
    candidates += [g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"]
    if anchor.dep_ in ("xcomp", "acomp", "attr", "oprd"):
        candidates += [c for c in anchor.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for noun in candidates:
        if noun.lower_ == "none":
            noun = next((g for c in noun.children if c.lower_ == "of" for g in c.children), noun)
        determiners = [c for c in noun.children if c.dep_ in ("det", "poss")] + [noun]
        for word in determiners:
            if word.tag_ == "PRP$" or word.lower_ in ("his", "her", "their", "its"):
                return "owner", word.lower_, noun
            # "this", "these reports", "the claims" point back; "the death toll" names what it flags
            pointing = word is noun or word.lower_ != "the" or noun.lemma_.lower() in lex.light_nouns
            if word.lower_ in lex.demonstratives and pointing:
                return "previous", word.lower_, noun
        if noun.pos_ in ("NOUN", "PROPN"):
            return "noun", noun.lemma_.lower(), noun
    return "previous", "", None


def _rstrip_end(sent: Span) -> int:
    """End offset of a sentence without trailing whitespace."""
    return sent.start_char + len(sent.text.rstrip())



def governs(hedge: Hedge, root: Token, chain: set[int]) -> bool:
    """Does the hedge bear on a statement whose main word is ``root``?

    ``chain`` holds ``root`` and the ancestors it answers to (for an attributed statement, up to its
    cue: "he reportedly said that …"). A verb hedge governs when its scope is on that chain; a noun
    hedge when it doubts the statement's head noun or the subject/object of its main verb ("the alleged
    bribe has led to …"), not a noun further down ("amid an apparent power cut"). Labels
    ("so-called") never change what is asserted."""
    if hedge.kind == "label":
        return False
    if hedge.kind != "np_doubt":
        return hedge.scope in chain
    noun = root.doc[hedge.scope]
    if noun.i == root.i:
        return True
    if noun.head.i == root.i and noun.dep_ in CORE_ARGUMENTS:
        return True
    light = load_lexicon().light_nouns
    return noun.dep_ == "pobj" and noun.head.head.i == root.i and root.lemma_.lower() in light
