"""What the event coreference scorer knows of each mention, and the features of every pair of mentions in a topic.

Each mention's sentence is parsed by spaCy from the gold tokens (no retokenizing), which gives the mention's
head word (the token whose syntactic head lies outside the mention), its lemma and part of speech, the nouns,
names and numbers that depend on it (its arguments, roughly), and the names, numbers and times of the
sentence. The topic's documents are compared by tf-idf and grouped (documents likely about one seminal event).
With MiniLM installed (``storyline.learn.embeddings``), the head lemmas and the sentences are embedded as well,
and in the same pass over the sentences each mention's words are read in their sentence (MiniLM's hidden
states over the mention's word pieces: the trigger in context, so the "fire" of a blaze and the "fire" of a
dismissal differ); without it the embedding features are left out and the scorer trained without them is used.

The pair features of a topic come as one row per pair i < j, in the order of ``scipy.spatial.distance``'s
condensed matrices, so scores feed hierarchical clustering directly.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..errors import StorylineError
from ..eval.coref_gold import Topic

NAMES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
NUMBERS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}
TIMES = {"DATE", "TIME"}
HEAD_POS = ("VERB", "NOUN", "ADJ", "PROPN", "AUX")
WORD = re.compile(r"[a-z][a-z'-]{2,}")

ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "obj", "dative", "attr", "prep", "agent", "npadvmod", "poss",
                 "compound", "nmod", "obl", "pobj"}
ARGUMENT_POS = {"NOUN", "PROPN", "NUM"}
# Documents of a topic are grouped by average-link over their tf-idf cosine, joined while the mean cosine is at
# least 1 - DOC_DISTANCE: on the ECB+ train topics this groups the documents of one seminal event best (B³ 0.91)
DOC_DISTANCE = 0.94

BASE = ["same_lemma", "same_stem", "lemma_dice", "same_pos", "same_doc", "same_sentence", "doc_words",
        "same_group", "names", "numbers", "times", "arguments"]
EMBEDDED = ["lemma_cos", "sentence_cos", "trigger_cos"]
CROSSED = [("same_lemma", "doc_words"), ("same_lemma", "names"), ("lemma_dice", "doc_words"),
           ("same_group", "same_lemma"), ("same_group", "same_stem"), ("same_group", "lemma_dice"),
           ("same_lemma", "arguments")]
CROSSED_EMBEDDED = [("same_lemma", "sentence_cos"), ("lemma_cos", "doc_words"), ("lemma_cos", "sentence_cos"),
                    ("same_group", "lemma_cos"), ("same_group", "sentence_cos"), ("same_lemma", "trigger_cos"),
                    ("same_group", "trigger_cos")]


def feature_names(embeddings: bool) -> list[str]:
    """The pair features in column order, with or without the MiniLM ones."""
    plain = BASE + [f"{a}*{b}" for a, b in CROSSED]
    if not embeddings:
        return plain
    return plain + EMBEDDED + [f"{a}*{b}" for a, b in CROSSED_EMBEDDED]


@dataclass
class TopicMentions:
    """The mentions of one topic as the features read them: per mention, indexes into per-topic tables."""

    lemmas: list[str]          # distinct head lemmas
    lemma: np.ndarray          # mention → lemma index
    pos: list[str]             # mention → head part of speech
    doc: np.ndarray            # mention → document index
    sentence: np.ndarray       # mention → sentence index (distinct (doc, sentence) of the topic)
    sentence_sets: list[tuple[set, set, set]]  # sentence → (names, numbers, times)
    sentence_words: list[list[str]]  # sentence → its gold words
    tokens: list[tuple[int, ...]]    # mention → its word indexes in its sentence
    arguments: list[set]       # mention → lemmas of the nouns, names and numbers that depend on its head
    doc_vectors: np.ndarray    # document → unit tf-idf vector over the topic's words
    doc_group: np.ndarray      # document → its group (documents likely about one seminal event)


def head(doc: Doc, tokens: tuple[int, ...]) -> int:
    """The mention's head: a token whose syntactic head is outside the mention, content words first."""
    inside = set(tokens)
    roots = [i for i in tokens if doc[i].head.i not in inside or doc[i].head.i == i] or list(tokens)
    rank = {pos: k for k, pos in enumerate(HEAD_POS)}
    return min(roots, key=lambda i: (rank.get(doc[i].pos_, len(rank)), -i))


