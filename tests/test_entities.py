"""Entities: one per referent, with aliases, roles and every occurrence."""

import pytest

from storyline.extract.entities import (_building_not_event, _Group, _place_pair, _type_peoples_by_plural,
                                        _without_year, entity_for, find_entities)


def by_name(entities, name):
    matches = [e for e in entities if e.name == name]
    assert len(matches) == 1, [e.name for e in entities]
    return matches[0]


def test_surname_merges_with_full_name_and_apposition_gives_role(nlp):
    text = ("Marta Koval, head of the port authority, closed the harbor. "
            "Koval said the closure would last a week.")
    entities = find_entities(nlp(text))
    koval = by_name(entities, "Marta Koval")
    assert koval.type == "PERSON"
    assert "Koval" in koval.aliases
    assert koval.roles == ["head of the port authority"]
    assert [text[s:e] for s, e in koval.spans] == ["Marta Koval", "Koval"]
    assert koval.key == "marta koval"


def test_military_title_is_a_role_and_not_part_of_the_name(nlp):
    text = "Lt. Gen. Ivo Brandt, the deputy chief of army logistics, ordered the convoy to halt."
    brandt = by_name(find_entities(nlp(text)), "Ivo Brandt")
    assert brandt.type == "PERSON"
    assert brandt.roles == ["Lt. Gen.", "deputy chief of army logistics"]


def test_title_word_makes_a_person(nlp):
    entities = find_entities(nlp("Mayor Ana Ruiz opened the bridge in Kelvar."))
    ruiz = by_name(entities, "Ana Ruiz")
    assert (ruiz.type, ruiz.roles) == ("PERSON", ["Mayor"])


def test_initials_written_together_and_a_quoted_nickname_stay_in_the_titled_name(nlp):
    """'Gov. C.L. "Bud" Varga': one person, not a person "C" (the name cut at the first initial's stop)."""
    text = 'Gov. C.L. "Bud" Varga said the dam in Kelvar was safe. Varga toured it on Monday.'
    entities = find_entities(nlp(text))
    varga = by_name(entities, 'C.L. "Bud" Varga')
    assert (varga.type, varga.roles, varga.aliases) == ("PERSON", ["Gov."], ["Varga"])
    assert not [e for e in entities if e.name in {"C", "C.L."}]
    assert by_name(find_entities(nlp("Sen. J.R. Holm voted against the levy.")), "J.R. Holm").type == "PERSON"


def test_the_words_of_a_title_before_a_name_are_no_organisation(nlp):
    """"Deputy Health Minister Sven Arkady": the tagger may call "Health" an organisation; it is part of his
    title (and no alias of the Health Ministry named later)."""
    entities = find_entities(nlp("Deputy Health Minister Sven Arkady said the wards were full. "
                                 "Education Secretary Lina Moor agreed. The Health Ministry gave no figure."))
    assert sorted(e.name for e in entities) == ["Health Ministry", "Lina Moor", "Sven Arkady"]
    assert by_name(entities, "Health Ministry").aliases == []


def test_acronym_merges_with_name(nlp):
    text = "The National Grid Authority warned of outages. The NGA said repairs would take days."
    nga = by_name(find_entities(nlp(text)), "National Grid Authority")
    assert nga.type == "ORG"
    assert "NGA" in nga.aliases
    assert len(nga.spans) == 2


def test_the_and_possessive_are_stripped_and_case_of_group_ignored(nlp):
    text = ("The Harbor Guard sealed the docks. The Harbor Guard's boats patrolled all night. "
            "Later the Osmund group denied involvement, and a spokesman for the Osmund Group left.")
    entities = find_entities(nlp(text))
    guard = by_name(entities, "Harbor Guard")
    assert guard.type == "ORG" and len(guard.spans) == 2
    assert all(text[s:e] == "Harbor Guard" for s, e in guard.spans)
    osmund = by_name(entities, "Osmund Group")
    assert osmund.type == "ORG" and len(osmund.spans) == 2


def test_org_stem_merges_with_group_name(nlp):
    text = "The Osmund Group moved north. Osmund fighters crossed the river on rafts."
    osmund = by_name(find_entities(nlp(text)), "Osmund Group")
    assert "Osmund" in osmund.aliases
    assert len(osmund.spans) == 2


def test_place_rules(nlp):
    text = "The Tarsk-based militia marched on Dravenport, a northern city with 400,000 people."
    entities = find_entities(nlp(text))
    assert by_name(entities, "Tarsk").type == "GPE"
    dravenport = by_name(entities, "Dravenport")
    assert dravenport.type == "GPE"
    assert dravenport.roles == ["northern city with 400,000 people"]


def test_numbers_and_dates_are_not_entities(nlp):
    entities = find_entities(nlp("On Friday, 300 people met for the third time and paid $5 million."))
    assert entities == []


def test_once_advisor_role(nlp):
    text = "Pavel Dorn, once a close advisor to President Lena Varga, left the capital."
    entities = find_entities(nlp(text))
    dorn = by_name(entities, "Pavel Dorn")
    assert dorn.roles == ["close advisor to President Lena Varga"]
    varga = by_name(entities, "Lena Varga")
    assert varga.roles == ["President"]


def test_entity_for_matches_any_form(nlp):
    text = ("Marta Koval, head of the port authority, spoke. The National Grid Authority (NGA) "
            "and the Harbor Guard disagreed.")
    entities = find_entities(nlp(text))
    assert entity_for("Koval", entities).name == "Marta Koval"
    assert entity_for("marta koval's", entities).name == "Marta Koval"
    assert entity_for("the NGA", entities).name == "National Grid Authority"
    assert entity_for("The Harbor Guard's", entities).name == "Harbor Guard"
    assert entity_for("Mayor Marta Koval", entities).name == "Marta Koval"
    assert entity_for("Ivo Brandt", entities) is None


