"""The side-by-side reading view: German on the left, English on the right, paragraph by paragraph.

Each side is one Text widget holding one logical line per paragraph. This module is the German
side (the article, its glossary terms, long sentences, the selected term, find, the word under a
double-click) and puts the parts together: `paragraph_writer` writes the paragraphs (the first
screenful at once), `english_column` writes the English side, `marking` marks terms and long
sentences, `paragraph_aligner` pads the paragraphs so each English one starts level with its
German one, and `scroll_sync` scrolls both sides together. Writing, marking and aligning run as
`paragraph_work` tasks: a few milliseconds at a time on the Tk thread, nearest the view first,
so a book opens as fast as a short article and the window keeps answering.
"""

from __future__ import annotations

import logging
import tkinter as tk
import tkinter.font as tkfont
from collections.abc import Callable, Sequence
from tkinter import ttk
from typing import TYPE_CHECKING, Any

from reader.gui import events
from reader.gui.background import ArticleToken, Outcome
from reader.gui.difficulty_strip import DifficultyStrip, paragraph_levels
from reader.gui.dnd import FileDrop
from reader.gui.english_column import EnglishColumn, SentenceKey
from reader.gui.marking import Marking
from reader.gui.paragraph_aligner import ParagraphAligner
from reader.gui.paragraph_marks import LONG_SENTENCE_TAG, Mark, long_sentence_marks
from reader.gui.paragraph_work import ParagraphWork
from reader.gui.paragraph_writer import ParagraphWriter
from reader.gui.pointer import TextPointer
from reader.gui.scroll_sync import ScrollSync
from reader.gui.state import ReaderState, display_title
from reader.gui.term_display import MARK_TAGS, category_colours
from reader.gui.text_editing import editable
from reader.gui.text_search import Found, Side, by_paragraph, find_everywhere
from reader.gui.theme import READING_FAMILIES, Palette, first_family, palette
from reader.gui.viewport import VisibleParagraphs

if TYPE_CHECKING:
    from reader.document import Document
    from reader.gui.app import ReaderWindow
    from reader.gui.word_context import WordContext
    from reader.readability import ParagraphReadability

log = logging.getLogger(__name__)

