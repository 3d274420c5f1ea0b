"""Scrolling the German and English sides together.

The side the user scrolls (the leader: the one the pointer or focus is in, or the one the
scrollbar drives) takes the other along by paragraph: the follower shows the same paragraph at
the top, scrolled into it by the same number of pixels. The paragraphs near the view are padded
to equal heights (`paragraph_aligner`), so the two then stay level; and nothing needs the height
of the whole text, which for a book Tk would have to lay out completely first.
"""

from __future__ import annotations

import functools
import tkinter as tk
from collections.abc import Callable
from tkinter import ttk
from typing import Any


class ScrollSync:
    """Keeps `follower` level with the leader and the shared scrollbar on the leader."""

    def __init__(
        self,
        german: tk.Text,
        english: tk.Text,
        scrollbar: ttk.Scrollbar,
        on_scrolled: Callable[[], object],
    ) -> None:
        self.german = german
        self.english = english
        self.scrollbar = scrollbar
        self._on_scrolled = on_scrolled
        self.leader: tk.Text | None = None
        scrollbar.configure(command=self.scrollbar_moved)
        for text in (german, english):
            text.configure(yscrollcommand=functools.partial(self._scrolled, text))
            text.bind("<Enter>", functools.partial(self._lead_from, text), add=True)
            text.bind("<FocusIn>", functools.partial(self._lead_from, text), add=True)

    def _lead_from(self, text: tk.Text, _event: object) -> None:
        self.leader = text

    def scrollbar_moved(self, *args: Any) -> None:
        self.leader = self.german
        self.german.yview(*args)

    def _scrolled(self, text: tk.Text, first: float | str, last: float | str) -> None:
        if text is (self.leader or self.german):
            self.scrollbar.set(first, last)
            self.sync_follower()
        self._on_scrolled()

    def sync_follower(self) -> None:
        """Show on the other side the paragraph at the top of the side the user scrolls, the
        same number of pixels into it."""
        leader = self.leader or self.german
        follower = self.english if leader is self.german else self.german
        anchor = top_of_view(leader)
        if anchor is None or anchor == top_of_view(follower):
            return
        line, offset = anchor
        if int(follower.index("end-1c").split(".")[0]) < line:
            return  # that paragraph is not written on the other side yet
        follower.yview(f"{line}.0")
        if offset:
            follower.yview_scroll(offset, "pixels")

    def show(self, text: tk.Text, index: str, *, at_top: bool = False) -> None:
        """Bring `index` of `text` into view (to the top with `at_top`), the other side along."""
        self.leader = text
        if at_top:
            text.yview(index)
        else:
            text.see(index)
        self.sync_follower()


def top_of_view(text: tk.Text) -> tuple[int, int] | None:
    """(line, pixels): the line at the top of the view and how far into it the view starts."""
    top = text.index("@0,0")
    info = text.dlineinfo(top)
    if info is None:
        return None
    line = int(top.split(".")[0])
    inset = (
        int(text.cget("pady"))
        + int(text.cget("borderwidth"))
        + int(text.cget("highlightthickness"))
    )
    above = int(text.tk.call(str(text), "count", "-update", "-ypixels", f"{line}.0", top) or 0)
    return line, above + inset - int(info[1])


def pixels(text: tk.Text, start: str, end: str) -> int:
    """Displayed height from `start` to `end`, after bringing Tk's line metrics up to date."""
    return int(text.tk.call(str(text), "count", "-update", "-ypixels", start, end) or 0)
