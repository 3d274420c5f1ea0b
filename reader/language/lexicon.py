"""A German word-form lexicon: tells a word from a fragment and gives a form's lemma.

It reads simplemma's German dictionary (~1.1 million word forms mapped to their lemmas) through
simplemma's trie factory: the forms are built once into a MARISA trie (marisa-trie, ~3 s and
~250 MB while building), which is saved to a file (7.6 MB) and from then on loads in
milliseconds, takes ~25 MB and answers a lookup in about a microsecond. simplemma's own
compressed data would take ~0.8 s to load at every start, which the first analysis of every
article opened after a start waited for. The trie comes with the app where the build bundled
it (`TRIE_FOLDER`); otherwise it is built on first use into the user's cache folder. The window
does not make its first analysis wait for that build (which also holds the GIL, freezing the
window for about a second): after `build_missing_trie_at_exit()`, a missing trie is read from
simplemma's compressed data for this run and built when the program exits, after the window
has closed.

Articles repeat their words, so `german_forms()` remembers every answer, and it is the one copy
of the data for the whole program: the glossary's lexicon and the readability code's lemmatiser
(`german_lemma`, simplemma's full lemmatisation with its rules for unknown words) both look
words up through it, so a word either of them has looked up costs the other a dict lookup. The
data loads on the first lookup, never at import.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import importlib.util
import logging
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar, overload

from reader import paths

_LANGUAGE = "de"
# Longer than Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz (63 letters): no
# word, but text that lost its spaces; the per-word analyses leave it alone.
LONGEST_WORD = 64
# The trie bundled with the app (build_spec/build.py puts it there), if any.
TRIE_FOLDER = paths.PACKAGE_DATA / "lemmas"
_build_at_exit = False
# Remembered answers (a few per distinct word) are forgotten beyond this many, which bounds memory
# (~50 MB) in very long sessions; a long article needs far fewer.
_MOST_REMEMBERED = 250_000
_Default = TypeVar("_Default")


class Lexicon(Protocol):
    """What the matcher needs to know about German words."""

    def lemma(self, word: str) -> str | None:
        """The dictionary form of `word` as written (case-sensitive), or None if unknown."""
        ...

    def is_word(self, word: str) -> bool:
        """Whether `word` is a German word form in any capitalisation."""
        ...


class RememberedForms(Mapping[str, str]):
    """simplemma's German word forms (form → lemma), loaded on first use, remembering each
    answer; missing forms are remembered too, and most lookups of compound parts miss."""

    def __init__(self, load: Callable[[], Mapping[str, str]] | None = None) -> None:
        self._load = load or _simplemma_forms
        self._forms: Mapping[str, str] | None = None
        self._loading = threading.Lock()
        self._answers: dict[str, str | None] = {}

    def _data(self) -> Mapping[str, str]:
        if self._forms is None:
            with self._loading:
                if self._forms is None:
                    self._forms = self._load()
        return self._forms

    @overload
    def get(self, key: str, /) -> str | None: ...
    @overload
    def get(self, key: str, /, default: str | _Default) -> str | _Default: ...
    def get(self, key: str, /, default: object = None) -> object:
        answers = self._answers
        if key in answers:
            answer = answers[key]
        else:
            if len(answers) >= _MOST_REMEMBERED:
                answers.clear()
            answer = answers[key] = self._data().get(key)
        return default if answer is None else answer

    def __getitem__(self, key: str) -> str:
        answer = self.get(key)
        if answer is None:
            raise KeyError(key)
        return answer

    def __iter__(self) -> Iterator[str]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())


def build_missing_trie_at_exit() -> None:
    """A missing trie is built when the program exits, not when the forms are first needed."""
    global _build_at_exit
    _build_at_exit = True


def _simplemma_forms() -> Mapping[str, str]:
    folder = trie_folder()
    trie = _read_trie(folder / f"{_LANGUAGE}.dic")
    if trie is not None:
        return trie
    from simplemma.strategies.dictionaries import (
        LOW_MEMORY_DICTIONARY_FACTORY,
        TrieDictionaryFactory,
    )

    if _build_at_exit and not (folder / f"{_LANGUAGE}.dic").is_file():
        atexit.register(_build_trie_for_next_start, folder)
        compressed: Mapping[str, str] = LOW_MEMORY_DICTIONARY_FACTORY.get_dictionary(_LANGUAGE)
        return compressed
    # A cache that cannot be read is rebuilt, one that cannot be written is skipped: either way
    # the forms are there (simplemma logs a warning).
    factory = TrieDictionaryFactory(disk_cache_dir=str(folder))
    forms: Mapping[str, str] = factory.get_dictionary(_LANGUAGE)
    return forms


class TrieForms(Mapping[str, str]):
    """simplemma's trie of German forms read as its `TrieDictionaryFactory` reads and answers
    it (form → lemma), without importing simplemma: its import compiles the rules of every
    language (~0.05 s), which a process that only looks forms up (the glossary's, in
    `reader analyze`) does without."""

    def __init__(self, trie: Any) -> None:
        self._trie = trie

    @overload
    def get(self, key: str, /) -> str | None: ...
    @overload
    def get(self, key: str, /, default: str | _Default) -> str | _Default: ...
    def get(self, key: str, /, default: object = None) -> object:
        value = self._trie.get(key)
        return value[0].decode() if value else default

    def __getitem__(self, key: str) -> str:
        answer = self.get(key)
        if answer is None:
            raise KeyError(key)
        return answer

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.iterkeys())

    def __len__(self) -> int:
        return len(self._trie)


def _read_trie(path: Path) -> TrieForms | None:
    """The trie in `path`; None if there is none or it cannot be read (simplemma's factory then
    builds it again)."""
    if not path.is_file():
        return None
    import marisa_trie

    try:
        return TrieForms(marisa_trie.BytesTrie().load(str(path)))
    except Exception:  # a half-written file: simplemma says so and rebuilds it
        return None


def trie_folder() -> Path:
    """Where the German forms' trie is read from: the bundled one, else the user's cache (per
    simplemma version: its data may change between versions)."""
    if (TRIE_FOLDER / f"{_LANGUAGE}.dic").is_file():
        return TRIE_FOLDER
    return paths.cache_dir() / "lemmas" / f"simplemma-{simplemma_version()}"


_VERSION_LINE = re.compile(r"""^__version__\s*=\s*["']([^"']+)["']""", re.MULTILINE)


@functools.lru_cache(maxsize=1)
def simplemma_version() -> str:
    """The installed simplemma's version, read from its package metadata file without importing
    it (see `TrieForms`); from the imported package where that file cannot be read (a frozen
    app keeps its modules in an archive)."""
    spec = importlib.util.find_spec("simplemma")
    if spec is not None and spec.origin is not None:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            text = (Path(spec.origin).parent / "__metadata__.py").read_text(encoding="utf-8")
            found = _VERSION_LINE.search(text)
            if found is not None:
                return found[1]
    import simplemma

    return str(simplemma.__version__)


def _build_trie_for_next_start(folder: Path) -> None:
    try:
        build_trie(folder)
    except Exception as error:  # the next start reads the compressed data again; no harm done
        logging.getLogger(__name__).warning("cannot build the word-form trie: %s", error)


def build_trie(folder: Path) -> Path:
    """Build the German forms' trie into `folder`; returns the file."""
    from simplemma.strategies.dictionaries import TrieDictionaryFactory

    target = folder / f"{_LANGUAGE}.dic"
    target.unlink(missing_ok=True)
    TrieDictionaryFactory(disk_cache_dir=str(folder)).get_dictionary(_LANGUAGE)
    if not target.is_file():
        raise OSError(f"the trie was not written to {target}")
    return target


