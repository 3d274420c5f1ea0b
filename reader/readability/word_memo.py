"""Remembering a function's result per word, for the per-word work of a long text (no tkinter).

`functools.lru_cache` keeps one linked node per entry, and Python's garbage collector walks every
one of them in each full collection. The readability report remembers several results per
distinct word (syllables, lemma, rank, …); on a 1 MB text that is tens of thousands of nodes that
make collections, not lookups, the cost. A plain dict of strings and numbers gives the collector
nothing to walk; when it is full it is emptied, which bounds memory like `lru_cache(maxsize=…)`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

WORDS_REMEMBERED = 65536
_Result = TypeVar("_Result")


def remember_per_word(function: Callable[[str], _Result]) -> Callable[[str], _Result]:
    """`function` with its result remembered per word (at most WORDS_REMEMBERED words)."""
    results: dict[str, _Result] = {}

    @functools.wraps(function)
    def remembered(word: str) -> _Result:
        if word in results:
            return results[word]
        if len(results) >= WORDS_REMEMBERED:
            results.clear()
        result = results[word] = function(word)
        return result

    return remembered