def test_and_and_of_inside_an_organisation_name_and_acronym_alias(nlp):
    text = ("The Kelvar Fire and Ambulance Service (KFAS) said the Ministry of Energy and Mining Affairs "
            "had been told. KFAS crews left at dawn.")
    entities = find_entities(nlp(text))
    kfas = by_name(entities, "Kelvar Fire and Ambulance Service")
    assert kfas.type == "ORG" and "KFAS" in kfas.aliases and len(kfas.spans) == 3
    assert by_name(entities, "Ministry of Energy and Mining Affairs").type == "ORG"
    assert not [e for e in entities if e.name in {"Ambulance Service", "Mining Affairs", "KFAS"}]


def test_company_facility_and_district_types(nlp):
    text = ("Brenn Haulage runs Depot 3 at the Western Wharves and a yard on Mill Lane. Families from the "
            "Oldmoor district were taken to the Kelvar Civic Hall. Brenn managers were questioned.")
    entities = find_entities(nlp(text))
    brenn = by_name(entities, "Brenn Haulage")
    assert brenn.type == "ORG" and "Brenn" in brenn.aliases
    assert by_name(entities, "Depot 3").type == "FAC"
    assert by_name(entities, "Kelvar Civic Hall").type == "FAC"
    assert by_name(entities, "Oldmoor").type in {"LOC", "GPE"}
    assert not [e for e in entities if e.name in {"Depot", "Brenn"}]


def test_entity_spanning_a_preposition_is_split(nlp):
    text = "Police moved families from Oldmoor to the Kelvar Civic Sports Hall on Monday."
    names = {e.name: e.type for e in find_entities(nlp(text))}
    assert "Kelvar Civic Sports Hall" in names and names["Kelvar Civic Sports Hall"] == "FAC"
    assert not any(" to " in name for name in names)


def test_dateline_place_is_a_place_and_gives_no_role(nlp):
    text = ("KELVAR, Ostravia (Ostravia Post) — The Kelvar Porters' Guild said on Monday that Ostravia "
            "would pay. Ostravia declared a holiday.")
    entities = find_entities(nlp(text))
    assert by_name(entities, "Ostravia").type == "GPE"
    guild = by_name(entities, "Kelvar Porters' Guild")
    assert guild.roles == []


def test_curly_and_straight_apostrophes_are_one_key(nlp):
    text = "The Kelvar Porters’ Guild met. Later the Kelvar Porters' Guild walked out."
    [guild] = [e for e in find_entities(nlp(text)) if "Guild" in e.name]
    assert guild.key == "kelvar porters' guild" and len(guild.spans) == 2


def test_multiword_titles_are_whole_roles(nlp):
    text = ("Chief Prosecutor Lina Sova spoke first. Transport Minister Ida Kern and Fire Chief Arno Pell "
            "met Harbour master Olek Tamm.")
    entities = find_entities(nlp(text))
    assert by_name(entities, "Lina Sova").roles == ["Chief Prosecutor"]
    assert by_name(entities, "Ida Kern").roles == ["Transport Minister"]
    assert by_name(entities, "Arno Pell").roles == ["Fire Chief"]
    assert by_name(entities, "Olek Tamm").roles == ["Harbour master"]
    assert not [e for e in entities if e.name == "Harbour"]


def test_offices_written_before_a_name_are_roles(nlp):
    text = ("Attorney General Lina Sova closed the inquiry on Wednesday. Ostravian House Speaker Ida Kern "
            "objected, and House Harbour Committee Chairman Arno Pell asked for a hearing.")
    entities = find_entities(nlp(text))
    assert by_name(entities, "Lina Sova").roles == ["Attorney General"]
    assert by_name(entities, "Ida Kern").roles == ["Ostravian House Speaker"]
    assert by_name(entities, "Arno Pell").roles == ["House Harbour Committee Chairman"]


def test_a_title_in_a_headline_line_is_the_title_alone(nlp):
    text = "Tamm Finally Endorses House Speaker Ida Kern\n\nOlek Tamm backed Kern on Friday."
    assert by_name(find_entities(nlp(text)), "Ida Kern").roles == ["Speaker"]


def test_distances_and_ages_are_not_roles(nlp):
    text = ("\"It was loud,\" said Ida Rusk, 58, who runs a bakery on Mill Lane, about 300 metres from "
            "the depot. Olek Tamm, a ferry pilot, agreed.")
    entities = find_entities(nlp(text))
    assert by_name(entities, "Ida Rusk").roles == []
    assert by_name(entities, "Olek Tamm").roles == ["ferry pilot"]


def test_a_ship_named_in_apposition_is_no_organisation(nlp):
    text = "A ferry moored at the pier, the Morning Gull, was damaged. The Morning Gull later sank."
    assert by_name(find_entities(nlp(text)), "Morning Gull").type == "OTHER"


def test_kind_of_place_makes_a_place(nlp):
    text = ("Floodwater cut off the village of Marren and the town of Ostel Cross. "
            "Tolvik, a small town in the hills, was spared. Marta Koval, a town councillor, said Marren was empty.")
    entities = find_entities(nlp(text))
    for name in ("Marren", "Ostel Cross", "Tolvik"):
        assert by_name(entities, name).type in {"GPE", "LOC"}
    assert by_name(entities, "Marta Koval").type == "PERSON"


def test_place_after_of_is_not_a_short_form_of_the_longer_name(nlp):
    text = "LENMOUTH, Ostravia (Harbour Ledger) — A fire broke out at the Northern Quays of Lenmouth."
    entities = find_entities(nlp(text))
    assert by_name(entities, "Lenmouth").type == "GPE"
    assert by_name(entities, "Northern Quays").type == "FAC"


def test_a_name_folded_into_a_longer_one_is_not_folded_again(nlp):
    # "Marlow House" folds into "Marlow House Office" (its stem) and is also the long form the bare "House"
    # would fold into: it must not be looked up again once it is gone.
    text = ("The Marlow House Office said on Monday that the vote would go ahead. Officials at Marlow House "
            "declined to comment further. The House is due to vote on the harbour levy on Friday, and the House "
            "speaker said Marlow House had been told.")
    by_name = {e.name: e for e in find_entities(nlp(text))}
    assert "Marlow House" in by_name["Marlow House Office"].aliases


