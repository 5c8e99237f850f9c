"""Which statement a contest answers: a weak match is no target (issue 15, contest precision).

A row shown "disputed by X" must really be contested by X, so a contest that names its thing answers only a
statement sharing enough of its key words, never the reporter's own narration that happens to share one, and
never its own party's statement. All sentences are invented.
"""

from __future__ import annotations

from test_status import analyse, one, said


def contest_of(ms, words):
    contest = one(ms, words)
    return ms[contest.contests] if contest.contests is not None else None


def test_a_notion_dismissed_is_no_answer_to_the_reporters_sentence_sharing_one_word(nlp):
    text = ("Her aides have changed the answer several times. Mayor Lena Brandt dismissed the notion that her "
            "skills had anything to do with her time in office.")
    ms = analyse(nlp, text, said("Lena Brandt", "dismissed", "the notion that her skills had anything to do with "
                                 "her time in office", "denied"))
    assert contest_of(ms, "the notion") is None
    assert all(m.status != "denied" for m in ms if m.form == "outlet")


def test_a_notion_dismissed_still_answers_the_statement_that_made_it(nlp):
    text = ("Ivo Lind said the mayor's skills came from her long time in office. Mayor Lena Brandt dismissed the "
            "notion that her skills had anything to do with her time in office.")
    ms = analyse(nlp, text,
                 said("Ivo Lind", "said", "the mayor's skills came from her long time in office"),
                 said("Lena Brandt", "dismissed", "the notion that her skills had anything to do with her time in "
                      "office", "denied"))
    assert contest_of(ms, "the notion") is one(ms, "long time")


def test_the_claims_of_a_thing_may_still_answer_the_reporters_narration(nlp):
    ms = analyse(nlp, "The Kessian guard is preparing a blockade of Varna. The cabinet has rejected the claims of "
                      "a planned blockade.",
                 said("The cabinet", "has rejected", "the claims of a planned blockade", "denied", "organization"))
    assert "preparing a blockade" in contest_of(ms, "claims of").text


def test_a_denial_sharing_one_of_three_key_words_contests_nothing(nlp):
    text = "Kara Voss said the ferry left Lunne at noon. The port denied that its crews would leave the pier."
    ms = analyse(nlp, text,
                 said("Kara Voss", "said", "the ferry left Lunne at noon"),
                 said("The port", "denied", "that its crews would leave the pier", "denied", "organization"))
    assert contest_of(ms, "its crews") is None
    assert one(ms, "ferry").status == "reported"


def test_a_denial_sharing_two_key_words_contests_the_statement(nlp):
    text = ("Kara Voss said the crews had left the pier unguarded. The port denied that its crews would leave the "
            "pier.")
    ms = analyse(nlp, text,
                 said("Kara Voss", "said", "the crews had left the pier unguarded"),
                 said("The port", "denied", "that its crews would leave the pier", "denied", "organization"))
    assert contest_of(ms, "its crews") is one(ms, "unguarded")


def test_an_idea_dismissed_needs_its_own_word_not_a_word_of_its_modifier(nlp):
    text = ("Rolf Anders said Dr. Lind's portrait hung on the Kessel firm's website. Dr. Lind dismissed the idea "
            "that he had a relationship with the firm.")
    ms = analyse(nlp, text,
                 said("Rolf Anders", "said", "Dr. Lind's portrait hung on the Kessel firm's website"),
                 said("Dr. Lind", "dismissed", "the idea that he had a relationship with the firm", "denied",
                      name="Otto Lind"))
    assert contest_of(ms, "the idea") is None
    assert one(ms, "portrait").status == "reported"


def test_an_idea_dismissed_answers_the_statement_naming_its_own_word(nlp):
    text = ("Rolf Anders said Dr. Lind had a long relationship with the Kessel firm. Dr. Lind dismissed the idea "
            "that he had a relationship with the firm.")
    ms = analyse(nlp, text,
                 said("Rolf Anders", "said", "Dr. Lind had a long relationship with the Kessel firm"),
                 said("Dr. Lind", "dismissed", "the idea that he had a relationship with the firm", "denied",
                      name="Otto Lind"))
    assert contest_of(ms, "the idea") is one(ms, "long relationship")


def test_a_campaign_dismissing_claims_answers_the_accuser_not_its_candidate(nlp):
    text = ("Ivo Lind said the count in Tarn was rigged. Dana Voss said the count was fair. The Voss campaign "
            "dismissed those claims.")
    ms = analyse(nlp, text,
                 said("Ivo Lind", "said", "the count in Tarn was rigged"),
                 said("Dana Voss", "said", "the count was fair"),
                 said("The Voss campaign", "dismissed", "those claims", "denied", "organization",
                      name="Voss campaign"))
    assert contest_of(ms, "those claims") is one(ms, "rigged")
    assert one(ms, "was fair").status == "reported"


def test_a_story_said_to_be_fabricated_is_not_the_speakers_latest_remark_on_something_else(nlp):
    text = ("Ines Morel said on Monday that they are worried. The Harbour Gazette reported that she fabricated the "
            "story of an offer from the naval academy.")
    ms = analyse(nlp, text,
                 said("Ines Morel", "said", "they are worried"),
                 said("The Harbour Gazette", "reported", "that she fabricated the story of an offer from the naval "
                      "academy", kind="organization"))
    assert contest_of(ms, "fabricated") is None
    assert one(ms, "worried").status == "reported"


def test_a_story_said_to_be_fabricated_answers_the_speakers_statement_of_it(nlp):
    text = ("Ines Morel said she had an offer from the naval academy. Morel said on Monday that they are worried. The "
            "Harbour Gazette reported that she fabricated the story of an offer from the naval academy.")
    ms = analyse(nlp, text,
                 said("Ines Morel", "said", "she had an offer from the naval academy"),
                 said("Morel", "said", "they are worried", name="Ines Morel"),
                 said("The Harbour Gazette", "reported", "that she fabricated the story of an offer from the naval "
                      "academy", kind="organization"))
    assert contest_of(ms, "fabricated") is one(ms, "she had an offer")
    assert one(ms, "she had an offer").status == "disputed"


def test_a_named_inventor_is_answered_not_the_latest_speaker(nlp):
    text = ("Mira Olsen said a guard had pushed her at the gate. Ivo Lind said the city should drop the case. "
            "The mayor said Olsen had made up the story.")
    ms = analyse(nlp, text,
                 said("Mira Olsen", "said", "a guard had pushed her at the gate"),
                 said("Ivo Lind", "said", "the city should drop the case"),
                 said("The mayor", "said", "Olsen had made up the story", kind="unnamed", name="mayor"))
    assert contest_of(ms, "made up") is one(ms, "pushed her")
    assert one(ms, "drop the case").status == "reported"
