"""The library: every article opened is kept, and the Library window lists them.

`ArticleKeeper` notes each article the window shows (title, source, when), then its figures as
they come (words and CEFR from the analysis, the lemma counts and personal coverage from the
word index), and where the reader is and how much is translated — written every few seconds
while it changes, when another article is opened and when the window closes. An article
opened again resumes where the reader left it.

The Library window lists the articles, sortable by any column and filtered by a search and by
"I can read comfortably" (at least 95 % of the running words known, under today's statuses);
it opens one (a missing file says so and can be removed), says what the app opens at start,
and draws the learner's progress: words marked per day and words known over time.
"""

from __future__ import annotations

import functools
import logging
import sqlite3
import time
import tkinter as tk
from collections.abc import Callable
from pathlib import Path
from tkinter import ttk
from typing import TYPE_CHECKING

from reader.document import Document, Source
from reader.gui import events
from reader.gui.theme import palette
from reader.learner.library import Library, LibraryArticle
from reader.learner.progress import DayProgress, daily_progress

if TYPE_CHECKING:
    from reader.gui.app import ReaderWindow
    from reader.learner.store import LearnerStore

log = logging.getLogger(__name__)

NOTE_EVERY_MS = 400  # how often the reading position is looked at
SAVE_EVERY_S = 3.0  # how often a changed reading position is written
COLUMNS = {
    "title": ("Title", 280, True),
    "words": ("Words", 70, False),
    "cefr": ("Level", 55, False),
    "known": ("You know", 80, False),
    "translated": ("Translated", 85, False),
    "opened": ("Last opened", 150, False),
}
START_LABELS = {"last": "the last article", "library": "the library", "sample": "the sample"}
CEFR_ORDER = {"A1": 1, "A2": 2, "B1": 3, "B2": 4, "C1": 5, "C2": 6}
CHART_DAYS = 30
CHART_HEIGHT = 90


class ArticleKeeper:
    """Keeps the open article in the library, with its figures and reading position."""

    def __init__(self, window: ReaderWindow) -> None:
        self.window = window
        self.state = window.state
        self.article_id: int | None = None
        self._position: str | None = None
        self._saved_position: str | None = None
        self._resume: str | None = None
        self._failed = False
        self._dirty = False  # coverage or translation changed since the last write
        state = self.state
        state.on(events.ARTICLE_LOADED, self._article_loaded)
        state.on(events.ANALYSIS_READY, self._analysed)
        from reader.gui.word_status import COVERAGE_READY, STATUSES_CHANGED

        state.on(COVERAGE_READY, self._words_counted)
        state.on(STATUSES_CHANGED, self._coverage_changed)
        state.on(events.TRANSLATION_PROGRESS, self._translated)
        window.on_close(self.save_reading)
        self._last_write = 0.0
        self.state.root.after(NOTE_EVERY_MS, self._tick)

    @property
    def library(self) -> Library:
        return Library(self.window.learner())

    def _guard(self, action: Callable[[], object]) -> None:
        """Library writes are a nicety: a failure goes to the log and the status bar once."""
        try:
            action()
        except (OSError, sqlite3.Error) as error:
            log.warning("cannot update the library: %s", error)
            if not self._failed:
                self._failed = True
                self.state.set_status(f"The library cannot be updated: {error}")

    def _article_loaded(self) -> None:
        # The previous article's last position, as last noted: its text is gone already.
        self.save_reading(note=False)
        session = self.state.session
        self.article_id = None
        self._position = self._saved_position = self._resume = None
        if session is None:
            return

        def record() -> None:
            article = self.library.record_opened(session.document)
            self.article_id = article.id
            self._saved_position = article.position
            if article.position != "1.0":
                self._resume = article.position
                self.state.root.after(50, self._resume_when_laid_out)

        self._guard(record)

    def _resume_when_laid_out(self) -> None:
        """Scroll to the saved position once the paragraphs are padded (earlier, the padding
        would move it away again)."""
        view = self.window.reading_view
        if self._resume is None or self.state.session is None:
            return
        if view.aligning:
            self.state.root.after(50, self._resume_when_laid_out)
            return
        position, self._resume = self._resume, None
        view.scrolling.show(view.german, position, at_top=True)
        self._position = self._saved_position = position
        self.state.set_status("Back where you left this article.")

    @property
    def resuming(self) -> bool:
        return self._resume is not None

    def _analysed(self) -> None:
        session = self.state.session
        if session is None or self.article_id is None or session.readability is None:
            return
        report = session.readability
        article_id = self.article_id
        self._guard(
            lambda: self.library.save_figures(
                article_id, words=report.counts.words, cefr=report.cefr
            )
        )

    def _words_counted(self) -> None:
        marks = self.window.word_marks
        article, coverage = marks.article, marks.coverage
        if article is None or coverage is None or self.article_id is None:
            return
        session = self.state.session
        report = session.readability if session is not None else None
        article_id = self.article_id
        self._guard(
            lambda: self.library.save_analysis(
                article_id,
                words=report.counts.words if report else article.words.total,
                cefr=report.cefr if report else None,
                lemma_counts=article.words.occurrences(),
                known_share=coverage.share,
            )
        )

    def _coverage_changed(self) -> None:
        self._dirty = True

    def _translated(self) -> None:
        self._dirty = True

    def _tick(self) -> None:
        try:
            self._note_position()
            changed = self._position != self._saved_position or self._dirty
            if changed and time.monotonic() - self._last_write >= SAVE_EVERY_S:
                self.save_reading(note=False)
        finally:
            self.state.root.after(NOTE_EVERY_MS, self._tick)

    def _note_position(self) -> None:
        if self.article_id is None or self.resuming or self.window.reading_view.aligning:
            return
        try:
            self._position = self.window.reading_view.german.index("@0,0")
        except tk.TclError:
            return

    @property
    def position(self) -> str | None:
        """The reading position last noted (the first character in view)."""
        return self._position

    def save_reading(self, *, note: bool = True) -> None:
        """Write where the reader is, the translated share and the coverage now."""
        if self.article_id is None:
            return
        if note:
            self._note_position()
        self._last_write = time.monotonic()
        session = self.state.session
        translated = None
        if session is not None and session.document.paragraphs:
            translated = len(session.translations) / len(session.document.paragraphs)
        coverage = self.window.word_marks.coverage
        article_id, position = self.article_id, self._position
        self._guard(
            lambda: self.library.save_reading(
                article_id,
                position=position,
                translated_share=translated,
                known_share=coverage.share if coverage is not None else None,
            )
        )
        self._saved_position = position
        self._dirty = False


