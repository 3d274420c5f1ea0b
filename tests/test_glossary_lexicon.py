"""The shared German word forms: remembered answers, and the same lemmas as simplemma's own
`lemmatize(..., low_memory=True)` and `is_known`, which the readability code used before."""

from __future__ import annotations

import pytest
import simplemma

from reader.glossary.lexicon import (
    RememberedForms,
    SimplemmaLexicon,
    german_forms,
    german_lemma,
    is_known_german,
)

WORDS = [
    "Sanktionen", "Zölle", "verhängte", "des Abkommens".split()[1], "Sekundärsanktionen",
    "Haushaltsreformen", "ist", "Ist", "geht's", "US-Präsident", "Selenskyj", "stimmen",
    "Stimmen", "Abgeordneten", "EU", "2026", "Wahlkampfes", "xqzw",
]  # fmt: skip


class CountingForms(dict[str, str]):
    """A plain dict that counts how often it is asked."""

    asked: list[str]

    def get(self, key: str, default: object = None) -> object:  # type: ignore[override]
        self.asked.append(key)
        return super().get(key, default)


def test_remembered_forms_ask_the_data_once_per_word() -> None:
    data = CountingForms({"Zölle": "Zoll"})
    data.asked = []
    loads: list[int] = []

    def load() -> CountingForms:
        loads.append(1)
        return data

    forms = RememberedForms(load)
    assert loads == []  # nothing is loaded before the first lookup
    assert forms.get("Zölle") == "Zoll" and forms.get("Zölle") == "Zoll"
    assert forms.get("Vorrat") is None and forms.get("Vorrat", "?") == "?"
    assert forms["Zölle"] == "Zoll" and "Zölle" in forms and "Vorrat" not in forms
    with pytest.raises(KeyError):
        forms["Vorrat"]
    assert data.asked == ["Zölle", "Vorrat"]
    assert loads == [1]
    assert list(forms) == ["Zölle"] and len(forms) == 1


@pytest.mark.parametrize("word", WORDS)
def test_lemma_and_known_agree_with_simplemma(word: str) -> None:
    assert german_lemma(word) == simplemma.lemmatize(word, lang="de", low_memory=True)
    assert is_known_german(word) == simplemma.is_known(word, lang="de", low_memory=True)


def test_the_lexicon_reads_the_shared_forms() -> None:
    lexicon = SimplemmaLexicon()
    assert lexicon.lemma("Zölle") == german_forms().get("Zölle") == "Zoll"
    assert lexicon.is_word("haushalt") and not lexicon.is_word("xqzw")
