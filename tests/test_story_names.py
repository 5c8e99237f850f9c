"""Names of the stories that `storyline add` opens without --story: a headline, else a first sentence cut
where a reader would cut it."""

from __future__ import annotations

import pytest

from storyline.adding import choose_story
from storyline.link.naming import first_sentence, shorten, story_name, unique_name
from storyline.model import Document
from storyline.store import open_store

GORGE = ("SELWICK GORGE, Tarnland (Fenmoor Wire) — A rockfall buried the mountain railway south of Selwick Gorge "
         "late on Sunday, trapping two maintenance crews, the railway operator said.\n"
         '"We heard the slope go before we saw it," said Odile Brask, a signal engineer.\n')


@pytest.mark.parametrize(("text", "title", "outlet", "name"), [
    # the dateline goes, and the sentence is cut before "late on Sunday", not after "late"
    (GORGE, None, None, "A rockfall buried the mountain railway south of Selwick Gorge…"),
    # a page title, without the site's name
    (GORGE, "Rockfall traps rail crews near Selwick | Fenmoor Wire", "Fenmoor Wire", "Rockfall traps rail crews near Selwick"),
    (GORGE, "Fenmoor Wire - Rockfall traps rail crews", "Fenmoor Wire", "Rockfall traps rail crews"),
    (GORGE, "Rockfall traps rail crews - officials fear more slides", None, "Rockfall traps rail crews - officials fear more slides"),
    # a first line that is a headline
    ("Rail crews trapped by rockfall\nBy Pim Aldous, Fenmoor Wire\nSELWICK — Two crews were trapped on Sunday.",
     None, None, "Rail crews trapped by rockfall"),
    # a byline, then the text: the byline is not the name
    ("By Pim Aldous, Fenmoor Wire\nTwo crews were trapped by a rockfall on Sunday. Rescuers reached them.",
     None, None, "Two crews were trapped by a rockfall on Sunday"),
    # a clause end; an aside in brackets left out; "at least" is not where a phrase starts
    ("The Selwick Mountain Railway Company (SMRC) said it had closed the line, which carries at least 900 "
     "walkers a day, until the slope is made safe.", None, None,
     "The Selwick Mountain Railway Company said it had closed the line…"),
    ("Engineers from the regional rail inspectorate found that at least 40 metres of track had been swept into "
     "the river below.", None, None, "Engineers from the regional rail inspectorate found…"),
    # short enough: the whole sentence, without its full stop, and no "…"
    ("Dr. Brask said the line would stay shut.\nMore later.", None, None, "Dr. Brask said the line would stay shut"),
])
def test_story_name(text, title, outlet, name):
    assert story_name(text, title, outlet) == name


def test_shorten_never_ends_on_a_small_word_or_passes_the_limit():
    long = "The council of the northern valleys voted to rebuild the old stone bridge of the town of Harrowgate " * 2
    cut = shorten(long, 50)
    assert cut.endswith("…") and len(cut) <= 50
    assert cut[:-1].split()[-1] not in ("the", "of", "to")
    assert shorten("Ferries resumed at 4,100 berths", 70) == "Ferries resumed at 4,100 berths"
    assert first_sentence("Ferries left at 6:30 a.m. on Monday. Crews cheered.") == "Ferries left at 6:30 a.m. on Monday"


def test_unique_name():
    assert unique_name("Rockfall", set()) == "Rockfall"
    assert unique_name("Rockfall", {"Rockfall", "Rockfall (2)"}) == "Rockfall (3)"


def test_a_new_story_gets_a_name_no_story_in_the_store_has(tmp_path):
    rockfall = Document(text=GORGE, raw=GORGE.encode(), content_type="text/plain", location="gorge.txt",
                        outlet="Fenmoor Wire")
    taken = "A rockfall buried the mountain railway south of Selwick Gorge…"
    harvest = "The plum harvest in the Ostmere valley was the largest in a decade, growers told the Ostmere Gazette."
    with open_store(str(tmp_path / "s.db")) as store:
        store.add_document(taken, Document(text=harvest, raw=harvest.encode(), content_type="text/plain",
                                           location="plums.txt", outlet="Ostmere Gazette"))
        name, assignment = choose_story(store, rockfall)
    assert assignment.story is None  # the rockfall is not the plum harvest: it opens a story
    assert name == taken + " (2)"
