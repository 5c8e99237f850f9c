"""Assigning reports to stories: which open story does a new report belong to, if any?

A report is described by weighted terms: content words (lower-cased, lightly stemmed) and named-entity
terms from capitalized spans (``e:port_veyra`` for the span and ``e:veyra`` for each of its words), which
count double. Terms are weighted by sublinear term frequency times the squared smoothed IDF over every
report seen (rare shared names and words decide); a term no other report holds counts a fifth (it can
only dilute), and vectors are compared by cosine. Optionally, MiniLM embeddings of each report's title and lead add a semantic term
(``learn/embeddings.py``; skipped when the optional packages are missing). A story that has gone quiet
scores lower: its similarity is damped by the days since its latest report.

Incremental and pure: a :class:`StoryProfile` keeps the summed unit term vectors (raw, before IDF), the
summed lead embedding and the latest date of its reports; :meth:`StoryProfile.add` folds in one report.
:func:`assign` compares a new report with every profile at the batch threshold; :func:`cluster_documents`
clusters a batch (average linkage over the same similarity) for the evaluation. Reports arriving one at a
time (``storyline add`` without ``--story``) go through :func:`choose_story`, which uses the online
decision of ``link/joining.py``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from ..errors import StorylineError

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d")
SENTENCE_END = frozenset(".!?;:\"“”")
STOPWORDS = frozenset(
    """a an the of to in on at by for from with and or but as is are was were be been being has have had
    that this these those it its his her their they he she we you i our your which who whom what when where
    will would shall should can could may might must do does did so than then there here also into over
    about after before said says say according not no up out more most one two new just all some any other
    them him us me my if while during since because until against between through under very only who's
    it's he's she's there's what's mr mrs ms dr st monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec year years day days week weeks month months today yesterday tomorrow
    time times people percent ago last first like get got make made take took told tell go went going""".split()
)
CONNECTORS = frozenset({"of", "de", "van", "von", "al", "la", "le", "du", "del", "da"})
ENTITY_WEIGHT = 2.0
LEAD_SENTENCES = 3

# Tuned on the ECB+ train and dev topics (eval/stories.py): average-link similarity needed to share a story.
THRESHOLD = 0.17
IDF_POWER = 2.0
SINGLETON_WEIGHT = 0.2  # a term held by one report only (the new one included) counts this much
SINGLETON_MIN_REPORTS = 30  # … once the reports seen are enough for "held by one" to mean rare
EMBEDDING_THRESHOLD = 0.6  # embedding cosine that counts as much as THRESHOLD does for terms
EMBEDDING_WEIGHT = 0.15
# A story quiet for HALF_LIFE days keeps (1 + 0.5) / 2 of its similarity; for ever quiet, half.
HALF_LIFE_DAYS = 14.0


def stem(word: str) -> str:
    """A light suffix strip so that killed/killing/kills meet."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def terms(text: str, title: str | None = None) -> dict[str, float]:
    """Weighted term counts of a report (sublinear: 1 + log count), entity terms counting double.

    One pass over the words: a run of capitalized words (joined by "of", "de", …) is an entity span,
    except a lone stopword or a lone word opening a sentence."""
    counts: Counter[str] = Counter()
    entities: Counter[str] = Counter()
    run: list[str] = []
    run_starts_sentence = False
    sentence_start = True
    previous_end = 0
    body = f"{title}.\n{text}" if title else text

    def close_run() -> None:
        while run and run[-1].lower() in CONNECTORS:
            run.pop()
        if run and not (len(run) == 1 and (run_starts_sentence or run[0].lower() in STOPWORDS)):
            words = [w.lower() for w in run if w.lower() not in CONNECTORS and w.lower() not in STOPWORDS]
            if words:
                entities["e:" + "_".join(words)] += 1
                if len(words) > 1:
                    entities.update("e:" + w for w in words)
        run.clear()

    for match in WORD.finditer(body):
        gap = body[previous_end:match.start()]
        previous_end = match.end()
        if any(ch in SENTENCE_END for ch in gap) or "\n" in gap:
            close_run()
            sentence_start = True
        elif gap.strip(" '’") and run:
            close_run()
        word = match.group()
        low = word.lower()
        if word[0].isupper() or (run and low in CONNECTORS):
            if not run:
                run_starts_sentence = sentence_start
            run.append(word)
        else:
            close_run()
        sentence_start = False
        if low[0].isdigit():
            if len(low) >= 2:
                counts["#" + low.replace(",", "")] += 1
        elif low not in STOPWORDS and len(low) > 2:
            counts[stem(low.replace("’", "'"))] += 1
    close_run()
    weighted = {term: 1.0 + math.log(n) for term, n in counts.items()}
    for term, n in entities.items():
        weighted[term] = ENTITY_WEIGHT * (1.0 + math.log(n))
    return weighted


