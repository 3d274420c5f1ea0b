"""The readability report: counts, formulas from those counts, coverage, level, edge cases."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.commands.json_output import readability_json
from reader.document import Document, Source
from reader.readability import (
    LEARNER_WORDS_PER_MINUTE,
    TextCounts,
    analyze,
    analyze_text,
    count_words,
    formulas,
    level,
    long_sentence_spans,
    report,
    word_spans,
)

REPORT_KEYS = {
    "sentences",
    "words",
    "syllables",
    "flesch_amstad",
    "wiener_sachtextformel",
    "lix",
    "avg_sentence_length",
    "long_sentences",
    "reading_time_min",
    "coverage",
    "cefr",
    "label",
    "rare_words",
    "paragraphs",
}
PARAGRAPH_KEYS = {"index", "sentences", "words", "flesch_amstad", "cefr", "label"}

ARTICLE = (
    "Bundestag streitet über Rente\n\n"
    "Die Bundesregierung will das Rentenniveau bis 2031 bei 48 Prozent halten. Das kostet viel "
    "Geld. Die Opposition kritisiert z. B. die hohen Zuschüsse aus dem Haushalt, die nach ihren "
    "Berechnungen jedes Jahr um etwa 2,5 Milliarden Euro steigen würden, wenn die Koalition "
    "ihre Pläne ohne Änderungen durch das Parlament bringt und der Bundesrat zustimmt.\n\n"
    "Dr. Keller vom Sozialverband sagte am 3. Oktober: „Das reicht nicht.“ Er fordert mehr "
    "Generationengerechtigkeit und eine Rentenversicherungspflicht für Selbstständige."
)


def document(*paragraphs: str) -> Document:
    return Document(title=None, source=Source(Path("test.txt"), "txt"), paragraphs=paragraphs)


def test_report_has_exactly_the_documented_keys() -> None:
    result = readability_json(report(document(*ARTICLE.split("\n\n"))))
    assert set(result) == REPORT_KEYS
    assert set(result["wiener_sachtextformel"]) == {"1", "2", "3", "4"}
    assert set(result["coverage"]) == {"1000", "2000", "5000"}
    assert all(set(paragraph) == PARAGRAPH_KEYS for paragraph in result["paragraphs"])
    assert [paragraph["index"] for paragraph in result["paragraphs"]] == [0, 1, 2]


def test_counts_of_a_small_article() -> None:
    result = analyze_text(ARTICLE)
    assert result.counts.sentences == 6  # the heading is one; "z. B.", "Dr.", "3." split nothing
    assert [paragraph.counts.sentences for paragraph in result.paragraphs] == [1, 3, 2]
    assert result.long_sentences == 1
    assert result.counts.words == count_words(ARTICLE)


def test_figures_equal_the_formulas_applied_to_the_reported_counts() -> None:
    result = analyze_text(ARTICLE)
    shown = readability_json(result)
    sentences, words, syllables = shown["sentences"], shown["words"], shown["syllables"]
    assert shown["flesch_amstad"] == round(180 - words / sentences - 58.5 * syllables / words, 1)
    assert shown["avg_sentence_length"] == round(words / sentences, 1)
    assert shown["reading_time_min"] == round(words / LEARNER_WORDS_PER_MINUTE, 1)
    counts = result.counts
    ms = 100 * counts.polysyllabic_words / words
    iw = 100 * counts.long_words / words
    es = 100 * counts.monosyllabic_words / words
    sl = words / sentences
    expected_wiener = {
        "1": 0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875,
        "2": 0.2007 * ms + 0.1682 * sl + 0.1373 * iw - 2.779,
        "3": 0.2963 * ms + 0.1905 * sl - 1.1144,
        "4": 0.2744 * ms + 0.2656 * sl - 1.693,
    }
    assert shown["wiener_sachtextformel"] == {k: round(v, 1) for k, v in expected_wiener.items()}
    assert shown["lix"] == round(sl + iw, 1)


def test_paragraph_figures_use_the_paragraph_counts() -> None:
    for paragraph in analyze_text(ARTICLE).paragraphs:
        counts = paragraph.counts
        expected = 180 - counts.words / counts.sentences - 58.5 * counts.syllables / counts.words
        assert math.isclose(paragraph.flesch_amstad, expected)
        assert paragraph.label == level.amstad_label(expected, counts.words)


@pytest.mark.parametrize("paragraphs", [(), ("",), ("   ", "—"), ("…",)])
def test_empty_texts_give_defined_results(paragraphs: tuple[str, ...]) -> None:
    result = readability_json(report(document(*paragraphs)))
    assert result["sentences"] == result["words"] == result["syllables"] == 0
    assert result["flesch_amstad"] == result["lix"] == 0.0
    assert result["wiener_sachtextformel"] == {"1": 0.0, "2": 0.0, "3": 0.0, "4": 0.0}
    assert result["coverage"] == {"1000": 0.0, "2000": 0.0, "5000": 0.0}
    assert result["cefr"] is None
    assert result["label"] == level.NO_TEXT
    assert result["rare_words"] == []


def test_a_one_word_text() -> None:
    result = readability_json(report(document("Hallo")))
    assert (result["sentences"], result["words"], result["syllables"]) == (1, 1, 2)
    assert result["flesch_amstad"] == round(180 - 1 - 58.5 * 2, 1)
    assert result["cefr"] in level.CEFR_LEVELS
    assert result["paragraphs"][0]["words"] == 1


def test_coverage_grows_with_the_list_and_is_a_share() -> None:
    shares = analyze_text(ARTICLE).coverage
    assert 0 < shares[1000] <= shares[2000] <= shares[5000] <= 1


def test_easy_text_rates_easier_than_a_dense_one() -> None:
    easy = analyze_text(
        "Ich heiße Tom. Ich wohne in Köln. Ich habe einen Hund. Er ist klein und braun. "
        "Wir gehen jeden Tag in den Park. Dort spielen wir. Am Abend bin ich müde."
    )
    hard = analyze_text(ARTICLE)
    assert easy.flesch_amstad > hard.flesch_amstad
    assert level.CEFR_LEVELS.index(easy.cefr or "") < level.CEFR_LEVELS.index(hard.cefr or "")
    assert easy.cefr in {"A1", "A2"}


def test_rare_words_are_rarest_first_and_skip_numbers_and_names() -> None:
    rare = analyze_text(
        "Der Minister Wolodymyr Selenskyj traf 2025 den Ministerpräsidenten. Die "
        "Generationengerechtigkeit und die Generationengerechtigkeit sind Ziele der SPD."
    ).rare_words
    lemmas = [word.lemma for word in rare]
    assert lemmas[0] == "Generationengerechtigkeit"
    assert rare[0].count == 2
    assert not {"Selenskyj", "Wolodymyr", "2025", "SPD", "Ziel"} & set(lemmas)


def test_long_sentence_spans_mark_only_sentences_over_the_limit() -> None:
    short = "Das ist kurz. "
    long = "Wort " * 26 + "Ende."
    text = short + long
    assert long_sentence_spans(text) == [(len(short), len(text))]
    assert long_sentence_spans(text, limit=30) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Der US-Präsident sprach.", ["Der", "US-Präsident", "sprach"]),
        ("Am 1.1.2026 stieg er um 2,5 %.", ["Am", "1.1.2026", "stieg", "er", "um", "2,5"]),
        ("„Ukraine-Krieg“ – so?", ["Ukraine-Krieg", "so"]),
        ("die U.S.A. und geht's", ["die", "U.S.A", "und", "geht's"]),
        ("Ein- und Ausfuhr", ["Ein", "und", "Ausfuhr"]),
        ("… – !", []),
    ],
)
def test_word_spans(text: str, words: list[str]) -> None:
    assert [text[start:end] for start, end in word_spans(text)] == words
    assert count_words(text) == len(words)


@pytest.mark.parametrize(
    ("coverage", "sentence_length", "expected"),
    [
        ({1000: 0.80, 2000: 0.90, 5000: 0.98}, 6.0, "A1"),
        ({1000: 0.80, 2000: 0.90, 5000: 0.98}, 18.0, "B1"),  # long sentences raise the level
        ({1000: 0.80, 2000: 0.90, 5000: 0.95}, 10.0, "A2"),
        ({1000: 0.70, 2000: 0.80, 5000: 0.92}, 12.0, "B1"),
        ({1000: 0.65, 2000: 0.75, 5000: 0.86}, 12.0, "B2"),
        ({1000: 0.60, 2000: 0.70, 5000: 0.80}, 30.0, "C1"),
        ({1000: 0.50, 2000: 0.60, 5000: 0.70}, 12.0, "C2"),
    ],
)
def test_cefr_rule(coverage: dict[int, float], sentence_length: float, expected: str) -> None:
    assert level.estimate_cefr(coverage, sentence_length) == expected


@pytest.mark.parametrize(
    ("score", "words", "label_start"),
    [(95, 10, "very easy"), (75, 10, "fairly easy"), (40, 10, "difficult"), (10, 10, "very diff")],
)
def test_amstad_labels(score: float, words: int, label_start: str) -> None:
    assert level.amstad_label(score, words).startswith(label_start)


def test_counts_add_up() -> None:
    total = TextCounts(1, 2, 3, 4, 5, 6) + TextCounts(1, 1, 1, 1, 1, 1)
    assert total == TextCounts(2, 3, 4, 5, 6, 7)


def test_wiener_sachtextformel_rejects_unknown_variants() -> None:
    with pytest.raises(ValueError, match="variants 1 to 4"):
        formulas.wiener_sachtextformel(TextCounts(1, 1, 1), 5)


def test_analyze_takes_a_document() -> None:
    assert analyze(document(*ARTICLE.split("\n\n"))) == analyze_text(ARTICLE)


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_a_consistent_report(text: str) -> None:
    result = analyze_text(text)
    assert result.counts.words == count_words(text)
    assert result.counts.sentences <= result.counts.words
    assert result.counts.syllables >= result.counts.words  # every word has a syllable
    assert (result.cefr is None) == (result.counts.words == 0)
    assert all(0.0 <= share <= 1.0 for share in result.coverage.values())


def test_one_long_glued_word_is_analysed_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 64 KB "word" (a PDF that lost its spaces, a base64 blob) once took every tail of itself
    through the lexicon and exhausted memory; now it is looked at as a whole, once."""
    from reader.language.lexicon import german_lemma
    from reader.readability import coverage

    glued = "Haus" * 16_000
    looked_up: list[str] = []
    monkeypatch.setattr(coverage, "_is_known", lambda word: looked_up.append(word) or False)

    assert german_lemma(glued) == glued
    assert coverage.looks_like_name(glued) is False
    assert looked_up == []


def test_rare_words_are_shown_as_a_learner_looks_them_up() -> None:
    """simplemma does not know every inflected adjective ("geopolitischem"): the rare words
    list names the adjective itself, as a dictionary does."""
    from reader.readability import analyze_text

    report = analyze_text(
        "Die Regierung folgt einem geopolitischem Kalkül. Das haushaltspolitische Ziel ist ein "
        "klimaneutrales Land. Ein völkerrechtswidriges Vorgehen wird verurteilt."
    )
    rare = {word.lemma for word in report.rare_words}
    assert {"geopolitisch", "haushaltspolitisch", "klimaneutral"} <= rare, rare
    assert not any(word.endswith(("em", "es")) for word in rare if word.islower()), rare
