"""The English column of the reading view: each paragraph's translation, or why there is none.

Each paragraph is one line of the English Text widget, beside the same line of the German one.
A translated paragraph is written sentence by sentence where the provider's answer could be
paired up (`sent:P.N` tags on both sides, for hover highlighting); a failed one says why, with
a Retry button (`events.RETRY_REQUESTED`). Only paragraphs whose state changed are redrawn.
"""

from __future__ import annotations

import functools
import tkinter as tk
from collections.abc import Callable, Iterable, Sequence
from tkinter import ttk
from typing import TYPE_CHECKING

from reader.gui import events
from reader.gui.alignment import joined_with_spans
from reader.gui.opening import SAMPLE_ARTICLE
from reader.gui.state import ArticleSession, ReaderState
from reader.gui.text_editing import editable, interleaved

if TYPE_CHECKING:
    from reader.translation.results import ParagraphTranslation

# A paragraph's translation (if any), whether one is on its way, whether its error repeats the
# paragraph above's.
EnglishState = tuple["ParagraphTranslation | None", bool, bool]

NOT_TRANSLATED = "Not translated yet (F5 translates)."
TRANSLATING = "Translating…"
SAME_PROBLEM = "⚠ Not translated (the same problem as above)  "


class EnglishColumn:
    """Writes the English side; `changed(index)` is told of every paragraph redrawn."""

    def __init__(
        self,
        state: ReaderState,
        german: tk.Text,
        english: tk.Text,
        header: ttk.Label,
        changed: Callable[[int], object],
    ) -> None:
        self.shared = state
        self.german = german
        self.english = english
        self.header = header
        self._changed = changed
        self.paragraph_count = 0
        self.retry_buttons: dict[int, ttk.Button] = {}
        self._shown: dict[int, EnglishState] = {}

    def show_placeholders(self, paragraphs: Sequence[str]) -> None:
        """A new article: "not translated yet" beside each paragraph (the widget is unlocked
        and emptied by the caller)."""
        for button in self.retry_buttons.values():
            button.destroy()
        self.retry_buttons.clear()
        self.paragraph_count = len(paragraphs)
        placeholders = [NOT_TRANSLATED] * len(paragraphs)
        # One insert: each Tk call may wait for the GIL while workers run.
        self.english.tk.call(
            str(self.english),
            "insert",
            "end",
            *interleaved(placeholders, lambda i: ("note", f"para:{i}")),
        )
        self._shown = {index: (None, False, False) for index in range(len(paragraphs))}

    def show_translations(self) -> None:
        session = self.shared.session
        if session is None:
            return
        changed = [
            index
            for index in range(self.paragraph_count)
            if self._shown.get(index) != english_state(session, index)
        ]
        if changed:
            self._render(changed)
        self.update_header()

    def update_header(self) -> None:
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
        self.header.configure(text=f"ENGLISH · {source}" if done else "ENGLISH")

    def _render(self, indices: Iterable[int]) -> None:
        """Redraw these English paragraphs (one unlock of the widget: that is the slow part)."""
        with editable(self.english):
            for index in indices:
                self._write(index)

    def _write(self, index: int) -> None:
        session = self.shared.session
        if session is None or index >= self.paragraph_count:
            return
        self._shown[index] = english_state(session, index)
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
        self._changed(index)

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
