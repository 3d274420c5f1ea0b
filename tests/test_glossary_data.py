"""The shipped glossary data: schema, completeness, no duplicates; `load_glossary` and search."""

from __future__ import annotations

import os
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from reader.glossary import (
    CATEGORY_NAMES,
    GlossaryDataError,
    entry_for_word,
    fold_for_search,
    load_glossary,
)
from reader.glossary.entries import COUNTRIES, DATA_FOLDER, category_slug

MINIMUM_ENTRIES = 1500
KEYS = {
    "term", "article", "plural", "feminine", "english", "explanation", "abbreviations",
    "related", "pos", "country",
}  # fmt: skip


def raw_entries() -> list[tuple[str, dict[str, object]]]:
    """(file name, table) for every entry, read without the loader's checks."""
    found = []
    for path in sorted(DATA_FOLDER.glob("*.toml")):
        with path.open("rb") as handle:
            for table in tomllib.load(handle).get("entry", []):
                found.append((path.name, table))
    return found


def test_every_data_file_is_a_known_category() -> None:
    files = {category_slug(path) for path in DATA_FOLDER.glob("*.toml")}
    assert files, "no glossary data files"
    assert files <= set(CATEGORY_NAMES)


def test_every_entry_follows_the_schema() -> None:
    problems = []
    for name, table in raw_entries():
        term = table.get("term")
        where = f"{name}: {term!r}"
        if not isinstance(term, str) or not term.strip():
            problems.append(f"{where}: no term")
        if set(table) - KEYS:
            problems.append(f"{where}: unknown keys {sorted(set(table) - KEYS)}")
        english = table.get("english")
        if (
            not isinstance(english, list)
            or not english
            or not all(isinstance(e, str) and e.strip() for e in english)
        ):
            problems.append(f"{where}: english must be a non-empty list of strings")
        explanation = table.get("explanation")
        if not isinstance(explanation, str) or len(explanation.strip()) < 20:
            problems.append(f"{where}: explanation missing or too short")
        if table.get("article") not in (None, "der", "die", "das", "der/die"):
            problems.append(f"{where}: bad article {table.get('article')!r}")
        if table.get("country") not in (None, *COUNTRIES):
            problems.append(f"{where}: bad country {table.get('country')!r}")
        if table.get("pos") not in (None, "verb", "adjective", "phrase"):
            problems.append(f"{where}: bad pos {table.get('pos')!r}")
        for key in ("plural", "feminine"):
            if key in table and not isinstance(table[key], str):
                problems.append(f"{where}: {key} must be a string")
        for key in ("abbreviations", "related"):
            value = table.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problems.append(f"{where}: {key} must be a list of strings")
    assert problems == []


def test_no_duplicate_terms_across_files() -> None:
    terms = Counter(str(table.get("term", "")).casefold() for _, table in raw_entries())
    duplicates = sorted(term for term, count in terms.items() if count > 1)
    assert duplicates == []


def test_the_glossary_is_big_enough_and_covers_every_category() -> None:
    glossary = load_glossary()
    assert len(glossary) >= MINIMUM_ENTRIES
    assert [category.slug for category in glossary.categories] == list(CATEGORY_NAMES)
    for category in glossary.categories:
        assert len(glossary.in_category(category.slug)) >= 20, category.name


def test_loader_gives_typed_entries_with_display_names() -> None:
    glossary = load_glossary()
    entry = glossary.get("Bundestag")
    assert entry is not None
    assert entry.article == "der"
    assert entry.category.name == CATEGORY_NAMES[entry.category.slug]
    assert entry.english and entry.explanation
    assert glossary.get("bundestag") is entry


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("Bundestag", "Bundestag"),
        ("bundestag", "Bundestag"),
        ("Schuldenbremse", "Schuldenbremse"),
        ("debt brake", "Schuldenbremse"),
        ("Aussenminister", "Außenminister"),
        ("ausenminister", None),  # a typo is not an umlaut spelling
    ],
)
def test_search_german_and_english_ignoring_case_and_umlauts(query: str, term: str | None) -> None:
    found = [entry.term for entry in load_glossary().search(query)]
    if term is None:
        assert found == []
    else:
        assert found and found[0] == term


def test_fold_for_search_makes_umlaut_spellings_equal() -> None:
    assert fold_for_search("Zölle") == fold_for_search("Zoelle") == fold_for_search("zolle")
    assert fold_for_search("Straße") == fold_for_search("STRASSE")


def write_category(folder: Path, text: str) -> Path:
    folder.mkdir()
    (folder / "media_debate.toml").write_text(text, encoding="utf-8")
    return folder


def test_loader_names_the_file_and_entry_of_a_broken_entry(tmp_path: Path) -> None:
    folder = write_category(
        tmp_path / "broken",
        '[[entry]]\nterm = "Presse"\narticle = "die"\nenglish = []\nexplanation = "x"\n',
    )
    with pytest.raises(GlossaryDataError, match=r"media_debate.toml entry 1 \(Presse\)"):
        load_glossary(folder)


def test_loader_refuses_unknown_category_files(tmp_path: Path) -> None:
    folder = write_category(tmp_path / "extra", "")
    (folder / "sports.toml").write_text("", encoding="utf-8")
    with pytest.raises(GlossaryDataError, match="sports"):
        load_glossary(folder)


@pytest.mark.parametrize(
    ("word", "term"),
    [("Zölle", "Zoll"), ("EU", "Europäische Union"), ("Kanzlerin", "Kanzler"), ("Vorrat", None)],
)
def test_the_entry_for_a_single_word(word: str, term: str | None) -> None:
    found = entry_for_word(word)
    if term is None:
        assert found is None
    else:
        assert found is not None and found.term == term
        assert found.english_summary and found.explanation and found.category.slug


def test_related_names_are_entries_of_the_glossary() -> None:
    """ "See also" points only at headwords (or their forms) the learner can look up."""
    glossary = load_glossary()
    forms = {
        fold_for_search(form)
        for entry in glossary.entries
        for form in (entry.term, entry.plural, entry.feminine, *entry.abbreviations)
        if form
    }
    dangling = [
        (entry.term, related)
        for entry in glossary.entries
        for related in entry.related
        if fold_for_search(related) not in forms
    ]
    assert dangling == []


def test_the_parsed_data_is_kept_and_an_edit_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.glossary import entries

    monkeypatch.setattr(entries, "_PARSED_CACHE", lambda: tmp_path / "cache")
    data = tmp_path / "data"
    data.mkdir()
    entry = '[[entry]]\nterm = "Bundestag"\nenglish = ["Bundestag"]\nexplanation = "{}"\n'
    source = data / "parliament_government.toml"
    source.write_text(entry.format("The German parliament, elected every four years."))

    first = entries.load_glossary.__wrapped__(data)
    assert [e.term for e in first.entries] == ["Bundestag"]
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1

    source.write_text(entry.format("Edited: the federal parliament in Berlin."))
    os.utime(source, ns=(1, 1))  # a different time as well as a different size
    edited = entries.load_glossary.__wrapped__(data)
    assert edited.entries[0].explanation.startswith("Edited")
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1


def test_a_broken_cache_of_the_parsed_data_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.glossary import entries

    monkeypatch.setattr(entries, "_PARSED_CACHE", lambda: tmp_path / "cache")
    entries.load_glossary.__wrapped__(DATA_FOLDER)
    for cached in (tmp_path / "cache").glob("*.json"):
        cached.write_text("{not json")

    assert len(entries.load_glossary.__wrapped__(DATA_FOLDER)) == len(load_glossary())
