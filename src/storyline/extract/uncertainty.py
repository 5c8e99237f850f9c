"""Sentence uncertainty at extraction: mentions in a sentence that hedges, speculates or weasels ("critics say",
"is widely regarded as", "probably", "one of the finest") get the hedge tag ``"vague"``; their status never
changes (a weasel is not a doubt about whether the claim happened). :func:`mark_vague` runs once per doc: the
trained hedging model (``storyline train hedging``, ``learn.hedging``) judges each sentence from the features
read here (:func:`sentence_features`: the sentence's words and lemmas, the parse around each word, and the hedge
rules' findings in it: hedge kinds, flags, weasel/peacock/vague phrases, a few part-of-speech tags); without a
model, a sentence holding a weasel, peacock or vague phrase is uncertain.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, TAG
from spacy.tokens import Doc, Span

from ..learn.models import load_model
from ..model import Mention
from .hedges import WEASEL_KINDS, Weasel, doc_hedges, find_weasels
from .nlp import doc_text

TASK = "hedging"
VAGUE = "vague"  # the hedge tag a mention in an uncertain sentence gets
TAGS = {"JJS", "RBS", "JJR", "RBR", "MD"}  # superlatives (peacock terms), comparatives, modals
# dependencies whose (relation, lemma) and (head lemma, relation, lemma) are syntax features
SYNTAX_DEPS = {"nsubj", "nsubjpass", "det", "advmod", "amod", "aux", "auxpass", "expl", "npadvmod", "predet",
               "quantmod", "nummod", "acomp", "attr", "xcomp", "ccomp", "prep", "poss"}
SUBJECTS = {"nsubj", "nsubjpass"}
SUBJECT_MODIFIERS = {"det", "amod", "nummod", "predet"}
QUANTIFIERS = {"some", "many", "most", "several", "few", "various", "numerous", "certain", "other", "others"}


@dataclass(frozen=True)
class SentenceFeatures:
    """What the model reads of one sentence: its text, its lemmas, the rules' findings, its syntax."""

    text: str
    lemmas: str  # lower-cased lemmas joined by spaces
    found: dict[str, float]
    syntax: dict[str, float]


class SentenceModel(Protocol):
    """A trained judge of sentence uncertainty (``storyline.learn.hedging.HedgingModel``)."""

    threshold: float

    def probabilities(self, sentences: list[SentenceFeatures]) -> np.ndarray:
        """P(uncertain) for each sentence."""
        ...


@dataclass(frozen=True)
class UncertainSentence:
    """A sentence found uncertain: its char offsets and the model's probability (1.0 from the rules)."""

    start: int
    end: int
    probability: float


