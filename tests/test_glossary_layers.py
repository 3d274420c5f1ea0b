"""The glossary's layers and the causes of misses and wrong marks measured on real news.

Each test names the cause it covers: the dictionary layer, compounds glossed from their parts at
the best boundary, verb and adjective forms, capitals and ligatures, and the sense rules.
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from pathlib import Path

import pytest

from reader.dictionary.ding import read_lines
from reader.dictionary.store import build
from reader.glossary import TermMatcher, compounds, load_glossary
from reader.glossary.dictionary_layer import (
    PoliticalWord,
    layer_entries,
    political_words,
    read_layer,
    write_layer,
)
from reader.language.lexicon import german_lexicon

# Lines in Ding's format, written for these tests: two political words, a legal one, a piece of
# military kit, one that is too common to be taken, an untagged one and an administrative one (Ding
# tags those loosely).
DING_LINES = """\
Machtergreifung {f} [pol.] | Machtergreifungen {pl} :: seizure of power | seizures of power
Vertragsstaat {m} [pol.] | Vertragsstaaten {pl} :: contracting state | contracting states
Rechtsbeugung {f} [jur.] :: perversion of justice
Eierbecher {m} [mil.] | Eierbecher {pl} :: groin guard | groin guards
Frau {f} [jur.] | Frauen {pl} :: woman | women
Gartenzwerg {m} | Gartenzwerge {pl} :: garden gnome | garden gnomes
Schriftverkehr {m} [adm.] :: correspondence
Stimmbürger {m} [Schw.] [pol.] | Stimmbürger {pl} :: voter | voters
faschistisch {adj} [pol.] :: fascist
"""
ZIPF = {"Frau": 5.7, "Machtergreifung": 2.1, "Vertragsstaat": 1.5, "Rechtsbeugung": 1.2}


def zipf(word: str) -> float:
    return ZIPF.get(word, 1.0)


@pytest.fixture(scope="module")
def layer_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ding") / "dictionary.sqlite"

    def add_layer(connection: sqlite3.Connection) -> None:
        write_layer(connection, political_words(read_lines(iter(DING_LINES.splitlines())), zipf))

    build(read_lines(iter(DING_LINES.splitlines())), path, add_layer)
    return path


@pytest.fixture(scope="module")
def matcher(layer_file: Path) -> TermMatcher:
    layer = layer_entries(read_layer(layer_file))
    return TermMatcher(load_glossary(), german_lexicon(), layer, lambda word: None)


def marks(matcher: TermMatcher, text: str) -> list[tuple[str, str, str]]:
    found = matcher.find_in_text(text)
    for match in found:
        assert text[match.start : match.end] == match.text
    return [(match.text, match.entry.term, match.entry.source) for match in found]


def glossed(matcher: TermMatcher, text: str) -> list[tuple[str, str]]:
    """The marked words of `text` with the headwords they are glossed with."""
    return [(found, term) for found, term, _ in marks(matcher, text)]


# The dictionary layer


def test_the_layer_takes_rare_tagged_nouns_and_political_adjectives(layer_file: Path) -> None:
    words = {word.term: word for word in read_layer(layer_file)}
    assert set(words) == {
        "Machtergreifung", "Vertragsstaat", "Rechtsbeugung", "Stimmbürger", "faschistisch",
    }  # fmt: skip
    assert words["Machtergreifung"].english == ("seizure of power",)
    assert words["Vertragsstaat"].plural == "Vertragsstaaten"
    assert words["Stimmbürger"].country == "CH"
    assert words["faschistisch"].pos == "adjective"


def test_a_dictionary_file_without_the_layer_gives_none(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    build(read_lines(iter(DING_LINES.splitlines())), path)
    assert read_layer(path) == []
    assert read_layer(tmp_path / "missing.sqlite") == []


def test_dictionary_words_are_marked_where_no_curated_entry_matches(matcher: TermMatcher) -> None:
    found = marks(matcher, "Die Vertragsstaaten warnten vor einer Rechtsbeugung.")
    assert found == [
        ("Vertragsstaaten", "Vertragsstaat", "dictionary"),
        ("Rechtsbeugung", "Rechtsbeugung", "dictionary"),
    ]


def test_a_curated_entry_wins_over_the_dictionary(matcher: TermMatcher) -> None:
    assert marks(matcher, "Der Bundestag tagte.") == [("Bundestag", "Bundestag", "glossary")]


def test_legal_words_of_the_dictionary_head_no_compounds(matcher: TermMatcher) -> None:
    """Only political dictionary words may head a compound glossed from its parts."""
    assert marks(matcher, "Eine Sportrechtsbeugung.") == []


# Compounds glossed from their parts


def test_a_compound_of_any_length_is_glossed_from_its_parts(matcher: TermMatcher) -> None:
    (match,) = matcher.find_in_text("Der Bundesverkehrsminister reiste ab.")
    assert (match.text, match.entry.source) == ("Bundesverkehrsminister", "compound")
    assert match.entry.parts[0].lemma == "Bund"
    assert match.entry.parts[0].english == "federal"
    assert match.entry.english[0].startswith("federal + ")


def test_compounds_split_at_the_best_boundary(matcher: TermMatcher) -> None:
    """Nationalrats|präsidentin, not National|ratspräsidentin (the European Council's)."""
    (match,) = matcher.find_in_text("Die Nationalratspräsidentin eröffnete.")
    assert "European" not in " ".join(match.entry.english) + match.entry.explanation


def test_a_compound_of_non_words_is_not_split(matcher: TermMatcher) -> None:
    assert marks(matcher, "Der Xqzrwminister kam.") == []


def test_the_head_entry_explains_only_when_the_head_is_that_entry(matcher: TermMatcher) -> None:
    (head,) = matcher.find_in_text("Es drohen Sekundärsanktionen.")
    sanction = load_glossary().get("Sanktion")
    assert sanction is not None and head.entry.explanation == sanction.explanation
    (first_part,) = matcher.find_in_text("Der Koalitionsstreit geht weiter.")
    coalition = load_glossary().get("Koalition")
    assert coalition is not None and first_part.entry.explanation != coalition.explanation
    assert first_part.entry.explanation.startswith("A compound of Koalition")


@pytest.mark.parametrize(
    "text", ["Die Flugzeuge landeten.", "Das Überwachen ist Sache der Polizei.", "Der Hofstaat."]
)
def test_everyday_compounds_are_not_glossed_from_legal_or_military_parts(
    matcher: TermMatcher, text: str
) -> None:
    assert all(source != "compound" for _, _, source in marks(matcher, text))


# Forms


@pytest.mark.parametrize(
    ("text", "marked", "term"),
    [
        ("Das Parlament hat den Vertrag ratifiziert.", "ratifiziert", "ratifizieren"),
        ("Der Kanzler wurde abgewählt.", "abgewählt", "abwählen"),
        ("Die Stadt wurde beschossen.", "beschossen", "beschießen"),
        ("Die Drohnen wurden abgefangen.", "abgefangen", "abfangen"),
        ("Sie regierten das Land.", "regierten", "regieren"),
        ("Das Regieren ist schwer.", "Regieren", "regieren"),
        ("Die Debatte wurde vertagt.", "vertagt", "vertagen"),
        ("Ein geopolitisch wichtiger Ort.", "geopolitisch", "geopolitisch"),
        ("Auf diplomatischem Weg.", "diplomatischem", "diplomatisch"),
        ("Nach den gesetzlichen Regeln.", "gesetzlichen", "gesetzlich"),
        ("Eine kommunistische Partei.", "kommunistische", "kommunistisch"),
        ("Die schwarz-rote Koalition.", "schwarz-rote", "Schwarz-Rot"),
        ("Die Agenda 2010 wirkt nach.", "Agenda 2010", "Agenda 2010"),
        ("Er stellte eine schriftliche Anfrage.", "schriftliche Anfrage", "schriftliche Anfrage"),
        ("Die Weltklimakonferenz COP26 begann.", "COP26", "Weltklimakonferenz"),
    ],
)
def test_other_forms_of_an_entry_are_found(
    matcher: TermMatcher, text: str, marked: str, term: str
) -> None:
    assert (marked, term) in glossed(matcher, text)


@pytest.mark.parametrize(
    ("text", "marked", "term"),
    [
        ("Die GRÜNEN und die LINKE streiten.", "GRÜNEN", "Grüne"),
        ("Die GRÜNEN und die LINKE streiten.", "LINKE", "Linke"),
        ("Die Pﬂegeversicherung steigt.", "Pﬂegeversicherung", "Pflegeversicherung"),
        ("Die Aussenpolitik der Schweiz.", "Aussenpolitik", "Außenpolitik"),
    ],
)
def test_capitals_ligatures_and_swiss_spelling_are_normalised(
    matcher: TermMatcher, text: str, marked: str, term: str
) -> None:
    assert (marked, term) in glossed(matcher, text)


# Sense, not just string


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Bund und Länder einigten sich im Bundesrat.", True),
        ("Das Land Hessen klagt vor dem Verfassungsgericht gegen den Bund.", True),
        ("Viele Länder Afrikas leiden unter den Sanktionen.", False),
        ("Er verließ das Land nach dem Putsch.", False),
    ],
)
def test_land_is_a_federal_state_only_in_federal_context(
    matcher: TermMatcher, text: str, marked: bool
) -> None:
    found = [term for _, term, _ in marks(matcher, text)]
    assert ("Land" in found) is marked


