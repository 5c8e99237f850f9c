"""Claims not found, counted on a big corpus: which PolNeAR gold attributions no storyline mention finds,
and which mentions find no gold attribution, grouped by construction (issue 15, editor recall).

    PYTHONPATH=src python benchmarks/recall_misses.py $D/attribution/polnear/train \
        [--cache /tmp/train.spacy] [--limit N] [--out rows.jsonl] [--compare old.jsonl] [--top 25]

Rules fitted on the nine train-text ledger stories did not reach held-out text; PolNeAR train has 840
texts and 19,832 gold attributions (first annotator), so a rule for finding claims can be counted there
before it is kept.

A gold attribution is *found* when a mention of ``extract_doc`` (the outlet's own voice left out) overlaps
its content with token F1 >= 0.5, one to one, best first: the ledger's "found" bar, not exact spans. Each
miss is grouped by its gold cue: the lemma of the cue's head word, its part of speech and dependency, and
the content's form (``quote``, ``that`` clause, ``to`` infinitive, ``according_to``, ``np`` — a noun phrase
with no verb — or a bare ``clause``). A miss is also labelled by what became of it:

- ``junk``: a mention found it before ``drop_junk`` and was struck (the reason, ``junk:<test>``, says which
  of ``junk.py``'s tests struck it) — a junk rule that hurts recall broadly is a candidate to narrow;
- ``cut``: a mention overlaps the content but below the bar (the claim is there, its span is wrong);
- ``cue_seen``: no mention overlaps, but a mention's cue lies inside the gold cue (a content put elsewhere);
- ``none``: nothing at all.

The converse, ``stray``: kept mentions that match no gold attribution, by the same groups (of the mention's
own cue and content). PolNeAR marks only outermost attributions, and thoughts as well as statements, so
neither side is all error: read samples (``--out`` writes one JSON line per miss and per stray, with the
sentence). ``--compare`` against an earlier ``--out`` counts, per text, the gold found gained and lost and
the strays added and removed: a rule is kept only if gained >> strays added, in many texts.
The parse is read from ``--cache`` when given (written there on the first run; see source_proxy.py).

At main 4c73340: found 10,032 of 19,832 (0.506), 886 of 10,918 kept mentions stray. Most misses are no
statement the ledger contract itemises: in a random sample of 60, some 48 were stances, feelings, votes,
endorsements, perceptions ("seems", "appears"), questions or topics; of the 12 statements, 4 were cut
spans, 2 cues outside the lexicon ("thanked", "knocked"), 2 pointers ("as much", "a point that"), one
"it read", one nominal, one headline label, one gerund with no speaker. By fate (cue lemmas of speech
only, in parentheses): none 6,533 (~700), junk:no_verb 1,121 (~350: mostly topics, "criticized X",
"announced his candidacy"), junk:thought 843 (~30), cut 560 (~300), cue_seen 343 (~120), junk:unsaid 115,
junk:repeats_outer 67, the other junk tests under 65 each. After the three issue-15 rules of branch
i15rec5: found 10,049, 882 stray.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from spacy.tokens import Doc, Span

sys.path.insert(0, str(Path(__file__).resolve().parent))

from source_proxy import harness_parser, scored_split, write_rows  # noqa: E402

import storyline.extract.pipeline as pipeline  # noqa: E402
from storyline.eval.ledger import match, token_spans, tokens_in  # noqa: E402
from storyline.eval.polnear import read_gold  # noqa: E402
from storyline.extract import junk, not_saying  # noqa: E402
from storyline.extract.nlp import TEXT_KEY  # noqa: E402

QUOTES = "\"“”'‘’«»"


def content_form(doc: Doc, content: Span | None, cue: Span | None) -> str:
    """quote | according_to | that | to | np | clause, read from the first words and the root."""
    if cue is not None and "accord" in cue.text.lower():
        return "according_to"
    if content is None or not len(content):
        return "none"
    text = content.text.lstrip()
    if text[:1] in QUOTES:
        return "quote"
    words = [t for t in content if not (t.is_punct or t.is_space)]
    if not words:
        return "none"
    if words[0].lower_ == "that":
        return "that"
    if words[0].lower_ == "to" and words[0].tag_ == "TO":
        return "to"
    if not any(t.pos_ in ("VERB", "AUX") for t in words):
        return "np"
    return "clause"


def cue_group(doc: Doc, cue: Span | None) -> tuple[str, str, str]:
    """(lemma, POS, dependency) of the cue's head word; the verb of "according to" is its own group."""
    if cue is None or not len(cue):
        return ("-", "-", "-")
    root = cue.root
    verbs = [t for t in cue if t.pos_ in ("VERB", "NOUN")]
    head = root if root.pos_ in ("VERB", "NOUN") or not verbs else verbs[-1]
    return (head.lemma_.lower(), head.pos_, head.dep_)


