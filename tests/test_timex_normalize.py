"""TIMEX3 tagging: types and TimeML values of every kind of time expression, anchored to the report's date."""

from datetime import date

import pytest

from storyline.extract.timex import find_times, find_timexes

WEDNESDAY = date(2025, 3, 12)


def timexes(nlp, text, published=WEDNESDAY):
    found = find_timexes(nlp(text), published)
    for t in found:
        assert t.text == text[t.start:t.end]
    return {t.text: (t.type, t.value) for t in found}


def test_bare_weekday_points_to_the_past_week_either_side_of_the_report_day(nlp):
    found = timexes(nlp, "Crews left Dunmere on Monday, the barge ran aground on Wednesday and the pilots "
                         "quit on Thursday.")
    assert found == {"Monday": ("DATE", "2025-03-10"), "Wednesday": ("DATE", "2025-03-12"),
                     "Thursday": ("DATE", "2025-03-06")}


def test_future_tense_turns_a_weekday_ahead(nlp):
    found = timexes(nlp, "The Orrin Council will vote on Thursday, and the dockers struck on Friday.")
    assert found["Thursday"] == ("DATE", "2025-03-13")
    assert found["Friday"] == ("DATE", "2025-03-07")
    assert timexes(nlp, "The tribunal meets next Wednesday.")["next Wednesday"] == ("DATE", "2025-03-19")
    assert timexes(nlp, "The tribunal met last Wednesday.")["last Wednesday"] == ("DATE", "2025-03-05")


def test_month_and_year_boundaries(nlp):
    new_year = date(2025, 1, 2)
    found = timexes(nlp, "The Selwyn toll was raised last month and again last year, after a vote on "
                         "December 30 and a rally on Tuesday.", new_year)
    assert found["last month"] == ("DATE", "2024-12")
    assert found["last year"] == ("DATE", "2024")
    assert found["December 30"] == ("DATE", "2024-12-30")
    assert found["Tuesday"] == ("DATE", "2024-12-31")
    march = date(2025, 3, 1)
    found = timexes(nlp, "The mill closed yesterday; last week was calm.", march)
    assert found["yesterday"] == ("DATE", "2025-02-28")
    assert found["last week"] == ("DATE", "2025-W08")


def test_named_month_before_or_after_the_report_month(nlp):
    found = timexes(nlp, "Output fell last June and rose in February, and the plant reopens this September.",
                    date(2025, 4, 20))
    assert found["last June"] == ("DATE", "2024-06")
    assert found["February"] == ("DATE", "2025-02")
    assert found["this September"] == ("DATE", "2025-09")


def test_a_day_something_is_yet_to_be_done_on_or_likely_to_happen_lies_ahead(nlp):
    found = timexes(nlp, "Mayor Dala was rewriting an address, to be delivered Friday at the Orrin docks.")
    assert found["Friday"] == ("DATE", "2025-03-14")
    assert timexes(nlp, "A report to be released on Monday will show the losses.")["Monday"] == ("DATE", "2025-03-17")
    assert timexes(nlp, "The Kettle party is likely to win Tuesday.")["Tuesday"] == ("DATE", "2025-03-18")
    # a rank before the noun tells who was first, not what is to come
    assert timexes(nlp, "She was the first to be elected on Monday.")["Monday"] == ("DATE", "2025-03-10")


def test_a_month_without_a_year_takes_the_year_on_its_clause(nlp):
    found = timexes(nlp, "Dala, who stayed in the 2008 race until June, lost.")
    assert found["June"] == ("DATE", "2008-06")
    # a year on another clause of the sentence dates that clause only
    found = timexes(nlp, "Under a plan approved by the board in 2019, Kettle had bought 4,000 shares through "
                         "Sept. 29.")
    assert found["Sept. 29"] == ("DATE", "2024-09-29")


def test_a_bare_month_a_few_months_ahead_is_this_years(nlp):
    # ahead of the report counts double, as for a day: July from April is this year's, November last year's
    found = timexes(nlp, "The Harlow party meets at its convention in July. Turnout fell in November.",
                    date(2025, 4, 20))
    assert found["July"] == ("DATE", "2025-07")
    assert found["November"] == ("DATE", "2024-11")


