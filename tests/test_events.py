"""Events: a dated clause with its actors, place and status."""

from datetime import date

from storyline.extract.entities import find_entities
from storyline.extract.events import find_events
from storyline.extract.timex import find_times
from storyline.model import Mention, Source

SATURDAY = date(2024, 3, 16)


def events(nlp, text, mentions=()):
    doc = nlp(text)
    return find_events(doc, find_times(doc, SATURDAY), list(mentions), find_entities(doc))


def test_event_holds_clause_actors_and_place(nlp):
    text = "Marta Koval, head of the port authority, closed the harbor in Kelvar on Friday."
    [event] = events(nlp, text)
    assert event.time.value == "2024-03-15"
    assert event.description.startswith("Marta Koval")
    assert "closed the harbor" in event.description
    assert event.actors == ["Marta Koval"]
    assert event.place == "Kelvar"
    assert (event.status, event.mention) == ("asserted", None)
    assert text[event.start:event.end] == event.description


def test_description_is_short(nlp):
    text = ("On Friday the Osmund Group, which has long fought the regional council over grazing rights "
            "and water, seized the pumping station, the grain silos, the rail depot and the old customs "
            "house at the edge of the town of Dravenport.")
    [event] = events(nlp, text)
    assert len(event.description.split()) <= 20
    assert "Osmund Group" in event.actors


def test_status_comes_from_the_covering_mention(nlp):
    text = "Police said the Harbor Guard sank a fishing boat near Varn on Thursday."
    start = text.index("the Harbor Guard")
    mention = Mention(start=start, end=len(text) - 1, text=text[start:-1],
                      source=Source(name="Police", kind="organization"), cue="said",
                      form="indirect", status="reported")
    [event] = events(nlp, text, [mention])
    assert (event.status, event.mention) == ("reported", 0)
    assert event.time.value == "2024-03-14"


def test_unresolved_times_make_no_event(nlp):
    doc = nlp("The bridge collapsed yesterday.")
    assert find_events(doc, find_times(doc, None), [], find_entities(doc)) == []


def test_one_event_per_dated_sentence(nlp):
    text = "The ferry sank on Monday. Divers found the wreck yesterday. Nobody has explained why."
    found = events(nlp, text)
    assert [e.time.value for e in found] == ["2024-03-11", "2024-03-15"]
    assert "ferry sank" in found[0].description
    assert "Divers found the wreck" in found[1].description
