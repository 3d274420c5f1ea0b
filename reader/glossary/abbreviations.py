"""Abbreviations an article defines itself: "die Allianz für die Albaner (AA)".

News introduces the abbreviations of parties, authorities and programmes no glossary can list
(foreign parties, new agencies) by writing the long form once with the abbreviation in brackets,
then using the abbreviation alone. A learner meeting "AA" three paragraphs later has forgotten what
it stands for. These definitions are found the way Schwartz and Hearst's algorithm finds them in
scientific text: the long form is the shortest run of words before the brackets whose letters
contain the abbreviation's letters in order, the first one starting a word. Each later use of the
abbreviation is then marked (`source="article"`), explained as what it stands for.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader.glossary.entries import CATEGORY_NAMES, Category, GlossaryEntry, fold_for_search

# "(ABBR)" or "(ABBR, …)": 2–12 capitals, digits or hyphens, starting with a capital (ÖVP,
# VMRO-DPMNE, G7); mixed case (GmbH, Mio) is left alone: those are rarely names of institutions.
_DEFINITION = re.compile(r"\(([A-ZÄÖÜ][A-ZÄÖÜ0-9&-]{1,11})(?:[,;][^)]*)?\)")
_WORD_BEFORE = re.compile(r"[\w-]+", re.UNICODE)
_CLAUSE_BREAK = re.compile(r"[,;:()„“\"«»]")
_MOST_WORDS = 10
_CATEGORY = Category("parliament_government", CATEGORY_NAMES["parliament_government"])


@dataclass(frozen=True)
class Definition:
    abbreviation: str
    long_form: str


def definitions(paragraphs: Sequence[str]) -> dict[str, Definition]:
    """The abbreviations the text defines, by abbreviation (the first definition wins)."""
    found: dict[str, Definition] = {}
    for paragraph in paragraphs:
        for match in _DEFINITION.finditer(paragraph):
            abbreviation = match.group(1)
            if sum(char.isupper() for char in abbreviation) < 2 or abbreviation in found:
                continue
            long_form = _long_form(paragraph[: match.start()], abbreviation)
            if long_form is not None:
                found[abbreviation] = Definition(abbreviation, long_form)
    return found


def _long_form(before: str, abbreviation: str) -> str | None:
    """The shortest run of words ending right before the brackets that spells the
    abbreviation (Schwartz–Hearst), or None."""
    # The long form stands in the same clause: not across a comma or another bracket.
    before = _CLAUSE_BREAK.split(before)[-1]
    words = list(_WORD_BEFORE.finditer(before))[-_MOST_WORDS:]
    if not words or before[words[-1].end() :].strip():
        return None  # the brackets do not follow a word
    letters = [char.casefold() for char in abbreviation if char.isalpha()]
    candidates = [
        before[words[first].start() : words[-1].end()] for first in range(len(words) - 1, -1, -1)
    ]
    # Best: the words' initials are the abbreviation (Allianz für die Albaner → AA, not the
    # shorter "Albaner", whose letters also hold two a's); else Schwartz–Hearst's shortest.
    for text in candidates:
        if _initials(text) == letters:
            return text
    for count, text in enumerate(candidates, start=1):
        if count >= len(letters) // 2 and _spells(text, letters):
            return text
    return None


_FUNCTION_WORDS = frozenset(
    {"der", "die", "das", "des", "dem", "den", "für", "und", "von", "vom", "zur", "zum", "im",
     "in", "of", "the", "for", "and", "de", "la", "le", "du", "et"}
)  # fmt: skip


def _initials(text: str) -> list[str]:
    return [
        word[0].casefold()
        for word in re.split(r"[\s-]+", text)
        if word and word.casefold() not in _FUNCTION_WORDS
    ]


def _spells(text: str, letters: list[str]) -> bool:
    """Whether the abbreviation's letters appear in `text` in order, the first one starting
    the text (Allianz … Albaner → AA; Büro für demokratische Institutionen → BDI)."""
    if not letters or text[:1].casefold() != letters[0]:
        return False
    position = 1
    for letter in letters[1:]:
        position = text.casefold().find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def same_thing(entry: GlossaryEntry, definition: Definition) -> bool:
    """Whether a glossary entry names what the article defines (its headword in the long
    form or the other way round), so its explanation serves better than the long form."""
    term, long_form = fold_for_search(entry.term), fold_for_search(definition.long_form)
    return term in long_form or long_form in term


def entry_for(definition: Definition) -> GlossaryEntry:
    return GlossaryEntry(
        term=definition.abbreviation,
        category=_CATEGORY,
        english=(f"short for: {definition.long_form}",),
        explanation=(
            f"The article itself introduces {definition.abbreviation} as the abbreviation of "
            f"“{definition.long_form}”."
        ),
        source="article",
    )


def uses(text: str, abbreviations: dict[str, GlossaryEntry]) -> Iterator[tuple[int, int, str]]:
    """(start, end, abbreviation) of each use of a defined abbreviation in `text`."""
    if not abbreviations:
        return
    for match in _uses_pattern(tuple(abbreviations)).finditer(text):
        yield match.start(), match.end(), match.group(1)


@functools.lru_cache(maxsize=16)
def _uses_pattern(abbreviations: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern of `uses`, made once for all the paragraphs of an article."""
    return re.compile(
        r"(?<![\w-])("
        + "|".join(map(re.escape, sorted(abbreviations, key=len, reverse=True)))
        + r")(?![\w-])"
    )
