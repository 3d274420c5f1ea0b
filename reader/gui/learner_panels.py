"""What the learner sees of the word statuses besides the colours: the legend bar under the
text (with "Mark the rest of this page as known" and the switch for the colours), the personal
coverage in the readability panel, the status row on the word card, and entries
in the Vocabulary menu (import known words, export the statuses).

Each part follows `word_status.STATUSES_CHANGED`; none reaches into another's widgets beyond
packing itself into the frame the window offers for it.
"""

from __future__ import annotations

import logging
import sqlite3
import tkinter as tk
from dataclasses import dataclass
from pathlib import Path
from tkinter import ttk
from typing import TYPE_CHECKING

from reader.gui import events
from reader.gui.state import ReaderState
from reader.gui.word_status import COVERAGE_READY, STATUSES_CHANGED, TINTS, WordMarks
from reader.learner.status import WordStatus
from reader.learner.words import coverage_sentence

if TYPE_CHECKING:
    from reader.gui.app import ReaderWindow
    from reader.gui.background import Outcome
    from reader.gui.vocabulary_window import AskSavePath
    from reader.learner.transfer import ImportPlan

log = logging.getLogger(__name__)

LEGEND = (("New", 0), ("1", 1), ("2", 2), ("3", 3), ("4", 4))
# The word card's choices: (label, value in the radio variable); "" is new.
CARD_CHOICES = (
    ("New", ""),
    ("1", "1"),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("Known", "known"),
    ("Ignore", "ignored"),
)
_BY_VALUE = {status.label: status for status in WordStatus}


class LegendBar(ttk.Frame):
    """Under the text: what the tints mean, the keys, the page action, the switch."""

    def __init__(self, master: tk.Misc, state: ReaderState, marks: WordMarks) -> None:
        super().__init__(master, padding=(12, 4))
        self.shared = state
        self.marks = marks
        self.swatches: list[tk.Label] = []
        for text, _ in LEGEND:
            swatch = tk.Label(self, text=f" {text} ", borderwidth=0, padx=4)
            swatch.pack(side="left", padx=(0, 3))
            self.swatches.append(swatch)
        self.colours = tk.BooleanVar(self, state.settings.show_word_status)
        self.colours.trace_add("write", lambda *_: self._switched())
        ttk.Checkbutton(self, text="Colours", variable=self.colours).pack(side="right")
        self.page_button = ttk.Button(
            self, text="Mark the rest of this page as known", command=marks.mark_page_known
        )
        self.page_button.pack(side="right", padx=(0, 10))
        # Packed last and left out when the window is too narrow for it (the keys are in the
        # Vocabulary menu too): the button and the switch are never cut off (issue 18).
        self.keys_hint = ttk.Label(
            self,
            text="Keys: 1–4 learning · K known · I ignore · Ctrl+Z undo",
            style="Muted.TLabel",
        )
        self.keys_hint.pack(side="left", padx=(8, 0))
        self.bind("<Configure>", self._fit_width, add=True)
        state.on(events.SETTINGS_CHANGED, self._settings_changed)
        self._settings_changed()

    def _fit_width(self, event: tk.Event[tk.Misc]) -> None:
        shown = bool(self.keys_hint.winfo_manager())
        needed = self.winfo_reqwidth() + (0 if shown else self.keys_hint.winfo_reqwidth() + 8)
        if shown and event.width < needed:
            self.keys_hint.pack_forget()
        elif not shown and event.width >= needed:
            self.keys_hint.pack(side="left", padx=(8, 0))

    def _switched(self) -> None:
        wanted = self.colours.get()
        if wanted != self.shared.settings.show_word_status:
            self.shared.update_settings(show_word_status=wanted)

    def _settings_changed(self) -> None:
        settings = self.shared.settings
        self.colours.set(settings.show_word_status)
        tints = TINTS.get(settings.theme, TINTS["light"])
        for swatch, tint in zip(self.swatches, tints, strict=True):
            shown = tint if settings.show_word_status else ""
            swatch.configure(background=shown or _frame_background(self))


class CoverageView(ttk.Frame):
    """In the readability panel: the share of the article's running words the learner knows."""

    def __init__(self, master: tk.Misc, state: ReaderState, marks: WordMarks) -> None:
        super().__init__(master)
        self.marks = marks
        # The sentence alone (it holds the figure), no caption: the readability panel has
        # about two lines to spare above the glossary.
        self.sentence = ttk.Label(self, text="", wraplength=260, justify="left")
        self.sentence.pack(anchor="w", fill="x", pady=(8, 0))
        self.bind("<Configure>", self._rewrap, add=True)
        state.on(events.ARTICLE_LOADED, self.show_waiting)
        state.on(STATUSES_CHANGED, self.show)

    def _rewrap(self, event: tk.Event[tk.Misc]) -> None:
        self.sentence.configure(wraplength=max(120, event.width - 10))

    def show_waiting(self) -> None:
        self.sentence.configure(text="Counting the words you know…")

    def show(self) -> None:
        coverage = self.marks.coverage
        if coverage is None:
            return
        self.sentence.configure(text=coverage_sentence(coverage.share))


