"""Padding paragraphs so every English paragraph starts level with its German one.

After a paragraph is drawn on both sides its displayed heights are measured (`count -update
-ypixels`) and the shorter side gets extra space below it. The space is a `pad:N` tag
(`-spacing3 N`) on the paragraph's line: one tag per distinct height, shared by all paragraphs
that need it, because Tk gets slow with tens of thousands of tags (deleting them costs the
square of their number). Paragraphs are measured as a `ParagraphTask`: those near the view, a
batch at a time, between which the event loop runs; a paragraph far from the view keeps the
widget's own spacing until the reader comes near it. The arithmetic is in `alignment` (no
tkinter).
"""

from __future__ import annotations

import time
import tkinter as tk
from collections.abc import Callable, Sequence

from reader.gui.alignment import paragraph_padding

ALIGN_BATCH = 8
PAD_PREFIX = "pad:"


def pad_tag(pixels: int) -> str:
    return f"{PAD_PREFIX}{pixels}"


class ParagraphAligner:
    """Keeps the paragraphs of `german` and `english` level; `paddings` holds what it set."""

    def __init__(
        self,
        german: tk.Text,
        english: tk.Text,
        *,
        count: Callable[[], int],
        gap: Callable[[], int],
        wake: Callable[[], object],
        on_aligned: Callable[[], object],
    ) -> None:
        self.german = german
        self.english = english
        self._count = count  # paragraphs on both sides so far
        self._gap = gap
        self._wake = wake  # asks for a slice of work (ParagraphWork.wake)
        self._on_aligned = on_aligned  # called after a slice that changed paddings
        self.paddings: dict[int, tuple[int, int]] = {}  # paragraph -> (German, English) pads
        self.dirty: set[int] = set()
        self._configured: dict[tk.Text, set[int]] = {german: set(), english: set()}
        self._last_width = (0, 0)
        self._aligned_widths = (0, 0)
        for text in (german, english):
            text.bind("<Configure>", self._resized, add=True)

    def forget_from(self, first: int) -> None:
        """Paragraphs from `first` on are gone (0: a new article)."""
        self.paddings = {index: pads for index, pads in self.paddings.items() if index < first}
        self.dirty = {index for index in self.dirty if index < first}

    def bottom_padding(self, index: int) -> int:
        """Space below German paragraph `index` (the difficulty strip draws beside it)."""
        return self.paddings.get(index, (self._gap(), 0))[0]

    def pad_tags(self, index: int) -> tuple[str, ...]:
        """The English pad of paragraph `index`, for text written into its line anew."""
        pads = self.paddings.get(index)
        return (pad_tag(pads[1]),) if pads is not None else ()

    def mark_dirty(self, index: int) -> None:
        self.dirty.add(index)
        self._wake()

    def mark_all_dirty(self) -> None:
        self.dirty.update(range(self._count()))
        self._wake()

    def added(self, first: int, end: int) -> None:
        """Paragraphs `first` … `end - 1` were written on both sides."""
        self.dirty.update(range(first, end))
        self._wake()

    def _resized(self, _event: tk.Event[tk.Misc]) -> None:
        widths = (self.german.winfo_width(), self.english.winfo_width())
        if widths != self._last_width:
            self._last_width = widths
            self.mark_all_dirty()

    # --- ParagraphTask ------------------------------------------------------------------------

    def run_near(self, near: Sequence[int], deadline: float) -> bool:
        widths = (self.german.winfo_width(), self.english.winfo_width())
        if widths != self._aligned_widths:
            # Wrapping changed everywhere; a missed <Configure> must not leave stale padding.
            self._aligned_widths = widths
            self.dirty.update(range(self._count()))
        todo = [index for index in near if index in self.dirty]
        changed = False
        while todo:
            if time.perf_counter() >= deadline:
                break
            batch, todo = todo[:ALIGN_BATCH], todo[ALIGN_BATCH:]
            changed = self._align(batch) or changed
        if changed:
            self._on_aligned()
        return bool(todo)

    def run_far(self, deadline: float) -> bool:
        return False  # far paragraphs are aligned when the reader comes near them

    def _align(self, batch: list[int]) -> bool:
        """Measure and pad these paragraphs; whether any padding changed."""
        count, gap = self._count(), self._gap()
        self.dirty.difference_update(batch)
        ranges = [self._line_range(index, count) for index in batch]
        left_heights = _measure(self.german, ranges)
        right_heights = _measure(self.english, ranges)
        left_pads: list[str] = []
        right_pads: list[str] = []
        for index, (start, end), left_height, right_height in zip(
            batch, ranges, left_heights, right_heights, strict=True
        ):
            before = self.paddings.get(index)
            left_pad, right_pad = before or (gap, gap)
            padding = paragraph_padding(left_height - left_pad, right_height - right_pad, gap)
            if (padding.left, padding.right) != before:
                old_left, old_right = ("", "") if before is None else map(pad_tag, before)
                left_pads += [start, end, old_left, self._tag(self.german, padding.left)]
                right_pads += [start, end, old_right, self._tag(self.english, padding.right)]
            self.paddings[index] = (padding.left, padding.right)
        _set_pads(self.german, left_pads)
        _set_pads(self.english, right_pads)
        return bool(left_pads)

    def _tag(self, text: tk.Text, pixels: int) -> str:
        tag = pad_tag(pixels)
        if pixels not in self._configured[text]:
            text.tag_configure(tag, spacing3=pixels)
            self._configured[text].add(pixels)
        return tag

    @staticmethod
    def _line_range(index: int, count: int) -> tuple[str, str]:
        """Text indices from the start of paragraph `index` to the start of the next."""
        end = f"{index + 2}.0" if index + 1 < count else "end"
        return f"{index + 1}.0", end

    def paragraph_tops(self, text: tk.Text) -> dict[int, int]:
        """Window y of each visible paragraph's first line (tests compare both sides)."""
        tops: dict[int, int] = {}
        first = int(text.index("@0,0").split(".")[0])
        last = int(text.index(f"@0,{text.winfo_height()}").split(".")[0])
        for index in range(first - 1, min(last, self._count())):
            info = text.dlineinfo(f"{index + 1}.0")
            if info is not None:
                tops[index] = info[1]
        return tops


