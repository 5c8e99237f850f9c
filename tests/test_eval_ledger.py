"""`storyline eval ledger`: ledger gold files, name matching, token-F1 matching and the scores (all texts
here are made up: fictional people, places and outlets)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.eval.ledger import (
    GoldError,
    GoldItem,
    GoldReport,
    GoldStory,
    match,
    normalise_name,
    person_like,
    place,
    read_gold,
    same_source,
    score_story,
    token_f1,
)

runner = CliRunner()


# --------------------------------------------------------------------------------------------- names

@pytest.mark.parametrize("name, expected", [
    ("Ana Ruiz", "ana ruiz"),
    ("Sen. Ana Ruiz's", "ana ruiz"),
    ("SENATOR  ana   ruiz", "ana ruiz"),
    ("Secretary of State Ana Ruiz", "ana ruiz"),
    ("former Vice President Ana Ruiz", "ana ruiz"),
    ("Dr. Tomas Aldane Jr.", "tomas aldane"),
    ("The Harbour Ledger", "harbour ledger"),
    ("the Aldanes’", "aldanes"),
    ("Jean-Luc Brenner", "jean luc brenner"),
    ("the President", "president"),  # nothing but a title: kept
    ("a Lunne Post tally", "lunne post tally"),
    ("A. Ruiz", "a ruiz"),  # an initial, not an article
    ("officials familiar with the matter", "officials familiar with the matter"),
])
def test_normalise_name(name, expected):
    assert normalise_name(name) == expected


def test_person_like():
    assert person_like("Ana Ruiz") and person_like("Gov. Ana de la Vega") and person_like("Tomas Aldane Jr.")
    assert not person_like("Ruiz")  # one word: no surname rule
    assert not person_like("officials familiar with the matter")
    assert not person_like("Kestrel Roads Agency")
    assert not person_like("Ana Ruiz, Tomas Aldane and Marta Koval")


@pytest.mark.parametrize("predicted, gold, aliases, same", [
    ("Ana Ruiz", "Ana Ruiz", [], True),
    ("Mayor Ana Ruiz", "Ana Ruiz", [], True),
    ("Ruiz", "Ana Ruiz", [], True),  # carries the surname
    ("Ms. Ruiz", "Ana Ruiz", [], True),
    ("Ruiz's", "Ana Ruiz", [], True),
    ("A. Ruiz", "Ana Ruiz", [], True),
    ("Ana Maria Ruiz", "Ana Ruiz", [], True),
    ("mayor Ruiz", "Ana Ruiz", [], True),
    ("Marta Ruiz", "Ana Ruiz", [], False),  # another given name: another person
    ("M. Ruiz", "Ana Ruiz", [], False),
    ("the Ruiz campaign", "Ana Ruiz", [], False),  # an organisation, not the person
    ("Ana", "Ana Ruiz", [], False),
    ("Tomas Aldane", "Ana Ruiz", [], False),
    ("The Harbour Ledger", "Harbour Ledger", [], True),
    ("roads agency", "Ilse Varga", ["the roads agency"], True),  # an alias
    ("officials familiar with the matter", "Officials familiar with the matter", [], True),
    ("officials", "officials familiar with the matter", [], False),
    ("Koval", "Ana Ruiz, Tomas Aldane and Marta Koval", [], False),  # several speakers: all named
    ("Kestrel Roads Agency", "Roads Agency", [], False),
    ("", "Ana Ruiz", [], False),
])
def test_same_source(predicted, gold, aliases, same):
    assert same_source(predicted, gold, aliases) is same


# --------------------------------------------------------------------------------------------- matching

def test_token_f1():
    assert token_f1(frozenset({1, 2, 3}), frozenset({1, 2, 3})) == 1.0
    assert token_f1(frozenset({1, 2, 3}), frozenset({3, 4, 5})) == pytest.approx(1 / 3)
    assert token_f1(frozenset(), frozenset({1})) == 0.0
    assert token_f1("the pier is safe".split(), "pier is safe".split()) == pytest.approx(6 / 7)


def test_match_is_one_to_one_best_overlap_first():
    gold = [frozenset({0, 1, 2, 3}), frozenset({0, 1, 2})]
    predicted = [frozenset({0, 1, 2})]
    # both golds reach F1 ≥ 0.5 with the one mention; the better overlap (gold 1, F1 1.0) takes it
    assert match(gold, predicted) == {1: (0, 1.0)}
    # a second mention then goes to gold 0
    assert match(gold, predicted + [frozenset({1, 2, 3})]) == {1: (0, 1.0), 0: (1, pytest.approx(6 / 7))}
    # below the threshold nothing is found
    assert match([frozenset(range(10))], [frozenset({0, 1})]) == {}
    assert match([frozenset({0, 1, 2})], [frozenset({0})]) == {0: (0, 0.5)}  # exactly 0.5 counts


# --------------------------------------------------------------------------------------------- offsets

def test_place_maps_file_offsets_onto_the_normalised_text():
    from storyline.ingest import normalize_text

    file_text = "\n\nThe Lunne ferry   \nstopped, said Ana Ruiz.  \nCafe\u0301 owners said the ferry stopped.\n"
    stored = normalize_text(file_text)
    assert stored != file_text
    for content in ("The Lunne ferry", "stopped", "Cafe\u0301 owners", "Ana Ruiz"):
        start = file_text.index(content)
        s, e = place(file_text, start, start + len(content), stored)
        assert stored[s:e] == unicodedata.normalize("NFC", content)
    second = file_text.rindex("the ferry stopped")  # the nearer of two occurrences is chosen
    s, e = place(file_text, second, second + len("the ferry stopped"), stored)
    assert (s, stored[s:e]) == (stored.rindex("the ferry stopped"), "the ferry stopped")
    across = file_text.index("ferry   \nstopped")  # trailing spaces inside the span are gone in the store
    s, e = place(file_text, across, across + len("ferry   \nstopped"), stored)
    assert stored[s:e] == "ferry\nstopped"
    assert place("Ana said it.", 0, 3, "Ana said it.") == (0, 3)
    assert place("Ana said it. ", 0, 3, "Tomas wrote it.") is None


# --------------------------------------------------------------------------------------------- scoring

T1 = "Ana Ruiz said the ferry pier will close on Friday. Tomas Aldane said the pier is safe. It rained."
T2 = "The pier will close on Friday, said Mayor Ana Ruiz. Harbour chief Tomas Aldane said repairs begin soon."


def _item(id, report, content, source, status, claim=None, contests=None, aliases=()):
    text = (T1, T2)[report]
    start = text.index(content)
    return GoldItem(id, report, start, start + len(content), source, list(aliases), status, claim, contests)


def _mention(report, content, source, status, kind="person", form="indirect"):
    text = {"r1": T1, "r2": T2}[report]
    start = text.index(content)
    return {"report": report, "start": start, "end": start + len(content), "text": content,
            "source": {"name": source, "kind": kind}, "form": form, "status": status}


def _story() -> GoldStory:
    reports = [GoldReport("a.txt", Path("a.txt"), "Lunne Post", "2031-03-01", T1),
               GoldReport("b.txt", Path("b.txt"), "Brack Herald", "2031-03-02", T2)]
    items = [
        _item("1", 0, "the ferry pier will close on Friday", "Ana Ruiz", "disputed", claim="c-close"),
        _item("2", 0, "the pier is safe", "Tomas Aldane", "reported", contests="1"),
        _item("3", 1, "The pier will close on Friday", "Ana Ruiz", "reported", claim="c-close"),
        _item("4", 1, "repairs begin soon", "Tomas Aldane", "reported"),
    ]
    return GoldStory(Path("gold.json"), "Lunne pier", reports, items)


LEDGER = {
    "reports": [{"id": "r1", "text": T1}, {"id": "r2", "text": T2}],
    "claims": [
        {"id": "X", "mentions": [_mention("r1", "the ferry pier will close on Friday", "Ana Ruiz", "disputed"),
                                 _mention("r2", "The pier will close on Friday", "Ruiz", "reported")]},
        {"id": "Y", "mentions": [_mention("r1", "the pier is safe", "Aldane", "reported"),
                                 _mention("r2", "repairs begin soon", "Harbour chief", "hypothetical", "unnamed")]},
        {"id": "W", "mentions": [_mention("r1", "It rained", "Lunne Post", "asserted", "outlet", "outlet")]},
        {"id": "V", "mentions": [_mention("r1", "Friday", "Ana Ruiz", "reported")]},
    ],
}


def test_score_story_counts_found_sources_statuses_and_links():
    from storyline.eval.ledger import figures

    counts, records = score_story(_story(), LEDGER, ["r1", "r2"])
    assert dict(counts) == {"items": 4, "mentions": 5, "found": 4, "right_source": 3, "right_status": 3,
                            "right_both": 3, "gold_links": 1, "predicted_links": 2, "right_links": 1}
    scores = figures(counts)
    assert scores["content"] == {"precision": 0.8, "recall": 1.0, "f1": 0.8889}
    assert scores["source_accuracy"] == 0.75 and scores["status_accuracy"] == 0.75
    assert scores["editor"] == {"precision": 0.6, "recall": 0.75, "f1": 0.6667}
    assert scores["links"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "gold_pairs": 1, "predicted_pairs": 2}
    by_item = {r["item"]: r for r in records if r["item"]}
    assert by_item["4"]["found"] and not by_item["4"]["source_ok"] and not by_item["4"]["status_ok"]
    assert by_item["4"]["mention"]["source"] == "Harbour chief" and by_item["4"]["mention"]["claims"] == ["Y"]
    assert by_item["3"]["source_ok"] and by_item["3"]["mention"]["id"] == "r2:0-29"
    unmatched = [r for r in records if r.get("unmatched_mention")]
    assert [r["mention"]["text"] for r in unmatched] == ["Friday"]  # the outlet's own voice is not counted


def test_score_story_misses_and_empty_ledger():
    story = _story()
    counts, records = score_story(story, {"reports": LEDGER["reports"], "claims": []}, ["r1", "r2"])
    assert counts["found"] == 0 and counts["mentions"] == 0 and counts["items"] == 4
    assert all(not r["found"] and r["mention"] is None and r["f1"] == 0.0 for r in records)


# --------------------------------------------------------------------------------------------- gold files

ARTICLE = "Lunne ferry stops\n\nThe ferry will stop on Friday, said Ana Ruiz.\n"


def _gold_file(tmp_path: Path, items: list[dict], reports: list[dict] | None = None) -> Path:
    data = tmp_path / "data"
    (data / "news").mkdir(parents=True, exist_ok=True)
    (data / "news" / "post.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "gold.json"
    reports = reports or [{"file": "news/post.txt", "outlet": "Lunne Post", "published": "2031-03-01"}]
    path.write_text(json.dumps({"story": "Lunne ferry", "reports": reports, "items": items}), encoding="utf-8")
    return path


def _good(**changes) -> dict:
    start = ARTICLE.index("The ferry will stop on Friday")
    item = {"id": "1.1", "report": 0, "span": [start, start + 29], "content": None, "source": "Ana Ruiz",
            "aliases": [], "status": "reported", "claim": None, "contests": None}
    return {**item, **changes}


def test_read_gold_reads_spans_and_content(tmp_path):
    content = {**_good(id="1.2", span=None), "content": "said Ana Ruiz"}
    gold = read_gold(_gold_file(tmp_path, [_good(), content]), tmp_path / "data")
    assert gold.story == "Lunne ferry" and gold.reports[0].outlet == "Lunne Post"
    assert [gold.content(item) for item in gold.items] == ["The ferry will stop on Friday", "said Ana Ruiz"]


@pytest.mark.parametrize("item, message", [
    (_good(span=[40, 4000]), "item 1.1: span [40, 4000] is out of range"),
    (_good(span=[30, 20]), "item 1.1: span [30, 20] is out of range"),
    (_good(status="rumoured"), "item 1.1: unknown status 'rumoured'"),
    (_good(status=None), "item 1.1: status is null"),
    (_good(contests="9.9"), "item 1.1: contests '9.9', which is no other item"),
    (_good(report=3), "item 1.1: report 3 is out of range"),
    (_good(source=""), "item 1.1: 'source' must be a non-empty string"),
    ({**_good(span=None), "content": "said Tomas Aldane"}, "item 1.1: 'content' is not a substring"),
])
def test_read_gold_refuses_bad_items(tmp_path, item, message):
    path = _gold_file(tmp_path, [item])
    with pytest.raises(GoldError) as caught:
        read_gold(path, tmp_path / "data")
    assert str(path) in str(caught.value) and message in str(caught.value)


def test_read_gold_refuses_bad_reports_and_lists_every_problem(tmp_path):
    path = _gold_file(tmp_path, [_good(), _good(status=None)], reports=[
        {"file": "news/missing.txt", "outlet": "Lunne Post", "published": "2031-03-01"}])
    with pytest.raises(GoldError) as caught:
        read_gold(path, tmp_path / "data")
    message = str(caught.value)
    assert "report 0: news/missing.txt is not in the data folder" in message and "item 1.1: the id is used 2 times" in message
    path = _gold_file(tmp_path, [], reports=[{"file": "news/post.txt", "outlet": "Lunne Post", "published": "Friday"}])
    with pytest.raises(GoldError, match="report 0: 'published' 'Friday' is not an ISO date"):
        read_gold(path, tmp_path / "data")
    with pytest.raises(GoldError, match="no such gold file"):
        read_gold(tmp_path / "nope.json", tmp_path / "data")


def test_cli_refuses_a_bad_gold_file_by_name(tmp_path):
    path = _gold_file(tmp_path, [_good(status=None)])
    result = runner.invoke(app, ["eval", "ledger", str(path), "--data", str(tmp_path / "data")])
    assert result.exit_code == 1 and "status is null" in result.output and "gold.json" in result.output


# --------------------------------------------------------------------------------------------- end to end

# A made-up report; the trailing spaces and the blank line on top make the stored text differ from the file.
COURIER = """
Brack harbour crane collapsed, inspectors say