def test_land_in_an_article_about_state_politics(matcher: TermMatcher) -> None:
    paragraphs = ["Der Landtag in Wiesbaden tagte.", "Das Land muss die Kosten tragen."]
    second = matcher.find_in_paragraphs(paragraphs)[1]
    assert [match.entry.term for match in second] == ["Land"]


def test_citing_a_source_is_no_appeal(matcher: TermMatcher) -> None:
    assert marks(matcher, "Unter Berufung auf Diplomaten meldete sie das.")[0][1] != "Berufung"
    assert ("Berufung", "Berufung", "glossary") in marks(matcher, "Er legte Berufung ein.")


def test_coordination_is_no_vote(matcher: TermMatcher) -> None:
    assert "Abstimmung" not in [
        t for t, _, _ in marks(matcher, "Das geschah in Abstimmung mit Paris.")
    ]
    vote = marks(matcher, "Die Abstimmung im Parlament scheiterte.")
    assert ("Abstimmung", "Abstimmung", "glossary") in vote


def test_taking_sides_is_no_party(matcher: TermMatcher) -> None:
    assert "Partei" not in [t for _, t, _ in marks(matcher, "Er wollte nicht Partei ergreifen.")]


def test_households_are_no_budget(matcher: TermMatcher) -> None:
    assert marks(matcher, "Viele Haushalte zahlen mehr für Strom.") == []


def test_war_words_are_marked_only_in_articles_about_war(matcher: TermMatcher) -> None:
    budget = "Im Haushaltsstreit sind die Fronten verhärtet; die Opposition sammelt Munition."
    assert "Munition" not in [t for _, t, _ in marks(matcher, budget)]
    war = "Die Armee meldet Angriffe. Den Truppen fehlt Munition."
    assert "Munition" in [t for _, t, _ in marks(matcher, war)]


# What the user sees of the layers


def test_the_json_says_which_layer_a_term_came_from(tmp_path: Path) -> None:
    from reader.cli import main

    article = tmp_path / "artikel.txt"
    article.write_text("Der Bundesverkehrsminister und der Bundestag.", encoding="utf-8")
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["analyze", str(article), "--json"]) == 0
    sources = {term["term"]: term["source"] for term in json.loads(buffer.getvalue())["glossary"]}
    assert sources["Bundestag"] == "glossary"
    assert sources["Bundesverkehrsminister"] == "compound"


@pytest.mark.parametrize(
    ("text", "voted"),
    [
        ("Die Abgeordneten stimmten mit 322 zu 306 für einen Antrag.", True),
        ("Die Briten hatten für den Austritt gestimmt.", True),
        ("Die Zahlen der Regierung stimmen nicht.", False),
        ("Das stimmt, sagte der Kanzler.", False),
    ],
)
def test_stimmen_is_voting_only_for_or_against_something(
    matcher: TermMatcher, text: str, voted: bool
) -> None:
    assert ("stimmen" in [term for _, term, _ in marks(matcher, text)]) is voted


def test_verbs_used_as_nouns_and_adjectives_of_compounds(matcher: TermMatcher) -> None:
    assert glossed(
        matcher, "Die Regierenden und die Kunst des Regierens; verfassungsrechtlich."
    ) == [
        ("Regierenden", "regieren"),
        ("Regierens", "regieren"),
        ("verfassungsrechtlich", "Verfassungsrecht"),
    ]


@pytest.mark.parametrize(
    ("text", "vote"),
    [
        ("Die CDU erhielt 30 Prozent der Stimmen.", True),
        ("Der Koalition fehlte eine Stimme zur Mehrheit.", True),
        ("In Israel warnen prominente Stimmen vor der Regierung.", False),
    ],
)
def test_stimme_is_a_vote_only_in_a_sentence_about_votes(
    matcher: TermMatcher, text: str, vote: bool
) -> None:
    assert ("Stimme" in [term for _, term, _ in marks(matcher, text)]) is vote


def test_terror_as_a_metaphor_is_not_marked(matcher: TermMatcher) -> None:
    text = "Die Partei warnt vor dem Terror einer Minderheit in der Debatte."
    assert "Terror" not in [term for _, term, _ in marks(matcher, text)]


# Abbreviations the article defines


def test_an_abbreviation_the_article_defines_is_explained_where_it_is_used(
    matcher: TermMatcher,
) -> None:
    text = (
        "Die Allianz für die Albaner (AA) trat an. Später verlor die AA die Wahl, "
        "und die Vereinigte Mazedonische Organisation (VMO) gewann."
    )
    found = [(m.text, m.entry.source, m.entry.english[0]) for m in matcher.find_in_text(text)]
    assert ("AA", "article", "short for: Allianz für die Albaner") in found
    assert found.count(("AA", "article", "short for: Allianz für die Albaner")) == 2
    assert ("VMO", "article", "short for: Vereinigte Mazedonische Organisation") in found


def test_a_glossary_abbreviation_for_the_same_thing_keeps_its_explanation(
    matcher: TermMatcher,
) -> None:
    found = marks(matcher, "Die Europäische Union (EU) handelt. Die EU zögert.")
    assert [(text, source) for text, _, source in found if text == "EU"] == [
        ("EU", "glossary"),
        ("EU", "glossary"),
    ]


def test_mixed_case_and_undefined_brackets_are_no_definitions(matcher: TermMatcher) -> None:
    text = "Die Gesellschaft mit beschränkter Haftung (GmbH) zahlt (ZDF) nichts."
    assert [source for _, _, source in marks(matcher, text) if source == "article"] == []


def test_a_long_form_stays_in_its_clause(matcher: TermMatcher) -> None:
    """ "… der SDSM, Liberaldemokratische Partei (LDP) und Demokratische Erneuerung (DOM)": DOM's
    letters are not spelt across the comma and the other brackets, so it is left unexplained."""
    text = (
        "Die Koalition der SDSM, Liberaldemokratische Partei (LDP) und Demokratische "
        "Erneuerung (DOM) verlor die Wahl."
    )
    found = {m.text: m.entry.english[0] for m in matcher.find_in_text(text)}
    assert found["LDP"] == "short for: Liberaldemokratische Partei"
    assert "DOM" not in found


