"""The kept story entities (``EntityIndex``): report by report, with superseded revisions taken out, equal to
merging the current reports afresh; and what it says changed is what changed."""

from __future__ import annotations

import pickle
import random

from storyline.link.entities import EntityIndex, merge_entities
from storyline.model import Entity

# few names, so that forms collide: shared surnames, one name under several labels, offices in both orders,
# acronyms that fit two organisations, roles that spell an acronym out or not
FIRST = ["Marta", "Mirek", "Ilse", "Bram"]
LAST = ["Koval", "Sarr", "Penhale"]
ORGS = ["Lundra Harbour Board", "Lundra Housing Bureau", "Kessel Rail Trust", "Tarnwick Haulage"]
OFFICES = ["Department of Ports", "Ports Department", "DOP", "DP", "Ministry of Ports"]
PLACES = ["Lundra", "Kessel", "LUNDRA", "Koval"]
ROLES = ["harbour master", "chair of the LHB", "chair of the Lundra Harbour Board", "Ms.", "deputy mayor"]


def synthetic_report(rng: random.Random) -> list[Entity]:
    """One report's entities, a key at most once (as extraction gives them), now and then once more."""
    entities = []
    for _ in range(rng.randint(1, 6)):
        kind = rng.random()
        aliases, roles = [], []
        if kind < 0.45:
            first, last = rng.choice(FIRST), rng.choice(LAST)
            name = rng.choice([f"{first} {last}", last, f"Ms. {last}", f"{first[0]}. {last}",
                               f"harbour master {first} {last}", f"{first} {last}’s"])
            type_ = rng.choice(["PERSON"] * 5 + ["ORG", "GPE"])
            aliases = [last] if " " in name and rng.random() < 0.3 else []
        elif kind < 0.7:
            org = rng.choice(ORGS)
            initials = "".join(w[0] for w in org.split())
            name = rng.choice([org, f"the {org}", initials, org.split()[0]])
            type_ = rng.choice(["ORG"] * 4 + ["NORP", "PERSON", "GPE"])
            aliases = [initials] if name == org and rng.random() < 0.4 else []
        elif kind < 0.85:
            name, type_ = rng.choice(OFFICES), rng.choice(["ORG", "ORG", "GPE"])
            aliases = ["Ports Department"] if name == "Department of Ports" and rng.random() < 0.3 else []
        else:
            name, type_ = rng.choice(PLACES), rng.choice(["GPE", "GPE", "LOC", "PERSON"])
        if rng.random() < 0.4:
            roles = [rng.choice(ROLES)]
        spans = [(i * 30, i * 30 + len(name)) for i in range(rng.randint(0, 4))]
        entities.append(Entity(" ".join(name.lower().split()), name, type_, aliases, roles, spans))
    unique = list({e.key: e for e in entities}.values())
    return unique + entities[:1] if rng.random() < 0.05 else unique


def synthetic_story(seed: int, reports: int) -> list[tuple[str, list[Entity]]]:
    rng = random.Random(seed)
    return [(f"r{n}", synthetic_report(rng)) for n in range(reports)]


def plain(result) -> tuple[list[dict], dict]:
    entities, entity_of = result
    return [e.as_dict() for e in entities], entity_of


def replay(seed: int, reports: int = 24):
    """Add a shuffled story's reports one by one, now and then removing a current one (a revision superseded
    it) or passing the index through pickle as a kept ledger does; yields the index and the current reports
    in the order they were added after every step."""
    rng = random.Random(seed)
    story = synthetic_story(seed, reports)
    rng.shuffle(story)
    index, current = EntityIndex(), []
    for report in story:
        if current and rng.random() < 0.25:
            gone = current.pop(rng.randrange(len(current)))
            index.remove(gone[0])
            yield index, current
        index.add(*report)
        current.append(report)
        if rng.random() < 0.2:
            index = pickle.loads(pickle.dumps(index))
        yield index, current


def test_kept_index_equals_a_fresh_merge_after_every_addition_and_removal():
    for seed in range(20):
        for index, current in replay(seed):
            assert plain(index.result()) == plain(merge_entities(current)), seed


def test_a_removed_revision_leaves_what_merging_without_it_gives():
    first = ("wire-1", [Entity("marta koval", "Marta Koval", "PERSON", spans=[(0, 11)]),
                        Entity("lhb", "LHB", "ORG", spans=[(20, 23)])])
    radio = ("radio", [Entity("koval", "Koval", "PERSON", spans=[(0, 5), (9, 14)]),
                       Entity("lundra harbour board", "Lundra Harbour Board", "ORG", spans=[(30, 50)])])
    second = ("wire-2", [Entity("mirek koval", "Mirek Koval", "PERSON", spans=[(0, 11)] * 3),
                         Entity("lhb", "LHB", "ORG", spans=[(20, 23)])])
    index = EntityIndex()
    for report in (first, radio):
        index.add(*report)
    assert index.result()[1][("radio", "koval")] == "e-marta-koval"
    index.remove("wire-1")
    index.add(*second)
    entities, entity_of = index.result()
    assert plain((entities, entity_of)) == plain(merge_entities([radio, second]))
    assert entity_of[("radio", "koval")] == "e-mirek-koval"  # Marta is no longer named anywhere
    assert ("wire-1", "marta koval") not in entity_of


