"""Pointing at the reading view: sentence pairs light up on both sides, terms explain themselves.

Hovering a sentence shades it and its translation; clicking pins that pair (clicking it again
unpins it). Resting on a glossary term shows its tooltip; clicking it selects the term in the
glossary panel through <<TermSelected>>.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

from reader.gui import events
from reader.gui.state import ReaderState
from reader.gui.term_display import term_summary
from reader.gui.tooltip import Tooltip

TERM_TOOLTIP_DELAY_MS = 300


SentenceKey = tuple[int, int]  # paragraph, sentence number


class TextPointer:
    def __init__(
        self,
        view: tk.Misc,
        german: tk.Text,
        english: tk.Text,
        state: ReaderState,
        *,
        sentence_at: Callable[[tk.Text, int, int], SentenceKey | None],
        sentence_ranges: Callable[[SentenceKey], list[tuple[tk.Text, str, str]]],
        term_at: Callable[[int, int], int | None],
    ) -> None:
        self.view = view
        self.german = german
        self.english = english
        self.shared = state
        self._sentence_at = sentence_at  # (side, paragraph, offset) → the pair there
        self._sentence_ranges = sentence_ranges  # where a pair stands on both sides
        self._term_at = term_at  # (paragraph, offset) of the German → the term number there
        self.tooltip = Tooltip(view)
        self._hover_sentence: SentenceKey | None = None
        self._pinned_sentence: SentenceKey | None = None
        self._hover_term: int | None = None
        self._term_after: str | None = None
        for text in (german, english):
            text.bind("<Motion>", self._pointer_moved, add=True)
            text.bind("<Leave>", self._pointer_left, add=True)
            text.bind("<ButtonRelease-1>", self._clicked, add=True)

    def reset(self) -> None:
        """Forget highlights of the previous article (its text is gone)."""
        self.tooltip.hide()
        self._hover_sentence = self._pinned_sentence = None
        self._hover_term = None

    def _under_pointer(
        self, text: tk.Text, x: int, y: int
    ) -> tuple[SentenceKey | None, int | None]:
        """The sentence pair and the term (German side only) under the pointer."""
        index = self._index_under_pointer(text, x, y)
        if index is None:
            return None, None
        line, column = (int(part) for part in index.split("."))
        sentence = self._sentence_at(text, line - 1, column)
        term = self._term_at(line - 1, column) if text is self.german else None
        return sentence, term

    def _pointer_moved(self, event: tk.Event[tk.Text]) -> None:
        text = event.widget
        sentence, term = self._under_pointer(text, event.x, event.y)
        self.highlight_sentence(sentence, "hover")
        if term != self._hover_term:
            self._hover_term = term
            self.tooltip.hide()
            if self._term_after is not None:
                self.view.after_cancel(self._term_after)
                self._term_after = None
            if term is not None:
                x, y = event.x_root, event.y_root
                self._term_after = self.view.after(
                    TERM_TOOLTIP_DELAY_MS, lambda: self.show_term_tooltip(term, x, y)
                )
        text.configure(cursor="hand2" if term is not None or sentence else "arrow")

    def _pointer_left(self, _event: tk.Event[tk.Misc]) -> None:
        self.highlight_sentence(None, "hover")
        self._hover_term = None
        if self._term_after is not None:
            self.view.after_cancel(self._term_after)
            self._term_after = None
        self.tooltip.hide()

    def _clicked(self, event: tk.Event[tk.Text]) -> None:
        text = event.widget
        if text.tag_ranges("sel"):
            return  # the user selected text to copy, not a sentence
        sentence, term = self._under_pointer(text, event.x, event.y)
        if term is not None:
            self.select_term(term)
            return
        self.highlight_sentence(None if sentence == self._pinned_sentence else sentence, "pinned")

    def _index_under_pointer(self, text: tk.Text, x: int, y: int) -> str | None:
        """The character under (x, y), or None when the pointer is past the end of a line."""
        index = text.index(f"@{x},{y}")
        box = text.bbox(index)
        if box is None or not (
            box[0] <= x <= box[0] + box[2] + 1 and box[1] <= y <= box[1] + box[3]
        ):
            return None
        return index

    def highlight_sentence(self, sentence: SentenceKey | None, kind: str) -> None:
        """Shade sentence pair `sentence` on both sides (`kind` is "hover" or "pinned")."""
        current = self._hover_sentence if kind == "hover" else self._pinned_sentence
        if sentence == current:
            return
        for text in (self.german, self.english):
            text.tag_remove(kind, "1.0", "end")
        if sentence is not None:
            for text, start, end in self._sentence_ranges(sentence):
                text.tag_add(kind, start, end)
        if kind == "hover":
            self._hover_sentence = sentence
        else:
            self._pinned_sentence = sentence

    def show_term_tooltip(self, number: int, x_root: int, y_root: int) -> None:
        self._term_after = None
        session = self.shared.session
        if session is None or not session.terms or number >= len(session.terms):
            return
        heading, body = term_summary(session.terms[number].entry)
        self.tooltip.show(x_root, y_root, heading, body)

    def select_term(self, number: int) -> None:
        session = self.shared.session
        if session is None or not session.terms or number >= len(session.terms):
            return
        self.shared.emit(events.TERM_SELECTED, events.TermSelected(session.terms[number].entry))