def test_title_case_headline_words_do_not_join_a_name(nlp):
    text = ("Mayor Kern Urges Residents To Leave Oldmoor As Floodwater Rises\n\n"
            "Ida Kern, the mayor of Lundra, asked families in Oldmoor to leave on Tuesday. Kern said buses "
            "would run all night from the Oldmoor district.")
    entities = find_entities(nlp(text))
    assert not [e.name for e in entities if "Urges" in e.name or "Rises" in e.name or "Floodwater" in e.name]
    kern = by_name(entities, "Ida Kern")
    headline_end = text.index("\n")
    assert [text[s:e] for s, e in kern.spans if s < headline_end] == ["Kern"]  # found again from the body


def test_a_headline_name_counts_when_the_body_bears_it_out(nlp):
    text = ("Ida Kern Backs Harbour Levy, KFA Objects\n\n"
            "The mayor defended the levy on Monday. Kern said the port needed the money. The Kelvar Freight "
            "Association said its members would not pay.")
    entities = find_entities(nlp(text))
    kern = by_name(entities, "Ida Kern")  # the body's "Kern" is the headline's Ida Kern
    assert kern.type == "PERSON" and "Kern" in kern.aliases
    association = by_name(entities, "Kelvar Freight Association")
    assert "KFA" in association.aliases  # the headline's acronym, named in full in the body
    assert not [e for e in entities if "Backs" in e.name or "Objects" in e.name]


def test_sentence_case_headline_keeps_the_names_it_capitalises(nlp):
    text = ("Storm closes Lundra port for third day\n\n"
            "Ferries stayed in harbour on Wednesday. Marta Koval, the harbour master, said crossings would "
            "resume on Friday.")
    entities = find_entities(nlp(text))
    assert [text[s:e] for s, e in by_name(entities, "Lundra").spans] == ["Lundra"]
    assert not [e for e in entities if e.name == "Storm"]


def test_banner_byline_and_promotion_lines_give_no_entities(nlp):
    text = ("THE KELVAR COURIER\n\n"
            "Storm Shuts Lundra Port For A Third Day\n\n"
            "By Olek Tamm and Ana Ruiz\n\n"
            "The Lundra Harbour Board kept the port closed on Wednesday as the storm moved north. Marta Koval, "
            "the harbour master, said ferries would resume on Friday.\n\n"
            "Sign up for the Kelvar Courier morning newsletter.\n\n"
            "Follow Olek Tamm on Twitter @olektamm.\n\n"
            "Ana Ruiz contributed to this report.\n\n"
            "Photo: Ana Ruiz/Kelvar Courier")
    entities = find_entities(nlp(text))
    names = {e.name for e in entities}
    assert {"Lundra Harbour Board", "Marta Koval"} <= names
    assert not names & {"Olek Tamm", "Ana Ruiz", "Kelvar Courier", "THE KELVAR COURIER", "Twitter"}
    body = text.index("The Lundra"), text.index("Sign up")
    assert all(body[0] <= s < body[1] or s < text.index("By Olek") for e in entities for s, _ in e.spans)


def test_an_outlet_named_in_the_story_stays(nlp):
    text = ("Harbour Talks Stall Again\n\n"
            "Marta Koval told the Kelvar Courier on Monday that talks with the Lundra Harbour Board had stalled.")
    entities = find_entities(nlp(text))
    assert {"Kelvar Courier", "Lundra Harbour Board"} <= {e.name for e in entities}
    assert entity_for("Koval", entities) is not None


def test_headline_and_chrome_spans():
    from storyline.extract.page import chrome_spans, headline_span

    text = "Storm Shuts Lundra Port\n\nBy Ana Ruiz\n\nFerries stayed in harbour on Wednesday as the storm moved north."
    assert headline_span(text) == (0, len("Storm Shuts Lundra Port"))
    assert [text[s:e] for s, e in chrome_spans(text)] == ["By Ana Ruiz"]
    assert headline_span("Storm Shuts Lundra Port\nFerries stayed in harbour on Wednesday as the storm moved "
                         "north and the harbour board said crossings would resume on Friday.") is not None
    # a dateline opens a report, not a headline; a long lede in sentence case is no headline either
    assert headline_span("LUNDRA, Ostravia (Kelvar Courier) — Ferries stayed in harbour.\n\nMore later on.") is None
    assert headline_span("Ferries stayed in harbour on Wednesday as the storm moved north, the harbour board said, "
                         "and crossings would resume on Friday.\n\nMarta Koval said the port would reopen.") is None
    line = "Olek Tamm covers ports for the Courier. Follow him on Twitter @olektamm."
    assert [line[s:e] for s, e in chrome_spans(line)] == ["Follow him on Twitter @olektamm."]
    assert chrome_spans("''Follow us,'' Ms. Koval said, and the crowd walked to the pier.") == []
    # a photograph's credit, with or without spaces around the slash, is no statement of the outlet
    for credit in ("Ida Kern / Reuters.", "Ida Kern/Getty Images", "Ida Kern via Getty Images."):
        text = f"The pier was closed on Friday.\n\n{credit}\n\nFerries stayed in harbour."
        assert [text[s:e] for s, e in chrome_spans(text)] == [credit]
    assert chrome_spans("Kern reported the vote 4 / 3 in favour of the harbour board.") == []


def test_bureau_acronym_and_generic_head_are_one_organisation(nlp):
    text = ("The Calderran Bureau of Investigation opened an inquiry into the fire on Monday. A CBI spokesman "
            "said the bureau would report within a month, and the bureau chief declined to comment.")
    entities = find_entities(nlp(text))
    bureau = by_name(entities, "Calderran Bureau of Investigation")
    assert bureau.type == "ORG" and "CBI" in bureau.aliases
    assert [text[s:e] for s, e in bureau.spans] == ["Calderran Bureau of Investigation", "CBI", "bureau"]
    assert not [e for e in entities if e.name in {"Calderran Bureau", "Investigation", "CBI"}]


