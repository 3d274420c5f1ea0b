"""Colouring the German text by word status, only around what is in view.

Tk's text widget pays per tagged range, and in the reading view (thousands of sentence and term
tags, word-wrapped paragraphs) a range costs ~60–80 µs: tagging all ~120,000 words of a 1 MB
article took 24 s, and re-colouring the 16,000 occurrences of "der" a second. So only a window
of words around the visible part is coloured (`MARGIN_WORDS` on either side); when the view
moves out of it, the words leaving it lose their tags (one range per tag) and the words entering
it get theirs. A mark re-colours the marked lemma's occurrences inside the window, found by
bisection in the lemma's sorted positions. Words off screen are never wrong when they come into
view: they are coloured as they enter the window, by their status then.
"""

from __future__ import annotations

import tkinter as tk
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from reader.learner.status import WordStatus
from reader.learner.words import ArticleWords

NEW_TAG = "ws:new"
LEARNING_TAGS = {level: f"ws:{level}" for level in range(1, 5)}
ALL_TAGS = (NEW_TAG, *LEARNING_TAGS.values())
MARGIN_WORDS = 400  # coloured beyond the view on either side
VIEW_POLL_MS = 120  # how often the view's position is checked (scrolling has many sources)


def tag_for(status: WordStatus | None) -> str | None:
    """The text tag a status is drawn with (known and ignored words are left plain)."""
    if status is None:
        return NEW_TAG
    if status.is_learning:
        return LEARNING_TAGS[status.value]
    return None


@dataclass(frozen=True)
class WordPositions:
    """Every counted word of the article in reading order (its position), as columns; the Tk
    index of word i is f"{lines[i]}.{starts[i]}" (each paragraph is one line of the text)."""

    lines: list[int]
    starts: list[int]
    ends: list[int]
    keys: list[str]
    first_of_paragraph: list[int]  # position of each paragraph's first word, then the total
    of_key: dict[str, list[int]]  # key → its positions, ascending

    def position_at(self, index: str) -> int:
        """The position of the first word at or after Tk index "line.column"."""
        line, column = (int(part) for part in index.split("."))
        paragraph = min(max(line - 1, 0), len(self.first_of_paragraph) - 1)
        if line - 1 >= len(self.first_of_paragraph) - 1:
            return self.first_of_paragraph[-1]
        first = self.first_of_paragraph[paragraph]
        last = self.first_of_paragraph[paragraph + 1]
        return bisect_left(self.ends, column + 1, first, last) if column else first

    def ranges(self, positions: range | list[int]) -> list[str]:
        lines, starts, ends = self.lines, self.starts, self.ends
        found: list[str] = []
        for position in positions:
            line = lines[position]
            found.append(f"{line}.{starts[position]}")
            found.append(f"{line}.{ends[position]}")
        return found


def word_positions(words: ArticleWords) -> WordPositions:
    """The positions of an article's words (built on a worker thread)."""
    lines: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    keys: list[str] = []
    first_of_paragraph: list[int] = []
    for number, paragraph in enumerate(words.paragraphs):
        first_of_paragraph.append(len(keys))
        lines.extend([number + 1] * len(paragraph.keys))
        starts.extend(paragraph.starts)
        ends.extend(paragraph.ends)
        keys.extend(paragraph.keys)
    first_of_paragraph.append(len(keys))
    of_key: dict[str, list[int]] = {}
    for position, key in enumerate(keys):
        found = of_key.get(key)
        if found is None:
            of_key[key] = [position]
        else:
            found.append(position)
    return WordPositions(lines, starts, ends, keys, first_of_paragraph, of_key)


class ViewportColours:
    """Keeps the words around the view of `text` tagged by their status."""

    def __init__(self, text: tk.Text, status_of: Callable[[str], WordStatus | None]) -> None:
        self.text = text
        self.status_of = status_of
        self.words: WordPositions | None = None
        self.low = self.high = 0  # the coloured window of positions, [low, high)
        self._last_view: str | None = None
        text.after(VIEW_POLL_MS, self._poll)

    def show(self, words: WordPositions | None) -> None:
        """A new article (None: none): forget the old window, colour around the view."""
        self.clear()
        self.words = words
        self._last_view = None
        self.follow_view()

    def clear(self) -> None:
        for tag in ALL_TAGS:
            self.text.tag_remove(tag, "1.0", "end")
        self.low = self.high = 0

    def follow_view(self) -> None:
        """Move the coloured window with the view, if the view came near its edge."""
        words = self.words
        if words is None:
            return
        text = self.text
        first = words.position_at(text.index("@0,0"))
        last = words.position_at(text.index(f"@{text.winfo_width()},{text.winfo_height()}"))
        last = min(len(words.keys), last + 1)
        if (
            self.low < self.high
            and (first - self.low >= MARGIN_WORDS // 4 or self.low == 0)
            and (self.high - last >= MARGIN_WORDS // 4 or self.high == len(words.keys))
        ):
            return
        low = max(0, first - MARGIN_WORDS)
        high = min(len(words.keys), last + MARGIN_WORDS)
        self._move_window(low, high)

    def _move_window(self, low: int, high: int) -> None:
        old_low, old_high = self.low, self.high
        if old_high <= low or high <= old_low or old_low == old_high:
            self._uncolour(old_low, old_high)
            self._colour(range(low, high))
        else:
            self._uncolour(old_low, low)
            self._uncolour(high, old_high)
            self._colour(range(low, old_low))
            self._colour(range(old_high, high))
        self.low, self.high = low, high

    def _uncolour(self, low: int, high: int) -> None:
        words = self.words
        if words is None or low >= high:
            return
        first = f"{words.lines[low]}.{words.starts[low]}"
        last = f"{words.lines[high - 1]}.{words.ends[high - 1]}"
        for tag in ALL_TAGS:
            self.text.tag_remove(tag, first, last)

    def _colour(self, positions: range) -> None:
        words = self.words
        if words is None or not positions:
            return
        by_tag: dict[str, list[int]] = {}
        tags: dict[str, str | None] = {}
        keys = words.keys
        for position in positions:
            key = keys[position]
            if key in tags:
                tag = tags[key]
            else:
                tag = tags[key] = tag_for(self.status_of(key))
            if tag is not None:
                by_tag.setdefault(tag, []).append(position)
        path = str(self.text)
        for tag, tagged in by_tag.items():
            self.text.tk.call(path, "tag", "add", tag, *words.ranges(tagged))

    def recolour(self, key: str, old: WordStatus | None, new: WordStatus | None) -> None:
        """`key`'s status changed: re-tag its occurrences in the window."""
        words = self.words
        old_tag, new_tag = tag_for(old), tag_for(new)
        if words is None or old_tag == new_tag:
            return
        positions = words.of_key.get(key, [])
        inside = positions[
            bisect_left(positions, self.low) : bisect_right(positions, self.high - 1)
        ]
        if not inside:
            return
        ranges = words.ranges(inside)
        path = str(self.text)
        if old_tag is not None:
            self.text.tk.call(path, "tag", "remove", old_tag, *ranges)
        if new_tag is not None:
            self.text.tk.call(path, "tag", "add", new_tag, *ranges)

    def recolour_window(self) -> None:
        """Tag the whole window again (after many statuses changed at once)."""
        low, high = self.low, self.high
        self._uncolour(low, high)
        self._colour(range(low, high))

    def _poll(self) -> None:
        try:
            view = self.text.index("@0,0")
        except tk.TclError:  # the window is closing
            return
        if view != self._last_view:
            self._last_view = view
            self.follow_view()
        self.text.after(VIEW_POLL_MS, self._poll)
