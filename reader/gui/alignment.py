"""Pure layout arithmetic for the side-by-side view (no tkinter).

The reading view measures how tall each paragraph is drawn on each side and pads the shorter
one, so every English paragraph starts level with its German paragraph. Sentence spans say
which characters of a paragraph belong to which sentence pair, for hover highlighting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Padding:
    """Space (pixels) below one paragraph on each side."""

    left: int
    right: int


def paragraph_padding(left_height: int, right_height: int, gap: int) -> Padding:
    """Pads that make both sides of a paragraph equally tall, at least `gap` below each."""
    tallest = max(left_height, right_height)
    return Padding(left=gap + tallest - left_height, right=gap + tallest - right_height)


def joined_with_spans(
    parts: Sequence[str], separator: str = " "
) -> tuple[str, list[tuple[int, int]]]:
    """`separator.join(parts)` and the (start, end) of each part in it."""
    spans: list[tuple[int, int]] = []
    pieces: list[str] = []
    position = 0
    for number, part in enumerate(parts):
        text = part.strip()
        if number:
            pieces.append(separator)
            position += len(separator)
        pieces.append(text)
        spans.append((position, position + len(text)))
        position += len(text)
    return "".join(pieces), spans
