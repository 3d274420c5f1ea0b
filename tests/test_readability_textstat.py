"""Our formulas are textstat's: same constants, same results where textstat counts correctly."""

from __future__ import annotations

import math
from types import ModuleType

import pytest

from reader.readability import analyze_text, count_syllables, formulas

# Simple sentences of more than two words, no abbreviations or numbers, and only words whose
# pyphen syllable count is right: here textstat's counts are correct, so the scores must agree.
AGREEING_TEXTS = [
    "Die Stadt baut eine große Brücke am Fluss. Viele Menschen fahren jeden Tag mit dem Rad zur "
    "Arbeit. Der Bürgermeister möchte mehr Platz für Fahrräder schaffen. Die Arbeiten sollen im "
    "Frühling beginnen und zwei Jahre dauern.",
    "Im Sommer gehen die Kinder gern baden. Das Wetter bleibt warm und sonnig. Am Montag schreibt "
    "die Klasse eine schwierige Prüfung in Mathematik. Danach feiern alle Schüler im Garten.",
]
# Where textstat's counts are wrong, the scores differ: "z. B." and "am 3. Oktober" split its
# sentences, and "Ideen", "Abend", "Union" lose a syllable.
DISAGREEING_TEXT = (
    "Am 3. Oktober sprach z. B. die Union am Abend über neue Ideen für die Energie der Zukunft."
)


@pytest.fixture(scope="module")
def textstat() -> ModuleType:
    module = pytest.importorskip("textstat")
    module.set_lang("de_DE")  # before any other call: en_US would try to download cmudict
    return module


def test_amstad_constants_are_textstats(textstat: ModuleType) -> None:
    from textstat.backend.utils.constants import LANG_CONFIGS

    german = LANG_CONFIGS["de"]
    assert german["fre_base"] == formulas.AMSTAD_BASE
    assert german["fre_sentence_length"] == formulas.AMSTAD_SENTENCE_LENGTH
    assert german["fre_syll_per_word"] == formulas.AMSTAD_SYLLABLES_PER_WORD


@pytest.mark.parametrize("text", AGREEING_TEXTS)
def test_counts_agree_with_textstat_on_simple_text(textstat: ModuleType, text: str) -> None:
    counts = analyze_text(text).counts
    assert counts.sentences == textstat.sentence_count(text)
    assert counts.words == textstat.lexicon_count(text)
    assert counts.syllables == textstat.syllable_count(text)
    assert counts.polysyllabic_words == textstat.polysyllabcount(text)
    assert counts.monosyllabic_words == textstat.monosyllabcount(text)
    assert counts.long_words == textstat.long_word_count(text)


@pytest.mark.parametrize("text", AGREEING_TEXTS)
def test_scores_agree_with_textstat_where_its_counts_are_right(
    textstat: ModuleType, text: str
) -> None:
    result = analyze_text(text)
    assert math.isclose(result.flesch_amstad, textstat.flesch_reading_ease(text))
    for variant in (1, 2, 3, 4):
        theirs = textstat.wiener_sachtextformel(text, variant)
        assert math.isclose(result.wiener_sachtextformel[variant], theirs), variant
    assert math.isclose(result.lix, textstat.lix(text))


def test_scores_differ_where_textstat_miscounts(textstat: ModuleType) -> None:
    result = analyze_text(DISAGREEING_TEXT)
    assert result.counts.sentences == 1
    assert textstat.sentence_count(DISAGREEING_TEXT) != 1
    assert count_syllables("Ideen") == textstat.syllable_count("Ideen") + 1
    assert not math.isclose(result.flesch_amstad, textstat.flesch_reading_ease(DISAGREEING_TEXT))