BRACK — The harbour crane at pier four collapsed because its anchor bolts had rusted through, according to inspectors from the port authority.   

Harbour master Edda Solberg said the port had asked the crane's owner to replace the bolts last spring. "We flagged the rust in writing twice," she told reporters on Thursday.

Nils Okafor, the owner of the crane company, denied those claims. He said his firm never received a request to replace the bolts.

Dock workers warned that a second crane could fail if the repairs are delayed, union steward Mira Castell said.
"""


def _e2e_gold(data: Path) -> Path:
    (data / "brack").mkdir(parents=True)
    (data / "brack" / "courier.txt").write_text(COURIER, encoding="utf-8")

    def item(id, content, source, status, contests=None):
        start = COURIER.index(content)
        return {"id": id, "report": 0, "span": [start, start + len(content)], "content": None, "source": source,
                "aliases": [], "status": status, "claim": None, "contests": contests}

    items = [
        item("0.1", "The harbour crane at pier four collapsed because its anchor bolts had rusted through",
             "inspectors from the port authority", "reported"),
        item("0.2", "the port had asked the crane's owner to replace the bolts last spring", "Edda Solberg", "denied"),
        item("0.3", "We flagged the rust in writing twice", "Edda Solberg", "denied"),
        item("0.4", "his firm never received a request to replace the bolts", "Nils Okafor", "reported", "0.2"),
        item("0.5", "a second crane could fail if the repairs are delayed", "Mira Castell", "hypothetical"),
    ]
    gold = data.parent / "brack.json"
    gold.write_text(json.dumps({"story": "Brack crane", "reports": [
        {"file": "brack/courier.txt", "outlet": "Brack Courier", "published": "2031-05-02"}], "items": items}),
        encoding="utf-8")
    return gold


@pytest.mark.slow
def test_eval_ledger_end_to_end(tmp_path):
    gold = _e2e_gold(tmp_path / "data")
    details = tmp_path / "errors.jsonl"
    result = runner.invoke(app, ["eval", "ledger", str(gold), "--data", str(tmp_path / "data"), "--errors", str(details)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["task"] == "ledger" and scores["stories"] == 1 and scores["items"] == 5
    assert {"content", "source_accuracy", "status_accuracy", "editor", "links", "per_story"} <= scores.keys()
    assert scores["found"] > 0
    for value in (scores["source_accuracy"], scores["status_accuracy"],
                  *(scores[k][m] for k in ("content", "editor", "links") for m in ("precision", "recall", "f1"))):
        assert 0.0 <= value <= 1.0
    assert scores["per_story"][0]["story"] == "Brack crane" and scores["per_story"][0]["items"] == 5
    lines = [json.loads(line) for line in details.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["item"] for r in lines if r["item"]) == ["0.1", "0.2", "0.3", "0.4", "0.5"]
    found = [r for r in lines if r["item"] and r["found"]]
    assert len(found) == scores["found"] and all(r["mention"]["id"] and r["gold"]["content"] for r in found)
