"""Splitting a paragraph into words, with what the matcher needs to know about each: where it
stands, which sentence it belongs to and whether it starts that sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+(?:[-/][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…:;]")
_ABBREVIATED = frozenset({"Dr", "Prof", "Nr", "St", "Abs", "Art", "bzw", "ca", "vgl", "Mio", "Mrd"})
_OPENING = "„“‚‘\"'»«([–—- \t\n#*>"  # what may stand before a sentence's first word


@dataclass(slots=True)
class Token:
    """A word (or CDU/CSU-like slash word) at `text[start:end]` of its paragraph."""

    start: int
    end: int
    text: str
    sentence: int
    initial: bool


def tokenise(text: str) -> Iterator[Token]:
    """The words of `text` in order, numbered by sentence; "initial" marks a sentence's first
    word, whose capital letter says nothing about it being a noun."""
    sentence = 0
    previous_end = 0
    previous_word = ""
    for found in WORD.finditer(text):
        between = text[previous_end : found.start()]
        ends_sentence = _ends_sentence(between, previous_word)
        if ends_sentence:
            sentence += 1
        initial = (previous_end == 0 and not between.strip(_OPENING)) or ends_sentence
        previous_end = found.end()
        word = previous_word = found.group()
        if "/" in word:
            yield from _slash_parts(found.start(), word, sentence, initial)
        else:
            yield Token(found.start(), found.end(), word, sentence, initial)


def _ends_sentence(between: str, previous_word: str) -> bool:
    """Whether the text between two words closes a sentence; the full stops of ordinals
    ("am 1. Mai") and common abbreviations ("Dr.", "z. B.") do not."""
    if _SENTENCE_END.search(between) is None:
        return False
    if not between.lstrip().startswith("."):
        return True
    return not (previous_word.isdigit() or len(previous_word) == 1 or previous_word in _ABBREVIATED)


def _slash_parts(start: int, word: str, sentence: int, initial: bool) -> Iterator[Token]:
    """A slash word is one token when it is an abbreviation such as CDU/CSU; the matcher
    checks that, so both the whole and its parts are offered (the whole first)."""
    yield Token(start, start + len(word), word, sentence, initial)
    offset = start
    for part in word.split("/"):
        yield Token(offset, offset + len(part), part, sentence, False)
        offset += len(part) + 1
