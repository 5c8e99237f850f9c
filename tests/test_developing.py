"""The 'breaking/developing story' flag."""

import pytest

from storyline.extract.developing import is_developing


@pytest.mark.parametrize("text", [
    "BREAKING NEWS: the dam at Lornet has failed.",
    "This is a breaking story. Please check back for updates.",
    "This is a developing story and will be updated.",
    "The ferry sank off Varn. This story will be updated.",
    "Rescue teams are at the scene. This story is developing.",
    "Check back for updates on the Osmund strike.",
    "Officials urged calm. This is a developing situation.",
    "Crews reported a Developing Story near the harbor.",
])
def test_developing_lines(text):
    assert is_developing(text)


@pytest.mark.parametrize("text", [
    "The council approved the budget on Tuesday.",
    "Engineers are developing a new storm barrier for the harbor.",
    "She broke the story of the bridge contract in 2019.",
    "Updates to the timetable take effect in May.",
])
def test_ordinary_text_is_not_developing(text):
    assert not is_developing(text)
