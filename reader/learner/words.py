"""An article's running words by lemma, and the share of them the learner knows (no tkinter).

`article_words` splits each paragraph with the one German word pattern
(`reader.language.tokens`), lemmatises each distinct word once with simplemma (through the
readability code's per-word memory, so an article the readability report has analysed costs a
dict lookup per word), and keeps, per paragraph, where every counted word stands and its lemma's
key. Numbers and proper names are not counted: knowing "2025" or "Selenskyj" says nothing about
one's German. Ignored words are not counted either.

`PersonalCoverage` turns that into the share of running words the learner knows, for the article
and per paragraph, and follows each change of a word's status in time proportional to that
word's occurrences, not to the article's length.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress

from reader.language.tokens import SINGLE_WORD
from reader.learner.status import WordStatus
from reader.learner.store import word_key
from reader.readability.word_memo import remember_per_word

# Research on reading in a foreign language: ~95 % of running words known reads comfortably,
# 98 % reads with ease (Laufer; Hu & Nation).
COMFORTABLE_SHARE = 0.95
_WORD_SPLIT = re.compile(f"({SINGLE_WORD.pattern})")
EASY_SHARE = 0.98


@dataclass
class ParagraphWords:
    """The counted words of one paragraph, as columns: `text[starts[i]:ends[i]]` has lemma key
    `keys[i]`."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)

    def index_at(self, offset: int) -> int | None:
        """The position (in these columns) of the word at character `offset`, or None."""
        position = bisect_right(self.starts, offset) - 1
        if position >= 0 and offset < self.ends[position]:
            return position
        return None

    def between(self, start: int, end: int) -> range:
        """Positions of the words that overlap characters `start`..`end`."""
        first = max(0, bisect_right(self.starts, start) - 1)
        if first < len(self.ends) and self.ends[first] <= start:
            first += 1
        return range(first, bisect_right(self.starts, end - 1) if end > start else first)


@dataclass
class ArticleWords:
    """Every counted running word of an article, by paragraph and by lemma key."""

    paragraphs: list[ParagraphWords]
    lemmas: dict[str, str]  # key → the lemma as simplemma writes it ("Haus", "gehen")
    counts: list[Counter[str]]  # per paragraph: key → occurrences
    skipped: int = 0  # numbers and names, not counted

    @property
    def total(self) -> int:
        return sum(len(paragraph.keys) for paragraph in self.paragraphs)

    @functools.cached_property
    def where(self) -> dict[str, dict[int, int]]:
        """key → paragraph → occurrences. Made on first use (the window follows each change of
        a word's status with it): a one-off report needs only the totals, and a book has
        ~100,000 pairs of paragraph and word."""
        where: dict[str, dict[int, int]] = {}
        for number, counter in enumerate(self.counts):
            for key, count in counter.items():
                if key in where:
                    where[key][number] = count
                else:
                    where[key] = {number: count}
        return where

    def occurrences(self) -> dict[str, int]:
        """Occurrences per key in the whole article (keys in order of first occurrence)."""
        return dict(Counter(chain.from_iterable(paragraph.keys for paragraph in self.paragraphs)))


def article_words(paragraphs: Sequence[str]) -> ArticleWords:
    """The counted words of an article given as its paragraphs."""
    keys_of: dict[str, str | None] = {}
    lemmas: dict[str, str] = {}
    result: list[ParagraphWords] = []
    counts: list[Counter[str]] = []
    skipped = 0
    for text in paragraphs:
        # Whole-list operations, as `reader.language.tokens.tokenise` does: one split (gap,
        # word, gap, …), running sums of the pieces' lengths for the spans.
        pieces = _WORD_SPLIT.split(text)
        words = pieces[1::2]
        offsets = list(accumulate(map(len, pieces)))
        starts, ends = offsets[:-1:2], offsets[1::2]
        for word in set(words).difference(keys_of):
            keys_of[word] = _key_of(word, lemmas)
        keys = list(map(keys_of.__getitem__, words))
        if None in keys:
            counted = [key is not None for key in keys]
            skipped += len(keys) - sum(counted)
            starts = list(compress(starts, counted))
            ends = list(compress(ends, counted))
            keys = list(compress(keys, counted))
        result.append(ParagraphWords(starts, ends, keys))  # type: ignore[arg-type]
        counts.append(Counter(keys))  # type: ignore[arg-type]  # no None left
    return ArticleWords(result, lemmas, counts, skipped)


