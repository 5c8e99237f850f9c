import pytest

from storyline.watch.revisions import (
    Verdict,
    classify,
    failed_page,
    is_timestamp_line,
    normalize_text,
    revision_key,
)

STORY = """Flood Barrier Fails at Marrowick

Updated 10:42 a.m. EDT, March 14, 2025

MARROWICK, Tellany (Tellhaven Wire) — At least 12 people died when the flood barrier at Marrowick failed on Thursday night, the regional governor said.

Governor Ines Calloway said 1,200 residents had been moved to shelters. Engineers had warned about cracks in the barrier in 2023, according to a report seen by the Tellhaven Wire.
"""


def edit(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


@pytest.mark.parametrize("line", [
    "Updated 10:42 a.m. EDT, March 14, 2025",
    "Last updated: 2 hours ago",
    "Published 14/03/2025 06:30",
    "Posted at 5:02 pm",
    "First published on Friday 14 March 2025 07.15 GMT",
    "2025-03-14T06:30:00Z",
    "One hour ago",
])
def test_timestamp_lines(line):
    assert is_timestamp_line(line)


@pytest.mark.parametrize("line", [
    "12 dead", "40", "Friday", "By Ana Morrow, March 3",
    "The barrier failed at 10:42 p.m. on Thursday, officials said.",
])
def test_lines_that_are_not_only_a_timestamp(line):
    assert not is_timestamp_line(line)


def test_first_fetch_is_new():
    assert classify(STORY, []).kind == "new"


def test_same_text_is_unchanged():
    verdict = classify(STORY.replace("\n", "\r\n") + "\n\n", [(1, STORY)])
    assert verdict == Verdict("unchanged", 1, verdict.detail)


def test_timestamp_only_edit_is_minor():
    updated = edit(STORY, "Updated 10:42 a.m. EDT, March 14, 2025", "Last updated: 2 hours ago")
    verdict = classify(updated, [(1, STORY)])
    assert (verdict.kind, verdict.matches) == ("minor", 1)
    assert "timestamp" in verdict.detail


@pytest.mark.parametrize("old, new", [
    ("the regional governor said.", "the regional governor said"),
    ("night, the regional", "night  the regional"),
    ("moved to shelters. Engineers", "moved to shelters.\n\nEngineers"),
    ("Thursday night", "thursday night"),
    ("1,200 residents", "1200 residents"),
])
def test_punctuation_whitespace_or_case_only_is_minor(old, new):
    verdict = classify(edit(STORY, old, new), [(1, STORY)])
    assert (verdict.kind, verdict.matches) == ("minor", 1)
    assert verdict.detail == "only whitespace or punctuation changed"


@pytest.mark.parametrize("old, new", [
    ("At least 12 people", "At least 40 people"),
    ("1,200 residents", "1.200 residents"),
    ("in 2023", "in 20 23"),
    ("had warned", "had not warned"),
])
def test_changed_figures_and_words_are_revisions(old, new):
    changed = edit(STORY, old, new)
    assert revision_key(changed) != revision_key(STORY)
    assert classify(changed, [(1, STORY)]).kind == "revision"


def test_flip_flop_back_to_an_earlier_version():
    second = edit(STORY, "At least 12 people", "At least 40 people")
    back = edit(STORY, "10:42 a.m.", "11:05 a.m.")  # version 1 again, with a fresh timestamp
    verdict = classify(back, [(1, STORY), (2, second)])
    assert (verdict.kind, verdict.matches) == ("flip_flop", 1)
    assert verdict.detail == "back to version 1 (flip-flopping between versions 1 and 2)"


def test_flip_flop_matches_the_latest_earlier_equal_version():
    second = edit(STORY, "12 people", "40 people")
    revisions = [(1, STORY), (2, second), (3, STORY), (4, edit(STORY, "12 people", "41 people"))]
    assert classify(second, revisions).matches == 2
    assert classify(STORY, revisions).matches == 3


def test_normalize_text_keeps_inner_whitespace():
    assert normalize_text(" a  b \r\nc\t\n") == "a  b\nc"


# --- failed fetches --------------------------------------------------------------------------------

CONSENT = """Before you continue to Tellhaven Wire

We use cookies and data to deliver and maintain our services and to measure audience engagement.
If you choose to Accept all, we and our partners will also use cookies for personalised ads.
If you choose to Reject all, we will not use cookies for these additional purposes.
Accept all
Reject all
Manage preferences
"""

PAYWALL = """Flood Barrier Fails at Marrowick

At least 12 people died when the flood barrier failed.

This article is available to subscribers only. Subscribe to continue reading.
Already a subscriber? Log in to continue.
Unlimited digital access for $1 a week. Cancel anytime.
"""

NOT_FOUND = """Page not found

Sorry, the page you are looking for does not exist. It may have been moved or deleted.

Go back to the homepage.
"""

ROBOT = """Are you a robot?

Our systems have detected unusual traffic from your network. Please confirm you are a human to continue.
"""

GENUINE = """Marrowick Bakery Fined Over Website Tracking

KESSEL POINT, Tellany (Tellhaven Wire) — The data regulator of Tellany fined the Marrowick Bakery 40,000 crowns on Tuesday, saying its online shop placed tracking cookies on visitors' computers without asking them first.

The bakery, which sells biscuits and cookies in twelve towns along the coast, said it had fixed the problem within a week of the first complaint. Its owner, Dorin Vask, said the shop had no idea its ordering software did this.

The regulator said the bakery's newsletter subscription form also collected birthdays it did not need. Vask said the subscription form had been simplified and that customers could now unsubscribe with one click.

It is the third fine the regulator has issued this year. In February it fined a Kessel Point ferry company after its booking site showed a "404 page not found" message to passengers for two days while tickets were still being charged, and in March a regional newspaper over its paywall's handling of reader data.

Consumer groups welcomed the decision. "People should be able to buy a loaf of bread without being followed around the internet," said Hana Orlic, who leads the Tellany Shoppers' Union. She said her group had received more than 300 complaints about online shops last year, most of them about cookie banners that made it hard to refuse tracking.

The bakery has 30 days to appeal. Vask said he would not appeal and would pay the fine.
"""


@pytest.mark.parametrize("page, reason", [
    (CONSENT, "consent or cookie wall"),
    (PAYWALL, "paywall or login wall"),
    (NOT_FOUND, "error page"),
    (ROBOT, "error page"),
])
def test_walls_and_error_pages_are_failed_fetches(page, reason):
    why = failed_page(page)
    assert why is not None and reason in why


def test_error_title_on_a_short_page():
    why = failed_page("We could not show you this right now. Here are our top stories instead: markets, "
                      "weather and sport.", title="404 - Not Found | Tellhaven Wire")
    assert why is not None and "error page" in why and "title" in why


def test_sharp_drop_in_length_is_a_failed_fetch():
    long_text = " ".join(["The barrier at Marrowick failed after days of rain."] * 40)  # 360 words
    teaser = "The barrier at Marrowick failed after days of rain, officials said on Friday night."
    why = failed_page(teaser, previous_words=360)
    assert why is not None and "fell to 14 words from 360" in why
    assert failed_page(long_text, previous_words=360) is None
    assert failed_page(" ".join([teaser] * 11), previous_words=360) is None  # 154 words: trimmed, kept


def test_no_drop_judged_from_a_short_previous_version():
    assert failed_page("Officials in Marrowick confirmed the barrier failed.", previous_words=120) is None


def test_empty_page_is_failed():
    assert failed_page("  \n ") is not None


def test_genuine_article_mentioning_cookies_subscriptions_and_404_is_not_failed():
    assert failed_page(GENUINE) is None
    assert failed_page(GENUINE, title="Marrowick bakery fined over cookies | Tellhaven Wire") is None
    assert failed_page(GENUINE, previous_words=len(GENUINE.split())) is None


def test_short_genuine_brief_is_not_failed():
    brief = ("Route 404 between Marrowick and Kessel Point reopened on Saturday after the flood, the roads "
             "agency said. Subscribers to its text alerts were told of the reopening first.")
    assert failed_page(brief, title="Route 404 reopens after flood") is None


def test_short_article_with_one_long_sentence_quoting_an_error_is_not_failed():
    text = ("Passengers of the Kessel Point ferry could not buy tickets on Monday. For most of the day the "
            "booking site showed only a message saying that something went wrong and that they should try "
            "again later, a spokeswoman said. The company apologised and said that all sailings had left "
            "on time.")
    assert failed_page(text) is None


def test_tiny_error_page_with_one_sentence():
    assert "error page" in failed_page("Error 404: the page you requested was not found.")


def test_real_title_starting_with_a_status_code_is_not_an_error_title():
    assert failed_page("Ferry crossings resumed on Monday, the operator said.",
                       title="404 days without a ferry: Kessel Point celebrates | Tellhaven Wire") is None
