"""The standard German readability formulas, computed from counts (no tkinter).

The formulas and constants are textstat's (0.7.13, `set_lang("de_DE")`): Amstad's German Flesch
(`LANG_CONFIGS["de"]`), the four Wiener Sachtextformeln (Bamberger & Vanecek) and LIX. We apply
them to our own counts instead of calling textstat because textstat recounts the text itself, and
its German counts are what this package exists to fix (pyphen syllables, a sentence regex that
breaks on "z. B." and drops short sentences). Calling it would also mean its global `set_lang`
and importing nltk at run time. tests/test_readability_textstat.py checks that these constants are
textstat's and that the results agree with textstat's on texts whose counts textstat gets right.
"""

from __future__ import annotations

from dataclasses import dataclass

# Amstad (1978): 180 − ASL − 58.5 × ASW; textstat's fre_base, fre_sentence_length, fre_syll_per_word
AMSTAD_BASE = 180.0
AMSTAD_SENTENCE_LENGTH = 1.0
AMSTAD_SYLLABLES_PER_WORD = 58.5

# Wiener Sachtextformel: (MS, SL, IW, ES, constant) coefficients for variants 1–4, where MS is the
# percentage of words with three or more syllables, SL the mean sentence length, IW the percentage
# of words with more than six letters, ES the percentage of one-syllable words.
WIENER_COEFFICIENTS: dict[int, tuple[float, float, float, float, float]] = {
    1: (0.1935, 0.1672, 0.1297, -0.0327, -0.875),
    2: (0.2007, 0.1682, 0.1373, 0.0, -2.779),
    3: (0.2963, 0.1905, 0.0, 0.0, -1.1144),
    4: (0.2744, 0.2656, 0.0, 0.0, -1.693),
}
LONG_WORD_LETTERS = 6  # "long" means more than six letters (LIX, Wiener IW)
POLYSYLLABLE = 3  # syllables from which a word counts towards MS


@dataclass(frozen=True)
class TextCounts:
    """What the formulas need to know about a text."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    long_words: int = 0  # more than LONG_WORD_LETTERS letters
    monosyllabic_words: int = 0
    polysyllabic_words: int = 0  # POLYSYLLABLE or more syllables

    def __add__(self, other: TextCounts) -> TextCounts:
        return TextCounts(
            self.sentences + other.sentences,
            self.words + other.words,
            self.syllables + other.syllables,
            self.long_words + other.long_words,
            self.monosyllabic_words + other.monosyllabic_words,
            self.polysyllabic_words + other.polysyllabic_words,
        )


def words_per_sentence(counts: TextCounts) -> float:
    """Average sentence length in words; 0.0 for a text without sentences."""
    return counts.words / counts.sentences if counts.sentences else 0.0


def flesch_amstad(counts: TextCounts) -> float:
    """Amstad's German Flesch reading ease; 0.0 for a text without words (as textstat)."""
    if not counts.words or not counts.sentences:
        return 0.0
    return (
        AMSTAD_BASE
        - AMSTAD_SENTENCE_LENGTH * words_per_sentence(counts)
        - AMSTAD_SYLLABLES_PER_WORD * counts.syllables / counts.words
    )


def wiener_sachtextformel(counts: TextCounts, variant: int) -> float:
    """Wiener Sachtextformel 1–4 (a school grade, 4 easy … 15 very hard); 0.0 without words."""
    if variant not in WIENER_COEFFICIENTS:
        raise ValueError(f"Wiener Sachtextformel has variants 1 to 4, not {variant}")
    if not counts.words:
        return 0.0
    ms_weight, sl_weight, iw_weight, es_weight, constant = WIENER_COEFFICIENTS[variant]
    ms = 100 * counts.polysyllabic_words / counts.words
    iw = 100 * counts.long_words / counts.words
    es = 100 * counts.monosyllabic_words / counts.words
    sl = words_per_sentence(counts)
    return ms_weight * ms + sl_weight * sl + iw_weight * iw + es_weight * es + constant


def lix(counts: TextCounts) -> float:
    """Björnsson's LIX: words per sentence + percentage of long words; 0.0 without words."""
    if not counts.words:
        return 0.0
    return words_per_sentence(counts) + 100 * counts.long_words / counts.words
