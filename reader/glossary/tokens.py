"""Splitting a paragraph into words, with what the matcher needs to know about each: where it
stands, which sentence it belongs to and whether it starts that sentence.

This runs over every word of every article (a 1 MB text has ~120,000 words), so the words are
kept as columns (`Tokens`: one list per attribute) built by whole-list operations — one
`re.split`, running sums of the piece lengths, a cached verdict per gap between two words —
rather than one Python object per word, which cost more than all the matching.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

WORD = re.compile(r"[^\W_]+(?:[-/][^\W_]+)*")
# Splitting on the words (kept by the group) gives gap, word, gap, word, …, gap.
_WORD_SPLIT = re.compile(f"({WORD.pattern})")
_SENTENCE_END = re.compile(r"[.!?…:;]")
_ABBREVIATED = frozenset({"Dr", "Prof", "Nr", "St", "Abs", "Art", "bzw", "ca", "vgl", "Mio", "Mrd"})
_OPENING = "„“‚‘\"'»«([–—- \t\n#*>"  # what may stand before a sentence's first word

# What the gap before a word says about a sentence end.
_GOES_ON = 0
_ENDS = 1
_FULL_STOP = 2  # a full stop first: it may belong to an ordinal or abbreviation ("am 1. Mai")


class Token(NamedTuple):
    """A word (or CDU/CSU-like slash word) at `text[start:end]` of its paragraph."""

    start: int
    end: int
    text: str
    sentence: int
    initial: bool


@dataclass(slots=True)
class Tokens:
    """The tokens of a paragraph, as columns; `tokens[i]` is the i-th as a `Token`."""

    starts: list[int]
    ends: list[int]
    texts: list[str]
    sentences: list[int]
    initials: list[bool]

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, index: int) -> Token:
        return Token(
            self.starts[index],
            self.ends[index],
            self.texts[index],
            self.sentences[index],
            self.initials[index],
        )


def tokenise(text: str) -> Tokens:
    """The words of `text` in order, numbered by sentence; "initial" marks a sentence's first
    word, whose capital letter says nothing about it being a noun."""
    pieces = _WORD_SPLIT.split(text)
    gaps, words = pieces[:-1:2], pieces[1::2]
    offsets = list(accumulate(map(len, pieces)))
    starts, ends = offsets[:-1:2], offsets[1::2]
    sentence_starts = _sentence_starts(gaps, words)
    sentences = [0] * len(words)
    initials = [False] * len(words)
    bounds = [*sentence_starts, len(words)]
    for number, first in enumerate(sentence_starts, start=1):
        sentences[first : bounds[number]] = [number] * (bounds[number] - first)
        initials[first] = True
    if words and not gaps[0].strip(_OPENING):
        initials[0] = True
    tokens = Tokens(starts, ends, words, sentences, initials)
    return _with_slash_parts(tokens) if "/" in text else tokens


def _sentence_starts(gaps: list[str], words: list[str]) -> list[int]:
    """The positions of the words after a sentence end; the full stops of ordinals
    ("am 1. Mai") and common abbreviations ("Dr.", "z. B.") are no sentence end."""
    # Most gaps are a single space; the others are looked up in the cache.
    candidates = [
        position for position, gap in enumerate(gaps) if gap != " " and _gap_kind(gap) != _GOES_ON
    ]
    return [
        position
        for position in candidates
        if _gap_kind(gaps[position]) == _ENDS
        or position == 0
        or not _is_abbreviated(words[position - 1])
    ]


@functools.lru_cache(maxsize=4096)
def _gap_kind(gap: str) -> int:
    """What the text between two words says about a sentence end (gaps repeat: " ", ". ")."""
    if _SENTENCE_END.search(gap) is None:
        return _GOES_ON
    return _FULL_STOP if gap.lstrip().startswith(".") else _ENDS


def _is_abbreviated(word: str) -> bool:
    """A word whose full stop does not end a sentence: an ordinal, an initial or a common
    abbreviation."""
    return word.isdigit() or len(word) == 1 or word in _ABBREVIATED


def _with_slash_parts(tokens: Tokens) -> Tokens:
    """A slash word is one token when it is an abbreviation such as CDU/CSU; the matcher
    checks that, so both the whole and its parts are offered (the whole first)."""
    expanded = Tokens([], [], [], [], [])
    for index in range(len(tokens)):
        start, end, word, sentence, initial = tokens[index]
        parts = [(start, end, word, initial)]
        if "/" in word:
            offset = start
            for part in word.split("/"):
                parts.append((offset, offset + len(part), part, False))
                offset += len(part) + 1
        for part_start, part_end, part, part_initial in parts:
            expanded.starts.append(part_start)
            expanded.ends.append(part_end)
            expanded.texts.append(part)
            expanded.sentences.append(sentence)
            expanded.initials.append(part_initial)
    return expanded
