"""``storyline demo``: the bundled fictional story, added report by report, then its ledger."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from rich.console import Console

from .adding import add_document
from .errors import StorylineError
from .ingest import read_source
from .ledger.from_store import story_ledger
from .present import tables
from .store import open_store

EXAMPLES = Path(__file__).parent / "examples"
STORY_DIR = EXAMPLES / "port-veyra"


def load_manifest(story_dir: Path = STORY_DIR) -> dict:
    path = story_dir / "manifest.json"
    if not path.is_file():
        raise StorylineError(f"{path}: the example story is missing from this installation")
    return json.loads(path.read_text(encoding="utf-8"))


def shown(store) -> str:
    """The store's URL as shown to users (a password hidden), or its path for SQLite."""
    from .store.db import masked

    return store.url.database if store.url.get_backend_name() == "sqlite" else masked(store.url)


def add_example_story(store, story_dir: Path = STORY_DIR, on_report=None) -> str:
    """Add every report of the example in publication order, each to its story (the manifest's, unless the
    entry names another); returns the main story's name."""
    manifest = load_manifest(story_dir)
    for entry in manifest["reports"]:
        doc = read_source(str(story_dir / entry["file"]), outlet=entry["outlet"], published=entry["published"])
        doc.location = entry["location"]
        doc.url = entry["location"]
        doc.title = entry.get("title") or doc.title
        added = add_document(store, entry.get("story", manifest["story"]), doc)
        if on_report:
            on_report(entry, added)
    return manifest["story"]


def run_demo(db: str | None, output: Path | None, console: Console, errors: Console, progress_bar) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="storyline-demo-"))
    url = db or str(workdir / "demo.db")
    manifest = load_manifest()
    with open_store(url) as store, progress_bar() as progress:
        task = progress.add_task("adding the example story", total=len(manifest["reports"]))

        def report_added(entry: dict, added) -> None:
            progress.console.print(f"{entry['outlet']}: {entry['file']} → {added.outcome} (version {added.version})",
                                   highlight=False, markup=False)
            progress.advance(task)

        story = add_example_story(store, on_report=report_added)
        ledger = story_ledger(store, story, with_text=True)
    for show in (tables.print_claims, tables.print_entities, tables.print_figures, tables.print_timeline,
                 tables.print_changes):
        show(console, ledger)
    target = output or workdir / "ledger.json"
    target.write_text(json.dumps(ledger, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    errors.print(f"store: {shown(store)}", highlight=False, soft_wrap=True, markup=False)
    errors.print(f"JSON export: {target}", highlight=False, soft_wrap=True, markup=False)


def run_follow(db: str | None, console: Console, errors: Console, step_seconds: float = 4.0) -> str:
    """``storyline demo --follow``: serve the example story's reports over local HTTP one at a time, in
    publication order, and watch its feed, printing each cycle's checks and changes. Returns the store URL."""
    import time

    from .ingest.fetch import Fetcher
    from .store.store import now
    from .watch.cycle import run_cycle
    from .watch.demo_server import DemoServer

    url = db or str(Path(tempfile.mkdtemp(prefix="storyline-follow-")) / "demo.db")
    story = load_manifest()["story"]
    with DemoServer(STORY_DIR) as server, open_store(url) as store, \
            Fetcher(allow_private=True, host_delay=0.05) as fetcher:
        store.add_watch(story, "feed", server.feed_url, at=now())
        errors.print(f"serving the example story at {server.url}, one report every {step_seconds:g} s; "
                     f"watching {server.feed_url}", highlight=False, soft_wrap=True, markup=False)
        while True:
            cycle = run_cycle(store, story, fetcher, feed_interval=0,
                              on_check=lambda check: tables.print_check(errors, check))
            if cycle.changes:
                tables.print_changes(console, cycle.ledger, cycle.changes)
            if server.step >= server.steps and not cycle.reports:
                break
            time.sleep(step_seconds)
            server.advance()
    errors.print(f"all {server.steps} reports followed; store: {shown(store)} "
                 f"(try `storyline --db {shown(store)} changes` or `... claims`)", highlight=False, soft_wrap=True,
                 markup=False)
    return url
