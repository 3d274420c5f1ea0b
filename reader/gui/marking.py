"""Marking the German text near the view: terms, long sentences, found words, paragraph-wise.

Each kind of mark is a layer: a function giving a paragraph's marks (`paragraph_marks.Mark`)
and the Tk tags it uses. The layers are applied as a `ParagraphTask`, to the paragraphs near
the view first and in batches; paragraphs far from the view get their marks when the reader
comes near, so a book's hundred thousand marks never hold the window. Replacing a layer (the
next find, another article's terms) takes its tags off the text and starts over.
"""

from __future__ import annotations

import time
import tkinter as tk
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.gui.paragraph_marks import Mark, grouped

MARK_BATCH = 16  # paragraphs per Tcl call

MarksOf = Callable[[int], Sequence[Mark]]


@dataclass
class _Layer:
    tags: tuple[str, ...]
    marks_of: MarksOf
    done: set[int] = field(default_factory=set)  # paragraphs marked


class Marking:
    """The mark layers of one Text widget."""

    def __init__(
        self, text: tk.Text, written: Callable[[], int], wake: Callable[[], object]
    ) -> None:
        self.text = text
        self._written = written  # paragraphs in the widget so far
        self._wake = wake
        self._layers: dict[str, _Layer] = {}

    def set_layer(self, name: str, tags: Sequence[str], marks_of: MarksOf | None) -> None:
        """Mark with `marks_of` from now on (None: not at all), using only `tags`."""
        old = self._layers.pop(name, None)
        if old is not None and old.done:
            for tag in old.tags:
                self.text.tag_remove(tag, "1.0", "end")
        if marks_of is not None:
            self._layers[name] = _Layer(tuple(tags), marks_of)
            self._wake()

    def clear(self) -> None:
        """A new article: its text is new, so no layer is applied anywhere."""
        self._layers.clear()

    def has_layer(self, name: str) -> bool:
        return name in self._layers

    def marked(self, name: str, paragraph: int) -> bool:
        layer = self._layers.get(name)
        return layer is not None and paragraph in layer.done

    def mark_now(self, paragraphs: Sequence[int]) -> None:
        """Apply every layer to these paragraphs at once (the view is about to show them)."""
        self._apply([index for index in paragraphs if index < self._written()])

    # --- ParagraphTask ------------------------------------------------------------------------

    def run_near(self, near: Sequence[int], deadline: float) -> bool:
        if not self._layers:
            return False
        written = self._written()
        todo = [index for index in near if index < written and not self._complete(index)]
        while todo and time.perf_counter() < deadline:
            batch, todo = todo[:MARK_BATCH], todo[MARK_BATCH:]
            self._apply(batch)
        return bool(todo)

    def run_far(self, deadline: float) -> bool:
        return False  # far paragraphs are marked when the reader comes near them

    def _complete(self, paragraph: int) -> bool:
        return all(paragraph in layer.done for layer in self._layers.values())

    def _apply(self, paragraphs: Sequence[int]) -> None:
        arguments: list[str] = []
        for layer in self._layers.values():
            for index in paragraphs:
                if index in layer.done:
                    continue
                layer.done.add(index)
                for tag, ranges in grouped(layer.marks_of(index), index + 1).items():
                    arguments += [tag, *ranges, ""]
        if arguments:
            _add_tags(self.text, arguments)


# Every range of a batch of paragraphs in one Tcl call (see paragraph_aligner on why).
_TCL_ADD_TAGS = """
namespace eval ::german_reader {}
proc ::german_reader::add_tags {text arguments} {
    set ranges {}
    foreach item $arguments {
        if {$item eq ""} {
            $text tag add {*}$ranges
            set ranges {}
        } else {
            lappend ranges $item
        }
    }
}
"""


def _add_tags(text: tk.Text, arguments: list[str]) -> None:
    """`arguments`: tag, its ranges' indices, "", the next tag, … (each group one `tag add`)."""
    if not text.tk.call("info", "commands", "::german_reader::add_tags"):
        text.tk.eval(_TCL_ADD_TAGS)
    text.tk.call("::german_reader::add_tags", str(text), arguments)
