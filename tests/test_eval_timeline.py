"""The timeline measure (issue 16): fictional ECB+-style reports with gold event chains and EventStoryLine-style
creation dates, built into a timeline and scored for duplicated and impure entries."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app
from storyline.eval.coref_gold import document_text
from storyline.eval.timeline import GoldDoc, evaluate_timeline, figures, read_stories, score_entries, score_sets
from storyline.model import Event, TimeValue

# (document, creation date, sentences); a word in [brackets] is a gold event mention, its chain after the bar
REPORTS = {
    "1_1ecbplus": ("2031-03-12", ["The ferry Northern Lark [sank|SINK] off Tessany Island on Tuesday .",
                                  "Rescuers [saved|SAVE] 64 people on Tuesday ."]),
    "1_2ecbplus": ("2031-03-12", ["The ferry Northern Lark [sank|SINK] off Tessany Island on Tuesday morning .",
                                  "Harbour master Bruno Vell [resigned|QUIT] on Tuesday ."]),
}


def write_fixture(root: Path) -> tuple[Path, Path]:
    ecb, esc = root / "ecb", root / "esc"
    for name, (dct, sentences) in REPORTS.items():
        tokens, markables, relations = [], [], {}
        for s, sentence in enumerate(sentences):
            for n, word in enumerate(sentence.split()):
                t_id = len(tokens) + 1
                if word.startswith("["):
                    word, chain = word[1:-1].split("|")
                    m_id = len(markables) + 1
                    anchor = f'<token_anchor t_id="{t_id}"/>'
                    markables.append(f'<ACTION_OCCURRENCE m_id="{m_id}">{anchor}</ACTION_OCCURRENCE>')
                    relations.setdefault(chain, []).append(m_id)
                tokens.append(f'<token t_id="{t_id}" sentence="{s}" number="{n}">{word}</token>')
        links = "".join(f'<CROSS_DOC_COREF r_id="{i}" note="{chain}">'
                        + "".join(f'<source m_id="{m}"/>' for m in ms) + "</CROSS_DOC_COREF>"
                        for i, (chain, ms) in enumerate(relations.items()))
        for folder, body in ((ecb / "1", f"{''.join(tokens)}<Markables>{''.join(markables)}</Markables>"
                                        f"<Relations>{links}</Relations>"),
                             (esc / "1", f'<Markables><TIME_DATE m_id="90" DCT="TRUE" value="{dct}"/></Markables>')):
            folder.mkdir(parents=True, exist_ok=True)
            suffix = ".xml" if folder.parent == ecb else ".xml.xml"
            (folder / f"{name}{suffix}").write_text(f'<Document doc_name="{name}.xml">{body}</Document>',
                                                    encoding="utf-8")
    return ecb, esc


def test_document_text_keeps_mention_offsets():
    text, offsets = document_text([["http", ":", "/", "/", "x"], ["The", "ferry", "sank", "."],
                                   ["Rescuers", "(", "64", ")", "came", "."]])
    assert text == "The ferry sank.\nRescuers (64) came."  # the URL line gives a story's answer away: left out
    assert offsets[0] == [] and text[slice(*offsets[1][2])] == "sank" and text[slice(*offsets[2][2])] == "64"


def test_the_same_sinking_from_two_reports_is_one_entry(tmp_path):
    ecb, esc = write_fixture(tmp_path)
    stories = read_stories(ecb, esc, "train")
    assert [d.dct.isoformat() for d in stories[1]] == ["2031-03-12", "2031-03-12"]
    result = evaluate_timeline(ecb, esc, "train")
    assert result["gold_events"] == 3  # the sinking (both reports), the rescue, the resignation
    assert result["duplication"] == 1.0 and result["impure"] == 0
    assert result["merged_pairs"]["precision"] == 1.0 and result["merged_pairs"]["recall"] == 1.0
    assert result["sets"]["merged_pairs"]["precision"] == 1.0 and result["sets"]["duplication"] == 1.0
    words = evaluate_timeline(ecb, esc, "train", encode=False)  # as without the embeddings: the same here
    assert words["by_meaning"] is False and words["duplication"] == 1.0 and words["merged_pairs"]["recall"] == 1.0


def test_cli_prints_one_json(tmp_path):
    ecb, esc = write_fixture(tmp_path)
    run = CliRunner().invoke(app, ["eval", "timeline", str(ecb), "--dates", str(esc), "--topics", "train"])
    assert run.exit_code == 0, run.output
    assert json.loads(run.output.strip().splitlines()[-1])["task"] == "timeline"
    run = CliRunner().invoke(app, ["eval", "timeline", str(ecb), "--dates", str(esc), "--topics", "train", "--words-only"])
    assert run.exit_code == 0 and json.loads(run.output.strip().splitlines()[-1])["by_meaning"] is False


def gold_doc(name: str, sentence: str) -> tuple[GoldDoc, dict[str, tuple[int, int]]]:
    """A one-sentence gold document from ``[word|CHAIN]`` markup, and each plain word's span (for times)."""
    text, mentions, spans = "", [], {}
    for word in sentence.split():
        text += " " if text else ""
        if word.startswith("["):
            word, chain = word[1:-1].split("|")
            mentions.append((len(text), len(text) + len(word), chain))
        spans[word] = (len(text), len(text) + len(word))
        text += word
    return GoldDoc(name, text, mentions, date(2031, 5, 4)), spans