def _sets(doc: Doc) -> tuple[set, set, set]:
    names, numbers, times = set(), set(), set()
    for ent in doc.ents:
        words = {t.lower_ for t in ent if not t.is_punct and t.lower_ not in STOP_WORDS}
        if ent.label_ in NAMES:
            names |= words
        elif ent.label_ in NUMBERS:
            numbers |= words
        elif ent.label_ in TIMES:
            times |= words
    numbers |= {t.text for t in doc if t.like_num}
    return names, numbers, times


def _doc_vectors(documents: list[list[list[str]]]) -> np.ndarray:
    """Unit tf-idf vectors (idf over the topic's documents) of the documents' content words."""
    bags = [Counter(w for s in sentences for w in (x.lower() for x in s) if WORD.fullmatch(w) and w not in STOP_WORDS)
            for sentences in documents]
    vocabulary = {w: i for i, w in enumerate(sorted({w for bag in bags for w in bag}))}
    df = Counter(w for bag in bags for w in bag)
    vectors = np.zeros((len(bags), max(len(vocabulary), 1)))
    for row, bag in enumerate(bags):
        for word, count in bag.items():
            vectors[row, vocabulary[word]] = (1 + math.log(count)) * math.log((1 + len(bags)) / (1 + df[word]))
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def _groups(vectors: np.ndarray) -> np.ndarray:
    """Average-link groups of the documents by tf-idf cosine (see DOC_DISTANCE)."""
    if len(vectors) < 2:
        return np.zeros(len(vectors), dtype=int)
    distance = np.clip(1 - vectors @ vectors.T, 0, None)
    np.fill_diagonal(distance, 0)
    return fcluster(linkage(squareform(distance, checks=False), method="average"), t=DOC_DISTANCE,
                    criterion="distance")


def _arguments(token) -> set[str]:
    """Lemmas of the nouns, names and numbers in the subtrees of the token's argument-like dependents."""
    found = set()
    for child in token.children:
        if child.dep_ in ARGUMENT_DEPS:
            found |= {t.lemma_.lower() for t in child.subtree if t.pos_ in ARGUMENT_POS}
    return found


def describe(topic: Topic, nlp) -> TopicMentions:
    """Parse the sentences that hold the topic's mentions and index what the pair features read."""
    doc_index = {name: i for i, name in enumerate(topic.documents)}
    sentence_index: dict[tuple[str, int], int] = {}
    for mention in topic.mentions:
        sentence_index.setdefault((mention.doc, mention.sentence), len(sentence_index))
    keys = list(sentence_index)
    words = [[w or "_" for w in topic.documents[d][s]] for d, s in keys]
    parsed = list(nlp.pipe(Doc(nlp.vocab, words=sentence) for sentence in words))
    lemma_index: dict[str, int] = {}
    lemmas, pos, arguments = [], [], []
    for mention in topic.mentions:
        doc = parsed[sentence_index[mention.doc, mention.sentence]]
        token = doc[head(doc, mention.tokens)]
        lemma = token.lemma_.lower()
        lemmas.append(lemma_index.setdefault(lemma, len(lemma_index)))
        pos.append(token.pos_)
        arguments.append(_arguments(token) - {lemma})
    vectors = _doc_vectors(list(topic.documents.values()))
    return TopicMentions(
        lemmas=list(lemma_index), lemma=np.array(lemmas, dtype=int), pos=pos,
        doc=np.array([doc_index[m.doc] for m in topic.mentions], dtype=int),
        sentence=np.array([sentence_index[m.doc, m.sentence] for m in topic.mentions], dtype=int),
        sentence_sets=[_sets(doc) for doc in parsed],
        sentence_words=words, tokens=[tuple(m.tokens) for m in topic.mentions],
        arguments=arguments, doc_vectors=vectors, doc_group=_groups(vectors))


