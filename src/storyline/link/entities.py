"""One entity per referent across a story's reports: merge per-report entities that share a name or alias."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Entity

SLUG = re.compile(r"[^a-z0-9]+")


def name_key(name: str) -> str:
    """Case-, possessive- and article-insensitive form of a name."""
    name = re.sub(r"['’]s?$", "", name.strip().replace("’", "'"))
    name = re.sub(r"^(the)\s+", "", name, flags=re.I)
    return " ".join(name.lower().split())


def entity_id(name: str) -> str:
    return "e-" + SLUG.sub("-", name.lower()).strip("-")


@dataclass
class StoryEntity:
    id: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    mentions: int = 0

    def as_dict(self) -> dict:
        aliases = sorted(a for a in self.aliases if a != self.name)
        return {"id": self.id, "name": self.name, "type": self.type, "aliases": aliases,
                "roles": distinct_roles(self.roles), "mentions": max(self.mentions, 1)}


def distinct_roles(roles: list[str]) -> list[str]:
    """Roles without the ones another role already says in full ("harbour master" beside "harbour master
    of Port Veyra"), compared without case."""
    lowered = [r.lower() for r in roles]
    kept, seen = [], set()
    for role, low in zip(roles, lowered):
        if low not in seen and not any(other != low and other.startswith(low) for other in lowered):
            kept.append(role)
        seen.add(low)
    return kept


def merge_entities(per_report: list[tuple[str, list[Entity]]]) -> tuple[list[StoryEntity], dict[tuple[str, str], str]]:
    """Merge entities across reports; returns the story entities and (report id, entity key) → story entity id.

    Two entities merge when one's name equals the other's name (whatever types the reports gave them), or
    when a name or alias of one equals a name or alias of the other and their types are compatible. The
    fullest (longest) name becomes the story entity's name; the type is the one most occurrences carry.
    """
    by_name: dict[str, StoryEntity] = {}
    merged: list[StoryEntity] = []
    owner: dict[tuple[str, str], StoryEntity] = {}
    votes: dict[int, Counter] = {}
    for report_id, entities in per_report:
        for entity in entities:
            name = name_key(entity.name)
            keys = {name, *(name_key(a) for a in entity.aliases)}
            target = by_name.get(name) or next(
                (by_name[k] for k in keys if k in by_name and _compatible(by_name[k].type, entity.type)), None)
            if target is None:
                target = StoryEntity(id="", name=entity.name, type=entity.type)
                merged.append(target)
                votes[id(target)] = Counter()
            votes[id(target)][entity.type] += max(1, len(entity.spans))
            target.aliases.update([entity.name, *entity.aliases])
            if len(name) > len(name_key(target.name)):
                target.name = entity.name
            target.roles.extend(r for r in entity.roles if r not in target.roles)
            target.mentions += len(entity.spans)
            for key in keys:
                by_name.setdefault(key, target)
            owner[(report_id, entity.key)] = target
    used: set[str] = set()
    for entity in merged:
        entity.type = votes[id(entity)].most_common(1)[0][0]
        entity.id = entity_id(entity.name)
        while entity.id in used:
            entity.id += "-2"
        used.add(entity.id)
    return merged, {k: v.id for k, v in owner.items()}


GROUPS = ({"ORG", "NORP"}, {"GPE", "LOC", "FAC"})


def _compatible(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in GROUPS)