class _Findings:
    """The rules' findings over one doc, looked up per sentence."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        self.hedges, flags = doc_hedges(doc)
        self.flag_starts = [flag.start for flag in flags]
        self.weasels = find_weasels(self.text)
        self._weasel_starts = [weasel.start for weasel in self.weasels]

    def weasels_in(self, start: int, end: int) -> list[Weasel]:
        return self.weasels[bisect_left(self._weasel_starts, start):bisect_left(self._weasel_starts, end)]

    def of(self, span: Span) -> dict[str, float]:
        """Rule features of one sentence: hedge and weasel kinds (with their words), flags, tags."""
        start, end = span.start_char, span.end_char
        found: dict[str, float] = {}
        for hedge in self.hedges.between(start, end):
            found[f"hedge:{hedge.kind}"] = 1.0
            found[f"hedge:{hedge.kind}:{hedge.text.lower()}"] = 1.0
        for weasel in self.weasels_in(start, end):
            found[f"weasel:{weasel.kind}"] = 1.0
            found[f"weasel:{weasel.kind}:{weasel.text.lower()}"] = 1.0
        if bisect_left(self.flag_starts, start) < bisect_left(self.flag_starts, end):
            found["flag"] = 1.0
        for token in span:
            if token.tag_ in TAGS:
                found[f"tag:{token.tag_}"] = 1.0
        return found


def _syntax(rows: list[tuple[str, str, str, str, int]], start: int, end: int) -> dict[str, float]:
    """Syntax features of the tokens [start, end): rows are (lower, lemma, tag, dep, head) per doc token."""
    found: dict[str, float] = {f"FIRST:{rows[start][1]}": 1.0} if end > start else {}
    for i in range(start, end):
        lower, lemma, tag, dep, head = rows[i]
        head_lemma = rows[head][1]
        if dep in SYNTAX_DEPS:
            found[f"D:{dep}:{lemma}"] = 1.0
            found[f"HC:{head_lemma}>{dep}>{lemma}"] = 1.0
        if tag in TAGS:
            found[f"T:{tag}"] = 1.0
        if dep == "auxpass":
            found[f"PASS:{head_lemma}"] = 1.0
        if dep in SUBJECTS:
            found[f"SUBJ:{lemma}"] = 1.0
            found[f"SUBJ>{head_lemma}"] = 1.0
        elif dep in SUBJECT_MODIFIERS and rows[head][3] in SUBJECTS:
            found[f"SUBJMOD:{lemma}"] = 1.0
        if lower in QUANTIFIERS and i + 1 < end:
            found[f"NEXT:{lower}:{rows[i + 1][2]}"] = 1.0
    return found


def _token_rows(doc: Doc) -> list[tuple[str, str, str, str, int]]:
    """(lower, lemma, tag, dep, head index) of every token, read from the doc's arrays in one pass."""
    strings = doc.vocab.strings
    lowered: dict[int, str] = {}  # hash -> lower-cased string: each string looked up once per doc
    tags: dict[int, str] = {}

    def name(key: int) -> str:
        value = lowered.get(key)
        if value is None:
            value = lowered[key] = strings[key].lower()
        return value

    def tag_name(key: int) -> str:
        value = tags.get(key)
        if value is None:
            value = tags[key] = strings[key]
        return value

    heads = doc.to_array(HEAD).astype(np.int64).tolist()  # offsets to each token's head
    return [(name(lower), name(lemma), tag_name(tag), name(dep), i + heads[i])
            for i, (lower, lemma, tag, dep) in enumerate(doc.to_array([LOWER, LEMMA, TAG, DEP]).tolist())]


def sentence_features(doc: Doc, spans: list[Span]) -> list[SentenceFeatures]:
    """The model's features of each span of an already parsed doc: no re-parse."""
    findings = _Findings(doc)
    rows = _token_rows(doc)
    return [SentenceFeatures(findings.text[s.start_char:s.end_char], " ".join(row[1] for row in rows[s.start:s.end]),
                             findings.of(s), _syntax(rows, s.start, s.end)) for s in spans]


def rules_say_uncertain(found: dict[str, float]) -> bool:
    """The rules' own verdict on a sentence's findings: a vague attribution ("critics say", "it is
    believed"), praise without a source ("one of the finest") or an unquantified "some"/"many"."""
    return any(f"weasel:{kind}" in found for kind in WEASEL_KINDS)


def sentence_uncertainty(doc: Doc, model: SentenceModel | None = None) -> list[UncertainSentence]:
    """The doc's sentences the trained model finds uncertain (``load_model('hedging')`` unless given);
    without a model, those holding a weasel, peacock or vague phrase."""
    model = model or load_model(TASK)
    sentences = list(doc.sents)
    if model is None:  # the rules' verdict needs only where the weasels are, not every sentence's features
        findings = _Findings(doc)
        return [UncertainSentence(s.start_char, s.end_char, 1.0)
                for s in sentences if findings.weasels_in(s.start_char, s.end_char)]
    features = sentence_features(doc, sentences)
    return [UncertainSentence(s.start_char, s.end_char, round(float(p), 4))
            for s, p in zip(sentences, model.probabilities(features)) if p >= model.threshold]


def mark_vague(doc: Doc, mentions: list[Mention]) -> None:
    """Tag every mention that starts in an uncertain sentence with ``"vague"``, in place; statuses stay."""
    uncertain = sentence_uncertainty(doc)
    if not uncertain:
        return
    starts = [sentence.start for sentence in uncertain]
    for mention in mentions:
        i = bisect_left(starts, mention.start + 1) - 1
        if i >= 0 and mention.start < uncertain[i].end and VAGUE not in mention.hedges:
            mention.hedges.append(VAGUE)
