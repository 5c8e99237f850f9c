"""Verdicts on a claim: a fact-check, a ruling or a finding in the same report decides the status of the
statement it rates (DESIGN.md, "Statuses"; ``status.assign_status`` after the contests).

"PolitiFact rated the claim true", "ruled that Tan's statement was 'true'", "found it accurate" make the
rated statement confirmed; "deemed those statements false", "gave Brill four Pinocchios", "rated it Pants
on Fire" make it disputed, and the verdict then contests it (the contract's "X contested in a later
sentence"). "Half true", "mixed" decide nothing. The verdict words are a closed class and so are the verbs
that deliver them; what a verdict rates is found with contests.py's pointers ("that claim", "Tan's
statement", "it") or, for an award to a person ("gave Brill four Pinocchios"), that person's statement.
Verdicts are rare in news (a handful in PolNeAR train's 840 texts), which is why the class is kept tight.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..model import Mention
from .contests import POINTERS, also_contest, contested_index, cue_root, points_back, statement_judged
from .hedges import Lexicon

HOLDS = frozenset({"true", "accurate", "correct", "right", "real"})
FAILS = frozenset({"false", "wrong", "inaccurate", "incorrect", "untrue", "misleading", "baseless", "bogus"})
MIXED = frozenset({"half", "mixed", "partly", "partially"})  # "half true", "partly false": no verdict
# forms, not lemmas: the parser's lemma of "rated" is "rat"
VERDICT_VERBS = frozenset({"rate", "rates", "rated", "rating", "deem", "deems", "deemed", "judge", "judges",
                           "judged", "rule", "rules", "ruled", "find", "finds", "found", "label", "labels",
                           "labeled", "labelled", "declare", "declares", "declared", "conclude", "concludes",
                           "concluded", "determine", "determines", "determined"})
AWARD_VERBS = frozenset({"give", "gives", "gave", "given", "award", "awards", "awarded", "earn", "earns",
                         "earned", "receive", "receives", "received", "get", "gets", "got"})


@dataclass(frozen=True)
class Verdict:
    """One verdict: the word that gives it, what it rates, and whether the rated statement holds."""
    word: Token
    pointer: Token
    holds: bool
    person: bool = False  # the pointer names the person rated ("gave Brill four Pinocchios"), not a statement


def verdict_at(verb: Token, lex: Lexicon, outlet: bool = False) -> Verdict | None:
    """The verdict a verb delivers, if any. ``outlet``: the verb heads a clause in the outlet's own voice,
    where "the statement about the pier was real" is the outlet's verdict."""
    word = verb.lower_
    if word in AWARD_VERBS:
        return _pinocchios(verb)
    if word in VERDICT_VERBS:
        return _rated(verb, lex)
    if outlet and verb.lemma_ == "be":
        return _judged_in_own_voice(verb, lex)
    return None


