"""The German syllable counter against a hand-counted word list (and textstat for comparison)."""

from __future__ import annotations

import pytest

from reader.readability import count_syllables
from tests.syllable_words import SYLLABLE_WORDS

TARGET_ACCURACY = 0.97


def accuracy(counter: object) -> tuple[float, list[tuple[str, int, int]]]:
    assert callable(counter)
    misses = [(word, expected, counter(word)) for word, expected in SYLLABLE_WORDS]
    misses = [miss for miss in misses if miss[1] != miss[2]]
    return 1 - len(misses) / len(SYLLABLE_WORDS), misses


def test_the_word_list_is_broad_and_has_no_duplicates() -> None:
    words = [word for word, _ in SYLLABLE_WORDS]
    assert len(words) >= 150
    assert len(set(words)) == len(words)


def test_at_least_97_percent_of_the_list_is_counted_exactly() -> None:
    ours, misses = accuracy(count_syllables)
    print(f"\nreader: {ours:.1%} exact on {len(SYLLABLE_WORDS)} words; misses: {misses}")
    assert ours >= TARGET_ACCURACY, misses


def test_textstat_is_measured_on_the_same_list_for_comparison() -> None:
    textstat = pytest.importorskip("textstat")
    textstat.set_lang("de_DE")  # before any other call: en_US would try to download cmudict
    theirs, _ = accuracy(textstat.syllable_count)
    ours, _ = accuracy(count_syllables)
    print(f"\ntextstat: {theirs:.1%} exact, reader: {ours:.1%} exact")
    assert ours > theirs


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("The-a-ter", 3),  # hyphens split nothing extra
        ("Abend", 2),
        ("ABEND", 2),  # capitals with vowels are a word, not an abbreviation
        ("ideen", 3),
        ("Ideengeber", 4),
        ("naïv", 2),
        ("Café", 2),
        ("Teamarbeit", 3),  # a listed loanword at the start of a compound
        ("Firmenwebsite", 4),
        ("COVID-19", 3),  # CO-VID read as a word, the number as one syllable
        ("2,5", 1),
        ("1.1.2026", 1),
        ("U.S.A.", 3),
        ("geht's", 1),
        ("BND", 3),
        ("Erschien", 2),
        ("Gottesdienst", 3),
        ("ideal", 3),  # ends like the loanword "deal" but is German
        ("Ideal", 3),
    ],
)
def test_special_cases(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


@pytest.mark.parametrize("text", ["", "-", "…", "  "])
def test_text_without_letters_or_digits_has_no_syllables(text: str) -> None:
    assert count_syllables(text) == 0
