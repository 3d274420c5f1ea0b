"""The vocabulary view: the saved words in a table to sort, search, delete and export.

One window at a time; it follows the vocabulary (the word card announces each save with a virtual
event). Sorting happens here, on the rows already read, so any column can be sorted both ways.
Exports write through a partial file (see `Vocabulary.export_csv`/`export_anki`), so a failed
export never leaves half a file under the chosen name.

It attaches to the window with `setup(window)`.
"""

from __future__ import annotations

import logging
import tkinter as tk
import tkinter.font as tkfont
from collections.abc import Callable
from pathlib import Path
from tkinter import filedialog, ttk
from typing import TYPE_CHECKING

from reader.dictionary.vocabulary import SavedWord, Vocabulary
from reader.gui import events
from reader.gui.state import ReaderState
from reader.gui.text_fit import TextFitter
from reader.gui.vocabulary_editor import WordEditor

if TYPE_CHECKING:
    from reader.gui.app import ReaderWindow

log = logging.getLogger(__name__)

# (heading, width, stretch) per column; the sort keys are the SavedWord fields of the same name.
COLUMNS = {
    "word": ("Word", 140, False),
    "lemma": ("Lemma", 140, False),
    "english": ("English", 200, False),
    "sentence": ("Sentence", 420, True),
}
EXPORTS = {
    "csv": ("Export CSV…", ".csv", (("CSV files", "*.csv"), ("All files", "*"))),
    "anki": ("Export Anki deck…", ".apkg", (("Anki decks", "*.apkg"), ("All files", "*"))),
}

# Asks where to save an export: (parent, title, default extension, file types) -> path or None.
AskSavePath = Callable[[tk.Misc, str, str, tuple[tuple[str, str], ...]], str | None]
WINDOW_SIZE = (980, 600)
SCREEN_MARGIN = 40  # room for the title bar and the panels of the desktop


def placed_over(
    parent: tuple[int, int, int, int], size: tuple[int, int], screen: tuple[int, int]
) -> str:
    """The geometry of a window of `size` centred over `parent` (x, y, width, height) and
    wholly on the `screen` (shrunk to fit a small one)."""
    width = min(size[0], screen[0] - SCREEN_MARGIN)
    height = min(size[1], screen[1] - 2 * SCREEN_MARGIN)
    x = parent[0] + (parent[2] - width) // 2
    y = parent[1] + (parent[3] - height) // 3
    x = max(0, min(x, screen[0] - width))
    y = max(0, min(y, screen[1] - height - SCREEN_MARGIN))
    return f"{width}x{height}+{x}+{y}"


def _words(count: int) -> str:
    return f"{count} word{'s' if count != 1 else ''}"


def ask_save_path(
    parent: tk.Misc, title: str, extension: str, filetypes: tuple[tuple[str, str], ...]
) -> str | None:
    from reader.gui.dialogs import hide_dot_files, start_folder
    from reader.paths import usual_article_folders

    hide_dot_files(parent)
    folder = start_folder(None, usual_article_folders()[1:])  # Documents, else home
    chosen = filedialog.asksaveasfilename(
        parent=parent,
        title=title,
        defaultextension=extension,
        filetypes=filetypes,
        initialfile=f"german-reader-vocabulary{extension}",
        initialdir=str(folder) if folder else None,
    )
    return chosen or None


def sorted_words(words: list[SavedWord], column: str, descending: bool) -> list[SavedWord]:
    """The rows ordered by `column`, ignoring case (the newest first when not sorted)."""
    if column not in COLUMNS:
        return sorted(words, key=lambda word: word.added, reverse=True)
    return sorted(words, key=lambda word: str(getattr(word, column)).casefold(), reverse=descending)


