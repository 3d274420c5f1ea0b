"""Word statuses in the reading view: new words tinted, learning words coloured by level.

Keys act on the word under the pointer, or on every word of the selection: 1–4 learning, K
known, I ignore, Ctrl+Z undoes the last change. "Mark the rest of this page as known" marks every
new word in view except those the learner looked up. The statuses are stored per lemma
(`reader.learner`), so marking "Häuser" marks "Haus" everywhere.

Speed: for each article a worker thread builds the word index (`reader.learner.words`) and the
words' positions, so a mark updates the personal coverage in time proportional to that lemma's
occurrences and re-colours its occurrences around the view with two Tk calls (`word_colours`
says why only around the view). The panels (`learner_panels`) show the coverage,
the legend and the word card's status; they listen to `STATUSES_CHANGED`.
"""

from __future__ import annotations

import logging
import sqlite3
import tkinter as tk
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.gui import events
from reader.gui.background import Outcome, one_at_a_time
from reader.gui.state import ArticleSession, ReaderState
from reader.gui.word_colours import ALL_TAGS, ViewportColours, WordPositions, word_positions
from reader.learner.known import lemmas_by_key
from reader.learner.status import WordStatus
from reader.learner.store import StatusChange
from reader.learner.words import ArticleWords, PersonalCoverage, article_words

if TYPE_CHECKING:
    from reader.gui.app import ReaderWindow
    from reader.gui.learner_panels import LearnerPanels
    from reader.gui.services import SharedLearnerStore, SharedVocabulary

log = logging.getLogger(__name__)

STATUSES_CHANGED = "<<WordStatusesChanged>>"  # statuses or the coverage changed
COVERAGE_READY = "<<PersonalCoverageReady>>"  # the open article's words are indexed
# Tints under the text, by theme: new, then learning 1 (least known) to 4.
TINTS = {
    "light": ("#e8f0fc", "#ffd978", "#ffe49e", "#ffeec4", "#fff6e0"),
    "dark": ("#1d3250", "#6a5410", "#574616", "#463b1d", "#37321f"),
}
KEYS = {
    "1": WordStatus.LEARNING_1,
    "2": WordStatus.LEARNING_2,
    "3": WordStatus.LEARNING_3,
    "4": WordStatus.LEARNING_4,
    "k": WordStatus.KNOWN,
    "K": WordStatus.KNOWN,
    "i": WordStatus.IGNORED,
    "I": WordStatus.IGNORED,
}
CHANGED_ELSEWHERE_POLL_MS = 2000
_TYPING_CLASSES = ("Entry", "TEntry", "TCombobox", "TSpinbox", "Spinbox", "Listbox")


@dataclass
class IndexedArticle:
    """The open article's words: by paragraph and lemma, and by position for the colours."""

    session: ArticleSession
    words: ArticleWords
    positions: WordPositions


def index_article(paragraphs: tuple[str, ...]) -> tuple[ArticleWords, WordPositions]:
    """Build the word index and the positions (on a worker thread)."""
    words = article_words(paragraphs)
    return words, word_positions(words)


