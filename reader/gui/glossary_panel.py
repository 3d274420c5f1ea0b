"""The glossary panel: the article's political terms (or the whole glossary), a filter, details.

Choosing a term here announces it with <<TermSelected>>; the reading view then shades and
scrolls to its occurrences. A term clicked in the text is selected here the same way.
"""

from __future__ import annotations

import time
import tkinter as tk
import tkinter.font as tkfont
from tkinter import ttk
from typing import TYPE_CHECKING

from reader.gui import events
from reader.gui.state import ReaderState
from reader.gui.term_display import category_colours, category_id, origin_line
from reader.gui.text_fit import TextFitter
from reader.gui.theme import palette

if TYPE_CHECKING:
    from reader.glossary.entries import GlossaryEntry
    from reader.gui.app import ReaderWindow

ARTICLE = "article"
WHOLE = "whole"
FILL_BATCH = 300  # rows per Tcl call; the rest after the event loop had its turn
REFIT_SLICE_S = 0.005
_TCL_MEASURE = """
namespace eval ::german_reader {}
proc ::german_reader::measure {font texts} {
    lmap text $texts {font measure $font $text}
}
"""
_TCL_TREE_ROWS = """
namespace eval ::german_reader {}
proc ::german_reader::tree_rows {tree rows} {
    foreach {id values tag} $rows {
        $tree insert {} end -id $id -values $values -tags [list $tag]
    }
}
"""
FILTER_HINT = "Filter terms (German or English)…"
MIN_LIST_ROWS = 6  # what the list always shows, however short the window
DETAILS_LINES = (4, 7)  # the details' height in a short panel and in a tall one
TALL_PANEL_PX = 520
COUNT_COLUMN_PX = 40
CELL_PADDING_PX = 14  # a Treeview cell's padding and the room for its separator


def entry_matches(entry: GlossaryEntry, query: str) -> bool:
    """Whether the filter text occurs in the term, its English, or its abbreviations."""
    query = query.strip().casefold()
    if not query:
        return True
    haystack = [entry.term, *entry.english, *entry.abbreviations]
    return any(query in text.casefold() for text in haystack)


def setup(window: ReaderWindow) -> GlossaryPanel:
    """The glossary below the readability panel, taking the rest of the side pane."""
    panel = GlossaryPanel(window.side_pane, window.state)
    window.side_pane.add(panel, weight=1)
    # The readability panel above gives way before the list gets shorter than its minimum.
    window.panes.lower_minimum = panel.minimum_height
    return panel


