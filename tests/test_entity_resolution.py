"""Entity resolution across reports: one story entity per referent, whatever form each outlet used."""

from __future__ import annotations

from storyline.link.entities import clean_name, distinct_roles, merge_entities
from storyline.model import Entity


def ent(name: str, type_: str = "PERSON", aliases=(), roles=(), spans: int = 1) -> Entity:
    return Entity(name.lower(), name, type_, aliases=list(aliases), roles=list(roles),
                  spans=[(i * 10, i * 10 + 5) for i in range(spans)])


def by_name(merged, name):
    found = [e for e in merged if e.name == name]
    assert len(found) == 1, [e.name for e in merged]
    return found[0]


def test_every_form_of_one_person_across_outlets_is_one_entity():
    merged, owner = merge_entities([
        ("wire", [ent("Orla Penhale", aliases=["Penhale"], roles=["harbour master of Lundra"], spans=3)]),
        ("radio", [ent("Penhale", spans=2)]),
        ("daily", [ent("harbour master Orla Penhale")]),
        ("weekly", [ent("Ms. Penhale", roles=["Ms."])]),
        ("gazette", [ent("Orla Penhale’s", roles=["Harbour master"])]),
    ])
    assert len(merged) == 1
    penhale = merged[0]
    assert (penhale.name, penhale.type, penhale.id) == ("Orla Penhale", "PERSON", "e-orla-penhale")
    assert penhale.as_dict()["aliases"] == ["Penhale"]
    assert penhale.roles == ["harbour master of Lundra"]  # "Ms." is no role; the shorter role is said in full
    assert penhale.mentions == 8
    assert {owner[(r, k)] for r, k in owner} == {"e-orla-penhale"} and len(owner) == 5


def test_acronym_merges_with_its_expansion_given_or_not():
    merged, owner = merge_entities([
        ("wire", [ent("Lundra Harbour Board", "ORG", spans=2)]),
        ("radio", [ent("LHB", "ORG")]),
        ("daily", [ent("LHB", "GPE")]),  # the small model's label for a bare acronym varies
        ("weekly", [ent("Kessel Rail Trust", "ORG", aliases=["KRT"])]),
        ("gazette", [ent("KRT", "ORG", spans=3), ent("Lundra Harbour Board", "ORG")]),
    ])
    assert [e.name for e in merged] == ["Lundra Harbour Board", "Kessel Rail Trust"]
    board, trust = merged
    assert board.aliases == {"LHB"} and board.type == "ORG" and board.mentions == 5
    assert trust.aliases == {"KRT"} and trust.mentions == 4
    assert owner[("daily", "lhb")] == board.id and owner[("gazette", "krt")] == trust.id


def test_people_who_share_a_surname_stay_apart():
    merged, _ = merge_entities([
        ("wire", [ent("Edvin Sarr", aliases=["Sarr"], roles=["Transport Minister"], spans=4)]),
        ("radio", [ent("Agnes Sarr", aliases=["Sarr"], roles=["deputy mayor"], spans=2)]),
    ])
    assert [e.name for e in merged] == ["Edvin Sarr", "Agnes Sarr"]
    assert merged[0].roles == ["Transport Minister"] and merged[1].roles == ["deputy mayor"]


def test_an_ambiguous_surname_goes_to_the_one_in_the_same_report_else_the_most_mentioned():
    merged, owner = merge_entities([
        ("wire", [ent("Edvin Sarr", aliases=["Sarr"], spans=4)]),
        ("radio", [ent("Agnes Sarr", spans=1), ent("Sarr", spans=1)]),
        ("daily", [ent("Sarr", spans=1)]),
        ("weekly", [ent("A. Sarr", spans=1)]),
    ])
    edvin, agnes = by_name(merged, "Edvin Sarr"), by_name(merged, "Agnes Sarr")
    assert len(merged) == 2
    assert owner[("radio", "sarr")] == agnes.id  # named in full in the same report
    assert owner[("daily", "sarr")] == edvin.id  # mentioned most in the story
    assert owner[("weekly", "a. sarr")] == agnes.id  # the initial fits only her


def test_a_surname_nobody_spells_out_is_one_entity_across_reports():
    merged, owner = merge_entities([("wire", [ent("Holm", spans=2)]), ("radio", [ent("Holm")])])
    assert len(merged) == 1 and merged[0].mentions == 3
    assert owner[("wire", "holm")] == owner[("radio", "holm")]