def truth(result) -> tuple[dict, dict]:
    """Story entity id → (name, members); (report id, key) → (id, name)."""
    entities, entity_of = result
    names = {e.id: e.name for e in entities}
    members = {}
    for pair, ident in entity_of.items():
        members.setdefault(ident, set()).add(pair)
    return ({i: (n, frozenset(members.get(i, ()))) for i, n in names.items()},
            {pair: (i, names[i]) for pair, i in entity_of.items()})


def test_changed_names_every_entity_and_pair_that_changed_and_only_the_pairs_that_did():
    for seed in range(40):
        before = ({}, {})
        for index, current in replay(seed):
            if random.Random(len(current) + seed).random() < 0.4:
                continue  # several steps between two reads
            changes = index.changed()
            now = truth(index.result())
            entities = {i for i in before[0].keys() | now[0].keys() if before[0].get(i) != now[0].get(i)}
            pairs = {p for p in before[1].keys() | now[1].keys() if before[1].get(p) != now[1].get(p)}
            assert entities <= changes.entities, seed
            assert changes.pairs == pairs, seed
            before = now


def test_changed_after_adding_a_report_is_what_it_touched():
    index = EntityIndex()
    index.add("wire", [Entity("marta koval", "Marta Koval", "PERSON"), Entity("lundra", "Lundra", "GPE")])
    first = index.changed()
    assert first.entities == {"e-marta-koval", "e-lundra"}
    assert first.pairs == {("wire", "marta koval"), ("wire", "lundra")}
    index.add("radio", [Entity("koval", "Koval", "PERSON")])
    second = index.changed()
    assert second.entities == {"e-marta-koval"} and second.pairs == {("radio", "koval")}
    assert index.changed().entities == set() and index.changed().pairs == set()
    index.add("daily", [Entity("mirek koval", "Mirek Koval", "PERSON", spans=[(0, 1)] * 4),
                        Entity("koval", "Koval", "PERSON")])
    third = index.changed()
    # Mirek is mentioned most now: the radio's bare "Koval" goes to him
    assert index.result()[1][("radio", "koval")] == "e-mirek-koval"
    assert {"e-marta-koval", "e-mirek-koval"} <= third.entities and "e-lundra" not in third.entities
    assert third.pairs == {("radio", "koval"), ("daily", "koval"), ("daily", "mirek koval")}
    index.remove("daily")
    fourth = index.changed()
    assert index.result()[1][("radio", "koval")] == "e-marta-koval"
    assert fourth.pairs == {("radio", "koval"), ("daily", "koval"), ("daily", "mirek koval")}
    assert "e-mirek-koval" in fourth.entities and "e-lundra" not in fourth.entities


def test_a_new_name_that_changes_an_entitys_display_name_changes_its_pairs():
    index = EntityIndex()
    index.add("wire", [Entity("sarr", "Sarr", "PERSON")])
    index.changed()
    index.add("radio", [Entity("agnes sarr", "Agnes Sarr", "PERSON")])
    changes = index.changed()
    assert changes.entities == {"e-sarr", "e-agnes-sarr"}
    assert changes.pairs == {("wire", "sarr"), ("radio", "agnes sarr")}


def test_an_index_rejects_a_report_added_twice():
    index = EntityIndex()
    index.add("wire", [Entity("lundra", "Lundra", "GPE")])
    try:
        index.add("wire", [])
    except ValueError:
        pass
    else:
        raise AssertionError("a report added twice must be refused")


def test_removing_a_label_vote_that_a_later_alias_looked_at_merges_again():
    """Marta Koval is labelled an organisation most by the radio; the daily's "Marta Vell Koval", given
    "Marta Koval" as an alias, is a person, so it stays apart. Without the radio's report it joins her."""
    wire = ("wire", [Entity("marta koval", "Marta Koval", "PERSON", spans=[(0, 11)])])
    radio = ("radio", [Entity("marta koval", "Marta Koval", "ORG", spans=[(0, 11)] * 3)])
    daily = ("daily", [Entity("marta vell koval", "Marta Vell Koval", "PERSON", aliases=["Marta Koval"])])
    index = EntityIndex()
    for report in (wire, radio, daily):
        index.add(*report)
    assert len(index.result()[0]) == 2
    index.changed()
    index.remove("radio")
    entities, entity_of = index.result()
    assert plain((entities, entity_of)) == plain(merge_entities([wire, daily]))
    assert len(entities) == 1 and entity_of[("daily", "marta vell koval")] == entity_of[("wire", "marta koval")]
    changes = index.changed()  # she is called by her fuller name now; the daily's pair is as it was
    assert changes.pairs == {("wire", "marta koval"), ("radio", "marta koval")}
    assert {"e-marta-koval", "e-marta-vell-koval"} <= changes.entities
