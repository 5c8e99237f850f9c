"""Ledgers for the desk: the same dict ``storyline export`` prints, with editors' verdicts in
``claims[].verdict``, built once per version of the story and shared by every request, the API's and the pages'.

A story's version is its stamp (``Store.story_stamp``: its report count and the latest time one was stored or
extracted), read with one small query on every request. When the stamp has moved, one build of the story starts
(on a small pool of builder threads, ``builders`` at once: a build is CPU work under the GIL, so more at once
would only hold more memory) and every request for the story waits for that same build: a burst of readers after
a new report costs one build, not one each. A reader waits at most ``wait`` seconds when an earlier version of
the story is kept: past that it is answered with the earlier version (one version behind, for the rest of the
build), so a big story rebuilt under a stream of writes does not hold every reader for its whole build. A
change made through the desk itself (``fresh=True``) waits for the build that includes it, so an editor sees
their report at once. The ledgers of the ``size`` stories read last are kept (LRU), so memory stays bounded
whatever the number of stories. A ledger is built and kept with the report texts; a request without them gets
a copy of the report list without ``text``. Each kept ledger has a small memo (``view``) where a page keeps what
it rendered from that version (the story page's claim board), dropped with it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as Pending
from datetime import datetime, timezone

from ..ledger.from_store import story_ledger, with_verdicts
from ..store import Store, StoryRow
from .views import latest_change

CACHE_STORIES = 64  # the default of `storyline serve --cache-stories`
WAIT = 0.3  # seconds a reader waits for a new version of a story before it is shown the kept one
MEMO_SIZE = 4  # entries of a kept ledger's memo (a verdict recorded makes a new claim board)


class Memo(OrderedDict):
    """What was made from one version of a ledger, by key; the oldest entries dropped past ``MEMO_SIZE``. One
    thing is made at a time: readers of a new version wait for its board rather than each render it."""

    def __init__(self):
        super().__init__()
        self._lock = threading.Lock()

    def get_or_make(self, key, make):
        with self._lock:
            if key in self:
                self.move_to_end(key)
                return self[key]
            made = self[key] = make()
            while len(self) > MEMO_SIZE:
                self.popitem(last=False)
            return made


class LedgerCache:
    """Story ledgers kept until the story's reports or extractions change (verdicts are read every time: they
    are one small query, and an editor must see their verdict at once). ``builds`` counts the ledgers built."""

    def __init__(self, store: Store, size: int = CACHE_STORIES, builders: int = 2, wait: float = WAIT):
        self.store = store
        self.size = max(1, size)
        self.wait = wait
        self.builds = 0
        # story → (stamp, (its ledger with the report texts, the memo of that version))
        self._kept: OrderedDict[str, tuple[tuple, tuple[dict, Memo]]] = OrderedDict()
        self._building: dict[str, tuple[tuple, Future]] = {}  # story → (stamp, its build): one at a time
        self._summaries: dict[str, tuple[tuple, dict]] = {}  # story → (stamp, what the stories list shows)
        self._lock = threading.Lock()  # guards the dicts above
        self._builders = max(1, builders)
        self._pool: ThreadPoolExecutor | None = None  # started by the first build, again after ``close``

    def close(self) -> None:
        """Stop the builder threads (the app's lifespan ends). A later build starts them again: a lifespan may
        start again after it ended (schemathesis's pytest plugin ends it after each test), and every build
        then failed, a 500."""
        with self._lock:
            pool, self._pool = self._pool, None
            self._building.clear()  # builds not begun are cancelled: the next reader starts its own
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def ledger(self, story: str, with_text: bool = False, *, fresh: bool = False) -> dict:
        """The story's ledger with verdicts, as ``storyline export`` builds it (``generated_at`` is now); with
        ``fresh``, never an earlier version than the store's now."""
        return self.view(story, with_text, fresh=fresh)[0]

    def view(self, story: str, with_text: bool = False, *, fresh: bool = False) -> tuple[dict, Memo]:
        """``ledger``, and the memo of the version it is from."""
        built, memo = self._built(story, fresh)
        if not with_text:
            built = {**built, "reports": [{k: v for k, v in r.items() if k != "text"} for r in built["reports"]]}
        ledger = with_verdicts(built, self.store.verdicts(story))
        ledger["generated_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        return ledger, memo

    def refresh(self, story: str) -> None:
        """Build the story's current version now unless it is kept (after a change made through the desk)."""
        self._built(story, fresh=True)

    def summaries(self, rows: list[StoryRow]) -> list[tuple[dict, dict | None]]:
        """For each story of ``rows``: the ledger's ``story`` part and its latest change (what the list of
        stories shows), kept per stamp apart from the ledgers, so the list rebuilds only stories that changed."""
        stamps = self.store.story_stamps()
        found = []
        for row in rows:
            stamp = stamps.get(row.name)
            with self._lock:
                kept = self._summaries.get(row.name)
            if kept is None or kept[0] != stamp:
                ledger = self._built(row.name)[0]
                kept = (stamp, {"story": ledger["story"], "latest_change": latest_change(ledger)})
                with self._lock:
                    self._summaries[row.name] = kept
            found.append((kept[1]["story"], kept[1]["latest_change"]))
        with self._lock:  # forget stories that are gone
            for name in set(self._summaries) - {row.name for row in rows}:
                del self._summaries[name]
        return found

    def _built(self, story: str, fresh: bool = False) -> tuple[dict, Memo]:
        """The ledger, with the report texts, of the story's current version (its verdicts are those of the
        build: ``ledger`` puts the current ones in): kept, or from the build of it under way or started now;
        an earlier version when one is kept and the build takes longer than ``wait`` (unless ``fresh``)."""
        while True:
            stamp = self.store.story_stamp(story)
            with self._lock:
                kept = self._kept.get(story)
                if kept is not None and kept[0] == stamp:
                    self._kept.move_to_end(story)
                    return kept[1]
                building = self._building.get(story)
                if building is None:
                    if self._pool is None:
                        self._pool = ThreadPoolExecutor(max_workers=self._builders, thread_name_prefix="ledger-build")
                    building = self._building[story] = (stamp, self._pool.submit(self._build, story, stamp))
            try:
                built = building[1].result(timeout=None if kept is None or fresh else self.wait)
            except Pending:
                return kept[1]
            if not fresh or building[0] == stamp:
                return built
            # fresh, and that build began before the store's current version: wait for the next one

    def _build(self, story: str, stamp: tuple) -> tuple[dict, Memo]:
        """Build the story's ledger (a builder thread) and keep it under ``stamp``, read before the build began."""
        try:
            built = story_ledger(self.store, story, with_text=True), Memo()
        except BaseException:
            with self._lock:
                self._done(story, stamp)
            raise
        with self._lock:
            self.builds += 1
            self._kept[story] = (stamp, built)
            self._kept.move_to_end(story)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
            self._done(story, stamp)
        return built

    def _done(self, story: str, stamp: tuple) -> None:
        """Forget the story's build of ``stamp`` (under the lock); ``close`` may have forgotten it already."""
        if self._building.get(story, (None,))[0] == stamp:
            del self._building[story]
