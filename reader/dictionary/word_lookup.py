"""A word card: everything the reader can tell about one German word, offline first.

The card is built from the word as written and, optionally, its sentence: the lemma
(simplemma), a separated verb's infinitive, the political glossary entry, the offline
dictionary's entries, and for a compound the dictionary doesn't know, its parts (the compound
takes its article from its last part).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from reader.dictionary.ding import alternatives, bare
from reader.dictionary.separable import separable_infinitive
from reader.dictionary.store import Dictionary, DictionaryEntry, find_dictionary

if TYPE_CHECKING:  # the glossary is imported with the first card, not with this module
    from reader.glossary import Glossary, GlossaryEntry

# Longer linking elements first: "Bundes" is Bund + es, not "Bunde" (a bunch) + s.
LINKING_ELEMENTS = ("", "es", "s", "en", "n", "e")
MIN_PART_LENGTH = 3
MAX_MEANINGS = 3
MEANINGS_PER_ENTRY = 2
MAX_ENDING_LENGTH = 3  # German inflection endings: -n, -en, -es, -ern, -nen …


@dataclass(frozen=True)
class CompoundPart:
    de: str
    en: tuple[str, ...]


GlossaryMatchKind = Literal["word", "part", "compound", "dictionary", "article", "other sense"]
"""How the word found its glossary entry: it is the entry's word or one of its forms ("word"),
a compound built on a curated term ("part"), the entry was made for it from another layer
(its `source`: a compound glossed from its parts, a dictionary word, ...), or the article uses
the word in its everyday sense and the entry is only its political one ("other sense")."""


@dataclass(frozen=True)
class GlossaryHit:
    """The political glossary's entry for the card's word, and how the word matched it."""

    entry: GlossaryEntry
    match: GlossaryMatchKind


@dataclass
class WordCard:
    word: str
    lemma: str
    article: str | None = None
    plural: str | None = None
    glossary: GlossaryHit | None = None
    dictionary: list[DictionaryEntry] = field(default_factory=list)
    parts: list[CompoundPart] = field(default_factory=list)
    dictionary_available: bool = True


_opened: dict[str, Dictionary] = {}


def open_dictionary() -> Dictionary | None:
    """The installed dictionary, opened once; None while it has not been built.

    A missing dictionary is looked for again next time, so `make dictionary` run while the app
    is open is picked up by the next lookup.
    """
    path = find_dictionary()
    if path is None:
        return None
    key = str(path)
    if key not in _opened:
        _opened[key] = Dictionary(path)
    return _opened[key]


def lemma_of(word: str) -> str:
    """simplemma's lemma, through the word-form lookup the glossary and readability share."""
    from reader.language.lexicon import german_lemma  # not needed before the first card

    return german_lemma(word)


def word_card(
    word: str,
    sentence: str = "",
    dictionary: Dictionary | None = None,
    *,
    find_installed: bool = True,
) -> WordCard:
    """The card for `word` (as written) in `sentence`.

    Without `dictionary` the installed one is used (`find_installed=False`: none, as when it
    has not been built).
    """
    if dictionary is None and find_installed:
        dictionary = open_dictionary()
    word = word.strip()
    lemma = lemma_of(word)
    if sentence and dictionary:
        lemma = separable_infinitive(word, sentence, lemma, dictionary.has_form) or lemma
    card = WordCard(word=word, lemma=lemma, dictionary_available=dictionary is not None)
    _add_glossary(card)
    if dictionary is None:
        return card
    found = dictionary.lookup(card.lemma, word) + _plural_lines(card.lemma, dictionary)
    card.dictionary = ranked_entries(list(dict.fromkeys(found)), (card.lemma, word))
    if card.dictionary and (not dictionary.has_form(card.lemma) or card.lemma.isupper()):
        # simplemma guessed a lemma the dictionary does not know ("Schulden" → "Schulde"), or
        # the word was written in capitals ("STRASSE" in a headline): the entry found for the
        # word as written names the real one.
        card.lemma = _headword_for(card.dictionary[0], word) or card.lemma
    headword = next((entry for entry in card.dictionary if entry.article), None)
    if headword and card.article is None and card.lemma[:1].isupper():  # nouns only
        card.article, card.plural = headword.article, headword.plural
    if not card.dictionary:
        card.parts = compound_parts(card.lemma, dictionary)
        if card.parts and card.article is None:
            card.article, card.plural = _compound_gender(card.lemma, dictionary)
    return card