def test_department_of_x_and_x_department_and_its_acronym_merge(nlp):
    text = ("The Ostravian Department of Fisheries closed the northern grounds on Tuesday. The Fisheries "
            "Department said trawlers had ignored the quota, and DOF inspectors boarded two boats. The "
            "department will review the ban in May.")
    entities = find_entities(nlp(text))
    fisheries = by_name(entities, "Ostravian Department of Fisheries")
    assert {"Fisheries Department", "DOF"} <= set(fisheries.aliases)
    assert [text[s:e] for s, e in fisheries.spans][-1] == "department"
    assert len([e for e in entities if "Fisheries" in e.name or e.name == "DOF"]) == 1


def test_two_departments_stay_apart_and_the_department_is_neither(nlp):
    text = ("The Fisheries Department and the Transport Department met on Tuesday. The department said the "
            "ferry timetable would change. Later the Department of Transport confirmed it.")
    entities = find_entities(nlp(text))
    fisheries, transport = by_name(entities, "Fisheries Department"), by_name(entities, "Department of Transport")
    assert "Transport Department" in transport.aliases
    department = text.index("department said")
    assert not [e for e in entities for s, _ in e.spans if s == department]
    assert fisheries.aliases == []


def test_agency_acronym_apposition_and_the_agency(nlp):
    text = ("The Kelvar Environmental Protection Agency (KEPA) tested the river on Friday. The agency said the "
            "water was safe, but the agency chief, Ida Kern, urged caution. KEPA will test again next week.")
    entities = find_entities(nlp(text))
    agency = by_name(entities, "Kelvar Environmental Protection Agency")
    assert [text[s:e] for s, e in agency.spans] == ["Kelvar Environmental Protection Agency", "KEPA", "agency",
                                                     "KEPA"]  # not the "agency" of "the agency chief"
    assert entity_for("KEPA", entities) is agency


def test_an_office_named_with_and_ends_before_the_next_office(nlp):
    text = "The Calderran Bureau of Investigation and Justice Ministry officials met on Monday."
    names = {e.name for e in find_entities(nlp(text))}
    assert "Calderran Bureau of Investigation" in names
    assert not [n for n in names if "Investigation and" in n]


def test_an_acronym_offered_after_or_is_the_name_before_it(nlp):
    text = "She said the so-called Kelvar Front, or VANTA, had used Ida Kern in its videos. VANTA denied it."
    front = by_name(find_entities(nlp(text)), "Kelvar Front")
    assert front.aliases == ["VANTA"] and len(front.spans) == 3


def test_a_name_particle_stays_inside_the_name(nlp):
    text = "The video shows the cleric Tariq al-Venn, who was killed in 2011. Al-Venn spoke of war."
    venn = by_name(find_entities(nlp(text)), "Tariq al-Venn")
    assert venn.type == "PERSON" and venn.aliases == ["Al-Venn"]


def test_a_dateline_under_the_headline_names_places_not_organisations(nlp):
    text = "Kern pivots on port plan\n\nMARREN, Ostravia - Four days after the vote in Dravenport, the mayor spoke."
    entities = find_entities(nlp(text))
    assert by_name(entities, "MARREN").type == "GPE"
    assert by_name(entities, "Ostravia").type == "GPE"


def test_a_web_address_line_is_chrome_so_the_headline_under_it_is_read_as_one(nlp):
    text = ("http://www.kelvarpost.example/news/ida-kern-quits\n\nIda Kern Quits Harbour Board\n\n"
            "Mayor Ida Kern has left the harbour board after ten years, officials in Kelvar said on Monday.")
    names = [e.name for e in find_entities(nlp(text))]
    assert "Ida Kern Quits Harbour Board" not in names and "Ida Kern" in names


def test_a_role_is_a_noun_set_beside_the_name_not_one_the_parse_hangs_it_on(nlp):
    entities = find_entities(nlp(
        "I worry about the rhetoric coming from the Tories, particularly Ida Kern, she said. "
        "Her aide, former Senator Olek Tamm, agreed. The port's top adviser Mirek Sarr declined to comment."))
    assert by_name(entities, "Ida Kern").roles == []
    assert "her aide" in by_name(entities, "Olek Tamm").roles or "aide" in by_name(entities, "Olek Tamm").roles
    assert by_name(entities, "Mirek Sarr").roles == ["port's top adviser"]


def test_a_common_given_name_makes_a_person_whatever_the_tagger_said(nlp):
    assert by_name(find_entities(nlp("Supporters of Carly Venn cheered.")), "Carly Venn").type == "PERSON"
    assert by_name(find_entities(nlp("The debate featured Carly Dorran.")), "Carly Dorran").type == "PERSON"
    assert by_name(find_entities(nlp("Crowds filled the Carly Venn Stadium.")), "Carly Venn Stadium").type != "PERSON"


def test_a_word_capitalised_only_for_opening_sentences_is_no_name(nlp):
    text = ("Outright, Ida Kern won the Kelvar vote. She had lost the last one outright to Olek Tamm, "
            "who had the backing of the Dockers Union.")
    assert "Outright" not in [e.name for e in find_entities(nlp(text))]


def test_a_description_after_a_name_opens_right_after_its_comma(nlp):
    entities = find_entities(nlp(
        'Ida Kern, the Labour candidate, tweeted in response: "Sad mistake: Olek Tamm sells ports; our mayors build them." '
        "Rep. Olek Tamm (Lab.), chairman of the harbour committee, agreed. "
        "Rep. Mirek Sarr of Kelvar, a port supporter, did not."))
    assert by_name(entities, "Ida Kern").roles == ["Labour candidate"]
    assert "chairman of the harbour committee" in by_name(entities, "Olek Tamm").roles
    assert "port supporter" in by_name(entities, "Mirek Sarr").roles


def _surname_spans(text, entity, surname="Vasko"):
    return [s for s, e in entity.spans if text[s:e] == surname]


def test_a_shared_surname_is_the_person_the_report_mentions_most(nlp):
    text = ("Anna Vasko opened her campaign in Lundra on Monday. Her husband, Peter Vasko, stayed in Tarsk.\n\n"
            "Vasko said the port would reopen, and Mrs. Vasko promised new jobs.")
    entities = find_entities(nlp(text))
    anna, peter = by_name(entities, "Anna Vasko"), by_name(entities, "Peter Vasko")
    assert [text[s:s + 5] for s in _surname_spans(text, anna)] == ["Vasko", "Vasko"]
    assert not _surname_spans(text, peter)
    assert "Vasko" not in [e.name for e in entities]


