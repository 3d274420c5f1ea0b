"""Compound splitting rules, with a plain-dict lexicon standing in for simplemma's data."""

from __future__ import annotations

from typing import ClassVar

import pytest

from reader.glossary import compounds
from reader.language.lexicon import CachedLexicon, german_lexicon


class DictLexicon:
    """A few German words: enough to tell words from fragments in these tests."""

    WORDS: ClassVar[dict[str, str]] = {
        word: word.lower() if word in ("Gegen", "vor") else word
        for word in ("Gegen", "Strafe", "Haushalt", "Bund", "Staat", "Zier", "Berg", "vor",
                     "Sekundär", "Koalition", "Streit")
    }  # fmt: skip

    def lemma(self, word: str) -> str | None:
        return self.WORDS.get(word)

    def is_word(self, word: str) -> bool:
        return any(w in self.WORDS for w in (word, word.lower(), word[:1].upper() + word[1:]))


@pytest.mark.parametrize(
    ("modifier", "stems"),
    [
        ("Bundes", {"Bundes", "Bund", "Bunde"}),
        ("Staaten", {"Staaten", "Staate", "Staat"}),
        ("Straf", {"Straf", "Strafe", "Strafen"}),
    ],
)
def test_linking_elements_are_removed_or_restored(modifier: str, stems: set[str]) -> None:
    assert stems <= set(compounds.modifier_stems(modifier))


@pytest.mark.parametrize(
    ("modifier", "head", "real"),
    [
        ("Gegen", "Zölle", True),  # Gegenzölle
        ("Straf", "Zölle", True),  # Strafzölle: Strafe without its -e
        ("Haushalts", "Ausschuss", True),
        ("Sekundär", "Sanktionen", True),
        ("Vor", "Rat", False),  # Vorrat: a prefix, not a word
        ("Hei", "Rat", False),  # Heirat: no word at all
        ("Appa", "Rat", False),  # Apparat
        ("Ge", "Staaten", False),  # "Gestaaten"
        ("Xyzq", "Sanktionen", False),  # not in the lexicon
    ],
)
def test_modifier_must_be_a_real_word(modifier: str, head: str, real: bool) -> None:
    assert compounds.is_real_modifier(modifier, head, DictLexicon()) is real


@pytest.mark.parametrize(
    "word", ["Berggipfel", "Hausrat", "Zierrat", "Datenbank", "Zollstock", "Gipfelkreuz"]
)
def test_known_false_friends_in_any_form(word: str) -> None:
    assert compounds.is_false_friend(word)
    assert compounds.is_false_friend(word.upper() + "n")


def test_head_splits_go_from_the_longest_head_and_capitalise_it() -> None:
    splits = list(compounds.head_splits("Gegenzölle"))
    assert splits[0] == ("Geg", "Enzölle")
    assert ("Gegen", "Zölle") in splits
    assert all(len(modifier) >= compounds.MIN_MODIFIER for modifier, _ in splits)


def test_head_splits_with_heads_give_only_those() -> None:
    splits = list(compounds.head_splits("Gegenzölle", heads={"zölle", "enzölle"}))
    assert splits == [("Geg", "Enzölle"), ("Gegen", "Zölle")]


def test_first_part_splits_strip_the_linking_s() -> None:
    assert ("Koalition", "Streit") in list(compounds.first_part_splits("Koalitionsstreit"))


def test_written_first_parts_with_linking_elements_and_without_final_e() -> None:
    written = compounds.written_first_parts(["Koalition", "Legislative"])
    assert {"Koalition", "Koalitions", "Legislativ", "Legislativen"} <= written
    assert "Koalitio" not in written


@pytest.mark.parametrize(
    ("word", "opens"),
    [
        ("Koalitionsstreit", True),
        ("Legislativvorschlag", True),
        ("Asylgründe", True),  # a short political first part
        ("Koalitions", False),  # nothing left after it
        ("Kochbuch", False),
    ],
)
def test_may_open_with_a_written_first_part(word: str, opens: bool) -> None:
    written = compounds.written_first_parts(["Koalition", "Legislative"])
    assert compounds.may_open_with(word, written) is opens


def test_real_lexicon_knows_words_and_lemmas() -> None:
    lexicon = german_lexicon()
    assert lexicon.lemma("Zölle") == "Zoll"
    assert lexicon.lemma("Sanktionen") == "Sanktion"
    assert lexicon.is_word("sekundär") and lexicon.is_word("Sekundär")
    assert not lexicon.is_word("Gestaaten")


def test_cached_lexicon_asks_the_inner_lexicon_once_per_word() -> None:
    asked: list[str] = []

    class Counting(DictLexicon):
        def lemma(self, word: str) -> str | None:
            asked.append(word)
            return super().lemma(word)

    cached = CachedLexicon(Counting())
    assert cached.lemma("Bund") == cached.lemma("Bund") == "Bund"
    assert asked == ["Bund"]
