"""Time expressions normalized against the report date."""

from datetime import date

import pytest

from storyline.extract.timex import find_times, find_timexes, normalize

SATURDAY = date(2024, 3, 16)
FRIDAY = date(2024, 3, 15)


def times(nlp, text, published):
    found = find_times(nlp(text), published)
    for t in found:
        assert t.text == text[t.start:t.end]
    return found


def only(nlp, text, published):
    found = times(nlp, text, published)
    assert len(found) == 1, found
    return found[0]


def test_weekday_is_report_day_or_before(nlp):
    t = only(nlp, "The Osmund Group shelled the bridge on Friday.", SATURDAY)
    assert (t.value, t.precision, t.text) == ("2024-03-15", "day", "Friday")
    t = only(nlp, "The Osmund Group shelled the bridge on Friday.", FRIDAY)
    assert t.value == "2024-03-15"
    t = only(nlp, "The ferry left Varn on Sunday.", SATURDAY)
    assert t.value == "2024-03-10"


def test_a_quoted_show_name_is_no_time(nlp):
    # ''Today'' and "This Week" in quotes name programmes; the same words unquoted are times
    assert times(nlp, "Later on ''This Week,'' Senator Orla Venn questioned the levy.", SATURDAY) == []
    assert times(nlp, 'Venn told the “Today” show the ferry had sailed.', SATURDAY) == []
    assert only(nlp, "Venn questioned the levy this week.", SATURDAY).value == "2024-W11"


def test_a_day_word_with_an_article_or_adjective_is_no_day(nlp):
    # "a tomorrow where …", "a better tomorrow": the future at large; a bare "tomorrow" is still a day
    assert times(nlp, "Imagine a tomorrow where every child in Tolvik can read.", SATURDAY) == []
    assert times(nlp, "Venn promised the valley a better tomorrow.", SATURDAY) == []
    assert only(nlp, "The council votes tomorrow.", SATURDAY).value == "2024-03-17"


def test_future_weekday_looks_ahead(nlp):
    t = only(nlp, "The council will vote on Monday.", SATURDAY)
    assert t.value == "2024-03-18"


def test_part_of_day_phrase_with_full_date(nlp):
    text = "Militia units crossed the river in the early hours of March 14, 2024."
    t = only(nlp, text, SATURDAY)
    assert (t.value, t.precision, t.part_of_day) == ("2024-03-14", "part-of-day", "early hours")
    assert t.text == "the early hours of March 14, 2024"


@pytest.mark.parametrize("phrase,value,precision", [
    ("yesterday", "2024-03-15", "day"),
    ("today", "2024-03-16", "day"),
    ("two days ago", "2024-03-14", "day"),
    ("twenty-two years ago", "2002", "year"),  # not "two years ago" read inside the compound
    ("Thirty years earlier", "1994", "year"),
    ("a dozen years ago", "2012", "year"),
    ("eleven months ago", "2023-04", "month"),
    ("last week", "2024-W10", "week"),
    ("earlier this month", "2024-03", "month"),
    ("last month", "2024-02", "month"),
    ("June 2023", "2023-06", "month"),
    ("2019", "2019", "year"),
    ("March 3", "2024-03-03", "day"),
    ("December 28", "2023-12-28", "day"),
    ("10:30 a.m. on Tuesday", "2024-03-12T10:30", "minute"),
    ("last night", "2024-03-15", "part-of-day"),
    ("overnight", "2024-03-16", "part-of-day"),
    ("tonight", "2024-03-16", "part-of-day"),
])
def test_normalize(phrase, value, precision):
    assert normalize(phrase, SATURDAY)[:2] == (value, precision)


def test_relative_expressions_in_text(nlp):
    text = ("Dock workers walked out yesterday. Two days ago the port authority warned them, "
            "and last week the Harbor Guard arrested four men.")
    found = times(nlp, text, SATURDAY)
    assert [(t.text, t.value) for t in found] == [
        ("yesterday", "2024-03-15"), ("Two days ago", "2024-03-14"), ("last week", "2024-W10")]