class VocabularyWindow(tk.Toplevel):
    def __init__(
        self,
        master: tk.Misc,
        state: ReaderState,
        vocabulary: Callable[[], Vocabulary],
        *,
        ask_path: AskSavePath = ask_save_path,
    ) -> None:
        super().__init__(master)
        self.shared = state
        self._vocabulary = vocabulary
        self.ask_path = ask_path
        self.sort_column = ""
        self.descending = False
        self.words: list[SavedWord] = []
        self.row_texts: dict[str, tuple[str, ...]] = {}  # row id -> the cells' whole texts
        self._fitting: str | None = None
        self.deleted: list[SavedWord] = []  # the last deletion, for Undo
        self.title("Vocabulary — German Reader")
        self.geometry(self._placement(master))
        self.minsize(600, 360)
        self._build()
        self.refresh()
        self.protocol("WM_DELETE_WINDOW", self.destroy)
        self.bind("<Escape>", lambda _e: self.destroy(), add=True)

    def _placement(self, master: tk.Misc) -> str:
        owner = master.winfo_toplevel()
        parent = (
            owner.winfo_rootx(),
            owner.winfo_rooty(),
            owner.winfo_width(),
            owner.winfo_height(),
        )
        screen = (self.winfo_screenwidth(), self.winfo_screenheight())
        return placed_over(parent, WINDOW_SIZE, screen)

    def _build(self) -> None:
        frame = ttk.Frame(self, padding=12)
        frame.pack(fill="both", expand=True)
        top = ttk.Frame(frame)
        top.pack(fill="x")
        ttk.Label(top, text="VOCABULARY", style="Caption.TLabel").pack(side="left")
        self.count_label = ttk.Label(top, text="", style="Muted.TLabel")
        self.count_label.pack(side="left", padx=(10, 0))
        self.search = tk.StringVar(self)
        self.search_entry = ttk.Entry(top, textvariable=self.search, width=32)
        self.search_entry.pack(side="right")
        ttk.Label(top, text="Search", style="Muted.TLabel").pack(side="right", padx=(0, 6))
        self.search.trace_add("write", lambda *_: self.refresh())

        table = ttk.Frame(frame)
        self.tree = ttk.Treeview(table, columns=tuple(COLUMNS), show="headings")
        for column, (heading, width, stretch) in COLUMNS.items():
            self.tree.heading(column, text=heading, command=self._sorter(column))
            self.tree.column(column, width=width, stretch=stretch, anchor="w")
        scrollbar = ttk.Scrollbar(table, orient="vertical", command=self.tree.yview)
        self.tree.configure(yscrollcommand=scrollbar.set)
        scrollbar.pack(side="right", fill="y")
        self.tree.pack(side="left", fill="both", expand=True)
        self.tree.bind("<Delete>", lambda _e: self.delete_selected(), add=True)
        self.bind("<Control-z>", lambda _e: self.undo_delete(), add=True)
        self.tree.bind("<<TreeviewSelect>>", lambda _e: self._show_selected(), add=True)
        # Texts too long for their column end in "…" (the detail below shows the sentence);
        # refitted when the window or a column (dragged by its heading's edge) changes width.
        self._fitter = TextFitter(tkfont.nametofont("TkDefaultFont").measure)
        for sequence in ("<Configure>", "<ButtonRelease-1>"):
            self.tree.bind(sequence, lambda _e: self._schedule_fit(), add=True)
        # Double-click or Enter on a word: type its English.
        for sequence in ("<Double-Button-1>", "<Return>"):
            self.tree.bind(sequence, lambda _e: self._edit_selected(), add=True)

        buttons = ttk.Frame(frame)
        buttons.pack(side="bottom", fill="x", pady=(10, 0))
        self.editor = WordEditor(frame, self._vocabulary, self._word_edited, self._edit_failed)
        self.editor.pack(side="bottom", fill="x", pady=(8, 0))
        self.detail = ttk.Label(frame, text="", style="Muted.TLabel", wraplength=900)
        self.detail.pack(side="bottom", fill="x")
        # Packed last, so a short window shortens the table, not the editor and the buttons.
        table.pack(fill="both", expand=True, pady=(10, 0))
        self.delete_button = ttk.Button(buttons, text="Delete", command=self.delete_selected)
        self.delete_button.pack(side="left")
        self.undo_button = ttk.Button(
            buttons, text="Undo Delete", command=self.undo_delete, state="disabled"
        )
        self.undo_button.pack(side="left", padx=(6, 0))
        for kind, (label, _extension, _types) in EXPORTS.items():
            ttk.Button(buttons, text=label, command=self._exporter(kind)).pack(
                side="right", padx=(6, 0)
            )
        # What the last export or edit did, here where the learner looks (the main window's
        # status bar is behind this window).
        self.message = ttk.Label(buttons, text="", anchor="w")
        self.message.pack(side="left", fill="x", expand=True, padx=(12, 6))

    def _sorter(self, column: str) -> Callable[[], None]:
        return lambda: self.sort_by(column)

    def _exporter(self, kind: str) -> Callable[[], None]:
        def export() -> None:
            self.export(kind)

        return export

    @property
    def vocabulary(self) -> Vocabulary:
        return self._vocabulary()

    # --- rows -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the vocabulary again (after a save, a delete, or while typing a search)."""
        try:
            found = self.vocabulary.words(search=self.search.get().strip())
        except Exception as error:  # an unreadable file: say so in the window, keep it open
            log.exception("cannot read the vocabulary")
            self.count_label.configure(text=f"cannot read the vocabulary: {error}")
            return
        self.words = sorted_words(found, self.sort_column, self.descending)
        selected = self.tree.selection()
        self.tree.delete(*self.tree.get_children())
        self.row_texts.clear()
        for word in self.words:
            values = tuple(" ".join(str(getattr(word, column)).split()) for column in COLUMNS)
            self.row_texts[str(word.id)] = values
            self.tree.insert("", "end", iid=str(word.id), values=self._fitted(values))
        kept = [row for row in selected if self.tree.exists(row)]
        if kept:  # a save or an edit keeps the word the learner is working on selected
            self.tree.selection_set(kept)
        count = len(self.words)
        self.count_label.configure(text=f"{count} word{'s' if count != 1 else ''}")
        self._show_headings()
        self._show_selected()

    def _fitted(self, values: tuple[str, ...]) -> tuple[str, ...]:
        widths = [int(self.tree.column(column, "width")) - 12 for column in COLUMNS]
        return tuple(
            self._fitter.fit(value, width) for value, width in zip(values, widths, strict=True)
        )

    def _schedule_fit(self) -> None:
        if self._fitting is None:
            self._fitting = self.after_idle(self._fit_rows)

    def _fit_rows(self) -> None:
        self._fitting = None
        for row, values in self.row_texts.items():
            if self.tree.exists(row):
                self.tree.item(row, values=self._fitted(values))

    def sort_by(self, column: str) -> None:
        """Sort by `column`; clicking the same heading again reverses the order."""
        self.descending = not self.descending if column == self.sort_column else False
        self.sort_column = column
        self.refresh()

    def _show_headings(self) -> None:
        for column, (heading, _width, _stretch) in COLUMNS.items():
            arrow = ""
            if column == self.sort_column:
                arrow = " ▼" if self.descending else " ▲"
            self.tree.heading(column, text=heading + arrow)

    def _show_selected(self) -> None:
        selected = self.selected_words()
        self.delete_button.configure(state="normal" if selected else "disabled")
        if len(selected) == 1:
            word = selected[0]
            lines = [line for line in (word.sentence, word.sentence_english) if line]
            self.detail.configure(text="\n".join(lines))
            if self.editor.word is None or self.editor.word.id != word.id:
                self.editor.show(word)
        else:
            self.detail.configure(text="")
            self.editor.show(None)

    def _edit_selected(self) -> None:
        if self.editor.word is not None:
            self.editor.english_entry.focus_set()
            self.editor.english_entry.selection_range(0, "end")

    def _word_edited(self, word: SavedWord) -> None:
        self.message.configure(text=f"Saved the English and note of “{word.lemma}”.")
        self.shared.emit(events.VOCABULARY_CHANGED)

    def _edit_failed(self, error: Exception) -> None:
        self.shared.dialogs.show_error(self, "Not saved", f"The change could not be saved: {error}")

    def selected_words(self) -> list[SavedWord]:
        chosen = set(self.tree.selection())
        return [word for word in self.words if str(word.id) in chosen]

    def delete_selected(self) -> None:
        selected = self.selected_words()
        if not selected:
            return
        for word in selected:
            self.vocabulary.delete(word.id)
        self.deleted = selected
        self.undo_button.configure(state="normal")
        done = f"Deleted {_words(len(selected))} from the vocabulary (Ctrl+Z brings them back)."
        self.message.configure(text=done)
        self.shared.set_status(done)
        self.shared.emit(events.VOCABULARY_CHANGED)

    def undo_delete(self) -> None:
        """Bring back the words deleted last."""
        if not self.deleted:
            return
        restored, self.deleted = self.deleted, []
        self.vocabulary.restore(restored)
        self.undo_button.configure(state="disabled")
        done = f"Restored {_words(len(restored))} to the vocabulary."
        self.message.configure(text=done)
        self.shared.set_status(done)
        self.shared.emit(events.VOCABULARY_CHANGED)

    # --- export -----------------------------------------------------------------------------

    def export(self, kind: str) -> Path | None:
        label, extension, filetypes = EXPORTS[kind]
        chosen = self.ask_path(self, label.rstrip("…"), extension, filetypes)
        if not chosen:
            return None
        path = Path(chosen)
        try:
            if kind == "csv":
                count = self.vocabulary.export_csv(path)
            else:
                count = self.vocabulary.export_anki(path)
        except Exception as error:  # a read-only folder, a full disk
            log.exception("export failed")
            self.shared.dialogs.show_error(
                self, "Export failed", f"{path.name} could not be written: {error}"
            )
            return None
        done = f"Exported {_words(count)} to {path}."
        self.message.configure(text=done)
        self.shared.set_status(done)
        return path


