"""The offline dictionary: Ding conversion, lookups, compounds, separable verbs, word cards."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.dictionary.ding import DING_PATH, parse_line, read_lines
from reader.dictionary.separable import separable_infinitive
from reader.dictionary.store import Dictionary, build
from reader.dictionary.word_lookup import compound_parts, word_card

# A few lines in Ding's format, written for these tests.
FIXTURE_LINES = """\
# Version :: test
Haushalt {m} [pol.] | Haushalte {pl} :: budget | budgets
Haushalt {m}; Hauswirtschaft {f} | Haushalte {pl} :: household | households
Loch {n} | Löcher {pl} :: hole | holes
Streit {m} | Streite {pl} :: dispute | disputes
Zoll {m} (Abgabe) | Zölle {pl} :: customs duty; tariff | customs duties; tariffs
gegen {prp; +Akk.} :: against
Gegner {m}; Gegnerin {f} | Gegner {pl}; Gegnerinnen {pl} :: opponent | opponents
abstimmen {vi} (über) | abstimmend | abgestimmt :: to vote (on) | voting | voted
stimmen {vi} | stimmend | gestimmt :: to be right | being right | been right
Wahl {f} | Wahlen {pl} :: election | elections
Kreis {m} | Kreise {pl} :: district | districts
Straße {f} | Straßen {pl} :: street | streets
kaputt line without separator
"""


@pytest.fixture
def small_dictionary(tmp_path: Path) -> Dictionary:
    output = tmp_path / "dictionary.sqlite"
    count = build(read_lines(iter(FIXTURE_LINES.splitlines())), output)
    assert count == 12
    dictionary = Dictionary(output)
    yield dictionary
    dictionary.close()


def test_parse_line_pairs_sub_entries() -> None:
    line = parse_line("Zoll {m} (Abgabe) | Zölle {pl} :: customs duty | customs duties")
    assert line is not None
    assert line.german == ("Zoll {m} (Abgabe)", "Zölle {pl}")
    assert line.english == ("customs duty", "customs duties")
    assert parse_line("# comment :: no") is None
    assert parse_line("Zoll {m} | Zölle {pl} :: customs duty") is None  # misaligned


def test_headword_lookup_has_article_and_plural(small_dictionary: Dictionary) -> None:
    entries = small_dictionary.lookup("Zoll")
    assert entries[0].de == "Zoll {m} (Abgabe)"
    assert entries[0].en == "customs duty; tariff"
    assert (entries[0].article, entries[0].plural) == ("der", "Zölle")


def test_plural_form_is_shown_with_its_headword(small_dictionary: Dictionary) -> None:
    entries = small_dictionary.lookup("Zölle")
    assert [entry.de for entry in entries] == ["Zoll {m} (Abgabe)"]


def test_lookup_is_case_insensitive_and_tries_forms_in_order(small_dictionary: Dictionary) -> None:
    assert small_dictionary.lookup("HAUSHALT")[0].en == "budget"
    assert small_dictionary.lookup("Unbekanntwort", "wahl")[0].en == "election"
    assert small_dictionary.lookup("Unbekanntwort") == []


def test_compound_parts_with_linking_s(small_dictionary: Dictionary) -> None:
    parts = compound_parts("Haushaltsloch", small_dictionary)
    assert [(p.de, p.en[0]) for p in parts] == [("Haushalt", "budget"), ("Loch", "hole")]


def test_compound_parts_keep_inflected_head(small_dictionary: Dictionary) -> None:
    parts = compound_parts("Gegenzölle", small_dictionary)
    assert [p.de for p in parts] == ["gegen", "Zölle"]


def test_no_parts_for_a_word_that_is_not_a_compound(small_dictionary: Dictionary) -> None:
    assert compound_parts("Wahlkampfzauber", small_dictionary) == []


def test_separated_particle_gives_the_infinitive(small_dictionary: Dictionary) -> None:
    sentence = "Der Bundestag stimmte am Freitag über den Haushalt ab."
    assert separable_infinitive("stimmte", sentence, "stimmen", small_dictionary.has_form) == (
        "abstimmen"
    )


def test_particle_of_another_clause_is_not_taken(small_dictionary: Dictionary) -> None:
    sentence = "Die Zahlen stimmten, als der Ausschuss den Bericht ab."
    assert separable_infinitive("stimmten", sentence, "stimmen", small_dictionary.has_form) is None
    assert (
        separable_infinitive("stimmt", "Das stimmt.", "stimmen", small_dictionary.has_form) is None
    )


def test_word_card_uses_the_sentence(small_dictionary: Dictionary) -> None:
    card = word_card("stimmte", "Am Ende stimmte die Mehrheit ab.", small_dictionary)
    assert card.lemma == "abstimmen"
    assert card.dictionary[0].en == "to vote (on)"


def test_a_word_in_capitals_gets_the_dictionary_spelling(small_dictionary: Dictionary) -> None:
    card = word_card("STRASSE", "DIE STRASSE IST GESPERRT", small_dictionary)
    assert (card.article, card.lemma, card.plural) == ("die", "Straße", "Straßen")
    assert word_card("HAUSHALT", dictionary=small_dictionary).lemma == "Haushalt"


def test_a_failed_build_keeps_the_old_file(tmp_path: Path) -> None:
    output = tmp_path / "dictionary.sqlite"
    build(read_lines(iter(FIXTURE_LINES.splitlines())), output)

    def broken_lines():  # type: ignore[no-untyped-def]
        yield from read_lines(iter(FIXTURE_LINES.splitlines()[:3]))
        raise OSError("disk full")

    with pytest.raises(OSError):
        build(broken_lines(), output)
    assert Dictionary(output).lookup("Zoll")


@pytest.mark.skipif(not Path(DING_PATH).is_file(), reason="Debian's trans-de-en is not installed")
def test_real_ding_file(tmp_path: Path) -> None:
    output = tmp_path / "ding.sqlite"
    with open(DING_PATH, encoding="utf-8") as source:
        count = build(read_lines(source), output)
    assert count > 150_000
    dictionary = Dictionary(output)
    sanction = dictionary.lookup("Sanktionen")[0]
    assert sanction.en == "sanction"
    assert (sanction.article, sanction.plural) == ("die", "Sanktionen")
    parts = compound_parts("Haushaltsstreit", dictionary)
    assert [p.de for p in parts] == ["Haushalt", "Streit"]
    card = word_card("stimmte", "Der Rat stimmte gestern ab.", dictionary)
    assert card.lemma == "abstimmen"
    assert any("vote" in entry.en or "ballot" in entry.en for entry in card.dictionary)


def test_lookup_command_json(small_dictionary: Dictionary) -> None:
    env = dict(os.environ, READER_DICTIONARY=str(small_dictionary.path))
    result = subprocess.run(
        [sys.executable, "-m", "reader", "lookup", "Zölle", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    card = json.loads(result.stdout)
    assert card["lemma"] == "Zoll"
    assert card["dictionary"][0] == {"de": "Zoll {m} (Abgabe)", "en": "customs duty; tariff"}
    assert (card["article"], card["plural"]) == ("der", "Zölle")


def test_lookup_without_dictionary_says_so(tmp_path: Path) -> None:
    env = dict(os.environ, READER_DICTIONARY=str(tmp_path / "missing.sqlite"))
    result = subprocess.run(
        [sys.executable, "-m", "reader", "lookup", "Zoll"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert "make dictionary" in result.stdout or "Zoll" in result.stdout
    sqlite3.connect(":memory:").close()


def test_slashes_between_alternatives_are_not_an_abbreviation() -> None:
    from reader.dictionary.ding import bare

    assert bare("to have / hold / take a ballot (on)") == "to have / hold / take a ballot"
    assert bare("Abgeordneter {m} /Abg./ [pol.]") == "Abgeordneter"


def test_an_abbreviation_list_cut_by_the_alternatives_leaves_no_halves() -> None:
    from reader.dictionary.ding import bare

    assert [bare(part) for part in "director /Dir.; dir./".split(";")] == ["director", ""]
    assert bare("and/or") == "and/or"
