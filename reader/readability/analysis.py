"""The readability report of a document: counts, formulas, coverage, level (no tkinter)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from reader.document import Document
from reader.language.sentences import sentence_spans
from reader.language.tokens import count_letters
from reader.language.tokens import words as find_words
from reader.readability import coverage, formulas, level
from reader.readability.formulas import TextCounts
from reader.readability.syllables import count_syllables
from reader.readability.word_memo import remember_per_word

# A learner reading German at B1–B2 manages about 100 words a minute (natives: 200–250).
LEARNER_WORDS_PER_MINUTE = 100
LONG_SENTENCE_WORDS = 25  # sentences with more words than this count as long
RARE_WORDS_SHOWN = 8
RARE_WORD_RANK = 2000  # only words outside the 2,000 most frequent are offered as rare
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True)
class RareWord:
    """A word a learner is unlikely to know, by lemma, with how often the text uses it."""

    lemma: str
    count: int


@dataclass(frozen=True)
class ParagraphReadability:
    """The core figures of one paragraph, for a difficulty strip beside the text."""

    index: int
    counts: TextCounts
    flesch_amstad: float
    cefr: str | None
    label: str
    long_sentences: tuple[tuple[int, int], ...] = ()  # spans of sentences over the limit


@dataclass(frozen=True)
class ReadabilityReport:
    """Everything `reader analyze` and the window show about how hard a text is to read."""

    counts: TextCounts
    flesch_amstad: float
    wiener_sachtextformel: Mapping[int, float]
    lix: float
    avg_sentence_length: float
    long_sentences: int
    reading_time_min: float
    coverage: Mapping[int, float]  # rank limit → share of words within it
    cefr: str | None  # None for a text without words
    label: str
    rare_words: tuple[RareWord, ...] = ()
    paragraphs: tuple[ParagraphReadability, ...] = field(default=())


@dataclass
class _Tally:
    """The counts of a paragraph, or of the whole text."""

    counts: TextCounts = field(default_factory=TextCounts)
    long_sentences: int = 0
    vocabulary_words: int = 0  # words that count for coverage (not numbers)
    covered: dict[int, int] = field(default_factory=dict)  # rank limit → words within it


@dataclass(frozen=True)
class _WordTable:
    """Per distinct word of the text, the figures the paragraphs add up: dictionaries so that a
    paragraph's sums run as `sum(map(table.__getitem__, words))`, without a Python-level loop."""

    syllables: dict[str, int]
    is_vocabulary: dict[str, int]
    within: dict[int, dict[str, int]]  # rank limit → word → 1 if its rank is within the limit


def analyze(document: Document) -> ReadabilityReport:
    """The readability report of `document`, paragraph by paragraph and as a whole."""
    return analyze_paragraphs(document.paragraphs)


def analyze_text(text: str) -> ReadabilityReport:
    """The readability report of plain text whose paragraphs are separated by blank lines."""
    return analyze_paragraphs(_PARAGRAPH_BREAK.split(text))


def report(document: Document) -> ReadabilityReport:
    """The readability report the window and `reader analyze` show."""
    return analyze(document)


