"""The trained cue judge: training on a tiny brat fixture, the round trip, and extraction with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.extract import attribution
from storyline.extract.attribution import find_attributions, rule_cues
from storyline.extract.entities import find_entities
from storyline.learn import models
from storyline.learn.attribution import CueJudge, train

# Fictional reports: "upbraided" and "castigated" are cues the lexicon lacks; "said" is one it has.
STORIES = [
    "Mayor Ilse Varga upbraided the harbour plan on Monday.\n\nTomas Brel said the ferry would stop.\n",
    "Councillor Ana Ruiz castigated the port board for the delay.\n\nThe crews said the cranes were unsafe.\n",
    "Tomas Brel upbraided the levy in a speech.\n\nIlse Varga said the dredging would go on.\n",
    "The union castigated the owners over the wages.\n\nAna Ruiz said the quay was closed.\n",
]


def _brat(text: str) -> str:
    """Cue, source and content lines for the one cue verb of each paragraph of a fixture story."""
    lines, n = [], 0
    for verb in ("upbraided", "castigated", "said"):
        at = text.find(verb)
        if at < 0:
            continue
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        pieces = {"Source": (line_start, at - 1), "Cue": (at, at + len(verb)),
                  "Content": (at + len(verb) + 1, line_end - 1)}
        ids = {}
        for label, (s, e) in pieces.items():
            n += 1
            ids[label] = f"T{n}"
            lines.append(f"T{n}\t{label} {s} {e}\t{text[s:e]}")
        lines.append(f"E{n}\tAttribution:{ids['Cue']} Source:{ids['Source']} Cue:{ids['Cue']} Content:{ids['Content']}")
    return "\n".join(lines) + "\n"


@pytest.fixture()
def split(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    for k, story in enumerate(STORIES * 3):
        (tmp_path / "text" / f"s{k:02d}.txt").write_text(story, encoding="utf-8")
        (tmp_path / "attributions" / f"s{k:02d}_a1.ann").write_text(_brat(story), encoding="utf-8")
    return tmp_path


def test_rule_cues_name_the_rules_cue_words(nlp):
    doc = nlp("Tomas Brel said the ferry would stop.")
    free, classes, inside, shapes = rule_cues(doc)
    said = next(t.i for t in doc if t.text == "said")
    assert classes == {said: "say"} and said in inside and len(free) == len(doc)
    assert "b=rule" in shapes[said] and "bs=rule|after" in shapes[said]


def test_rule_cues_shape_the_verbs_the_rules_could_build_around(nlp):
    doc = nlp("Councillor Ivo Tan upbraided the bridge tolls.")
    _, classes, _, shapes = rule_cues(doc)
    verb = next(t.i for t in doc if t.text == "upbraided")
    assert classes == {} and "b=proposed" in shapes[verb] and "bw=proposed|before" in shapes[verb]


def test_train_round_trip_and_extraction_with_the_model(split, nlp, tmp_path, monkeypatch):
    judge, summary = train([split])
    assert isinstance(judge, CueJudge) and summary["documents"] == 12 and summary["cue_words"] > 0
    monkeypatch.setenv("STORYLINE_MODELS", str(tmp_path / "models"))
    path = models.save_model("attribution", judge)
    assert path.is_file() and isinstance(models.load_model("attribution"), CueJudge)
    text = "Councillor Ivo Tan upbraided the bridge tolls.\n\nMara Loy said the toll would rise.\n"
    doc = nlp(text)
    with_model = find_attributions(doc, find_entities(doc))
    assert {m.cue for m in with_model} == {"upbraided", "said"}
    proposed = next(m for m in with_model if m.cue == "upbraided")
    assert proposed.source.name == "Ivo Tan" and proposed.text == "the bridge tolls"
    models.use_models(False)
    try:
        assert [m.cue for m in find_attributions(doc, find_entities(doc))] == ["said"]  # the rules alone
    finally:
        models.use_models(True)


class RulesEnds:
    """A judge's content ends: where the rules put them."""

    def content_ends(self, doc, contents):
        return [end for _, end, _ in contents]


