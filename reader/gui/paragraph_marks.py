"""What the reading view marks in each paragraph, and which term stands where (no tkinter).

The analysis lists each term with its occurrences across the whole article. The reading view
marks paragraph by paragraph (the ones near the view first) and, when the pointer rests on a
word, asks which term is there. Both want the occurrences by paragraph, sorted by position;
`TermPlaces` holds them so, built once per article in the analysis thread.

Marks are (tag, start, end) within a paragraph. Tk tags are few and shared (a category's colour,
the underline): a tag per term or per sentence would make Tk slow for a book, whose text would
carry tens of thousands of them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.gui.term_display import category_id, mark_tag

if TYPE_CHECKING:
    from reader.glossary import TermMatch
    from reader.readability import ReadabilityReport

Mark = tuple[str, int, int]  # Tk tag, start, end (characters within the paragraph)
LONG_SENTENCE_TAG = "long"


@dataclass(frozen=True)
class Place:
    """One occurrence of term number `term` (its place in the analysis' list)."""

    start: int
    end: int
    term: int


class TermPlaces:
    """The article's term occurrences, paragraph by paragraph in order of position."""

    def __init__(self, terms: Sequence[TermMatch]) -> None:
        places: dict[int, list[Place]] = {}
        for number, match in enumerate(terms):
            for occurrence in match.occurrences:
                places.setdefault(occurrence.paragraph, []).append(
                    Place(occurrence.start, occurrence.end, number)
                )
        self._places = {paragraph: sorted(found, key=_start) for paragraph, found in places.items()}
        self._starts = {
            paragraph: [place.start for place in found] for paragraph, found in self._places.items()
        }
        self._terms = terms

    def in_paragraph(self, paragraph: int) -> Sequence[Place]:
        return self._places.get(paragraph, ())

    def term_at(self, paragraph: int, offset: int) -> int | None:
        """The number of the term whose occurrence covers character `offset`, if any."""
        starts = self._starts.get(paragraph)
        if not starts:
            return None
        position = bisect.bisect_right(starts, offset) - 1
        if position < 0:
            return None
        place = self._places[paragraph][position]
        return place.term if place.start <= offset < place.end else None

    def marks(self, paragraph: int) -> list[Mark]:
        """The tags that show the paragraph's terms: underline (or not) and category colour."""
        marks: list[Mark] = []
        for place in self.in_paragraph(paragraph):
            entry = self._terms[place.term].entry
            marks.append((mark_tag(entry), place.start, place.end))
            marks.append((f"cat:{category_id(entry)}", place.start, place.end))
        return marks


def long_sentence_marks(readability: ReadabilityReport | None) -> dict[int, list[Mark]]:
    """Each paragraph's sentences over the length limit, as `long` marks."""
    if readability is None:
        return {}
    return {
        paragraph.index: [
            (LONG_SENTENCE_TAG, start, end) for start, end in paragraph.long_sentences
        ]
        for paragraph in readability.paragraphs
        if paragraph.long_sentences
    }


def grouped(marks: Iterable[Mark], line: int) -> dict[str, list[str]]:
    """Marks of the paragraph on Text line `line` as Tk index pairs, per tag."""
    ranges: dict[str, list[str]] = {}
    for tag, start, end in marks:
        ranges.setdefault(tag, []).extend((f"{line}.{start}", f"{line}.{end}"))
    return ranges


def _start(place: Place) -> int:
    return place.start
