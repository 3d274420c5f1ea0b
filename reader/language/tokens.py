"""German words in running text, with their character spans (no tkinter).

A word is a run of letters or digits. Hyphenated compounds stay one word ("US-Präsident",
"COVID-19"), as do numbers with a decimal comma or dots ("2,5", "10.000", "1.1.2026"), dotted
initials ("U.S.A.") and elisions ("geht's"), and gender-inclusive forms written with a star,
colon or underscore ("Politiker*innen", "Wähler:innen", "Bürger_in"). Punctuation, dashes and
quotes are not words.
Words joined by a slash ("CDU/CSU") are two words; `tokenise` also offers them whole, as the
glossary knows such pairs as one abbreviation.

`tokenise` runs over every word of every article (a 1 MB text has ~120,000 words), so the words
are kept as columns (`Tokens`: one list per attribute) built by whole-list operations — one
`re.split`, running sums of the piece lengths, one slice per sentence — rather than one Python
object per word, which cost more than all the glossary's matching.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from reader.language.sentences import sentence_spans

# The lookahead lets the common case (a space after the letters) fail at once, which makes
# splitting an article ~20 % faster.
_WORD_PATTERN = (
    r"[^\W_]+(?:(?=[-‐‑'’\u00ad.,])"
    r"(?:[-‐‑'’\u00ad]|(?<=\d)[.,](?=\d)|(?<=\b[^\W\d_])\.(?=[^\W\d_]\b))[^\W_]+)*"
    r"(?:(?:[*_]in(?:nen)?|:innen)\b)?"
)
# One word: what readability counts and a click on the text looks up.
SINGLE_WORD = re.compile(_WORD_PATTERN)
# A token: one word, or words joined by slashes ("CDU/CSU", "Koalition/Regierung").
WORD = re.compile(f"{_WORD_PATTERN}(?:/{_WORD_PATTERN})*")
# Splitting on the tokens (kept by the group) gives gap, token, gap, token, …, gap.
_TOKEN_SPLIT = re.compile(f"({WORD.pattern})")
# The same for a text without slashes, where every token is one word: a third faster.
_WORD_SPLIT = re.compile(f"({SINGLE_WORD.pattern})")
# What may stand between a sentence's start and its first word.
_OPENING = "„“‚‘\"'»«([–—- \t\n#*>"
# After a colon a capital letter says nothing about a noun ("Er sagte: Wir kommen").
_CLAUSE_OPENER = ":"


class Token(NamedTuple):
    """A word (or CDU/CSU-like slash word) at `text[start:end]` of its paragraph."""

    start: int
    end: int
    text: str
    sentence: int
    initial: bool


@dataclass(slots=True)
class Tokens:
    """The tokens of a paragraph, as columns; `tokens[i]` is the i-th as a `Token`.

    `sentences` numbers each token's sentence (as `sentence_spans` splits the text); `initials`
    marks the words whose capital letter says nothing about them being a noun: a sentence's
    first word, and the first word after a colon."""

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
    """The tokens of `text` in order, numbered by sentence; a slash word is offered whole and
    then word by word (the glossary checks whether the whole is an abbreviation)."""
    pieces = (_TOKEN_SPLIT if "/" in text else _WORD_SPLIT).split(text)
    words = pieces[1::2]
    offsets = list(accumulate(map(len, pieces)))
    starts, ends = offsets[:-1:2], offsets[1::2]
    sentences = [0] * len(words)
    initials = [False] * len(words)
    _number_sentences(text, starts, sentences, initials)
    if _CLAUSE_OPENER in text:
        _mark_clause_openers(text, starts, initials)
    tokens = Tokens(starts, ends, words, sentences, initials)
    return _with_slash_parts(tokens) if "/" in text else tokens


def _number_sentences(
    text: str, starts: list[int], sentences: list[int], initials: list[bool]
) -> None:
    """Fill in each word's sentence number and mark each sentence's first word."""
    first = 0
    for number, (sentence_start, sentence_end) in enumerate(sentence_spans(text)):
        first = bisect_left(starts, sentence_start, first)
        after = bisect_left(starts, sentence_end, first)
        if first == after:
            continue
        sentences[first:after] = [number] * (after - first)
        initials[first] = not text[sentence_start : starts[first]].strip(_OPENING)
        first = after


def _mark_clause_openers(text: str, starts: list[int], initials: list[bool]) -> None:
    colon = text.find(_CLAUSE_OPENER)
    while colon != -1:
        following = bisect_left(starts, colon)
        if following < len(starts):
            initials[following] = True
        colon = text.find(_CLAUSE_OPENER, colon + 1)


def _with_slash_parts(tokens: Tokens) -> Tokens:
    """Each slash word followed by its parts (the whole first)."""
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


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word in `text`, in order (a slash word is two words)."""
    return [match.span() for match in SINGLE_WORD.finditer(text)]


def words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The words of `text` (or of `text[start:end]`) as strings."""
    return SINGLE_WORD.findall(text, start, len(text) if end is None else end)


def count_words(text: str) -> int:
    """How many words `text` has."""
    return sum(1 for _ in SINGLE_WORD.finditer(text))


def count_letters(word: str) -> int:
    """Letters and digits of a word, without hyphens and dots (for "long word" in LIX and the
    Wiener Sachtextformel, as textstat counts them)."""
    return len(word) if word.isalnum() else sum(map(str.isalnum, word))


def word_at(text: str, offset: int) -> tuple[int, int] | None:
    """The (start, end) of the word at character `offset` of `text`, or None (a space, a
    number, punctuation)."""
    for match in SINGLE_WORD.finditer(text):
        if match.start() <= offset < match.end():
            return match.span() if any(map(str.isalpha, match.group())) else None
        if match.start() > offset:
            break
    return None