def event(doc: GoldDoc, spans: dict[str, tuple[int, int]], time_word: str) -> Event:
    start, end = spans[time_word]
    return Event(TimeValue("2031-05-04", "day", time_word, start, end), doc.text, 0, len(doc.text))


def test_one_attack_split_into_chains_is_a_right_merge_set_wise():
    # one pirate attack, which the gold splits into "attacked", "fired" and "foiled" chains; each report's
    # nearest mention to its time is a different chain, so the one-label reading calls the merge wrong
    a, a_at = gold_doc("1_1ecbplus", "Pirates [attacked|ATTACK] the tanker Morrow Bay and [fired|FIRE] on Sunday")
    b, b_at = gold_doc("1_2ecbplus", "On Sunday the [attack|ATTACK] on the Morrow Bay was [foiled|FOIL]")
    c, c_at = gold_doc("1_3ecbplus", "The Tessany port [reopened|OPEN] on Sunday")
    counts = score_entries([a, b, c], [[("1_1ecbplus", event(a, a_at, "Sunday")),
                                        ("1_2ecbplus", event(b, b_at, "Sunday"))],
                                       [("1_3ecbplus", event(c, c_at, "Sunday"))]])
    assert (counts["pairs"], counts["pairs_right"], counts["impure"]) == (1, 0, 1)  # FIRE against ATTACK
    assert (counts["set_pairs"], counts["set_pairs_right"], counts["set_gold_pairs"]) == (1, 1, 1)
    assert counts["set_impure"] == 0 and counts["set_merged"] == 1
    # chains reaching the timeline: ATTACK, FIRE, FOIL (entry 1), OPEN (entry 2): one entry each
    assert (counts["set_chains"], counts["set_entry_chains"]) == (4, 4)
    result = figures({**counts, "stories": 1})
    assert result["sets"]["merged_pairs"]["precision"] == 1.0 and result["merged_pairs"]["precision"] == 0.0
    assert result["sets"]["duplication"] == 1.0


def test_set_wise_impurity_needs_one_chain_in_every_event():
    x, y, z = frozenset({"X"}), frozenset({"Y"}), frozenset({"Z"})
    # "X and Y", "Y and Z", "Z and X": each pair shares a chain, no chain is in all three: impure
    circle = score_sets([[x | y, y | z, z | x]])
    assert (circle["set_merged"], circle["set_impure"], circle["set_pairs"], circle["set_pairs_right"]) == (1, 1, 3, 3)
    # an unlabelled event (empty set) neither makes an entry impure nor counts in pairs
    assert score_sets([[x, x | y, frozenset()]])["set_impure"] == 0
    # X told in two entries: two entries for one chain, and the pair across entries is a missed gold pair
    split = score_sets([[x], [x | y]])
    assert (split["set_chains"], split["set_entry_chains"], split["set_gold_pairs"], split["set_pairs"]) == (2, 3, 1, 0)