def _jaccard(sets: list[set]) -> np.ndarray:
    n = len(sets)
    out = np.zeros((n, n))
    for i in range(n):
        for j in range(i, n):
            union = len(sets[i] | sets[j])
            out[i, j] = out[j, i] = len(sets[i] & sets[j]) / union if union else 0.0
    return out


def _trigrams(word: str) -> set[str]:
    padded = f"#{word}#"
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


def _lemma_tables(lemmas: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Shared stem (a common beginning of three letters or more that leaves at most three letters of
    either: die/dies, shoot/shooting) and trigram Dice."""
    grams = [_trigrams(w) for w in lemmas]
    n = len(lemmas)
    stem, dice = np.zeros((n, n)), np.zeros((n, n))
    for i in range(n):
        for j in range(i, n):
            a, b = lemmas[i], lemmas[j]
            k = len(os.path.commonprefix([a, b]))
            stem[i, j] = stem[j, i] = float(k >= 3 and k >= max(len(a), len(b)) - 3)
            dice[i, j] = dice[j, i] = 2 * len(grams[i] & grams[j]) / (len(grams[i]) + len(grams[j]))
    return stem, dice


def embed_tables(described: TopicMentions) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """Cosine tables under MiniLM of the head lemmas, of the sentences and of the mentions read in their
    sentences (mention × mention), or None without it."""
    try:
        from . import embeddings

        lemmas = embeddings.embed(described.lemmas)
        sentences, triggers = embeddings.in_context(described.sentence_words,
                                                    list(zip(described.sentence.tolist(), described.tokens)))
    except StorylineError:
        return None
    return lemmas @ lemmas.T, sentences @ sentences.T, triggers @ triggers.T


def pair_features(described: TopicMentions, embedded: tuple | None) -> np.ndarray:
    """One row per mention pair i < j (condensed order), the columns of :func:`feature_names`."""
    n = len(described.lemma)
    i, j = np.triu_indices(n, 1)
    li, lj = described.lemma[i], described.lemma[j]
    si, sj = described.sentence[i], described.sentence[j]
    di, dj = described.doc[i], described.doc[j]
    stem, dice = _lemma_tables(described.lemmas)
    pos = np.array(described.pos)
    sets = described.sentence_sets
    columns = {
        "same_lemma": (li == lj).astype(float), "same_stem": stem[li, lj], "lemma_dice": dice[li, lj],
        "same_pos": (pos[i] == pos[j]).astype(float), "same_doc": (di == dj).astype(float),
        "same_sentence": (si == sj).astype(float),
        "doc_words": (described.doc_vectors @ described.doc_vectors.T)[di, dj],
        "same_group": (described.doc_group[di] == described.doc_group[dj]).astype(float),
        "arguments": _jaccard(described.arguments)[i, j] if n > 1 else np.zeros(0),
        "names": _jaccard([s[0] for s in sets])[si, sj], "numbers": _jaccard([s[1] for s in sets])[si, sj],
        "times": _jaccard([s[2] for s in sets])[si, sj],
    }
    crossed = list(CROSSED)
    if embedded is not None:
        lemma_cos, sentence_cos, trigger_cos = embedded
        columns.update(lemma_cos=lemma_cos[li, lj], sentence_cos=sentence_cos[si, sj], trigger_cos=trigger_cos[i, j])
        crossed += CROSSED_EMBEDDED
    for a, b in crossed:
        columns[f"{a}*{b}"] = columns[a] * columns[b]
    names = feature_names(embedded is not None)
    return np.column_stack([columns[name] for name in names]) if n > 1 else np.zeros((0, len(names)))
