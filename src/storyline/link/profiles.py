"""Story profiles kept between adds, so that ``storyline add`` without ``--story`` costs about the same however
many reports the store holds (issue 18).

Assigning a report needs every story's :class:`~storyline.link.stories.StoryProfile` and the document
frequencies over the stored reports (the latest version of each article). Rebuilt from every stored text, they
cost some 1.3 ms per stored report on each add; kept, an add folds in only the reports stored since.

What is kept is a cache, never the truth: it lists the reports it was built from (id and time stored), and each
use checks that list against the store's own (:meth:`Store.latest_reports`, ids only, no texts). Reports it lacks
are folded in; when one it holds is gone (a revision replaced it, a story was deleted, or the file belongs to
another store of the same name) it is rebuilt from the texts, in the order a rebuild always used (story name,
then location), so it holds what a rebuild would. Reports folded in later are summed in arrival order: a
profile may differ from a rebuild in the last bit of a float, never in which reports it holds.

It lives in a file beside a SQLite store (``NAME.db.profiles``), else in the user cache directory under a
digest of the store's URL: a JSON snapshot on the first line, then one JSON line per report folded in since
(its story, key and terms), appended, so an add writes one short line rather than the whole state; the
snapshot is written again (to a temporary file, then renamed) once the lines outnumber a quarter of the
reports. A line another run appended meanwhile is one more fact; a line lost to a rename meanwhile is folded
in again by the check above. Reading it replays the lines without tokenizing any text.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy.engine import URL

from .leadfacts import lead_facts
from .stories import StoryProfile, terms

FORMAT = 2  # bump when what is kept changes (2: the leads' people, places and figures, issue 16)


@dataclass
class Kept:
    """Profiles and document frequencies over the reports ``held`` (story → keys, see :func:`state_keys`);
    ``unsaved``: folds not yet in the file, ``appended``: folds in the file after its snapshot,
    ``rebuilt``: the file's snapshot no longer describes this state."""

    held: dict[str, list[str]] = field(default_factory=dict)
    profiles: dict[str, StoryProfile] = field(default_factory=dict)
    df: Counter = field(default_factory=Counter)
    unsaved: list[dict] = field(default_factory=list)
    appended: int = 0
    rebuilt: bool = False
    facts: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # key → its lead's facts (leadfacts.py)

    @property
    def n(self) -> int:
        return sum(len(keys) for keys in self.held.values())

    def ordered(self) -> list[StoryProfile]:
        """The profiles in story-name order, as a rebuild lists them (ties in the decision go to the first)."""
        return [self.profiles[name] for name in sorted(self.profiles)]

    def fold(self, story: str, key: str, terms: dict[str, float], published: str | None,
             facts: dict[str, list[str]]) -> None:
        """Fold one report (its weighted terms and lead facts) into its story's profile and the document
        frequencies."""
        profile = self.profiles.get(story)
        if profile is None:
            profile = self.profiles[story] = StoryProfile(story)
        profile.add(SimpleNamespace(terms=terms, embedding=None, published=published, facts=facts))
        self.facts[key] = facts
        self.df.update(terms.keys())
        self.held.setdefault(story, []).append(key)


def state_keys(latest: dict[str, list[tuple[str, object]]]) -> dict[str, list[tuple[str, str]]]:
    """Story → (key, report id) per latest report: the key joins the id to the time it was stored, so a store
    made again at the same path with the same texts does not pass for the old one."""
    return {story: [(f"{rid}@{stored}", rid) for rid, stored in rows] for story, rows in latest.items()}


