"""The window's virtual events: every name, the data some of them carry, and how to send them.

Panels never reach into each other's widgets: they announce changes with these events on the
root window and listen with `add=True`, so a new panel only has to listen. An event that says
more than "something changed" carries its data (Porcupine's `bind_with_data`): `emit(name,
data)` hands a small frozen dataclass to every `on_data(name, type, callback)` listener, instead
of a shared attribute set just before the event and read just after.
"""

from __future__ import annotations

import itertools
import tkinter as tk
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from reader.document import Document
    from reader.glossary import GlossaryEntry
    from reader.gui.word_context import WordContext

ARTICLE_PREVIEW = "<<ArticlePreview>>"  # carries `ArticlePreview`: a long file's beginning
ARTICLE_LOADED = "<<ArticleLoaded>>"
# The glossary terms; the readability figures follow. A long text's first part comes first,
# and the session says so (`ArticleSession.partial`) until the whole text's arrive.
TERMS_FOUND = "<<TermsFound>>"
ANALYSIS_READY = "<<AnalysisReady>>"  # the figures (`ArticleSession.analysed`: complete)
TRANSLATION_PROGRESS = "<<TranslationProgress>>"  # carries `TranslationProgress`
# carries `viewport.VisibleParagraphs`: the paragraphs in view changed (scrolling, resizing)
READING_POSITION = "<<ReadingPosition>>"
TERM_SELECTED = "<<TermSelected>>"  # carries `TermSelected`
RETRY_REQUESTED = "<<RetryParagraph>>"  # carries `RetryParagraph`
RETRY_FAILED = "<<RetryFailed>>"  # translate every failed paragraph again
SETTINGS_CHANGED = "<<SettingsChanged>>"
STATUS_CHANGED = "<<StatusChanged>>"  # carries `StatusChanged`
VOCABULARY_CHANGED = "<<VocabularyChanged>>"
SHOW_VOCABULARY = "<<ShowVocabulary>>"
WORD_CHOSEN = "<<WordChosen>>"  # carries `WordChosen`: a German word was double-clicked
WORD_SHOWN = "<<WordShown>>"  # carries `WordShown`: the word card opened, changed or closed
SAY_TEXT = "<<SayText>>"  # carries `SayText`: say a word or phrase aloud (the word card's button)


@dataclass(frozen=True)
class ArticlePreview:
    """The first paragraphs of the article being opened, shown while the rest loads (it becomes
    the open article with <<ArticleLoaded>>); None: the opening failed, show the open article
    again."""

    document: Document | None


@dataclass(frozen=True)
class TermSelected:
    """A glossary term was chosen (in the list or in the text); None clears the choice."""

    entry: GlossaryEntry | None


@dataclass(frozen=True)
class TranslationProgress:
    """These paragraphs' translations changed (arrived, failed, were sent or dropped); None:
    any paragraph's may have."""

    paragraphs: tuple[int, ...] | None


@dataclass(frozen=True)
class RetryParagraph:
    """Translate this paragraph (0-based) again."""

    index: int


@dataclass(frozen=True)
class StatusChanged:
    text: str


@dataclass(frozen=True)
class WordChosen:
    """The learner asked about this word (with its sentence and where it stands)."""

    context: WordContext


@dataclass(frozen=True)
class WordShown:
    """The word the card now shows; None when the card closed."""

    context: WordContext | None


@dataclass(frozen=True)
class SayText:
    """Say `text` aloud once (it interrupts reading the article)."""

    text: str


Data = TypeVar("Data")


class VirtualEvents:
    """Sends and receives the virtual events of one root window."""

    def __init__(self, root: tk.Tk) -> None:
        self._root = root
        self._serial = itertools.count()
        # Data of the events being delivered right now, by the key the event carries.
        self._delivering: dict[str, object] = {}

    def emit(self, event: str, data: object | None = None) -> None:
        """Deliver `event` (with `data`, if given) to its listeners before returning."""
        if data is None:
            self._root.event_generate(event, when="now")
            return
        key = str(next(self._serial))
        self._delivering[key] = data
        try:
            self._root.event_generate(event, when="now", data=key)
        finally:
            del self._delivering[key]

    def on(self, event: str, callback: Callable[[], object]) -> None:
        self._root.bind(event, lambda _event: callback(), add=True)

    def on_data(self, event: str, kind: type[Data], callback: Callable[[Data], object]) -> None:
        """Call `callback` with the `kind` instance each `event` carries."""

        def deliver(key: str) -> None:
            data = self._delivering.get(key)
            if not isinstance(data, kind):
                raise TypeError(f"{event} carried {data!r}, not a {kind.__name__}")
            callback(data)

        command = self._root.register(deliver)
        # Tk passes an event's data as %d; tkinter's own bind() does not hand it over.
        self._root.tk.call("bind", self._root, event, f"+{command} %d")
