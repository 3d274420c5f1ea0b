"""A German word-form lexicon: tells a word from a fragment and gives a form's lemma.

It reads simplemma's German dictionary (~1.1 million word forms mapped to their lemmas). We use
simplemma's low-memory dictionary factory, which keeps the compressed front-coded data in memory
(~35 MB, ~0.6 s to load) and decodes a small block per lookup (a few microseconds) instead of
building a 1.1-million-entry dict (~125 MB). The matcher caches per distinct word, so the slower
lookup does not matter; the factory is simplemma's process-wide one, so anything else in the
program that lemmatises with `low_memory=True` shares the same data.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from functools import lru_cache
from typing import Protocol


class Lexicon(Protocol):
    """What the matcher needs to know about German words."""

    def lemma(self, word: str) -> str | None:
        """The dictionary form of `word` as written (case-sensitive), or None if unknown."""
        ...

    def is_word(self, word: str) -> bool:
        """Whether `word` is a German word form in any capitalisation."""
        ...


class SimplemmaLexicon:
    """The German data shipped with simplemma, loaded on first use."""

    def __init__(self) -> None:
        self._forms: Mapping[str, str] | None = None
        self._loading = threading.Lock()

    def _dictionary(self) -> Mapping[str, str]:
        if self._forms is None:
            with self._loading:
                if self._forms is None:
                    from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

                    self._forms = LOW_MEMORY_DICTIONARY_FACTORY.get_dictionary("de")
        return self._forms

    def lemma(self, word: str) -> str | None:
        return self._dictionary().get(word)

    def is_word(self, word: str) -> bool:
        forms = self._dictionary()
        return (
            forms.get(word) is not None
            or forms.get(word.lower()) is not None
            or forms.get(word[:1].upper() + word[1:]) is not None
        )


class CachedLexicon:
    """Memoises another lexicon: articles repeat their words, and lookups cost microseconds."""

    def __init__(self, inner: Lexicon, size: int = 200_000) -> None:
        self.lemma = lru_cache(maxsize=size)(inner.lemma)
        self.is_word = lru_cache(maxsize=size)(inner.is_word)


@lru_cache(maxsize=1)
def german_lexicon() -> Lexicon:
    """The shared lexicon (loaded lazily on the first lookup, not here)."""
    return CachedLexicon(SimplemmaLexicon())
