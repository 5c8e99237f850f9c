"""Whether a "confirm" is a confirmation: someone with knowledge vouching that a statement is true.

A confirm-class cue ("confirmed", "verified", "corroborated") makes its statement ``confirmed`` (the contract:
an authority with knowledge confirms it). Two uses of the verb vouch for nothing:

- an announcement: what someone confirms they or others *will* do ("the club confirmed it would not renew
  his contract", "the office confirmed that the mayor will attend") is a plan made public, not a fact
  verified; it is reported, as "announced" is;
- a thing as subject that no one speaks through: "the stream of new money confirms that …", "her victory
  confirmed the strength of her appeal" reads evidence, the outlet's own inference; evidence that is a
  finding in itself ("the autopsy confirmed", "DNA tests confirmed") still confirms.

And an outlet's passive "was confirmed" of a person with nothing said about them ("Judge Faro was confirmed
61 to 30") is an appointment by a vote, not a verification ("Faro was confirmed dead", "… confirmed as a
passenger" stay confirmations).

Read on PolNeAR train (840 texts): of the 23 statements storyline marked confirmed, 17 were confirmations
and these three uses made the other six (1 announcement, 2 things as subject, 3 appointments).
"""

from __future__ import annotations

from spacy.tokens import Token

from .nonspeakers import can_speak
from .speakers import _person_like

# findings that confirm by themselves: "the autopsy confirmed", "tests confirmed", "the footage verified"
EVIDENCE = frozenset({"test", "autopsy", "analysis", "examination", "evidence", "scan", "sample", "dna",
                      "fingerprint", "footage", "video", "image", "photo", "x-ray", "check"})
BACKSHIFTED = frozenset({"would", "'d", "\u2019d"})  # "confirmed she would run": "will" told in the past
COMPLEMENTS = frozenset({"acomp", "oprd", "xcomp", "attr", "ccomp", "prep"})


def confirms(cue: Token | None, root: Token, future: bool) -> bool:
    """Does a confirm-class cue vouch for the statement whose main word is ``root``? Not when the statement is
    a future act (``future``, or a "would" told in the past) nor when the cue's subject is a thing nobody
    speaks through."""
    if future or any(c.dep_ == "aux" and c.lower_ in BACKSHIFTED for c in root.children):
        return False
    if cue is None:
        return True
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    return subject is None or can_speak(subject) or subject.lemma_.lower() in EVIDENCE


def appointed(verb: Token) -> bool:
    """'He was confirmed 92 to 0', 'Judge Faro was confirmed on Monday': a passive "confirmed" whose subject is
    a person and which says nothing about them after it (no "dead", no "as a passenger", no clause; a tally
    "61 to 30" says nothing) is a vote on an appointment."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or not (_person_like(subject) or subject.ent_type_ == "PERSON"):
        return False
    return verb.lemma_.lower() == "confirm" and not any(
        c.dep_ in COMPLEMENTS and (c.dep_ != "prep" or c.lower_ == "as") and not c.like_num
        for c in verb.rights)
