"""How much each mention is worth fact-checking: a score in [0, 1], 0.5 and above meaning check-worthy.

A mention is scored from the sentence(s) holding it and from its own content (the mean of the two when
they differ): the sentence carries who says it and how, the content the proposition itself. With a
trained model (``storyline train checkworthiness``) the model scores every span of a report in one batch;
without one, :func:`rules_score` does. Both read the same hand features from the parse
(:func:`span_features`): numbers and figures, named entities, past-tense events, comparatives and
superlatives, causal links raise check-worthiness; opinions, questions, greetings and thanks,
first-person feelings, promises and vague talk lower it.
"""

from __future__ import annotations

import math

import numpy as np
from spacy.tokens import Doc, Span

from ..learn.models import load_model
from ..model import Extraction
from .nlp import doc_text

THRESHOLD = 0.5  # a span is check-worthy when its score reaches this

FEATURES: tuple[str, ...] = (
    "words", "numbers", "figures", "dates", "entities", "people", "groups", "past", "perfect", "present",
    "comparative", "superlative", "causal", "first_person", "first_singular", "opinion", "feeling",
    "second_person", "question", "exclamation", "modal", "future", "imperative", "greeting", "negation",
    "vague", "quoted", "short",
)
FIGURE_ENTS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
DATE_ENTS = {"DATE", "TIME", "ORDINAL"}
NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "LAW", "EVENT", "PRODUCT"}
FIGURE_WORDS = {"percent", "%", "million", "billion", "trillion", "thousand", "hundred", "half", "third",
                "quarter", "twice", "double", "doubled", "tripled", "times", "rate", "average", "record"}
CAUSAL_WORDS = {"because", "cause", "caused", "causes", "result", "resulted", "due", "therefore", "led",
                "lead", "leads", "since", "consequence", "thanks"}
COMPARATIVE_WORDS = {"than", "more", "less", "fewer", "most", "least", "highest", "lowest", "largest",
                     "biggest", "smallest", "only", "first", "never", "ever", "every", "all"}
OPINION_LEMMAS = {"think", "believe", "feel", "guess", "hope", "wish", "want", "like", "love", "hate",
                  "suppose", "agree", "disagree", "trust", "mean", "care", "intend", "plan", "promise"}
FEELING_WORDS = {"proud", "happy", "glad", "sorry", "honored", "honoured", "pleased", "delighted", "sad",
                 "angry", "afraid", "excited", "grateful", "thankful", "worried", "confident", "sure",
                 "great", "wonderful", "terrible", "beautiful", "amazing", "nice", "good", "bad", "right",
                 "wrong", "important", "fantastic", "horrible", "incredible"}
GREETING_WORDS = {"thank", "thanks", "hello", "hi", "welcome", "congratulations", "applause", "goodnight",
                  "bless", "please", "okay", "ok", "yes", "no", "well", "oh", "laughter"}
VAGUE_WORDS = {"something", "anything", "everything", "nothing", "things", "thing", "stuff", "somebody",
               "anybody", "everybody", "nobody", "someone", "anyone", "everyone", "lot", "kind", "sort",
               "way", "maybe", "perhaps", "really", "just", "very", "so"}
FIRST_PERSON = {"i", "me", "my", "mine", "we", "us", "our", "ours", "myself", "ourselves"}
FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}
SECOND_PERSON = {"you", "your", "yours", "yourself", "yourselves"}
FUTURE_WORDS = {"will", "'ll", "\u2019ll", "wo", "shall", "gonna"}
QUOTES = {'"', "“", "”"}

# Hand-set weights of the rules' score (a logistic over the features), in log-odds per unit; the bias puts
# a plain sentence with no evidence either way just below the threshold.
RULE_WEIGHTS: dict[str, float] = {
    "numbers": 0.6, "figures": 0.8, "dates": 0.4, "entities": 0.35, "people": 0.2, "groups": 0.15,
    "past": 0.45, "perfect": 0.5, "present": 0.1, "comparative": 0.45, "superlative": 0.5,
    "causal": 0.3, "first_person": -0.2, "first_singular": -0.35, "opinion": -0.7, "feeling": -0.4,
    "second_person": -0.35, "question": -1.5, "exclamation": -0.8, "modal": -0.45, "future": -0.6,
    "imperative": -0.9, "greeting": -1.4, "negation": 0.1, "vague": -0.35, "quoted": -0.2, "short": -1.2,
}
RULE_BIAS = -0.6
_CAP = 3  # counts saturate: the fourth number adds no more evidence than the third


