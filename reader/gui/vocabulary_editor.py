"""Editing a saved word in the vocabulary window: its English and the learner's note.

Without the offline dictionary (and with the translation service offline) a word is saved with
no English, and its Anki card would have a blank back; here the learner fills it in, and adds
a note of their own (a collocation, a memory aid). Enter saves, Escape in a field puts back
what is saved.
"""

from __future__ import annotations

import logging
import tkinter as tk
from collections.abc import Callable
from tkinter import ttk

from reader.dictionary.vocabulary import SavedWord, Vocabulary

log = logging.getLogger(__name__)


class WordEditor(ttk.Frame):
    """The English and the note of one saved word; `show(word)` fills it in, None empties it.
    `on_saved` is called with the word as saved."""

    def __init__(
        self,
        master: tk.Misc,
        vocabulary: Callable[[], Vocabulary],
        on_saved: Callable[[SavedWord], object],
        on_failed: Callable[[Exception], object],
    ) -> None:
        super().__init__(master)
        self._vocabulary = vocabulary
        self._on_saved = on_saved
        self._on_failed = on_failed
        self.word: SavedWord | None = None
        self.english = tk.StringVar(self, "")
        self.note = tk.StringVar(self, "")
        self.heading = ttk.Label(self, text="", style="Caption.TLabel")
        self.heading.grid(row=0, column=0, columnspan=3, sticky="w", pady=(0, 4))
        ttk.Label(self, text="English").grid(row=1, column=0, sticky="w", padx=(0, 8))
        self.english_entry = ttk.Entry(self, textvariable=self.english)
        self.english_entry.grid(row=1, column=1, sticky="ew", pady=2)
        ttk.Label(self, text="Note").grid(row=2, column=0, sticky="w", padx=(0, 8))
        self.note_entry = ttk.Entry(self, textvariable=self.note)
        self.note_entry.grid(row=2, column=1, sticky="ew", pady=2)
        self.save_button = ttk.Button(self, text="Save", style="Accent.TButton", command=self.save)
        self.save_button.grid(row=1, column=2, rowspan=2, sticky="ns", padx=(8, 0), pady=2)
        self.columnconfigure(1, weight=1)
        for entry in (self.english_entry, self.note_entry):
            entry.bind("<Return>", lambda _e: self.save(), add=True)
            entry.bind("<KP_Enter>", lambda _e: self.save(), add=True)
            # Escape puts back what is saved; it does not close the window on the way.
            entry.bind("<Escape>", self._revert, add=True)
        self.english.trace_add("write", lambda *_: self._show_changed())
        self.note.trace_add("write", lambda *_: self._show_changed())
        self.show(None)

    def show(self, word: SavedWord | None) -> None:
        self.word = word
        state = "normal" if word is not None else "disabled"
        for entry in (self.english_entry, self.note_entry):
            entry.configure(state="normal")
        self.english.set(word.english if word else "")
        self.note.set(word.note if word else "")
        for entry in (self.english_entry, self.note_entry):
            entry.configure(state=state)
        if word is None:
            self.heading.configure(text="SELECT A WORD TO EDIT ITS ENGLISH AND NOTE")
        elif not word.english:
            self.heading.configure(text=f"{word.lemma.upper()} · NO ENGLISH YET: TYPE IT HERE")
        else:
            self.heading.configure(text=word.lemma.upper())
        self._show_changed()

    @property
    def changed(self) -> bool:
        word = self.word
        return word is not None and (
            self.english.get().strip() != word.english or self.note.get().strip() != word.note
        )

    def _show_changed(self) -> None:
        self.save_button.configure(state="normal" if self.changed else "disabled")

    def save(self) -> SavedWord | None:
        word = self.word
        if word is None or not self.changed:
            return word
        try:
            saved = self._vocabulary().update(
                word.id, english=self.english.get(), note=self.note.get()
            )
        except Exception as error:  # a locked or full disk: say so, keep what was typed
            log.exception("cannot save the word's English or note")
            self._on_failed(error)
            return None
        if saved is None:  # deleted meanwhile (in another window of the same vocabulary)
            self.show(None)
            return None
        self.show(saved)
        self._on_saved(saved)
        return saved

    def _revert(self, _event: tk.Event[tk.Misc]) -> str:
        self.show(self.word)
        return "break"
