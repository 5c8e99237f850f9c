"""Does storyline's modality decision agree with factuality annotators (issue 15, status)?

    PYTHONPATH=src python benchmarks/modality_probe.py $D/factuality/UW/train.jsonl \
        $D/factuality/MEANTIME/train.jsonl $D/factuality/UDS_IH2/train.jsonl [--limit N] [--out rows.jsonl]

The ledger gold holds a few dozen modal statements, too few to tell a general rule from a fit. The factuality
corpora (UDS-IH2, MEANTIME, UW) give a score in [-3, +3] to thousands of predicates in news and web text. A
predicate is judged here when it is the main word of a statement storyline's status logic decides: the
statement root (``status.statement_root``) of one of the sentence's mentions (an attributed content or the
outlet's own clause), or a to-infinitive under it ("plans to *attend*"). For each, the row gives:

- ``gold``: ``uncertain`` when |score| < 1 (the annotators could not say whether it happens: hypothetical),
  ``certain`` otherwise (it happened, will happen or did not happen, as stated);
- ``hypothetical``: storyline's decision (the mention's final status is ``hypothetical``);
- ``trigger``: the modal word or construction governing the predicate (``would``, ``could``, ``will``,
  ``may``, ``might``, ``can``, ``should``, ``must``, ``going to``, ``if``, ``expect to``, ``plan to``, a
  speculative adverb, ``opinion``, ``none``), the first that applies in that order;
- ``fired``: the status rules that make it hypothetical (``hedge:would``, ``forecast``, ``foretold`` …).

The summary prints, per corpus and trigger, how often storyline says hypothetical where the annotators are
certain (over-firing) and certain where they are not (under-firing). Read the corpora's conventions before a
count: UDS-IH2 scores a future ("will attack") as not having happened (mean -1.8), UW and MEANTIME as likely
(+2.3), so "will" certain means "stated as what will happen", which the ledger reads as reported or as a
forecast by who says it. Measure only: the MEANTIME and UW licences allow evaluation, not training.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from storyline.eval.jiant import corpus_of
from storyline.extract.hedges import doc_hedges, load_lexicon
from storyline.extract.status import (STATUS_BY_HEDGE, _conditional_cue, _conditional_forecast, _cue_class,
                                      _forecast, _foretold, _judged_probable, _opinion_forecast, _probable,
                                      _untimed_future, cue_root, governing_hedges, statement_root)
from storyline.learn.factuality import parsed_targets

MODALS = {"would": "would", "could": "could", "will": "will", "'ll": "will", "\u2019ll": "will", "wo": "will",
          "shall": "will", "may": "may", "might": "might", "can": "can", "ca": "can", "should": "should",
          "must": "must"}
PLAN_HEADS = {"plan": "plan to", "intend": "plan to", "aim": "plan to", "want": "want to", "hope": "hope to",
              "expect": "expect to", "promise": "promise to", "vow": "promise to", "pledge": "promise to",
              "threaten": "threaten to", "seek": "plan to", "try": "try to", "decide": "decide to"}


def to_infinitives(root):
    """The to-infinitives hanging from a statement's main word ("plans to attend"), one level down."""
    return [c for c in root.children if c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children)]


