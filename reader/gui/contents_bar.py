"""A book's table of contents above the reading view: go to a chapter, see which one is read.

Shown only for documents with `sections` (an EPUB's chapters, a PDF's outline or pages). The
list says which chapter the reader is in as they scroll (<<ReadingPosition>>); choosing one, or
the previous/next buttons, scrolls the reading view to its first paragraph.
"""

from __future__ import annotations

import bisect
import tkinter as tk
from tkinter import ttk
from typing import TYPE_CHECKING

from reader.document import Section
from reader.gui import events
from reader.gui.reading_view import ReadingView
from reader.gui.state import ReaderState
from reader.gui.viewport import VisibleParagraphs

if TYPE_CHECKING:
    from reader.gui.app import ReaderWindow

INDENT = "    "


def setup(window: ReaderWindow) -> ContentsBar:
    """The bar above the reading view (packed only while a book is open); View → Next and
    Previous Chapter with Ctrl+Page Down / Ctrl+Page Up."""
    bar = ContentsBar(window.reading_frame, window.reading_view, window.state)
    view_menu = window.menu("View")
    view_menu.add_separator()
    view_menu.add_command(
        label="Next Chapter", accelerator="Ctrl+PgDn", command=lambda: bar.step(+1)
    )
    view_menu.add_command(
        label="Previous Chapter", accelerator="Ctrl+PgUp", command=lambda: bar.step(-1)
    )
    window.bind_key("<Control-Next>", lambda: bar.step(+1))
    window.bind_key("<Control-Prior>", lambda: bar.step(-1))
    return bar


def entry_label(section: Section) -> str:
    """How a section is listed: indented by its level."""
    return INDENT * (max(1, section.level) - 1) + section.title


def section_at(sections: tuple[Section, ...], paragraph: int) -> int | None:
    """The number of the section `paragraph` belongs to (the last that starts at or before
    it); None before the first one."""
    starts = [section.paragraph for section in sections]
    number = bisect.bisect_right(starts, paragraph) - 1
    return number if number >= 0 else None


class ContentsBar(ttk.Frame):
    def __init__(self, master: tk.Misc, view: ReadingView, state: ReaderState) -> None:
        super().__init__(master, padding=(12, 4))
        self.view = view
        self.shared = state
        self.sections: tuple[Section, ...] = ()
        self.current: int | None = None  # the section being read
        ttk.Label(self, text="Contents").pack(side="left")
        self.chooser = ttk.Combobox(self, state="readonly", width=48, height=20)
        self.chooser.pack(side="left", padx=8, fill="x", expand=True)
        self.chooser.bind("<<ComboboxSelected>>", self._chosen, add=True)
        self.next_button = ttk.Button(self, text="▶", width=3, command=lambda: self.step(+1))
        self.next_button.pack(side="right")
        self.previous_button = ttk.Button(self, text="◀", width=3, command=lambda: self.step(-1))
        self.previous_button.pack(side="right", padx=(0, 4))
        state.on(events.ARTICLE_LOADED, self._article_loaded)
        state.on_data(events.READING_POSITION, VisibleParagraphs, self._position_changed)

    def _article_loaded(self) -> None:
        session = self.shared.session
        self.sections = session.document.sections if session is not None else ()
        self.current = None
        if not self.sections:
            self.pack_forget()
            return
        self.chooser.configure(values=[entry_label(section) for section in self.sections])
        self.chooser.set("")
        if not self.winfo_ismapped():
            self.pack(fill="x", before=self.view)
        self._show_current(0)

    def _position_changed(self, position: VisibleParagraphs) -> None:
        if self.sections:
            self._show_current(position.first)

    def _show_current(self, paragraph: int) -> None:
        number = section_at(self.sections, paragraph)
        if number == self.current:
            return
        self.current = number
        if number is None:
            self.chooser.set("")
        else:
            self.chooser.current(number)

    def _chosen(self, _event: tk.Event[tk.Misc]) -> None:
        self.go_to(self.chooser.current())

    def go_to(self, number: int) -> None:
        """Scroll to section `number`'s first paragraph."""
        if 0 <= number < len(self.sections):
            self.current = number
            self.chooser.current(number)
            self.view.scroll_to_paragraph(self.sections[number].paragraph)

    def step(self, direction: int) -> None:
        """The next (+1) or previous (-1) section."""
        if not self.sections:
            return
        if self.current is None:
            self.go_to(0 if direction > 0 else len(self.sections) - 1)
            return
        self.go_to(max(0, min(len(self.sections) - 1, self.current + direction)))