class LibraryWindow(tk.Toplevel):
    def __init__(self, master: tk.Misc, access: LibraryAccess) -> None:
        super().__init__(master)
        self.access = access
        self.title("Library")
        self.geometry("900x600")
        self.articles: list[LibraryArticle] = []
        self.sort_column = "opened"
        self.descending = True
        self._build()
        self.bind("<Escape>", lambda _e: self.destroy(), add=True)
        self.refresh()

    def _build(self) -> None:
        frame = ttk.Frame(self, padding=10)
        frame.pack(fill="both", expand=True)
        top = ttk.Frame(frame)
        top.pack(fill="x")
        ttk.Label(top, text="Search").pack(side="left")
        self.search = tk.StringVar(self)
        self.search.trace_add("write", lambda *_: self.show())
        self.search_entry = ttk.Entry(top, textvariable=self.search, width=28)
        self.search_entry.pack(side="left", padx=(6, 12))
        self.comfortable = tk.BooleanVar(self, False)
        ttk.Checkbutton(
            top,
            text="Only articles I can read comfortably (I know ≥ 95 % of the words)",
            variable=self.comfortable,
            command=self.show,
        ).pack(side="left")
        table = ttk.Frame(frame)
        table.pack(fill="both", expand=True, pady=(8, 0))
        self.tree = ttk.Treeview(table, columns=tuple(COLUMNS), show="headings", height=10)
        for name, (heading, width, stretch) in COLUMNS.items():
            self.tree.heading(name, text=heading, command=functools.partial(self.sort_by, name))
            self.tree.column(name, width=width, stretch=stretch, anchor="w" if stretch else "e")
        scrollbar = ttk.Scrollbar(table, orient="vertical", command=self.tree.yview)
        self.tree.configure(yscrollcommand=scrollbar.set)
        self.tree.pack(side="left", fill="both", expand=True)
        scrollbar.pack(side="right", fill="y")
        self.tree.bind("<Double-1>", lambda _e: self.open_selected(), add=True)
        self.tree.bind("<Return>", lambda _e: self.open_selected(), add=True)
        self.tree.tag_configure("missing", foreground=palette("light").muted)
        buttons = ttk.Frame(frame)
        buttons.pack(fill="x", pady=(8, 0))
        self.open_button = ttk.Button(
            buttons, text="Open", style="Accent.TButton", command=self.open_selected
        )
        self.open_button.pack(side="left")
        self.remove_button = ttk.Button(buttons, text="Remove", command=self.remove_selected)
        self.remove_button.pack(side="left", padx=(6, 0))
        self.note = ttk.Label(buttons, text="", style="Muted.TLabel")
        self.note.pack(side="left", padx=(12, 0))
        ttk.Button(buttons, text="Close", command=self.destroy).pack(side="right")
        start = ttk.Frame(frame)
        start.pack(fill="x", pady=(8, 0))
        ttk.Label(start, text="At start, open").pack(side="left")
        self.start_with = tk.StringVar(self, START_LABELS[self.access.state.settings.start_with])
        chooser = ttk.Combobox(
            start,
            textvariable=self.start_with,
            values=list(START_LABELS.values()),
            state="readonly",
            width=18,
        )
        chooser.pack(side="left", padx=(6, 0))
        chooser.bind("<<ComboboxSelected>>", lambda _e: self._start_chosen(), add=True)
        ttk.Label(frame, text="PROGRESS", style="Caption.TLabel").pack(anchor="w", pady=(10, 0))
        self.chart = tk.Canvas(frame, height=CHART_HEIGHT, highlightthickness=0, borderwidth=0)
        self.chart.pack(fill="x")
        self.chart.bind("<Configure>", lambda _e: self.draw_progress(), add=True)
        self.progress: list[DayProgress] = []

    def _start_chosen(self) -> None:
        chosen = next(k for k, v in START_LABELS.items() if v == self.start_with.get())
        self.access.state.update_settings(start_with=chosen)

    def refresh(self) -> None:
        try:
            store = self.access.store()
            self.articles = Library(store).articles()
            self.progress = daily_progress(store.changes(), days=CHART_DAYS)
        except (OSError, sqlite3.Error) as error:
            log.warning("cannot read the library: %s", error)
            self.articles, self.progress = [], []
            self.note.configure(text=f"The library cannot be read: {error}")
        self.show()
        self.draw_progress()

    def visible_articles(self) -> list[LibraryArticle]:
        query = self.search.get().strip().casefold()
        shown = [
            article
            for article in self.articles
            if (
                not query or query in article.title.casefold() or query in article.source.casefold()
            )
            and (not self.comfortable.get() or article.comfortable)
        ]
        return sorted(shown, key=_sort_key(self.sort_column), reverse=self.descending)

    def show(self) -> None:
        selected = self.tree.selection()
        self.tree.delete(*self.tree.get_children())
        for article in self.visible_articles():
            missing = article.missing
            self.tree.insert(
                "",
                "end",
                iid=str(article.id),
                values=(
                    article.title + ("  (file missing)" if missing else ""),
                    f"{article.words:,}" if article.words else "–",
                    article.cefr or "–",
                    "–" if article.known_share is None else f"{int(article.known_share * 100)} %",
                    f"{round(article.translated_share * 100)} %",
                    time.strftime("%Y-%m-%d %H:%M", time.localtime(article.opened)),
                ),
                tags=("missing",) if missing else (),
            )
        kept = [iid for iid in selected if self.tree.exists(iid)]
        if kept:
            self.tree.selection_set(kept)
        elif self.tree.get_children():
            self.tree.selection_set(self.tree.get_children()[0])
        count = len(self.tree.get_children())
        self.note.configure(text=f"{count} of {len(self.articles)} articles")
        for name, (heading, _, _) in COLUMNS.items():
            arrow = (" ▼" if self.descending else " ▲") if name == self.sort_column else ""
            self.tree.heading(name, text=heading + arrow)

    def sort_by(self, column: str) -> None:
        if column == self.sort_column:
            self.descending = not self.descending
        else:
            self.sort_column, self.descending = column, column in ("known", "opened")
        self.show()

    def selected(self) -> LibraryArticle | None:
        chosen = self.tree.selection()
        if not chosen:
            return None
        return next((a for a in self.articles if str(a.id) == chosen[0]), None)

    def open_selected(self) -> None:
        article = self.selected()
        if article is not None and self.access.open_article(article, parent=self):
            self.destroy()

    def remove_selected(self) -> None:
        article = self.selected()
        if article is None:
            return
        try:
            Library(self.access.store()).remove(article.id)
        except (OSError, sqlite3.Error) as error:
            self.access.state.dialogs.show_error(self, "Not removed", str(error))
            return
        self.refresh()

    def draw_progress(self) -> None:
        """Bars: words marked per day; line: words known at the end of each day."""
        canvas = self.chart
        canvas.delete("all")
        colours = palette(self.access.state.settings.theme)
        days = self.progress
        width = max(canvas.winfo_width(), 200)
        if not days or not any(day.marked or day.known for day in days):
            canvas.create_text(
                width // 2,
                CHART_HEIGHT // 2,
                text="Mark words while reading: your progress shows here.",
                fill=colours.muted,
            )
            return
        left, bottom, top = 8, CHART_HEIGHT - 18, 16
        step = (width - 2 * left) / len(days)
        most_marked = max(day.marked for day in days) or 1
        most_known = max(day.known for day in days) or 1
        points: list[float] = []
        for number, day in enumerate(days):
            x = left + number * step
            height = (bottom - top) * day.marked / most_marked
            if day.marked:
                canvas.create_rectangle(
                    x + 1,
                    bottom - height,
                    x + step - 1,
                    bottom,
                    fill="#90caf9",
                    width=0,
                    tags=("marked",),
                )
            points += [x + step / 2, bottom - (bottom - top) * day.known / most_known]
        canvas.create_line(*points, fill="#2e7d32", width=2, tags=("known",))
        last = days[-1]
        canvas.create_text(
            left,
            2,
            anchor="nw",
            fill=colours.muted,
            text=f"{last.known:,} words known (green) · marked per day, last {len(days)} days "
            f"(blue; most {most_marked:,})",
        )
        canvas.create_text(
            left, bottom + 2, anchor="nw", text=days[0].day.isoformat(), fill=colours.muted
        )
        canvas.create_text(width - left, bottom + 2, anchor="ne", text="today", fill=colours.muted)