def lead(text: str, title: str | None = None, sentences: int = LEAD_SENTENCES) -> str:
    """The title (when known) and the first few sentences of a report: what the embedding sees."""
    parts = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=sentences)
    body = " ".join(parts[:sentences])
    return f"{title}. {body}" if title else body


def unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


@dataclass
class Report:
    """What story assignment needs of one report."""

    text: str
    title: str | None = None
    published: str | None = None  # ISO 8601 date or date-time
    embedding: np.ndarray | None = None  # lead embedding, when the caller has it

    def __post_init__(self) -> None:
        self.terms = terms(self.text, self.title)
        self._facts: dict[str, list[str]] | None = None

    @property
    def facts(self) -> dict[str, list[str]]:
        """The lead's people, places and figures (``link/leadfacts.py``), read on first use: it runs spaCy."""
        if self._facts is None:
            from .leadfacts import lead_facts

            self._facts = lead_facts(self.text, self.title)
        return self._facts


@dataclass
class StoryProfile:
    """A story as assignment sees it; fold reports in with :meth:`add` (order does not matter)."""

    story: str
    reports: int = 0
    terms: Counter = field(default_factory=Counter)  # summed unit term vectors (before IDF)
    embedding: np.ndarray | None = None  # summed lead embeddings
    latest: date | None = None
    facts: dict[str, Counter] = field(default_factory=dict)  # kind → how many of its reports' leads name each

    def add(self, report: Report) -> None:
        self.reports += 1
        for kind, found in report.facts.items():
            self.facts.setdefault(kind, Counter()).update(found)
        self.terms.update(unit(report.terms))
        if report.embedding is not None:
            self.embedding = report.embedding.copy() if self.embedding is None else self.embedding + report.embedding
        day = parse_day(report.published)
        if day is not None and (self.latest is None or day > self.latest):
            self.latest = day


@dataclass
class Assignment:
    story: str | None  # None: open a new story
    confidence: float  # in [0, 1]: of the match, or (story None) that no open story fits
    scores: dict[str, float] = field(default_factory=dict)  # similarity per story


def parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def decay(latest: date | None, published: str | None, half_life: float = HALF_LIFE_DAYS) -> float:
    """How much of a story's similarity survives the quiet days between its latest report and this one."""
    day = parse_day(published)
    if latest is None or day is None:
        return 1.0
    gap = abs((day - latest).days)
    return 0.5 + 0.5 * 0.5 ** (gap / half_life)


def document_frequencies(reports: list[dict[str, float]]) -> Counter:
    """Number of reports holding each term: build once from stored reports, then update per report."""
    df: Counter[str] = Counter()
    for report_terms in reports:
        df.update(report_terms.keys())
    return df


def idf(df: Counter, n: int, term: str) -> float:
    """Smoothed inverse document frequency as scikit-learn computes it, raised to IDF_POWER, times
    SINGLETON_WEIGHT for a term only one report holds."""
    count = df.get(term, 0)
    weight = (math.log((1 + n) / (1 + count)) + 1.0) ** IDF_POWER
    # in a small store every term of a new report is "held by one report": damping them all would leave the
    # few shared words to decide, and any two reports would look alike
    return weight if count >= 2 or n < SINGLETON_MIN_REPORTS else weight * SINGLETON_WEIGHT


def term_similarity(report: Report, profile: StoryProfile, df: Counter, n: int, weight=None) -> float:
    """Cosine between the report's TF-IDF vector and the story's TF-IDF centroid; ``weight(df, n, term)``
    is the IDF (default :func:`idf`)."""
    weight = weight or idf
    weights = {t: w * weight(df, n, t) for t, w in report.terms.items()}
    rnorm = math.sqrt(sum(w * w for w in weights.values()))
    pnorm_sq = 0.0
    dot = 0.0
    for t, w in profile.terms.items():
        pw = w * weight(df, n, t)
        pnorm_sq += pw * pw
        if t in weights:
            dot += pw * weights[t]
    return dot / (rnorm * math.sqrt(pnorm_sq)) if rnorm and pnorm_sq else 0.0


def combined(term_sim: float, embedding_sim: float | None) -> float:
    """One similarity on the TF-IDF scale: the embedding cosine is shifted so that its own threshold
    lands on the TF-IDF threshold, then mixed in."""
    if embedding_sim is None:
        return term_sim
    return (1 - EMBEDDING_WEIGHT) * term_sim + EMBEDDING_WEIGHT * (embedding_sim - EMBEDDING_THRESHOLD + THRESHOLD)


