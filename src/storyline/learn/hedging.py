"""Sentence uncertainty: a classifier over a sentence's words and what the hedge rules find in it.

A sentence is *uncertain* when it hedges, speculates or weasels: "critics say", "is widely regarded as",
"probably", "one of the finest". The model averages two logistic regressions: one over word 1–3-gram
TF-IDF, one over lemma 1–2-gram TF-IDF and the parse around each word (a subject's determiner, the verb of a
passive, a dependent's head: "some" as a subject's determiner, "regard" in the passive); both also see the
rules' findings in the sentence (hedge kinds from the parse, flags, weasel/peacock/vague phrases, a few
part-of-speech tags). C and the decision threshold are chosen by cross-validation on the training sentences.

``storyline train hedging FOLDER`` trains it on a WikiWeasel-layout folder, leaving out the held-out
'dev' fold (``eval.hedging.fold_of``). Extraction calls :func:`mark_vague` once per doc: mentions in an
uncertain sentence get the hedge tag ``"vague"``; their status never changes (a weasel is not a doubt
about whether the claim happened).
"""

from __future__ import annotations

import time
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, TAG
from spacy.tokens import Doc, Span

from ..errors import InputError
from ..extract.hedges import WEASEL_KINDS, Weasel, doc_hedges, find_weasels
from ..extract.nlp import TEXT_KEY, doc_text, load_nlp
from ..model import Mention
from .models import load_model

TASK = "hedging"
VAGUE = "vague"  # the hedge tag a mention in an uncertain sentence gets
TAGS = {"JJS", "RBS", "JJR", "RBR", "MD"}  # superlatives (peacock terms), comparatives, modals
# dependencies whose (relation, lemma) and (head lemma, relation, lemma) are syntax features
SYNTAX_DEPS = {"nsubj", "nsubjpass", "det", "advmod", "amod", "aux", "auxpass", "expl", "npadvmod", "predet",
               "quantmod", "nummod", "acomp", "attr", "xcomp", "ccomp", "prep", "poss"}
SUBJECTS = {"nsubj", "nsubjpass"}
SUBJECT_MODIFIERS = {"det", "amod", "nummod", "predet"}
QUANTIFIERS = {"some", "many", "most", "several", "few", "various", "numerous", "certain", "other", "others"}
C_GRID = (1.0, 3.0, 10.0)
SYNTAX_C = 1.0  # the syntax view's regularisation (cross-validated once on the train fold, kept fixed)
FOLDS = 5
SEED = 0
BATCH_SIZE = 256


@dataclass(frozen=True)
class SentenceFeatures:
    """What the model reads of one sentence: its text, its lemmas, the rules' findings, its syntax."""

    text: str
    lemmas: str  # lower-cased lemmas joined by spaces
    found: dict[str, float]
    syntax: dict[str, float]


@dataclass
class HedgingModel:
    """Sentence features in, the probability that a sentence is uncertain out: the mean of a word view
    and a syntax view, each a logistic regression that also sees the rules' findings."""

    words: TfidfVectorizer
    lemmas: TfidfVectorizer
    rules: DictVectorizer
    syntax: DictVectorizer
    word_classifier: LogisticRegression
    syntax_classifier: LogisticRegression
    threshold: float

    def probabilities(self, sentences: list[SentenceFeatures]) -> np.ndarray:
        """P(uncertain) for each sentence."""
        if not sentences:
            return np.zeros(0)
        found = self.rules.transform([s.found for s in sentences])
        by_words = hstack([self.words.transform([s.text for s in sentences]), found]).tocsr()
        by_syntax = hstack([self.lemmas.transform([s.lemmas for s in sentences]),
                            self.syntax.transform([s.syntax for s in sentences]), found]).tocsr()
        return (self.word_classifier.predict_proba(by_words)[:, 1]
                + self.syntax_classifier.predict_proba(by_syntax)[:, 1]) / 2


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


def sentence_uncertainty(doc: Doc, model: HedgingModel | None = None) -> list[UncertainSentence]:
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


def _fit(sentences: list[SentenceFeatures], labels: np.ndarray, c: float) -> HedgingModel:
    words = TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True)
    lemmas = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"\S+", lowercase=False)
    rules, syntax = DictVectorizer(), DictVectorizer()
    found = rules.fit_transform([s.found for s in sentences])
    by_words = hstack([words.fit_transform([s.text for s in sentences]), found]).tocsr()
    by_syntax = hstack([lemmas.fit_transform([s.lemmas for s in sentences]),
                        syntax.fit_transform([s.syntax for s in sentences]), found]).tocsr()
    return HedgingModel(words, lemmas, rules, syntax, _classifier(c).fit(by_words, labels),
                        _classifier(SYNTAX_C).fit(by_syntax, labels), 0.5)


def _classifier(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, solver="liblinear", class_weight="balanced", random_state=SEED)


def _best_threshold(labels: np.ndarray, probabilities: np.ndarray) -> tuple[float, float]:
    """(threshold, F1 of the uncertain class) that maximise F1 over the given predictions."""
    best = (0.5, 0.0)
    for threshold in np.arange(0.2, 0.81, 0.025):
        predicted = probabilities >= threshold
        tp = float(np.sum(predicted & labels))
        f1 = 2 * tp / (predicted.sum() + labels.sum()) if predicted.any() else 0.0
        if f1 > best[1]:
            best = (round(float(threshold), 3), f1)
    return best


def train(paths: list[Path]) -> tuple[HedgingModel, dict]:
    """Train on the 'train' fold of WikiWeasel-layout folders; C and the threshold by cross-validation."""
    from ..eval.hedging import fold_of, read_sentences  # eval imports extraction, which may import this

    started = time.perf_counter()
    pairs = []
    for path in paths:
        if not Path(path).is_dir() or not any(Path(path).glob("*_uncertain_sentences.txt")):
            raise InputError(str(path), "not a folder of *_certain_sentences.txt / *_uncertain_sentences.txt files")
        pairs += [(text, gold) for text, gold in read_sentences(path) if fold_of(text) == "train"]
    labels = np.array([gold for _, gold in pairs], dtype=bool)
    if labels.all() or not labels.any():
        raise InputError(", ".join(map(str, paths)), "training needs both certain and uncertain sentences")
    sentences: list[SentenceFeatures] = []
    for doc, (text, _) in zip(load_nlp().pipe([text for text, _ in pairs], batch_size=BATCH_SIZE), pairs):
        doc.user_data[TEXT_KEY] = text
        sentences += sentence_features(doc, [doc[:]])
    folds = min(FOLDS, int(labels.sum()), int((~labels).sum()))
    splits = list(StratifiedKFold(folds, shuffle=True, random_state=SEED).split(sentences, labels)) if folds > 1 else []
    choice = (0.0, C_GRID[len(C_GRID) // 2], 0.5)  # (cross-validated F1, C, threshold); kept with no folds
    for c in C_GRID if splits else ():
        held_out = np.zeros(len(sentences))
        for fit_on, score_on in splits:
            model = _fit([sentences[i] for i in fit_on], labels[fit_on], c)
            held_out[score_on] = model.probabilities([sentences[i] for i in score_on])
        threshold, f1 = _best_threshold(labels, held_out)
        if f1 > choice[0]:
            choice = (f1, c, threshold)
    f1, c, threshold = choice
    model = _fit(sentences, labels, c)
    model.threshold = threshold
    return model, {"items": len(sentences), "uncertain": int(labels.sum()), "C": c, "threshold": threshold,
                   "cv_f1": round(f1, 4), "seconds": round(time.perf_counter() - started, 1)}