class GlossaryPanel(ttk.Frame):
    def __init__(self, master: tk.Misc, state: ReaderState) -> None:
        super().__init__(master, padding=(12, 10))
        self.shared = state
        self.mode = tk.StringVar(self, ARTICLE)
        self.query = tk.StringVar(self, "")
        self.rows: dict[str, GlossaryEntry] = {}  # tree row id -> glossary entry
        self.row_values: dict[str, tuple[str, str, str]] = {}  # tree row id -> full texts
        self._column_widths: tuple[int, int] | None = None
        self._fitting: str | None = None
        self._announcing = False
        self.selected: GlossaryEntry | None = None  # the term chosen last, in list or text
        self._filling: str | None = None  # the after() that adds the next rows
        self._refitting: str | None = None  # the after() that shortens the next rows
        self._build()
        self.query.trace_add("write", lambda *_: self.refresh())
        self.mode.trace_add("write", lambda *_: self.refresh())
        state.on(events.ARTICLE_LOADED, self._article_loaded)
        state.on(events.TERMS_FOUND, self._terms_found)
        state.on_data(events.TERM_SELECTED, events.TermSelected, self.show_selected)
        state.on(events.SETTINGS_CHANGED, self._recolour)

    def _build(self) -> None:
        header = ttk.Frame(self)
        header.pack(fill="x")
        ttk.Label(header, text="GLOSSARY", style="Caption.TLabel").pack(side="left")
        self.count_label = ttk.Label(header, text="", style="Muted.TLabel")
        self.count_label.pack(side="right")
        modes = ttk.Frame(self)
        modes.pack(fill="x", pady=(6, 4))
        self.article_button = ttk.Radiobutton(
            modes, text="This article", value=ARTICLE, variable=self.mode
        )
        self.article_button.pack(side="left")
        self.whole_button = ttk.Radiobutton(
            modes, text="Whole glossary", value=WHOLE, variable=self.mode
        )
        self.whole_button.pack(side="left", padx=(12, 0))
        self.filter_entry = ttk.Entry(self, textvariable=self.query)
        self.filter_entry.pack(fill="x", pady=(2, 6))
        _placeholder(self.filter_entry, self.query, FILTER_HINT)
        # Packed before the list, so a short panel squeezes the list, not the details.
        details_frame = ttk.Frame(self)
        details_frame.pack(side="bottom", fill="x", pady=(8, 0))
        self.details = tk.Text(
            details_frame,
            height=DETAILS_LINES[0],
            wrap="word",
            borderwidth=0,
            highlightthickness=0,
            padx=10,
            pady=8,
            spacing1=1,
            spacing3=3,
        )
        # Long explanations do not fit; the bar shows there is more.
        self.details_scroll = ttk.Scrollbar(
            details_frame, orient="vertical", command=self.details.yview
        )
        self.details.configure(yscrollcommand=self.details_scroll.set)
        self.details_scroll.pack(side="right", fill="y")
        self.details.pack(side="left", fill="x", expand=True)
        # A plain frame: it draws the keyboard's focus ring round the list (see `keyboard`).
        frame = tk.Frame(self, borderwidth=0, highlightthickness=0)
        frame.pack(fill="both", expand=True)
        self.tree = ttk.Treeview(
            frame,
            columns=("term", "english", "count"),
            show="headings",
            selectmode="browse",
            height=MIN_LIST_ROWS,
        )
        self.tree.heading("term", text="Term", anchor="w")
        self.tree.heading("english", text="English", anchor="w")
        self.tree.heading("count", text="#", anchor="e")
        self.tree.column("term", width=130, minwidth=60, stretch=True)
        self.tree.column("english", width=110, minwidth=50, stretch=True)
        self.tree.column("count", width=COUNT_COLUMN_PX, minwidth=30, stretch=False, anchor="e")
        scroll = ttk.Scrollbar(frame, orient="vertical", command=self.tree.yview)
        self.tree.configure(yscrollcommand=scroll.set)
        self.tree.pack(side="left", fill="both", expand=True)
        scroll.pack(side="right", fill="y")
        self.tree.bind("<<TreeviewSelect>>", self._row_chosen, add=True)
        self.tree.bind("<Configure>", lambda _e: self._schedule_fit(), add=True)
        self.bind("<Configure>", self._resized, add=True)
        self._fitter = TextFitter(tkfont.nametofont(_tree_font(self.tree)).measure)
        self._recolour()
        self._show_details(None)

    # --- fitting the pane ---------------------------------------------------------------------

    def _resized(self, event: tk.Event[tk.Misc]) -> None:
        """Roomier details in a tall panel; in a short one the list keeps its rows."""
        if event.widget is self:
            lines = DETAILS_LINES[1] if event.height >= TALL_PANEL_PX else DETAILS_LINES[0]
            if int(self.details.cget("height")) != lines:
                self.details.configure(height=lines)

    def minimum_height(self) -> int:
        """The height at which the controls, the details at their smallest and
        `MIN_LIST_ROWS` rows of the list just fit."""
        font = tkfont.nametofont(str(self.details.cget("font")))
        line = font.metrics("linespace") + 4  # the lines' spacing above and below
        extra_lines = int(self.details.cget("height")) - DETAILS_LINES[0]
        return self.winfo_reqheight() - extra_lines * line

    def _schedule_fit(self) -> None:
        if self._fitting is None:
            self._fitting = self.after_idle(self._fit_columns)

    def _fit_columns(self) -> None:
        """Share the list's width between the term and its English by what they need; a
        text still too long ends in "…" (the details below show it whole)."""
        self._fitting = None
        available = self.tree.winfo_width() - COUNT_COLUMN_PX - 4
        if available < 60:
            return
        texts = list(self.row_values.values())
        self._measure_at_once([text for values in texts for text in values[:2]])
        needs = [
            max((self._fitter.width(values[column]) for values in texts), default=60)
            + CELL_PADDING_PX
            for column in (0, 1)
        ]
        if sum(needs) <= available:
            term = needs[0] + (available - sum(needs)) // 2
        else:  # the German term comes first: it gets what it needs, up to 60 %
            term = max(available // 2, min(needs[0], round(available * 0.6)))
        widths = (term, available - term)
        if widths != self._column_widths:
            self._column_widths = widths
            self.tree.column("term", width=widths[0])
            self.tree.column("english", width=widths[1])
            self._refit(list(self.row_values))

    def _refit(self, rows: list[str]) -> None:
        """Shorten the rows' texts to the columns, a few milliseconds at a time: a book's list
        has thousands, and each shortening measures several prefixes."""
        self._refitting = None
        end = time.perf_counter() + REFIT_SLICE_S
        while rows and time.perf_counter() < end:
            row = rows.pop()
            if row in self.row_values:
                self._show_row_values(row)
        if rows:
            self._refitting = self.after(1, self._refit, rows)

    def _measure_at_once(self, texts: list[str]) -> None:
        """Measure the texts not measured yet in one Tcl call (one call per text would each
        wait for the GIL while the analysis runs)."""
        unknown = self._fitter.unknown(texts)
        if not unknown:
            return
        if not self.tk.call("info", "commands", "::german_reader::measure"):
            self.tk.eval(_TCL_MEASURE)
        widths = self.tk.call("::german_reader::measure", _tree_font(self.tree), unknown)
        self._fitter.remember(dict(zip(unknown, map(int, self.tk.splitlist(widths)), strict=True)))

    def _show_row_values(self, row: str) -> None:
        term, english, count = self.row_values[row]
        if self._column_widths is not None:
            term_width, english_width = self._column_widths
            term = self._fitter.fit(term, term_width - CELL_PADDING_PX)
            english = self._fitter.fit(english, english_width - CELL_PADDING_PX)
        self.tree.item(row, values=(term, english, count))

    def _recolour(self) -> None:
        colours = palette(self.shared.settings.theme)
        for category, colour in category_colours(self.shared.categories, colours).items():
            self.tree.tag_configure(f"cat:{category}", foreground=colour)
        self.details.configure(
            background=colours.panel, foreground=colours.text, font="TkDefaultFont"
        )
        self.details.tag_configure("heading", font=("TkDefaultFont", 12, "bold"))
        self.details.tag_configure("muted", foreground=colours.muted)

    def _article_loaded(self) -> None:
        # The new article starts with no term chosen: the old article's term must not linger.
        self.selected = None
        self.refresh()
        self._show_details(None)

    def _terms_found(self) -> None:
        # The first analysis is what loads the glossary, so only now are its categories known.
        self._recolour()
        self.refresh()

    def refresh(self) -> None:
        """Fill the list for the current mode and filter (a book's thousands of terms a few
        hundred at a time, so the window keeps answering)."""
        if self._filling is not None:
            self.after_cancel(self._filling)
            self._filling = None
        self.tree.delete(*self.tree.get_children())
        self.rows.clear()
        self.row_values.clear()
        self._column_widths = None
        query = self.filter_text
        session = self.shared.session
        rows: list[tuple[str, GlossaryEntry, int | None]] = []
        if self.mode.get() == ARTICLE:
            terms = (session.terms if session is not None else None) or []
            for number, match in enumerate(terms):
                if entry_matches(match.entry, query):
                    rows.append((f"a{number}", match.entry, len(match.occurrences)))
            if session is not None and session.terms is None:
                self.count_label.configure(text="looking for terms…")
            elif session is not None and session.partial is not None:
                self.count_label.configure(text=f"{len(rows)} terms so far…")
            else:
                self.count_label.configure(text=f"{len(rows)} of {len(terms)} terms")
        else:
            glossary = self.shared.glossary
            entries = list(glossary.entries) if glossary else []
            matching = [entry for entry in entries if entry_matches(entry, query)]
            if query and glossary is not None:
                # the glossary's own search also ignores umlaut spellings ("Zoelle")
                found = glossary.search(query)
                matching += [entry for entry in found if entry not in matching]
            rows = [(f"g{number}", entry, None) for number, entry in enumerate(matching)]
            self.count_label.configure(text=f"{len(matching)} of {len(entries)} entries")
        self._fill(rows)

    def _fill(self, rows: list[tuple[str, GlossaryEntry, int | None]]) -> None:
        self._filling = None
        batch, rest = rows[:FILL_BATCH], rows[FILL_BATCH:]
        self._add_rows(batch)
        if rest:
            self._filling = self.after(1, self._fill, rest)
        elif self.selected is not None:
            self._select_row_for(self.selected)
        self._schedule_fit()

    def _add_rows(self, rows: list[tuple[str, GlossaryEntry, int | None]]) -> None:
        """Insert the rows in one Tcl call: each call from Python may wait for the GIL."""
        flat: list[str | tuple[str, ...]] = []
        for row, entry, count in rows:
            # The narrow column holds the main equivalent; the details below list them all.
            english = entry.english[0] if entry.english else ""
            values = (entry.headword, english, "" if count is None else str(count))
            flat += [row, values, f"cat:{category_id(entry)}"]  # a tuple is a Tcl list
            self.rows[row] = entry
            self.row_values[row] = values
        if not flat:
            return
        if not self.tk.call("info", "commands", "::german_reader::tree_rows"):
            self.tk.eval(_TCL_TREE_ROWS)
        self.tk.call("::german_reader::tree_rows", str(self.tree), flat)

    def _row_chosen(self, _event: tk.Event[tk.Misc]) -> None:
        if self._announcing:
            return
        selection = self.tree.selection()
        if not selection:
            return
        entry = self.rows.get(selection[0])
        if entry is None or entry == self.selected:
            self._show_details(entry)
            return
        self.shared.emit(events.TERM_SELECTED, events.TermSelected(entry))

    def show_selected(self, selected: events.TermSelected) -> None:
        entry = self.selected = selected.entry
        self._select_row_for(entry)
        self._show_details(entry)

    def _select_row_for(self, entry: GlossaryEntry | None) -> None:
        row = next((row for row, shown in self.rows.items() if shown == entry), None)
        self._announcing = True
        try:
            if row is None:
                self.tree.selection_remove(*self.tree.selection())
            else:
                self.tree.selection_set(row)
                self.tree.see(row)
            self.update_idletasks()
        finally:
            self._announcing = False

    def _show_details(self, entry: GlossaryEntry | None) -> None:
        text = self.details
        text.configure(state="normal")
        text.delete("1.0", "end")
        if entry is None:
            text.insert(
                "end", "Click a term in the text or in the list for its meaning.", ("muted",)
            )
        else:
            text.insert("end", entry.headword, ("heading",))
            if entry.plural:
                text.insert("end", f"   Plural: {entry.plural}", ("muted",))
            text.insert("end", f"   · {entry.category.name}", ("muted",))
            text.insert("end", f"\n{', '.join(entry.english)}")
            text.insert("end", f"\n{entry.explanation}")
            origin = origin_line(entry)
            if origin:
                text.insert("end", f"\n{origin}", ("muted",))
            if entry.related:
                text.insert("end", f"\nSee also: {', '.join(entry.related)}", ("muted",))
        text.configure(state="disabled")

    @property
    def filter_text(self) -> str:
        """What the user typed (not the grey hint shown in the empty field)."""
        text = self.query.get()
        return "" if text == FILTER_HINT else text

    @property
    def shown_terms(self) -> list[str]:
        """The German terms currently listed (tests read this)."""
        return [self.rows[row].term for row in self.tree.get_children()]


def _tree_font(tree: ttk.Treeview) -> str:
    font = ttk.Style(tree).lookup("Treeview", "font")
    return str(font) if font else "TkDefaultFont"


def _placeholder(entry: ttk.Entry, variable: tk.StringVar, hint: str) -> None:
    """Grey hint text in an empty entry, gone while the user types."""

    def focus_in(_event: object) -> None:
        if variable.get() == hint:
            variable.set("")
            entry.configure(foreground="")

    def focus_out(_event: object) -> None:
        if not variable.get():
            variable.set(hint)
            entry.configure(foreground="#8c959f")

    entry.bind("<FocusIn>", focus_in, add=True)
    entry.bind("<FocusOut>", focus_out, add=True)
    focus_out(None)
