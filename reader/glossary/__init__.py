"""Political glossary: the curated entries and where they occur in an article.

Public API:

- `load_glossary()` → `Glossary` (entries, categories, `get(term)`, `search(query)`)
- `find_terms(document)` → `list[TermMatch]`, one per entry in order of first occurrence, each
  with its `Occurrence`s (`document.paragraphs[o.paragraph][o.start:o.end] == o.text`)
- `find_in_text(text)` → `list[TextMatch]` for one paragraph or any plain text
- `entry_for_word(word)` → the `GlossaryEntry` a single word stands for, or None
- `search_glossary(query)` → `Glossary.search`, falling back to the matcher for compounds

The package returns these dataclasses only; the commands turn them into JSON
(`reader.commands.json_output`).

Words with a common everyday sense (Stimme, Prozess, Drohne) are marked only when the document
(or the text given to `find_in_text`) also has unambiguous political terms.

The first call that matches text loads simplemma's German data (~0.6 s); call
`default_matcher()` in a background thread to do that ahead of time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reader.document import Document
from reader.glossary import index_cache
from reader.glossary.dictionary_layer import layer_entries, read_layer
from reader.glossary.entries import (
    CATEGORY_NAMES,
    DATA_FOLDER,
    Category,
    Glossary,
    GlossaryDataError,
    GlossaryEntry,
    fold_for_search,
    load_glossary,
)
from reader.glossary.matcher import TermMatcher, TextMatch
from reader.glossary.words import build_word_indexes
from reader.language import lexicon
from reader.language.lexicon import german_lexicon

__all__ = [
    "CATEGORY_NAMES",
    "Category",
    "Glossary",
    "GlossaryDataError",
    "GlossaryEntry",
    "Occurrence",
    "TermMatch",
    "TermMatcher",
    "TextMatch",
    "default_matcher",
    "entry_for_word",
    "find_in_text",
    "find_terms",
    "fold_for_search",
    "load_glossary",
    "search_glossary",
]


@dataclass(frozen=True)
class Occurrence:
    """Where a term stands: `document.paragraphs[paragraph][start:end] == text`."""

    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TermMatch:
    """One glossary entry found in a document, with every place it occurs."""

    entry: GlossaryEntry
    occurrences: tuple[Occurrence, ...]


@lru_cache(maxsize=1)
def default_matcher() -> TermMatcher:
    """The matcher for the shipped glossary, the offline dictionary's political words (where
    the dictionary is installed) and simplemma's German lexicon (built once; its tables are
    kept in the user's cache between runs)."""
    built = _default_indexes()
    return TermMatcher(
        built.glossary,
        german_lexicon(),
        english=dictionary_english,
        article=dictionary_article,
        indexes=(built.index, built.layer),
    )


def _default_indexes() -> index_cache.BuiltIndexes:
    from reader import __version__, paths
    from reader.dictionary.store import find_dictionary

    dictionary = find_dictionary()

    def build() -> index_cache.BuiltIndexes:
        glossary = load_glossary()
        layer = layer_entries(read_layer(dictionary)) if dictionary is not None else []
        index, layer_index = build_word_indexes(glossary, german_lexicon(), layer)
        return index_cache.BuiltIndexes(glossary, index, layer_index)

    inputs = [
        *sorted(DATA_FOLDER.glob("*.toml")),
        dictionary,
        *sorted(Path(__file__).parent.glob("*.py")),
        *sorted(Path(lexicon.__file__).parent.glob("*.py")),
    ]
    versions = [__version__, lexicon.simplemma_version(), str(dictionary)]
    key = index_cache.cache_key(inputs, versions)
    return index_cache.load_or_build(paths.cache_dir() / "glossary", key, build)


def dictionary_layer() -> list[GlossaryEntry]:
    """The political words of the installed offline dictionary as entries; [] without it."""
    from reader.dictionary.store import find_dictionary

    path = find_dictionary()
    return layer_entries(read_layer(path)) if path is not None else []


def dictionary_english(word: str) -> str | None:
    """The first English meaning the offline dictionary gives for `word`, if installed."""
    return _dictionary_facts(word)[0]


def dictionary_article(noun: str) -> str | None:
    """The article the offline dictionary gives the noun ("Ebene" → "die"), if installed."""
    return _dictionary_facts(noun)[1]


def _dictionary_facts(word: str) -> tuple[str | None, str | None]:
    """A word's English and article from the offline dictionary, looked up once: compounds
    share their parts (Haushalts|reform, Haushalts|debatte …). Without a dictionary nothing is
    remembered, so one built while the app is open is used from the next lookup on."""
    if word in _facts:
        return _facts[word]
    from reader.dictionary.word_lookup import meaning_and_article, open_dictionary

    dictionary = open_dictionary()
    if dictionary is None:
        return None, None
    if len(_facts) >= _WORDS_REMEMBERED:
        _facts.clear()
    facts = _facts[word] = meaning_and_article(word, dictionary)
    return facts


_facts: dict[str, tuple[str | None, str | None]] = {}
_WORDS_REMEMBERED = 65536  # bounds memory in very long sessions


def find_in_text(text: str) -> list[TextMatch]:
    """Glossary terms in one piece of plain text, in reading order."""
    return default_matcher().find_in_text(text)


def find_terms(document: Document, matcher: TermMatcher | None = None) -> list[TermMatch]:
    """The glossary entries in `document`, ordered by their first occurrence."""
    matcher = matcher or default_matcher()
    found: dict[tuple[str, str], tuple[GlossaryEntry, list[Occurrence]]] = {}
    for number, matches in enumerate(matcher.find_in_paragraphs(document.paragraphs)):
        for match in matches:
            key = (match.entry.term, match.entry.source)  # compounds are made once per form
            _, places = found.setdefault(key, (match.entry, []))
            places.append(Occurrence(number, match.start, match.end, match.text))
    return [TermMatch(entry, tuple(places)) for entry, places in found.values()]


def entry_for_word(word: str) -> GlossaryEntry | None:
    """The entry for a headword, one of its forms, an abbreviation or a compound built on it
    ("Zölle", "EU", "Gegenzölle" → Zoll); None if the word is not political."""
    return load_glossary().get(word) or default_matcher().entry_for_word(word)


def search_glossary(query: str) -> list[GlossaryEntry]:
    """`Glossary.search` over the curated entries, and first the entry the matcher would mark
    the word with, from any layer: a curated form ("Gegenzöllen" → Gegenzoll), a compound
    glossed from its parts ("Haushaltsstreit"), a word of the offline dictionary
    ("Machtergreifung")."""
    found = load_glossary().search(query)
    entry = default_matcher().entry_for_word(query.strip()) if query.strip() else None
    folded = fold_for_search(entry.term) if entry is not None else ""
    if entry is not None and all(fold_for_search(other.term) != folded for other in found):
        found = [entry, *found]
    return found