def span_features(span: Span) -> list[float]:
    """The hand features of one span, in the order of ``FEATURES`` (one pass over its tokens)."""
    counts = dict.fromkeys(FEATURES, 0.0)
    if not len(span):
        return list(counts.values())
    for token in span:
        lower = token.lower_
        tag = token.tag_
        if token.is_punct:
            counts["question"] += lower == "?"
            counts["exclamation"] += lower == "!"
            counts["quoted"] += lower in QUOTES
            continue
        counts["words"] += 1
        counts["numbers"] += token.like_num or tag == "CD"
        counts["figures"] += lower in FIGURE_WORDS or token.ent_type_ in FIGURE_ENTS and token.ent_iob_ == "B"
        counts["dates"] += token.ent_type_ in DATE_ENTS and token.ent_iob_ == "B"
        if token.ent_iob_ == "B" and token.ent_type_ in NAME_ENTS:
            counts["entities"] += 1
            counts["people"] += token.ent_type_ == "PERSON"
            counts["groups"] += token.ent_type_ in ("ORG", "NORP")
        counts["past"] += tag == "VBD"
        counts["perfect"] += tag == "VBN" and any(c.lemma_ == "have" for c in token.children if c.dep_ == "aux")
        counts["present"] += tag in ("VBZ", "VBP") and token.dep_ == "ROOT"
        counts["comparative"] += tag in ("JJR", "RBR") or lower in COMPARATIVE_WORDS
        counts["superlative"] += tag in ("JJS", "RBS")
        counts["causal"] += lower in CAUSAL_WORDS
        counts["first_person"] += lower in FIRST_PERSON
        counts["first_singular"] += lower in FIRST_SINGULAR
        counts["second_person"] += lower in SECOND_PERSON
        counts["opinion"] += token.pos_ == "VERB" and token.lemma_.lower() in OPINION_LEMMAS
        counts["feeling"] += lower in FEELING_WORDS
        counts["modal"] += tag == "MD" and lower not in FUTURE_WORDS
        counts["future"] += lower in FUTURE_WORDS
        counts["greeting"] += lower in GREETING_WORDS
        counts["negation"] += token.dep_ == "neg"
        counts["vague"] += lower in VAGUE_WORDS
    root = span.root
    counts["imperative"] = float(root.tag_ == "VB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux") for c in root.children))
    counts["short"] = float(counts["words"] < 6)
    counts["words"] = math.log1p(counts["words"])
    return [min(counts[name], _CAP) for name in FEATURES]


def rules_score(features: list[float]) -> float:
    """The rules' check-worthiness in [0, 1] from a span's hand features."""
    logit = RULE_BIAS + sum(RULE_WEIGHTS.get(name, 0.0) * value for name, value in zip(FEATURES, features))
    return 1.0 / (1.0 + math.exp(-logit))


def score_spans(spans: list[Span]) -> list[float]:
    """Check-worthiness of each span: the trained model in one batch when there is one, else the rules."""
    if not spans:
        return []
    features = [span_features(span) for span in spans]
    model = load_model("checkworthiness")
    if model is None:
        return [rules_score(row) for row in features]
    texts = [span.text for span in spans]
    return [float(score) for score in model.score(texts, np.asarray(features, dtype=np.float32))]


def score_checkworthiness(doc: Doc, extraction: Extraction) -> None:
    """Set ``Mention.checkworthiness`` for every mention of a report: the mean of its sentence's score and
    its content's (the sentence's alone when the content fills it)."""
    text_length = len(doc_text(doc))
    spans: list[Span] = []
    index: dict[tuple[int, int], int] = {}
    pairs: list[tuple[int, int]] = []

    def slot(start: int, end: int) -> int:
        key = (max(0, start), min(end, text_length))
        if key not in index:
            span = doc.char_span(key[0], key[1], alignment_mode="expand")
            index[key] = len(spans)
            spans.append(span if span is not None and len(span) else doc[0:0])
        return index[key]

    for mention in extraction.mentions:
        sentence = mention.sentence or (mention.start, mention.end)
        pairs.append((slot(*sentence), slot(mention.start, mention.end)))
    scores = score_spans(spans)
    for mention, (sentence, content) in zip(extraction.mentions, pairs):
        mention.checkworthiness = round((scores[sentence] + scores[content]) / 2, 4)
