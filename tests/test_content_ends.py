"""The learned choice of where a content ends (learn/content_ends.py), on fictional sentences."""

from __future__ import annotations

from storyline.learn import content_ends

TEXT = "Ana Ruiz said the ferry would stop on Monday, which the port denies, and the crews would go home."


def _spans(doc):
    said = next(t.i for t in doc if t.text == "said")
    last = next(t.i for t in doc if t.text == "home")
    return said, last


def test_candidates_stop_before_breaks_and_keep_the_rules_end(nlp):
    doc = nlp(TEXT)
    said, last = _spans(doc)
    found = content_ends.candidates(doc, said + 1, last, len(doc))
    words = [doc[j].text for j in found]
    assert "Monday" in words and "denies" in words and "home" in words
    assert "ferry" not in words  # "would" follows: no place to stop
    assert all(not doc[j].is_punct for j in found)


def test_features_describe_what_an_end_adds_or_cuts(nlp):
    doc = nlp(TEXT)
    said, last = _spans(doc)
    monday = next(t.i for t in doc if t.text == "Monday")
    cut = content_ends.candidate_features(doc, said + 1, last, monday, (said, said + 1), len(doc))
    assert "dir=cut" in cut and "c:p0=," in cut and "n=," in cut and "side=after" in cut
    grow = content_ends.candidate_features(doc, said + 1, monday, last, (said, said + 1), len(doc))
    assert "dir=grow" in grow and "g:f=which" in grow


def test_a_fitted_chooser_moves_the_end_only_when_sure(nlp):
    doc = nlp(TEXT)
    said, last = _spans(doc)
    monday = next(t.i for t in doc if t.text == "Monday")
    others, rows = content_ends.rows(doc, said + 1, last, (said, said + 1))
    labels = [int(j == monday) for j in others]
    chooser = content_ends.fit(rows * 20, labels * 20)
    assert chooser is not None
    content = (said + 1, last, (said, said + 1))
    assert chooser.choose(doc, [content, content]) == [monday, monday]
    chooser.threshold = 1.0  # nothing is that sure: the rules' end stays
    assert chooser.choose(doc, [content]) == [last]
    assert chooser.choose(doc, []) == []


def test_no_chooser_without_both_kinds_of_label(nlp):
    doc = nlp(TEXT)
    said, last = _spans(doc)
    _, rows = content_ends.rows(doc, said + 1, last, (said, said + 1))
    assert content_ends.fit(rows, [0] * len(rows)) is None