def test_a_month_in_an_infinitive_under_a_future_verb_lies_ahead(nlp):
    # the infinitive's time follows its verb's: "would be able to hold", "it will be hard for her to win"
    april = date(2025, 4, 20)
    found = timexes(nlp, "Venn asked whether the Harlow party would be able to keep the council in November.", april)
    assert found["November"] == ("DATE", "2025-11")
    found = timexes(nlp, "It will be very hard for Dala to win in November without the port towns.", april)
    assert found["November"] == ("DATE", "2025-11")
    # a plain past verb still looks back
    assert timexes(nlp, "Dala tried to win the port towns in November.", april)["November"] == ("DATE", "2024-11")


def test_a_month_naming_a_vote_up_to_eight_months_ahead_is_this_years(nlp):
    found = timexes(nlp, "The win lets Dala turn to the November election.", date(2025, 4, 20))
    assert found["November"] == ("DATE", "2025-11")
    # from January the November election is more often the one just held
    found = timexes(nlp, "The win lets Dala turn to the November election.", date(2025, 1, 20))
    assert found["November"] == ("DATE", "2024-11")


def test_a_month_after_in_behind_a_vote_noun_names_the_vote(nlp):
    june = date(2025, 6, 8)
    # the parser hangs "in November" on "is", not on "re-election"
    found = timexes(nlp, "Senator Mara Fenwick, who is up for re-election in November, said the levy was sound.",
                    june)
    assert found["November"] == ("DATE", "2025-11")
    # a past verb tells the vote just held
    assert timexes(nlp, "Fenwick won re-election in November by ten points.", june)["November"] == ("DATE", "2024-11")
    # not a vote: a bare month five or more ahead is last year's, as before
    assert timexes(nlp, "The festival in November drew crowds.", june)["November"] == ("DATE", "2024-11")


def test_on_a_weekday_behind_the_object_of_before_dates_that_object(nlp):
    monday, thursday = date(2025, 3, 17), date(2025, 3, 20)
    # "on Tuesday" hung on "track", not on "primary": still the coming primary in a Monday report
    found = timexes(nlp, "That is the lesson from fresh filings that track late spending before the Dunmore "
                         "primary on Tuesday.", monday)
    assert found["Tuesday"] == ("DATE", "2025-03-18")
    # the nearer Tuesday: in a Thursday report the one just gone
    found = timexes(nlp, "That is the lesson from fresh filings that track late spending before the Dunmore "
                         "primary on Tuesday.", thursday)
    assert found["Tuesday"] == ("DATE", "2025-03-18")
    # after "after", the verb's tense decides as before
    assert timexes(nlp, "The mayor spoke after the vote on Tuesday.", monday)["Tuesday"] == ("DATE", "2025-03-11")


def test_a_future_verb_six_heads_up_looks_ahead(nlp):
    # Tuesday -> showing -> for -> needed -> lift -> give: "will" is six heads up
    found = timexes(nlp, "Rhee hopes the endorsement will give him the lift needed for a strong showing Tuesday.",
                    date(2025, 3, 17))
    assert found["Tuesday"] == ("DATE", "2025-03-18")


def test_a_weekday_on_a_noun_no_verb_places_is_the_nearer_one(nlp):
    thursday, sunday = date(2025, 3, 13), date(2025, 3, 16)
    # inside the subject of a future verb: the future is the verb's, not the weekday's
    found = timexes(nlp, "The results of Tuesday's two council votes will force Dala to rethink.", thursday)
    assert found["Tuesday"] == ("DATE", "2025-03-11")
    found = timexes(nlp, "Her victories in Orrin, Kelvar and Dunmere on Tuesday will only speed that shift.",
                    thursday)
    assert found["Tuesday"] == ("DATE", "2025-03-11")
    # after "before", or under a verb in the simple present, in a weekend report: the coming one
    found = timexes(nlp, "The debate just days before Tuesday's primary in Orrin has emboldened three rivals.",
                    sunday)
    assert found["Tuesday"] == ("DATE", "2025-03-18")
    found = timexes(nlp, "Dala stumbled in the debate just days before Tuesday's Orrin primary.", sunday)
    assert found["Tuesday"] == ("DATE", "2025-03-18")
    found = timexes(nlp, "Venn holds a clear lead in Tuesday's Orrin vote.", sunday)
    assert found["Tuesday"] == ("DATE", "2025-03-18")
    # a past verb places it, subject or not
    found = timexes(nlp, "As the shock of the Friday floods wore off, the council met.", date(2025, 3, 18))
    assert found["Friday"] == ("DATE", "2025-03-14")
    found = timexes(nlp, "Venn won Tuesday's Orrin vote.", sunday)
    assert found["Tuesday"] == ("DATE", "2025-03-11")