class WordMarks:
    """The statuses of the open article's words, on screen and in the store."""

    def __init__(
        self,
        state: ReaderState,
        german: tk.Text,
        store: SharedLearnerStore,
        vocabulary: SharedVocabulary,
    ) -> None:
        self.state = state
        self.german = german
        self._store = store
        self._vocabulary = vocabulary
        self.marked: dict[str, WordStatus] = {}
        self.saved: dict[str, str] = {}  # vocabulary words (learning unless marked)
        self.lemmas: dict[str, str] = {}  # key → lemma, for keys seen in any article
        self.article: IndexedArticle | None = None
        self.coverage: PersonalCoverage | None = None
        self.undo_stack: list[dict[str, StatusChange]] = []
        self.looked_up: set[str] = set()  # keys the word card showed in this article
        self.pointer: tuple[int, int] | None = None
        self.panels: LearnerPanels | None = None
        self._card_key: str | None = None
        self._loaded = False
        self._applied_tints: tuple[str, bool] | None = None
        self.colours = ViewportColours(german, self.status)
        self.configure_tags()
        state.on(events.ARTICLE_LOADED, self._article_loaded)
        state.on(events.SETTINGS_CHANGED, self.configure_tags)
        state.on(events.VOCABULARY_CHANGED, self._vocabulary_changed)
        state.on_data(events.WORD_SHOWN, events.WordShown, self._word_shown)
        german.bind("<Motion>", self._pointer_moved, add=True)
        german.bind("<Leave>", self._pointer_left, add=True)
        self.state.root.after(CHANGED_ELSEWHERE_POLL_MS, self._poll_elsewhere)

    # --- statuses -----------------------------------------------------------------------------

    def load(self) -> None:
        """Read the statuses (once; later changes by others arrive through `refresh`)."""
        if self._loaded:
            return
        self._loaded = True
        try:
            store = self._store()
            self.marked = store.statuses()
            store.changed_elsewhere()  # start counting from here
        except (OSError, sqlite3.Error) as error:
            log.warning("cannot read the word statuses: %s", error)
            self.state.set_status(f"Word statuses are not available: {error}")
        self.saved = self._saved_words()

    def _saved_words(self) -> dict[str, str]:
        try:
            return lemmas_by_key(word.lemma for word in self._vocabulary().words())
        except (OSError, sqlite3.Error) as error:
            log.warning("cannot read the vocabulary: %s", error)
            return {}

    def status(self, key: str) -> WordStatus | None:
        """The status in effect: the mark, else learning for a saved word, else new."""
        marked = self.marked.get(key)
        if marked is not None:
            return marked
        return WordStatus.LEARNING_1 if key in self.saved else None

    def statuses(self) -> dict[str, WordStatus]:
        effective = dict.fromkeys(self.saved, WordStatus.LEARNING_1)
        effective.update(self.marked)
        return effective

    def lemma(self, key: str) -> str:
        if self.article is not None and key in self.article.words.lemmas:
            return self.article.words.lemmas[key]
        return self.lemmas.get(key) or self.saved.get(key) or key

    def set_status(self, keys: Iterable[str], status: WordStatus | None) -> int:
        """Give every key `status`; stored in one transaction, undoable as one step. Returns
        how many words changed."""
        self.load()
        changes = [StatusChange(self.lemma(key), status) for key in dict.fromkeys(keys)]
        return self._apply(changes, remember=True)

    def undo(self) -> bool:
        """Undo the last change (of this window); whether there was one."""
        if not self.undo_stack:
            self.state.set_status("Nothing to undo.")
            return False
        changes = list(self.undo_stack.pop().values())
        self._apply(changes, remember=False)
        self.state.set_status(f"Undone: {_words(len(changes))} back as they were.")
        return True

    def _apply(self, changes: list[StatusChange], *, remember: bool) -> int:
        try:
            undo = self._store().set_statuses(changes)
        except (OSError, sqlite3.Error) as error:
            log.warning("cannot store word statuses: %s", error)
            self.state.dialogs.show_error(
                self.state.root, "Not saved", f"The word status could not be saved: {error}"
            )
            return 0
        self.show_stored(changes, undo, remember=remember)
        return len(undo)

    def show_stored(
        self,
        changes: Iterable[StatusChange],
        undo: dict[str, StatusChange],
        *,
        remember: bool = True,
    ) -> None:
        """Take in `changes` this window has just stored (`undo`: what `set_statuses`
        returned), as one step to undo."""
        self.load()
        if not undo:
            return
        if remember:
            self.undo_stack.append(undo)
        before = {key: self.status(key) for key in undo}
        for change in changes:
            if change.key in undo:
                self.lemmas.setdefault(change.key, change.lemma)
                if change.status is None:
                    self.marked.pop(change.key, None)
                else:
                    self.marked[change.key] = change.status
        self._show_changes(before)

    def _show_changes(self, before: dict[str, WordStatus | None]) -> None:
        """Re-colour and re-count the keys whose status in effect changed."""
        changed = False
        for key, old in before.items():
            new = self.status(key)
            if new == old:
                continue
            changed = True
            if self.coverage is not None:
                self.coverage.change(key, old, new)
            self._recolour(key, old, new)
        if changed:
            self.state.emit(STATUSES_CHANGED)

    def _recolour(self, key: str, old: WordStatus | None, new: WordStatus | None) -> None:
        self.colours.recolour(key, old, new)

    def refresh(self) -> None:
        """Take in what another window or command stored since (their marks are not lost, and
        this window shows them)."""
        if not self._loaded:
            return
        try:
            store = self._store()
            if not store.changed_elsewhere():
                return
            fresh = store.statuses()
        except (OSError, sqlite3.Error) as error:
            log.warning("cannot read the word statuses: %s", error)
            return
        keys = set(fresh) | set(self.marked)
        before = {key: self.status(key) for key in keys}
        self.marked = fresh
        self._show_changes(before)

    def _poll_elsewhere(self) -> None:
        try:
            self.refresh()
        finally:
            self.state.root.after(CHANGED_ELSEWHERE_POLL_MS, self._poll_elsewhere)

    def _vocabulary_changed(self) -> None:
        if not self._loaded:
            return
        before_saved = self.saved
        self.saved = self._saved_words()
        keys = set(before_saved) ^ set(self.saved)
        before = {
            key: self.marked.get(key) or (WordStatus.LEARNING_1 if key in before_saved else None)
            for key in keys
        }
        self._show_changes(before)

    # --- the article ------------------------------------------------------------------------

    def _article_loaded(self) -> None:
        self.article = None
        self.coverage = None
        self.colours.show(None)
        self.undo_stack.clear()
        self.looked_up.clear()
        session = self.state.session
        if session is None:
            return
        self.load()
        paragraphs = session.document.paragraphs
        # After the panels have drawn the article, as the analysis does.
        self.state.root.after_idle(
            lambda: self.state.calls.run_in_thread(
                session.token,
                lambda: one_at_a_time(lambda: index_article(paragraphs)),
                lambda outcome: self._indexed(session, outcome),
                name="reader-word-index",
            )
        )

    def _indexed(
        self,
        session: ArticleSession,
        outcome: Outcome[tuple[ArticleWords, WordPositions]],
    ) -> None:
        if session is not self.state.session:
            return
        if outcome.value is None:
            log.error("cannot index the article's words", exc_info=outcome.error)
            return
        words, positions = outcome.value
        self.article = IndexedArticle(session, words, positions)
        self.lemmas.update(words.lemmas)
        self.coverage = PersonalCoverage(words, self.statuses())
        self.colours.show(positions)
        self.state.emit(COVERAGE_READY)
        self.state.emit(STATUSES_CHANGED)

    def configure_tags(self) -> None:
        settings = self.state.settings
        wanted = (settings.theme, settings.show_word_status)
        if wanted == self._applied_tints:
            return
        self._applied_tints = wanted
        tints = TINTS.get(settings.theme, TINTS["light"])
        for tag, tint in zip(ALL_TAGS, tints, strict=True):
            self.german.tag_configure(tag, background=tint if settings.show_word_status else "")
            # Below every other tag: selection, search hits, sentence shading show over it.
            self.german.tag_lower(tag)

    # --- which words --------------------------------------------------------------------------

    def key_at(self, paragraph: int, offset: int) -> str | None:
        article = self.article
        if article is None or not 0 <= paragraph < len(article.words.paragraphs):
            return None
        words = article.words.paragraphs[paragraph]
        position = words.index_at(offset)
        return None if position is None else words.keys[position]

    def keys_between(self, first: str, last: str) -> list[str]:
        """Keys of the words overlapping Tk indices `first`..`last`, in order."""
        article = self.article
        if article is None:
            return []
        first_line, first_column = (int(part) for part in first.split("."))
        last_line, last_column = (int(part) for part in last.split("."))
        keys: list[str] = []
        paragraphs = article.words.paragraphs
        for line in range(first_line, min(last_line, len(paragraphs)) + 1):
            words = paragraphs[line - 1]
            start = first_column if line == first_line else 0
            end = last_column if line == last_line else 1 << 30
            keys.extend(words.keys[position] for position in words.between(start, end))
        return keys

    def target_keys(self) -> list[str]:
        """The words a key acts on: the word under the pointer, unless the pointer rests on a
        selection (then every selected word); else the selection, else the word card's."""
        german = self.german
        selected: list[str] = []
        inside = False
        pointed = self._pointed_index()
        if german.tag_ranges("sel"):
            first, last = german.index("sel.first"), german.index("sel.last")
            selected = self.keys_between(first, last)
            inside = (
                pointed is not None
                and german.compare(first, "<=", pointed)
                and (german.compare(pointed, "<", last))
            )
        if pointed is not None and not inside:
            line, column = (int(part) for part in pointed.split("."))
            key = self.key_at(line - 1, column)
            if key is not None:
                return [key]
        if selected:
            return selected
        return [self._card_key] if self._card_key is not None else []

    def _pointed_index(self) -> str | None:
        """The Tk index of the character under the pointer, if it is over text."""
        if self.pointer is None:
            return None
        x, y = self.pointer
        index = self.german.index(f"@{x},{y}")
        box = self.german.bbox(index)
        if box is None or not box[0] <= x <= box[0] + box[2] + 1:
            return None
        return index

    def _word_shown(self, shown: events.WordShown) -> None:
        context = shown.context
        self._card_key = None
        if context is None:
            return
        key = self.key_at(context.paragraph, context.start)
        if key is not None:
            self._card_key = key
            self.looked_up.add(key)

    def _pointer_moved(self, event: tk.Event[tk.Misc]) -> None:
        self.pointer = (event.x, event.y)

    def _pointer_left(self, _event: tk.Event[tk.Misc]) -> None:
        self.pointer = None

    def visible_range(self) -> tuple[str, str]:
        german = self.german
        return german.index("@0,0"), german.index(
            f"@{german.winfo_width()},{german.winfo_height()}"
        )

    # --- actions ------------------------------------------------------------------------------

    def mark(self, status: WordStatus) -> None:
        """The key press: `status` for the targeted words."""
        keys = self.target_keys()
        if not keys:
            self.state.set_status(
                "Point at a word (or select words) first, then press 1–4, K or I."
            )
            return
        changed = self.set_status(keys, status)
        lemma = self.lemma(keys[0])
        what = f"“{lemma}”" if len(set(keys)) == 1 else _words(len(set(keys)))
        if changed:
            self.state.set_status(f"{what}: {status.description}. Ctrl+Z undoes it.")
        else:
            self.state.set_status(f"{what} already {status.description}.")

    def mark_page_known(self) -> int:
        """Every new word in view becomes known, except those looked up in this article."""
        if self.article is None:
            self.state.set_status("The article's words are still being counted.")
            return 0
        first, last = self.visible_range()
        keys = [
            key
            for key in dict.fromkeys(self.keys_between(first, last))
            if self.status(key) is None and key not in self.looked_up
        ]
        changed = self.set_status(keys, WordStatus.KNOWN)
        self.state.set_status(
            f"Marked {_words(changed)} on this page as known. Ctrl+Z undoes it."
            if changed
            else "No new words left on this page."
        )
        return changed

    def key_pressed(self, event: tk.Event[tk.Misc]) -> str | None:
        if _typing_in(event.widget):
            return None
        status = KEYS.get(event.keysym) or KEYS.get(event.char)
        if status is None:
            return None
        self.mark(status)
        return "break"

    def undo_pressed(self, event: tk.Event[tk.Misc]) -> str | None:
        if _typing_in(event.widget):
            return None
        self.undo()
        return "break"


def _typing_in(widget: object) -> bool:
    """Whether the key went to a field the user types into (a key there is a letter)."""
    if not isinstance(widget, tk.Misc):
        return False
    try:
        widget_class = widget.winfo_class()
    except tk.TclError:
        return False
    if widget_class in _TYPING_CLASSES:
        return True
    return widget_class == "Text" and str(widget.cget("state")) == "normal"


def _words(count: int) -> str:
    return f"{count} word{'s' * (count != 1)}"


def setup(window: ReaderWindow) -> WordMarks:
    """Colour the German text by word status; keys 1–4, K, I and Ctrl+Z; the panels."""
    from reader.gui import learner_panels

    marks = WordMarks(window.state, window.reading_view.german, window.learner, window.vocabulary)
    root = window.root
    for key in KEYS:
        root.bind(f"<KeyPress-{key}>", marks.key_pressed, add=True)
    root.bind("<Control-z>", marks.undo_pressed, add=True)
    root.bind("<FocusIn>", lambda _event: marks.refresh(), add=True)
    marks.panels = learner_panels.setup(window, marks)
    return marks
