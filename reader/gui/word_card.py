"""The word card: double-click a German word to see what it means, and save it to learn.

The card lies over the side panels while it is open (the glossary and the score come back when
it is closed), so the dictionary's entries get the full height of the window. Everything slow
runs off the Tk thread: the card itself (simplemma's data loads on first use, ~0.5 s) and the
provider's translation of the word, which may take seconds or never come when offline. A result
for a word the user has since moved on from, or for an article no longer open, is dropped.

It attaches to the window with `setup(window)`: it opens for `events.WORD_CHOSEN` (the reading
view's double-click) and announces the word it shows with `events.WORD_SHOWN`.
"""

from __future__ import annotations

import logging
import threading
import tkinter as tk
import tkinter.font as tkfont
from collections.abc import Callable
from tkinter import ttk
from typing import TYPE_CHECKING

from reader.dictionary.store import Dictionary
from reader.dictionary.vocabulary import Vocabulary
from reader.dictionary.word_lookup import WordCard, in_everyday_sense, word_card
from reader.gui import events
from reader.gui.background import Outcome
from reader.gui.services import SharedVocabulary
from reader.gui.state import ReaderState
from reader.gui.theme import READING_FAMILIES, UI_FAMILIES, first_family, palette
from reader.gui.word_card_text import grammar_line, write_card
from reader.gui.word_context import (
    ProviderAnswer,
    TextTranslator,
    WordContext,
    ask_provider,
    main_meaning,
    provider_translator,
)

if TYPE_CHECKING:
    from reader.gui.app import ReaderWindow

log = logging.getLogger(__name__)

LOOKED_UP_TAG = "wordcard"
_LOOKUPS = threading.Lock()

# Where the card's dictionary comes from: the installed file, a test's own, or none at all.
DictionarySource = Callable[[], Dictionary | None]


def installed_dictionary() -> Dictionary | None:
    from reader.dictionary.word_lookup import open_dictionary

    return open_dictionary()