def test_a_show_named_after_a_network_is_no_time(nlp):
    found = timexes(nlp, "Venn told KTV's This Week that the levy would stay.")
    assert "This Week" not in found
    assert timexes(nlp, "Venn said this week that the levy would stay.")["this week"][0] == "DATE"


def test_parts_of_day_are_times_on_their_day(nlp):
    found = timexes(nlp, "Smoke rose over Kettle Quay this morning. Residents heard blasts on Monday "
                         "evening and again at 2:10 a.m. on Tuesday.")
    assert found["this morning"] == ("TIME", "2025-03-12TMO")
    assert found["Monday evening"] == ("TIME", "2025-03-10TEV")
    assert found["2:10 a.m. on Tuesday"] == ("TIME", "2025-03-11T02:10")
    assert timexes(nlp, "The vote ended at noon on Monday.")["noon on Monday"] == ("TIME", "2025-03-10T12:00")
    assert timexes(nlp, "Sirens sounded last night.")["last night"] == ("TIME", "2025-03-11TNI")


def test_durations(nlp):
    found = timexes(nlp, "The blockade lasted three days, after a two-week standoff, several years of "
                         "quarrels and talks over the past two months.")
    assert found == {"three days": ("DURATION", "P3D"), "two-week": ("DURATION", "P2W"),
                     "several years": ("DURATION", "PXY"), "the past two months": ("DURATION", "P2M")}
    assert timexes(nlp, "Power was out for 36 hours.")["36 hours"] == ("DURATION", "PT36H")


def test_an_age_is_no_time(nlp):
    assert timexes(nlp, "A 41-year-old pilot from Gaskell was rescued.") == {}


def test_sets(nlp):
    found = timexes(nlp, "Inspectors visit every Friday, the ferry sails weekly and the lab reports daily.")
    assert found == {"every Friday": ("SET", "XXXX-WXX-5"), "weekly": ("SET", "P1W"),
                     "daily": ("SET", "P1D")}


def test_vague_references(nlp):
    found = timexes(nlp, "The Varrow bridge is now closed, the engineers said recently, and it may reopen "
                         "in the future.")
    assert found == {"now": ("DATE", "PRESENT_REF"), "recently": ("DATE", "PAST_REF"),
                     "the future": ("DATE", "FUTURE_REF")}


def test_relative_expressions(nlp):
    found = timexes(nlp, "Talks stalled two days ago and earlier this month, and the union grew over the "
                         "past year.")
    assert found["two days ago"] == ("DATE", "2025-03-10")
    assert found["earlier this month"] == ("DATE", "2025-03")
    assert found["the past year"] == ("DURATION", "P1Y")


@pytest.mark.parametrize("text,expected", [
    ("Sales in the third quarter were flat.", ("the third quarter", "DATE", "2025-Q3")),
    ("Rents were lower in the 1990s.", ("the 1990s", "DATE", "199")),
    ("Tourists were few last fall.", ("last fall", "DATE", "2024-FA")),
    ("Tourists came back this summer.", ("this summer", "DATE", "2025-SU")),
])
def test_quarters_seasons_and_decades(nlp, text, expected):
    assert [(phrase, *reading) for phrase, reading in timexes(nlp, text).items()] == [expected]


def test_points_for_the_timeline_leave_out_durations_and_sets(nlp):
    doc = nlp("The Halden strike began on Monday, lasted three days and is held every Friday.")
    points = find_times(doc, WEDNESDAY)
    assert [(t.text, t.value, t.type) for t in points] == [("Monday", "2025-03-10", "DATE")]


def test_without_a_report_date_relative_values_stay_open(nlp):
    found = timexes(nlp, "The quay flooded on Friday and stays shut for two weeks.", None)
    assert found["Friday"] == ("DATE", None)
    assert found["two weeks"] == ("DURATION", "P2W")