class Everything(RulesEnds):
    """A judge that keeps every rule cue and proposes every verb and copula it is shown."""

    def decide(self, doc, free, rule_classes, inside, shapes):
        return set(rule_classes), [i for i in shapes if i not in rule_classes]


def test_proposed_cue_with_a_preposition_takes_its_object(nlp, monkeypatch):
    monkeypatch.setattr(attribution, "load_model", lambda task: Everything())
    doc = nlp("Mayor Ilse Varga railed against the new harbour levy.")
    found = find_attributions(doc, find_entities(doc))
    assert [(m.cue, m.text, m.source.name) for m in found] == [
        ("railed against", "the new harbour levy", "Ilse Varga")]


def test_proposed_passive_without_an_agent_is_said_by_someone_unnamed(nlp, monkeypatch):
    class Accusations(RulesEnds):
        """A judge that keeps every rule cue and proposes "accused"."""

        def decide(self, doc, free, rule_classes, inside, shapes):
            return set(rule_classes), [i for i in shapes if doc[i].lemma_ == "accuse"]

    monkeypatch.setattr(attribution, "load_model", lambda task: Accusations())
    doc = nlp("Harbour master Oren Falk was accused of hiding the inspection reports.")
    found = find_attributions(doc, find_entities(doc))
    assert [(m.cue, m.text, m.source.kind) for m in found] == [
        ("was accused of", "Harbour master Oren Falk was accused of hiding the inspection reports", "unnamed")]


def test_proposed_stance_of_a_copula_and_its_adjective(nlp, monkeypatch):
    monkeypatch.setattr(attribution, "load_model", lambda task: Everything())
    doc = nlp("The dockers' union was worried about the new harbour levy.")
    found = find_attributions(doc, find_entities(doc))
    assert [(m.cue, m.text, m.status) for m in found] == [
        ("was worried about", "the new harbour levy", "reported")]
    assert found[0].source.span is not None and "union" in doc.text[slice(*found[0].source.span)]


def test_the_judge_moves_a_content_end_and_the_mention_follows(nlp, monkeypatch):
    class CutAtRise(RulesEnds):
        """A judge that keeps the rules' cues and ends every content at "rise"."""

        def decide(self, doc, free, rule_classes, inside, shapes):
            return set(rule_classes), []

        def content_ends(self, doc, contents):
            return [next((t.i for t in doc[start:end + 1] if t.text == "rise"), end) for start, end, _ in contents]

    text = "Mayor Ilse Varga said the levy would rise, \"and soon\", in March."
    doc = nlp(text)
    rules = [m.text for m in find_attributions(doc, find_entities(doc))]
    monkeypatch.setattr(attribution, "load_model", lambda task: CutAtRise())
    [judged] = find_attributions(doc, find_entities(doc))
    assert rules != [judged.text] and judged.text == "the levy would rise"
    assert judged.form == "indirect" and text[judged.start:judged.end] == judged.text


def test_train_rejects_a_folder_without_the_split_layout(tmp_path):
    with pytest.raises(InputError):
        train([tmp_path])


def test_a_proposed_seem_is_the_reports_own_hedged_impression(nlp, monkeypatch):
    monkeypatch.setattr(attribution, "load_model", lambda task: Everything())
    from storyline.extract.pipeline import extract_doc

    doc = nlp("The old pier seemed to sag under the weight of the cranes.")
    seemed = [m for m in extract_doc(doc, outlet="Lenport Courier").mentions if m.cue == "seemed"]
    assert [(m.text, m.source.name, m.source.kind, m.source.span, m.form, m.status) for m in seemed] == [
        ("The old pier seemed to sag under the weight of the cranes", "Lenport Courier", "outlet", None, "outlet",
         "unverified")]


def test_a_seem_before_a_cue_of_the_subjects_own_stays_theirs(nlp, monkeypatch):
    monkeypatch.setattr(attribution, "load_model", lambda task: Everything())
    doc = nlp("Mayor Ilse Varga seemed to blame the harbour board for the delay.")
    found = find_attributions(doc, find_entities(doc))
    assert all(m.source.name == "Ilse Varga" for m in found) and found