@functools.lru_cache(maxsize=1)
def german_forms() -> RememberedForms:
    """The process-wide German word forms (nothing is loaded until the first lookup)."""
    return RememberedForms()


class _GermanFormsFactory:
    """simplemma's dictionary-factory protocol, answering with `german_forms()`."""

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        if lang != _LANGUAGE:
            raise ValueError(f"only German data is shared here, not {lang!r}")
        return german_forms()


@functools.lru_cache(maxsize=1)
def _german_lemmatizer() -> Any:
    """simplemma's default lemmatiser (as `simplemma.lemmatize(word, "de", low_memory=True)`
    uses it) on the shared forms."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    strategy = DefaultStrategy(dictionary_factory=_GermanFormsFactory())
    return Lemmatizer(lemmatization_strategy=strategy)


@functools.lru_cache(maxsize=1)
def _german_lookup() -> Any:
    from simplemma.strategies import DictionaryLookupStrategy

    return DictionaryLookupStrategy(_GermanFormsFactory())


def german_lemma(word: str) -> str:
    """simplemma's German lemma of `word`, with its rules for forms the data lacks
    ("Sanktionen" → "Sanktion"); equal to `simplemma.lemmatize(word, "de", low_memory=True)`.
    A "word" longer than any German word (glued text, a base64 blob) is its own lemma: simplemma's
    rules try every way to split it, which grows with the square of its length."""
    if len(word) > LONGEST_WORD:
        return word
    lemma: str = _german_lemmatizer().lemmatize(word, _LANGUAGE)
    return lemma


def is_known_german(word: str) -> bool:
    """Whether simplemma's data has `word`, as written or with its first letter's case swapped;
    equal to `simplemma.is_known(word, "de", low_memory=True)`."""
    normalized = unicodedata.normalize("NFC", word)
    return _german_lookup().get_lemma(normalized, _LANGUAGE) is not None


class SimplemmaLexicon:
    """The German data shipped with simplemma, through the shared `german_forms()`."""

    def __init__(self, forms: Mapping[str, str] | None = None) -> None:
        self._forms = forms if forms is not None else german_forms()
        # Compound analysis asks about the same stems again and again (a plain dict of strings
        # and booleans, which the garbage collector does not walk).
        self._words: dict[str, bool] = {}

    def lemma(self, word: str) -> str | None:
        return self._forms.get(word)

    def is_word(self, word: str) -> bool:
        known = self._words.get(word)
        if known is None:
            forms = self._forms
            known = (
                forms.get(word) is not None
                or forms.get(word.lower()) is not None
                or forms.get(word[:1].upper() + word[1:]) is not None
            )
            if len(self._words) >= _MOST_REMEMBERED:
                self._words.clear()
            self._words[word] = known
        return known


class CachedLexicon:
    """Memoises another lexicon: articles repeat their words, and lookups cost microseconds."""

    def __init__(self, inner: Lexicon, size: int = 200_000) -> None:
        self.lemma = functools.lru_cache(maxsize=size)(inner.lemma)
        self.is_word = functools.lru_cache(maxsize=size)(inner.is_word)


@functools.lru_cache(maxsize=1)
def german_lexicon() -> Lexicon:
    """The shared lexicon (loaded lazily on the first lookup, not here). `german_forms()`
    already remembers every answer, so no `CachedLexicon` around it: its hundreds of thousands
    of cache entries would only make Python's garbage collector slower."""
    return SimplemmaLexicon()
