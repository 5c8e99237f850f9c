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


VIEW_KEY = ("storyline", "content_ends")


@dataclass
class _View:
    """A report's words as arrays, built once per parse: the features below look at many overlapping
    stretches of the same words, and spaCy's token objects are slow to fetch one by one."""

    toks: list[Token]
    heads: np.ndarray
    space: np.ndarray
    punct: np.ndarray
    quote: np.ndarray
    subject: np.ndarray
    verb: np.ndarray
    sent_start: np.ndarray
    saying: np.ndarray
    quotes_to: np.ndarray  # quote marks up to and including each word


def _view(doc: Doc) -> _View:
    view = doc.user_data.get(VIEW_KEY)
    if view is None:
        toks = list(doc)

        def flags(test) -> np.ndarray:
            return np.fromiter((bool(test(t)) for t in toks), dtype=bool, count=len(toks))

        quote = flags(lambda t: t.is_quote)
        view = doc.user_data[VIEW_KEY] = _View(
            toks, np.fromiter((t.head.i for t in toks), dtype=np.int64, count=len(toks)),
            flags(lambda t: t.is_space), flags(lambda t: t.is_punct), quote,
            flags(lambda t: t.dep_ in {"nsubj", "nsubjpass"}), flags(lambda t: t.pos_ in {"VERB", "AUX"}),
            flags(lambda t: t.is_sent_start), flags(lambda t: t.lemma_.lower() in SAYING_LEMMAS), np.cumsum(quote))
    return view


def _next_word(view: _View, i: int, limit: int) -> Token | None:
    """The first non-space token after i and before limit."""
    k = i + 1
    while k < limit and view.space[k]:
        k += 1
    return view.toks[k] if k < limit else None


def candidates(doc: Doc, start: int, end: int, limit: int) -> list[int]:
    """Token indices a content running from ``start`` could end on (its last word): the rules' end ``end``
    and every word before ``limit`` followed by punctuation, a conjunction, a relative word or a new
    sentence."""
    view = _view(doc)
    found = {end}
    for j in range(start, limit):
        if view.punct[j] or view.space[j]:
            continue
        after = _next_word(view, j, limit)
        if (after is None or after.is_punct or after.dep_ == "cc" or after.lower_ in BREAK_WORDS
                or after.is_sent_start or after.tag_ in RELATIVE_TAGS):
            found.add(j)
    return sorted(found)


def _bucket(d: int) -> str:
    if d == 0:
        return "0"
    return ("+" if d > 0 else "-") + str(min(5, int(math.log2(abs(d))) + 1))


def _crossing(view: _View, start: int, end: int, cue: tuple[int, int]) -> int:
    """How many words of the span hang on a word outside it other than the cue (cut subtrees), up to 3."""
    at = np.arange(start, end + 1)
    heads = view.heads[start:end + 1]
    cut = (heads != at) & ((heads < start) | (heads > end)) & ~((heads >= cue[0]) & (heads < cue[1]))
    return min(int(cut.sum()), 3)


def _stretch(view: _View, first: int, last: int, start: int, cue: tuple[int, int], tag: str) -> list[str]:
    """What the words [first, last] are: the part a candidate end adds to the content or cuts from it."""
    words = np.flatnonzero(~view.space[first:last + 1]) + first
    if not len(words):
        return [f"{tag}empty"]
    plain = words[~view.punct[words]]
    if not len(plain):
        plain = words
    lead = view.toks[plain[0]]
    opening = view.toks[words[0]].text if view.punct[words[0]] else "-"
    heads = view.heads[words]
    tops = words[(heads == words) | (heads < first) | (heads > last)]
    top = view.toks[tops[0]] if len(tops) else view.toks[words[0]]
    head = top.head.i
    hangs = ("cue" if cue[0] <= head < cue[1] else "content" if start <= head < first
             else "after" if head > last else "before")
    return [f"{tag}f={lead.lower_}", f"{tag}fd={lead.dep_}", f"{tag}ft={lead.tag_}", f"{tag}p0={opening}",
            f"{tag}fp={opening}|{lead.lower_}", f"{tag}fdh={lead.dep_}|{lead.head.dep_}",
            f"{tag}top={top.dep_}|{top.pos_}", f"{tag}toph={top.dep_}|{hangs}", f"{tag}n={_bucket(len(plain))}",
            f"{tag}ntop={min(3, len(tops))}", f"{tag}q={int(view.quote[words].any())}",
            f"{tag}subj={int(view.subject[words].any())}", f"{tag}verb={int(view.verb[words].any())}",
            f"{tag}sent={int(view.sent_start[words[1:]].any())}", f"{tag}cuew={int(view.saying[words].any())}"]


@dataclass
class _Content:
    """What every candidate end of one content shares."""

    start: int
    end: int
    cue: tuple[int, int]
    limit: int
    side: str
    lemma: str
    root: int
    rules_after: Token | None


