"""``storyline backfill``: extract an archive of reports at scale, resumably, on Ray Data or in-process.

``inputs`` reads SOURCES into items (document + story); ``worker`` is what runs on the workers (extraction and
mention vectors, as plain records); ``run`` is the driver (skip what is done, store, write batches, ledger).
"""

from .inputs import Item, read_items
from .run import Summary, backfill, in_process, on_ray

__all__ = ["Item", "Summary", "backfill", "in_process", "on_ray", "read_items"]