class CardStatus(ttk.Frame):
    """On the word card: the word's status, and buttons to change it."""

    def __init__(self, master: tk.Misc, state: ReaderState, marks: WordMarks) -> None:
        super().__init__(master)
        self.marks = marks
        self.key: str | None = None
        ttk.Label(self, text="Status", style="Muted.TLabel").pack(side="left", padx=(0, 6))
        self.choice = tk.StringVar(self, "")
        self.buttons: dict[str, ttk.Radiobutton] = {}
        for label, value in CARD_CHOICES:
            button = ttk.Radiobutton(
                self,
                text=label,
                value=value,
                variable=self.choice,
                command=self._chosen,
                style="Toolbutton",
            )
            button.pack(side="left")
            self.buttons[value] = button
        self.note = ttk.Label(self, text="", style="Muted.TLabel")
        self.note.pack(side="left", padx=(6, 0))
        state.on_data(events.WORD_SHOWN, events.WordShown, self._word_shown)
        state.on(STATUSES_CHANGED, self._show)

    def _word_shown(self, shown: events.WordShown) -> None:
        context = shown.context
        if context is None:
            return
        self.key = self.marks.key_at(context.paragraph, context.start)
        if self.key is None and self.marks.article is None:
            from reader.learner.store import word_key
            from reader.learner.words import lemma_of

            self.key = word_key(lemma_of(context.word))
        self._show()

    def _show(self) -> None:
        key = self.key
        state = "disabled" if key is None else "normal"
        for button in self.buttons.values():
            button.configure(state=state)
        if key is None:
            self.choice.set("")
            self.note.configure(text="names and numbers are not counted")
            return
        status = self.marks.status(key)
        self.choice.set("" if status is None else status.label)
        saved = key in self.marks.saved and key not in self.marks.marked
        self.note.configure(text="saved word" if saved else "")

    def _chosen(self) -> None:
        if self.key is None:
            return
        value = self.choice.get()
        status = _BY_VALUE.get(value)
        self.marks.set_status([self.key], status)
        self._show()


class WordFiles:
    """The Words menu's import and export."""

    def __init__(self, window: ReaderWindow, marks: WordMarks, ask_path: AskSavePath) -> None:
        self.window = window
        self.marks = marks
        self.ask_path = ask_path
        self.importing = False

    def import_known(self) -> None:
        chosen = self.window.state.dialogs.ask_open_path(self.window.root)
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path) -> None:
        """Read and check the file on a worker thread (lemmatising ten thousand words takes a
        moment), then store it in one transaction and show it."""
        from reader.learner.transfer import read_word_file

        state = self.window.state
        self.importing = True
        state.set_status(f"Reading {path.name}…")
        state.calls.run_in_thread(
            None,
            lambda: read_word_file(path),
            lambda outcome: self._read(path, outcome),
            name="reader-word-import",
        )

    def _read(self, path: Path, outcome: Outcome[ImportPlan]) -> None:
        from reader.learner.transfer import WordListError

        self.importing = False
        state = self.window.state
        plan = outcome.value
        try:
            if plan is None:
                raise outcome.error or WordListError(f"{path.name} could not be read")
            undo = self.window.learner().set_statuses(plan.changes)
        except WordListError as error:
            state.set_status("Nothing was imported.")
            state.dialogs.show_error(state.root, "Words not imported", str(error))
            return
        except (OSError, sqlite3.Error) as error:
            state.set_status("Nothing was imported.")
            state.dialogs.show_error(state.root, "Words not imported", f"{path.name}: {error}")
            return
        self.marks.show_stored(plan.changes, undo)
        state.set_status(plan.summary(len(undo)))

    def export(self) -> None:
        from reader.learner.transfer import WordListError, export_statuses

        state = self.window.state
        chosen = self.ask_path(
            state.root, "Export word statuses", ".csv", (("CSV files", "*.csv"), ("All files", "*"))
        )
        if not chosen:
            return
        try:
            count = export_statuses(Path(chosen), self.window.learner().words(), self.marks.saved)
        except (WordListError, sqlite3.Error) as error:
            state.dialogs.show_error(state.root, "Not exported", str(error))
            return
        state.set_status(f"Exported {count} words to {Path(chosen).name}.")


def _frame_background(widget: tk.Misc) -> str:
    colour = ttk.Style(widget).lookup("TFrame", "background")
    return str(colour) if colour else "#fafafa"


@dataclass(frozen=True)
class LearnerPanels:
    legend: LegendBar
    coverage: CoverageView
    card_status: CardStatus
    files: WordFiles


def setup(window: ReaderWindow, marks: WordMarks) -> LearnerPanels:
    from reader.gui.vocabulary_window import ask_save_path

    legend = LegendBar(window.reading_frame, window.state, marks)
    legend.pack(side="bottom", fill="x", before=window.reading_view)
    # Into the panel's scrolling content (the panel scrolls when the window is short).
    coverage = CoverageView(window.readability_panel.body, window.state, marks)
    coverage.pack(fill="x")
    window.readability_panel.watch_wheel(coverage)
    # The panel was fitted to its contents before the coverage came; fit it again.
    window.state.on(
        COVERAGE_READY, lambda: window.root.after_idle(window.panes.fit_upper_side_panel)
    )
    card = window.word_card
    card_status = CardStatus(card, window.state, marks)
    card_status.pack(side="bottom", fill="x", pady=(6, 0), after=card.save_button.master)
    files = WordFiles(window, marks, window.services.ask_save_path or ask_save_path)
    menu = window.menu("Vocabulary")  # the learner's words, beside the saved ones
    menu.add_separator()
    menu.add_command(label="Mark the Rest of This Page as Known", command=marks.mark_page_known)
    menu.add_command(label="Undo Last Mark", accelerator="Ctrl+Z", command=marks.undo)
    menu.add_separator()
    menu.add_command(label="Import Known Words…", command=files.import_known)
    menu.add_command(label="Export Word Statuses…", command=files.export)
    menu.add_separator()
    menu.add_checkbutton(label="Colour Words by Status", variable=legend.colours)
    return LearnerPanels(legend, coverage, card_status, files)