def assign(profiles: list[StoryProfile], report: Report, df: Counter | None = None, n: int | None = None,
           threshold: float = THRESHOLD) -> Assignment:
    """The best-matching story for ``report``, or a new story (``story=None``) when none reaches the
    threshold. ``df``/``n``: document frequencies and count of the reports seen (built from the profiles'
    terms when not given — pass them when you keep them, they are cheaper and more exact)."""
    if df is None or n is None:
        df, n = frequencies(profiles, report)
    scores: dict[str, float] = {}
    for profile in profiles:
        score = combined(term_similarity(report, profile, df, n), embedding_similarity(report, profile))
        scores[profile.story] = score * decay(profile.latest, report.published)
    return decide(scores, threshold)


def frequencies(profiles: list[StoryProfile], report: Report) -> tuple[Counter, int]:
    """Document frequencies of terms over the profiles' reports and the new one, and how many reports."""
    df: Counter = Counter()
    for profile in profiles:
        df.update(profile.terms.keys())
    df.update(report.terms.keys())
    return df, sum(p.reports for p in profiles) + 1


def embedding_similarity(report: Report, profile: StoryProfile) -> float | None:
    """Cosine of the report's lead embedding with the story's summed one, or None without both."""
    if report.embedding is None or profile.embedding is None:
        return None
    norm = float(np.linalg.norm(profile.embedding))
    return float(report.embedding @ profile.embedding) / norm if norm else None


def decide(scores: dict[str, float], threshold: float = THRESHOLD) -> Assignment:
    """Pick the best story or none, with a confidence from the distance to the threshold and the margin
    over the runner-up."""
    if not scores:
        return Assignment(None, 1.0, {})
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best_story, best = ranked[0]
    if best < threshold:
        return Assignment(None, round(min(1.0, 0.5 + 0.5 * (threshold - best) / threshold), 3), scores)
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    strength = min(1.0, (best - threshold) / (1.0 - threshold))
    margin = min(1.0, max(0.0, best - runner_up) / max(best, 1e-9))
    return Assignment(best_story, round(0.5 + 0.25 * strength + 0.25 * margin, 3), scores)


def embed_leads(leads: list[str]) -> np.ndarray | None:
    """MiniLM embeddings of the leads, or None when the optional packages are missing."""
    from ..learn.embeddings import embed

    try:
        return embed(leads)
    except StorylineError:
        return None


def choose_story(candidates: list[StoryProfile], text: str, title: str | None = None,
                 published: str | None = None, df: Counter | None = None, n: int | None = None) -> Assignment:
    """The CLI's entry point for ``storyline add`` without ``--story``: assign one new report with
    :func:`storyline.link.joining.pick_story`, the decision ``eval stories --online`` replays. ``df``/``n``:
    as for :func:`assign` (built from the profiles when not given). No lead embedding: mixed into the online
    join it scored worse on every replay (docs/benchmarks.md, fourteenth session)."""
    from .joining import pick_story

    report = Report(text, title, published)
    if df is None or n is None:
        df, n = frequencies(candidates, report)
    return pick_story(candidates, report, df, n)


def similarity_matrix(reports: list[Report]) -> np.ndarray:
    """Pairwise similarity of a batch: TF-IDF cosine, mixed with the embedding cosine when every report
    has an embedding."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.preprocessing import normalize

    counts = DictVectorizer().fit_transform([r.terms for r in reports]).tocsc()
    n = counts.shape[0]
    df = np.diff(counts.indptr)
    weights = (np.log((1 + n) / (1 + df)) + 1.0) ** IDF_POWER * np.where(df >= 2, 1.0, SINGLETON_WEIGHT)
    matrix = normalize(counts.multiply(weights).tocsr())
    sims = (matrix @ matrix.T).toarray()
    if reports and all(r.embedding is not None for r in reports):
        vectors = np.stack([r.embedding for r in reports])
        sims = combined(sims, vectors @ vectors.T)
    return sims


def cluster_documents(reports: list[Report], threshold: float = THRESHOLD) -> list[int]:
    """Story label per report: average-linkage clustering, merging while the mean similarity between two
    clusters reaches ``threshold``."""
    if len(reports) < 2:
        return [0] * len(reports)
    from sklearn.cluster import AgglomerativeClustering

    distances = np.clip(1.0 - similarity_matrix(reports), 0.0, None)
    np.fill_diagonal(distances, 0.0)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=1.0 - threshold)
    return [int(label) for label in model.fit_predict(distances)]