def junk_reason(doc: Doc, mention, kept_before: list) -> str:
    """Which of ``junk.py``'s tests strikes the mention (the first that fires, in ``is_junk``'s order)."""
    if mention.form == "outlet":
        return "outlet"
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return "no_span"
    if mention.contests is not None:
        return "contests_no_statement"
    tests = [
        ("no_verb", lambda: not (junk.says_something(span) or junk.is_charge(doc, mention, span)
                                 or junk.is_characterization(doc, mention, span)
                                 or junk.np_statement(doc, mention, span) is not None)),
        ("says_nothing", lambda: junk.says_nothing(span)),
        ("thought", lambda: junk.is_thought(doc, mention)),
        ("question", lambda: junk.is_question(doc, mention, span)),
        ("unsaid", lambda: junk.is_unsaid(doc, mention)),
        ("command", lambda: junk.is_command(span)),
        ("quoted_scrap", lambda: mention.form == "direct" and junk.is_quoted_scrap(span)),
        ("nobody", lambda: junk.nobody_said(mention)),
        ("quoted_question", lambda: junk.is_quoted_question(mention)),
        ("shown", lambda: junk.is_shown(doc, mention)),
        ("thing_saying", lambda: junk.is_thing_saying(doc, mention)),
        ("anonymity", lambda: junk.asks_anonymity(span)),
        ("goes_on", lambda: not_saying.goes_on_without_saying(doc, mention, span)),
        ("finds_a_thing", lambda: not_saying.finds_a_thing(doc, mention, span)),
        ("markup", lambda: not_saying.is_markup(mention)),
    ]
    for name, test in tests:
        if test():
            return name
    if junk.repeats_outer(doc, mention, kept_before):
        return "repeats_outer"
    return "other"


def _span(doc: Doc, se: tuple[int, int] | None) -> Span | None:
    return doc.char_span(se[0], se[1], alignment_mode="expand") if se else None


def _sentence(doc: Doc, start: int) -> str:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span.sent.text if span is not None and len(span) else ""


def _ends(gold: tuple[int, int], ours) -> str:
    """How a cut mention's content sits against the gold: start and end each early, same or late."""
    side = lambda a, b: "same" if abs(a - b) <= 1 else ("early" if a < b else "late")  # noqa: E731
    return f"{side(ours.start, gold[0])}/{side(ours.end, gold[1])}"


def score_doc(name: str, doc: Doc, ann: str) -> list[dict]:
    """One row per missed gold attribution and per stray mention of one text."""
    captured: dict[str, list] = {}
    original = pipeline.drop_junk

    def capture(doc_, mentions, *rest):
        captured["before"] = list(mentions)
        return original(doc_, mentions, *rest)

    pipeline.drop_junk = capture
    try:
        kept = [m for m in pipeline.extract_doc(doc).mentions if m.source.kind != "outlet"]
    finally:
        pipeline.drop_junk = original
    before = [m for m in captured.get("before", []) if m.form != "outlet" and m.source.kind != "outlet"]
    kept_ids = {id(m) for m in kept}
    struck = [m for m in before if id(m) not in kept_ids]
    text = doc.user_data[TEXT_KEY]
    tokens = token_spans(text)
    gold = [g for g in read_gold(ann) if "content" in g]
    gold_toks = [tokens_in(tokens, *g["content"]) for g in gold]
    kept_toks = [tokens_in(tokens, m.start, m.end) for m in kept]
    pairs = match(gold_toks, kept_toks)
    found = set(pairs)
    matched = {pi for pi, _ in pairs.values()}
    missed = [gi for gi in range(len(gold)) if gi not in found]
    struck_pairs = match([gold_toks[gi] for gi in missed], [tokens_in(tokens, m.start, m.end) for m in struck])
    struck_hit = {missed[k]: struck[pi] for k, (pi, _) in struck_pairs.items()}
    rows = []
    for gi in missed:
        g = gold[gi]
        cue = _span(doc, g.get("cue"))
        content = _span(doc, g["content"])
        lemma, pos, dep = cue_group(doc, cue)
        ours = None
        if gi in struck_hit:
            fate = "junk:" + junk_reason(doc, struck_hit[gi], kept)
        elif any(gold_toks[gi] & t for t in kept_toks):
            fate = "cut"
            best = max(range(len(kept)), key=lambda k: len(gold_toks[gi] & kept_toks[k]))
            ours = kept[best]
        elif cue is not None and any(m.cue_span and g["cue"][0] <= m.cue_span[0] < g["cue"][1] for m in before):
            fate = "cue_seen"
        else:
            fate = "none"
        rows.append({"doc": name, "kind": "miss", "key": f"g{gi}", "lemma": lemma, "pos": pos, "dep": dep,
                     "form": content_form(doc, content, cue), "fate": fate,
                     "cue": cue.text if cue is not None else "", "content": text[g["content"][0]:g["content"][1]][:300],
                     "sentence": _sentence(doc, g["content"][0])[:500],
                     "ours": ours.text[:300] if ours is not None else None,
                     "ends": _ends(g["content"], ours) if ours is not None else None})
    for pi, m in enumerate(kept):
        if pi in matched:
            continue
        cue = _span(doc, m.cue_span)
        lemma, pos, dep = cue_group(doc, cue)
        rows.append({"doc": name, "kind": "stray", "key": f"{m.start}-{m.end}", "lemma": lemma, "pos": pos,
                     "dep": dep, "form": content_form(doc, _span(doc, (m.start, m.end)), cue), "fate": m.form,
                     "cue": m.cue or "", "content": m.text[:300], "sentence": _sentence(doc, m.start)[:500]})
    rows.append({"doc": name, "kind": "totals", "gold": len(gold), "found": len(found), "kept": len(kept),
                 "struck": len(struck)})
    return rows