def test_company_stem_merges_but_a_common_first_word_does_not():
    merged, _ = merge_entities([
        ("wire", [ent("Tarnwick Haulage", "ORG", spans=2), ent("Port Lundra Authority", "ORG")]),
        ("radio", [ent("Tarnwick", "ORG"), ent("Port", "ORG")]),
    ])
    assert [e.name for e in merged] == ["Tarnwick Haulage", "Port Lundra Authority", "Port"]
    assert merged[0].aliases == {"Tarnwick"}


def test_a_place_is_not_taken_for_a_person_with_that_surname():
    merged, _ = merge_entities([
        ("wire", [ent("Ilse Marrow", spans=2)]),
        ("radio", [ent("Marrow", "GPE", spans=3)]),
    ])
    assert sorted((e.name, e.type) for e in merged) == [("Ilse Marrow", "PERSON"), ("Marrow", "GPE")]


def test_same_full_name_merges_whatever_the_labels_and_keeps_the_majority_label():
    merged, _ = merge_entities([
        ("wire", [ent("Brisk Ferries", "PERSON")]),
        ("radio", [ent("Brisk Ferries", "ORG", spans=3)]),
        ("daily", [ent("Brisk Ferries’", "ORG")]),
    ])
    assert len(merged) == 1 and merged[0].type == "ORG" and merged[0].name == "Brisk Ferries"


def test_the_fullest_name_wins_and_a_capitalised_dateline_form_is_only_an_alias():
    merged, _ = merge_entities([
        ("wire", [ent("LUNDRA", "GPE")]),
        ("radio", [ent("Lundra", "GPE", spans=2)]),
    ])
    assert len(merged) == 1 and merged[0].name == "Lundra" and merged[0].as_dict()["aliases"] == []


def test_aliases_are_not_repeated_in_another_apostrophe():
    merged, _ = merge_entities([
        ("wire", [ent("Lundra Dockers' Union", "ORG", aliases=["LDU"])]),
        ("radio", [ent("Lundra Dockers’ Union", "ORG", aliases=["LDU"])]),
    ])
    assert len(merged) == 1 and merged[0].aliases == {"LDU"}


def test_roles_merge_across_outlets_with_acronyms_spelt_out():
    merged, _ = merge_entities([
        ("wire", [ent("Lundra Dockers' Union", "ORG", aliases=["LDU"]),
                  ent("Bram Oduya", roles=["general secretary of the LDU"])]),
        ("radio", [ent("Bram Oduya", roles=["union's general secretary"])]),
        ("daily", [ent("Bram Oduya", roles=["general secretary of the Lundra Dockers' Union", "Mr."])]),
    ])
    assert by_name(merged, "Bram Oduya").roles == ["general secretary of the Lundra Dockers' Union"]


def test_distinct_roles_keeps_the_fuller_wording():
    assert distinct_roles(["Mayor", "mayor of Lundra", "director of the clinic", "director of Lundra Clinic",
                           "Dr."]) == ["mayor of Lundra", "director of Lundra Clinic", "Dr."]


def test_distinct_roles_reads_a_titles_abbreviation_as_its_word():
    assert distinct_roles(["Senator", "Sen.", "Lenland Gov.", "Governor of Lenland", "former Gov."]) == [
        "Senator", "Governor of Lenland", "former Gov."]


def test_clean_name_takes_titles_off_people_only():
    assert clean_name("harbour master Orla Penhale", "PERSON") == ("Orla Penhale", ["harbour master"])
    assert clean_name("Lieutenant Commander Ida Brell", "PERSON") == ("Ida Brell", ["Lieutenant Commander"])
    assert clean_name("Dr. Ida Brell", "PERSON") == ("Ida Brell", ["Dr."])
    assert clean_name("the Ministry of Ports", "ORG") == ("Ministry of Ports", [])
    assert clean_name("Sarr", "PERSON") == ("Sarr", [])


def test_result_does_not_depend_on_report_order():
    reports = [
        ("a", [ent("Edvin Sarr", aliases=["Sarr"], spans=4), ent("Lundra Harbour Board", "ORG")]),
        ("b", [ent("Agnes Sarr", spans=2), ent("LHB", "ORG")]),
        ("c", [ent("Sarr"), ent("Penhale")]),
        ("d", [ent("Orla Penhale")]),
    ]

    def grouping(per_report):
        merged, owner = merge_entities(per_report)
        names = {e.id: e.name for e in merged}
        return {k: names[v] for k, v in owner.items()}

    assert grouping(reports) == grouping(list(reversed(reports)))


