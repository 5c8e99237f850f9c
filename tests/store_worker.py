"""One writer process of the store's concurrency tests (``test_store_concurrency.py``), run as a script.

``python store_worker.py SPEC``, SPEC a JSON object: ``url`` (the store), ``docs`` (a list of [story, location,
text]), ``open_first`` (open the store before the start signal; else open it after, so that processes
opening a new store race its migrations), optionally ``watch`` ([story, feed URL] to follow first) and
``vectors`` (store a mention vector of every report it added or found, as a reader of the ledger does) and
``ledger`` (update the story's kept ledger after each extraction, as ``storyline add`` does). The
worker prints ``ready``, waits for a line on standard input, then adds each text to its story and saves an
extraction for each one it stored. It prints JSON: ``added``, [story, location, outcome, report id, version]
per text, and ``watched``, the watch's state; and exits 0, or fails with a traceback.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timezone

import numpy as np

from storyline.ledger.kept import update_story
from storyline.model import Document, Entity, Extraction, Mention, Source
from storyline.store import open_store

VECTORS = "test-vectors"


def document(location: str, text: str) -> Document:
    return Document(
        text=text, raw=text.encode(), content_type="text/plain", location=location, outlet="Lowhaven Courier",
        title=None, author=None, published="2031-03-04", published_from="option", url=None,
    )


def extraction(text: str) -> Extraction:
    """A small extraction of ``text``: one mention and one entity, so that record rows are written too."""
    return Extraction(
        mentions=[Mention(0, len(text), text, Source("Mara Quell", "person", entity="mara quell"), "said",
                          "indirect", "reported")],
        entities=[Entity("mara quell", "Mara Quell", "PERSON")],
    )


def main(spec: dict) -> dict:
    store = open_store(spec["url"]) if spec["open_first"] else None
    print("ready", flush=True)
    sys.stdin.readline()
    store = store or open_store(spec["url"])
    done: dict = {"added": [], "watched": None}
    with store:
        if spec.get("watch"):
            story, url = spec["watch"]
            done["watched"] = store.add_watch(story, "feed", url, at=datetime(2031, 3, 4, tzinfo=timezone.utc))[1]
        for story, location, text in spec["docs"]:
            added = store.add_document(story, document(location, text))
            if added.outcome != "unchanged":
                store.save_extraction(added.report_id, extraction(text))
                if spec.get("ledger"):  # take it into the story's kept ledger, as `storyline add` does
                    update_story(store, added.story_id)
            if spec.get("vectors"):
                store.save_mention_vectors({(added.report_id, 0): np.full(4, added.version, "<f4")}, VECTORS)
            done["added"].append([story, location, added.outcome, added.report_id, added.version])
    return done


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))), flush=True)
