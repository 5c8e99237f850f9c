"""Story entities as a story grows: one full ``merge_entities`` and the kept ``EntityIndex`` per added report.

Synthetic story, shaped on what extraction gives for real wire copy (about 12 entities a report, four in ten
of them short forms, a few with aliases, two spans each): a cast of fictional people, organisations, offices,
companies and places that grows as the story does (about two newcomers a report), the recurring ones drawn
most often (weights 1/rank). Each appearance takes one of the forms outlets use: full name, surname,
honorific and surname, initial and surname, a title before the name, a possessive, an acronym, an office's
name in the other order, a company's stem; one label in ten is wrong, as the small model's often are.

Prints one JSON line: for 50, 200 and 800 reports, the median time of one full merge (``merge_entities``,
what every read costs without a kept index), and on a kept ``EntityIndex`` the mean time of adding the next
report, or of superseding an earlier one by a revision, each followed by ``result()`` and ``changed()``; and
the size of the pickled index and the time to load it. Times are CPU time (``time.process_time``), steadier
than wall time on a shared machine.

    .venv/bin/python benchmarks/bench_entities.py [--reports 50 200 800] [--seed 3] [--repeat 5] [--steps 20]
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import statistics
import time

from storyline.link.entities import EntityIndex, merge_entities
from storyline.model import Entity

SYLLABLES = ["ka", "lo", "mi", "ren", "dor", "sa", "vel", "tin", "pra", "mu", "ost", "el", "gar", "wen", "ti", "bo",
             "nes", "ra", "quil", "ha"]
TITLES = ["harbour master", "Interior Minister", "deputy mayor", "Chief Inspector", "spokeswoman"]
ORG_TAILS = ["Harbour Board", "Rail Trust", "Dockers' Union", "Relief Council", "Water Authority"]
COMPANY_TAILS = ["Logistics", "Shipping", "Holdings", "Freight", "Airways"]
OFFICES = ["Fisheries", "Transport", "Ports", "Health", "Energy", "Justice"]
WRONG = {"PERSON": "ORG", "ORG": "PERSON", "GPE": "ORG"}


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()


class Cast:
    """The referents of one synthetic story and the forms outlets write them in."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.members: list[tuple[str, tuple]] = []
        self.surnames: list[str] = []

    def newcomer(self) -> tuple[str, tuple]:
        r = self.rng
        kind = r.choices(["person", "org", "company", "office", "place"], [5, 2, 1, 1, 3])[0]
        if kind == "person":
            surname = r.choice(self.surnames) if self.surnames and r.random() < 0.1 else word(r)
            self.surnames.append(surname)
            member = (kind, (word(r), surname, r.choice(TITLES), word(r)))
        elif kind == "org":
            member = (kind, (f"{word(r)} {r.choice(ORG_TAILS)}",))
        elif kind == "company":
            member = (kind, (word(r), r.choice(COMPANY_TAILS)))
        elif kind == "office":
            member = (kind, (r.choice(["", word(r) + " "]), r.choice(OFFICES)))
        else:
            member = (kind, (word(r) if r.random() < 0.8 else f"{word(r)} {r.choice(['Bay', 'County'])}",))
        self.members.append(member)
        return member

    def pick(self) -> tuple[str, tuple]:
        if not self.members or self.rng.random() < 0.15:
            return self.newcomer()
        weights = [1 / (rank + 1) for rank in range(len(self.members))]
        return self.rng.choices(self.members, weights)[0]

    def form(self, member: tuple[str, tuple]) -> Entity:
        """One outlet's way of writing a member: name, type (sometimes mislabelled), aliases, roles, spans."""
        r = self.rng
        kind, parts = member
        aliases, roles, type_ = [], [], "ORG"
        if kind == "person":
            first, last, title, home = parts
            type_ = "PERSON"
            name = r.choice([f"{first} {last}"] * 4 + [last, last, f"Ms. {last}", f"{first[0]}. {last}",
                                                       f"{title} {first} {last}", f"{first} {last}'s"])
            if " " in name and r.random() < 0.3:
                aliases = [last]
            if r.random() < 0.3:
                roles = [r.choice([title, f"{title} of {home}"])]
        elif kind == "org":
            full = parts[0]
            initials = "".join(w[0] for w in full.split())
            name = r.choice([full, full, f"the {full}", initials])
            if name != initials and r.random() < 0.3:
                aliases = [initials]
        elif kind == "company":
            name = r.choice([f"{parts[0]} {parts[1]}"] * 2 + [parts[0]])
        elif kind == "office":
            before, what = parts
            acronym = f"D{'O' if r.random() < 0.5 else ''}{what[0]}"  # only a national office goes by one
            name = r.choice([f"{before}Department of {what}", f"{before}{what} Department",
                             f"{before}{what} Department" if before else acronym])
        else:
            name, type_ = parts[0], "GPE"
        if r.random() < 0.1:
            type_ = WRONG.get(type_, type_)
        key = " ".join(name.lower().split())
        spans = [(i * 40, i * 40 + len(name)) for i in range(r.choice((1, 1, 2, 2, 3, 5)))]
        return Entity(key, name, type_, aliases=aliases, roles=roles, spans=spans)