def test_an_office_in_either_order_and_its_acronym_is_one_entity_across_reports():
    merged, owner = merge_entities([
        ("wire", [ent("Fisheries Department", "ORG", spans=2)]),
        ("radio", [ent("Department of Fisheries", "ORG")]),
        ("daily", [ent("DOF", "ORG", spans=3)]),
        ("weekly", [ent("Department of Transport", "ORG"), ent("Transport Department", "ORG")]),
    ])
    assert [e.name for e in merged] == ["Department of Fisheries", "Department of Transport"]  # the fuller
    fisheries, transport = merged
    assert fisheries.mentions == 6 and fisheries.aliases == {"Fisheries Department", "DOF"}
    assert owner[("daily", "dof")] == fisheries.id and transport.aliases == {"Transport Department"}


def test_offices_of_different_places_stay_apart_across_reports():
    merged, _ = merge_entities([
        ("wire", [ent("Ostravian Department of Fisheries", "ORG")]),
        ("radio", [ent("Kelvar Fisheries Department", "ORG")]),
    ])
    assert len(merged) == 2


def test_org_name_variants_and_initials():
    from storyline.link.entities import org_initials, org_name_variants

    assert org_name_variants("the Department of Fisheries") == ["Fisheries Department"]
    assert org_name_variants("Ostravian Harbour Department") == ["Ostravian Department of Harbour",
                                                                 "Department of Ostravian Harbour"]
    assert "Fisheries Department" in org_name_variants("Ostravian Department of Fisheries", bare=True)
    assert org_name_variants("Ministry of Energy and Mining") == []
    assert org_initials("Department of Fisheries") == {"DF", "DOF"}
    assert org_initials("Calderran Bureau of Investigation") == {"CBI", "CBOI"}


def test_a_middle_initial_or_middle_name_is_one_person_with_the_plain_name():
    merged, _ = merge_entities([
        ("wire", [ent("Orla J. Penhale", spans=2)]),
        ("radio", [ent("Orla Penhale")]),
        ("daily", [ent("Orla Jane Penhale")]),
    ])
    assert [(e.name, e.mentions) for e in merged] == [("Orla Jane Penhale", 4)]


def test_a_nickname_in_quotes_and_a_leading_initial_drop_to_the_plain_name():
    merged, _ = merge_entities([
        ("wire", [ent('Tam "The Hook" Varga'), ent("R. Ilse Dorn Sr.")]),
        ("radio", [ent("Tam Varga"), ent("Ilse Dorn Sr")]),
    ])
    assert sorted(e.name for e in merged) == ["R. Ilse Dorn Sr.", 'Tam "The Hook" Varga']


def test_different_middle_initials_stay_apart_and_a_suffix_tells_a_son_apart():
    merged, _ = merge_entities([
        ("wire", [ent("Ansel K. Rudd"), ent("Bran Oakes")]),
        ("radio", [ent("Ansel M. Rudd"), ent("Bran Oakes Jr.")]),
    ])
    assert sorted(e.name for e in merged) == ["Ansel K. Rudd", "Ansel M. Rudd", "Bran Oakes", "Bran Oakes Jr."]


def test_an_abbreviation_with_stops_is_the_place_or_organisation_it_abbreviates():
    merged, owner = merge_entities([
        ("wire", [ent("Ostravian Republic", "GPE", spans=2), ent("Kelvar Ports Authority", "ORG")]),
        ("radio", [ent("O.R", "GPE"), ent("K.P.A.", "GPE")]),
    ])
    assert [(e.name, sorted(e.aliases)) for e in merged] == [("Ostravian Republic", ["O.R"]),
                                                              ("Kelvar Ports Authority", ["K.P.A."])]


def test_a_bare_acronym_is_no_place_by_its_initials():
    merged, _ = merge_entities([("wire", [ent("Sarn Abbey", "GPE")]), ("radio", [ent("SA", "ORG")])])
    assert sorted(e.name for e in merged) == ["SA", "Sarn Abbey"]


def test_a_given_name_alone_is_the_one_person_it_opens_when_no_surname_fits():
    merged, owner = merge_entities([
        ("wire", [ent("Orla Penhale", spans=3), ent("Ansel Rudd", spans=2), ent("Ansel Dorn")]),
        ("radio", [ent("Orla"), ent("Ansel")]),
    ])
    assert owner["radio", "orla"] == owner["wire", "orla penhale"]
    assert owner["radio", "ansel"] not in {owner["wire", "ansel rudd"], owner["wire", "ansel dorn"]}


def test_a_surname_beats_a_given_name():
    merged, owner = merge_entities([
        ("wire", [ent("Paul Varga", spans=3), ent("Rand Paul", spans=2)]),
        ("radio", [ent("Paul")]),
    ])
    assert owner["radio", "paul"] == owner["wire", "rand paul"]


