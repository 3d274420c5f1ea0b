"""The English column of the reading view: each paragraph's translation, or why there is none.

Each paragraph is one line of the English Text widget, beside the same line of the German one.
A translated paragraph is written sentence by sentence where the provider's answer could be
paired up; where each sentence stands on both sides is kept here (`sentence_at`,
`sentence_ranges`: hovering lights up a pair), not in Tk tags, which a book would have tens of
thousands of. A failed paragraph says why, with a Retry button (`events.RETRY_REQUESTED`).

Paragraphs whose translation changed are written as a `ParagraphTask`: those near the view
first, a few milliseconds at a time, then the rest in order.
"""

from __future__ import annotations

import functools
import time
import tkinter as tk
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from tkinter import ttk
from typing import TYPE_CHECKING

from reader.gui import events
from reader.gui.alignment import joined_with_spans
from reader.gui.opening import SAMPLE_ARTICLE
from reader.gui.state import ArticleSession, ReaderState
from reader.gui.text_editing import editable

if TYPE_CHECKING:
    from reader.translation.results import ParagraphTranslation

# A paragraph's translation (if any), whether one is on its way, whether its error repeats the
# paragraph above's.
EnglishState = tuple["ParagraphTranslation | None", bool, bool]
Span = tuple[int, int]
SentenceKey = tuple[int, int]  # paragraph, sentence number

NOT_TRANSLATED = "Not translated yet (F5 translates)."
TRANSLATING = "Translating…"
SAME_PROBLEM = "⚠ Not translated (the same problem as above)  "
WRITE_BATCH = 12  # paragraphs written per unlock of the widget


@dataclass(frozen=True)
class SentencePlaces:
    """Where each sentence of a paragraph's pair list stands, on each side."""

    german: tuple[Span, ...]
    english: tuple[Span, ...]


