"""Pages of a long list, for the desk's story page and its API: the page asked for, clamped to sane bounds, and
what the links to the pages around it need. A page's size never grows with the story."""

from __future__ import annotations

from dataclasses import dataclass

API_LIMIT = 100  # items an API list answers when no limit is given
API_MAX = 1000  # the most items one API request answers
MAX_OFFSET = 2**31 - 1  # beyond any story; keeps a fuzzer's huge offset out of the SQL
BOARD_PAGE = 50  # claims on one page of the story page's board
PART_PAGE = 100  # items on one page of a story's timeline, entities, figures, reports or changes
SHOWN = 25  # items of each other list the story page shows before linking to their own pages


@dataclass
class Page:
    """``items``: the part of a list of ``total`` items that starts at ``offset``, at most ``limit`` long."""

    items: list
    offset: int
    limit: int
    total: int

    @property
    def number(self) -> int:
        return self.offset // self.limit + 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.limit))

    @property
    def first(self) -> int:
        """The 1-based position of the page's first item (0 for an empty page)."""
        return self.offset + 1 if self.items else 0

    @property
    def last(self) -> int:
        return self.offset + len(self.items)

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None

    @property
    def previous_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None


def page_offset(number: int, size: int) -> int:
    """The offset of 1-based page ``number`` (a number below 1 is the first page)."""
    return (max(1, min(number, MAX_OFFSET // size)) - 1) * size


def window(items, offset: int, limit: int) -> Page:
    """A page of an iterable read through to its end (a filtered list, whose total only a full pass knows):
    only the page's items are kept."""
    kept, total = [], 0
    for item in items:
        if offset <= total < offset + limit:
            kept.append(item)
        total += 1
    return Page(kept, offset, limit, total)