def _key_of(word: str, lemmas: dict[str, str]) -> str | None:
    """The lemma key of `word`, or None for a number or a name (which are not counted)."""
    lemma = _counted_lemma(word)
    if lemma is None:
        return None
    key = word_key(lemma)
    lemmas.setdefault(key, lemma)
    return key


@remember_per_word
def _counted_lemma(word: str) -> str | None:
    """The lemma of `word`, or None for a number or a name; remembered for the whole process,
    as the name check looks up every tail of an unknown capitalised word."""
    from reader.readability import coverage

    if any(map(str.isdigit, word)) or coverage.looks_like_name(word):
        return None
    return coverage.lemma(word)


def lemma_of(word: str) -> str:
    """The lemma a single word is stored under (for imports and the command line)."""
    from reader.readability import coverage

    return coverage.lemma(word)


class PersonalCoverage:
    """Known and counted running words per paragraph under the learner's statuses."""

    def __init__(self, words: ArticleWords, statuses: Mapping[str, WordStatus]) -> None:
        self.words = words
        # Per distinct lemma 1 or 0, so that each paragraph's sums run in C over its keys.
        known_of: dict[str, int] = {}
        counted_of: dict[str, int] = {}
        for key in words.lemmas:  # every counted word's key
            status = statuses.get(key)
            known_of[key] = int(status is WordStatus.KNOWN)
            counted_of[key] = int(status is not WordStatus.IGNORED)
        keys = [paragraph.keys for paragraph in words.paragraphs]
        self.known = [sum(map(known_of.__getitem__, these)) for these in keys]
        self.counted = [sum(map(counted_of.__getitem__, these)) for these in keys]

    def change(self, key: str, before: WordStatus | None, after: WordStatus | None) -> None:
        """Follow one word's change of status."""
        if before == after:
            return
        known_delta = (after is WordStatus.KNOWN) - (before is WordStatus.KNOWN)
        counted_delta = (before is WordStatus.IGNORED) - (after is WordStatus.IGNORED)
        for number, count in self.words.where.get(key, {}).items():
            self.known[number] += known_delta * count
            self.counted[number] += counted_delta * count

    @property
    def share(self) -> float | None:
        """The share of counted running words known (None for an article without any)."""
        counted = sum(self.counted)
        return sum(self.known) / counted if counted else None

    def paragraph_share(self, number: int) -> float | None:
        counted = self.counted[number]
        return self.known[number] / counted if counted else None

    def paragraph_shares(self) -> list[float | None]:
        return [self.paragraph_share(number) for number in range(len(self.counted))]


@dataclass(frozen=True)
class LearnerReport:
    """What the learner knows of an article, for `reader analyze` and the library."""

    known_share: float | None
    paragraph_shares: tuple[float | None, ...]
    new_lemmas: tuple[str, ...]  # most frequent first
    counted_words: int


def learner_report(
    paragraphs: Sequence[str], statuses: Mapping[str, WordStatus], *, new_shown: int = 50
) -> LearnerReport:
    """The personal coverage of an article under `statuses`."""
    words = article_words(paragraphs)
    coverage = PersonalCoverage(words, statuses)
    occurrences = words.occurrences()
    new = sorted(
        (key for key in occurrences if key not in statuses), key=lambda k: (-occurrences[k], k)
    )
    return LearnerReport(
        known_share=coverage.share,
        paragraph_shares=tuple(coverage.paragraph_shares()),
        new_lemmas=tuple(words.lemmas[key] for key in new[:new_shown]),
        counted_words=sum(coverage.counted),
    )


def coverage_sentence(share: float | None) -> str:
    """The personal coverage in one plain sentence."""
    if share is None:
        return "This text has no words to count."
    percent = _percent(share)
    if share >= EASY_SHARE:
        verdict = "it should read with ease"
    elif share >= COMFORTABLE_SHARE:
        verdict = "it should read comfortably"
    else:
        verdict = f"{_percent(COMFORTABLE_SHARE)} reads comfortably"
    return f"You know {percent} of the words; {verdict}."


def _percent(share: float) -> str:
    """93 %, never "100 %" for a text with one unknown word."""
    value = share * 100
    shown = int(value) if value < 100 else 100
    return f"{shown} %"