class WordCardPanel(ttk.Frame):
    """The card for one word at a time; `look_up` fills it, `close` hides it."""

    def __init__(
        self,
        master: tk.Misc,
        state: ReaderState,
        *,
        cover: tk.Widget,
        dictionary: DictionarySource = installed_dictionary,
        translator: TextTranslator | None = None,
        vocabulary: SharedVocabulary | None = None,
    ) -> None:
        super().__init__(master, padding=(14, 10, 10, 10))
        self.shared = state
        self.cover = cover
        self._dictionary = dictionary
        self.translator = translator
        self._vocabulary = vocabulary or SharedVocabulary(None)
        self.context: WordContext | None = None
        self.card: WordCard | None = None
        self.provider_answer: ProviderAnswer | None = None
        self.saved = False
        self._saved_id: int | None = None
        self._request = 0
        family = first_family(self, UI_FAMILIES, "TkDefaultFont")
        reading = first_family(self, READING_FAMILIES, "TkTextFont")
        size = state.settings.font_size
        self.fonts = {
            "word": tkfont.Font(self, family=family, size=size + 7, weight="bold"),
            "body": tkfont.Font(self, family=reading, size=size - 1),
            "bold": tkfont.Font(self, family=reading, size=size - 1, weight="bold"),
            "caption": tkfont.Font(self, family=family, size=9, weight="bold"),
            "small": tkfont.Font(self, family=family, size=max(9, size - 3)),
            "italic": tkfont.Font(self, family=reading, size=size - 1, slant="italic"),
        }
        self._build()
        self.apply_settings()
        state.on(events.ARTICLE_LOADED, self.close)
        # A single click on a glossary term asks for the glossary panel, which the card covers.
        state.on(events.TERM_SELECTED, self.close)
        state.on(events.SETTINGS_CHANGED, self.apply_settings)
        state.on(events.VOCABULARY_CHANGED, self._vocabulary_changed)

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        header = ttk.Frame(self)
        header.pack(fill="x")
        ttk.Label(header, text="WORD", style="Caption.TLabel").pack(side="left")
        self.close_button = ttk.Button(header, text="✕", width=3, command=self.close)
        self.close_button.pack(side="right")
        # Says the word aloud through the window's reading-aloud feature.
        self.say_button = ttk.Button(header, text="▶ Say", width=6, command=self.say_word)
        self.say_button.pack(side="right", padx=(0, 6))
        self.word_label = ttk.Label(self, text="", font=self.fonts["word"], anchor="w")
        self.word_label.pack(fill="x", pady=(2, 0))
        self.grammar_label = ttk.Label(
            self, text="", style="Muted.TLabel", anchor="w", justify="left"
        )
        self.grammar_label.pack(fill="x")
        self.bind("<Configure>", self._resized, add=True)

        buttons = ttk.Frame(self)
        buttons.pack(side="bottom", fill="x", pady=(8, 0))
        self.save_button = ttk.Button(
            buttons, text="Save word", style="Accent.TButton", command=self.save
        )
        self.save_button.pack(side="left")
        ttk.Button(
            buttons, text="Vocabulary…", command=lambda: self.shared.emit(events.SHOW_VOCABULARY)
        ).pack(side="left", padx=(6, 0))
        # Above the buttons, wrapped: "no English yet: add it in Vocabulary…" is longer than
        # the room beside them in a narrow side pane.
        self.saved_label = ttk.Label(self, text="", style="Muted.TLabel", justify="left")
        self.saved_label.pack(side="bottom", fill="x", pady=(6, 0))

        body = ttk.Frame(self)
        body.pack(fill="both", expand=True, pady=(8, 0))
        self.text = tk.Text(
            body,
            wrap="word",
            borderwidth=0,
            highlightthickness=0,
            padx=4,
            pady=4,
            cursor="arrow",
            width=30,
            height=10,
        )
        scrollbar = ttk.Scrollbar(body, orient="vertical", command=self.text.yview)
        self.text.configure(yscrollcommand=scrollbar.set, state="disabled")
        scrollbar.pack(side="right", fill="y")
        self.text.pack(side="left", fill="both", expand=True)
        self.bind("<Escape>", lambda _e: self.close(), add=True)
        self.text.bind("<Escape>", lambda _e: self.close(), add=True)

    def _resized(self, event: tk.Event[tk.Misc]) -> None:
        if event.widget is self:
            for label in (self.word_label, self.grammar_label, self.saved_label):
                label.configure(wraplength=max(120, event.width - 30))
            self._fit_heading()

    def _fit_heading(self) -> None:
        """A long compound (Bundesfinanzministerin) gets a smaller heading rather than a break
        in the middle of a word; only what no size fits still wraps."""
        # Down to a little below the text's size: in a small window the side pane is narrow.
        font, smallest = self.fonts["word"], max(9, self.shared.settings.font_size - 3)
        text = str(self.word_label.cget("text"))
        available = int(str(self.word_label.cget("wraplength") or 0)) or self.winfo_width() - 30
        size = self.shared.settings.font_size + 7
        font.configure(size=size)
        while size > smallest and font.measure(text) > available:
            size -= 1
            font.configure(size=size)

    def apply_settings(self) -> None:
        colours = palette(self.shared.settings.theme)
        size = self.shared.settings.font_size
        self.fonts["word"].configure(size=size + 7)
        for name in ("body", "bold", "italic"):
            self.fonts[name].configure(size=max(9, size - 1))
        self.fonts["small"].configure(size=max(9, size - 3))
        self.text.configure(
            background=colours.background,
            foreground=colours.text,
            selectbackground=colours.found,
            selectforeground=colours.text,
            font=self.fonts["body"],
            spacing1=2,
            spacing3=2,
        )
        self.text.tag_configure(
            "caption", font=self.fonts["caption"], foreground=colours.muted, spacing1=12
        )
        self.text.tag_configure("german", spacing1=6)
        self.text.tag_configure("strong", font=self.fonts["bold"])
        self.text.tag_configure("note", foreground=colours.muted, font=self.fonts["small"])
        self.text.tag_configure("english", lmargin1=14, lmargin2=14)
        self.text.tag_configure("muted", foreground=colours.muted, font=self.fonts["italic"])
        self.text.tag_configure("small", foreground=colours.muted, font=self.fonts["small"])
        self.text.tag_configure("term", foreground=colours.link, font=self.fonts["bold"])
        self.text.tag_configure("word", font=self.fonts["bold"], background=colours.hover)
        self.text.tag_configure("error", foreground=colours.error)

    # --- looking up ---------------------------------------------------------------------------

    def look_up(self, context: WordContext) -> None:
        """Show the card for `context`: at once what is known, the rest as it arrives."""
        self._request += 1
        request = self._request
        self.context = context
        self.card = None
        self.provider_answer = None
        self.saved = False
        self.word_label.configure(text=context.word)
        self._fit_heading()
        self.grammar_label.configure(text="Looking up…")
        self.saved_label.configure(text="")
        self.save_button.configure(text="Save word", state="disabled")
        self._render()
        self.show()
        self._announce()
        session = self.shared.session
        token = session.token if session is not None else None
        dictionary = self._dictionary

        def build() -> WordCard:
            # One lookup at a time: quick double-clicks must not share the SQLite connection
            # between two threads at once.
            with _LOOKUPS:
                found = dictionary()
                return word_card(context.word, context.sentence, found, find_installed=False)

        self.shared.calls.run_in_thread(
            token, build, lambda outcome: self._card_ready(request, outcome), name="word-card"
        )

    def _card_ready(self, request: int, outcome: Outcome[WordCard]) -> None:
        if request != self._request:
            return  # the user has looked up another word since
        if not outcome.ok or outcome.value is None:
            log.error("word card failed", exc_info=outcome.error)
            self.grammar_label.configure(text="This word could not be looked up.")
            return
        card = outcome.value
        if self._in_everyday_sense():
            card = in_everyday_sense(card)
        self.card = card
        self.grammar_label.configure(text=grammar_line(card))
        self.save_button.configure(state="normal")
        self._render()
        self._ask_provider(request, card)

    def _in_everyday_sense(self) -> bool:
        """Whether the article's analysis left the clicked word unmarked: a word the glossary
        knows in its political sense ("ablehnen") but its sentence uses in the everyday one.
        Before the analysis is in, nothing is known."""
        session, context = self.shared.session, self.context
        if session is None or context is None or session.term_places is None:
            return False
        if session.partial is not None and context.paragraph >= session.partial:
            return False  # beyond the part of a long text analysed so far
        return session.term_places.term_at(context.paragraph, context.start) is None

    def _ask_provider(self, request: int, card: WordCard) -> None:
        context = self.context
        if context is None:
            return
        translator = self.translator
        if translator is None:
            self.provider_answer = ProviderAnswer(None, context.sentence_english)
            self._render()
            return
        session = self.shared.session
        token = session.token if session is not None else None

        def ask() -> ProviderAnswer:
            return ask_provider(translator, context, card.lemma)

        def done(outcome: Outcome[ProviderAnswer]) -> None:
            if request != self._request:
                return
            answer = outcome.value if outcome.ok else None
            self.provider_answer = answer or ProviderAnswer(None, context.sentence_english)
            self._render()

        self.shared.calls.run_in_thread(token, ask, done, name="word-translation")

    # --- showing ----------------------------------------------------------------------------

    def _render(self) -> None:
        text = self.text
        text.configure(state="normal")
        text.delete("1.0", "end")
        write_card(
            text,
            self.card,
            self.context,
            asks_provider=self.translator is not None,
            answer=self.provider_answer,
            provider_name=self.shared.provider_name,
            sentence_english=self.sentence_english,
        )
        text.configure(state="disabled")
        text.yview_moveto(0)

    @property
    def sentence_english(self) -> str | None:
        if self.provider_answer is not None and self.provider_answer.sentence:
            return self.provider_answer.sentence
        return self.context.sentence_english if self.context is not None else None

    def show(self) -> None:
        self.place(in_=self.cover, x=0, y=0, relwidth=1, relheight=1)
        self.lift()

    def say_word(self) -> None:
        if self.context is not None:
            self.shared.emit(events.SAY_TEXT, events.SayText(self.context.word))

    def close_if_open(self) -> bool:
        """Close the card if it is shown; whether it was (for the window's Escape)."""
        if not self.is_open:
            return False
        self.close()
        return True

    def close(self) -> None:
        self._request += 1  # answers still on their way are for a card no longer shown
        was_open = self.is_open
        self.place_forget()
        if was_open:
            self._announce()

    def _announce(self) -> None:
        context = self.context if self.is_open else None
        self.shared.emit(events.WORD_SHOWN, events.WordShown(context))

    @property
    def is_open(self) -> bool:
        return bool(self.winfo_manager())

    # --- saving -----------------------------------------------------------------------------

    @property
    def vocabulary(self) -> Vocabulary:
        """The learner's vocabulary, opened on first use."""
        return self._vocabulary()

    def save(self) -> None:
        card, context = self.card, self.context
        if card is None or context is None:
            return
        answer = self.provider_answer
        try:
            saved = self.vocabulary.save(
                context.word,
                card.lemma,
                english=main_meaning(card, answer.word if answer else None),
                sentence=context.sentence,
                sentence_english=self.sentence_english or "",
                source=self._source(),
            )
        except Exception as error:  # a full disk or a locked file: say so, keep the card
            log.exception("cannot save the word")
            self.shared.dialogs.show_error(
                self, "Word not saved", f"The word could not be saved: {error}"
            )
            return
        self.saved = True
        self._saved_id = saved.id
        self.save_button.configure(text="Saved ✓")
        # A word saved with no English would have a blank back on its Anki card.
        self.saved_label.configure(
            text="in your vocabulary" if saved.english else "no English yet: add it in Vocabulary…"
        )
        self.shared.set_status(f"Saved “{saved.lemma}” to your vocabulary.")
        self.shared.emit(events.VOCABULARY_CHANGED)

    def _vocabulary_changed(self) -> None:
        """Offer "Save word" again when the word shown was deleted in the vocabulary window."""
        vocabulary = self._vocabulary.opened
        if not self.saved or vocabulary is None:
            return
        if any(word.id == self._saved_id for word in vocabulary.words()):
            return
        self.saved = False
        self._saved_id = None
        self.save_button.configure(text="Save word")
        self.saved_label.configure(text="")

    def _source(self) -> str:
        session = self.shared.session
        if session is None:
            return ""
        document = session.document
        if document.title:
            return document.title
        if document.source.url:
            return document.source.url
        return document.source.path.name if document.source.path else ""


def setup(window: ReaderWindow) -> WordCardPanel:
    """The word card over the side pane, for each word chosen in the German text."""
    services, state = window.services, window.state
    translator: TextTranslator | None
    if services.word_translator == "provider":
        translator = provider_translator(
            state.translator, cache=state.translation_cache, gate=state.translation_gate
        )
    else:
        translator = services.word_translator
    panel = WordCardPanel(
        window.root,
        state,
        cover=window.side_pane,
        dictionary=services.dictionary or installed_dictionary,
        translator=translator,
        vocabulary=window.vocabulary,
    )
    state.on_data(
        events.WORD_CHOSEN, events.WordChosen, lambda chosen: panel.look_up(chosen.context)
    )
    # The card lies over everything else: Escape closes it before it cancels or closes more.
    window.on_escape(panel.close_if_open, first=True)
    return panel