def _content(view: _View, doc: Doc, start: int, end: int, cue: tuple[int, int], limit: int) -> _Content:
    return _Content(start, end, cue, limit, "after" if start >= cue[1] else "before",
                    doc[cue[0]:cue[1]].root.lemma_.lower(), doc[start:end + 1].root.i, _next_word(view, end, limit))


def _features(view: _View, c: _Content, j: int) -> list[str]:
    start, end, cue = c.start, c.end, c.cue
    after = _next_word(view, j, c.limit)
    if j > end:
        features = ["dir=grow", *_stretch(view, end + 1, j, start, cue, "g:")]
    else:
        features = ["dir=cut", *_stretch(view, j + 1, end, start, cue, "c:")]
    if after is None:
        attach = "none"
    else:
        h = after.head.i
        attach = ("root" if h == c.root else "cue" if cue[0] <= h < cue[1] else "in" if start <= h <= j
                  else "after" if h > j else "before")
    after2 = _next_word(view, after.i, len(view.toks)) if after is not None else None
    quotes = int(view.quotes_to[j] - (view.quotes_to[start - 1] if start else 0))
    rules_after = c.rules_after
    features += [
        f"at={attach}", f"atd={attach}|{after.dep_ if after is not None else '-'}",
        f"nn={after.lower_ if after is not None else '-'}|{after2.lower_ if after2 is not None else '-'}",
        f"R:ss={int(rules_after is None or rules_after.is_sent_start)}", f"lemd={c.lemma}|{features[0]}",
        f"d={_bucket(j - end)}", f"n={after.lower_ if after is not None else '<end>'}",
        f"nd={after.dep_ if after is not None else '-'}", f"ss={int(after is None or after.is_sent_start)}",
        f"x={_crossing(view, start, j, cue)}", f"t={view.toks[j].lower_}",
        f"q={quotes % 2}", f"side={c.side}", f"lem={c.lemma}",
        f"R:n={rules_after.lower_ if rules_after is not None else '<end>'}",
        f"R:nd={rules_after.dep_ if rules_after is not None else '-'}", f"R:side={c.side}", f"R:lem={c.lemma}",
    ]
    return features + [f"{features[0]}|{f}" for f in features[1:4]]


def candidate_features(doc: Doc, start: int, end: int, j: int, cue: tuple[int, int], limit: int) -> list[str]:
    """Features of ending the content [start, end] (the rules' words) on word j instead; ``cue``: the
    cue's token range [start, end)."""
    view = _view(doc)
    return _features(view, _content(view, doc, start, end, cue, limit), j)


def _limit(doc: Doc, start: int, end: int, cue: tuple[int, int]) -> int:
    """Where a content [start, end] must stop: before its cue when it comes first, else REACH words on."""
    return cue[0] if end < cue[0] else min(len(doc), end + REACH)


def rows(doc: Doc, start: int, end: int, cue: tuple[int, int]) -> tuple[list[int], list[list[str]]]:
    """The other words the content [start, end] could end on, and the features of each."""
    limit = _limit(doc, start, end, cue)
    others = [j for j in candidates(doc, start, end, limit) if j != end]
    if not others:
        return others, []
    view = _view(doc)
    content = _content(view, doc, start, end, cue, limit)
    return others, [_features(view, content, j) for j in others]


@dataclass
class EndChooser:
    """The trained choice of a content's last word (``extract.attribution`` asks it through ``CueJudge``)."""

    classifier: LogisticRegression
    threshold: float = THRESHOLD

    def choose(self, doc: Doc, contents: list[tuple[int, int, tuple[int, int]]]) -> list[int]:
        """The last word of each content (start, end, cue): token indices, end inclusive, the cue a token
        range [start, end); the rules' ``end`` unless another place is likely enough. One call per report:
        scoring every candidate of every content at once is what keeps this cheap."""
        groups = [rows(doc, start, end, cue) for start, end, cue in contents]
        features = [f for _, group in groups for f in group]
        if not features:
            return [end for _, end, _ in contents]
        chances = self.classifier.predict_proba(_HASHER.transform(features))[:, 1]
        chosen, at = [], 0
        for (_, end, _), (others, _) in zip(contents, groups):
            mine = chances[at:at + len(others)]
            at += len(others)
            best = int(np.argmax(mine)) if len(others) else -1
            chosen.append(others[best] if best >= 0 and mine[best] > self.threshold else end)
        return chosen


def fit(features: list[list[str]], labels: list[int]) -> EndChooser | None:
    """A chooser fitted to candidate rows (label 1: the annotators' end); None without both kinds."""
    if len(set(labels)) < 2:
        return None
    classifier = LogisticRegression(C=1.0, max_iter=3000, solver="liblinear", random_state=0)
    classifier.fit(_HASHER.transform(features), np.array(labels))
    return EndChooser(classifier)