def _rated(verb: Token, lex: Lexicon) -> Verdict | None:
    """'rated that claim false', 'found it accurate', 'rated the claim Pants on Fire', 'ruled that Tan's
    statement was "true"'."""
    rated = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if rated is not None and any(t.lower_ == "pants" for t in rated.subtree) and "on fire" in _text(rated):
        pointer = rated if points_back(rated, lex) else None
        return Verdict(rated, pointer, False) if pointer is not None else None
    if _judges_an_act(verb) and rated is not None and rated.lower_ == "it":  # "deemed it right to close it"
        return None
    for c in verb.children:
        if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "attr") and c.lower_ in HOLDS | FAILS:
            pointer = rated if rated is not None else next(
                (g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            pointer = _of_pointer(pointer)
            holds = _holds(c)
            if pointer is not None and holds is not None and points_back(pointer, lex):
                return Verdict(c, pointer, holds)
        if c.dep_ == "ccomp" and c.lemma_ == "be":  # "ruled that Tan's statement was true"
            found = _judged(c, lex)
            if found is not None:
                return found
    return None


def _judged_in_own_voice(verb: Token, lex: Lexicon) -> Verdict | None:
    """'In fact, the statement about the pier was real', 'that claim is false', 'Brill's claim was false':
    the outlet's verdict on a statement it names. A bare "that is true", "it is true that …" or "the statement
    is accurate" (a quoted fact-check's words, often) names no statement, and so rates none."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or not any(
            c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in POINTERS
            or c.dep_ == "prep" and c.lower_ in ("about", "on") for c in subject.children):
        return None
    verdict = _judged(verb, lex)
    if verdict is None:
        return None
    # "the statement about Rubio": the statement is the one that names Rubio
    about = next((g for c in subject.children if c.dep_ == "prep" and c.lower_ in ("about", "on")
                  for g in c.children if g.dep_ == "pobj"), None)
    return Verdict(verdict.word, about, verdict.holds) if about is not None else verdict


def _main_clause(verb: Token) -> bool:
    """The main clause of a sentence, or a clause the parser hung on it without a subordinator ("X was
    real: it was on his site")."""
    return verb.dep_ == "ROOT" or verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and not any(
        c.dep_ == "mark" for c in verb.children)


def _judged(be: Token, lex: Lexicon) -> Verdict | None:
    subject = next((c for c in be.children if c.dep_ == "nsubj"), None)
    if subject is None or not points_back(subject, lex):
        return None
    word = next((c for c in be.children if c.dep_ in ("acomp", "attr") and c.lower_ in HOLDS | FAILS), None)
    if word is None or _judges_an_act(word):
        return None
    if _supposed(be):
        return None
    holds = _holds(word)
    negated = any(c.dep_ == "neg" for c in be.children)
    if holds is None or negated and not holds:  # "was not false" rates nothing firmly
        return None
    return Verdict(word, subject, holds and not negated)


def _judges_an_act(word: Token) -> bool:
    """'deemed it right to intervene', 'it is wrong to compare': a judgement of an act, not a verdict on a
    statement (the parser hangs the act on the verdict word or on its verb)."""
    return any(c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and c.lower_ not in HOLDS | FAILS
               for c in word.children)


def _supposed(be: Token) -> bool:
    """'if its claims are true', 'the argument might be true': a verdict supposed, not given."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" or c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")
               for c in be.children)


def _pinocchios(verb: Token) -> Verdict | None:
    """'gave Brill four Pinocchios (for the claim)', 'she earns Three Pinocchios': the Washington Post's
    scale of falsehood. What it rates: the claim named after "for" when it points back, else the person."""
    prize = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_.startswith("pinocchio")), None)
    if prize is None:
        return None
    named = next((g for c in list(verb.children) + list(prize.children) if c.dep_ == "prep" and c.lower_ == "for"
                  for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
    if named is not None and named.lemma_.lower() in ("claim", "statement", "assertion", "remark", "comment"):
        return Verdict(prize, named, False)
    dep = "dative" if verb.lower_ not in ("earn", "earns", "earned", "receive", "receives", "received", "get",
                                          "gets", "got") else "nsubj"
    # "gave Brill four Pinocchios": the parser hangs the person on the verb or on the prize
    person = next((c for c in list(verb.children) + list(prize.children)
                   if (c.dep_ == dep or c.head == prize and c.dep_ in ("nmod", "compound"))
                   and c.pos_ == "PROPN" and not c.like_num), None)
    return Verdict(prize, person, False, person=True) if person is not None else None


def _holds(word: Token) -> bool | None:
    """True for a verdict that the statement holds, False for one that it fails, None for a mixed one."""
    if any(c.lower_ in MIXED for c in word.children) or word.i and word.doc[word.i - 1].lower_ in MIXED:
        return None
    return word.lower_ in HOLDS


def _of_pointer(token: Token | None) -> Token | None:
    """'both parts of it', 'each aspect of the claim': the statement is the one named after "of"."""
    if token is None or token.lemma_.lower() not in ("part", "aspect", "half", "portion", "piece"):
        return token
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), token)


def _text(token: Token) -> str:
    return " ".join(t.lower_ for t in token.subtree)


def apply_verdicts(doc: Doc, mentions: list[Mention], spans: list[Span | None], lemmas: list[set[str]],
                   lex: Lexicon) -> None:
    """Confirm the statements verdicts uphold; link each verdict against a statement to it (``contests``,
    ``disputes``), so that the caller's last step makes that statement disputed. The verdict's own row (the
    rater's mention, else the outlet's clause holding it) is the contesting one; a row that already contests
    something is left as it is."""
    for index, span in enumerate(spans):
        if span is None or not len(span) or mentions[index].contests is not None:
            continue
        outlet = mentions[index].form == "outlet"
        cue = cue_root(doc, mentions[index]) if not outlet else None  # "(the team) ruled that X was true"
        for verb in list(span) + ([cue] if cue is not None else []):
            verdict = verdict_at(verb, lex, outlet=outlet and _main_clause(verb))
            if verdict is None or not span.start <= verdict.word.i < span.end:
                continue
            if outlet and _rater_row(mentions, index, verdict.word):
                continue  # the rater's own row inside this clause carries the verdict
            rated = _rated_statement(index, verdict, mentions, lemmas, lex)
            if rated is None:
                continue
            if verdict.holds:
                for j in [rated] + _run_before(rated, verdict, mentions) + _holding(rated, mentions):
                    mentions[j].status = "confirmed" if mentions[j].status in UPHELD else mentions[j].status
            else:
                mentions[index].contests, mentions[index].relation = rated, "disputes"
                for j in _run_before(rated, verdict, mentions):
                    mentions[j].status = "denied" if mentions[j].status == "denied" else "disputed"
                    also_contest(mentions[index], j)
            break


def _rated_statement(index: int, verdict: Verdict, mentions: list[Mention], lemmas: list[set[str]],
                     lex: Lexicon) -> int | None:
    """The statement a verdict rates, found by contests.py's pointers among the rows that do not hold the
    verdict itself (the outlet's clause "Fact-checkers found it accurate" is not what "it" stands for)."""
    view = [j for j, m in enumerate(mentions) if j == index or not m.start <= verdict.word.idx < m.end]
    here = view.index(index)
    rows, words = [mentions[j] for j in view], [lemmas[j] for j in view]
    found = (statement_judged(here, verdict.pointer, rows, words) if verdict.person
             else contested_index(here, verdict.pointer, rows, words, lex))
    return view[found] if found is not None and found != here else None


def _run_before(rated: int, verdict: Verdict, mentions: list[Mention]) -> list[int]:
    """'those statements', 'her claims': the same speaker's statements just before the one found, back to
    the first row of anyone else (at most three; a row inside one of the speaker's is part of it)."""
    if verdict.person or verdict.pointer.tag_ != "NNS":
        return []
    run, name = [], mentions[rated].source.name
    for j in range(rated - 1, -1, -1):
        if any(k != j and mentions[k].source.name == name and mentions[k].start <= mentions[j].start
               and mentions[j].end <= mentions[k].end for k in range(len(mentions))):
            continue
        if mentions[j].source.name != name or mentions[j].form == "outlet" or len(run) == 3:
            break
        run.append(j)
    return run


UPHELD = frozenset({"reported", "unverified", "asserted"})  # a verdict of true overrides no contest or forecast


def _rater_row(mentions: list[Mention], index: int, word: Token) -> bool:
    """Is there a rater's mention (not the outlet's) holding the verdict word?"""
    return any(j != index and m.form != "outlet" and m.start <= word.idx < m.end for j, m in enumerate(mentions))


def _holding(rated: int, mentions: list[Mention]) -> list[int]:
    """Rows whose content holds the rated one ("Quick said Trump had called Rubio 'the personal senator'"
    around "Rubio as 'the personal senator'"): they carry the same statement, so the same verdict."""
    inner = mentions[rated]
    return [j for j, m in enumerate(mentions) if j != rated and m.form != "outlet"
            and m.start <= inner.start and inner.end <= m.end]
