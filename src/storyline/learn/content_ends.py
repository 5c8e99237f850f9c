"""Where a content ends: a learned choice among the places an attribution's content could stop.

The rules end a content where its clause's subtree ends, less a reporter's aside (", which …") and what
the parser hung on the cue; annotators draw the line elsewhere in a long tail of cases: they keep a
coordinated verb ("said the pier was shut and would stay shut"), a "which" clause that is part of the claim,
a condition, or stop before a time or a place the parser attached inside. ``EndChooser`` looks at every
place the content could stop (``candidates``: before a comma, dash, colon, conjunction, relative word or
sentence end, up to ``REACH`` words past the rules' end and back to the content's start), describes what
stopping there would add or cut (``candidate_features``), and a logistic regression trained on PolNeAR's
spans gives the chance that each is the annotators' end. The rules' end stays unless another place is more
likely than ``threshold``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, Token

REACH = 60  # words past the rules' end a content may grow
HASH_FEATURES = 2 ** 20
THRESHOLD = 0.5
BREAK_WORDS = {"and", "but", "or", "which", "who", "whom", "whose", "while", "although", "though", "because",
               "as", "after", "before", "when", "if", "so", "since", "until", "where", "amid", "despite",
               "including"}
RELATIVE_TAGS = {"WDT", "WP", "WRB"}
SAYING_LEMMAS = {"say", "tell", "add", "accord"}

_HASHER = FeatureHasher(HASH_FEATURES, input_type="string", alternate_sign=False)


def _next_word(doc: Doc, i: int, limit: int) -> Token | None:
    """The first non-space token after i and before limit."""
    k = i + 1
    while k < limit and doc[k].is_space:
        k += 1
    return doc[k] if k < limit else None


def candidates(doc: Doc, start: int, end: int, limit: int) -> list[int]:
    """Token indices a content running from ``start`` could end on (its last word): the rules' end ``end``
    and every word before ``limit`` followed by punctuation, a conjunction, a relative word or a new
    sentence."""
    found = {end}
    for j in range(start, limit):
        if doc[j].is_punct or doc[j].is_space:
            continue
        after = _next_word(doc, j, limit)
        if (after is None or after.is_punct or after.dep_ == "cc" or after.lower_ in BREAK_WORDS
                or after.is_sent_start or after.tag_ in RELATIVE_TAGS):
            found.add(j)
    return sorted(found)


def _bucket(d: int) -> str:
    if d == 0:
        return "0"
    return ("+" if d > 0 else "-") + str(min(5, int(math.log2(abs(d))) + 1))


def _crossing(doc: Doc, start: int, end: int, cue: tuple[int, int]) -> int:
    """How many words of the span hang on a word outside it other than the cue (cut subtrees), up to 3."""
    n = 0
    for tok in doc[start:end + 1]:
        head = tok.head
        if head is not tok and not start <= head.i <= end and not cue[0] <= head.i < cue[1]:
            n += 1
    return min(n, 3)


def _stretch(doc: Doc, first: int, last: int, start: int, cue: tuple[int, int], tag: str) -> list[str]:
    """What the words [first, last] are: the part a candidate end adds to the content or cuts from it."""
    words = [t for t in doc[first:last + 1] if not t.is_space]
    if not words:
        return [f"{tag}empty"]
    plain = [t for t in words if not t.is_punct] or words
    lead, opening = plain[0], words[0].text if words[0].is_punct else "-"
    tops = [t for t in words if t.head is t or not first <= t.head.i <= last]
    top = tops[0] if tops else words[0]
    hangs = ("cue" if cue[0] <= top.head.i < cue[1] else "content" if start <= top.head.i < first
             else "after" if top.head.i > last else "before")
    return [f"{tag}f={lead.lower_}", f"{tag}fd={lead.dep_}", f"{tag}ft={lead.tag_}", f"{tag}p0={opening}",
            f"{tag}fp={opening}|{lead.lower_}", f"{tag}fdh={lead.dep_}|{lead.head.dep_}",
            f"{tag}top={top.dep_}|{top.pos_}", f"{tag}toph={top.dep_}|{hangs}", f"{tag}n={_bucket(len(plain))}",
            f"{tag}ntop={min(3, len(tops))}", f"{tag}q={int(any(t.is_quote for t in words))}",
            f"{tag}subj={int(any(t.dep_ in {'nsubj', 'nsubjpass'} for t in words))}",
            f"{tag}verb={int(any(t.pos_ in {'VERB', 'AUX'} for t in words))}",
            f"{tag}sent={int(any(t.is_sent_start for t in words[1:]))}",
            f"{tag}cuew={int(any(t.lemma_.lower() in SAYING_LEMMAS for t in words))}"]


def candidate_features(doc: Doc, start: int, end: int, j: int, cue: tuple[int, int], limit: int) -> list[str]:
    """Features of ending the content [start, end] (the rules' words) on word j instead; ``cue``: the
    cue's token range [start, end)."""
    side = "after" if start >= cue[1] else "before"
    lemma = doc[cue[0]:cue[1]].root.lemma_.lower()
    after = _next_word(doc, j, limit)
    rules_after = _next_word(doc, end, limit)
    if j > end:
        features = ["dir=grow", *_stretch(doc, end + 1, j, start, cue, "g:")]
    else:
        features = ["dir=cut", *_stretch(doc, j + 1, end, start, cue, "c:")]
    root = doc[start:end + 1].root
    if after is None:
        attach = "none"
    else:
        h = after.head
        attach = ("root" if h.i == root.i else "cue" if cue[0] <= h.i < cue[1] else "in" if start <= h.i <= j
                  else "after" if h.i > j else "before")
    after2 = _next_word(doc, after.i, len(doc)) if after is not None else None
    features += [
        f"at={attach}", f"atd={attach}|{after.dep_ if after is not None else '-'}",
        f"nn={after.lower_ if after is not None else '-'}|{after2.lower_ if after2 is not None else '-'}",
        f"R:ss={int(rules_after is None or rules_after.is_sent_start)}", f"lemd={lemma}|{features[0]}",
        f"d={_bucket(j - end)}", f"n={after.lower_ if after is not None else '<end>'}",
        f"nd={after.dep_ if after is not None else '-'}", f"ss={int(after is None or after.is_sent_start)}",
        f"x={_crossing(doc, start, j, cue)}", f"t={doc[j].lower_}",
        f"q={sum(1 for t in doc[start:j + 1] if t.is_quote) % 2}", f"side={side}", f"lem={lemma}",
        f"R:n={rules_after.lower_ if rules_after is not None else '<end>'}",
        f"R:nd={rules_after.dep_ if rules_after is not None else '-'}", f"R:side={side}", f"R:lem={lemma}",
    ]
    return features + [f"{features[0]}|{f}" for f in features[1:4]]


def _limit(doc: Doc, start: int, end: int, cue: tuple[int, int]) -> int:
    """Where a content [start, end] must stop: before its cue when it comes first, else REACH words on."""
    return cue[0] if end < cue[0] else min(len(doc), end + REACH)


def rows(doc: Doc, start: int, end: int, cue: tuple[int, int]) -> tuple[list[int], list[list[str]]]:
    """The other words the content [start, end] could end on, and the features of each."""
    limit = _limit(doc, start, end, cue)
    others = [j for j in candidates(doc, start, end, limit) if j != end]
    return others, [candidate_features(doc, start, end, j, cue, limit) for j in others]


@dataclass
class EndChooser:
    """The trained choice of a content's last word (``extract.attribution`` asks it through ``CueJudge``)."""

    classifier: LogisticRegression
    threshold: float = THRESHOLD

    def choose(self, doc: Doc, start: int, end: int, cue: tuple[int, int]) -> int:
        """The last word of the content [start, end] (token indices, inclusive) whose cue is the token range
        ``cue``: the rules' ``end`` unless another place is likely enough."""
        others, features = rows(doc, start, end, cue)
        if not others:
            return end
        chances = self.classifier.predict_proba(_HASHER.transform(features))[:, 1]
        best = int(np.argmax(chances))
        return others[best] if chances[best] > self.threshold else end


def fit(features: list[list[str]], labels: list[int]) -> EndChooser | None:
    """A chooser fitted to candidate rows (label 1: the annotators' end); None without both kinds."""
    if len(set(labels)) < 2:
        return None
    classifier = LogisticRegression(C=1.0, max_iter=3000, solver="liblinear", random_state=0)
    classifier.fit(_HASHER.transform(features), np.array(labels))
    return EndChooser(classifier)
