"""A word card: everything the reader can tell about one German word, offline first.

The card is built from the word as written and, optionally, its sentence: the lemma
(simplemma), a separated verb's infinitive, the political glossary entry, the offline
dictionary's entries, and for a compound the dictionary doesn't know, its parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

import simplemma

from reader.dictionary.separable import separable_infinitive
from reader.dictionary.store import Dictionary, DictionaryEntry, find_dictionary

LINKING_ELEMENTS = ("", "s", "es", "n", "en", "e")
MIN_PART_LENGTH = 3
MAX_MEANINGS = 3


@dataclass(frozen=True)
class CompoundPart:
    de: str
    en: tuple[str, ...]


@dataclass
class WordCard:
    word: str
    lemma: str
    article: str | None = None
    plural: str | None = None
    glossary: dict[str, Any] | None = None
    dictionary: list[DictionaryEntry] = field(default_factory=list)
    parts: list[CompoundPart] = field(default_factory=list)
    dictionary_available: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "word": self.word,
            "lemma": self.lemma,
            "article": self.article,
            "plural": self.plural,
            "glossary": self.glossary,
            "dictionary": [{"de": entry.de, "en": entry.en} for entry in self.dictionary],
            "parts": [{"de": part.de, "en": list(part.en)} for part in self.parts],
        }


@cache
def open_dictionary() -> Dictionary | None:
    """The installed dictionary, opened once; None when it has not been built."""
    path = find_dictionary()
    return Dictionary(path) if path else None


def lemma_of(word: str) -> str:
    return str(simplemma.lemmatize(word, lang="de"))


def word_card(word: str, sentence: str = "", dictionary: Dictionary | None = None) -> WordCard:
    dictionary = dictionary or open_dictionary()
    word = word.strip()
    lemma = lemma_of(word)
    if sentence and dictionary:
        lemma = separable_infinitive(word, sentence, lemma, dictionary.has_form) or lemma
    card = WordCard(word=word, lemma=lemma, dictionary_available=dictionary is not None)
    _add_glossary(card)
    if dictionary is None:
        return card
    card.dictionary = dictionary.lookup(lemma, word)
    headword = next((entry for entry in card.dictionary if entry.article), None)
    if headword and card.article is None:
        card.article, card.plural = headword.article, headword.plural
    if not card.dictionary:
        card.parts = compound_parts(lemma, dictionary)
    return card


def _add_glossary(card: WordCard) -> None:
    from reader.glossary import glossary_entry_json

    entry = glossary_entry_json(card.word) or glossary_entry_json(card.lemma)
    if entry:
        card.glossary = entry
        card.article = entry.get("article") or card.article
        card.plural = entry.get("plural") or card.plural


def compound_parts(word: str, dictionary: Dictionary) -> list[CompoundPart]:
    """The parts of a compound the dictionary knows ("Haushaltsloch" → Haushalt, Loch)."""
    split = _split(word.lower(), dictionary, {})
    if not split or len(split) < 2:
        return []
    parts, start = [], 0
    for piece in split:
        start = word.lower().index(piece, start)
        parts.append(_part(word[start : start + len(piece)], dictionary))
        start += len(piece)
    return parts


def _part(part: str, dictionary: Dictionary) -> CompoundPart:
    entries = dictionary.lookup(part)
    is_noun = any(entry.article for entry in entries)
    meanings = (
        tuple(alt.strip() for alt in entries[0].en.split(";")[:MAX_MEANINGS]) if entries else ()
    )
    return CompoundPart(part.capitalize() if is_noun else part.lower(), meanings)


def _split(
    word: str, dictionary: Dictionary, known: dict[str, list[str] | None]
) -> list[str] | None:
    """Fewest parts, each a dictionary word, joined by German linking elements; head last."""
    if word in known:
        return known[word]
    best: list[str] | None = [word] if dictionary.has_form(word) else None
    for cut in range(len(word) - MIN_PART_LENGTH, MIN_PART_LENGTH - 1, -1):
        if best is not None and len(best) <= 2:
            break
        head = word[cut:]
        if not dictionary.has_form(head):
            continue
        for link in LINKING_ELEMENTS:
            stem = word[:cut]
            if not stem.endswith(link) or len(stem) - len(link) < MIN_PART_LENGTH:
                continue
            rest = _split(stem[: len(stem) - len(link)], dictionary, known)
            if rest and (best is None or len(rest) + 1 < len(best)):
                best = [*rest, head]
    known[word] = best
    return best
