"""Event coreference (issue 16): the metrics on hand-computed examples, the ECB+ gold reader and the CLI on a
fictional ECB+-style fixture, and (with STORYLINE_DATA) the dev figures of both methods."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.errors import InputError
from storyline.eval.coref_gold import read_topics
from storyline.eval.coref_metrics import b_cubed, ceaf_e, conll, muc

# gold K1 = {1,2,3}, K2 = {4,5}; predicted R1 = {1,2}, R2 = {3,4,5}
GOLD = ["a", "a", "a", "b", "b"]
PREDICTED = ["x", "x", "y", "y", "y"]


def close(scores: dict, precision: float, recall: float, f1: float) -> None:
    assert scores["precision"] == pytest.approx(precision)
    assert scores["recall"] == pytest.approx(recall)
    assert scores["f1"] == pytest.approx(f1)


def test_muc_counts_links():
    # recall: K1 is split in 2 by the response ({1,2}, {3}): 3 - 2 = 1; K2 in 1: 2 - 1 = 1; over (3-1)+(2-1) = 3
    # precision: R1 lies in 1 gold cluster: 2 - 1 = 1; R2 in 2 ({3}, {4,5}): 3 - 2 = 1; over (2-1)+(3-1) = 3
    close(muc(GOLD, PREDICTED), 2 / 3, 2 / 3, 2 / 3)


def test_b_cubed_averages_over_mentions():
    # mention: precision |R∩K|/|R|, recall |R∩K|/|K|
    # 1, 2: 2/2, 2/3    3: 1/3, 1/3    4, 5: 2/3, 2/2
    # precision = (1 + 1 + 1/3 + 2/3 + 2/3) / 5 = (11/3) / 5 = 11/15; recall = (2/3 + 2/3 + 1/3 + 1 + 1) / 5 = 11/15
    close(b_cubed(GOLD, PREDICTED), 11 / 15, 11 / 15, 11 / 15)


def test_ceaf_e_aligns_clusters_one_to_one():
    # φ4(K,R) = 2|K∩R| / (|K|+|R|): K1-R1 = 4/5, K1-R2 = 2/6, K2-R1 = 0, K2-R2 = 4/5
    # best alignment K1-R1, K2-R2: 8/5 (the other one: 1/3); precision = 8/5 / 2 predicted, recall = 8/5 / 2 gold
    close(ceaf_e(GOLD, PREDICTED), 0.8, 0.8, 0.8)


def test_conll_is_the_mean_of_the_three_f1s():
    # (2/3 + 11/15 + 4/5) / 3 = (10/15 + 11/15 + 12/15) / 3 = 11/15
    assert conll(GOLD, PREDICTED)["conll_f1"] == pytest.approx(11 / 15)


def test_everything_in_one_cluster_against_singletons():
    gold, predicted = ["a", "b", "c"], ["x", "x", "x"]
    # MUC: no gold links (recall 0/0 = 0); the response's 2 links are all wrong (3 - 3 = 0 of 2)
    close(muc(gold, predicted), 0, 0, 0)
    # B³: every mention's precision 1/3, recall 1/1
    close(b_cubed(gold, predicted), 1 / 3, 1, 0.5)
    # CEAF-e: φ4 of any singleton with the cluster = 2·1/(1+3) = 1/2, one alignment; precision 1/2 over 1, recall
    # 1/2 over 3 = 1/6; F1 = 2·(1/2)(1/6) / (1/2 + 1/6) = 1/4
    close(ceaf_e(gold, predicted), 0.5, 1 / 6, 0.25)


def test_a_perfect_clustering_scores_one():
    scores = conll(GOLD, ["p", "p", "p", "q", "q"])
    assert scores["conll_f1"] == pytest.approx(1.0)


def test_ceaf_e_takes_the_best_alignment_not_the_greedy_one():
    # K1 = {1,2,3}, K2 = {4}; R1 = {1,2,4}, R2 = {3}
    # φ4: K1-R1 = 2·2/(3+3) = 2/3, K1-R2 = 2·1/(3+1) = 1/2, K2-R1 = 2·1/(1+3) = 1/2, K2-R2 = 0
    # greedy takes K1-R1 (2/3, the largest) and is left with K2-R2 (0): 2/3; the best is K1-R2 + K2-R1 = 1
    # precision = 1 / 2 predicted clusters, recall = 1 / 2 gold clusters
    close(ceaf_e(["a", "a", "a", "b"], ["x", "x", "y", "x"]), 0.5, 0.5, 0.5)


# A fictional ECB+-style topic (the Sarrow flood and the Halvaro strike are made up).
SENTENCES = {
    "7_1ecb": [["The", "Sarrow", "flooded", "the", "town", "of", "Lindqvist", "on", "Monday", "."],
               ["Officials", "said", "the", "flood", "destroyed", "40", "homes", "."]],
    "7_2ecb": [["Water", "from", "the", "Sarrow", "flooded", "Lindqvist", ",", "destroying", "dozens", "of",
                "homes", "."]],
    "7_1ecbplus": [["http", ":", "//", "example", ".", "org", "/", "halvaro"],
                   ["A", "strike", "closed", "the", "port", "of", "Halvaro", "on", "Friday", "."],
                   ["The", "walkout", "ended", "on", "Sunday", "."]],
}
# doc → (tag, m_id, [(sentence, position)]), then relations: (kind, note, [m_id])
MARKABLES = {
    "7_1ecb": [("ACTION_OCCURRENCE", 1, [(0, 2)]), ("ACTION_REPORTING", 2, [(1, 1)]),
               ("ACTION_OCCURRENCE", 3, [(1, 3)]), ("ACTION_OCCURRENCE", 4, [(1, 4)]),
               ("LOC_GEO", 5, [(0, 6)])],
    "7_2ecb": [("ACTION_OCCURRENCE", 1, [(0, 4)]), ("NEG_ACTION_OCCURRENCE", 2, [(0, 7)])],
    "7_1ecbplus": [("ACTION_OCCURRENCE", 1, [(1, 1)]), ("ACTION_OCCURRENCE", 2, [(1, 2)]),
                   ("ACTION_OCCURRENCE", 3, [(2, 1)]), ("ACTION_OCCURRENCE", 4, [(2, 2)])],
}
RELATIONS = {
    "7_1ecb": [("CROSS_DOC_COREF", "ACT001", [1, 3]), ("CROSS_DOC_COREF", "ACT002", [4])],
    "7_2ecb": [("CROSS_DOC_COREF", "ACT001", [1]), ("CROSS_DOC_COREF", "ACT002", [2])],
    "7_1ecbplus": [("INTRA_DOC_COREF", None, [1, 3])],
}


def write_topic(root: Path) -> Path:
    folder = root / "7"
    folder.mkdir(parents=True)
    for doc, sentences in SENTENCES.items():
        lines, ids, t_id = [f'<Document doc_name="{doc}.xml">'], {}, 0
        for s, words in enumerate(sentences):
            for n, word in enumerate(words):
                t_id += 1
                ids[s, n] = t_id
                lines.append(f'<token t_id="{t_id}" sentence="{s}" number="{n}">{word}</token>')
        lines.append("<Markables>")
        for tag, m_id, anchors in MARKABLES[doc]:
            lines += [f'<{tag} m_id="{m_id}">', *(f'<token_anchor t_id="{ids[a]}"/>' for a in anchors), f"</{tag}>"]
        lines.append(f'<ACTION_OCCURRENCE m_id="99" TAG_DESCRIPTOR="t7_flood" instance_id="ACT001"/>')
        lines += ["</Markables>", "<Relations>"]
        for r_id, (kind, note, sources) in enumerate(RELATIONS[doc], 1):
            lines.append(f'<{kind} r_id="{r_id}"' + (f' note="{note}"' if note else "") + ">")
            lines += [f'<source m_id="{m}"/>' for m in sources] + ['<target m_id="99"/>', f"</{kind}>"]
        lines += ["</Relations>", "</Document>"]
        (folder / f"{doc}.xml").write_text("\n".join(lines), encoding="utf-8")
    return root


def test_the_reader_takes_event_mentions_and_their_chains(tmp_path):
    topics, selected = read_topics(write_topic(tmp_path), "all")
    assert not selected and [t.number for t in topics] == [7]
    mentions = {(m.doc, m.text): m.gold for m in topics[0].mentions}
    assert len(mentions) == 10  # the LOC_GEO mention and the anchorless instance are no event mentions
    assert mentions["7_1ecb", "flooded"] == mentions["7_1ecb", "flood"] == mentions["7_2ecb", "flooded"] == "x:ACT001"
    assert mentions["7_2ecb", "destroying"] == mentions["7_1ecb", "destroyed"] == "x:ACT002"  # NEG_ACTION_ counts
    assert mentions["7_1ecbplus", "strike"] == mentions["7_1ecbplus", "walkout"] != "x:ACT001"
    assert mentions["7_1ecbplus", "strike"].startswith("i:")
    assert len({mentions["7_1ecb", "said"], mentions["7_1ecbplus", "closed"], mentions["7_1ecbplus", "ended"]}) == 3


def test_the_selected_sentences_list_keeps_only_its_sentences(tmp_path):
    root = write_topic(tmp_path)
    (root / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n7,1ecb,1\n7,1ecbplus,1\n", encoding="utf-8")
    topics, selected = read_topics(root, "all")
    assert selected
    assert sorted((m.doc, m.text) for m in topics[0].mentions) == [
        ("7_1ecb", "destroyed"), ("7_1ecb", "flood"), ("7_1ecb", "said"), ("7_1ecbplus", "closed"),
        ("7_1ecbplus", "strike")]


def test_bad_input_is_an_input_error(tmp_path):
    root = write_topic(tmp_path)
    with pytest.raises(InputError, match="unknown topic split"):
        read_topics(root, "test")
    with pytest.raises(InputError, match="no ECB\\+ documents"):
        read_topics(root, "dev")  # topic 7 is a train topic
    (root / "7" / "7_3ecb.xml").write_text("<Document><token", encoding="utf-8")
    with pytest.raises(InputError, match="not ECB\\+ XML"):
        read_topics(root, "all")


def invoke(*args: str) -> dict:
    result = CliRunner().invoke(app, ["eval", "coref", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_cli_scores_both_methods_on_the_fixture(tmp_path):
    root = write_topic(tmp_path)
    lemma = invoke(str(root), "--topics", "all", "--method", "lemma")
    assert lemma["mentions"] == 10 and lemma["gold_clusters"] == 6 and lemma["method"] == "lemma"
    # same-lemma clusters: flood ×3, destroy ×2 and the five others alone (strike/walkout is missed)
    assert lemma["clusters"] == 7
    for metric in ("muc", "b3", "ceafe"):
        assert set(lemma[metric]) == {"precision", "recall", "f1"}
    # MUC: gold links 2 (flood) + 1 (destroy) + 1 (strike) = 4, of which 3 found; the 3 predicted links are right
    assert lemma["muc"]["precision"] == 1.0 and lemma["muc"]["recall"] == 0.75
    storyline = invoke(str(root), "--topics", "all")
    assert storyline["method"] == "storyline" and 0 <= storyline["conll_f1"] <= 1


def test_without_minilm_the_plain_scorer_runs(tmp_path, monkeypatch):
    from storyline.errors import StorylineError
    from storyline.learn import embeddings

    def missing(_texts):
        raise StorylineError("MiniLM embeddings need the optional packages")

    monkeypatch.setattr(embeddings, "embed", missing)
    result = invoke(str(write_topic(tmp_path)), "--topics", "all")
    assert result["embeddings"] is False and result["mentions"] == 10


def test_a_topic_of_one_mention_is_one_cluster(tmp_path):
    root = write_topic(tmp_path)
    (root / "ECBplus_coreference_sentences.csv").write_text("Topic,File,Sentence Number\n7,2ecb,0\n",
                                                            encoding="utf-8")
    for name in ("7_1ecb", "7_1ecbplus"):
        (root / "7" / f"{name}.xml").unlink()
    (root / "7" / "7_2ecb.xml").write_text(
        (root / "7" / "7_2ecb.xml").read_text(encoding="utf-8").replace("NEG_ACTION_OCCURRENCE", "LOC_GEO"),
        encoding="utf-8")
    result = invoke(str(root), "--topics", "all")
    assert result["mentions"] == 1 and result["clusters"] == 1
    assert result["b3"]["f1"] == result["ceafe"]["f1"] == 1.0 and result["muc"]["f1"] == 0.0  # MUC: no link at all


def test_the_cli_refuses_an_unknown_method(tmp_path):
    result = CliRunner().invoke(app, ["eval", "coref", str(write_topic(tmp_path)), "--topics", "all",
                                      "--method", "oracle"])
    assert result.exit_code != 0 and "unknown method" in result.output


def ecbplus() -> Path:
    data = os.environ.get("STORYLINE_DATA")
    if not data:
        pytest.skip("STORYLINE_DATA is not set: no ECB+ to score")
    folder = Path(data) / "stories" / "ecbplus"
    if not folder.is_dir():
        pytest.skip(f"ECB+ not found at {folder}")
    return folder


def test_on_the_dev_topics_storyline_beats_the_lemma_baseline():
    folder = ecbplus()
    lemma = invoke(str(folder), "--topics", "dev", "--method", "lemma")
    assert lemma["mentions"] == 1245 and lemma["topic_count"] == 8 and lemma["selected_sentences"]
    assert 0.69 < lemma["conll_f1"] < 0.74  # 0.7142 when recorded
    storyline = invoke(str(folder), "--topics", "dev")
    assert storyline["conll_f1"] > lemma["conll_f1"] + 0.03


def test_a_trigger_is_read_in_its_sentence():
    from storyline.errors import StorylineError
    from storyline.learn.embeddings import embed, in_context

    sentences = [["A", "fire", "gutted", "the", "Marrow", "Street", "bakery", "on", "Sunday", "."],
                 ["The", "blaze", "gutted", "a", "bakery", "in", "Tolvern", "."],
                 ["The", "Tolvern", "club", "will", "fire", "its", "coach", ",", "Anka", "Brell", "."]]
    try:
        pooled, vectors = in_context(sentences, [(0, (1,)), (1, (1,)), (2, (4,))])
    except StorylineError:
        pytest.skip("MiniLM is not installed")
    assert vectors.shape == (3, 384)
    # the same pass pools each sentence as embed() does
    assert np.allclose(pooled, embed([" ".join(words) for words in sentences]), atol=1e-5)
    assert abs(float(vectors[0] @ vectors[0]) - 1) < 1e-5
    fire_of_blaze, blaze, fire_of_coach = vectors
    # the same word, two senses: the blaze is nearer the fire that gutted a bakery than the fire of a coach
    assert float(blaze @ fire_of_blaze) > float(blaze @ fire_of_coach) + 0.1