def test_clock_time_joined_with_weekday(nlp):
    t = only(nlp, "The mayor spoke at 10:30 a.m. on Tuesday in Kelvar.", SATURDAY)
    assert (t.value, t.precision, t.text) == ("2024-03-12T10:30", "minute", "10:30 a.m. on Tuesday")


def test_no_report_date_leaves_relative_unresolved(nlp):
    t = only(nlp, "The bridge collapsed yesterday.", None)
    assert (t.value, t.precision) == (None, "unknown")
    t = only(nlp, "The bridge collapsed on May 2, 2022.", None)
    assert t.value == "2022-05-02"


def test_durations_and_ages_are_left_out(nlp):
    text = "The 41-year-old engineer worked on the dam for three years."
    assert times(nlp, text, SATURDAY) == []


SUNDAY = date(2024, 3, 17)


@pytest.mark.parametrize("text,published,value", [
    ("Officials said the depot may reopen to traffic on Tuesday.", SUNDAY, "2024-03-19"),
    ("The cordon could be lifted on Tuesday, police said.", SUNDAY, "2024-03-19"),
    ("The vote, which may happen as early as Sunday, was delayed.", SATURDAY, "2024-03-17"),
    ("The cabinet declared Monday a day of remembrance.", FRIDAY, "2024-03-18"),
    ("Tamm said divers would begin lifting the crates out on Monday.", SUNDAY, "2024-03-18"),
    ("The mayor said she would visit Kelvar later on Saturday.", SATURDAY, "2024-03-16"),
    ("The pier collapsed on Tuesday, officials said.", SUNDAY, "2024-03-12"),
    ("Divers could have reached the wreck on Tuesday.", SUNDAY, "2024-03-12"),
    ("Tamm said she’ll sail again on Tuesday.", SUNDAY, "2024-03-19"),  # a curly contraction looks ahead
    # a present tense in a clause of time or condition under a future verb tells the future (issue 15)
    ("When the harbour board gathers on Tuesday, the mayor will present the budget.", SUNDAY, "2024-03-19"),
    ("If the council meets on Tuesday, the levy will pass.", SUNDAY, "2024-03-19"),
    ("When the council met on Tuesday, the mayor walked out.", SUNDAY, "2024-03-12"),
    ("When the council meets on Tuesday, the mayor usually walks out.", SUNDAY, "2024-03-12"),
])
def test_modal_and_future_verbs_look_ahead_past_tense_looks_back(nlp, text, published, value):
    [found] = [t for t in times(nlp, text, published) if t.precision == "day"]
    assert found.value == value


def test_late_on_a_day_is_part_of_day_and_swallows_no_duration(nlp):
    text = "Smoke rose from the depot late on Thursday, more than three hours before the collapse."
    t = only(nlp, text, SATURDAY)
    assert (t.text, t.value, t.precision, t.part_of_day) == (
        "late on Thursday", "2024-03-14", "part-of-day", "late")


def test_no_time_without_a_temporal_word(nlp):
    text = "The cordon reaches up to two miles around the depot."
    assert times(nlp, text, SATURDAY) == []


def test_two_dates_joined_by_and_are_two_times(nlp):
    text = "The guild wrote to the company on February 3 and February 21."
    assert [(t.text, t.value) for t in times(nlp, text, SATURDAY)] == [
        ("February 3", "2024-02-03"), ("February 21", "2024-02-21")]


def test_two_counts_under_one_ago_are_two_times(nlp):
    """ "20 and 50 years ago": the first count takes the second's unit and "ago" (not one time, the second's)."""
    text = "The floods that hit Varn happened 20 and 50 years ago, the warden said."
    assert [(t.text, t.value) for t in times(nlp, text, SATURDAY)] == [("20", "2004"), ("50 years ago", "1974")]
    text = "Ivo Brandt left the guild three or four months ago."
    assert [t.value for t in times(nlp, text, SATURDAY)] == ["2023-12", "2023-11"]


