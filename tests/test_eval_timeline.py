"""The timeline measure (issue 16): fictional ECB+-style reports with gold event chains and EventStoryLine-style
creation dates, built into a timeline and scored for duplicated and impure entries."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app
from storyline.eval.coref_gold import document_text
from storyline.eval.timeline import evaluate_timeline, read_stories

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


def test_cli_prints_one_json(tmp_path):
    ecb, esc = write_fixture(tmp_path)
    run = CliRunner().invoke(app, ["eval", "timeline", str(ecb), "--dates", str(esc), "--topics", "train"])
    assert run.exit_code == 0, run.output
    assert json.loads(run.output.strip().splitlines()[-1])["task"] == "timeline"