class EnglishColumn:
    """Writes the English side; `changed(index)` is told of every paragraph redrawn."""

    def __init__(
        self,
        state: ReaderState,
        german: tk.Text,
        english: tk.Text,
        header: ttk.Label,
        *,
        changed: Callable[[int], object],
        pad_tags: Callable[[int], tuple[str, ...]],
        written: Callable[[], int],
        wake: Callable[[], object],
    ) -> None:
        self.shared = state
        self.german = german
        self.english = english
        self.header = header
        self._changed = changed
        self._pad_tags = pad_tags  # the paragraph's current padding, kept when it is rewritten
        self._written = written  # paragraphs on both sides so far (the rest are being written)
        self._wake = wake
        self.paragraph_count = 0
        self.retry_buttons: dict[int, ttk.Button] = {}
        self.sentences: dict[int, SentencePlaces] = {}
        self.texts: dict[int, str] = {}  # the English shown for each translated paragraph
        self.dirty: set[int] = set()
        self._shown: dict[int, EnglishState] = {}
        self._translated: set[int] = set()
        self._headings: frozenset[int] = frozenset()

    def start(
        self, paragraph_count: int, headings: Iterable[int] = (), *, carry: bool = True
    ) -> None:
        """A new article: every paragraph shows the placeholder (the caller writes them); with
        `carry`, what the open article has (translations) is shown next."""
        for button in self.retry_buttons.values():
            button.destroy()
        self.retry_buttons.clear()
        self.sentences.clear()
        self.texts.clear()
        self.dirty.clear()
        self._shown.clear()
        self._translated.clear()
        self.paragraph_count = paragraph_count
        self._headings = frozenset(headings)
        session = self.shared.session
        if carry and session is not None:  # whatever already arrived (nothing, usually)
            self.dirty.update(index for index in session.translations if index < paragraph_count)
            self.dirty.update(index for index in session.in_flight if index < paragraph_count)

    PLACEHOLDER = (NOT_TRANSLATED, ("note",))  # what a paragraph shows before anything else

    def translations_changed(self, paragraphs: Iterable[int] | None) -> None:
        """These paragraphs' translations changed (None: any of them may have)."""
        if paragraphs is None:
            session = self.shared.session
            changed: Iterable[int] = range(self.paragraph_count) if session is not None else ()
        else:
            changed = paragraphs
        now: set[int] = set()
        for index in changed:
            if 0 <= index < self.paragraph_count:
                now.update((index, index + 1))  # its error may be repeated below
        now.discard(self.paragraph_count)
        written = self._written()
        if len(now) <= 2 * WRITE_BATCH:  # a few (an answer, a retry): at once
            self._render(sorted(index for index in now if index < written))
            self.update_header()
            now = {index for index in now if index >= written}
        self.dirty.update(now)
        if now:
            self._wake()

    # --- ParagraphTask ------------------------------------------------------------------------

    def run_near(self, near: Sequence[int], deadline: float) -> bool:
        todo = [index for index in near if index in self.dirty]
        return self._write_until(todo, deadline)

    def run_far(self, deadline: float) -> bool:
        written = self._written()
        todo = sorted(index for index in self.dirty if index < written)
        return self._write_until(todo, deadline)

    def _write_until(self, todo: list[int], deadline: float) -> bool:
        written = self._written()
        todo = [index for index in todo if index < written]
        wrote = False
        while todo and time.perf_counter() < deadline:
            batch, todo = todo[:WRITE_BATCH], todo[WRITE_BATCH:]
            self._render(batch)
            wrote = True
        if wrote:
            self.update_header()
        return bool(todo)

    # --- writing ------------------------------------------------------------------------------

    def update_header(self) -> None:
        session = self.shared.session
        name = self.shared.provider_display_name
        done = len(self._translated)
        # Only the sample has English of its own; other cached answers came from the provider.
        bundled = (
            session is not None
            and session.document.source.path == SAMPLE_ARTICLE
            and all(t.from_cache for t in session.translations.values())
        )
        source = "bundled translation" if bundled and done else name
        self.header.configure(text=f"ENGLISH · {source}" if done else "ENGLISH")

    def _render(self, indices: Iterable[int]) -> None:
        """Redraw these English paragraphs (one unlock of the widget: that is the slow part)."""
        session = self.shared.session
        if session is None:
            return
        with editable(self.english):
            for index in indices:
                self.dirty.discard(index)
                state = english_state(session, index)
                if self._shown.get(index, (None, False, False)) != state:
                    self._write(index, state)

    def _write(self, index: int, state: EnglishState) -> None:
        self._shown[index] = state
        translation, waiting, repeats_above = state
        line = index + 1
        old_button = self.retry_buttons.pop(index, None)
        if old_button is not None:
            old_button.destroy()
        self.sentences.pop(index, None)
        self.texts.pop(index, None)
        self._translated.discard(index)
        english = self.english
        pads = self._pad_tags(index)
        english.delete(f"{line}.0", f"{line}.end")
        if translation is None:
            note = TRANSLATING if waiting else NOT_TRANSLATED
            english.insert(f"{line}.0", note, ("note", *pads))
        elif not translation.ok:
            reason = translation.error or "no translation came back"
            note = SAME_PROBLEM if repeats_above else f"⚠ Not translated: {reason}  "
            english.insert(f"{line}.0", note, ("failed", *pads))
            button = ttk.Button(
                english, text="Retry", command=functools.partial(self.request_retry, index)
            )
            english.window_create(f"{line}.end", window=button, align="center", padx=2)
            for pad in pads:  # the button may wrap onto a display line of its own
                english.tag_add(pad, f"{line}.0", f"{line}.end")
            self.retry_buttons[index] = button
        else:
            self._insert_sentences(index, translation, pads)
            self._translated.add(index)
        self._changed(index)

    def _insert_sentences(
        self, index: int, translation: ParagraphTranslation, pads: tuple[str, ...]
    ) -> None:
        line = index + 1
        pairs = list(translation.sentences)
        if pairs:
            text, english_spans = joined_with_spans([pair.translation for pair in pairs])
            self.sentences[index] = SentencePlaces(
                tuple((pair.start, pair.end) for pair in pairs), tuple(english_spans)
            )
        else:
            text = translation.translation or "—"
        # A subheading is bold on both sides (once it is translated, not its note).
        heading = ("subheading",) if index in self._headings else ()
        self.english.insert(f"{line}.0", text, (*pads, *heading))
        self.texts[index] = text

    def request_retry(self, index: int) -> None:
        self.shared.emit(events.RETRY_REQUESTED, events.RetryParagraph(index))

    # --- sentence pairs -----------------------------------------------------------------------

    def sentence_at(self, text: tk.Text, paragraph: int, offset: int) -> SentenceKey | None:
        """The sentence pair whose sentence covers character `offset` of `paragraph` on the
        side `text` shows."""
        places = self.sentences.get(paragraph)
        if places is None:
            return None
        spans = places.german if text is self.german else places.english
        for number, (start, end) in enumerate(spans):
            if start <= offset < end:
                return paragraph, number
        return None

    def sentence_ranges(self, key: SentenceKey) -> list[tuple[tk.Text, str, str]]:
        """Where sentence pair `key` stands: (side, start, end) on each side."""
        paragraph, number = key
        places = self.sentences.get(paragraph)
        if places is None or number >= len(places.german):
            return []
        line = paragraph + 1
        return [
            (text, f"{line}.{start}", f"{line}.{end}")
            for text, (start, end) in (
                (self.german, places.german[number]),
                (self.english, places.english[number]),
            )
        ]


def english_state(session: ArticleSession, index: int) -> EnglishState:
    """What paragraph `index` shows: its result, whether it is waiting, and whether it failed
    for the same reason as the paragraph above (offline, every paragraph fails alike; the
    reason is spelled out once, not repeated down the whole page)."""
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
