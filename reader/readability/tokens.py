"""German words in running text (no tkinter).

A word is a run of letters or digits. Hyphenated compounds stay one word ("US-Präsident",
"COVID-19"), as do numbers with a decimal comma or dots ("2,5", "10.000", "1.1.2026"), dotted
initials ("U.S.A.") and elisions ("geht's"). Punctuation, dashes and quotes are not words.
"""

from __future__ import annotations

import re

_WORD = re.compile(
    r"[^\W_]+"
    r"(?:(?:[-‐‑'’\u00ad]|(?<=\d)[.,](?=\d)|(?<=\b[^\W\d_])\.(?=[^\W\d_]\b))[^\W_]+)*"
)


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word in `text`, in order."""
    return [match.span() for match in _WORD.finditer(text)]


def words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The words of `text` (or of `text[start:end]`) as strings."""
    return _WORD.findall(text, start, len(text) if end is None else end)


def count_words(text: str) -> int:
    """How many words `text` has."""
    return sum(1 for _ in _WORD.finditer(text))


def count_letters(word: str) -> int:
    """Letters and digits of a word, without hyphens and dots (for "long word" in LIX and the
    Wiener Sachtextformel, as textstat counts them)."""
    return len(word) if word.isalnum() else sum(map(str.isalnum, word))
