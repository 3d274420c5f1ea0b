"""Padding paragraphs so every English paragraph starts level with its German one.

After a paragraph is drawn on both sides its displayed heights are measured (`count -update
-ypixels`) and the shorter side gets extra space below it (a per-paragraph `spacing3` tag on the
`para:N` tags). Changed paragraphs are collected and measured shortly after, a batch at a time,
so a long book keeps the event loop running. The arithmetic is in `alignment` (no tkinter).
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence

from reader.gui.alignment import paragraph_padding

ALIGN_DELAY_MS = 30
ALIGN_BATCH = 30


class ParagraphAligner:
    """Keeps the paragraphs of `german` and `english` level; `paddings` holds what it set."""

    def __init__(
        self,
        german: tk.Text,
        english: tk.Text,
        *,
        count: Callable[[], int],
        gap: Callable[[], int],
        on_aligned: Callable[[bool], object],
    ) -> None:
        self.german = german
        self.english = english
        self._count = count
        self._gap = gap
        self._on_aligned = on_aligned  # called with True once nothing is left to measure
        self.paddings: dict[int, tuple[int, int]] = {}  # paragraph -> (German, English) pads
        self.dirty: set[int] = set()
        self._after: str | None = None
        self._last_width = (0, 0)
        self._aligned_widths = (0, 0)
        for text in (german, english):
            text.bind("<Configure>", self._resized, add=True)

    def reset(self) -> None:
        self.paddings.clear()

    def bottom_padding(self, index: int) -> int:
        """Space below German paragraph `index` (the difficulty strip draws beside it)."""
        return self.paddings.get(index, (self._gap(), 0))[0]

    def mark_dirty(self, index: int) -> None:
        self.dirty.add(index)
        if self._after is None:
            self._after = self.german.after(ALIGN_DELAY_MS, self.align_now)

    def mark_all_dirty(self) -> None:
        for index in range(self._count()):
            self.mark_dirty(index)

    def _resized(self, _event: tk.Event[tk.Misc]) -> None:
        widths = (self.german.winfo_width(), self.english.winfo_width())
        if widths != self._last_width:
            self._last_width = widths
            self.mark_all_dirty()

    def align_now(self) -> None:
        """Pad the paragraphs measured as changed so both sides start each one level."""
        if self._after is not None:
            self.german.after_cancel(self._after)
            self._after = None
        count, gap = self._count(), self._gap()
        widths = (self.german.winfo_width(), self.english.winfo_width())
        if widths != self._aligned_widths:
            # Wrapping changed everywhere; a missed <Configure> must not leave stale padding.
            self._aligned_widths = widths
            self.dirty.update(range(count))
        pending = sorted(i for i in self.dirty if i < count)
        # A long book is measured a batch at a time, so the event loop keeps running.
        dirty, rest = pending[:ALIGN_BATCH], pending[ALIGN_BATCH:]
        self.dirty = set(rest)
        if rest:
            self._after = self.german.after(1, self.align_now)
        ranges = [self._line_range(index, count) for index in dirty]
        left_heights = _measure(self.german, ranges)
        right_heights = _measure(self.english, ranges)
        left_pads: list[tuple[str, int]] = []
        right_pads: list[tuple[str, int]] = []
        for index, left_height, right_height in zip(
            dirty, left_heights, right_heights, strict=True
        ):
            left_pad, right_pad = self.paddings.get(index, (gap, gap))
            padding = paragraph_padding(left_height - left_pad, right_height - right_pad, gap)
            if (padding.left, padding.right) != (left_pad, right_pad):
                left_pads.append((f"para:{index}", padding.left))
                right_pads.append((f"para:{index}", padding.right))
            self.paddings[index] = (padding.left, padding.right)
        _set_spacing_below(self.german, left_pads)
        _set_spacing_below(self.english, right_pads)
        if dirty:
            # Measuring both whole sides after every batch would undo the batching.
            self._on_aligned(not rest)

    @staticmethod
    def _line_range(index: int, count: int) -> tuple[str, str]:
        """Text indices from the start of paragraph `index` to the start of the next."""
        end = f"{index + 2}.0" if index + 1 < count else "end"
        return f"{index + 1}.0", end

    def paragraph_tops(self, text: tk.Text) -> dict[int, int]:
        """Window y of each visible paragraph's first line (tests compare both sides)."""
        tops: dict[int, int] = {}
        for index in range(self._count()):
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
proc ::german_reader::spacing_below {text pads} {
    foreach {tag pixels} $pads {
        $text tag configure $tag -spacing3 $pixels
    }
}
"""


def _measure(text: tk.Text, ranges: Sequence[tuple[str, str]]) -> list[int]:
    """Displayed pixel height of each (start, end) range, after updating Tk's line metrics."""
    if not ranges:
        return []
    if not text.tk.call("info", "commands", "::german_reader::heights"):
        text.tk.eval(_TCL_HELPERS)
    flat = [index for pair in ranges for index in pair]
    heights = text.tk.splitlist(text.tk.call("::german_reader::heights", str(text), flat))
    return [int(height or 0) for height in heights]


def _set_spacing_below(text: tk.Text, pads: Sequence[tuple[str, int]]) -> None:
    if pads:
        flat = [str(item) for pair in pads for item in pair]
        text.tk.call("::german_reader::spacing_below", str(text), flat)