def long_sentence_spans(text: str, limit: int = LONG_SENTENCE_WORDS) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text` with more than `limit` words, for highlighting."""
    return [
        (start, end)
        for start, end in sentence_spans(text)
        if len(find_words(text, start, end)) > limit
    ]


def analyze_paragraphs(paragraphs: Iterable[str]) -> ReadabilityReport:
    """The report of a text given as its paragraphs."""
    split = [_split_paragraph(paragraph) for paragraph in paragraphs]
    occurrences: Counter[str] = Counter()
    for _, _, words in split:
        occurrences.update(words)
    table = _word_table(occurrences)
    tallies = [
        _tally(table, words, sentences, len(long_sentences))
        for sentences, long_sentences, words in split
    ]
    total = _total(tallies, occurrences)
    shares = _coverage_shares(total)
    amstad = formulas.flesch_amstad(total.counts)
    return ReadabilityReport(
        counts=total.counts,
        flesch_amstad=amstad,
        wiener_sachtextformel={
            variant: formulas.wiener_sachtextformel(total.counts, variant)
            for variant in formulas.WIENER_COEFFICIENTS
        },
        lix=formulas.lix(total.counts),
        avg_sentence_length=formulas.words_per_sentence(total.counts),
        long_sentences=total.long_sentences,
        reading_time_min=total.counts.words / LEARNER_WORDS_PER_MINUTE,
        coverage=shares,
        cefr=_cefr(total.counts, shares),
        label=level.amstad_label(amstad, total.counts.words),
        rare_words=_rare_words(occurrences),
        paragraphs=tuple(
            _paragraph_readability(index, tally, long_sentences)
            for index, (tally, (_, long_sentences, _)) in enumerate(
                zip(tallies, split, strict=True)
            )
        ),
    )


def _split_paragraph(paragraph: str) -> tuple[int, tuple[tuple[int, int], ...], list[str]]:
    """How many sentences (with at least one word), the spans of the long ones, and the words
    of a paragraph."""
    sentences = 0
    long_sentences: list[tuple[int, int]] = []
    words: list[str] = []
    for start, end in sentence_spans(paragraph):
        sentence_words = find_words(paragraph, start, end)
        if not sentence_words:
            continue  # a line of dashes or stars is not a sentence
        sentences += 1
        if len(sentence_words) > LONG_SENTENCE_WORDS:
            long_sentences.append((start, end))
        words += sentence_words
    return sentences, tuple(long_sentences), words


def _word_table(occurrences: Counter[str]) -> _WordTable:
    profiles = {word: _word_profile(word) for word in occurrences}
    return _WordTable(
        syllables={word: profile[0] for word, profile in profiles.items()},
        is_vocabulary={word: int(profile[3]) for word, profile in profiles.items()},
        within={
            limit: {
                word: int(profile[3] and profile[2] <= limit) for word, profile in profiles.items()
            }
            for limit in coverage.COVERAGE_LEVELS
        },
    )


def _tally(table: _WordTable, words: list[str], sentences: int, long_sentences: int) -> _Tally:
    syllables = sum(map(table.syllables.__getitem__, words))
    return _Tally(
        counts=TextCounts(sentences=sentences, words=len(words), syllables=syllables),
        long_sentences=long_sentences,
        vocabulary_words=sum(map(table.is_vocabulary.__getitem__, words)),
        covered={
            limit: sum(map(within.__getitem__, words)) for limit, within in table.within.items()
        },
    )


def _total(tallies: list[_Tally], occurrences: Counter[str]) -> _Tally:
    """The whole text's tally; the per-word counts the formulas need come from `occurrences`."""
    long_words = monosyllabic = polysyllabic = 0
    for word, count in occurrences.items():
        word_syllables, letters, _, _ = _word_profile(word)
        if letters > formulas.LONG_WORD_LETTERS:
            long_words += count
        if word_syllables == 1:
            monosyllabic += count
        elif word_syllables >= formulas.POLYSYLLABLE:
            polysyllabic += count
    return _Tally(
        counts=TextCounts(
            sentences=sum(tally.counts.sentences for tally in tallies),
            words=sum(tally.counts.words for tally in tallies),
            syllables=sum(tally.counts.syllables for tally in tallies),
            long_words=long_words,
            monosyllabic_words=monosyllabic,
            polysyllabic_words=polysyllabic,
        ),
        long_sentences=sum(tally.long_sentences for tally in tallies),
        vocabulary_words=sum(tally.vocabulary_words for tally in tallies),
        covered={
            limit: sum(tally.covered[limit] for tally in tallies)
            for limit in coverage.COVERAGE_LEVELS
        },
    )


@remember_per_word
def _word_profile(word: str) -> tuple[int, int, int, bool]:
    """Syllables, letters, frequency rank, and whether the word counts for vocabulary coverage
    (numbers and words with digits do not)."""
    is_vocabulary = not any(map(str.isnumeric, word))
    rank = coverage.word_rank(word) if is_vocabulary else coverage.UNRANKED
    return count_syllables(word), count_letters(word), rank, is_vocabulary


def _coverage_shares(tally: _Tally) -> dict[int, float]:
    if not tally.vocabulary_words:
        return {limit: 0.0 for limit in coverage.COVERAGE_LEVELS}
    return {
        limit: tally.covered[limit] / tally.vocabulary_words for limit in coverage.COVERAGE_LEVELS
    }


def _cefr(counts: TextCounts, shares: Mapping[int, float]) -> str | None:
    if not counts.words:
        return None
    return level.estimate_cefr(shares, formulas.words_per_sentence(counts))


def _paragraph_readability(
    index: int, tally: _Tally, long_sentences: tuple[tuple[int, int], ...]
) -> ParagraphReadability:
    amstad = formulas.flesch_amstad(tally.counts)
    return ParagraphReadability(
        index=index,
        counts=tally.counts,
        flesch_amstad=amstad,
        cefr=_cefr(tally.counts, _coverage_shares(tally)),
        label=level.amstad_label(amstad, tally.counts.words),
        long_sentences=long_sentences,
    )


def _rare_words(occurrences: Counter[str]) -> tuple[RareWord, ...]:
    """The least frequent lemmas, skipping names, abbreviations and very short words."""
    by_lemma: Counter[str] = Counter()
    frequency: dict[str, float] = {}
    spellings: dict[str, list[str]] = {}
    for word, count in occurrences.items():
        _, _, rank, is_vocabulary = _word_profile(word)
        if not is_vocabulary or rank <= RARE_WORD_RANK or len(word) < 3 or word.isupper():
            continue
        word_lemma = coverage.lemma(word)
        by_lemma[word_lemma] += count
        frequency[word_lemma] = min(frequency.get(word_lemma, 1.0), coverage.word_frequency(word))
        spellings.setdefault(word_lemma, []).append(word)
    rarest = sorted(by_lemma, key=lambda lemma: (frequency[lemma], -by_lemma[lemma], lemma))
    shown: list[RareWord] = []
    for lemma in rarest:  # names are checked only here: the check is slow and most never get here
        if not all(coverage.looks_like_name(word) for word in spellings[lemma]):
            shown.append(RareWord(lemma, by_lemma[lemma]))
            if len(shown) == RARE_WORDS_SHOWN:
                break
    return tuple(shown)
