"""Finding words in the open article, both sides, however long it is (no tkinter).

Ctrl+F searches the paragraphs themselves rather than the Text widgets: a book's text is
searched in a worker thread in tens of milliseconds, and the window marks only the matches near
the view (`marking`), the rest when the reader goes to them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Side = Literal["german", "english"]


@dataclass(frozen=True)
class Found:
    """One match: `paragraph`'s text on `side`, characters `start` to `end`."""

    side: Side
    paragraph: int
    start: int
    end: int


def find_everywhere(query: str, german: Sequence[str], english: Mapping[int, str]) -> list[Found]:
    """Every case-insensitive occurrence of `query`, in reading order: paragraph by paragraph,
    the German before its English."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    found: list[Found] = []
    for index, paragraph in enumerate(german):
        found += (Found("german", index, m.start(), m.end()) for m in pattern.finditer(paragraph))
        translation = english.get(index)
        if translation:
            found += (
                Found("english", index, m.start(), m.end()) for m in pattern.finditer(translation)
            )
    return found


def by_paragraph(found: Sequence[Found], side: Side) -> dict[int, list[tuple[str, int, int]]]:
    """The matches on `side` as `found` marks per paragraph."""
    marks: dict[int, list[tuple[str, int, int]]] = {}
    for match in found:
        if match.side == side:
            marks.setdefault(match.paragraph, []).append(("found", match.start, match.end))
    return marks
