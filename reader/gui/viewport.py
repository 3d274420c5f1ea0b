"""Which paragraphs the reader is looking at, and which to work on first (no tkinter).

A book has thousands of paragraphs; the window can only show a dozen. Work on paragraphs (laying
them out, marking terms, aligning the English, translating) goes nearest the view first: the
visible paragraphs, then those just below (where the reader goes next) and just above. Work far
from the view waits until the reader scrolls there.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

# Paragraphs within this many screens of the view are completed in the background; the rest
# when they come near.
HORIZON_SCREENS = 3
MIN_HORIZON = 40  # paragraphs, whatever their length
# Translation reads ahead this many screens below the view.
LOOK_AHEAD_SCREENS = 2
MIN_LOOK_AHEAD = 8


@dataclass(frozen=True)
class VisibleParagraphs:
    """The paragraphs at least partly in view (0-based, `first` ≤ `last`) of `count`."""

    first: int
    last: int
    count: int

    @property
    def span(self) -> int:
        return self.last - self.first + 1

    def horizon(self) -> int:
        """How many paragraphs on each side of the view count as near."""
        return max(MIN_HORIZON, HORIZON_SCREENS * self.span)

    def look_ahead(self) -> range:
        """The visible paragraphs and the next few screens below them, in reading order."""
        ahead = max(MIN_LOOK_AHEAD, LOOK_AHEAD_SCREENS * self.span)
        return range(self.first, min(self.count, self.last + 1 + ahead))


def nearest_first(visible: VisibleParagraphs, reach: int | None = None) -> list[int]:
    """The paragraphs within `reach` (default: the horizon) of the view: the visible ones top
    to bottom, then outwards, two below for each one above."""
    reach = visible.horizon() if reach is None else reach
    order = list(range(max(0, visible.first), min(visible.count, visible.last + 1)))
    below = iter(range(visible.last + 1, min(visible.count, visible.last + 1 + reach)))
    above = iter(range(visible.first - 1, max(-1, visible.first - 1 - reach), -1))
    while True:
        step = [*_take(below, 2), *_take(above, 1)]
        if not step:
            return order
        order += step


def _take(items: Iterator[int], count: int) -> list[int]:
    return list(itertools.islice(items, count))