def synthetic_story(reports: int, seed: int = 3) -> list[tuple[str, list[Entity]]]:
    """``reports`` reports' entities, ids ``r0``, ``r1``, …, each key once a report as extraction gives them."""
    cast = Cast(seed)
    story = []
    for n in range(reports):
        entities: dict[str, Entity] = {}
        for _ in range(max(3, int(cast.rng.gauss(12, 5)))):
            entity = cast.form(cast.pick())
            entities.setdefault(entity.key, entity)
        story.append((f"r{n}", list(entities.values())))
    return story


def median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def kept_ms(story: list[tuple[str, list[Entity]]], n: int, steps: int, seed: int) -> tuple[float, float]:
    """Mean ms per step on an index of ``n`` reports: add the next report then read (``result`` and
    ``changed``); supersede an earlier report by a revision (remove, add the same entities anew) then read."""
    index = EntityIndex()
    index.extend(story[:n])
    index.result()
    index.changed()
    start = time.process_time()
    for report_id, entities in story[n:n + steps]:
        index.add(report_id, entities)
        index.result()
        index.changed()
    added = (time.process_time() - start) / steps
    rng = random.Random(seed)
    start = time.process_time()
    for report_id, entities in rng.sample(story[:n], steps):
        index.remove(report_id)
        index.add(report_id + "-v2", entities)
        index.result()
        index.changed()
    superseded = (time.process_time() - start) / steps
    return round(added * 1000, 2), round(superseded * 1000, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, nargs="+", default=[50, 200, 800])
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--steps", type=int, default=20)
    args = parser.parse_args()
    rows = []
    for n in args.reports:
        story = synthetic_story(n + args.steps, args.seed)
        merged, _ = merge_entities(story[:n])
        full = median_seconds(lambda: merge_entities(story[:n]), args.repeat)
        added, superseded = kept_ms(story, n, args.steps, args.seed)
        index = EntityIndex()
        index.extend(story[:n])
        kept = pickle.dumps(index)
        load = median_seconds(lambda: pickle.loads(kept), args.repeat)
        rows.append({"reports": n, "entities_in": sum(len(e) for _, e in story[:n]), "story_entities": len(merged),
                     "full_merge_ms": round(full * 1000, 2), "kept_add_read_ms": added,
                     "kept_supersede_read_ms": superseded, "pickle_kib": len(kept) // 1024,
                     "unpickle_ms": round(load * 1000, 2)})
    print(json.dumps({"seed": args.seed, "repeat": args.repeat, "steps": args.steps, "rows": rows}))


if __name__ == "__main__":
    main()
