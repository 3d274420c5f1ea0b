"""A frame whose content scrolls when the pane gives it less height than the content needs.

The readability report is taller than a small window's side pane can spare above the glossary;
rather than cut the report off at the bottom, it scrolls (a scroll bar appears only while
something is hidden, and the mouse wheel works anywhere over it). The frame asks for its
content's full height, so a pane layout that fits panels to their content still sees it.
"""

from __future__ import annotations

import sys
import tkinter as tk
from tkinter import ttk

WHEEL_SEQUENCES = ("<MouseWheel>", "<Button-4>", "<Button-5>")
# Sent (to the frame, and so to its window's bindings) when the content's height changes: a pane
# that fits the frame to its content listens for it.
CONTENT_HEIGHT_CHANGED = "<<ContentHeightChanged>>"


class ScrolledFrame(ttk.Frame):
    """Put the content into `body`; call `watch_wheel()` after adding widgets to it."""

    def __init__(self, master: tk.Misc, *, padding: tuple[int, int] = (14, 10)) -> None:
        super().__init__(master)
        self.canvas = tk.Canvas(self, borderwidth=0, highlightthickness=0, height=1, width=1)
        self.scrollbar = ttk.Scrollbar(self, orient="vertical", command=self.canvas.yview)
        self.canvas.configure(yscrollcommand=self._scrolled)
        self.canvas.pack(side="left", fill="both", expand=True)
        self.body = ttk.Frame(self.canvas, padding=padding)
        self._window = self.canvas.create_window(0, 0, window=self.body, anchor="nw")
        self.body.bind("<Configure>", self._body_resized, add=True)
        self.canvas.bind("<Configure>", self._canvas_resized, add=True)

    def set_background(self, colour: str) -> None:
        self.canvas.configure(background=colour)

    def _body_resized(self, _event: tk.Event[tk.Misc]) -> None:
        body = self.body
        height = body.winfo_reqheight()
        changed = height != int(self.canvas.cget("height"))
        self.canvas.configure(
            scrollregion=(0, 0, body.winfo_reqwidth(), height),
            height=height,
            width=body.winfo_reqwidth(),
        )
        if changed:
            self.event_generate(CONTENT_HEIGHT_CHANGED)

    def _canvas_resized(self, event: tk.Event[tk.Misc]) -> None:
        # The content is as wide as the pane (it wraps its text to it) and as tall as it asks
        # to be: so its <Configure> tells of every change of its height.
        self.canvas.itemconfigure(self._window, width=event.width)

    def _scrolled(self, first: float | str, last: float | str) -> None:
        """Show the scroll bar only while part of the content is hidden."""
        self.scrollbar.set(first, last)
        hidden = float(first) > 0.0 or float(last) < 1.0
        if hidden and not self.scrollbar.winfo_ismapped():
            self.scrollbar.pack(side="right", fill="y", before=self.canvas)
        elif not hidden and self.scrollbar.winfo_ismapped():
            self.scrollbar.pack_forget()

    @property
    def scrolls(self) -> bool:
        """Whether part of the content is out of sight (and the scroll bar shown)."""
        first, last = (float(value) for value in self.canvas.yview())
        return first > 0.0 or last < 1.0

    def watch_wheel(self, widget: tk.Misc | None = None) -> None:
        """Let the mouse wheel over `widget` (default: the body) and its children scroll."""
        widget = widget or self.body
        for sequence in WHEEL_SEQUENCES:
            widget.bind(sequence, self._wheel, add=True)
        for child in widget.winfo_children():
            self.watch_wheel(child)

    def _wheel(self, event: tk.Event[tk.Misc]) -> str | None:
        if not self.scrolls:
            return None
        if event.num == 4:
            steps = -1
        elif event.num == 5:
            steps = 1
        else:
            delta = event.delta if sys.platform == "darwin" else event.delta / 120
            steps = -1 if delta > 0 else 1
        self.canvas.yview_scroll(steps * 2, "units")
        return "break"