def test_that_morning_takes_the_day_named_before_it(nlp):
    text = "The toll rose to 30 on Friday afternoon, up from the 9 announced that morning."
    found = times(nlp, text, SUNDAY)
    assert [t.value for t in found] == ["2024-03-15", "2024-03-15"]
    assert found[1].part_of_day == "morning"


def test_clock_time_takes_the_day_named_in_the_previous_sentence(nlp):
    text = "A fire broke out at the Orrin mill late on Thursday. Crews were called at 11:40 p.m."
    found = times(nlp, text, SATURDAY)
    assert [(t.value, t.precision) for t in found] == [
        ("2024-03-14", "part-of-day"), ("2024-03-14T23:40", "minute")]


def test_clock_time_takes_the_day_named_earlier_in_its_sentence(nlp):
    text = "The Lusk ferry docked on Wednesday, and passengers left it at 6 p.m."
    assert [t.value for t in times(nlp, text, SATURDAY)] == ["2024-03-13", "2024-03-13T18:00"]


def test_clock_time_without_a_day_before_it_in_the_paragraph_takes_the_report_day(nlp):
    text = "The Orrin mill burned on Thursday.\n\nCrews left the site at 9 a.m."
    found = times(nlp, text, SATURDAY)
    assert [t.value for t in found] == ["2024-03-14", "2024-03-16T09:00"]
    assert times(nlp, "Crews left the site at 9 a.m.", None)[0].value is None


def test_part_of_day_takes_the_day_of_the_previous_sentence(nlp):
    text = "Tolla Rail suspended trains on Wednesday. The afternoon brought the first buses."
    found = times(nlp, text, SATURDAY)
    assert [(t.value, t.precision, t.part_of_day) for t in found] == [
        ("2024-03-13", "day", None), ("2024-03-13", "part-of-day", "afternoon")]


def test_small_hours_after_a_late_time_are_the_next_day(nlp):
    text = "Neighbours saw sparks at the Orrin mill late on Thursday. Its roof fell in at 2:15 a.m."
    assert [t.value for t in times(nlp, text, SATURDAY)] == ["2024-03-14", "2024-03-15T02:15"]


@pytest.mark.parametrize("text,expected", [
    ("The Vell ferry left Port Ellery at 1750 GMT on Friday.", ("1750 GMT on Friday", "2024-03-15T17:50")),
    ("Pumps at the Orrin dam stopped at 0900 local time.", ("0900 local time", "2024-03-16T09:00")),
    ("Polls in Tarrow county closed at 2130 ET, the board said.", ("2130 ET", "2024-03-16T21:30")),
    ("The Lusk patrol crossed the ridge at 0600Z.", ("0600Z", "2024-03-16T06:00")),
    ("The Carrow garrison opened its gates at 1400 hours on Thursday.",
     ("1400 hours on Thursday", "2024-03-14T14:00")),
])
def test_four_digits_before_a_time_zone_are_a_clock_time_not_a_year(nlp, text, expected):
    t = only(nlp, text, SATURDAY)
    assert (t.text, t.value, t.precision, t.type) == (*expected, "minute", "TIME")


def test_four_digit_clock_time_takes_the_day_before_it_and_rolls_past_midnight(nlp):
    text = "Sparks were seen at the Orrin mill late on Thursday. Its roof fell in at 0130 GMT."
    assert [t.value for t in times(nlp, text, SATURDAY)] == ["2024-03-14", "2024-03-15T01:30"]


def test_years_and_lengths_of_time_stay_what_they_were(nlp):
    found = times(nlp, "The Harl bridge was built in 1750 and its toll house in 2015.", SATURDAY)
    assert [(t.value, t.precision) for t in found] == [("1750", "year"), ("2015", "year")]
    assert only(nlp, "Doctors at Wenmoor ordered a 2015 CT scan.", SATURDAY).value == "2015"
    assert times(nlp, "Ilse Varga was given 2000 hours of community service.", SATURDAY) == []