def _sort_key(column: str) -> Callable[[LibraryArticle], tuple[float, str]]:
    def key(article: LibraryArticle) -> tuple[float, str]:
        if column == "title":
            return (0.0, article.title.casefold())
        value = {
            "words": float(article.words),
            "cefr": float(CEFR_ORDER.get(article.cefr or "", 0)),
            "known": -1.0 if article.known_share is None else article.known_share,
            "translated": article.translated_share,
            "opened": article.opened,
        }[column]
        return (value, article.title.casefold())

    return key


class LibraryAccess:
    """Opens the Library window and articles from the library; decides what shows at start."""

    def __init__(self, window: ReaderWindow, keeper: ArticleKeeper) -> None:
        self.window = window
        self.state = window.state
        self.keeper = keeper
        self.view: LibraryWindow | None = None

    def store(self) -> LearnerStore:
        return self.window.learner()

    def show(self) -> LibraryWindow:
        self.keeper.save_reading()  # the open article's figures as they are now
        if self.view is None or not self.view.winfo_exists():
            self.view = LibraryWindow(self.window.root, self)
        else:
            self.view.refresh()
        self.view.deiconify()
        self.view.lift()
        self.view.tree.focus_set()
        return self.view

    def open_article(self, article: LibraryArticle, *, parent: tk.Misc | None = None) -> bool:
        """Open `article` as it was opened before; False (and a message) if it is gone."""
        state = self.state
        if article.missing:
            state.dialogs.show_error(
                parent or state.root,
                "File not found",
                f"{article.path} no longer exists. Use Remove to take “{article.title}” off "
                "the list, or open the file from where it is now.",
            )
            return False
        if article.path is not None:
            self.window.opener.open_path(Path(article.path))
        elif article.url is not None:
            self.window.opener.open_url(article.url)
        else:
            text = Library(self.store()).pasted_text(article.id)
            if not text:
                state.dialogs.show_error(
                    parent or state.root, "Text not kept", "The library holds no text for it."
                )
                return False
            from reader.loading import load_text

            document = load_text(text, Source(path=None, format="clipboard"))
            state.show_document(_titled(document, article.title))
        return True

    def open_at_start(self) -> None:
        """What the window shows when started without a file (settings.start_with)."""
        choice = self.state.settings.start_with
        last: LibraryArticle | None = None
        try:
            last = Library(self.store()).last_opened()
        except (OSError, sqlite3.Error) as error:
            log.warning("cannot read the library: %s", error)
        if choice == "library" and last is not None:
            self.show()
            return
        if choice == "last" and last is not None and not last.missing:
            self.open_article(last)
            return
        self.window.opener.open_sample()


def _titled(document: Document, title: str) -> Document:
    from dataclasses import replace

    return document if document.title else replace(document, title=title)


def setup(window: ReaderWindow) -> LibraryAccess:
    """Keep every article opened; File → Library… (Ctrl+L) lists them."""
    keeper = ArticleKeeper(window)
    access = LibraryAccess(window, keeper)
    menu = window.menu("File")
    position = _entry_index(menu, "Open Recent")
    menu.insert_command(position + 1, label="Library…", accelerator="Ctrl+L", command=access.show)
    window.bind_key("<Control-l>", access.show)
    return access


def _entry_index(menu: tk.Menu, label: str) -> int:
    end = menu.index("end")
    for index in range(0 if end is None else end + 1):
        if (
            menu.type(index) not in ("separator", "tearoff")
            and menu.entrycget(index, "label") == label
        ):
            return index
    return 0 if end is None else end
