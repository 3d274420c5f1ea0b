"""The JSON the commands print, built from the typed results (`reader.commands.json_output`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.commands.json_output import entry_json, terms_json, word_card_json
from reader.dictionary.store import Dictionary
from reader.dictionary.word_lookup import word_card
from reader.document import Document, Source
from reader.glossary import entry_for_word, find_terms
from tests.fixtures_builders import ding_dictionary

DING_LINES = """\
Haushalt {m} [pol.] | Haushalte {pl} :: budget | budgets
Streit {m} | Streite {pl} :: dispute | disputes
"""

ENTRY_KEYS = [
    "term", "english", "english_all", "category", "category_id", "explanation", "article",
    "plural", "feminine", "abbreviations", "related", "pos", "country", "source", "parts",
]  # fmt: skip


@pytest.fixture
def dictionary(tmp_path: Path) -> Iterator[Dictionary]:
    yield from ding_dictionary(DING_LINES, tmp_path / "dictionary.sqlite")


def test_terms_have_the_analyze_json_shape() -> None:
    document = Document(
        title=None,
        source=Source(path=None, format="stdin"),
        paragraphs=("Der Bundestag tagt.", "Die EU-Kommission verhängt Sanktionen."),
    )
    terms = terms_json(find_terms(document))
    assert terms, "the shipped glossary should know Bundestag"
    for term in terms:
        assert set(term) == {
            "term",
            "english",
            "category",
            "category_id",
            "explanation",
            "country",
            "source",
            "parts",
            "article",
            "plural",
            "abbreviations",
            "occurrences",
        }
        assert isinstance(term["english"], str) and term["english"]
        for occurrence in term["occurrences"]:
            text = document.paragraphs[occurrence["paragraph"]]
            assert text[occurrence["start"] : occurrence["end"]] == occurrence["text"]


def test_an_entry_has_every_detail_in_a_fixed_order() -> None:
    entry = entry_for_word("Zölle")
    assert entry is not None
    found = entry_json(entry)
    assert list(found) == ENTRY_KEYS
    assert (found["term"], found["category_id"]) == ("Zoll", entry.category.slug)
    assert found["english_all"] == list(entry.english)


def test_word_card_json_shape(dictionary: Dictionary) -> None:
    card = word_card_json(word_card("Haushaltsstreit", dictionary=dictionary))
    assert list(card) == ["word", "lemma", "article", "plural", "glossary", "dictionary", "parts"]
    assert [part["de"] for part in card["parts"]] == ["Haushalt", "Streit"]
    assert card["parts"][1]["en"] == ["dispute"]
    assert list(card["glossary"]) == [*ENTRY_KEYS, "match"]
    assert (card["glossary"]["term"], card["glossary"]["match"]) == ("Haushaltsstreit", "compound")
    assert [part["lemma"] for part in card["glossary"]["parts"]] == ["Haushalt", "Streit"]


def test_a_word_without_a_glossary_entry_has_null() -> None:
    card = word_card_json(word_card("Vorrat", find_installed=False))
    assert card["glossary"] is None
