"""What a score means for a learner: Amstad bands and a CEFR estimate (no tkinter).

CEFR estimate — a transparent rule of thumb, not a validated test:

1. Vocabulary level from coverage — the share of running words among the 5,000 most frequent
   German words (see `coverage`): A1 from 97 %, A2 from 94 %, B1 from 90 %, B2 from 85 %, C1 from
   78 %, below that C2. wordfreq ranks word forms from subtitles, the web and news, not a learner's
   lemmas ("Hund" is number 1,184, "wohnen" 1,619), so the 1,000 and 2,000 lists miss basic
   words and the thresholds sit below the 95–98 % of the research. They were set by looking at a
   graded A1 text (100 % within 5,000, 77 % within 1,000) and a news commentary (83 %).
2. Sentence level from the average sentence length in words: A1 up to 8, A2 up to 11, B1 up to 15,
   B2 up to 20, C1 up to 26, longer C2.
3. The estimate is the vocabulary level, raised to one below the sentence level when the
   sentences are much harder than the words: max(vocabulary, sentence − 1). Vocabulary counts
   more because coverage is the better predictor of comprehension; long sentences still add load.
"""

from __future__ import annotations

from collections.abc import Mapping

CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")

LEVEL_WORD_LIST = 5000  # the coverage the vocabulary level is read from
# Minimum share of words within LEVEL_WORD_LIST for A1, A2, B1, B2, C1; C2 otherwise.
VOCABULARY_STEPS = (0.97, 0.94, 0.90, 0.85, 0.78)
# Longest average sentence (words) for A1, A2, B1, B2, C1; C2 otherwise.
SENTENCE_LENGTH_STEPS = (8.0, 11.0, 15.0, 20.0, 26.0)

# Amstad's bands (lowest score of the band, plain description).
AMSTAD_BANDS: tuple[tuple[float, str], ...] = (
    (90.0, "very easy — like a children's book"),
    (80.0, "easy — like a simple story"),
    (70.0, "fairly easy — like a popular magazine"),
    (60.0, "standard — like a regional newspaper"),
    (50.0, "fairly difficult — like a news magazine"),
    (30.0, "difficult — like a quality newspaper"),
)
HARDEST_BAND = "very difficult — like academic or legal writing"
NO_TEXT = "no text to rate"


def amstad_label(score: float, words: int) -> str:
    """Plain description of the Amstad band `score` falls in."""
    if words == 0:
        return NO_TEXT
    for lowest, label in AMSTAD_BANDS:
        if score >= lowest:
            return label
    return HARDEST_BAND


def vocabulary_level(coverage: Mapping[int, float]) -> int:
    """Index into CEFR_LEVELS from coverage shares keyed by rank limit (1000, 2000, 5000)."""
    for index, share in enumerate(VOCABULARY_STEPS):
        if coverage[LEVEL_WORD_LIST] >= share:
            return index
    return len(VOCABULARY_STEPS)


def sentence_level(average_sentence_length: float) -> int:
    """Index into CEFR_LEVELS from the average sentence length."""
    for index, longest in enumerate(SENTENCE_LENGTH_STEPS):
        if average_sentence_length <= longest:
            return index
    return len(SENTENCE_LENGTH_STEPS)


def estimate_cefr(coverage: Mapping[int, float], average_sentence_length: float) -> str:
    """The CEFR estimate of the module docstring ("A1" … "C2")."""
    words = vocabulary_level(coverage)
    sentences = sentence_level(average_sentence_length)
    return CEFR_LEVELS[max(words, sentences - 1)]