def test_a_title_or_the_clauses_pronoun_gives_a_shared_surname_to_the_one_of_that_gender(nlp):
    text = ("Anna Vasko opened her campaign in Lundra on Monday. Her husband, Peter Vasko, stayed in Tarsk.\n\n"
            "Anna Vasko spoke of the port. Mr. Vasko later joined her. Vasko said he would help the campaign.")
    entities = find_entities(nlp(text))
    peter = by_name(entities, "Peter Vasko")
    assert len(_surname_spans(text, peter)) == 2
    assert "Vasko" in peter.aliases


def test_a_given_name_set_beside_a_relative_takes_the_family_name(nlp):
    text = ("Anna Vasko opened her campaign in Lundra on Monday. Vasko's husband, Peter, stayed in Tarsk.\n\n"
            "Vasko said the port would reopen. Later Vasko said as he introduced his wife that she would win.")
    entities = find_entities(nlp(text))
    peter = by_name(entities, "Peter Vasko")
    assert "Peter" in peter.aliases
    assert len(_surname_spans(text, peter)) == 1
    assert len(_surname_spans(text, by_name(entities, "Anna Vasko"))) == 2


def test_names_that_differ_past_the_given_name_share_their_surname_as_before(nlp):
    text = "Anna Vasko spoke in Lundra. Anna M. Vasko, the mayor, agreed. Vasko said the port would reopen."
    names = [e.name for e in find_entities(nlp(text))]
    assert "Anna Vasko" in names and "Anna M. Vasko" in names


def test_a_family_named_by_a_surname_is_a_persons_not_a_place(nlp):
    text = "Ida Kern spoke in Lundra on Monday. The Kern family has run the port for decades, Kern said."
    kern = by_name(find_entities(nlp(text)), "Ida Kern")
    assert kern.type == "PERSON" and "Kern" in kern.aliases


def test_a_shared_surname_alone_names_the_person_mentioned_most(nlp):
    text = ("Peter Vasko toured Lundra. His wife, Anna Vasko, spoke at the port. Mr. Vasko waved.\n\n"
            "Anna Vasko said the port would reopen, and Anna Vasko promised jobs. Vasko said it twice.")
    entities = find_entities(nlp(text))
    assert entity_for("Vasko", entities).name == "Anna Vasko"


def test_a_time_stamp_line_is_chrome_so_the_headline_under_it_is_read_as_one(nlp):
    from storyline.extract.page import chrome_spans

    text = ("http://www.kelvarpost.example/news/ida-kern-quits\n\nPosted May 2, 2031 3: 15 PM ET\n\n"
            "Ida Kern Quits Harbour Board\n\n"
            "Mayor Ida Kern has left the harbour board after ten years, officials in Kelvar said on Monday.")
    assert [text[s:e] for s, e in chrome_spans(text)][1] == "Posted May 2, 2031 3: 15 PM ET"
    assert not chrome_spans("He was 77.\n\nMay 2 vote set for Kelvar")
    names = [e.name for e in find_entities(nlp(text))]
    assert "Ida Kern Quits Harbour Board" not in names and "Ida Kern" in names


def test_a_teams_last_two_words_alone_are_the_team(nlp):
    text = "Fans of the Marren Blue Foxes cheered on Sunday as the Blue Foxes won the league title in Dravenport."
    entities = find_entities(nlp(text))
    foxes = [e for e in entities if "Blue Foxes" in (e.name, *e.aliases)]
    assert len(foxes) == 1 and foxes[0].name == "Marren Blue Foxes" and len(foxes[0].spans) == 2


def test_two_names_joined_by_and_in_one_tagged_span_are_two():
    from storyline.extract.entities import _split_pairs

    text = "Ida Kern and Olek Tamm met on Monday. Later Kern and Tamm spoke. The Kelvar Fish and Game office shut."
    def at(form, label="PERSON", strong=False):
        start = text.index(form)
        return (start, start + len(form), label, strong)

    pair, fish = at("Kern and Tamm"), at("Kelvar Fish and Game", "ORG")
    split = _split_pairs(text, [at("Ida Kern"), at("Olek Tamm"), pair, fish])
    assert [text[s:e] for s, e, _, _ in split] == ["Ida Kern", "Olek Tamm", "Kern", "Tamm", "Kelvar Fish and Game"]
    assert {label for _, _, label, _ in split[2:4]} == {"PERSON"}
    # a strong (rule) span, and one whose halves the report never uses apart, stay whole
    assert _split_pairs(text, [at("Ida Kern"), at("Kern and Tamm", strong=True)])[1] == at("Kern and Tamm", strong=True)
    assert _split_pairs(text, [at("Kern and Tamm")]) == [at("Kern and Tamm")]


def test_a_left_single_quote_as_the_apostrophe_is_a_possessive(nlp):
    """Some archives print ‘ for the apostrophe ("Ruiz‘s campaign"): the name is Ruiz, not "Ruiz‘s"."""
    from storyline.extract.pipeline import extract

    names = [e.name for e in extract("Ana Ruiz‘s campaign said on Monday that the harbour would reopen.").entities]
    assert not any("‘" in n for n in names)


@pytest.mark.parametrize("text, name", [
    ("Armoured cars stood near the Prosecutor General’s Office in Lundra.", "Prosecutor General’s Office"),
    ("Reporters waited outside the Inspector General's Office.", "Inspector General's Office"),
])
def test_an_office_titled_general_is_one_organisation(nlp, text, name):
    """"Prosecutor" is a title before a name ("Prosecutor Ada Brook"), but not before "General": the office's
    name stays whole, and no person "General" comes of it."""
    from storyline.extract.pipeline import extract

    assert [(e.name, e.type) for e in extract(text).entities if e.type != "GPE"] == [(name, "ORG")]


