"""Story-level entity resolution scored on ECB+-style entity markables (issue 16 point 1): the text rebuilt
from tokens, named mentions found by overlap, the merge scored against the gold chains; a fictional topic."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from storyline.cli import app
from storyline.eval.coref_gold import document_text
from storyline.eval.entities import evaluate_entities, named


def ecb_document(name: str, sentences: list[str], mentions: list[tuple[str, int, list[int], str]]) -> str:
    """ECB+ XML for sentences of space-separated tokens and mentions (tag, sentence, token numbers, chain)."""
    tokens, where, t_id = [], {}, 0
    for s, sentence in enumerate(sentences):
        for n, word in enumerate(sentence.split()):
            t_id += 1
            where[s, n] = t_id
            tokens.append(f'<token t_id="{t_id}" sentence="{s}" number="{n}">{word}</token>')
    markables, relations = [], []
    for m_id, (tag, s, numbers, chain) in enumerate(mentions, 1):
        anchors = "".join(f'<token_anchor t_id="{where[s, n]}"/>' for n in numbers)
        markables.append(f'<{tag} m_id="{m_id}">{anchors}</{tag}>')
        relations.append(f'<CROSS_DOC_COREF r_id="{m_id}" note="{chain}"><source m_id="{m_id}"/>'
                         f'<target m_id="{100 + m_id}"/></CROSS_DOC_COREF>')
    return (f'<Document doc_name="{name}">' + "".join(tokens) + "<Markables>" + "".join(markables)
            + "</Markables><Relations>" + "".join(relations) + "</Relations></Document>")


def fictional_topic(root) -> None:
    topic = root / "1"
    topic.mkdir()
    (topic / "1_1ecb.xml").write_text(ecb_document("1_1ecb.xml", [
        "Harbour master Orla J. Penhale closed the port of Lundra on Monday .",
        "Penhale said she would reopen it soon .",
    ], [("HUMAN_PART_PER", 0, [2, 3, 4], "HUM1"), ("LOC_GEO", 0, [9], "LOC1"),
        ("HUMAN_PART_PER", 1, [0], "HUM1"), ("HUMAN_PART_PER", 1, [2], "HUM1")]), encoding="utf-8")
    (topic / "1_2ecbplus.xml").write_text(ecb_document("1_2ecbplus.xml", [
        "Orla Penhale , the harbour master , reopened the port of Lundra on Friday .",
    ], [("HUMAN_PART_PER", 0, [0, 1], "HUM1"), ("LOC_GEO", 0, [11], "LOC1")]), encoding="utf-8")


def test_the_text_is_rebuilt_with_each_tokens_place():
    text, offsets = document_text([["Orla", "'s", "port", "(", "Lundra", ")", "."], ["http", ":", "/", "/", "x"]],
                                  address="keep", separator="\n\n")
    assert text == "Orla's port (Lundra).\n\nhttp://x"
    assert text[slice(*offsets[0][4])] == "Lundra"


def test_named_mentions_have_a_capitalised_word_that_is_no_stop_word():
    assert named(["Orla", "Penhale"]) and named(["the", "port", "of", "Lundra"])
    assert not named(["she"]) and not named(["The", "port"])


def test_the_merge_of_the_fictional_topic_is_scored(tmp_path):
    fictional_topic(tmp_path)
    result = evaluate_entities(tmp_path, "all")
    assert result["mentions"] == 6 and result["named_mentions"] == 5
    assert result["found_mentions"] == 5 and result["found_share"] == 1.0
    # "Orla J. Penhale", "Penhale" and "Orla Penhale" are one story entity, as Lundra's two mentions are
    assert result["muc"]["f1"] == 1.0 and result["conll_f1"] == 1.0


def test_the_cli_prints_the_scores(tmp_path):
    fictional_topic(tmp_path)
    outcome = CliRunner().invoke(app, ["eval", "entities", str(tmp_path), "--topics", "train"])
    assert outcome.exit_code == 0, outcome.output
    result = json.loads(outcome.output.strip().splitlines()[-1])
    assert result["task"] == "entities" and result["topic_count"] == 1