def test_an_everyday_first_part_before_a_word_of_policy(matcher: TermMatcher) -> None:
    found = marks(matcher, "Die Pflegefinanzierung ist ein Bewährungstest.")
    assert [(text, source) for text, _, source in found] == [("Pflegefinanzierung", "compound")]


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Wahlabend", ["Wahl", "abend"]),
        ("Wahltag", ["Wahl", "tag"]),
        ("Stimmenverlust", ["Stimmen", "verlust"]),
        ("Wahlbeobachtungsmission", ["Wahl", "beobachtungs", "mission"]),
    ],
)
def test_an_electoral_first_part_makes_any_noun_electoral(
    matcher: TermMatcher, word: str, parts: list[str]
) -> None:
    (match,) = matcher.find_in_text(f"Der {word} war lang.")
    assert match.entry.source == "compound"
    assert [part.text for part in match.entry.parts] == parts


@pytest.mark.parametrize("word", ["Wahlfach", "Wahlheimat", "Stimmengewirr"])
def test_everyday_compounds_of_wahl_and_stimmen_are_not_marked(
    matcher: TermMatcher, word: str
) -> None:
    assert marks(matcher, f"Das {word} war schön.") == []


def test_a_compound_keeps_the_whole_prefixed_noun_as_its_head(matcher: TermMatcher) -> None:
    """Krankenhaus + Einweisung is no Weisung (a directive); the word is not political."""
    assert marks(matcher, "Die Krankenhauseinweisung und die Dienstanweisung kamen.") == []


def test_a_capitalised_adjective_opening_a_sentence_is_no_compound(matcher: TermMatcher) -> None:
    assert marks(matcher, "Beispielhaft ist das Projekt.") == []


def test_widerstand_is_political_before_a_role_not_before_a_quality(matcher: TermMatcher) -> None:
    found = marks(matcher, "Die Widerstandskämpfer zeigten Widerstandsfähigkeit.")
    assert [text for text, _, _ in found] == ["Widerstandskämpfer"]


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Zwölf Parteien traten zur Wahl an.", ["Parteien", "traten", "Wahl", "an"]),
        ("Die Liste, die erstmals zur Wahl antrat, verlor.", ["Liste", "Wahl", "antrat"]),
        ("Sie will das Amt im Mai antreten.", ["Amt", "antreten"]),
        ("Die Mannschaft tritt am Samstag gegen Bayern an.", []),
        ("Er hat die Reise nach Rom angetreten.", []),
    ],
)
def test_antreten_is_standing_for_election_only_in_a_sentence_about_it(
    matcher: TermMatcher, text: str, marked: list[str]
) -> None:
    assert [found for found, _, _ in marks(matcher, text)] == marked


def test_a_noun_whose_plural_is_its_singular_in_e_declines_like_an_adjective(
    matcher: TermMatcher,
) -> None:
    assert glossed(matcher, "Ein Beamter sprach mit einem Beamten.") == [
        ("Beamter", "Beamte"),
        ("Beamten", "Beamte"),
    ]


@pytest.mark.parametrize(
    ("word", "term"),
    [
        ("Wähler:innen", "Wähler"),
        ("MinisterInnen", "Minister"),
        ("Abgeordnet_innen", "Abgeordnete"),
        ("Innenminister*innen", "Innenminister"),
        ("Bundesminister*innen", "Bundesministerin"),
    ],
)
def test_gender_inclusive_spellings_are_marked_whole(
    matcher: TermMatcher, word: str, term: str
) -> None:
    assert marks(matcher, f"Die {word} kamen.") == [
        (word, term, "compound" if term.startswith("Bundes") else "glossary")
    ]


def test_a_first_part_split_must_agree_with_the_lexicon(matcher: TermMatcher) -> None:
    """Politikerinnen is the plural of Politikerin, not Politik + Rinnen (grooves)."""
    assert marks(matcher, "Die Politikerinnen kamen.") == []


def test_a_movement_is_marked_but_motion_is_not(matcher: TermMatcher) -> None:
    found = marks(matcher, "Die Oppositionsbewegung wächst. Es kommt Bewegung in die Gespräche.")
    assert [text for text, _, _ in found] == ["Oppositionsbewegung"]


def test_a_plural_modifier_counts_as_its_noun() -> None:
    assert "Mitglied" in set(compounds.modifier_stems("Mitglieder"))


def test_dictionary_words_judged_everyday_are_left_out_of_the_layer() -> None:
    from reader.glossary.dictionary_layer import PoliticalWord

    words = [
        PoliticalWord("Narrativ", ("narrative",), ("pol.",), article="das"),
        PoliticalWord("Machtergreifung", ("seizure of power",), ("pol.",), article="die"),
    ]
    assert [entry.term for entry in layer_entries(words)] == ["Machtergreifung"]


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Der Ausstieg aus der Kohle kommt 2030.", ["Ausstieg"]),
        ("Beim Ausstieg aus dem Bus stürzte er.", []),
        ("Die Außenpolitik ist Politik.", ["Außenpolitik"]),
        ("Der Überfall auf die Bank dauerte Minuten.", []),
        ("Nach dem Überfall auf das Land rückte die Armee vor.", ["Überfall", "Armee"]),
    ],
)
def test_everyday_senses_of_ausstieg_politik_and_ueberfall(
    matcher: TermMatcher, text: str, marked: list[str]
) -> None:
    assert [found for found, _, _ in marks(matcher, text)] == marked