class VocabularyAccess:
    """Opens the vocabulary window (one at a time) and keeps it current."""

    def __init__(
        self,
        root: tk.Misc,
        state: ReaderState,
        vocabulary: Callable[[], Vocabulary],
        *,
        ask_path: AskSavePath = ask_save_path,
    ) -> None:
        self.root = root
        self.shared = state
        self.vocabulary = vocabulary
        self.ask_path = ask_path
        self.window: VocabularyWindow | None = None
        state.on(events.SHOW_VOCABULARY, self._show_requested)
        state.on(events.VOCABULARY_CHANGED, self._changed)

    def show(self) -> VocabularyWindow:
        if self.window is None or not self.window.winfo_exists():
            self.window = VocabularyWindow(
                self.root, self.shared, self.vocabulary, ask_path=self.ask_path
            )
        self.window.deiconify()
        self.window.lift()
        self.window.search_entry.focus_set()
        return self.window

    def _show_requested(self) -> None:
        self.show()

    def _changed(self) -> None:
        if self.window is not None and self.window.winfo_exists():
            self.window.refresh()


def setup(window: ReaderWindow) -> VocabularyAccess:
    """The Vocabulary menu (Show Vocabulary…, Ctrl+Shift+B); the word card's "Vocabulary…"
    button asks for it with `events.SHOW_VOCABULARY`. It shares the window's vocabulary (one
    connection with the word card)."""
    access = VocabularyAccess(
        window.root,
        window.state,
        window.vocabulary,
        ask_path=window.services.ask_save_path or ask_save_path,
    )
    menu = window.menu("Vocabulary")
    menu.add_command(label="Show Vocabulary…", accelerator="Ctrl+Shift+B", command=access.show)
    window.bind_key("<Control-B>", access.show)
    return access