def test_a_curly_apostrophe_is_parsed_as_a_straight_one_and_the_text_kept():
    """"she’ll", "Russia’s": the tagger reads a straight apostrophe in their place (it leaves a curly "’ll"
    unlemmatised), while the report's text and every offset stay as written."""
    from storyline.extract.nlp import doc_text, parse

    text = "Ana Ruiz’s office said she’ll sail on Tuesday."
    doc = parse(text)
    assert doc_text(doc) == text
    assert [t.lemma_ for t in doc if t.text.endswith("ll")] == ["will"]
    assert doc.char_span(0, len("Ana Ruiz’s")) is not None


def test_a_corpus_is_parsed_as_a_report_is():
    """Evaluation and training read a corpus through ``parse_many``, in the form ``parse`` gives a report: the
    curly apostrophe read straight, the text as written kept."""
    from storyline.extract.nlp import doc_text, parse, parse_many

    texts = ["Ana Ruiz’s office said she’ll sail on Tuesday.", "The ferry left Varn."]
    docs = list(parse_many(texts))
    assert [doc_text(d) for d in docs] == texts
    assert [[t.text for t in d] for d in docs] == [[t.text for t in parse(x)] for x in texts]


def test_a_word_capitalised_for_opening_a_quote_is_no_name(nlp):
    # the tagger reads "Realistically" as an adverb; the sentence-opening test misses it behind the quote mark
    text = 'Ida Kern toured the Marren docks.\n\n"Realistically, the pier will not open before May," she said.'
    assert {e.name for e in find_entities(nlp(text))} == {"Ida Kern", "Marren"}


def test_a_web_service_is_never_a_person(nlp):
    text = "Councillor Ida Kern wrote on Quillbook and on Twitter that the Marren pier would reopen."
    twitter = by_name(find_entities(nlp(text)), "Twitter")
    assert twitter.type == "ORG"


@pytest.mark.parametrize("text, name, junk", [
    ("Republican House members in Kelvar met on Monday. The House then adjourned.", "House", "Republican House"),
    ("Ida Kern spoke during the KBC Democratic debate in Marren. KBC later aired it again.", "KBC", "KBC Democratic"),
])
def test_a_party_adjective_is_no_part_of_a_chamber_or_an_outlet(nlp, text, name, junk):
    names = {e.name for e in find_entities(nlp(text))}
    assert name in names and junk not in names


def test_a_titled_name_keeps_its_particles_and_no_trailing_dash(nlp):
    text = ("Ida Kern called upon Mayor Piet van Dorn to reopen the pier. Col. Omar el-Rami agreed. "
            "Two aides - Olek Tamm and former councillor Robert Varga - left.")
    names = {e.name for e in find_entities(nlp(text))}
    assert {"Piet van Dorn", "Omar el-Rami", "Robert Varga"} <= names
    assert not names & {"Piet", "Omar", "Dorn", "Robert Varga -"}


def test_a_description_that_names_no_person_is_no_role_of_a_person(nlp):
    """A misread apposition ("Ida Kern, the worst attack …") gives a person no role; a person's noun does,
    after the words before its preposition ("secretary of …") or a hyphenated noun ("runner-up")."""
    cases = {
        "Ida Kern, the worst attack on the party in years, hurt her.": ("Ida Kern", []),
        "That put Ida Kern, her candidacy on the line, in a bind.": ("Ida Kern", []),
        "Fenwick Tolley, the former secretary of harbour safety, spoke.":
            ("Fenwick Tolley", ["former secretary of harbour safety"]),
        "Olek Tamm, a top outside Kern adviser, spoke.": ("Olek Tamm", ["top outside Kern adviser"]),
        "Mira Sollen, the runner-up to Ida Kern, conceded.": ("Mira Sollen", ["runner-up to Ida Kern"]),
    }
    for text, (name, roles) in cases.items():
        assert by_name(find_entities(nlp(text)), name).roles == roles, text


def test_a_people_takes_no_role(nlp):
    entities = find_entities(nlp("The ruling angered Ostravians, the country's largest minority."))
    assert by_name(entities, "Ostravians").roles == []


def test_a_body_or_a_person_set_beside_a_name_gives_its_type(nlp):
    """ "Brill Dunmore, a law firm": an organisation whatever the tagger said; "Rolf Anders Vey, a 43-year-old
    nurse": a person."""
    firm = by_name(find_entities(nlp("The mayor met Brill Dunmore, a law firm, on Monday.")), "Brill Dunmore")
    assert (firm.type, firm.roles) == ("ORG", ["law firm"])
    text = "Critics blasted Rolf Anders Vey, a 43-year-old nurse, over the claim."
    nurse = by_name(find_entities(nlp(text)), "Rolf Anders Vey")
    assert (nurse.type, nurse.roles) == ("PERSON", ["43-year-old nurse"])


def test_a_bodys_name_goes_on_after_on_or_for_its_subject(nlp):
    text = ("Olek Tamm of the Project on Port Secrecy and Ida Kern, a fellow at the Kelvar Institute for Coastal "
            "Policy, spoke. The Harbour Committee on Tuesday referred her to the Board on Professional Conduct.")
    names = {e.name: e.type for e in find_entities(nlp(text))}
    for name in ("Project on Port Secrecy", "Kelvar Institute for Coastal Policy", "Board on Professional Conduct",
                 "Harbour Committee"):
        assert names[name] == "ORG", names
    assert not any("Tuesday" in name for name in names)


def test_a_judge_of_a_court_is_a_person_then_the_court(nlp):
    text = "Mr. Tamm said the judge, Ida M. Kern of Kelvar District Court, was biased."
    names = {e.name: e.type for e in find_entities(nlp(text))}
    assert names["Ida M. Kern"] == "PERSON" and names["Kelvar District Court"] == "ORG"


def test_a_papers_name_is_an_organisation_and_stays_whole(nlp):
    text = ("The candidate disputed a Politico story. A Harbour Street Journal article found nothing, and "
            "Ida Kern told Meet the Press he was wrong.")
    names = {e.name: e.type for e in find_entities(nlp(text))}
    assert names["Politico"] == "ORG" and names["Harbour Street Journal"] == "ORG"
    assert "Harbour Street" not in names