def test_bewegungen_of_bodies_are_no_movements(matcher: TermMatcher) -> None:
    text = (
        "Man wollte die Bewegungen aller Menschen kontrollieren. "
        "Die sozialen Bewegungen klagen vor dem Bundesverfassungsgericht."
    )
    found = [(match.start, match.entry.term) for match in matcher.find_in_text(text)]
    assert found == [
        (text.index("Bewegungen", 20), "Bewegung"),
        (text.index("Bundesverfassungsgericht"), "Bundesverfassungsgericht"),
    ]


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Sie nutzen Algorithmen ihrer Wahl, sagt die Regierung.", ["Regierung"]),
        ("Die Opposition hatte keine Wahl.", ["Opposition"]),
        ("Nach der Wahl regiert die Koalition.", ["Wahl", "regiert", "Koalition"]),
    ],
)
def test_wahl_as_a_choice_is_no_election(
    matcher: TermMatcher, text: str, marked: list[str]
) -> None:
    assert [found for found, _, _ in marks(matcher, text)] == marked


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Der Bundestag stimmt über das Gesetz ab.", ["Bundestag", "stimmt", "Gesetz", "ab"]),
        ("Die Regeln sind mit dem Bundestag abgestimmt.", ["Bundestag"]),
        ("Russland hat Diplomaten ausgewiesen.", ["Diplomaten", "ausgewiesen"]),
        ("Der Diplomat musste sich ausweisen.", ["Diplomat"]),
    ],
)
def test_voting_is_abstimmen_ueber_and_expelling_is_not_showing_an_id(
    matcher: TermMatcher, text: str, marked: list[str]
) -> None:
    assert [found for found, _, _ in marks(matcher, text)] == marked


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Forscher beobachten Prozesse im Gehirn, sagt die Regierung.", ["Regierung"]),
        ("Der Prozess gegen den Minister beginnt.", ["Prozess", "Minister"]),
        ("Die italienische Botschaft hilft der Regierung.", ["Botschaft", "Regierung"]),
        ("Seine Botschaft an die Regierung: Seid gut.", ["Regierung"]),
        ("Der Sitz ist bequem, sagt der Verkehrsminister.", ["Verkehrsminister"]),
        ("Die Partei verlor zwei Sitze.", ["Partei", "Sitze"]),
        ("Die Revision des Beklagten hatte Erfolg.", ["Revision", "Beklagten"]),
        ("Das Verfahren spart Strom, sagt die Regierung.", ["Regierung"]),
    ],
)
def test_trial_embassy_and_seat_need_a_cue_in_their_sentence(
    matcher: TermMatcher, text: str, marked: list[str]
) -> None:
    assert [found for found, _, _ in marks(matcher, text)] == marked


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        (
            "Das ist ein Angriff auf die Menschenwürde, sagt die Regierung.",
            ["Menschenwürde", "Regierung"],
        ),
        (
            "Er verlor die Herrschaft über seinen Wagen, sagt die Staatsanwaltschaft.",
            ["Staatsanwaltschaft"],
        ),
        ("In den Asylen lebten Kranke, schrieb der Minister.", ["Minister"]),
        ("Wir müssen verbal abrüsten, sagt die Regierung.", ["Regierung"]),
    ],
)
def test_attacks_on_ideas_control_of_a_car_and_asylums_are_no_terms(
    matcher: TermMatcher, text: str, marked: list[str]
) -> None:
    assert [found for found, _, _ in marks(matcher, text)] == marked


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Die Bürger wählen am Sonntag den Landtag.", ["wählen", "Landtag"]),
        ("Man kann diesen Weg wählen, meint der Kläger.", ["Kläger"]),
        ("Nur Personen im selben Haushalt, sagt die Ministerin.", ["Ministerin"]),
        (
            "Der Haushalt 2025 wurde im Bundestag beschlossen.",
            ["Haushalt", "Bundestag", "beschlossen"],
        ),
        ("Finanzielle Unabhängigkeit zählt, sagt die Ministerin.", ["Ministerin"]),
        ("Die Pflege der Eltern ist schwer, sagt die Ministerin.", ["Ministerin"]),
    ],
)
def test_everyday_choosing_households_independence_and_care(
    matcher: TermMatcher, text: str, marked: list[str]
) -> None:
    assert [found for found, _, _ in marks(matcher, text)] == marked


@pytest.mark.parametrize(
    ("text", "marked", "term"),
    [
        ("Die okkupierten Gebiete wurden geräumt.", "okkupierten", "Okkupation"),
        ("Junge Männer radikalisieren sich im Netz.", "radikalisieren", "Radikalisierung"),
        ("Die kolonial-imperialistischen Mächte.", "kolonial-imperialistischen", "imperialistisch"),
    ],
)
def test_verbs_of_political_nouns_and_hyphenated_adjectives(
    matcher: TermMatcher, text: str, marked: str, term: str
) -> None:
    assert glossed(matcher, text) == [(marked, term)]


def test_an_everyday_verb_in_ieren_is_not_glossed_from_its_noun(matcher: TermMatcher) -> None:
    assert marks(matcher, "Wir mobilisieren alle Kräfte und organisieren ein Fest.") == []


@pytest.mark.parametrize(
    ("word", "gloss"),
    [
        ("Bundesebene", "federal + level"),
        ("Landesebene", "state + level"),
        ("Regierungsebene", "government + level"),
    ],
)
def test_the_level_of_an_authority_is_political_and_a_level(
    matcher: TermMatcher, word: str, gloss: str
) -> None:
    (match,) = matcher.find_in_text(f"Das wird auf {word} entschieden.")
    assert match.entry.english[0] == gloss


def test_a_landing_plain_is_no_level_of_government(matcher: TermMatcher) -> None:
    assert matcher.find_in_text("Die Landebene war flach.") == []


COURT_PARAGRAPH = (
    "Das Gericht verurteilte den Angeklagten, der Richter sprach von Betrug. Die Klage der "
    "Staatsanwaltschaft hatte Erfolg, die Strafe ist hoch, die Haft beginnt bald."
)


@pytest.mark.parametrize(
    ("sentence", "trial"),
    [
        ("Der Prozess dauerte zwei Wochen.", True),
        ("Alle sollen am demokratischen Prozess teilnehmen.", False),
        ("Die politischen Prozesse sollen bürgernah sein.", False),
        ("Der Prozess der Ausarbeitung einer Verfassung beginnt.", False),
    ],
)
def test_in_an_article_about_courts_a_process_stays_a_process(
    matcher: TermMatcher, sentence: str, trial: bool
) -> None:
    paragraphs = [COURT_PARAGRAPH, sentence]
    found = matcher.find_in_paragraphs(paragraphs)[1]
    assert any(match.entry.term == "Prozess" for match in found) is trial


def test_a_multi_word_term_with_hyphens_opens_a_compound(matcher: TermMatcher) -> None:
    (match,) = matcher.find_in_text("Viele Hartz-IV-Betroffene klagen.")
    assert match.entry.term == "Hartz IV"


@pytest.mark.parametrize("word", ["Asylgründe", "Asylunterkunft"])
def test_asyl_is_a_political_first_part_though_short(matcher: TermMatcher, word: str) -> None:
    (match,) = matcher.find_in_text(f"Die {word} sind Thema.")
    assert match.entry.source == "compound"
    assert match.entry.parts[0].text == "Asyl"


def test_peace_alone_is_too_basic_to_mark(matcher: TermMatcher) -> None:
    text = "Frieden und friedliche Lösungen, sagt der Friedensnobelpreisträger."
    assert "Frieden" not in [found for found, _, _ in marks(matcher, text)]


def test_belonging_is_no_serfdom(matcher: TermMatcher) -> None:
    assert matcher.find_in_text("Die Zugehörigkeit zur Kirche ist privat.") == []


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("IV. Demokratische Teilhabe", ["Demokratische", "Teilhabe"]),
        ("Karl IV baute eine Brücke, sagt die Regierung.", ["Regierung"]),
        ("Die IV zahlt eine Rente.", ["IV", "Rente"]),
    ],
)
def test_a_roman_numeral_is_no_abbreviation(
    matcher: TermMatcher, text: str, marked: list[str]
) -> None:
    assert [found for found, _, _ in marks(matcher, text)] == marked


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Gesellschaft ist ein Prozess, sagt die Regierung.",
        "Der Prozess ist auf Wirtschaft ausgerichtet, sagt die Regierung.",
        "Ihr Flugzeug überzeugte im Prozess, sagt die Regierung.",
    ],
)
def test_words_that_only_look_like_court_words_make_no_trial(
    matcher: TermMatcher, sentence: str
) -> None:
    assert [found for found, _, _ in marks(matcher, sentence)] == ["Regierung"]


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Wir wollen im Parlament abzustimmen lernen.", ["Parlament", "abzustimmen"]),
        ("Die Bürger üben ihre Macht in Abstimmungen aus.", ["Abstimmungen"]),
        ("Das geschah in Abstimmung mit der Regierung.", ["Regierung"]),
        ("Das Recht zu wählen gilt, sagt die Regierung.", ["wählen", "Regierung"]),
        ("Sie dürfen die Farbe wählen. Das sagt die Regierung.", ["Regierung"]),
    ],
)
def test_voting_without_ueber_and_the_right_to_vote(
    matcher: TermMatcher, text: str, marked: list[str]
) -> None:
    assert [found for found, _, _ in marks(matcher, text)] == marked


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("europarechtswidrige", "contrary to European law"),
        ("sanktionsbewehrten", "backed by sanction"),
        ("koalitionsintern", "internal to coalition"),
    ],
)
def test_an_adjective_of_relation_to_a_political_noun(
    matcher: TermMatcher, word: str, english: str
) -> None:
    (match,) = matcher.find_in_text(f"Das ist {word}, sagt er.")
    assert (match.entry.source, match.entry.pos, match.entry.english[0]) == (
        "compound",
        "adjective",
        english,
    )


