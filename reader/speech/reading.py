"""Which sentences to read aloud, with where each stands (no tkinter).

Sentences come from the language core's splitter (`reader.language.sentences`), as spans into
their paragraph, so the window can highlight exactly what is being said.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.language.sentences import sentence_spans


@dataclass(frozen=True)
class SpokenSentence:
    """`text` is characters `start`–`end` of paragraph `paragraph` (0-based)."""

    paragraph: int
    start: int
    end: int
    text: str


def sentences_from(
    paragraphs: Sequence[str], paragraph: int, offset: int = 0
) -> list[SpokenSentence]:
    """Every sentence from the one holding character `offset` of `paragraph` to the end."""
    if not 0 <= paragraph < len(paragraphs):
        return []
    found: list[SpokenSentence] = []
    for number in range(paragraph, len(paragraphs)):
        text = paragraphs[number]
        for start, end in sentence_spans(text):
            if number == paragraph and end <= offset:
                continue  # before the cursor's sentence
            found.append(SpokenSentence(number, start, end, text[start:end]))
    return found


def sentences_between(
    paragraphs: Sequence[str], first: tuple[int, int], last: tuple[int, int]
) -> list[SpokenSentence]:
    """The sentences of a selection from (paragraph, offset) `first` to `last`, cut to it: a
    selected phrase is read as it is, a selection over several sentences one by one."""
    found: list[SpokenSentence] = []
    for number in range(max(0, first[0]), min(last[0], len(paragraphs) - 1) + 1):
        text = paragraphs[number]
        low = first[1] if number == first[0] else 0
        high = last[1] if number == last[0] else len(text)
        for start, end in sentence_spans(text):
            start, end = max(start, low), min(end, high)
            piece = text[start:end]
            stripped = piece.strip()
            if stripped:
                start += len(piece) - len(piece.lstrip())
                found.append(SpokenSentence(number, start, start + len(stripped), stripped))
    return found