def refresh(kept: Kept, latest: dict[str, list[tuple[str, object]]], texts) -> tuple[Kept, bool]:
    """``kept`` brought up to the store's state ``latest`` (story → (id, stored at) of its articles' latest
    versions, in location order); ``texts(ids)`` gives id → (text, title, published). Returns the kept state
    and whether it changed."""
    now = state_keys(latest)
    current = {key for rows in now.values() for key, _ in rows}
    held = {key for keys in kept.held.values() for key in keys}
    known = kept.facts  # a report's lead facts cost a spaCy run (some 7 ms): kept across a rebuild
    if held - current:  # something it was built from is gone: start again
        kept, held = Kept(rebuilt=True), set()
    missing = [(story, key, rid) for story in sorted(now) for key, rid in now[story] if key not in held]
    if not missing:
        return kept, kept.rebuilt
    found = texts([rid for _, _, rid in missing])
    for story, key, rid in missing:
        if rid not in found:  # gone since the ids were read (a story deleted): not held, so not counted
            continue
        text, title, published = found[rid]
        report_terms = terms(text, title)
        facts = known.get(key) or lead_facts(text, title)
        kept.fold(story, key, report_terms, published, facts)
        kept.unsaved.append({"story": story, "key": key, "terms": report_terms, "published": published,
                             "facts": facts})
    return kept, True


def cache_path(url: URL) -> Path | None:
    """Where the kept profiles of the store at ``url`` live; None for an in-memory SQLite store."""
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if not database or database == ":memory:" or database.startswith("file:"):
            return None
        return Path(database).with_name(Path(database).name + ".profiles")
    from platformdirs import user_cache_dir

    digest = hashlib.sha256(url.render_as_string(hide_password=False).encode()).hexdigest()[:20]
    return Path(user_cache_dir("storyline")) / "profiles" / digest


def load(path: Path | None) -> Kept:
    """The kept state at ``path``; an empty one when there is none or it cannot be read (it is only a cache).
    A torn last line (a run killed while appending) is left out."""
    if path is None:
        return Kept()
    try:
        lines = path.read_bytes().split(b"\n")
        data = json.loads(lines[0])
        if data.get("format") != FORMAT:
            return Kept()
        profiles = {}
        for name, p in data["profiles"].items():
            profiles[name] = StoryProfile(name, p["reports"], Counter(p["terms"]),
                                          latest=date.fromisoformat(p["latest"]) if p["latest"] else None,
                                          facts={kind: Counter(c) for kind, c in p["facts"].items()})
        kept = Kept(data["held"], profiles, Counter(data["df"]), facts=data["facts"])
        held = {key for keys in kept.held.values() for key in keys}
        for line in lines[1:]:
            try:
                fold = json.loads(line)
            except ValueError:
                continue
            if fold["key"] not in held:
                held.add(fold["key"])
                kept.fold(fold["story"], fold["key"], fold["terms"], fold["published"], fold["facts"])
            kept.appended += 1
        return kept
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Kept()


def save(path: Path | None, kept: Kept) -> None:
    """Write what changed: the folds since the last save appended as lines, or (rebuilt, or the lines many)
    a new snapshot. A failure to write only loses the cache."""
    if path is None:
        return
    try:
        if not kept.rebuilt and path.exists() and kept.appended + len(kept.unsaved) <= max(64, kept.n // 4):
            with path.open("ab") as out:
                out.write(b"".join(json.dumps(f, separators=(",", ":")).encode() + b"\n" for f in kept.unsaved))
            kept.appended += len(kept.unsaved)
        else:
            snapshot(path, kept)
            kept.appended, kept.rebuilt = 0, False
        kept.unsaved = []
    except OSError:
        pass


def snapshot(path: Path, kept: Kept) -> None:
    """The whole state on one line, written to a temporary file and renamed over ``path``."""
    data = {
        "format": FORMAT,
        "held": kept.held,
        "facts": kept.facts,
        "profiles": {name: {"reports": p.reports, "terms": p.terms, "facts": p.facts,
                            "latest": p.latest.isoformat() if p.latest else None}
                     for name, p in kept.profiles.items()},
        "df": kept.df,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(json.dumps(data, separators=(",", ":")).encode() + b"\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
