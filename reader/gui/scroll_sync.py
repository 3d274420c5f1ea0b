"""Scrolling the German and English sides together.

Both sides are padded to equal heights (`paragraph_aligner`), so the side the user scrolls (the
leader: the one the pointer or focus is in, or the one the scrollbar drives) can take the other
to the same pixel offset.
"""

from __future__ import annotations

import functools
import tkinter as tk
from collections.abc import Callable
from tkinter import ttk
from typing import Any


class ScrollSync:
    """Keeps `follower` at the leader's offset and the shared scrollbar on the leader."""

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
        """Scroll the other side to the same pixel offset as the side the user is scrolling.

        Both sides are measured first (`-update`), so neither fraction rests on line heights Tk
        has only estimated so far.
        """
        leader = self.leader or self.german
        follower = self.english if leader is self.german else self.german
        leader_total = pixels(leader, "1.0", "end")
        follower_total = pixels(follower, "1.0", "end")
        if leader_total <= 0 or follower_total <= 0:
            return
        top = leader.yview()[0] * leader_total
        wanted = top / follower_total
        if abs(follower.yview()[0] - wanted) * follower_total >= 0.5:
            follower.yview_moveto(wanted)

    def show(self, text: tk.Text, index: str, *, at_top: bool = False) -> None:
        """Bring `index` of `text` into view (to the top with `at_top`), the other side along."""
        self.leader = text
        if at_top:
            text.yview(index)
        else:
            text.see(index)
        self.sync_follower()


def pixels(text: tk.Text, start: str, end: str) -> int:
    """Displayed height from `start` to `end`, after bringing Tk's line metrics up to date."""
    return int(text.tk.call(str(text), "count", "-update", "-ypixels", start, end) or 0)
