"""The window shows where a term's explanation comes from: curated entries and compounds are
underlined, a plain dictionary word is only coloured; the details say which layer it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import glossary
from reader.glossary import TermMatcher, load_glossary
from reader.glossary.dictionary_layer import PoliticalWord, layer_entries
from reader.gui.app import ReaderWindow
from reader.language.lexicon import german_lexicon
from tests.gui.conftest import open_article

pytestmark = pytest.mark.gui

ARTICLE = (
    "Der Bundestag warnte vor einer Rechtsbeugung.\n\n"
    "Der Bundesverkehrsminister schwieg dazu im Ausschuss."
)


@pytest.fixture
def layered_matcher(monkeypatch: pytest.MonkeyPatch) -> TermMatcher:
    """The shipped glossary with a one-word dictionary layer, whatever is installed here."""
    word = PoliticalWord("Rechtsbeugung", ("perversion of justice",), ("jur.",), article="die")
    matcher = TermMatcher(
        load_glossary(), german_lexicon(), layer_entries([word]), lambda lemma: None
    )
    monkeypatch.setattr(glossary, "default_matcher", lambda: matcher)
    return matcher


@pytest.fixture
def layered_window(
    window: ReaderWindow, tmp_path: Path, layered_matcher: TermMatcher
) -> ReaderWindow:
    """The window on a short article with a curated term, a compound and a dictionary word."""
    article = tmp_path / "schichten.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    open_article(window, article)
    return window


def marked(window: ReaderWindow, tag: str) -> set[str]:
    german = window.reading_view.german
    ranges = german.tag_ranges(tag)
    return {german.get(a, b) for a, b in zip(ranges[::2], ranges[1::2], strict=True)}


def test_dictionary_words_look_different_from_curated_terms(layered_window: ReaderWindow) -> None:
    window = layered_window
    assert {"Bundestag", "Bundesverkehrsminister", "Ausschuss"} <= marked(window, "term")
    assert marked(window, "term-dictionary") == {"Rechtsbeugung"}
    german = window.reading_view.german
    assert str(german.tag_cget("term", "underline")) in ("1", "true")
    assert str(german.tag_cget("term-dictionary", "underline")) in ("0", "false")


def test_the_details_name_the_layer_and_a_compounds_parts(layered_window: ReaderWindow) -> None:
    window = layered_window
    panel = window.glossary_panel

    def details_of(term: str) -> str:
        row = next(row for row, entry in panel.rows.items() if entry.term == term)
        panel.tree.selection_set(row)
        window.root.update()
        return panel.details.get("1.0", "end")

    assert "From the offline dictionary" in details_of("Rechtsbeugung")
    compound = details_of("Bundesverkehrsminister")
    assert "Compound: Bund (federal) + " in compound
