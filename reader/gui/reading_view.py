"""The side-by-side reading view: German on the left, English on the right, paragraph by paragraph.

Each side is one Text widget holding one logical line per paragraph. After a paragraph is drawn
on both sides its displayed heights are measured (`count -update -ypixels`) and the shorter side
gets extra space below it (a per-paragraph `spacing3` tag), so every English paragraph starts
level with its German one. Both sides are then equally tall, so scrolling one to a fraction of
its height scrolls the other to the same place.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import tkinter as tk
import tkinter.font as tkfont
from collections.abc import Callable, Iterable, Iterator, Sequence
from tkinter import ttk
from typing import TYPE_CHECKING, Any

from reader.gui import events
from reader.gui.alignment import joined_with_spans, paragraph_padding
from reader.gui.difficulty_strip import DifficultyStrip, paragraph_levels
from reader.gui.dnd import FileDrop
from reader.gui.opening import SAMPLE_ARTICLE
from reader.gui.pointer import TextPointer
from reader.gui.state import ArticleSession, ReaderState, display_title
from reader.gui.terms import category_colours, category_id, mark_tag
from reader.gui.theme import READING_FAMILIES, Palette, first_family, palette

if TYPE_CHECKING:
    from reader.gui.app import ReaderWindow
    from reader.gui.word_context import WordContext
    from reader.readability import ParagraphReadability
    from reader.translation.model import ParagraphTranslation

log = logging.getLogger(__name__)

LOOKED_UP_TAG = "wordcard"  # frames the word the word card shows
ALIGN_DELAY_MS = 30
ALIGN_BATCH = 30
# A paragraph's translation (if any), whether one is on its way, whether its error repeats the
# paragraph above's.
EnglishState = tuple["ParagraphTranslation | None", bool, bool]

NOT_TRANSLATED = "Not translated yet (F5 translates)."
TRANSLATING = "Translating…"
SAME_PROBLEM = "⚠ Not translated (the same problem as above)  "


def setup(window: ReaderWindow) -> ReadingView:
    """The reading view fills the reading pane; files dropped on it open; a double-click on a
    German word asks about it (`events.WORD_CHOSEN`)."""
    view = ReadingView(window.reading_frame, window.state)
    view.pack(fill="both", expand=True)
    view.drop = FileDrop((view, view.german, view.english), window.opener.open_dropped)
    return view


class ReadingView(ttk.Frame):
    def __init__(self, master: tk.Misc, state: ReaderState) -> None:
        super().__init__(master)
        self.shared = state
        self.palette: Palette = palette(state.settings.theme)
        family = first_family(self, READING_FAMILIES, "TkTextFont")
        self.body_font = tkfont.Font(self, family=family, size=state.settings.font_size)
        self.note_font = tkfont.Font(
            self, family=family, size=state.settings.font_size - 1, slant="italic"
        )
        self.heading_font = tkfont.Font(self, size=state.settings.font_size + 3, weight="bold")
        self.paragraph_count = 0
        self.paddings: dict[int, tuple[int, int]] = {}
        self.retry_buttons: dict[int, ttk.Button] = {}
        self._shown: dict[int, EnglishState] = {}
        self._dirty: set[int] = set()
        self._align_after: str | None = None
        self._leader: tk.Text | None = None
        self._last_width = (0, 0)
        self._aligned_widths = (0, 0)
        self._applied: tuple[str, int, bool] | None = None
        self._build()
        self.pointer = TextPointer(self, self.german, self.english, state)
        self.apply_settings()
        state.on(events.ARTICLE_LOADED, self.show_article)
        state.on(events.TERMS_FOUND, self.show_analysis)
        state.on(events.ANALYSIS_READY, self.show_analysis)  # long sentences, levels
        state.on(events.TRANSLATION_PROGRESS, self.show_translations)
        state.on_data(events.TERM_SELECTED, events.TermSelected, self.show_selected_term)
        state.on(events.SETTINGS_CHANGED, self._settings_changed)
        state.on_data(events.WORD_SHOWN, events.WordShown, self._frame_word)
        self.german.bind("<Double-Button-1>", self._double_clicked, add=True)
        self.drop: FileDrop | None = None

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.columnconfigure(1, weight=1, uniform="side")
        self.columnconfigure(2, weight=1, uniform="side")
        self.rowconfigure(2, weight=1)
        self.title_label = ttk.Label(
            self, text="", font=self.heading_font, anchor="w", justify="left"
        )
        self.title_label.grid(row=0, column=0, columnspan=4, sticky="ew", padx=(18, 8), pady=(8, 2))
        # News headlines are long: wrap them rather than cut them off at the pane's edge.
        self.bind("<Configure>", self._wrap_title, add=True)
        self.german_header = ttk.Label(self, text="DEUTSCH", style="Caption.TLabel")
        self.german_header.grid(row=1, column=1, sticky="w", padx=18, pady=(0, 4))
        self.english_header = ttk.Label(self, text="ENGLISH", style="Caption.TLabel")
        self.english_header.grid(row=1, column=2, sticky="w", padx=18, pady=(0, 4))
        self.german = self._make_text()
        self.strip = DifficultyStrip(self, self.german, self._levels, self._bottom_padding)
        self.strip.grid(row=2, column=0, sticky="ns", padx=(6, 0))
        self.german.grid(row=2, column=1, sticky="nsew")
        self.english = self._make_text()
        self.english.grid(row=2, column=2, sticky="nsew", padx=(1, 0))
        self.scrollbar = ttk.Scrollbar(self, orient="vertical", command=self._scrollbar_moved)
        self.scrollbar.grid(row=2, column=3, sticky="ns")
        self.german.configure(yscrollcommand=lambda a, b: self._scrolled(self.german, a, b))
        self.english.configure(yscrollcommand=lambda a, b: self._scrolled(self.english, a, b))
        for text in (self.german, self.english):
            text.bind("<Enter>", functools.partial(self._lead_from, text), add=True)
            text.bind("<FocusIn>", functools.partial(self._lead_from, text), add=True)
            text.bind("<Configure>", self._resized, add=True)

    def _wrap_title(self, event: tk.Event[tk.Misc]) -> None:
        self.title_label.configure(wraplength=max(200, event.width - 30))

    def _make_text(self) -> tk.Text:
        text = tk.Text(
            self,
            wrap="word",
            borderwidth=0,
            highlightthickness=0,
            padx=18,
            pady=10,
            cursor="arrow",
            undo=False,
            exportselection=True,
        )
        text.configure(state="disabled")
        return text

    # --- settings ---------------------------------------------------------------------------

    def _settings_changed(self) -> None:
        settings = self.shared.settings
        shown = (settings.theme, settings.font_size, settings.highlight_long_sentences)
        if shown != self._applied:  # recent files or the provider change nothing here
            self.apply_settings()

    def apply_settings(self) -> None:
        settings = self.shared.settings
        self._applied = (settings.theme, settings.font_size, settings.highlight_long_sentences)
        self.palette = colours = palette(settings.theme)
        size = settings.font_size
        self.body_font.configure(size=size)
        self.note_font.configure(size=max(8, size - 1))
        self.heading_font.configure(size=size + 3)
        line_gap = round(size * 0.5)
        self.paragraph_gap = round(size * 1.2)
        for text in (self.german, self.english):
            text.configure(
                font=self.body_font,
                background=colours.background,
                foreground=colours.text,
                selectbackground=colours.found,
                selectforeground=colours.text,
                inactiveselectbackground=colours.found,
                insertbackground=colours.text,
                spacing1=0,
                spacing2=line_gap,
                spacing3=self.paragraph_gap,
            )
            text.tag_configure("note", font=self.note_font)
            text.tag_configure("failed", font=self.note_font)
        self._configure_tags()
        self._mark_all_dirty()

    def _configure_tags(self) -> None:
        """Colours of the tags (they never change the layout, so this is cheap)."""
        settings = self.shared.settings
        colours = self.palette
        self.german.tag_configure(LOOKED_UP_TAG, relief="solid", borderwidth=1)
        for text in (self.german, self.english):
            text.tag_configure("note", foreground=colours.muted)
            text.tag_configure("failed", foreground=colours.error)
            text.tag_configure("hover", background=colours.hover)
            text.tag_configure("pinned", background=colours.pinned)
            text.tag_configure("found", background=colours.found)
            text.tag_configure("termsel", background=colours.selected_term)
        self.german.tag_configure(
            "long",
            background=colours.long_sentence if settings.highlight_long_sentences else "",
        )
        self.german.tag_configure("term", underline=True)
        self.german.tag_configure("term-dictionary", underline=False)
        for category, colour in self._category_colours().items():
            self.german.tag_configure(f"cat:{category}", foreground=colour)
        # Later tags win: sentence highlights show through long-sentence shading.
        self.german.tag_raise("hover", "long")
        self.german.tag_raise("pinned", "hover")
        for text in (self.german, self.english):
            text.tag_raise("found")
            text.tag_raise("termsel")

    def _category_colours(self) -> dict[str, str]:
        return category_colours(self.shared.categories, self.palette)

    def _levels(self) -> dict[int, ParagraphReadability]:
        session = self.shared.session
        return paragraph_levels(session.readability if session is not None else None)

    def _bottom_padding(self, index: int) -> int:
        return self.paddings.get(index, (self.paragraph_gap, 0))[0]

    def _draw_strip(self) -> None:
        self.strip.draw(self.paragraph_count, self.palette)

    # --- article ----------------------------------------------------------------------------

    def show_article(self) -> None:
        session = self.shared.session
        assert session is not None
        document = session.document
        self.pointer.reset()
        self._shown.clear()
        self.paddings.clear()
        for button in self.retry_buttons.values():
            button.destroy()
        self.retry_buttons.clear()
        self.paragraph_count = len(document.paragraphs)
        self.title_label.configure(text=display_title(document))
        with _editable(self.german) as german, _editable(self.english) as english:
            german.delete("1.0", "end")
            english.delete("1.0", "end")
            for text in (german, english):
                old = [t for t in text.tag_names() if t.startswith(("para:", "sent:", "term:"))]
                if old:
                    text.tag_delete(*old)
            # One insert per side: each Tk call may wait for the GIL while workers run.
            paragraphs = document.paragraphs
            german.tk.call(
                str(german), "insert", "end", *_interleaved(paragraphs, lambda i: (f"para:{i}",))
            )
            placeholders = [NOT_TRANSLATED] * len(paragraphs)
            english.tk.call(
                str(english),
                "insert",
                "end",
                *_interleaved(placeholders, lambda i: ("note", f"para:{i}")),
            )
        self._shown = {index: (None, False, False) for index in range(self.paragraph_count)}
        self.show_translations()  # whatever already arrived (nothing, usually)
        self.german.yview_moveto(0)
        self.english.yview_moveto(0)
        self._update_english_header()
        self._mark_all_dirty()

    def show_analysis(self) -> None:
        session = self.shared.session
        if session is None:
            return
        for tag in self.german.tag_names():
            if tag.startswith(("term:", "cat:")) or tag in ("term", "term-dictionary", "long"):
                self.german.tag_remove(tag, "1.0", "end")
        # Ranges are collected per tag and added in one call each (see _TCL_HELPERS on why).
        ranges: dict[str, list[str]] = {}
        for number, match in enumerate(session.terms or []):
            category = category_id(match.entry)
            for occurrence in match.occurrences:
                start = f"{occurrence.paragraph + 1}.{occurrence.start}"
                end = f"{occurrence.paragraph + 1}.{occurrence.end}"
                for tag in (mark_tag(match.entry), f"term:{number}", f"cat:{category}"):
                    ranges.setdefault(tag, []).extend((start, end))
        readability = session.readability
        for paragraph in readability.paragraphs if readability is not None else ():
            line = paragraph.index + 1
            for first, last in paragraph.long_sentences:
                ranges.setdefault("long", []).extend((f"{line}.{first}", f"{line}.{last}"))
        for tag, indices in ranges.items():
            self.german.tag_add(tag, *indices)
        # Only tag colours: reconfiguring the widgets' fonts would lay out the whole text again.
        self._configure_tags()
        self._draw_strip()

    def show_translations(self) -> None:
        session = self.shared.session
        if session is None:
            return
        changed = [
            index
            for index in range(self.paragraph_count)
            if self._shown.get(index) != self._english_state(session, index)
        ]
        if changed:
            self._render_english(changed)
        self._update_english_header()

    def _update_english_header(self) -> None:
        session = self.shared.session
        name = self.shared.provider_display_name
        done = sum(1 for t in (session.translations.values() if session else ()) if t.ok)
        # Only the sample has English of its own; other cached answers came from the provider.
        bundled = (
            session is not None
            and session.document.source.path == SAMPLE_ARTICLE
            and all(t.from_cache for t in session.translations.values())
        )
        source = "bundled translation" if bundled and done else name
        self.english_header.configure(text=f"ENGLISH · {source}" if done else "ENGLISH")

    # --- one English paragraph ----------------------------------------------------------------

    @staticmethod
    def _english_state(session: ArticleSession, index: int) -> EnglishState:
        """What paragraph `index` shows: its result, whether it is waiting, and whether it
        failed for the same reason as the paragraph above (offline, every paragraph fails
        alike; the reason is spelled out once, not repeated down the whole page)."""
        translation = session.translations.get(index)
        above = session.translations.get(index - 1)
        repeats = (
            translation is not None
            and not translation.ok
            and above is not None
            and not above.ok
            and index - 1 not in session.in_flight
            and above.error == translation.error
        )
        return translation, index in session.in_flight, repeats

    def _render_english(self, indices: Iterable[int]) -> None:
        """Redraw these English paragraphs (one unlock of the widget: that is the slow part)."""
        with _editable(self.english):
            for index in indices:
                self._write_english(index)

    def _write_english(self, index: int) -> None:
        session = self.shared.session
        if session is None or index >= self.paragraph_count:
            return
        self._shown[index] = self._english_state(session, index)
        translation, waiting, repeats_above = self._shown[index]
        line = index + 1
        old_button = self.retry_buttons.pop(index, None)
        if old_button is not None:
            old_button.destroy()
        prefix = f"sent:{index}."
        for tag in self.english.tag_names():
            if tag.startswith(prefix):
                self.german.tag_delete(tag)
                self.english.tag_delete(tag)
        para = f"para:{index}"
        english = self.english
        english.delete(f"{line}.0", f"{line}.end")
        if translation is None:
            note = TRANSLATING if waiting else NOT_TRANSLATED
            english.insert(f"{line}.0", note, ("note", para))
        elif not translation.ok:
            reason = translation.error or "no translation came back"
            note = SAME_PROBLEM if repeats_above else f"⚠ Not translated: {reason}  "
            english.insert(f"{line}.0", note, ("failed", para))
            button = ttk.Button(
                english, text="Retry", command=functools.partial(self.request_retry, index)
            )
            english.window_create(f"{line}.end", window=button, align="center", padx=2)
            english.tag_add(para, f"{line}.0", f"{line}.end")
            self.retry_buttons[index] = button
        else:
            self._insert_sentences(index, translation)
        self._mark_dirty(index)

    def _insert_sentences(self, index: int, translation: ParagraphTranslation) -> None:
        line = index + 1
        para = f"para:{index}"
        pairs = list(translation.sentences)
        if pairs:
            text, english_spans = joined_with_spans([pair.translation for pair in pairs])
            self.english.insert(f"{line}.0", text, (para,))
            for number, (pair, e_span) in enumerate(zip(pairs, english_spans, strict=True)):
                tag = f"sent:{index}.{number}"
                self.german.tag_add(tag, f"{line}.{pair.start}", f"{line}.{pair.end}")
                self.english.tag_add(tag, f"{line}.{e_span[0]}", f"{line}.{e_span[1]}")
        else:
            self.english.insert(f"{line}.0", translation.translation or "—", (para,))

    def request_retry(self, index: int) -> None:
        self.shared.emit(events.RETRY_REQUESTED, events.RetryParagraph(index))

    # --- alignment ----------------------------------------------------------------------------

    def _mark_dirty(self, index: int) -> None:
        self._dirty.add(index)
        if self._align_after is None:
            self._align_after = self.after(ALIGN_DELAY_MS, self.align_now)

    def _mark_all_dirty(self) -> None:
        for index in range(self.paragraph_count):
            self._mark_dirty(index)

    def _resized(self, _event: tk.Event[tk.Misc]) -> None:
        widths = (self.german.winfo_width(), self.english.winfo_width())
        if widths != self._last_width:
            self._last_width = widths
            self._mark_all_dirty()

    def align_now(self) -> None:
        """Pad the paragraphs measured as changed so both sides start each one level."""
        if self._align_after is not None:
            self.after_cancel(self._align_after)
            self._align_after = None
        widths = (self.german.winfo_width(), self.english.winfo_width())
        if widths != self._aligned_widths:
            # Wrapping changed everywhere; a missed <Configure> must not leave stale padding.
            self._aligned_widths = widths
            self._dirty.update(range(self.paragraph_count))
        pending = sorted(i for i in self._dirty if i < self.paragraph_count)
        # A long book is measured a batch at a time, so the event loop keeps running.
        dirty, rest = pending[:ALIGN_BATCH], pending[ALIGN_BATCH:]
        self._dirty = set(rest)
        if rest:
            self._align_after = self.after(1, self.align_now)
        ranges = [self._line_range(index) for index in dirty]
        left_heights = _measure(self.german, ranges)
        right_heights = _measure(self.english, ranges)
        left_pads: list[tuple[str, int]] = []
        right_pads: list[tuple[str, int]] = []
        for index, left_height, right_height in zip(
            dirty, left_heights, right_heights, strict=True
        ):
            left_pad, right_pad = self.paddings.get(index, (self.paragraph_gap,) * 2)
            padding = paragraph_padding(
                left_height - left_pad, right_height - right_pad, self.paragraph_gap
            )
            if (padding.left, padding.right) != (left_pad, right_pad):
                left_pads.append((f"para:{index}", padding.left))
                right_pads.append((f"para:{index}", padding.right))
            self.paddings[index] = (padding.left, padding.right)
        _set_spacing_below(self.german, left_pads)
        _set_spacing_below(self.english, right_pads)
        if dirty:
            if not rest:  # measuring both whole sides now would undo the batching
                self._sync_follower()
            self._draw_strip()

    def _line_range(self, index: int) -> tuple[str, str]:
        """Text indices from the start of paragraph `index` to the start of the next."""
        end = f"{index + 2}.0" if index + 1 < self.paragraph_count else "end"
        return f"{index + 1}.0", end

    def paragraph_tops(self, text: tk.Text) -> dict[int, int]:
        """Window y of each visible paragraph's first line (tests compare both sides)."""
        tops: dict[int, int] = {}
        for index in range(self.paragraph_count):
            info = text.dlineinfo(f"{index + 1}.0")
            if info is not None:
                tops[index] = info[1]
        return tops

    # --- scrolling together -----------------------------------------------------------------

    def _set_leader(self, text: tk.Text) -> None:
        self._leader = text

    def _lead_from(self, text: tk.Text, _event: object) -> None:
        self._leader = text

    def _scrollbar_moved(self, *args: Any) -> None:
        self._leader = self.german
        self.german.yview(*args)

    def _scrolled(self, text: tk.Text, first: float | str, last: float | str) -> None:
        if text is (self._leader or self.german):
            self.scrollbar.set(first, last)
            self._sync_follower()
        self._draw_strip()

    def _sync_follower(self) -> None:
        """Scroll the other side to the same pixel offset as the side the user is scrolling.

        Both sides are measured first (`-update`), so neither fraction rests on line heights Tk
        has only estimated so far.
        """
        leader = self._leader or self.german
        follower = self.english if leader is self.german else self.german
        leader_total = _pixels(leader, "1.0", "end")
        follower_total = _pixels(follower, "1.0", "end")
        if leader_total <= 0 or follower_total <= 0:
            return
        top = leader.yview()[0] * leader_total
        wanted = top / follower_total
        if abs(follower.yview()[0] - wanted) * follower_total >= 0.5:
            follower.yview_moveto(wanted)

    def scroll_to_paragraph(self, index: int) -> None:
        self._leader = self.german
        self.german.yview(f"{index + 1}.0")
        self._sync_follower()

    def select_term(self, number: int) -> None:
        """Select the article's term number `number`, as a click on it would."""
        self.pointer.select_term(number)

    def show_selected_term(self, selected: events.TermSelected) -> None:
        """Shade every occurrence of the selected glossary term and scroll to the first."""
        self.german.tag_remove("termsel", "1.0", "end")
        entry = selected.entry
        session = self.shared.session
        if entry is None or session is None:
            return
        for match in session.terms or []:
            if match.entry != entry:
                continue
            first: str | None = None
            for occurrence in match.occurrences:
                start = f"{occurrence.paragraph + 1}.{occurrence.start}"
                self.german.tag_add(
                    "termsel", start, f"{occurrence.paragraph + 1}.{occurrence.end}"
                )
                first = first or start
            if first is not None:
                self._leader = self.german
                self.german.see(first)
                self._sync_follower()

    # --- find -------------------------------------------------------------------------------

    def _double_clicked(self, event: tk.Event[tk.Misc]) -> None:
        context = self.word_at(event.x, event.y)
        if context is not None:
            self.shared.emit(events.WORD_CHOSEN, events.WordChosen(context))

    def word_at(self, x: int, y: int) -> WordContext | None:
        """The word at window position (x, y) of the German text, with its sentence."""
        from reader.gui.word_context import word_context

        text = self.german
        index = text.index(f"@{x},{y}")
        if text.bbox(index) is None:
            return None
        line, column = (int(part) for part in index.split("."))
        paragraph_text = text.get(f"{line}.0", f"{line}.end")
        session = self.shared.session
        translation = session.translations.get(line - 1) if session is not None else None
        return word_context(paragraph_text, column, line - 1, translation)

    def _frame_word(self, shown: events.WordShown) -> None:
        """Frame the word the word card shows (none when it closed)."""
        text = self.german
        text.tag_remove(LOOKED_UP_TAG, "1.0", "end")
        context = shown.context
        if context is not None:
            line = context.paragraph + 1
            text.tag_add(LOOKED_UP_TAG, f"{line}.{context.start}", f"{line}.{context.end}")

    def find_all(self, query: str) -> list[tuple[tk.Text, str]]:
        """Shade every case-insensitive occurrence of `query` on both sides; return them."""
        found: list[tuple[tk.Text, str]] = []
        for text in (self.german, self.english):
            text.tag_remove("found", "1.0", "end")
            if not query:
                continue
            start = "1.0"
            while True:
                count = tk.IntVar(self)
                position = text.search(query, start, "end", nocase=True, count=count)
                if not position or not count.get():
                    break
                end = f"{position}+{count.get()}c"
                text.tag_add("found", position, end)
                found.append((text, position))
                start = end
        return found

    def show_match(self, text: tk.Text, position: str) -> None:
        self._leader = text
        text.see(position)
        self._sync_follower()