def test_a_zoned_clock_time_in_brackets_restates_the_one_before_it(nlp):
    found = times(nlp, "The Tarrow quake struck at 1353 (1023 GMT) on Friday.", SATURDAY)
    assert [(t.text, t.value) for t in found] == [("1353 (1023 GMT)", "2024-03-15T13:53"),
                                                  ("Friday", "2024-03-15")]
    t = only(nlp, "The Vell pier collapsed at 10:35 a.m. (0735 GMT).", SATURDAY)
    assert (t.text, t.value) == ("10:35 a.m. (0735 GMT)", "2024-03-16T10:35")


def test_timex_value_of_a_clock_time_given_in_utc_ends_with_z(nlp):
    found = {t.text: (t.type, t.value) for t in find_timexes(
        nlp("The Vell ferry sailed at 1750 GMT, reached Lusk at 2130 ET and docked at 0915 local time."), SATURDAY)}
    assert found == {"1750 GMT": ("TIME", "2024-03-16T17:50Z"), "2130 ET": ("TIME", "2024-03-16T21:30"),
                     "0915 local time": ("TIME", "2024-03-16T09:15")}


def test_deictic_time_in_a_quote_from_an_earlier_day_reads_against_that_day(nlp):
    text = 'Edda Morrow told the Harl committee on March 4: "Yesterday I saw the ledgers for the first time."'
    assert [(t.text, t.value) for t in times(nlp, text, SATURDAY)] == [
        ("March 4", "2024-03-04"), ("Yesterday", "2024-03-03")]
    text = '"We reopen the Vell pier today," the harbour master said on Thursday.'
    assert [t.value for t in times(nlp, text, SATURDAY)] == ["2024-03-14", "2024-03-14"]


@pytest.mark.parametrize("text", [
    '"We will close the Harl plant today," Mayor Ines Corval said at a February hearing.',
    '"Tonight the Vell line stops for good," Tomas Wrenn said in a 2019 interview.',
])
def test_deictic_time_in_a_quote_from_a_vaguely_dated_speech_is_left_unresolved(nlp, text):
    found = {t.text.lower(): t for t in times(nlp, text, SATURDAY)}
    quoted = found.get("today") or found["tonight"]
    assert (quoted.value, quoted.precision) == (None, "unknown")
    assert all(t.value for key, t in found.items() if t is not quoted)  # the speech's own date stays


def test_quote_keeps_the_report_day_when_its_speech_is_not_dated_earlier(nlp):
    assert only(nlp, '"We reopen the Vell pier today," the harbour master said.', SATURDAY).value == "2024-03-16"
    found = times(nlp, '"The Lusk vote is tonight," said Orla Finn, who was elected in 2019.', SATURDAY)
    assert [t.value for t in found] == ["2024-03-16", "2019"]  # 2019 dates her election, not the quote
    found = times(nlp, 'Lena Hart was a guest on "Today" on Thursday.', SATURDAY)
    assert [t.value for t in found] == ["2024-03-14"]  # a quoted name is no quotation, and no time either


def test_a_vague_speech_date_still_places_what_it_fixes(nlp):
    text = '"Last year we lost money, and this year we will too," Idris Kalm said in a 2019 interview.'
    assert [(t.text, t.value) for t in times(nlp, text, SATURDAY)] == [
        ("Last year", "2018"), ("this year", "2019"), ("2019", "2019")]


def test_a_dayless_time_takes_no_day_from_a_quote_but_a_quote_goes_on_from_the_report(nlp):
    text = '"Yesterday we checked every pump," said Aldo Fenwick. The Vell quay was cleared by 1300 GMT.'
    assert [t.value for t in times(nlp, text, SATURDAY)] == ["2024-03-15", "2024-03-16T13:00"]
    text = 'The Lusk ferry will sail on Thursday. "It will leave at 4 in the morning," the captain said.'
    assert [t.value for t in times(nlp, text, SATURDAY)] == ["2024-03-21", "2024-03-21"]