LOOKED_UP_TAG = "wordcard"  # frames the word the word card shows
POSITION_DELAY_MS = 80  # the reading position is announced at most this often while scrolling


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
        self.subheading_font = tkfont.Font(
            self, family=family, size=state.settings.font_size + 1, weight="bold"
        )
        self.paragraph_count = 0
        self.paragraph_gap = 0
        self._applied: tuple[str, int, bool] | None = None
        self._build()
        self.work = ParagraphWork(self, self.visible_paragraphs)
        self.aligner = ParagraphAligner(
            self.german,
            self.english,
            count=lambda: self.writer.count,
            gap=lambda: self.paragraph_gap,
            wake=self.work.wake,
            on_aligned=self._aligned,
        )
        self.scrolling = ScrollSync(self.german, self.english, self.scrollbar, self._scrolled)
        self.english_column = EnglishColumn(
            state,
            self.german,
            self.english,
            self.english_header,
            changed=self.aligner.mark_dirty,
            pad_tags=self.aligner.pad_tags,
            written=lambda: self.writer.count,
            wake=self.work.wake,
        )
        self.writer = ParagraphWriter(
            self.german, self.english, EnglishColumn.PLACEHOLDER, self._written
        )
        self._preview: Document | None = None  # the beginning shown while the rest loads
        self._document: Document | None = None  # the document (or beginning) on screen
        self._announced: VisibleParagraphs | None = None
        self._position_after: str | None = None
        self._scroll_target: int | None = None  # a paragraph to show once it is written
        self.marking = Marking(self.german, lambda: self.writer.count, self.work.wake)
        self.english_marking = Marking(self.english, lambda: self.writer.count, self.work.wake)
        self.found: list[Found] = []
        self._search: ArticleToken | None = None
        # Nearest the view first, in this order: text, English, marks, then alignment (which
        # measures what the others drew).
        for task in (
            self.writer,
            self.english_column,
            self.marking,
            self.english_marking,
            self.aligner,
        ):
            self.work.add(task)
        self.pointer = TextPointer(
            self,
            self.german,
            self.english,
            state,
            sentence_at=self.english_column.sentence_at,
            sentence_ranges=self.english_column.sentence_ranges,
            term_at=self._term_at,
        )
        self.apply_settings()
        state.on_data(events.ARTICLE_PREVIEW, events.ArticlePreview, self.show_preview)
        state.on(events.ARTICLE_LOADED, self.show_article)
        state.on(events.TERMS_FOUND, self.show_terms)
        state.on(events.ANALYSIS_READY, self.show_analysis)  # long sentences, levels
        state.on_data(
            events.TRANSLATION_PROGRESS, events.TranslationProgress, self.show_translations
        )
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
        self.scrollbar = ttk.Scrollbar(self, orient="vertical")
        self.scrollbar.grid(row=2, column=3, sticky="ns")

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
        self.subheading_font.configure(size=size + 1)
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
            text.tag_configure("subheading", font=self.subheading_font)
        self._configure_tags()
        self.aligner.mark_all_dirty()

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
            LONG_SENTENCE_TAG,
            background=colours.long_sentence if settings.highlight_long_sentences else "",
        )
        self.german.tag_configure(MARK_TAGS["glossary"], underline=True)
        self.german.tag_configure(MARK_TAGS["dictionary"], underline=False)
        for category, colour in self._category_colours().items():
            self.german.tag_configure(f"cat:{category}", foreground=colour)
        # Later tags win: sentence highlights show through long-sentence shading.
        self.german.tag_raise("hover", LONG_SENTENCE_TAG)
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
        return self.aligner.bottom_padding(index)

    def _draw_strip(self) -> None:
        self.strip.draw(self.paragraph_count, self.palette)

    def visible_paragraphs(self) -> VisibleParagraphs | None:
        """The written paragraphs at least partly in view on the German side."""
        written = self.writer.count
        if not written:
            return None
        first = int(self.german.index("@0,0").split(".")[0]) - 1
        last = int(self.german.index(f"@0,{self.german.winfo_height()}").split(".")[0]) - 1
        first, last = min(first, written - 1), min(last, written - 1)
        return VisibleParagraphs(first, max(first, last), written)

    # --- article ----------------------------------------------------------------------------

    def show_article(self) -> None:
        """The opened article: the first screenful now, the rest in slices
        (`paragraph_writer`); what its preview showed already stays."""
        session = self.shared.session
        assert session is not None
        document = session.document
        preview, self._preview = self._preview, None
        kept = _shared_start(preview, document) if preview is not None else 0
        self._show(document, min(kept, self.writer.count), carry=True)

    def show_preview(self, preview: events.ArticlePreview) -> None:
        """The beginning of a long article being opened (None: show the open one again)."""
        self._preview = preview.document
        if preview.document is not None:
            self._show(preview.document, 0, carry=False)
            return
        session = self.shared.session
        if session is None:
            self._show(None, 0, carry=False)
            return
        self.show_article()
        if session.terms is not None:
            self.show_terms()
        if session.analysed:
            self.show_analysis()

    def _show(self, document: Document | None, kept: int, *, carry: bool) -> None:
        """Show `document`, of which the first `kept` paragraphs are shown already (the
        widgets hold nothing else); `carry`: with what the open article has (translations)."""
        self.work.cancel()
        self.pointer.reset()
        self.marking.clear()
        self.english_marking.clear()
        self._stop_search()
        self._announced = None
        self._scroll_target = None
        paragraphs = document.paragraphs if document is not None else ()
        self.paragraph_count = len(paragraphs)
        self.title_label.configure(text=display_title(document) if document is not None else "")
        with editable(self.german) as german, editable(self.english) as english:
            start = f"{kept}.end" if kept else "1.0"
            german.delete(start, "end")
            english.delete(start, "end")
        self.aligner.forget_from(kept)
        self._document = document
        headings = document.headings if document is not None else ()
        self.english_column.start(self.paragraph_count, headings, carry=carry)
        if not kept:
            self.german.yview_moveto(0)
            self.english.yview_moveto(0)
        self.writer.resume(paragraphs, kept)
        self.english_column.update_header()
        self.work.wake()
        self._position_moved()

    def _written(self, first: int, end: int) -> None:
        """Paragraphs `first` … `end - 1` are now on both sides."""
        self._style_subheadings(first, end)
        self.aligner.added(first, end)
        self.work.wake()
        if self._scroll_target is not None and self._scroll_target < end:
            self.scroll_to_paragraph(self._scroll_target)
        self._position_moved()

    def _position_moved(self) -> None:
        if self._position_after is None:
            self._position_after = self.after(POSITION_DELAY_MS, self._announce_position)

    def _announce_position(self) -> None:
        """<<ReadingPosition>> when other paragraphs are in view (translation follows it)."""
        self._position_after = None
        if self._preview is not None:
            return  # the article being opened is not the open one yet
        visible = self.visible_paragraphs()
        if visible is None:
            return
        position = VisibleParagraphs(visible.first, visible.last, self.paragraph_count)
        if position != self._announced:
            self._announced = position
            self.shared.emit(events.READING_POSITION, position)

    @property
    def reading_position(self) -> VisibleParagraphs | None:
        """The paragraphs in view as last announced."""
        return self._announced

    def show_terms(self) -> None:
        """Mark the glossary terms (near the view first; far ones as the reader comes)."""
        session = self.shared.session
        if session is None:
            return
        places = session.term_places
        tags = (*set(MARK_TAGS.values()), *(f"cat:{c}" for c in self.shared.categories))
        self.marking.set_layer("terms", tags, places.marks if places is not None else None)
        # Only tag colours: reconfiguring the widgets' fonts would lay out the whole text again.
        self._configure_tags()

    def show_analysis(self) -> None:
        """The analysis is complete: long sentences and the paragraphs' levels."""
        session = self.shared.session
        if session is None:
            return
        if session.term_places is not None and not self.marking.has_layer("terms"):
            self.show_terms()
        marks = long_sentence_marks(session.readability)
        self.marking.set_layer(LONG_SENTENCE_TAG, (LONG_SENTENCE_TAG,), lambda i: marks.get(i, ()))
        self._configure_tags()
        self._draw_strip()

    def show_translations(self, progress: events.TranslationProgress) -> None:
        self.english_column.translations_changed(progress.paragraphs)

    def _style_subheadings(self, first: int, end: int) -> None:
        """The subheadings among paragraphs `first` … `end - 1` in bold (the English column
        sets its translated ones so)."""
        document = self._document
        if document is None:
            return
        ranges = [
            index
            for heading in document.headings
            if first <= heading < end
            for index in (f"{heading + 1}.0", f"{heading + 1}.end")
        ]
        if ranges:
            self.german.tag_add("subheading", *ranges)

    def _term_at(self, paragraph: int, offset: int) -> int | None:
        session = self.shared.session if self._preview is None else None
        places = session.term_places if session is not None else None
        return places.term_at(paragraph, offset) if places is not None else None

    @property
    def retry_buttons(self) -> dict[int, ttk.Button]:
        return self.english_column.retry_buttons

    # --- alignment and scrolling (see paragraph_aligner and scroll_sync) ----------------------

    @property
    def paddings(self) -> dict[int, tuple[int, int]]:
        return self.aligner.paddings

    @property
    def aligning(self) -> bool:
        """Whether work near the view is left (writing, marking, aligning)."""
        return self.work.busy

    def align_now(self) -> None:
        """Finish the work near the view now (tests take coordinates after it)."""
        self.work.run_all()
        self.scrolling.sync_follower()

    def paragraph_tops(self, text: tk.Text) -> dict[int, int]:
        return self.aligner.paragraph_tops(text)

    def sentence_ranges(self, key: SentenceKey) -> list[tuple[tk.Text, str, str]]:
        """Where sentence pair `key` (paragraph, number) stands on both sides."""
        return self.english_column.sentence_ranges(key)

    def _aligned(self) -> None:
        self.scrolling.sync_follower()
        self._draw_strip()

    def _scrolled(self) -> None:
        self._draw_strip()
        self.work.wake()  # what came into view may want marks and alignment
        self._position_moved()

    def _set_leader(self, text: tk.Text) -> None:
        self.scrolling.leader = text

    def _scrollbar_moved(self, *args: Any) -> None:
        self.scrolling.scrollbar_moved(*args)

    def scroll_to_paragraph(self, index: int) -> None:
        """Show paragraph `index` at the top (as soon as it is written)."""
        if index >= self.writer.count and not self.writer.done:
            self._scroll_target = index
            return
        self._scroll_target = None
        self.scrolling.show(self.german, f"{index + 1}.0", at_top=True)

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
                self.scrolling.show(self.german, first)

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
        if text.bbox(index) is None or self._preview is not None:
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

    def find(self, query: str, done: Callable[[list[Found]], object]) -> None:
        """Search both sides for `query` in a worker thread (a book takes it tens of
        milliseconds); shade the matches near the view; `done(matches)` on the Tk thread."""
        self._stop_search()
        session = self.shared.session
        if not query or session is None or self._preview is not None:
            done([])
            return
        german = session.document.paragraphs
        english = dict(self.english_column.texts)
        search = self._search = ArticleToken(f"finding {query!r}")

        def found(outcome: Outcome[list[Found]]) -> None:
            if outcome.error is not None:
                log.error("find failed", exc_info=outcome.error)
            self._show_found(outcome.value or [])
            done(self.found)

        self.shared.calls.run_in_thread(
            search, lambda: find_everywhere(query, german, english), found, name="reader-find"
        )

    def _stop_search(self) -> None:
        if self._search is not None:
            self._search.close()
            self._search = None
        self._show_found([])

    def _show_found(self, found: list[Found]) -> None:
        self.found = found
        sides: tuple[tuple[Marking, Side], ...] = (
            (self.marking, "german"),
            (self.english_marking, "english"),
        )
        for marking, side in sides:
            marks = by_paragraph(found, side)
            marking.set_layer("found", ("found",), _marks_of(marks) if marks else None)

    def show_match(self, match: Found) -> None:
        """Scroll to a match (both sides along), shaded."""
        text = self.german if match.side == "german" else self.english
        self.marking.mark_now([match.paragraph])
        self.english_marking.mark_now([match.paragraph])
        self.scrolling.show(text, f"{match.paragraph + 1}.{match.start}")


def _shared_start(preview: Document, document: Document) -> int:
    """How many first paragraphs the preview shows as the document has them."""
    if preview.title != document.title or preview.source.path != document.source.path:
        return 0
    shared = 0
    for shown, loaded in zip(preview.paragraphs, document.paragraphs, strict=False):
        if shown != loaded:
            break
        shared += 1
    return shared


def _marks_of(marks: dict[int, list[Mark]]) -> Callable[[int], Sequence[Mark]]:
    def marks_of(paragraph: int) -> Sequence[Mark]:
        return marks.get(paragraph, ())

    return marks_of