# Measuring and padding a batch of paragraphs in one Tcl call each: the Tk thread takes the GIL
# back after every call, and while a worker thread is busy each take can wait up to the switch
# interval, so a hundred small calls could stall the window for a hundred milliseconds.
_TCL_HELPERS = """
namespace eval ::german_reader {}
proc ::german_reader::heights {text ranges} {
    set heights {}
    foreach {start end} $ranges {
        lappend heights [$text count -update -ypixels $start $end]
    }
    return $heights
}
proc ::german_reader::pads {text pads} {
    foreach {start end old new} $pads {
        if {$old ne ""} {
            $text tag remove $old $start $end
        }
        $text tag add $new $start $end
    }
}
"""


def _helpers(text: tk.Text) -> None:
    if not text.tk.call("info", "commands", "::german_reader::pads"):
        text.tk.eval(_TCL_HELPERS)


def _measure(text: tk.Text, ranges: Sequence[tuple[str, str]]) -> list[int]:
    """Displayed pixel height of each (start, end) range, after updating Tk's line metrics."""
    if not ranges:
        return []
    _helpers(text)
    flat = [index for pair in ranges for index in pair]
    heights = text.tk.splitlist(text.tk.call("::german_reader::heights", str(text), flat))
    return [int(height or 0) for height in heights]


def _set_pads(text: tk.Text, pads: Sequence[str]) -> None:
    """Move each range (start, end) from its old pad tag ("" for none) to its new one."""
    if pads:
        _helpers(text)
        text.tk.call("::german_reader::pads", str(text), list(pads))
