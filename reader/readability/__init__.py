"""Readability for learners: German counts, the standard formulas, coverage and a level estimate.

Public API: `count_syllables`, `count_words`, `word_spans`, `analyze(document)` →
`ReadabilityReport` (each paragraph's long sentences as spans, for highlighting; the commands
turn it into JSON), `report(document)` (the same, as the window and the CLI
ask for it) and `long_sentence_spans(text)`.

Importing this package is cheap; the word data (simplemma, wordfreq) loads on the first report,
or ahead of time with `prepare()` (e.g. from a background thread at start-up).
"""

from __future__ import annotations

from reader.language.tokens import count_words, word_spans
from reader.readability.analysis import (
    LEARNER_WORDS_PER_MINUTE,
    LONG_SENTENCE_WORDS,
    ParagraphReadability,
    RareWord,
    ReadabilityReport,
    analyze,
    analyze_paragraphs,
    analyze_text,
    long_sentence_spans,
    report,
)
from reader.readability.coverage import prepare
from reader.readability.formulas import TextCounts
from reader.readability.syllables import count_syllables

__all__ = [
    "LEARNER_WORDS_PER_MINUTE",
    "LONG_SENTENCE_WORDS",
    "ParagraphReadability",
    "RareWord",
    "ReadabilityReport",
    "TextCounts",
    "analyze",
    "analyze_paragraphs",
    "analyze_text",
    "count_syllables",
    "count_words",
    "long_sentence_spans",
    "prepare",
    "report",
    "word_spans",
]