@pytest.mark.parametrize("word", ["zeitgemäß", "planmäßig", "kinderfeindlich", "sittenwidrig"])
def test_adjectives_of_relation_to_everyday_nouns_are_not_marked(
    matcher: TermMatcher, word: str
) -> None:
    assert matcher.find_in_text(f"Das ist {word}, sagt er.") == []


def test_a_first_part_that_drops_its_final_e(matcher: TermMatcher) -> None:
    (match,) = matcher.find_in_text("Die Legislativvorschläge kamen spät.")
    assert (match.entry.term, match.entry.source) == ("Legislativvorschlag", "compound")


@pytest.mark.parametrize("word", ["Genossenschaft", "Gesandtschaft"])
def test_schaft_is_a_suffix_not_a_shank(matcher: TermMatcher, word: str) -> None:
    for match in matcher.find_in_text(f"Die {word} tagt."):
        assert "shank" not in match.entry.english[0]


def test_an_abbreviation_with_a_space_is_found_as_a_phrase(matcher: TermMatcher) -> None:
    found = marks(matcher, "Wer ALG II bezieht, bekommt kein ALG I.")
    assert found == [
        ("ALG II", "Arbeitslosengeld II", "glossary"),
        ("ALG I", "Arbeitslosengeld", "glossary"),
    ]


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Linke Parteien und die rechte Szene wachsen.", ["Linke", "Parteien", "rechte"]),
        ("Eine grüne Ministerin ist politisch links.", ["grüne", "Ministerin", "links"]),
        ("Die Partei steht rechts der Mitte.", ["Partei", "rechts"]),
        ("Er hob die rechte Hand, sagt die Regierung.", ["Regierung"]),
        ("Auf der grünen Wiese links abbiegen, sagt die Regierung.", ["Regierung"]),
    ],
)
def test_left_right_and_green_only_as_sides_of_politics(
    matcher: TermMatcher, text: str, marked: list[str]
) -> None:
    assert [found for found, _, _ in marks(matcher, text)] == marked


@pytest.mark.parametrize("word", ["EU-Länder", "Mitgliedsländer", "Bürgerkriegsland"])
def test_a_land_heading_a_compound_is_a_country(matcher: TermMatcher, word: str) -> None:
    (match,) = matcher.find_in_text(f"Die {word} zahlen.")
    assert match.entry.english[0].endswith(" + country")
    assert "federal" not in match.entry.explanation


def test_neighbouring_countries_with_a_hyphen_are_no_term(matcher: TermMatcher) -> None:
    assert matcher.find_in_text("Die Nachbar-Länder zahlen.") == []


def test_a_compound_takes_the_article_of_its_last_part() -> None:
    articles = {"Ebene": "die", "Streit": "der"}
    matcher = TermMatcher(load_glossary(), german_lexicon(), (), None, articles.get)
    found = {
        match.text: match.entry.headword
        for match in matcher.find_in_text("Der Koalitionsstreit auf Landesebene, auf Bundesebene.")
    }
    assert found == {
        "Koalitionsstreit": "der Koalitionsstreit",
        "Landesebene": "die Landesebene",
        "Bundesebene": "die Bundesebene",
    }


def test_parts_take_their_sense_in_compounds_not_the_dictionarys_first() -> None:
    english = {"Ausgabe": "edition", "Erhöhung": "elevation"}
    matcher = TermMatcher(load_glossary(), german_lexicon(), (), english.get)
    glosses = {
        word: entry.english[0]
        for word in ("Haushaltsausgaben", "Mindestlohnerhöhung")
        if (entry := matcher.entry_for_word(word)) is not None
    }
    assert glosses == {
        "Haushaltsausgaben": "budget + spending",
        "Mindestlohnerhöhung": "minimum wage + increase",
    }


def test_a_duty_the_law_imposes_is_marked_in_compounds_only(matcher: TermMatcher) -> None:
    found = [match.text for match in matcher.find_in_text("Die Pflicht ruft: Beitragspflicht.")]
    assert found == ["Beitragspflicht"]


@pytest.mark.parametrize(
    ("word", "marked"),
    [
        ("Rechtslage", True),
        ("Rechtsschutz", True),
        ("Rechtsabbieger", False),
        ("Rechtschreibung", False),
        ("Recht", False),
    ],
)
def test_rechts_is_a_legal_first_part_only_before_words_of_law(
    matcher: TermMatcher, word: str, marked: bool
) -> None:
    assert bool(matcher.find_in_text(f"Die {word} ist klar, sagt er.")) is marked


@pytest.mark.parametrize(
    ("paragraphs", "marked"),
    [
        (["Die Piratenpartei tritt an.", "Die Piraten fordern Transparenz."], ["Piraten"]),
        (["Piraten kaperten ein Schiff, sagt die Regierung."], ["Regierung"]),
    ],
)
def test_pirates_by_what_the_article_is_about(
    matcher: TermMatcher, paragraphs: list[str], marked: list[str]
) -> None:
    found = matcher.find_in_paragraphs(paragraphs)[-1]
    assert [match.text for match in found if match.text in ("Piraten", "Regierung")] == (marked)


@pytest.mark.parametrize(
    "text",
    [
        "Der islamische Feiertag beginnt, sagt die Regierung.",
        "Er hat das Auto repariert, sagt die Regierung.",
        "Das Stimmenprofil des Sängers ist hoch, sagt die Regierung.",
    ],
)
def test_adjectives_verbs_and_compounds_that_only_look_political(
    matcher: TermMatcher, text: str
) -> None:
    assert [found for found, _, _ in marks(matcher, text)] == ["Regierung"]


def test_a_war_of_beliefs_makes_no_article_about_war(matcher: TermMatcher) -> None:
    text = (
        "Im Haushaltsstreit sind die Fronten verhärtet, der Glaubenskrieg geht weiter und die "
        "Munition der Opposition ist verschossen. Die Gesetzmäßigkeiten der Physik gelten."
    )
    assert [found for found, _, _ in marks(matcher, text)] == ["Haushaltsstreit", "Opposition"]


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Die Mehrheit der Abgeordneten stimmte zu, sagt die Regierung.", ["Mehrheit"]),
        ("Die Mehrheit der Beschäftigten ist müde, sagt die Regierung.", []),
        ("Prominente Stimmen warnen vor der Wahl, sagt die Regierung.", ["Wahl"]),
    ],
)
def test_majorities_of_people_and_voices(
    matcher: TermMatcher, text: str, marked: list[str]
) -> None:
    found = [found for found, _, _ in marks(matcher, text)]
    assert [word for word in found if word in ("Mehrheit", "Stimmen", "Wahl")] == marked


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Das Robert-Koch-Institut meldet Zahlen.", "Robert Koch-Institut"),
        ("Die Zahlen des Robert-Koch-Instituts steigen.", "Robert Koch-Institut"),
        ("Das BMAS prüft das.", "Arbeitsministerium"),
        ("Die Solo-Selbständigen bekommen Hilfe.", "Solo-Selbstständige"),
    ],
)
def test_names_abbreviations_and_spellings_either_way(
    matcher: TermMatcher, text: str, term: str
) -> None:
    assert [match.entry.term for match in matcher.find_in_text(text)] == [term]


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Totenzahl eines Landes steigt.",
        "Er verglich die Fälle in verschiedenen Ländern.",
        "In europäischen Ländern gilt das.",
    ],
)
def test_countries_in_an_article_about_the_federal_states(
    matcher: TermMatcher, sentence: str
) -> None:
    paragraphs = ["Der Landtag und die Landesregierung in Bayern beraten.", sentence]
    found = matcher.find_in_paragraphs(paragraphs)[1]
    assert [match.text for match in found if match.entry.term == "Land"] == []