def test_a_country_by_its_other_names_is_one_place():
    merged, owner = merge_entities([
        ("wire", [ent("United States", "GPE", spans=3), ent("Orla Penhale")]),
        ("radio", [ent("America", "GPE"), ent("US", "GPE")]),
        ("daily", [ent("U.S.", "GPE")]),
    ])
    united = by_name(merged, "United States")
    assert united.aliases >= {"America", "US", "U.S."} and len(merged) == 2
    # without the full name, "America" and "U.S." are still one place; "America" as a person stays apart
    merged, _ = merge_entities([("wire", [ent("America", "GPE")]), ("radio", [ent("U.S.", "GPE"), ent("America")])])
    assert sorted((e.name, e.type) for e in merged) == [("America", "GPE"), ("America", "PERSON")]


def test_a_state_abbreviation_is_the_state():
    merged, _ = merge_entities([
        ("wire", [ent("Fla.", "GPE"), ent("Tex", "GPE")]),
        ("radio", [ent("Florida", "GPE", spans=2), ent("Miss", "PERSON")]),
    ])
    assert by_name(merged, "Florida").aliases == {"Fla."}
    # no Texas named in full: the abbreviation alone is named as the state it stands for; a person is no state
    assert {e.name for e in merged} == {"Florida", "Texas", "Miss"}
    assert by_name(merged, "Texas").aliases == {"Tex"}


def test_a_familiar_given_name_is_the_formal_one():
    merged, _ = merge_entities([
        ("wire", [ent("Fred Amberlane", aliases=["Amberlane"], spans=2), ent("Katie Dorrow")]),
        ("radio", [ent("Frederick C. Amberlane")]),
        ("daily", [ent("Kathryn Dorrow"), ent("Frieda Amberlane")]),
    ])
    assert sorted(sorted({e.name, *e.aliases}) for e in merged) == [
        ["Amberlane", "Fred Amberlane", "Frederick C. Amberlane"], ["Frieda Amberlane"],
        ["Kathryn Dorrow", "Katie Dorrow"]]


def test_british_and_american_spellings_of_a_name_are_one_name():
    merged, _ = merge_entities([("wire", [ent("Veyra Arts Centre", "FAC")]),
                                ("radio", [ent("Veyra Arts Center", "FAC")])])
    assert len(merged) == 1


def test_an_abbreviation_with_stops_and_without_is_one_entity_when_nothing_longer_fits():
    merged, _ = merge_entities([("wire", [ent("K.F.A.", "ORG")]), ("radio", [ent("KFA", "ORG", spans=2)])])
    assert len(merged) == 1 and {merged[0].name, *merged[0].aliases} == {"KFA", "K.F.A."}


def test_the_names_of_one_organisation_that_share_no_letters_are_one_entity():
    # the shipped facts: ISIS, ISIL and the Islamic State are one group, whatever type each report gave it
    merged, _ = merge_entities([
        ("wire", [ent("Islamic State", "ORG", spans=2), ent("Ostrava Relief", "ORG")]),
        ("radio", [ent("ISIL", "NORP")]),
        ("daily", [ent("ISIS", "ORG", spans=3)]),
    ])
    group = by_name(merged, "Islamic State")
    assert {group.name, *group.aliases} == {"Islamic State", "ISIL", "ISIS"}
    assert len(merged) == 2


def test_a_place_in_a_datelines_capitals_is_written_as_the_body_would():
    merged, _ = merge_entities([("wire", [ent("MARREN", "GPE"), ent("KFA", "ORG")])])
    assert sorted(e.name for e in merged) == ["KFA", "Marren"]


def test_a_word_run_in_before_a_persons_given_name_is_no_part_of_it():
    merged, _ = merge_entities([
        ("wire", [ent("Coroner Gary Tamworth", aliases=["Tamworth"], spans=2)]),
        ("radio", [ent("Gary Tamworth")]),
        ("daily", [ent("Mary Ann Tamworth")]),  # a second given name is no run-in word
    ])
    assert sorted(e.name for e in merged) == ["Gary Tamworth", "Mary Ann Tamworth"]
    assert by_name(merged, "Gary Tamworth").aliases == {"Tamworth"}


def test_a_surname_with_its_particle_is_the_persons():
    merged, _ = merge_entities([
        ("wire", [ent("Piet de Varga", roles=["Mayor"])]),
        ("radio", [ent("De Varga", spans=2), ent("Al Tamworth"), ent("Tamworth")]),
    ])
    varga = by_name(merged, "Piet de Varga")
    assert varga.aliases == {"De Varga"} and varga.roles == ["Mayor"]
    assert by_name(merged, "Al Tamworth").aliases == {"Tamworth"}


