"""`reader glossary`: listing and searching the whole glossary from the command line."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.glossary import CATEGORY_NAMES, load_glossary


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["glossary", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_lists_every_entry_grouped_by_category(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys)
    assert status == 0
    glossary = load_glossary()
    assert out.rstrip().endswith(f"{len(glossary)} entries")
    for category in glossary.categories:
        assert f"{category.name} (" in out
    assert "der Bundestag" in out


def test_json_lists_every_entry_with_its_details(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--json")
    assert status == 0
    entries = json.loads(out)
    assert len(entries) == len(load_glossary())
    bundestag = next(entry for entry in entries if entry["term"] == "Bundestag")
    assert bundestag["category"] == CATEGORY_NAMES[bundestag["category_id"]]
    assert bundestag["english"] and bundestag["explanation"]


@pytest.mark.parametrize("query", ["Außenminister", "aussenminister", "AUSSENMINISTER"])
def test_search_ignores_case_and_umlaut_spelling(
    capsys: pytest.CaptureFixture[str], query: str
) -> None:
    status, out, _ = run(capsys, "--search", query, "--json")
    assert status == 0
    assert json.loads(out)[0]["term"] == "Außenminister"


def test_search_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--search", "debt brake")
    assert status == 0
    assert out.splitlines()[0].startswith("die Schuldenbremse")


def test_search_limited_to_one_category(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "--search", "minister", "--category", "economy_budget_tax", "--json"
    )
    assert status == 0
    found = json.loads(out)
    assert found
    assert {entry["category_id"] for entry in found} == {"economy_budget_tax"}


def test_search_without_result_says_so_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--search", "Quarkbrötchen")
    assert (status, out) == (1, "")
    assert "Quarkbrötchen" in err


def test_empty_search_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "--search", "  ")
    assert status == 2
    assert err.startswith("reader: ")


def test_search_falls_back_to_the_matcher_for_compounds(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--search", "Haushaltsstreits", "--json")
    assert status == 0
    found = json.loads(out)
    assert [(entry["term"], entry["source"]) for entry in found] == [
        ("Haushaltsstreit", "compound")
    ]
    assert [part["lemma"] for part in found[0]["parts"]] == ["Haushalt", "Streit"]