def test_clock_with_a_stop_or_spaced_colon(nlp):
    # British "8.40am" and a colon set off by spaces ("08: 45 AM") are clock times, not "40am" or "45 AM"
    t = only(nlp, "Officers reached the Varnby mill at 8.40am.", SATURDAY)
    assert (t.value, t.precision) == ("2024-03-16T08:40", "minute")
    t = only(nlp, "The notice was posted at 08: 45 AM.", SATURDAY)
    assert t.value == "2024-03-16T08:45"


def test_date_rebuilt_from_tokens_keeps_its_year(nlp):
    # text joined from tokens puts a space before the stop and the comma: the year still belongs to the date
    t = only(nlp, "The keeper of the Orrin lighthouse was injured on Oct . 21 , 2011 near the pier .", SATURDAY)
    assert t.value == "2011-10-21"
    t = only(nlp, "Deputy Halden was killed June 24 , 2019 outside a bakery .", SATURDAY)
    assert t.value == "2019-06-24"


def test_a_day_put_on_a_date_lies_ahead(nlp):
    # "set for October 28" in June: this October, though October 28 of last year is nearer
    t = only(nlp, "A provisional trial date was set for October 28 in the Varnby case.", date(2024, 6, 12))
    assert t.value == "2024-10-28"
    # without such a verb the nearest year stands, a day ahead counting double
    t = only(nlp, "The Varnby ferry capsized on October 28.", date(2024, 6, 12))
    assert t.value == "2023-10-28"


def test_a_time_stamp_line_and_the_lead_under_it_are_two_times(nlp):
    # the model may run one entity over the line break: the stamp's clock and the lead's day stay apart
    text = ("Orla Venn checks into Kelvar clinic\nPosted: May 3, 2013 11:45 AM PDT\n"
            "Early Friday morning, the singer checked into the Kelvar clinic.")
    found = times(nlp, text, date(2013, 5, 3))
    assert [(t.text, t.value) for t in found] == [("May 3, 2013 11:45 AM PDT", "2013-05-03T11:45"),
                                                 ("Early Friday morning", "2013-05-03")]
    text = "Singer Orla Venn dies at 91\nJune 06, 2013\nThe singer died on Thursday."
    assert [t.text for t in times(nlp, text, date(2013, 6, 6))] == ["June 06, 2013", "Thursday"]


def test_the_day_before_a_month_the_model_left_out(nlp):
    # the model may tag "May" alone in "the 5th of May", "August" alone in "16th August"
    t = only(nlp, "The march was called for the 5th of May.", date(2013, 5, 3))
    assert (t.text, t.value) == ("the 5th of May", "2013-05-05")
    found = times(nlp, "Crews came this morning 16th August to fix the cable.", date(2011, 8, 16))
    assert found[-1].value == "2011-08-16"


def test_the_next_day_is_the_day_after_the_one_told_before(nlp):
    found = times(nlp, "A vigil was held in Varnby on Monday evening. A second protest followed the next night.", SATURDAY)
    assert [(t.value, t.precision) for t in found] == [("2024-03-11", "part-of-day"), ("2024-03-12", "part-of-day")]
    found = times(nlp, "The Kelvar ferry sank on Tuesday. Divers found the wreck the next day.", SATURDAY)
    assert [t.value for t in found] == ["2024-03-12", "2024-03-13"]
    timex = find_timexes(nlp("The Kelvar ferry sank on Tuesday. Divers found the wreck the next day."), SATURDAY)[-1]
    assert (timex.type, timex.value) == ("DATE", "2024-03-13")
    # with no day told before it, it is no day we know (not the day after the report)
    assert only(nlp, "Orla Venn appeared in court the next morning.", SATURDAY).value is None


def test_a_day_set_for_lies_ahead_but_a_noun_s_planned_day_may_be_past(nlp):
    """"was postponed to June 8" puts a new day ahead; "an inspection, scheduled for February 20, was cancelled"
    in a March report tells a day already past."""
    march = date(2025, 3, 15)
    [set_for] = times(nlp, "The hearing was postponed to February 8.", march)
    assert set_for.value == "2026-02-08"
    [planned] = times(nlp, "An inspection of the depot, scheduled for February 20, was cancelled.", march)
    assert planned.value == "2025-02-20"