def test_a_peoples_singular_and_plural_are_one():
    merged, _ = merge_entities([
        ("wire", [ent("Ostravian", "NORP", spans=3)]),
        ("radio", [ent("Ostravians", "NORP"), ent("Swiss", "NORP")]),
    ])
    assert len(merged) == 2 and "Swiss" in {e.name for e in merged}
    people = next(e for e in merged if e.name != "Swiss")
    assert {people.name, *people.aliases} == {"Ostravian", "Ostravians"}


def test_a_peoples_two_word_singular_and_plural_are_one():
    """ "Kelvarian Muslims" and "Kelvarian Muslim" too; a singular that is no people ("Kelvarian Press", an
    organisation) stays apart."""
    merged, _ = merge_entities([
        ("wire", [ent("Kelvarian Muslim", "NORP"), ent("Kelvarian Press", "ORG")]),
        ("radio", [ent("Kelvarian Muslims", "NORP", spans=2)]),
    ])
    assert sorted(e.name for e in merged) == ["Kelvarian Muslims", "Kelvarian Press"]
    assert by_name(merged, "Kelvarian Muslims").aliases == {"Kelvarian Muslim"}


def test_a_peoples_or_partys_adjective_in_ic_is_its_noun():
    """"Kelvarocratic" beside "Kelvarocrat" and "Kelvarocrats" (as "Democratic", "Democrat"): one party."""
    merged, _ = merge_entities([
        ("wire", [ent("Kelvarocrats", "NORP", spans=2), ent("Kelvarocratic", "NORP")]),
        ("radio", [ent("Kelvarocrat", "NORP"), ent("Ostravian", "NORP")]),
    ])
    assert len(merged) == 2
    party = by_name(merged, "Kelvarocrats")
    assert party.aliases == {"Kelvarocrat", "Kelvarocratic"}
    merged, _ = merge_entities([("wire", [ent("Ostravanics", "NORP")]), ("radio", [ent("Ostravanic", "NORP")])])
    assert [(e.name, e.aliases) for e in merged] == [("Ostravanics", {"Ostravanic"})]  # a plural of one in -ic


def test_a_states_nickname_and_postal_code_are_the_state():
    merged, _ = merge_entities([
        ("wire", [ent("New Hampshire", "GPE", spans=4), ent("Texas", "GPE", spans=2)]),
        ("radio", [ent("Granite State", "ORG"), ent("NH", "OTHER"), ent("TX", "GPE")]),
    ])
    assert sorted(e.name for e in merged) == ["New Hampshire", "Texas"]
    assert by_name(merged, "New Hampshire").aliases == {"Granite State", "NH"}
    assert by_name(merged, "Texas").aliases == {"TX"}


def test_two_papers_that_share_a_last_word_stay_apart():
    merged, _ = merge_entities([
        ("wire", [ent("Lundra Times", "ORG", spans=3)]),
        ("daily", [ent("Orrin Times", "ORG")]),
    ])
    assert sorted(e.name for e in merged) == ["Lundra Times", "Orrin Times"]


def test_a_body_written_only_in_capitals_is_shown_with_its_acronym_kept():
    merged, _ = merge_entities([("wire", [ent("KBC TODAY", "ORG")]), ("radio", [ent("PORT VEYRA", "GPE")])])
    assert {e.name for e in merged} == {"KBC Today", "Port Veyra"}


def test_a_body_named_with_a_possessive_inside_is_the_body_named_without_it():
    merged, _ = merge_entities([("wire", [ent("Kelvar's Labour Party", "ORG")]),
                                ("radio", [ent("Kelvar Labour Party", "ORG"), ent("Kelvar's Harbour Board", "ORG")]),
                                ("paper", [ent("Kelvar Port Board", "ORG")])])
    assert len([e for e in merged if "Labour" in e.name]) == 1
    assert len([e for e in merged if "Board" in e.name]) == 2


def test_a_given_name_the_tagger_took_for_a_body_joins_the_one_person_it_opens():
    merged, owner = merge_entities([
        ("wire", [ent("Martha Penhale", aliases=["Penhale"], spans=3), ent("Lundra Harbour Board", "ORG")]),
        ("radio", [ent("Martha", "ORG"), ent("Penhale")]),
    ])
    assert owner[("radio", "martha")] == "e-martha-penhale"
    assert by_name(merged, "Martha Penhale").type == "PERSON"
    assert "Martha" not in {e.name for e in merged}
