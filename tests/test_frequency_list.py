"""wordfreq's German list in its compact form: the same answers as wordfreq, from a cache file
that is rebuilt when it cannot be read and skipped when it cannot be written."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reader.readability import coverage, frequency_list
from reader.readability.frequency_list import FrequencyList

UNRANKED = 10**9


def small_list(ranked: int) -> FrequencyList:
    return frequency_list.compile_list({"die": 120, "der": 121, "haus": 300, "zoll": 420}, ["die"])


def test_the_compact_list_answers_as_wordfreq_does(frequency_list_file: Path) -> None:
    import wordfreq

    compact = frequency_list.from_bytes(frequency_list_file.read_bytes())
    frequencies = wordfreq.get_frequency_dict("de")
    top = wordfreq.top_n_list("de", max(coverage.COVERAGE_LEVELS))
    ranks = {word: rank for rank, word in enumerate(top, start=1)}
    sample = random.Random(14).sample(sorted(frequencies), 3000) + top[:200] + top[-200:]
    sample += ["gibtsnicht", "Haus", "", "straße"]
    for word in sample:
        assert compact.frequency(word) == frequencies.get(word, 0.0), word
        assert compact.rank(word, UNRANKED) == ranks.get(word, UNRANKED), word


def test_rank_and_frequency_in_one_lookup_are_the_two_answers(frequency_list_file: Path) -> None:
    compact = frequency_list.from_bytes(frequency_list_file.read_bytes())
    for word in ["die", "haus", "sanktion", "koalitionsstreit", "gibtsnicht", ""]:
        assert compact.figures(word, UNRANKED) == (
            compact.rank(word, UNRANKED),
            compact.frequency(word),
        ), word


@pytest.mark.parametrize(
    "word", ["Haus", "Häuser", "Russlands", "Merkel's", "geopolitischem", "Ukraine-Krieg", "EU-"]
)
def test_a_words_rank_and_frequency_are_those_of_its_best_form(word: str) -> None:
    """Each form of a part (the word, its lemma, without an elision or an ending) is looked up
    once for both figures: the best rank and the highest frequency among them."""
    listed = coverage._frequency_list()
    parts = [part for part in word.split("-") if part]
    forms = [coverage._lookup_forms(part) for part in parts]
    assert coverage.word_rank(word) == max(
        min(listed.rank(form, coverage.UNRANKED) for form in part_forms) for part_forms in forms
    )
    assert coverage.word_frequency(word) == min(
        max(listed.frequency(form) for form in part_forms) for part_forms in forms
    )


def test_coverage_ranks_and_frequencies_come_from_the_list() -> None:
    assert coverage.word_rank("Haus") < 1000
    assert coverage.word_rank("Sekundärsanktionen") == coverage.UNRANKED
    assert 0 < coverage.word_frequency("Koalitionen") < coverage.word_frequency("Haus")
    assert coverage.word_frequency("Xqzvbnörk") == 0.0


def test_a_list_survives_being_saved_and_read() -> None:
    saved = frequency_list.to_bytes(small_list(1))
    read = frequency_list.from_bytes(saved)
    assert read.rank("die", UNRANKED) == 1
    assert read.rank("der", UNRANKED) == UNRANKED
    assert read.frequency("haus") == 10.0**-3
    assert read.frequency("bundestag") == 0.0


@pytest.mark.parametrize("data", [b"", b"GRFL1" + bytes(30), b"not a list at all" * 10])
def test_data_that_is_no_list_is_refused(data: bytes) -> None:
    with pytest.raises(ValueError):
        frequency_list.from_bytes(data)


def test_a_corrupt_cache_file_is_rebuilt(tmp_path: Path) -> None:
    path = frequency_list.cache_file(tmp_path, 1)
    assert path is not None
    path.write_bytes(b"GRFL1 but cut off")
    assert frequency_list.load(tmp_path, 1, small_list).rank("die", UNRANKED) == 1
    assert frequency_list.from_bytes(path.read_bytes()).frequency("zoll") == 10.0**-4.2


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("in the way")
    assert frequency_list.load(blocked, 1, small_list).rank("die", UNRANKED) == 1


def test_a_list_of_an_earlier_wordfreq_is_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "wordfreq"
    folder.mkdir()
    old = folder / "de-0123456789abcdef0123.freq"
    old.write_bytes(frequency_list.to_bytes(small_list(1)))
    frequency_list.load(folder, 1, small_list)
    current = frequency_list.cache_file(folder, 1)
    assert current is not None
    assert [path.name for path in folder.iterdir()] == [current.name]
