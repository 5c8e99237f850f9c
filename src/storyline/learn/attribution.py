"""A judge of cue words over cheap parse features (``storyline train attribution``).

Every word outside quotes and the dateline that the rules made a cue of, and every verb or noun besides,
becomes a bag of string features read from the existing parse: its lemma, part of speech, tag and
dependency label; its head's; its children's dependency labels and the lemmas of its clause, object and
preposition children; its neighbours; its class in the cue lexicon; what the rules made of it (a cue of
theirs, of which class, or a word inside one); and the shape of the attribution they build around it as a cue
(where its content lies, quoted or not, how long, who its source is and where). A logistic regression over
hashed features gives the chance that the word heads a cue in the gold annotation (PolNeAR layout: ``text/*.txt`` and
``attributions/*.ann``). At extraction the rules' cues below ``drop`` are left out and the verbs above
``add`` that the rules passed over are taken as cues, with the rules' own source and content; only the
rules' cues and the verbs they can build an attribution around are scored.

Training then runs extraction with the fitted judge over the same reports and fits, on the contents it
builds, where each content should end (``learn.content_ends``); both live in one model file.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, Token

from ..errors import InputError
from ..eval.polnear import documents, outermost, read_gold
from ..extract.attribution import contents_to_judge, find_attributions, rule_cues, words_of
from ..extract.cues import Cues, load_cues
from ..extract.entities import find_entities
from ..extract.nlp import parse_many
from . import content_ends
from .content_ends import EndChooser

CANDIDATE_POS = {"VERB", "AUX", "NOUN"}
CHILD_LEMMA_DEPS = {"ccomp", "xcomp", "dobj", "prep", "prt", "mark", "advcl", "agent", "acomp", "attr"}
HASH_FEATURES = 2 ** 20
DROP = 0.2  # a rule cue less likely than this is left out
ADD = 0.55  # a verb the rules passed over and more likely than this is tried as a cue


def token_features(tok: Token, rule_cls: str | None, inside: bool, cues: Cues, shape: list[str]) -> list[str]:
    """String features of one candidate cue word, from its parse and what the rules made of it (``shape``:
    what they build around it as a cue, ``extract.proposed_cues.cue_shape``; empty when they build nothing)."""
    lemma, pos, dep = tok.lemma_.lower(), tok.pos_, tok.dep_
    head = tok.head
    doc = tok.doc
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "<end>"
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else "<start>"
    rule = rule_cls or ("inside" if inside else "none")
    features = [
        f"l={lemma}", f"p={pos}", f"t={tok.tag_}", f"d={dep}", f"ld={lemma}|{dep}", f"lp={lemma}|{pos}",
        f"h={head.lemma_.lower()}", f"hp={head.pos_}", f"hd={head.dep_}", f"lh={lemma}|{head.lemma_.lower()}",
        f"n={nxt}", f"v={prev}", f"ln={lemma}|{nxt}", f"lv={lemma}|{prev}",
        f"lex={cues.words.get(lemma, 'none')}", f"nom={cues.nominal.get(lemma, 'none')}",
        f"r={rule}", f"rp={rule}|{pos}", f"rd={rule}|{dep}", f"rl={rule}|{lemma}",
        *(shape or ["b=nothing"]),
    ]
    for child in tok.children:
        features.append(f"c={child.dep_}")
        features.append(f"lc={lemma}|{child.dep_}")
        if child.dep_ in CHILD_LEMMA_DEPS:
            features.append(f"cl={child.dep_}|{child.lemma_.lower()}")
        if child.dep_ in {"nsubj", "nsubjpass", "poss"}:
            features.append(f"s={child.dep_}|{child.ent_type_ or child.pos_}")
    return features


@dataclass
class CueJudge:
    """The trained judge extraction loads (``extract.attribution.CueModel``)."""

    classifier: LogisticRegression
    drop: float = DROP
    add: float = ADD
    ends: EndChooser | None = None  # where contents end (``learn.content_ends``)

    def content_ends(self, doc: Doc, contents: list[tuple[int, int, tuple[int, int]]]) -> list[int]:
        """The chooser's last word for each content (start, end, cue); the rules' ends without one."""
        return [end for _, end, _ in contents] if self.ends is None else self.ends.choose(doc, contents)

    def probabilities(self, doc: Doc, free: list[Token], rule_cues: dict[int, str], in_cue: set[int],
                      shapes: dict[int, list[str]]) -> tuple[list[int], np.ndarray]:
        """The rule cues and proposed cue words of a report and the chance that each heads a cue."""
        cues = load_cues()
        rows = sorted(shapes)
        if not rows:
            return rows, np.zeros(0)
        features = [token_features(doc[i], rule_cues.get(i), i in in_cue, cues, shapes[i]) for i in rows]
        matrix = FeatureHasher(HASH_FEATURES, input_type="string", alternate_sign=False).transform(features)
        return rows, self.classifier.predict_proba(matrix)[:, 1]

    def decide(self, doc: Doc, free: list[Token], rule_cues: dict[int, str], in_cue: set[int],
               shapes: dict[int, list[str]]) -> tuple[set[int], list[int]]:
        """(the rules' cue words to keep, proposed words to take as cues)."""
        rows, chances = self.probabilities(doc, free, rule_cues, in_cue, shapes)
        keep = {i for i, p in zip(rows, chances) if i in rule_cues and p >= self.drop}
        add = [i for i, p in zip(rows, chances) if p >= self.add and i not in rule_cues]
        return keep, add


def gold_heads(doc: Doc, ann: str) -> tuple[set[int], set[int]]:
    """(the head word of every gold cue, every word inside a gold cue) of one annotated report."""
    heads: set[int] = set()
    inside: set[int] = set()
    for record in read_gold(ann):
        if "cue" not in record:
            continue
        span = doc.char_span(*record["cue"], alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        heads.add(span.root.i)
        inside.update(range(span.start, span.end))
    return heads, inside


def rows_of(doc: Doc, ann: str, cues: Cues) -> tuple[list[list[str]], list[int]]:
    """Features and labels of one annotated report's candidate words: a rule cue is right when it lies in
    a gold cue; any other word when it heads one."""
    free, rule_cls, in_cue, shapes = rule_cues(doc)
    heads, inside = gold_heads(doc, ann)
    features, labels = [], []
    for tok in free:
        if tok.pos_ not in CANDIDATE_POS and tok.i not in rule_cls:
            continue
        features.append(token_features(tok, rule_cls.get(tok.i), tok.i in in_cue, cues, shapes.get(tok.i, [])))
        labels.append(int(tok.i in inside if tok.i in rule_cls else tok.i in heads))
    return features, labels


def end_rows(doc: Doc, ann: str, judge: CueJudge) -> tuple[list[list[str]], list[int]]:
    """Features and labels of the places where the contents the judge's attributions run over could end
    (``learn.content_ends``), for every attribution whose cue and content meet a gold one's: label 1 where
    the gold content ends."""
    gold = [g for g in read_gold(ann) if "cue" in g and "content" in g]
    features: list[list[str]] = []
    labels: list[int] = []
    mentions = outermost(find_attributions(doc, find_entities(doc), model=judge))
    for m, (start, end, cue) in contents_to_judge(doc, mentions):
        assert m.cue_span is not None
        record = next((g for g in gold if g["cue"][0] < m.cue_span[1] and m.cue_span[0] < g["cue"][1]), None)
        said = words_of(doc, *record["content"]) if record is not None else None
        if said is None or not (said[0] <= end and start <= said[1]):
            continue
        others, rows = content_ends.rows(doc, start, end, cue)
        features.extend(rows)
        labels.extend(int(j == said[1]) for j in others)
    return features, labels


def fit(features: list[list[str]], labels: list[int]) -> CueJudge:
    """A judge fitted to feature rows and their labels."""
    if len(set(labels)) < 2:
        raise InputError("train attribution", "the gold data needs cue words and other words")
    matrix = FeatureHasher(HASH_FEATURES, input_type="string", alternate_sign=False).transform(features)
    classifier = LogisticRegression(C=0.5, max_iter=2000, solver="liblinear", random_state=0)
    classifier.fit(matrix, np.array(labels))
    return CueJudge(classifier)


def train(paths: list[Path]) -> tuple[CueJudge, dict]:
    """Train the cue judge on PolNeAR-layout split folders."""
    started = time.perf_counter()
    pairs = []
    for path in paths:
        if not (Path(path) / "text").is_dir() or not (Path(path) / "attributions").is_dir():
            raise InputError(str(path), "not a split folder with text/ and attributions/")
        pairs.extend(documents(path))
    if not pairs:
        raise InputError(", ".join(map(str, paths)) or "train attribution", "no annotated texts")
    cues = load_cues()
    features: list[list[str]] = []
    labels: list[int] = []
    docs = []
    for doc, (_, ann) in zip(parse_many(text for text, _ in pairs), pairs):
        rows, row_labels = rows_of(doc, ann, cues)
        features.extend(rows)
        labels.extend(row_labels)
        docs.append(doc)
    judge = fit(features, labels)
    end_features: list[list[str]] = []
    end_labels: list[int] = []
    for doc, (_, ann) in zip(docs, pairs):
        rows, row_labels = end_rows(doc, ann, judge)
        end_features.extend(rows)
        end_labels.extend(row_labels)
    judge.ends = content_ends.fit(end_features, end_labels)
    return judge, {"documents": len(pairs), "words": len(labels), "cue_words": sum(labels),
                   "content_ends": len(end_labels), "seconds": round(time.perf_counter() - started, 1)}