def in_everyday_sense(card: WordCard) -> WordCard:
    """The card of a word its sentence uses in the everyday sense ("Der Kassenwart lehnt neue
    Schulden ab"): the glossary's political sense is shown as another one, and not saved as the
    word's English."""
    if card.glossary is None:
        return card
    return replace(card, glossary=GlossaryHit(card.glossary.entry, "other sense"))


def _add_glossary(card: WordCard) -> None:
    """The political glossary's entry: the word's own (which also gives article, plural and the
    headword as lemma), or the entry of a political term it is built on ("Haushaltsstreit")."""
    from reader.glossary import entry_for_word, fold_for_search

    entry = glossary_entry_for(card.word) or glossary_entry_for(card.lemma)
    if entry is None:
        found = entry_for_word(card.word)  # the matcher: inflected forms and compounds
        if found is None:
            return
        if found.source != "glossary":  # a compound glossed from its parts, a dictionary word
            card.glossary = GlossaryHit(found, found.source)
            return
        if not _is_inflection(card.word, found.term):
            card.glossary = GlossaryHit(found, "part")
            return
        entry = load_entry(found.term)
        if entry is None:
            return
    card.glossary = GlossaryHit(entry, "word")
    word, feminine = fold_for_search(card.word), entry.feminine or ""
    folded_feminine = fold_for_search(feminine)
    if folded_feminine and folded_feminine in (word, fold_for_search(card.lemma)):
        # "Ministerin" is looked up under "Minister": give the feminine's own article and plural.
        card.lemma, card.article = feminine, "die"
        card.plural = feminine + "nen" if feminine.endswith("in") else None
        return
    if word not in {fold_for_search(a) for a in entry.abbreviations}:
        card.lemma = entry.term
    card.article = entry.article or card.article
    card.plural = entry.plural or card.plural


def load_entry(term: str) -> GlossaryEntry | None:
    from reader.glossary import load_glossary

    return load_glossary().get(term)


def _is_inflection(word: str, term: str) -> bool:
    """Whether `word` is `term` with an ending ("Abgeordneten", "Gegenzöllen"), not a compound
    built on it ("Haushaltsstreit", "Bundeshaushalt")."""
    from reader.glossary import fold_for_search

    folded_word, folded_term = fold_for_search(word), fold_for_search(term)
    stem = folded_term[:-1] if folded_term.endswith("e") else folded_term
    return folded_word.startswith(stem) and len(folded_word) - len(stem) <= MAX_ENDING_LENGTH


def glossary_entry_for(word: str) -> GlossaryEntry | None:
    """The glossary entry whose headword, feminine form, plural or abbreviation is `word`
    (ignoring case and umlaut spelling), or None."""
    from reader.glossary import fold_for_search, load_glossary

    glossary = load_glossary()
    return glossary.get(word) or _glossary_forms(glossary).get(fold_for_search(word))


@lru_cache(maxsize=4)
def _glossary_forms(glossary: Glossary) -> dict[str, GlossaryEntry]:
    from reader.glossary import fold_for_search

    forms: dict[str, GlossaryEntry] = {}
    for entry in glossary.entries:
        for form in (entry.feminine, entry.plural, *entry.abbreviations):
            if form:
                forms.setdefault(fold_for_search(form), entry)
    return forms


def ranked_entries(entries: list[DictionaryEntry], forms: Iterable[str]) -> list[DictionaryEntry]:
    """The word's main senses first: entries that start with it as written ("abstimmen {vi}")
    before those that start with it in another case ("Abstimmen {n}"), then entries that list
    it as a synonym ("Anfechtung {f}; Streit {m}"). Otherwise Ding's order is kept."""
    exact = set(forms)
    folded = {form.casefold() for form in exact}

    def rank(entry: DictionaryEntry) -> tuple[bool, int]:
        words = [bare(alternative) for alternative in alternatives(entry.de)]
        if words and words[0] in exact:
            place = 0
        elif words and words[0].casefold() in folded:
            place = 1
        else:
            place = 2 if exact.intersection(words) else 3
        return (_only_dated(entry), place)

    return sorted(entries, key=rank)