def summary(rows: list[dict], top: int) -> dict:
    totals = [r for r in rows if r["kind"] == "totals"]
    gold, found, kept = (sum(t[k] for t in totals) for k in ("gold", "found", "kept"))
    misses = [r for r in rows if r["kind"] == "miss"]
    strays = [r for r in rows if r["kind"] == "stray"]

    def groups(items: list[dict], key) -> list:
        return [[*k, n] if isinstance(k, tuple) else [k, n] for k, n in Counter(map(key, items)).most_common(top)]

    return {
        "texts": len(totals), "gold": gold, "found": found, "recall": round(found / gold, 4) if gold else 0.0,
        "kept": kept, "stray": len(strays), "precision": round(1 - len(strays) / kept, 4) if kept else 0.0,
        "miss_fate": groups(misses, lambda r: r["fate"]),
        "miss_form": groups(misses, lambda r: r["form"]),
        "miss_cue": groups(misses, lambda r: (r["lemma"], r["pos"], r["dep"], r["form"])),
        "miss_lemma": groups(misses, lambda r: r["lemma"]),
        "stray_form": groups(strays, lambda r: r["form"]),
        "stray_cue": groups(strays, lambda r: (r["lemma"], r["pos"], r["dep"], r["form"])),
    }


def compare(rows: list[dict], old_path: str) -> dict:
    """Per text: gold found gained and lost, strays added and removed, against an earlier ``--out``."""
    old = [json.loads(line) for line in open(old_path, encoding="utf-8")]
    keys = lambda rs, kind: {(r["doc"], r["key"]) for r in rs if r["kind"] == kind}  # noqa: E731
    old_miss, new_miss = keys(old, "miss"), keys(rows, "miss")
    old_stray, new_stray = keys(old, "stray"), keys(rows, "stray")
    per = defaultdict(Counter)
    for doc, _ in old_miss - new_miss:
        per[doc]["gained"] += 1
    for doc, _ in new_miss - old_miss:
        per[doc]["lost"] += 1
    for doc, _ in new_stray - old_stray:
        per[doc]["stray_added"] += 1
    for doc, _ in old_stray - new_stray:
        per[doc]["stray_removed"] += 1
    total = Counter()
    for c in per.values():
        total.update(c)
    return {**{k: total[k] for k in ("gained", "lost", "stray_added", "stray_removed")},
            "texts_gained": sum(1 for c in per.values() if c["gained"]),
            "texts_lost": sum(1 for c in per.values() if c["lost"]),
            "texts_stray_added": sum(1 for c in per.values() if c["stray_added"])}


def main(argv: list[str] | None = None) -> None:
    parser = harness_parser(__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    started = time.time()
    rows, _ = scored_split(args, score_doc)
    result = {**summary(rows, args.top), "seconds": round(time.time() - started, 1)}
    if args.compare:
        result["compare"] = compare(rows, args.compare)
    if args.out:
        write_rows(args.out, rows)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
