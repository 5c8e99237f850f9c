"""Story assignment, B³ scoring and the ECB+-layout story eval, on fictional reports."""

import os
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.eval.online import evaluate_stories
from storyline.eval.stories import DEV_TOPICS, bcubed, read_corpus
from storyline.link.stories import (
    Report,
    StoryProfile,
    assign,
    choose_story,
    cluster_documents,
    decay,
    parse_day,
    terms,
)

FIXTURE = Path(__file__).parent / "fixtures" / "ecbplus_mini"
DATA = Path(os.environ.get("STORYLINE_DATA", Path(__file__).parents[1].parent / "shared" / "data"))

DAM = [
    "The Orvell dam on the Sarrow river burst early on Monday, flooding the town of Lindqvist.",
    "Engineers had warned the Orvell dam authority about cracks in the Sarrow spillway last spring.",
    "Rescue crews in Lindqvist used boats to reach families trapped by the Sarrow floodwater.",
]
STRIKE = [
    "Dockworkers at the port of Halvaro walked out on Friday, halting cargo ships in the Meridian Bay.",
    "The Halvaro dockworkers union led by Petra Olsgaard demands higher pay and safer cranes.",
    "Cargo ships queued in Meridian Bay as the Halvaro strike entered its third day.",
]
NEW_DAM = "Lindqvist residents returned to flooded homes as officials inspected the broken Orvell dam on the Sarrow."
NEW_STRIKE = "Petra Olsgaard said the Halvaro dockworkers will stay out until the port agrees to safer cranes."
UNRELATED = "The Quillon orchestra premiered a new symphony by composer Adelio Brask at the Vantor opera house."


def profiles() -> list[StoryProfile]:
    dam, strike = StoryProfile("dam"), StoryProfile("strike")
    for text in DAM:
        dam.add(Report(text, published="2031-04-07"))
    for text in STRIKE:
        strike.add(Report(text, published="2031-04-11"))
    return [dam, strike]


def test_terms_keep_names_and_content_words():
    found = terms("Rescue crews from Port Kelvar searched the water. Crews said the Port Kelvar ferry sank.")
    assert "e:port_kelvar" in found and "e:kelvar" in found
    assert "crew" in found and "the" not in found
    assert "e:rescue" not in found  # a capitalized word opening a sentence alone is no name


def test_new_reports_join_their_story_and_an_unrelated_one_opens_a_new_story():
    stories = profiles()
    dam = assign(stories, Report(NEW_DAM, published="2031-04-08"))
    strike = assign(stories, Report(NEW_STRIKE, published="2031-04-12"))
    other = assign(stories, Report(UNRELATED, published="2031-04-12"))
    assert dam.story == "dam" and strike.story == "strike"
    assert dam.scores["dam"] > dam.scores["strike"]
    assert other.story is None
    for result in (dam, strike, other):
        assert 0.0 <= result.confidence <= 1.0


def test_confidence_is_higher_for_a_closer_report():
    stories = profiles()
    close = choose_story(stories, NEW_DAM, published="2031-04-08")
    loose = choose_story(stories, "Boats reached Lindqvist after the flooding, a neighbour said.",
                         published="2031-04-08")
    assert close.story == loose.story == "dam"
    assert close.confidence > loose.confidence


def test_a_quiet_story_scores_lower():
    stories = profiles()
    soon = assign(stories, Report(NEW_DAM, published="2031-04-08"))
    late = assign(stories, Report(NEW_DAM, published="2031-09-08"))
    assert late.scores["dam"] < soon.scores["dam"]
    assert decay(parse_day("2031-04-07"), "2031-04-07") == 1.0
    assert decay(None, "2031-04-07") == 1.0


def test_profiles_are_incremental():
    one = StoryProfile("s")
    for text in DAM:
        one.add(Report(text))
    assert one.reports == 3
    assert one.terms["e:orvell"] > 0


def test_no_profiles_means_a_new_story():
    result = choose_story([], NEW_DAM)
    assert result.story is None and result.confidence == 1.0


def test_cluster_documents_separates_two_stories():
    labels = cluster_documents([Report(t) for t in DAM + STRIKE])
    assert len(set(labels[:3])) == 1 and len(set(labels[3:])) == 1
    assert labels[0] != labels[3]


def test_bcubed_by_hand():
    # gold {1,2,3}{4}; predicted {1,2}{3,4}
    # precision per item: 1, 1, 1/2, 1/2 -> 0.75; recall: 2/3, 2/3, 1/3, 1 -> 2/3
    scores = bcubed(["a", "a", "a", "b"], [0, 0, 1, 1])
    assert scores["precision"] == 0.75
    assert scores["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["f1"] == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3), abs=1e-4)
    assert bcubed(["a", "b"], [5, 6]) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_reader_drops_the_url_line_and_labels_topic_and_kind():
    corpus = read_corpus(FIXTURE)
    assert len(corpus) == 8
    assert {gold for gold, _ in corpus} == {"1ecb", "1ecbplus", "2ecb", "2ecbplus"}
    assert all("http" not in text for _, text in corpus)
    assert corpus[2][1].startswith("The ferry Northern Lark capsized")


def test_eval_on_fixture():
    result = evaluate_stories(FIXTURE)
    assert result["task"] == "stories" and result["documents"] == 8
    assert result["bcubed"]["f1"] == 1.0
    assert evaluate_stories(FIXTURE, limit=4)["documents"] == 4


def test_eval_rejects_a_folder_without_documents(tmp_path):
    with pytest.raises(InputError):
        evaluate_stories(tmp_path)


def test_eval_on_ecbplus_dev_topics(tmp_path):
    source = DATA / "stories" / "ecbplus"
    if not source.is_dir():
        pytest.skip(f"ECB+ not found at {source} (set STORYLINE_DATA)")
    for topic in DEV_TOPICS:
        (tmp_path / str(topic)).symlink_to(source / str(topic))
    result = evaluate_stories(tmp_path)
    assert result["documents"] > 150
    assert result["bcubed"]["f1"] >= 0.90


def test_the_standard_topic_splits_can_be_scored_apart():
    every = read_corpus(FIXTURE)
    dev = read_corpus(FIXTURE, topics="dev")  # the fixture's topic 2 is one of ECB+'s dev topics
    train = read_corpus(FIXTURE, topics="train")
    assert dev and train and len(dev) + len(train) == len(every)
    assert all(gold.startswith("2") for gold, _ in dev) and not any(gold.startswith("2") for gold, _ in train)
    with pytest.raises(InputError, match="topic split"):
        read_corpus(FIXTURE, topics="test")