_DATED = re.compile(r"\[(?:dated|obs\.|archaic|old|hist\.|rare)\]")


def _only_dated(entry: DictionaryEntry) -> bool:
    """Whether every English sense of the entry is marked dated or obsolete ("parley [dated]"):
    a learner needs today's word first ("peace talks")."""
    senses = alternatives(entry.en)
    return bool(senses) and all(_DATED.search(sense) for sense in senses)


def _plural_lines(lemma: str, dictionary: Dictionary) -> list[DictionaryEntry]:
    """Ding's lines for the noun's plural alone ("Friedensgespräche {pl} :: peace talks"), which
    the singular's own lookup does not reach."""
    if not lemma[:1].isupper() or " " in lemma:
        return []
    found: list[DictionaryEntry] = []
    for ending in ("e", "en", "n", "s", "er"):
        found.extend(
            entry
            for entry in dictionary.lookup(lemma + ending)
            if "{pl}" in entry.de and bare(alternatives(entry.de)[0]) == lemma + ending
        )
    return found


def _headword_for(entry: DictionaryEntry, word: str) -> str | None:
    """The headword of `entry` that `word` is a form of: the alternative sharing the longest
    beginning with it ("Schuld {f}" for "Schulden")."""
    folded = word.casefold()

    def shared(headword: str) -> int:
        length = 0
        for mine, theirs in zip(headword.casefold(), folded, strict=False):
            if mine != theirs:
                break
            length += 1
        return length

    headwords = [bare(alternative) for alternative in alternatives(entry.de)]
    best = max(headwords, key=shared, default="")
    return best if best and " " not in best and shared(best) >= MIN_PART_LENGTH else None


def _compound_gender(word: str, dictionary: Dictionary) -> tuple[str | None, str | None]:
    """A compound's article is its last part's; its plural is the last part's plural."""
    parts = compound_parts(word, dictionary)
    if not parts:
        return None, None
    head = parts[-1].de
    entries = [entry for entry in dictionary.lookup(head) if entry.article]
    if not entries:
        return None, None
    best = ranked_entries(entries, (head,))[0]
    start = word.casefold().rfind(head.casefold())
    plural = word[:start] + best.plural.lower() if best.plural and start > 0 else None
    return best.article, plural


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
    entries = ranked_entries(dictionary.lookup(part), (part,))
    # A plural-only entry ("Schulden {pl}") has no gender but is a noun all the same.
    is_noun = any(entry.article or "{pl}" in entry.de for entry in entries)
    word = part.capitalize() if is_noun else part.lower()
    # A political part means what the glossary says ("Bund": federation), not the first of
    # Ding's senses (a collar, a waistband).
    from reader.glossary import load_glossary

    political = load_glossary().get(word) if is_noun else None
    meanings = political.english[:MAX_MEANINGS] if political is not None else _meanings(entries)
    return CompoundPart(word, meanings)


def meaning_and_article(word: str, dictionary: Dictionary) -> tuple[str | None, str | None]:
    """The first English meaning of `word`'s best entry and the article of its best noun entry
    ("Verkehr" → "traffic", "der"), from one lookup."""
    entries = ranked_entries(dictionary.lookup(word, plurals=False), (word,))
    meanings = _meanings(entries)
    article = next((entry.article for entry in entries if entry.article), None)
    return (meanings[0] if meanings else None), article


def _meanings(entries: list[DictionaryEntry]) -> tuple[str, ...]:
    """A few English words for a part, the first senses of its first entries ("budget",
    "household"), without Ding's annotations ("[Br.]", "(on)")."""
    meanings: list[str] = []
    for entry in entries:
        for alternative in alternatives(entry.en)[:MEANINGS_PER_ENTRY]:
            meaning = bare(alternative)
            if meaning and meaning not in meanings:
                meanings.append(meaning)
        if len(meanings) >= MAX_MEANINGS:
            break
    return tuple(meanings[:MAX_MEANINGS])


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
