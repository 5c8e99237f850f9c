"""Score story-level entity resolution (issue 16 point 1) on ECB+ gold entity mentions, topic by topic.

Each topic's documents are one story: every document is rebuilt as text from its tokens, its entities found
per report (``extract.entities.find_entities``) and merged across the topic (``link.entities.merge_entities``).
Gold entity mentions are the ``HUMAN_PART_*``, ``LOC_*`` and ``NON_HUMAN_PART_*`` markables of the sentences
annotated for coreference, clustered as the event scorer clusters events (``coref_gold``: one cluster per
cross-document instance, per within-document chain, else a singleton).

A gold mention is *named* when one of its words is capitalised and no stop word ("Lindsay Lohan", "the Betty
Ford Center"; not "she", "the actress", "The"): these are what an entity extractor can be asked to find. A
gold mention that one of our entity spans overlaps is *found*, and stands for the story entity of that span;
the found mentions are scored with MUC, B³, CEAF-e and the CoNLL F1 against their gold clusters (all topics of
the split together, labels kept apart by topic). ``found_share`` is the share of named gold mentions found, so
a merge is judged on what was found and the finding is reported beside it.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_right
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from ..errors import InputError
from ..extract.entities import find_entities
from ..extract.nlp import load_nlp
from ..link.entities import merge_entities
from .coref_gold import document_text, read_topics
from .coref_metrics import conll, rounded

ENTITY_TAG = re.compile(r"^(HUMAN_PART|LOC|NON_HUMAN_PART)_")
def named(words: list[str]) -> bool:
    """Whether a gold mention names its referent: a capitalised word that is no stop word."""
    return any(w[:1].isupper() and w.lower() not in STOP_WORDS for w in words)


def evaluate_entities(path: str | Path, topics: str = "dev", on_topic=None) -> dict:
    """Find and merge the entities of every topic of the ``topics`` split under ``path``, and score the merge
    on the gold entity mentions it found; ``on_topic(done, total)`` is called after each topic."""
    started = time.perf_counter()
    found_topics, selected = read_topics(path, topics, ENTITY_TAG)
    nlp = load_nlp()
    gold, predicted = [], []
    named_count = named_found = all_count = 0
    for done, topic in enumerate(found_topics, 1):
        per_report, spans = [], {}
        offsets = {}
        for doc_name, sentences in topic.documents.items():
            text, offsets[doc_name] = document_text(sentences, address="keep", separator="\n\n")
            entities = find_entities(nlp(text))
            per_report.append((doc_name, entities))
            spans[doc_name] = sorted((s, e, entity.key) for entity in entities for s, e in entity.spans)
        _, owner = merge_entities(per_report)
        for mention in topic.mentions:
            all_count += 1
            words = [mention.words[i] for i in mention.tokens]
            if not named(words):
                continue
            named_count += 1
            token_spans = [offsets[mention.doc][mention.sentence][i] for i in mention.tokens]
            key = _overlapping(spans[mention.doc], token_spans[0][0], token_spans[-1][1])
            if key is None:
                continue
            named_found += 1
            gold.append(f"{topic.number}:{mention.gold}")
            predicted.append(f"{topic.number}:{owner[mention.doc, key]}")
        if on_topic:
            on_topic(done, len(found_topics))
    if not all_count:
        raise InputError(str(path), "no gold entity mentions (HUMAN_PART_*, LOC_*, NON_HUMAN_PART_* markables) found")
    result = {"task": "entities", "topics": topics, "topic_count": len(found_topics), "mentions": all_count,
              "named_mentions": named_count, "found_mentions": named_found,
              "found_share": round(named_found / named_count, 4) if named_count else 0.0,
              "gold_clusters": len(set(gold)), "clusters": len(set(predicted)), "selected_sentences": selected}
    if gold:
        result.update(rounded(conll(gold, predicted)))
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def _overlapping(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The key of the entity whose span overlaps [start, end) most (the first such, on a tie)."""
    i = max(0, bisect_right(spans, (start,)) - 1)
    best, most = None, 0
    while i < len(spans) and spans[i][0] < end:
        s, e, key = spans[i]
        overlap = min(e, end) - max(s, start)
        if overlap > most:
            best, most = key, overlap
        i += 1
    if best is None:  # a long span that starts well before the mention
        for s, e, key in spans:
            if s < end and e > start:
                return key
    return best
