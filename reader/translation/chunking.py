"""Cutting paragraphs into requests a provider accepts, and mapping answers back.

A paragraph becomes sentences (`reader.language.sentences`), each sentence one line of request
text; a sentence longer than the provider's limit is cut at a clause or word boundary into
several lines ("segments"). Requests ("batches") pack whole paragraphs, one segment per
line, up to the provider's character limit, so a 30-paragraph article needs a handful of
requests instead of thirty. A provider that keeps the line structure answers with as many lines
as it was sent, which gives the sentence pairs (`answers` checks that it did).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.language.sentences import sentence_spans

# Where a sentence that is too long may be cut, best first: after clause punctuation, then
# before a dash, then at any space.
_CLAUSE_BREAK = re.compile(r"[,;:](?=\s)|\s[–—-](?=\s)")


@dataclass(frozen=True)
class Segment:
    """One line of request text: a sentence, or a piece of one that was too long."""

    paragraph: int  # index of the paragraph in the document
    position: int  # position among the paragraph's segments
    sentence: int  # which sentence of the paragraph it belongs to
    text: str  # whitespace collapsed to single spaces; never contains a newline
    passthrough: bool = False  # nothing to translate (no letters or digits): kept as it is


@dataclass(frozen=True)
class ParagraphPlan:
    index: int
    sentences: tuple[str, ...]  # the sentences as they appear in the paragraph
    spans: tuple[tuple[int, int], ...]  # where each sentence stands in the paragraph
    segments: tuple[Segment, ...]

    @property
    def positions(self) -> frozenset[int]:
        return frozenset(segment.position for segment in self.segments)


@dataclass(frozen=True)
class Batch:
    """The segments sent together in one request, one per line."""

    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return "\n".join(segment.text for segment in self.segments)

    @property
    def paragraphs(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(segment.paragraph for segment in self.segments))


def has_content(text: str) -> bool:
    """Whether there is anything to translate (a letter or a digit)."""
    return any(character.isalnum() for character in text)


def plan_paragraph(index: int, text: str, max_chars: int) -> ParagraphPlan:
    """The paragraph's sentences and the segments they are sent as."""
    spans = tuple(sentence_spans(text)) or (_stripped_span(text),)
    sentences = tuple(text[start:end] for start, end in spans)
    segments: list[Segment] = []
    for sentence_number, sentence in enumerate(sentences):
        flat = " ".join(sentence.split())
        passthrough = not has_content(flat)
        pieces = [flat] if passthrough else split_long(flat, max_chars)
        for piece in pieces:
            segments.append(Segment(index, len(segments), sentence_number, piece, passthrough))
    return ParagraphPlan(index, sentences, spans, tuple(segments))


def _stripped_span(text: str) -> tuple[int, int]:
    """Where `text` stands without its surrounding whitespace (a paragraph of blanks: (0, 0))."""
    start = len(text) - len(text.lstrip())
    return start, max(start, len(text.rstrip()))


def split_long(text: str, max_chars: int) -> list[str]:
    """`text` cut into pieces of at most `max_chars`, at clause or word boundaries if possible."""
    pieces: list[str] = []
    rest = text
    while len(rest) > max_chars:
        cut = _cut_position(rest, max_chars)
        pieces.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    if rest:
        pieces.append(rest)
    return [piece for piece in pieces if piece]


def _cut_position(text: str, max_chars: int) -> int:
    window = text[: max_chars + 1]
    lower_bound = max_chars // 2  # pieces shorter than this would make too many requests
    clause_ends = [m.end() for m in _CLAUSE_BREAK.finditer(window) if m.end() <= max_chars]
    if clause_ends and clause_ends[-1] >= lower_bound:
        return clause_ends[-1]
    space = window.rfind(" ")
    if space > 0:
        return space
    return max_chars


def pack(plans: Iterable[ParagraphPlan], max_chars: int) -> list[Batch]:
    """Group the segments that need translating into requests of at most `max_chars`.

    A paragraph that fits in one request is never spread over two; a longer one fills requests
    sentence by sentence. Order is kept, so early paragraphs are sent first.
    """
    batches: list[Batch] = []
    current: list[Segment] = []
    size = 0

    def flush() -> None:
        nonlocal current, size
        if current:
            batches.append(Batch(tuple(current)))
        current, size = [], 0

    for plan in plans:
        wanted = [segment for segment in plan.segments if not segment.passthrough]
        paragraph_size = sum(len(segment.text) + 1 for segment in wanted) - 1
        if current and size + 1 + paragraph_size > max_chars:
            flush()
        for segment in wanted:
            added = len(segment.text) + (1 if current else 0)
            if current and size + added > max_chars:
                flush()
                added = len(segment.text)
            current.append(segment)
            size += added
    flush()
    return batches


def split_by_paragraph(batch: Batch) -> list[Batch]:
    """The batch as one request per paragraph (the fallback when lines did not come back)."""
    groups: dict[int, list[Segment]] = {}
    for segment in batch.segments:
        groups.setdefault(segment.paragraph, []).append(segment)
    return [Batch(tuple(segments)) for segments in groups.values()]


def join_translations(parts: Sequence[str]) -> str:
    return " ".join(part for part in parts if part)