def test_a_policy_adjective_of_any_compound(matcher: TermMatcher) -> None:
    (match,) = matcher.find_in_text("Die netzpolitischen Pläne sind neu.")
    assert (match.entry.term, match.entry.source) == ("Netzpolitik", "compound")


@pytest.mark.parametrize(("word", "marked"), [("Kulturförderung", True), ("Ölförderung", False)])
def test_public_funding_not_the_extraction_of_oil(
    matcher: TermMatcher, word: str, marked: bool
) -> None:
    assert bool(matcher.find_in_text(f"Die {word} steigt.")) is marked


@pytest.mark.parametrize(
    ("paragraphs", "marked"),
    [
        (["Die Ampel zerbrach.", "SPD, FDP und Grüne stritten."], ["Ampel"]),
        (["Die Ampel auf Lebensmitteln zeigt Zucker an."], []),
    ],
)
def test_the_ampel_is_a_coalition_only_among_parties(
    matcher: TermMatcher, paragraphs: list[str], marked: list[str]
) -> None:
    found = matcher.find_in_paragraphs(paragraphs)[0]
    assert [match.text for match in found] == marked


@pytest.mark.parametrize(
    ("word", "marked"),
    [("Teilzeitarbeit", False), ("Kernhaushalt", True), ("klimaverträgliche", False)],
)
def test_a_compound_split_as_its_words_group(matcher: TermMatcher, word: str, marked: bool) -> None:
    assert bool(matcher.find_in_text(f"Die {word} Lösung, sagt er.")) is marked


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Die EU verhängte neue Sanktionen.", ["verhängte"]),
        ("Der Himmel war mit Wolken verhängt.", []),
        ("Das Gericht hob das Urteil auf.", ["hob", "auf"]),
        ("Er hob den Stift vom Boden auf.", []),
        ("Der Antrag wurde mit 40 Stimmen angenommen.", ["angenommen"]),
        ("Man kann annehmen, dass es morgen regnet.", []),
        ("Das Stimmvolk verwarf die Initiative.", ["verwarf"]),
        ("Sie verwarf den Plan für den Urlaub.", []),
        ("Die Polizei soll Asylsuchende an der Grenze zurückweisen.", ["zurückweisen"]),
        ("Die Polizei wies Migranten an der Grenze zurück.", ["wies", "zurück"]),
        ("Israel hält die besetzten Gebiete.", ["besetzten Gebiete"]),
        ("Die Toilette war besetzt.", []),
        ("Der Präsident entließ den Minister.", ["entließ"]),
    ],
)
def test_verbs_with_an_everyday_sense_need_a_political_word_in_their_sentence(
    matcher: TermMatcher, text: str, marked: list[str]
) -> None:
    verbs = {"verhängen", "aufheben", "annehmen", "verwerfen", "zurückweisen", "besetzen"}
    verbs |= {"entlassen", "besetzte Gebiete"}
    assert [found for found, term, _ in marks(matcher, text) if term in verbs] == marked


def test_enthalten_is_abstaining_only_with_sich(matcher: TermMatcher) -> None:
    assert [found for found, _, _ in marks(matcher, "Die Linke enthielt sich.")] == [
        "Linke",
        "enthielt",
    ]
    assert marks(matcher, "Das Paket enthält neue Regeln.") == []


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Nach der Landtagswahl wurde Salzburg wieder schwarz.", ["schwarz"]),
        ("Eine rote Bürgermeisterin regiert.", ["rote"]),
        ("Die Firma schreibt schwarze Zahlen, sagt die Regierung.", []),
        ("Sie hat blaue Augen und wählt gern.", []),
        ("Der Himmel wurde schwarz, sagt die Ministerin.", []),
    ],
)
def test_colours_stand_for_parties_before_political_nouns_or_after_an_election(
    matcher: TermMatcher, text: str, marked: list[str]
) -> None:
    colours = {"schwarz", "rot", "blau", "türkis"}
    assert [found for found, term, _ in marks(matcher, text) if term in colours] == marked


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Nur Wien und Tirol blieben, alle anderen Länder bekamen neue Koalitionen.", True),
        ("Aus anderen Ländern kamen viele Touristen.", False),
        ("In vielen Ländern gilt das, auch in Bayern.", False),
    ],
)
def test_other_laender_are_states_only_beside_a_state(
    matcher: TermMatcher, text: str, marked: bool
) -> None:
    assert any(term == "Land" for _, term, _ in marks(matcher, text)) is marked


def test_an_attack_alone_is_an_everyday_word_its_compounds_are_marked(
    matcher: TermMatcher,
) -> None:
    found = [found for found, _, _ in marks(matcher, "Nach dem Angriff folgte ein Luftangriff.")]
    assert found == ["Luftangriff"]


@pytest.mark.parametrize("word", ["Landesparteichef", "Bundesparteichef"])
def test_a_first_part_before_a_political_compound_is_part_of_it(
    matcher: TermMatcher, word: str
) -> None:
    (match,) = matcher.find_in_text(f"Der {word} sprach.")
    assert match.text == word
    assert " + party + " in match.entry.english[0]


def test_landschaft_is_no_state_before_a_compound(matcher: TermMatcher) -> None:
    assert matcher.find_in_text("Die Landschaftspflege kostet.") == []


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Der Bundestag verabschiedete das Klimaschutzgesetz.", ["verabschiedete"]),
        ("Dann werden die Bundesräte vom Präsidenten verabschiedet.", []),
    ],
)
def test_verabschieden_passes_laws_and_bids_people_farewell(
    matcher: TermMatcher, text: str, marked: list[str]
) -> None:
    found = [found for found, term, _ in marks(matcher, text) if term == "verabschieden"]
    assert found == marked


def test_a_private_household_is_no_budget(matcher: TermMatcher) -> None:
    found = [found for found, _, _ in marks(matcher, "Der Privathaushalt spart, der Bund nicht.")]
    assert "Privathaushalt" not in found


def test_the_blues_are_a_party_the_blue_of_the_sky_is_not(matcher: TermMatcher) -> None:
    text = "Die Blauen versprechen das Blaue vom Himmel."
    assert [found for found, _, _ in marks(matcher, text)] == ["Blauen"]


def test_an_adjective_used_as_a_noun_is_glossed_as_the_adjective(matcher: TermMatcher) -> None:
    assert glossed(matcher, "Die Rechtsextremen und ein Rechtsextremer marschierten.") == [
        ("Rechtsextremen", "rechtsextrem"),
        ("Rechtsextremer", "rechtsextrem"),
    ]


@pytest.mark.parametrize(
    ("text", "marked", "term"),
    [
        ("Die Wahl wurde angefochten.", "angefochten", "anfechten"),
        ("Die eingefrorenen Gelder der Zentralbank.", "eingefrorenen", "einfrieren"),
    ],
)
def test_participles_of_verbs_built_on_strong_verbs(
    matcher: TermMatcher, text: str, marked: str, term: str
) -> None:
    assert (marked, term) in glossed(matcher, text)


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Die Mitte gewinnt zwei Sitze, die SVP legt zu.", True),
        ("In der Mitte des Raumes stand ein Tisch, sagt die Partei.", False),
        ("Die Mitte der Gesellschaft wählt die SVP.", False),
    ],
)
def test_mitte_is_the_swiss_party_beside_parties_and_seats(
    matcher: TermMatcher, text: str, party: bool
) -> None:
    assert any(term == "Mitte" for _, term, _ in marks(matcher, text)) is party


