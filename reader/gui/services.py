"""What the window's features take from outside the window, in one place tests can replace.

`ReaderWindow(..., services=WindowServices(...))` hands them to every feature's `setup`; the
defaults are the real ones (deep-translator, the installed dictionary, the user's vocabulary).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from reader.dictionary.store import Dictionary
    from reader.dictionary.vocabulary import Vocabulary
    from reader.gui.state import TranslatorFactory
    from reader.gui.vocabulary_window import AskSavePath
    from reader.gui.word_context import TextTranslator
    from reader.learner.store import LearnerStore
    from reader.speech.output import AudioOutput


@dataclass(frozen=True)
class WindowServices:
    # Builds the translator for the chosen provider; None: deep-translator.
    translator_for: TranslatorFactory | None = None
    # The word card's offline dictionary; None: the installed one (if any).
    dictionary: Callable[[], Dictionary | None] | None = None
    # Translates a word and its sentence for the card; "provider": the chosen provider,
    # None: never ask (offline).
    word_translator: TextTranslator | Literal["provider"] | None = "provider"
    # Opens the learner's vocabulary; None: the user's own file.
    vocabulary: Callable[[], Vocabulary] | None = None
    # Asks where to export the vocabulary; None: the system's save dialog.
    ask_save_path: AskSavePath | None = None
    # Where speech is played; None: the best output the machine has (reader.speech.output).
    # Called off the Tk thread; raises AudioUnavailable when there is none.
    audio_output: Callable[[], AudioOutput] | None = None
    # Opens the learner's word statuses and library; None: the user's own file.
    learner_store: Callable[[], LearnerStore] | None = None


class SharedVocabulary:
    """The learner's vocabulary, shared by the word card and the vocabulary window (one
    connection), opened on first use and closed with the window."""

    def __init__(self, open_vocabulary: Callable[[], Vocabulary] | None) -> None:
        self._open = open_vocabulary
        self._vocabulary: Vocabulary | None = None

    def __call__(self) -> Vocabulary:
        if self._vocabulary is None:
            if self._open is None:
                from reader.dictionary.vocabulary import Vocabulary

                self._vocabulary = Vocabulary()
            else:
                self._vocabulary = self._open()
        return self._vocabulary

    @property
    def opened(self) -> Vocabulary | None:
        """The vocabulary if it is open already (None: nothing has used it yet)."""
        return self._vocabulary

    def close(self) -> None:
        if self._vocabulary is not None:
            self._vocabulary.close()
            self._vocabulary = None


class SharedLearnerStore:
    """The learner's statuses and library (one connection for the window's features), opened
    on first use and closed with the window."""

    def __init__(self, open_store: Callable[[], LearnerStore] | None) -> None:
        self._open = open_store
        self._store: LearnerStore | None = None

    def __call__(self) -> LearnerStore:
        if self._store is None:
            if self._open is None:
                from reader.learner.store import LearnerStore

                self._store = LearnerStore()
            else:
                self._store = self._open()
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
