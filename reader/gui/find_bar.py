"""Ctrl+F: a find bar above the reading view that shades matches on both sides.

The reading view searches in a worker thread (a whole book, both sides) and shades the matches
near the view; Next (Enter) goes from match to match.
"""

from __future__ import annotations

import tkinter as tk
from tkinter import ttk
from typing import TYPE_CHECKING

from reader.gui.reading_view import ReadingView
from reader.gui.text_search import Found

if TYPE_CHECKING:
    from reader.gui.app import ReaderWindow


def setup(window: ReaderWindow) -> FindBar:
    """View → Find… and Ctrl+F open the bar above the reading view; Escape closes it."""
    bar = FindBar(window.reading_frame, window.reading_view)
    view_menu = window.menu("View")
    view_menu.insert_command(0, label="Find…", accelerator="Ctrl+F", command=bar.open)
    view_menu.insert_separator(1)
    window.bind_key("<Control-f>", bar.open)
    window.on_escape(bar.close_if_open)
    return bar


class FindBar(ttk.Frame):
    def __init__(self, master: tk.Misc, view: ReadingView) -> None:
        super().__init__(master, padding=(12, 6))
        self.view = view
        self.query = tk.StringVar(self, "")
        self.matches: list[Found] = []
        self.current = -1
        ttk.Label(self, text="Find").pack(side="left")
        self.entry = ttk.Entry(self, textvariable=self.query, width=30)
        self.entry.pack(side="left", padx=8)
        self.result = ttk.Label(self, text="", style="Muted.TLabel")
        self.result.pack(side="left")
        ttk.Button(self, text="Close", command=self.close).pack(side="right")
        ttk.Button(self, text="Next", command=self.next_match).pack(side="right", padx=4)
        self.query.trace_add("write", lambda *_: self.search())
        self.entry.bind("<Return>", lambda _e: self.next_match())
        self.entry.bind("<Escape>", lambda _e: self.close())

    def open(self) -> None:
        if not self.winfo_ismapped():
            self.pack(fill="x", before=self.view)
        self.entry.focus_set()
        self.entry.select_range(0, "end")
        self.search()

    def close_if_open(self) -> bool:
        """Close the bar if it is open; whether it was."""
        if not self.winfo_ismapped():
            return False
        self.close()
        return True

    def close(self) -> None:
        self.view.find("", self._found)
        self.pack_forget()

    def search(self) -> None:
        query = self.query.get()
        self.matches = []
        self.current = -1
        self.result.configure(text="Searching…" if query else "")
        self.view.find(query, self._found)

    def _found(self, matches: list[Found]) -> None:
        self.matches = matches
        self.current = -1
        if self.query.get():
            count = len(matches)
            self.result.configure(text=f"{count:,} match{'es' if count != 1 else ''}")
            self.next_match()

    def next_match(self) -> None:
        if not self.matches:
            return
        self.current = (self.current + 1) % len(self.matches)
        self.view.show_match(self.matches[self.current])
