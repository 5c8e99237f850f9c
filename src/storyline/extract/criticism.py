"""A statement told as what drew criticism: "she came under fire over her assertion that X", "he landed
himself in hot water by saying X", "the mayor was criticized for claiming X". The report presents X as
contested by the critics, so X is disputed (``status._cue_status``), as after "wrongly claimed X".

On the nine train-text ledger stories the construction holds two statements, both disputed for the
editors (two stories); the one other match ("taking heat for not condemning …") holds no statement."""

from __future__ import annotations

from spacy.tokens import Token

# verbs of criticising whose "for"/"over" phrase names what was criticised
CRITICISE = frozenset({"criticize", "criticise", "condemn", "rebuke", "blast", "slam", "lambaste", "chastise",
                       "censure", "denounce", "ridicule", "mock", "scold", "fault", "deride", "pillory"})
# nouns of criticism a subject draws, takes or faces ("drew criticism for", "faced backlash over")
CRITICISM = frozenset({"criticism", "backlash", "flak", "heat", "outrage", "ridicule", "condemnation", "rebuke",
                       "scorn", "derision", "uproar", "furor", "furore"})
# nouns that mean criticism only after their preposition: "under fire", "under scrutiny", "in hot water"
_PLACED = {"fire": "under", "scrutiny": "under", "attack": "under", "water": "in"}
_REASON = frozenset({"for", "over", "by"})


def drew_criticism(cue: Token) -> bool:
    """Is the cue ("saying", "assertion", "claiming") the reason given for criticism of its speaker?"""
    if cue.dep_ not in ("pcomp", "pobj") or cue.head.dep_ != "prep" or cue.head.lower_ not in _REASON:
        return False
    verb = cue.head.head
    if verb.lemma_.lower() in CRITICISE:
        return True
    return any(_criticism(word) for child in verb.children if child.dep_ in ("dobj", "prep", "attr")
               for word in (child, *(g for g in child.children if g.dep_ == "pobj")))


def _criticism(word: Token) -> bool:
    lemma = word.lemma_.lower()
    if lemma in CRITICISM:
        return True
    preposition = _PLACED.get(lemma)
    return preposition is not None and word.dep_ == "pobj" and word.head.lower_ == preposition
