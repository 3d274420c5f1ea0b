"""Writing an article into the reading view: the first screenful at once, the rest in chunks.

Inserting a book's text is quick for Tk (a few tens of milliseconds for megabytes), but it is
quicker still to insert what fills the window and let the reader see it while the rest follows,
a chunk per `ParagraphTask` step. Both sides get the same paragraphs at the same time, one
Text line each: the German, and beside it the English column's placeholder.
"""

from __future__ import annotations

import time
import tkinter as tk
from collections.abc import Callable, Sequence

from reader.gui.text_editing import editable

FIRST_SCREEN_CHARS = 20_000  # more than fills the largest window at the smallest font
CHUNK_CHARS = 100_000  # a millisecond or two of Tk's time


class ParagraphWriter:
    """Writes the paragraphs into `german` and a placeholder beside each into `english`."""

    def __init__(
        self,
        german: tk.Text,
        english: tk.Text,
        placeholder: tuple[str, tuple[str, ...]],
        written: Callable[[int, int], object],
    ) -> None:
        self.german = german
        self.english = english
        self._placeholder = placeholder  # the English column's text and tags for a paragraph
        self._written = written  # told (first, end) of every chunk written
        self._paragraphs: Sequence[str] = ()
        self.count = 0  # paragraphs written so far

    def start(self, paragraphs: Sequence[str]) -> None:
        """A new article (both widgets are empty): its first screenful now."""
        self.resume(paragraphs, 0)

    def resume(self, paragraphs: Sequence[str], written: int) -> None:
        """Go on with `paragraphs`, of which the first `written` are on both sides (and
        nothing more): the rest of the first screenful now."""
        self._paragraphs = paragraphs
        self.count = written
        shown = sum(len(paragraph) + 1 for paragraph in paragraphs[:written])
        if shown < FIRST_SCREEN_CHARS:
            self._write_chunk(FIRST_SCREEN_CHARS - shown)

    @property
    def done(self) -> bool:
        return self.count >= len(self._paragraphs)

    def run_near(self, near: Sequence[int], deadline: float) -> bool:
        while not self.done and time.perf_counter() < deadline:
            self._write_chunk(CHUNK_CHARS)
        return not self.done

    def run_far(self, deadline: float) -> bool:
        return False

    def _write_chunk(self, chars: int) -> None:
        paragraphs, first = self._paragraphs, self.count
        end, size = first, 0
        while end < len(paragraphs) and (size < chars or end == first):
            size += len(paragraphs[end]) + 1
            end += 1
        if end == first:
            return
        german: list[str | tuple[str, ...]] = []
        english: list[str | tuple[str, ...]] = []
        note, tags = self._placeholder
        for index in range(first, end):
            if index:  # a line break before every paragraph but the first: none at the end
                german += ["\n", ()]
                english += ["\n", ()]
            german += [paragraphs[index], ()]
            english += [note, tags]
        # One insert per side: each Tk call may wait for the GIL while workers run.
        with editable(self.german), editable(self.english):
            self.german.tk.call(str(self.german), "insert", "end", *german)
            self.english.tk.call(str(self.english), "insert", "end", *english)
        self.count = end
        self._written(first, end)
