"""Train the event coreference scorer on the ECB+ train topics and write ``src/storyline/data/event_coref.json``.

Reads only the train topics (not the standard dev topics 2, 5, 12, 18, 21, 23, 34, 35), chooses the clustering
threshold by 5-fold cross-validation over them (see ``storyline.learn.event_coref_train``), and prints one
JSON line: the cross-validated CoNLL F1 at each threshold, and the lemma baseline's on the same topics.

    .venv/bin/python benchmarks/train_event_coref.py $STORYLINE_DATA/stories/ecbplus [--output FILE]

Then score dev: ``storyline eval coref $STORYLINE_DATA/stories/ecbplus --topics dev``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from storyline.eval.coref_gold import read_topics
from storyline.extract.nlp import load_nlp
from storyline.learn.event_coref import WEIGHTS
from storyline.learn.event_coref_train import C, FOLDS, train

DOC = ("Event coreference scorers of `storyline eval coref --method storyline` (issue 16): logistic regressions "
       "over mention-pair features (storyline/learn/coref_features.py), with the average-link clustering threshold "
       f"chosen by {FOLDS}-fold cross-validation over topics. Trained on the ECB+ corpus (Cybulska & Vossen 2014, "
       "CC BY 3.0) train topics only: topics 1-35 minus the dev topics 2, 5, 12, 18, 21, 23, 34, 35; gold event "
       "mentions (ACTION_*/NEG_ACTION_*) of the sentences in ECBplus_coreference_sentences.csv; pairs within one "
       f"topic, label same gold cluster; L2 C={C}. 'minilm' uses the all-MiniLM-L6-v2 features, 'plain' is for "
       "installs without them. Made by: python benchmarks/train_event_coref.py <ecbplus folder>.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the ECB+ folder of topic folders")
    parser.add_argument("--output", type=Path, default=WEIGHTS)
    args = parser.parse_args()
    topics, selected = read_topics(args.folder, "train")
    if not selected:
        parser.error("the folder has no ECBplus_coreference_sentences.csv: not the standard setting")
    scorers, summary = train(topics, load_nlp())
    if "minilm" not in scorers:
        parser.error("MiniLM is not installed: the shipped file needs both scorers")
    args.output.write_text(json.dumps({"_doc": DOC, "cv": {k: summary[k]["cv_conll_f1"] for k in scorers},
                                       **scorers}, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({**summary, "output": str(args.output)}))


if __name__ == "__main__":
    main()