def test_a_happening_someone_has_scheduled_lies_ahead(nlp):
    thursday = date(2024, 3, 14)
    assert only(nlp, "On Friday, the harbour master has a speech scheduled before the Lenport guild.",
                thursday).value == "2024-03-15"
    assert only(nlp, "On Friday, the harbour master had a speech scheduled before the guild.",
                thursday).value == "2024-03-08"
    assert only(nlp, "On Friday, the harbour master has a speech before the Lenport guild.",
                thursday).value == "2024-03-08"


def test_a_weekday_phrase_the_model_tagged_only_in_part_is_read_whole(nlp):
    text = "The harbor curfew held.\n\nLate Sunday night, the city lifted the curfew it put in place Thursday.\n"
    found = [(t.text, t.value, t.part_of_day) for t in times(nlp, text, date(2016, 9, 26))]
    assert ("Late Sunday night", "2016-09-25", "night") in found


def test_until_ends_a_past_stretch_but_a_deadline_lies_ahead(nlp):
    text = ("The harbor curfew held.\n\nDockers marching through the streets kept going until nearly 2 a.m. "
            "Friday in defiance of the curfew.\n\nThe board extended its deadline until 9 a.m. Tuesday.\n")
    found = {t.text: t.value for t in times(nlp, text, date(2016, 9, 26))}
    assert found["nearly 2 a.m. Friday"] == "2016-09-23T02:00"  # the Friday before the Monday report
    assert found["9 a.m. Tuesday"] == "2016-09-27T09:00"


def test_sept_11_and_9_11_name_the_2001_attacks(nlp):
    """Issue 15: a yearless "Sept. 11" in a report months later is the 2001 day, not this year's."""
    t = only(nlp, "Halm insisted crowds in Port Varn cheered on Sept. 11.", date(2024, 3, 16))
    assert t.value == "2001-09-11"
    t = only(nlp, "Halm was a senator in Kelvar during the 9/11 attacks.", date(2024, 3, 16))
    assert t.value == "2001-09-11"


def test_a_day_named_with_a_weekday_is_that_day_not_the_weekday(nlp):
    """ "Super Tuesday" in a February report of an election year is the first Tuesday of March, not the
    Tuesday before the report; "Good Friday" follows Easter; a day of history ("Black Monday") has no date."""
    t = only(nlp, "Mara Lenning hopes to sweep the southern states on Super Tuesday.", date(2024, 2, 9))
    assert (t.text, t.value) == ("Super Tuesday", "2024-03-05")
    t = only(nlp, "Since Super Tuesday, Lenning has won four states.", date(2024, 4, 24))
    assert t.value == "2024-03-05"
    t = only(nlp, "Kelvar has not mattered since it voted on the 2008 Super Tuesday.", date(2024, 4, 24))
    assert (t.text, t.value) == ("2008 Super Tuesday", "2008-02-05")
    t = only(nlp, "The Varn ferry will not sail on Good Friday.", date(2024, 3, 16))
    assert t.value == "2024-03-29"
    t = only(nlp, "Traders in Kelvar still speak of Black Monday.", date(2024, 3, 16))
    assert (t.text, t.value) == ("Black Monday", None)
    # lower case is a plain weekday
    t = only(nlp, "It was a good Friday for the Varn dockers.", SATURDAY)
    assert t.value == "2024-03-15"


def test_a_named_day_word_is_no_place(nlp):
    from storyline.extract.entities import find_entities
    names = {e.name for e in find_entities(nlp("Voters in Kelvar and Ostra go to the polls on Super Tuesday."))}
    assert "Super" not in names and {"Kelvar", "Ostra"} <= names


def test_sept_11_near_its_anniversary_or_scheduled_is_this_years(nlp):
    t = only(nlp, "The Varn council met on Sept. 11.", date(2024, 9, 13))
    assert t.value == "2024-09-11"
    t = only(nlp, "A trial date was set for Sept. 11.", date(2024, 3, 16))
    assert t.value == "2024-09-11"