def _interleaved(
    paragraphs: Sequence[str], tags: Callable[[int], tuple[str, ...]]
) -> list[str | tuple[str, ...]]:
    """Arguments for one `Text.insert`: paragraph, its tags, newline, no tags, paragraph, …"""
    arguments: list[str | tuple[str, ...]] = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            arguments += ["\n", ()]
        arguments += [paragraph, tags(index)]
    return arguments


# Measuring and padding a batch of paragraphs in one Tcl call each: the Tk thread takes the GIL
# back after every call, and while a worker thread is busy each take can wait up to the switch
# interval, so a hundred small calls could stall the window for a hundred milliseconds.
_TCL_HELPERS = """
namespace eval ::german_reader {}
proc ::german_reader::heights {text ranges} {
    set heights {}
    foreach {start end} $ranges {
        lappend heights [$text count -update -ypixels $start $end]
    }
    return $heights
}
proc ::german_reader::spacing_below {text pads} {
    foreach {tag pixels} $pads {
        $text tag configure $tag -spacing3 $pixels
    }
}
"""


def _measure(text: tk.Text, ranges: Sequence[tuple[str, str]]) -> list[int]:
    """Displayed pixel height of each (start, end) range, after updating Tk's line metrics."""
    if not ranges:
        return []
    if not text.tk.call("info", "commands", "::german_reader::heights"):
        text.tk.eval(_TCL_HELPERS)
    flat = [index for pair in ranges for index in pair]
    heights = text.tk.splitlist(text.tk.call("::german_reader::heights", str(text), flat))
    return [int(height or 0) for height in heights]


def _set_spacing_below(text: tk.Text, pads: Sequence[tuple[str, int]]) -> None:
    if pads:
        flat = [str(item) for pair in pads for item in pair]
        text.tk.call("::german_reader::spacing_below", str(text), flat)


def _pixels(text: tk.Text, start: str, end: str) -> int:
    """Displayed height from `start` to `end`, after bringing Tk's line metrics up to date."""
    return int(text.tk.call(str(text), "count", "-update", "-ypixels", start, end) or 0)


@contextlib.contextmanager
def _editable(text: tk.Text) -> Iterator[tk.Text]:
    text.configure(state="normal")
    try:
        yield text
    finally:
        text.configure(state="disabled")
