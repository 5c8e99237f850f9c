"""Entities: one per referent, with aliases, roles and every occurrence."""

from storyline.extract.entities import entity_for, find_entities


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