@pytest.mark.parametrize(
    ("paragraphs", "marked"),
    [
        (["Das Stimmvolk hat entschieden.", "Die Initiative wurde abgelehnt."], True),
        (["Der Bundestag tagt.", "Die Initiative wurde abgelehnt."], False),
        (["Das Stimmvolk hat entschieden.", "Er kam auf eigene Initiative."], False),
    ],
)
def test_an_initiative_is_a_popular_one_in_an_article_about_popular_votes(
    matcher: TermMatcher, paragraphs: list[str], marked: bool
) -> None:
    found = matcher.find_in_paragraphs(paragraphs)[-1]
    assert any(match.entry.term == "Initiative" for match in found) is marked


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Die Staatsanwaltschaft ermittelt gegen den Minister.", True),
        ("Wir ermitteln heute den Sieger des Quiz.", False),
    ],
)
def test_ermitteln_is_investigating_beside_prosecutors(
    matcher: TermMatcher, text: str, marked: bool
) -> None:
    assert any(term == "ermitteln" for _, term, _ in marks(matcher, text)) is marked


def test_adjectives_of_places_leave_the_dictionary_layer_those_of_ideologies_stay() -> None:
    words = [
        PoliticalWord("steirisch", ("Styrian",), ("pol.",), pos="adjective"),
        PoliticalWord("islamistisch", ("Islamist",), ("pol.",), pos="adjective"),
        PoliticalWord("föderalistisch", ("federalist",), ("pol.",), pos="adjective"),
    ]
    assert [entry.term for entry in layer_entries(words)] == ["islamistisch", "föderalistisch"]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Die erste rot-grün-rote Regierung.", "Rot-Rot-Grün"),
        ("Rot-Grün-Rot regiert in Bremen.", "Rot-Rot-Grün"),
        ("Die FPÖ will mitregieren.", "mitregieren"),
        ("Die SPD regiert weiter, die CDU will weiterregieren.", "regieren"),
        ("Die Stimmberechtigten haben die Vorlage gutgeheissen.", "gutheißen"),
    ],
)
def test_coalitions_in_any_order_verbs_after_particles_and_swiss_spellings(
    matcher: TermMatcher, text: str, term: str
) -> None:
    assert term in [entry for _, entry, _ in marks(matcher, text)]


# (text, word, whether it is marked): words whose political sense shows only in context.
WORDS_IN_CONTEXT = [
    # Bills, complaints, neutrality, war metaphors
    ("Der Bundesrat legt dem Parlament die Vorlage vor.", "Vorlage", True),
    ("Das Bild dient dem Maler als Vorlage.", "Vorlage", False),
    ("Der Minister erstattete Anzeige gegen den Journalisten.", "Anzeige", True),
    ("Die Anzeige in der Zeitung war teuer.", "Anzeige", False),
    ("Die Zeitungsanzeigen der Partei kosten viel.", "Zeitungsanzeigen", False),
    ("Österreich ist neutral und tritt keinem Bündnis bei.", "neutral", True),
    ("Der Text ist neutral formuliert, auch zur Netzneutralität.", "neutral", False),
    ("Die Parteien haben das Kriegsbeil begraben.", "Kriegsbeil", False),
    # Votes and elections
    ("Der Nationalrat lehnte den Antrag ab.", "lehnte", True),
    ("Wir lehnen eine Maut für Pkw ab.", "lehnen", False),
    ("Der Landtag beschloss seine Auflösung.", "Auflösung", True),
    ("Die Auflösung des Bildschirms ist hoch.", "Auflösung", False),
    ("Die Partei tritt mit einer eigenen Liste an.", "Liste", True),
    ("Die Liste der Zutaten ist lang.", "Liste", False),
    ("Die Lega hält zwei Sitze.", "Sitze", True),
    ("Das Auto hat bequeme Sitze.", "Sitze", False),
    ("Bei der Wahl verloren die Roten deutlich.", "Roten", True),
    ("Das Rote Kreuz half nach der Wahl.", "Rote", False),
    ("Der Antrag wurde mehrheitlich angenommen.", "mehrheitlich", True),
    ("Die Region ist mehrheitlich albanisch bewohnt.", "mehrheitlich", False),
    # Missions of armed forces, care for asylum seekers
    ("Der Einsatz der Bundeswehr in Mali endet.", "Einsatz", True),
    ("Sein Einsatz für die Sache war groß.", "Einsatz", False),
    ("Die Einsatzzeiten der Pflegekräfte sind lang.", "Einsatzzeiten", False),
    ("Die Mission der UN endet.", "Mission", True),
    ("Seine Mission ist erfüllt.", "Mission", False),
    ("Die Grundversorgung für Asylwerber kostet viel.", "Grundversorgung", True),
    ("Die Grundversorgung mit Strom ist sicher.", "Grundversorgung", False),
    # Spokespeople for a field, terms with digits, authorities
    ("Der Finanzsprecher der Grünen kritisierte das Budget.", "Finanzsprecher", True),
    ("Der Stadionsprecher rief die Tore aus.", "Stadionsprecher", False),
    ("Der Sprecher des Vereins schwieg.", "Sprecher", False),
    ("Der 12-Stunden-Tag kam gegen den Protest der Gewerkschaft.", "12-Stunden-Tag", True),
    ("Der Zwölf-Stunden-Tag kam gegen den Protest.", "Zwölf-Stunden-Tag", True),
    ("Der Bescheid des Finanzamts kam.", "Bescheid", True),
    ("Ich weiß Bescheid.", "Bescheid", False),
    ("Der neue Landtag konstituierte sich am Montag.", "konstituierte", True),
    # Styria, cautious sums, the countryside
    ("Die Grünen verloren in der Grünen Mark.", "Grünen", True),
    ("Sie wanderten durch die Grüne Mark.", "Grüne", False),
    ("Das Budget ist konservativ gerechnet.", "konservativ", False),
    ("Viele Familien leben auf dem Land, sagt der Landtag.", "Land", False),
    # Nouns of verbs, parliamentary clubs, Austrian procedure
    ("Die Inhaftierung der Journalisten empörte die Regierung.", "Inhaftierung", True),
    ("Der Klubchef der ÖVP sprach im Plenum.", "Klubchef", True),
    ("Das Klubhaus des Vereins brannte.", "Klubhaus", False),
    ("Der Antrag wurde an den Ausschuss zurückverwiesen.", "zurückverwiesen", True),
    ("Die SPÖ wurde zweitstärkste Kraft.", "zweitstärkste Kraft", True),
    ("Das Gesetz wurde im Bundesgesetzblatt kundgemacht.", "kundgemacht", True),
    # Withdrawals of troops, names in both spellings
    ("Der Abzug der Truppen aus Mali beginnt.", "Abzug", True),
    ("Der Abzug des Fotos ist scharf.", "Abzug", False),
    ("Die NPD scheiterte in Karlsruhe.", "NPD", True),
    ("Er bekam die Rot-Weiß-Rot-Card.", "Rot-Weiß-Rot-Card", True),
    # Diplomacy, courts, households
    ("Die Christsozialen stimmten dagegen.", "Christsozialen", True),
    ("Die Türkei rief ihren Botschafter aus Berlin zurück.", "rief", True),
    ("Die Mutter rief ihr Kind zurück.", "rief", False),
    ("Das Gericht wies die Klage ab.", "wies", True),
    ("Der Türsteher wies die Gäste ab.", "wies", False),
    ("Die Gaspreisbremse bringt 200 Euro pro Haushalt.", "Haushalt", False),
    # Majorities of judges, votes of parties, seats of authorities, critics' fire
    ("Es gilt, was die Mehrheit der übrigen 13 Richter entscheidet.", "Mehrheit", True),
    ("Die Mehrheit der neuen Beschäftigten ist jung.", "Mehrheit", False),
    ("Der Beschluss fiel mit den Stimmen von SPÖ und Grünen.", "Stimmen", True),
    ("Die Behörde mit Sitz in Wien ermittelt.", "Sitz", False),
    ("Warum ist die Behörde unter Beschuss?", "Beschuss", False),
    ("Die Stadt liegt unter Beschuss der Armee.", "Beschuss", True),
    ("Sie war die erste rote Justizministerin.", "rote", True),
    # Courts striking down laws, their rulings, deficits, suspensions
    ("Das Verfassungsgericht kippte das Gesetz.", "kippte", True),
    ("Die Stimmung im Saal kippte.", "kippte", False),
    ("Im Erkenntnis des VfGH heißt es, die Regel sei aufgehoben.", "Erkenntnis", True),
    ("Die Erkenntnis, dass der Richter irrte, kam spät.", "Erkenntnis", False),
    ("Nach Erkenntnissen der Ermittler floh er.", "Erkenntnissen", False),
    ("Der Erkenntnisgewinn der Studie ist gering.", "Erkenntnisgewinn", False),
    ("Die Aufhebung des Rauchverbots durch den VfGH.", "Aufhebung", True),
    ("Die Aufhebung der Schranke dauerte.", "Aufhebung", False),
    ("Das Defizit liegt bei drei Prozent.", "Defizit", True),
    ("Das Defizit an Vertrauen ist groß.", "Defizit", False),
    ("Die Studie zeigt Defizite in der Bildung.", "Defizite", False),
    ("Die Wehrpflicht wurde 2011 ausgesetzt.", "ausgesetzt", True),
    ("Er war einer großen Gefahr ausgesetzt.", "ausgesetzt", False),
    ("Sie sehen sich regelmäßig Einschränkungen ausgesetzt.", "ausgesetzt", False),
    ("Der Zeuge sagte vor Gericht aus.", "Zeuge", True),
    ("Die Mauer ist ein stummer Zeuge der Geschichte.", "Zeuge", False),
    ("Die Schwerlastfahrzeugen stauen sich.", "Schwerlastfahrzeugen", False),
    ("Das war ein Selbstbetrug.", "Selbstbetrug", False),
    ("Die Repräsentanten der Republik sind nervös.", "Republik", True),
    ("Die Tschechische Republik und die Republik Polen.", "Republik", False),
    ("ÖVP und SPÖ sondieren weiter.", "sondieren", True),
    ("Mit Bitterkeit in der Stimme sagte sie ab.", "Stimme", False),
    ("Grünes Licht gab es für das Gesetz.", "Grünes", False),
    ("Sie war als grüne Klimaschutzministerin im Amt.", "grüne", True),
    ("Die Soldaten besetzten das Gebiet.", "besetzten", True),
    ("Die Partei will die Posten neu besetzen.", "besetzen", False),
    ("Die Aluminiumzölle steigen.", "Aluminiumzölle", True),
    ("Der Bildschirm misst 15 Zoll.", "Zoll", False),
    ("Das Gesetz ist seit Januar in Kraft.", "in Kraft", True),
    ("Vor der Wahl hat sie eine Koalition ausgeschlossen.", "Wahl", True),
    ("Sie standen vor der Wahl zwischen zwei Übeln.", "Wahl", False),
    ("Rechnerisch würden Türkis und Rot gemeinsam regieren.", "Rot", True),
    ("Rot und Grün sind Farben im Bild.", "Rot", False),
    ("Die Koalition hängt an der pinken Partei.", "pinken", True),
    ("Die Länder sind mehrheitlich schwarz dominiert.", "schwarz", True),
    ("Der Verteidiger des Angeklagten plädierte auf Freispruch.", "Verteidiger", True),
    ("Der Verteidiger des FC Bayern traf zum 2:0.", "Verteidiger", False),
    ("Die Pensionsanpassung wird ausgesetzt.", "ausgesetzt", True),
    ("Das bewegungslinke Lager der Partei verlor die Wahl.", "Lager", True),
    ("Die Partei hat die Ware auf Lager.", "Lager", False),
    ("Vor allem der blauen und grünen Opposition gefällt das nicht.", "blauen", True),
    ("Sie trägt ein rotes und blaues Kleid.", "rotes", False),
    ("Die Etatpläne der Regierung liegen vor.", "Etatpläne", True),
    ("Die Schengenländer kontrollieren wieder.", "Schengenländer", True),
    ("Die Freundeskreise im ORF-Stiftungsrat wählen den Generaldirektor.", "Freundeskreise", True),
    ("Er traf seinen Freundeskreis im Café.", "Freundeskreis", False),
    ("Der SPD-Bewerber gewann die Wahl mit 52 Prozent.", "SPD-Bewerber", True),
    ("Der Bewerber schickte seine Unterlagen.", "Bewerber", False),
    ("Die öffentlich-rechtlichen Sender berichten.", "öffentlich-rechtlichen", True),
    ("Abg. Huber und LAbg. Maier stimmten dagegen.", "LAbg", True),
    # Acquittals, abbreviations of Austrian offices
    ("Die freigesprochenen Polizisten jubelten.", "freigesprochenen", True),
    ("LHStvin Ingrid Felipe und LRin Beate Palfrader kamen.", "LHStvin", True),
    ("LHStvin Ingrid Felipe und LRin Beate Palfrader kamen.", "LRin", True),
]