def test_a_persons_surname_with_scattered_labels_is_the_persons(nlp):
    text = ("Kern acknowledged the error. Prosecutors for Ida Kern said the cases differed. In the Kern case, "
            "Kern lied. Mr. Tamm said that General Kern got in trouble for far less.")
    entities = find_entities(nlp(text))
    kern = by_name(entities, "Ida Kern")
    assert kern.type == "PERSON"
    assert all(e.type == "PERSON" for e in entities if e.name.endswith("Kern"))


def test_an_opening_preposition_and_a_lone_adjective_are_no_names(nlp):
    text = ('Beyond Kelvar, other mayors were not satisfied. Ida Kern says in the spot titled "Dangerous," '
            "that the port is unsafe.")
    names = {e.name for e in find_entities(nlp(text))}
    assert "Beyond Kelvar" not in names and "Dangerous" not in names


def test_a_name_before_a_state_or_described_as_a_home_is_a_place(nlp):
    text = ("Ida Kern got a cold reception outside a Brackwell, New Hampshire, coffee shop on Sunday.\n\n"
            "Dunmoor, home to 22 registered voters, votes at midnight. Olek Tamm spoke in St. Aldric, Minn.")
    entities = find_entities(nlp(text))
    assert by_name(entities, "Brackwell").type == "GPE"
    assert by_name(entities, "Dunmoor").type == "GPE"
    assert by_name(entities, "St. Aldric").type == "GPE"
    assert by_name(entities, "Ida Kern").type == "PERSON"


def test_a_name_joined_by_and_to_a_place_after_in_is_a_place(nlp):
    text = ("He held town halls in Manchester and Marsfield on Monday (the tagger calls Marsfield a person). "
            "After winning narrowly in Iowa, Kern, the former front-runner, rallied.")
    entities = find_entities(nlp(text))
    assert by_name(entities, "Marsfield").type == "GPE"
    assert all(e.type != "GPE" for e in entities if e.name == "Kern")


def test_a_quoted_show_title_is_a_thing_and_an_office_subject_no_body(nlp):
    text = ("Ida Kern was joined by Olek Tamm, star of the reality show “Harbour Bakers.” "
            "Kern jokingly offered the man a job as Secretary of Defense, then left.")
    entities = find_entities(nlp(text))
    assert all(e.type == "OTHER" for e in entities if e.name == "Harbour Bakers")
    assert not [e for e in entities if e.name == "Defense"]
    assert by_name(entities, "Ida Kern").type == "PERSON"


def test_a_common_word_run_into_a_name_before_its_given_name_is_cut(nlp):
    text = ("If Republicans choose to not believe Liar-of the Year Mary Brook, the frauds at the paper will win. "
            "It was a long year. Billionaire Donald Kern spoke.")
    entities = find_entities(nlp(text))
    names = {e.name for e in entities}
    assert "Mary Brook" in names and "Year Mary Brook" not in names
    assert "Billionaire Donald Kern" in names  # "billionaire" is written nowhere in lower case: left whole


def test_a_faith_the_tagger_calls_a_body_is_typed_with_its_people():
    from collections import Counter

    from storyline.extract.entities import _Group, _type_faiths
    groups = {"kelvarism": _Group(Counter({"Kelvarism": 2}), Counter({"ORG": 2})),
              "kelvarismic": _Group(Counter({"Kelvarismic": 3}), Counter({"NORP": 3})),
              "lundra": _Group(Counter({"Lundra": 1}), Counter({"ORG": 1}))}
    _type_faiths(groups)
    assert groups["kelvarism"].strong == "NORP"
    assert groups["lundra"].strong is None  # no people of that name: left as tagged


def test_a_body_written_only_in_capitals_keeps_its_acronyms():
    from storyline.link.entities import body_in_capitals
    assert body_in_capitals("KBC TODAY") == "KBC Today"
    assert body_in_capitals("LUNDRA BOARD OF TRADE") == "Lundra Board of Trade"
    assert body_in_capitals("THE KELVAR TV") == "The Kelvar TV"


def test_a_misspelt_surname_joins_the_person_and_a_namesake_stays_apart(nlp):
    text = ("Former mayor Rupert Kowalczyk said the plan was sound. Kowalczyk spoke for an hour. "
            "Kowalcyzk added that the harbour was safe. Rupert Stavropoulos agreed on Monday. Mr. Stavropolous "
            "said it was late, and Stavropoulos came back. Ada Henderson spoke, and Hendersen, a different man, did not.")
    entities = find_entities(nlp(text))
    names = {e.name for e in entities}
    assert "Kowalcyzk" in by_name(entities, "Rupert Kowalczyk").aliases
    assert "Stavropolous" in by_name(entities, "Rupert Stavropoulos").aliases
    assert "Kowalcyzk" not in names and "Stavropolous" not in names
    assert "Hendersen" not in by_name(entities, "Ada Henderson").aliases  # as often as the name: no misspelling


def test_an_epithet_before_a_given_name_is_a_nickname_of_the_person(nlp):
    text = ("Martha Pellegrino, the senator, spoke on Monday. Her rival called her Crooked Martha twice, "
            "and Crooked Martha was trending. Rand Okafor, not Martha Pellegrino, answered.")
    entities = find_entities(nlp(text))
    martha = by_name(entities, "Martha Pellegrino")
    assert "Crooked Martha" in martha.aliases
    assert "Crooked Martha" not in {e.name for e in entities}


def test_a_title_the_person_no_longer_holds_keeps_its_former(nlp):
    text = ("Former Sen. Tom Vale said the plan was sound. \"Not here,\" former Lenland Gov. Ada Brook said on Monday. "
            "Then-Secretary of State Rob Lind agreed, as did Ex-Mayor Ivo Tan. Gov. Ola Berg said no.")
    entities = find_entities(nlp(text))
    assert by_name(entities, "Tom Vale").roles == ["former Sen."]
    assert by_name(entities, "Ada Brook").roles == ["former Lenland Gov."]
    assert by_name(entities, "Ivo Tan").roles == ["ex-Mayor"]
    assert by_name(entities, "Rob Lind").roles == ["then-Secretary of State"]
    assert by_name(entities, "Ola Berg").roles == ["Gov."]