def trigger_of(predicate, root, span, lex) -> str:
    """The modal word or construction that governs a judged predicate (module docstring)."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if words and words[0].lower_ in lex.conditional_marks:
        return "if"
    hedges, _ = doc_hedges(span.doc)
    if any(h.kind == "conditional" for h in hedges.scoping(root.i)):
        return "if"
    for verb in (predicate, root):
        for child in verb.children:
            if child.dep_ in ("aux", "auxpass") and child.tag_ == "MD" and child.lower_ in MODALS:
                return MODALS[child.lower_]
        if verb.lower_ in ("going", "gon") and any(c.dep_ == "xcomp" for c in verb.children):
            return "going to"
    if predicate.i != root.i and root.lemma_.lower() in PLAN_HEADS:
        return PLAN_HEADS[root.lemma_.lower()]
    if any(c.dep_ == "advmod" and c.lower_ in lex.speculative_adverbs for c in root.children):
        return "adverb"
    if root.lemma_.lower() in lex.opinion_verbs:
        return "opinion"
    return "none"


def fired_rules(doc, mention, span, root, lex) -> list[str]:
    """The status rules that make a mention hypothetical (as ``status._apply_hedges`` and ``assign_status``
    apply them)."""
    hedges, _ = doc_hedges(doc)
    _, active = governing_hedges(root, mention, span, hedges)
    fired = [f"hedge:{h.text.lower()}" for h in active if STATUS_BY_HEDGE.get(h.kind) == "hypothetical"]
    if _conditional_cue(doc, mention, lex):
        fired.append("conditional_cue")
    if mention.form != "outlet":
        cue = cue_root(doc, mention)
        if cue is not None and cue.lemma_.lower() in lex.forecast_cues:
            fired.append("forecast_cue")
        checks = {"forecast": _forecast(root, lex), "opinion_forecast": _opinion_forecast(root, lex),
                  "conditional_forecast": _conditional_forecast(span, lex), "probable": _probable(root),
                  "judged_probable": _judged_probable(root, lex), "untimed_future": _untimed_future(root),
                  "foretold": _foretold(root, mention) and _cue_class(doc, mention) == "say"}
        fired += [name for name, yes in checks.items() if yes]
    return fired


def probe(path: Path, limit: int | None = None):
    """One row per judged predicate of a factuality file (module docstring)."""
    lex = load_lexicon()
    corpus = corpus_of(path)
    for doc, mentions, targets in parsed_targets(path, limit):
        judged = {}
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = statement_root(span, mention)
            for predicate in [root] + to_infinitives(root):
                judged.setdefault(predicate.i, (mention, span, root))
        for start, end, label in targets:
            predicate = doc[start:end].root
            if predicate.i not in judged:
                continue
            mention, span, root = judged[predicate.i]
            cue = cue_root(doc, mention) if mention.form != "outlet" else None
            yield {"corpus": corpus, "sentence": doc.text, "predicate": predicate.text, "label": label,
                   "gold": "uncertain" if abs(label) < 1 else "certain", "status": mention.status,
                   "hypothetical": mention.status == "hypothetical", "form": mention.form,
                   "trigger": trigger_of(predicate, root, span, lex),
                   "fired": fired_rules(doc, mention, span, root, lex) if mention.status == "hypothetical" else [],
                   "cue": cue.text if cue is not None else None, "cue_tag": cue.tag_ if cue is not None else None,
                   "content": span.text}


def summary(rows: list[dict]) -> dict:
    """Per corpus and trigger: judged rows, gold uncertain, storyline hypothetical, over- and under-firing."""
    table: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for row in rows:
        for key in ((row["corpus"], row["trigger"]), ("all", row["trigger"])):
            count = table[key]
            count["n"] += 1
            count["gold_uncertain"] += row["gold"] == "uncertain"
            count["hypothetical"] += row["hypothetical"]
            count["over"] += row["hypothetical"] and row["gold"] == "certain"
            count["under"] += not row["hypothetical"] and row["gold"] == "uncertain"
    return {f"{corpus}/{trigger}": dict(count) for (corpus, trigger), count in sorted(table.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="sentences read per file")
    parser.add_argument("--out", type=Path, default=None, help="write every judged row as JSONL")
    args = parser.parse_args(argv)
    rows = [row for path in args.files for row in probe(path, args.limit)]
    if args.out:
        with args.out.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row) + "\n")
    print(f"{'corpus/trigger':28} {'n':>6} {'gold unc':>8} {'hypo':>6} {'over':>6} {'under':>6}")
    for key, count in summary(rows).items():
        print(f"{key:28} {count['n']:6} {count['gold_uncertain']:8} {count['hypothetical']:6} "
              f"{count['over']:6} {count['under']:6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