@pytest.mark.parametrize(("text", "word", "marked"), WORDS_IN_CONTEXT)
def test_words_are_marked_only_in_their_political_context(
    matcher: TermMatcher, text: str, word: str, marked: bool
) -> None:
    assert (word in [found for found, _, _ in marks(matcher, text)]) is marked


def test_a_phrase_with_its_verb_wins_over_the_phrase_alone(matcher: TermMatcher) -> None:
    found = marks(matcher, "Das Gesetz tritt am 1. Mai in Kraft.")
    assert ("in Kraft", "in Kraft treten", "glossary") in found


@pytest.mark.parametrize(
    ("text", "name", "party"),
    [
        ("Seitens der SP hieß es, die ÖVP irre.", "SP", "Sozialdemokratische Partei Österreichs"),
        ("Die SP und die SVP im Ständerat.", "SP", "Sozialdemokratische Partei der Schweiz"),
        ("Die FDP und die SVP im Ständerat.", "FDP", "FDP.Die Liberalen"),
        ("Die FDP und die SPD im Bundestag.", "FDP", "Freie Demokratische Partei"),
        ("Die Lega und die SVP im Ständerat.", "Lega", "Lega dei Ticinesi"),
        ("Die Lega regiert in Rom.", "Lega", "Lega"),
    ],
)
def test_a_party_name_is_the_party_of_the_articles_country(
    matcher: TermMatcher, text: str, name: str, party: str
) -> None:
    assert (name, party, "glossary") in marks(matcher, text)


@pytest.mark.parametrize(
    ("paragraphs", "marked"),
    [
        (["Die Koalition aus CDU, FDP und Grünen.", "Jamaika ist gescheitert."], True),
        (["Der Urlaub war schön.", "Jamaika ist eine Insel."], False),
    ],
)
def test_jamaika_is_a_coalition_only_among_parties(
    matcher: TermMatcher, paragraphs: list[str], marked: bool
) -> None:
    found = matcher.find_in_paragraphs(paragraphs)[-1]
    assert any(match.text == "Jamaika" for match in found) is marked


def test_a_field_spokesperson_is_glossed_part_by_part(matcher: TermMatcher) -> None:
    (match,) = matcher.find_in_text("Der Wehrsprecher sprach.")
    assert match.entry.english[0] == "defence + spokesperson"