def test_a_title_keeps_the_name_it_opens_with_and_a_court_district_is_one_name(nlp):
    text = ("Former prosecutor and Port Kelvar City Mayor Ada Brook spoke. Olek Tamm, once attorney for the "
            "Southern District of New York, agreed, as did the Northern District of Texas Judge Ida Kern.")
    entities = find_entities(nlp(text))
    assert "Port Kelvar City Mayor" in by_name(entities, "Ada Brook").roles
    assert "Judge" in by_name(entities, "Ida Kern").roles
    names = {e.name for e in entities}
    assert "Southern District of New York" in names and "Southern District" not in names


def test_a_one_word_name_with_an_adjectives_ending_is_no_entity(nlp):
    text = "Senator Ada Morrow condemned the Islamophobic rhetoric of the Kelvar Party on Tuesday."
    names = {e.name for e in find_entities(nlp(text))}
    assert "Islamophobic" not in names and "Ada Morrow" in names


def test_a_word_opening_a_sentence_or_a_one_word_quote_is_no_name(nlp):
    text = ('The senator spoke on Monday. "Vetting is one thing," Olek Tamm said on the radio. The clip spread. '
            '"Meh," wrote a supporter who runs an account for Tamm.')
    names = {e.name for e in find_entities(nlp(text))}
    assert "Vetting" not in names and "Meh" not in names and "Olek Tamm" in names


def test_a_role_opening_a_sentence_reads_as_it_would_inside_one(nlp):
    text = ("Voters were tired on Monday. Front-runner Ada Brook's top challenger, Sen. Olek Tamm of Kelvar, "
            "spoke for an hour. Tamm left early.")
    roles = by_name(find_entities(nlp(text)), "Olek Tamm").roles
    assert "front-runner Ada Brook's top challenger" in roles and "Sen." in roles


def test_a_numbered_district_keeps_its_state_and_a_building_is_no_event(nlp):
    text = ("In Ostravia's 1st Congressional District, carried narrowly by Ada Kern, supporters won three seats. "
            "Marlow's 11th Congressional district was close. Olek Tamm prosecuted the perpetrators of the first "
            "Harbour Trade Center bombing.")
    entities = find_entities(nlp(text))
    names = {e.name for e in entities}
    assert {"Ostravia's 1st Congressional District", "Marlow's 11th Congressional district"} <= names
    assert "Congressional District" not in names
    for entity in entities:
        assert entity.type != "EVENT" or not entity.name.endswith("Center")
    assert _building_not_event("Harbour Trade Center", "EVENT") == "FAC"  # the tagger's event, on real text
    assert _building_not_event("Harbour Regatta", "EVENT") == "EVENT"


def test_a_show_or_a_firm_named_with_and_friends_or_sons_is_one_name(nlp):
    text = ("Kern added during his appearance on Ostra and Friends that he would run. The firm Dalby & Sons "
            "closed. Ida Brook and Tamm met, and Kelvarians and Democrats agreed.")
    names = {e.name for e in find_entities(nlp(text))}
    assert "Ostra and Friends" in names and "Dalby & Sons" in names
    assert "Friends" not in names and "Sons" not in names


def test_a_word_used_as_a_kind_of_person_is_a_people_not_a_body(nlp):
    text = ("Ada Morrow said that a Latina judge would rule fairly. Olek Tamm said he had never met a Latina on "
            "the bench.")
    assert by_name(find_entities(nlp(text)), "Latina").type == "NORP"


def test_the_town_after_a_broadcasters_call_letters_is_a_place(nlp):
    for text in ('"We have poor choices," Olek Tamm told WKRT-TV of Harmon.',
                 '"We have poor choices," Olek Tamm told KXLO in Everett on Tuesday.'):
        entities = find_entities(nlp(text))
        assert [e.type for e in entities if e.name in {"Harmon", "Everett"}] == ["GPE"]


def test_a_year_run_into_a_place_and_two_places_joined_by_a_hyphen():
    text = "think Olek Tamm in Ostravia 2000 and the Ostravia-Kelvar border"
    start = text.index("Ostravia 2000")
    assert text[start:_without_year(text, start, start + len("Ostravia 2000"))] == "Ostravia"
    pair = text.index("Ostravia-Kelvar")
    spans = _place_pair(text, pair, pair + len("Ostravia-Kelvar"), {"ostravia", "kelvar"})
    assert [text[s:e] for s, e in spans] == ["Ostravia", "Kelvar"]
    assert _place_pair(text, pair, pair + len("Ostravia-Kelvar"), {"ostravia"}) == []


def _groups(candidates, text):
    groups = {}
    for start, end, label, _ in candidates:
        group = groups.setdefault(text[start:end].lower(), _Group())
        group.forms[text[start:end]] += 1
        group.labels[label] += 1
    return groups


def test_a_name_written_in_the_plural_and_before_a_word_for_people_is_a_people(nlp):
    text = "Olek Tamm courted Kelvarino voters in Marlow. Kelvarinos said the rent was too high."
    doc = nlp(text)
    candidates = [(text.index("Olek"), text.index(" courted"), "PERSON", False),
                  (text.index("Kelvarino "), text.index(" voters"), "ORG", False),
                  (text.index("Kelvarinos"), text.index(" said"), "PERSON", False)]
    groups = _groups(candidates, text)
    _type_peoples_by_plural(doc, text, candidates, groups)
    assert groups["kelvarino"].strong == groups["kelvarinos"].strong == "NORP"
    # the same word before a thing is a brand, not a people
    text = "Olek Tamm sold Kelvarino cookies in Marlow. Kelvarinos sold well."
    doc = nlp(text)
    candidates = [(text.index("Kelvarino "), text.index(" cookies"), "ORG", False),
                  (text.index("Kelvarinos"), text.index(" sold well"), "ORG", False)]
    groups = _groups(candidates, text)
    _type_peoples_by_plural(doc, text, candidates, groups)
    assert groups["kelvarino"].strong is None
