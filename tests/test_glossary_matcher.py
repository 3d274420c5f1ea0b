"""Matching rules, one by one, on a small glossary written for these tests.

The tests use the real simplemma lexicon but their own entries, so they describe the matcher's
rules independently of how the shipped data grows.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.document import Document, Source
from reader.glossary import TermMatcher, find_terms, load_glossary
from reader.language.lexicon import german_lexicon

ENTRIES = {
    "economy_budget_tax": """
[[entry]]
term = "Zoll"
article = "der"
plural = "Zölle"
english = ["customs duty", "tariff"]
explanation = "A tax on imported goods."

[[entry]]
term = "Sanktion"
article = "die"
plural = "Sanktionen"
english = ["sanction"]
explanation = "A penalty imposed on a state."

[[entry]]
term = "Haushalt"
article = "der"
plural = "Haushalte"
english = ["budget"]
explanation = "The state's plan of income and spending."

[[entry]]
term = "Bank"
article = "die"
plural = "Banken"
english = ["bank"]
explanation = "A financial institution."
""",
    "parliament_government": """
[[entry]]
term = "Ausschuss"
article = "der"
plural = "Ausschüsse"
english = ["committee"]
explanation = "A group of members of parliament working on one subject."

[[entry]]
term = "Rat"
article = "der"
plural = "Räte"
english = ["council"]
explanation = "An advisory or deciding body."

[[entry]]
term = "Abgeordnete"
article = "der/die"
plural = "Abgeordneten"
english = ["member of parliament"]
explanation = "An elected member of a parliament."

[[entry]]
term = "Minister"
article = "der"
plural = "Minister"
feminine = "Ministerin"
english = ["minister"]
explanation = "Head of a ministry."

[[entry]]
term = "Präsident"
article = "der"
plural = "Präsidenten"
feminine = "Präsidentin"
english = ["president"]
explanation = "Head of state or of an institution."

[[entry]]
term = "in Kraft treten"
pos = "phrase"
english = ["to come into force"]
explanation = "When a law starts to apply."

[[entry]]
term = "zweite Lesung"
article = "die"
english = ["second reading"]
explanation = "The main debate on a bill in the Bundestag."

[[entry]]
term = "Stimme"
article = "die"
plural = "Stimmen"
english = ["vote"]
explanation = "A vote cast in an election or ballot."

[[entry]]
term = "einbestellen"
pos = "verb"
english = ["to summon"]
explanation = "To call an ambassador in to protest."

[[entry]]
term = "tagen"
pos = "verb"
english = ["to sit", "to be in session"]
explanation = "Of a parliament or a committee: to hold a meeting."

[[entry]]
term = "verabschieden"
pos = "verb"
english = ["to pass (a law)"]
explanation = "To adopt a bill in the final vote."

[[entry]]
term = "Prozess"
article = "der"
plural = "Prozesse"
english = ["trial"]
explanation = "A court case."

[[entry]]
term = "Antrag"
article = "der"
plural = "Anträge"
english = ["motion"]
explanation = "A formal proposal put to a vote."

[[entry]]
term = "Gemeinde"
article = "die"
plural = "Gemeinden"
english = ["municipality"]
explanation = "The smallest unit of local government."

[[entry]]
term = "abstimmen"
pos = "verb"
english = ["to vote"]
explanation = "To decide by vote."
""",
    "elections_parties": """
[[entry]]
term = "absolute Mehrheit"
article = "die"
english = ["absolute majority"]
explanation = "More than half of the votes."

[[entry]]
term = "Koalition"
article = "die"
plural = "Koalitionen"
english = ["coalition"]
explanation = "An alliance of parties forming a government."

[[entry]]
term = "Große Koalition"
article = "die"
english = ["grand coalition"]
explanation = "A coalition of the two biggest parties."
abbreviations = ["GroKo"]

[[entry]]
term = "Grüne"
article = "die"
english = ["the Greens"]
explanation = "The green party."

[[entry]]
term = "Stabilitäts- und Wachstumspakt"
article = "der"
english = ["Stability and Growth Pact"]
explanation = "The EU's rules on deficits and debt."

[[entry]]
term = "Alternative für Deutschland"
article = "die"
english = ["Alternative for Germany"]
explanation = "A far-right party."
abbreviations = ["AfD"]

[[entry]]
term = "Union"
article = "die"
english = ["the Union (CDU and CSU)"]
explanation = "The alliance of CDU and CSU."
abbreviations = ["CDU/CSU"]

[[entry]]
term = "Sozialdemokratische Partei Deutschlands"
article = "die"
english = ["Social Democratic Party"]
explanation = "A centre-left party."
abbreviations = ["SPD"]
""",
    "law_courts": """
[[entry]]
term = "Bundesverfassungsgericht"
article = "das"
english = ["Federal Constitutional Court"]
explanation = "Germany's highest court for constitutional questions."
abbreviations = ["BVerfG"]
""",
    "eu_international": """
[[entry]]
term = "Europäische Kommission"
article = "die"
english = ["European Commission"]
explanation = "The EU's executive."

[[entry]]
term = "Europäische Union"
article = "die"
english = ["European Union"]
explanation = "The union of 27 states."
abbreviations = ["EU"]

[[entry]]
term = "Vereinte Nationen"
article = "die"
english = ["United Nations"]
explanation = "The world organisation of states."
abbreviations = ["UN", "Uno"]

[[entry]]
term = "Nato"
article = "die"
english = ["Nato"]
explanation = "The North Atlantic alliance."
abbreviations = ["NATO"]

[[entry]]
term = "Weißes Haus"
article = "das"
english = ["White House"]
explanation = "The US president's office."

[[entry]]
term = "Gipfel"
article = "der"
plural = "Gipfel"
english = ["summit"]
explanation = "A meeting of heads of government."

[[entry]]
term = "Staat"
article = "der"
plural = "Staaten"
english = ["state"]
explanation = "A country with its own government."
""",
    "diplomacy_war_peace": """
[[entry]]
term = "Krieg"
article = "der"
plural = "Kriege"
english = ["war"]
explanation = "Armed conflict."

[[entry]]
term = "Fünfprozenthürde"
article = "die"
english = ["five-percent threshold"]
explanation = "The share of votes a party needs for seats."
""",
}


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> TermMatcher:
    folder = tmp_path_factory.mktemp("glossary")
    for slug, text in ENTRIES.items():
        (folder / f"{slug}.toml").write_text(text, encoding="utf-8")
    return TermMatcher(load_glossary(folder), german_lexicon())


def marks(matcher: TermMatcher, text: str) -> list[tuple[str, str]]:
    """(marked text, headword) pairs, checking every offset on the way."""
    found = matcher.find_in_text(text)
    for match in found:
        assert text[match.start : match.end] == match.text
    return [(match.text, match.entry.term) for match in found]


def compound_marks(matcher: TermMatcher, text: str) -> list[tuple[str, str]]:
    """(marked text, the entry it is explained by) pairs: a compound's head or first part."""
    found = matcher.find_in_text(text)
    return [
        (
            match.text,
            match.entry.related[0] if match.entry.source == "compound" else match.entry.term,
        )
        for match in found
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Sanktionen wirken.", ("Sanktionen", "Sanktion")),
        ("Die Höhe der Zölle steigt, sagt der Ausschuss.", ("Zölle", "Zoll")),
        ("Die Regeln des Ausschusses gelten.", ("Ausschusses", "Ausschuss")),
        ("Er sprach mit den Staaten Asiens.", ("Staaten", "Staat")),
        ("Zwei Abgeordnete stimmten dagegen.", ("Abgeordnete", "Abgeordnete")),
        ("Er sprach mit einem Abgeordneten.", ("Abgeordneten", "Abgeordnete")),
        ("Die Ministerinnen trafen sich.", ("Ministerinnen", "Minister")),
        ("Die Ministerin reiste ab.", ("Ministerin", "Minister")),
        ("Der Präsidentin wurde gedankt.", ("Präsidentin", "Präsident")),
        ("Er sprach mit dem Präsidenten.", ("Präsidenten", "Präsident")),
        ("Der Rat der Räte tagte.", ("Räte", "Rat")),
    ],
)
def test_inflected_forms_are_found(
    matcher: TermMatcher, text: str, expected: tuple[str, str]
) -> None:
    assert expected in marks(matcher, text)


@pytest.mark.parametrize(
    ("word", "head"),
    [
        ("Sekundärsanktionen", "Sanktion"),
        ("Gegenzölle", "Zoll"),
        ("Strafzölle", "Zoll"),
        ("Haushaltsausschuss", "Ausschuss"),
        ("Bundestagsabgeordnete", "Abgeordnete"),
        ("Außenministerin", "Minister"),
        ("Sicherheitsrat", "Rat"),
        ("Mitgliedstaaten", "Staat"),
        ("Nachbarstaaten", "Staat"),
        ("Zentralbank", "Bank"),
    ],
)
def test_compounds_are_explained_by_their_head(matcher: TermMatcher, word: str, head: str) -> None:
    assert compound_marks(matcher, f"Es geht um {word} und mehr.") == [(word, head)]


@pytest.mark.parametrize(
    ("word", "first_part"),
    [("Koalitionsstreit", "Koalition"), ("Haushaltsloch", "Haushalt")],
)
def test_compound_with_political_first_part(
    matcher: TermMatcher, word: str, first_part: str
) -> None:
    assert compound_marks(matcher, f"Der {word} geht weiter.") == [(word, first_part)]


@pytest.mark.parametrize(
    ("word", "term"),
    [
        ("US-Präsident", "Präsident"),
        ("Nato-Gipfel", "Gipfel"),
        ("Ukraine-Krieg", "Krieg"),
        ("Ukraine-Kriegs", "Krieg"),
        ("EU-Sanktionen", "Sanktion"),
        ("US-Strafzölle", "Zoll"),
        ("EU-weit", "Europäische Union"),
        ("SPD-Chef", "Sozialdemokratische Partei Deutschlands"),
        ("Fünf-Prozent-Hürde", "Fünfprozenthürde"),  # a headword's spelling with hyphens
    ],
)
def test_hyphenated_words_are_marked_whole(matcher: TermMatcher, word: str, term: str) -> None:
    assert compound_marks(matcher, f"Es ging um {word} am Montag.") == [(word, term)]


@pytest.mark.parametrize(
    ("text", "marked", "term"),
    [
        ("Er sitzt im Weißen Haus.", "Weißen Haus", "Weißes Haus"),
        ("Das Weiße Haus schweigt.", "Weiße Haus", "Weißes Haus"),
        ("Ein Sprecher des Weißen Hauses sagte das.", "Weißen Hauses", "Weißes Haus"),
        (
            "Ein Vorschlag der Europäischen Kommission liegt vor.",
            "Europäischen Kommission",
            "Europäische Kommission",
        ),
        ("Sie verfehlte die absolute Mehrheit.", "absolute Mehrheit", "absolute Mehrheit"),
        ("Mit absoluter Mehrheit gewählt.", "absoluter Mehrheit", "absolute Mehrheit"),
        ("Das Gesetz soll im Mai in Kraft treten.", "in Kraft treten", "in Kraft treten"),
        ("Das Gesetz trat in Kraft.", "trat in Kraft", "in Kraft treten"),
        ("Es ist gestern in Kraft getreten.", "in Kraft getreten", "in Kraft treten"),
        ("Es tritt am 1. Mai in Kraft.", "in Kraft", "in Kraft treten"),
        ("Nach der zweiten Lesung folgt die dritte.", "zweiten Lesung", "zweite Lesung"),
    ],
)
def test_multi_word_terms(matcher: TermMatcher, text: str, marked: str, term: str) -> None:
    assert (marked, term) in marks(matcher, text)


def test_phrase_with_verb_needs_the_verb(matcher: TermMatcher) -> None:
    assert marks(matcher, "Ihm fehlt die Kraft. In Kraft ist nur das Alte.") == []


def test_multi_word_term_is_not_also_marked_by_its_parts(matcher: TermMatcher) -> None:
    assert marks(matcher, "Die Große Koalition regiert.") == [
        ("Große Koalition", "Große Koalition")
    ]


@pytest.mark.parametrize(
    ("word", "term"),
    [
        ("BVerfG", "Bundesverfassungsgericht"),
        ("GroKo", "Große Koalition"),
        ("AfD", "Alternative für Deutschland"),
        ("CDU/CSU", "Union"),
        ("SPD", "Sozialdemokratische Partei Deutschlands"),
        ("EU", "Europäische Union"),
        ("UN", "Vereinte Nationen"),
        ("Nato", "Nato"),
        ("NATO", "Nato"),
    ],
)
def test_abbreviations(matcher: TermMatcher, word: str, term: str) -> None:
    assert marks(matcher, f"Laut {word} ist das so.") == [(word, term)]


@pytest.mark.parametrize(
    "text",
    [
        "Der Vorrat an Mehl reicht.",
        "Die Heirat fand im Mai statt.",
        "Allerlei Zierrat hing an der Wand.",
        "Sie standen auf dem Berggipfel.",
        "Das Bankett begann um acht.",
        "Die Zahlen stimmen nicht.",
        "Das stimmt so nicht.",
        "Stimmen die Zahlen?",
        "Gestaaten ist kein Wort.",
        "Die Auswahl ist groß.",
        "Er kaufte einen Zollstock.",
        "Die Datenbank ist voll.",
        "Er sprach mit einem Demokraten und einem Apparat.",
        "Das ist eine Frage der Wortwahl.",
        "Sie ist Nachfolgerin.",
        "Die Stadt liegt am Fluss.",
    ],
)
def test_look_alikes_are_not_marked(matcher: TermMatcher, text: str) -> None:
    assert marks(matcher, text) == []


def test_verb_stimmen_versus_noun_stimmen(matcher: TermMatcher) -> None:
    assert marks(matcher, "Stimmen der Koalition fehlten.") == [
        ("Stimmen", "Stimme"),
        ("Koalition", "Koalition"),
    ]
    assert marks(matcher, "Die Angaben stimmen, sagte er.") == []


def test_an_inflected_noun_opening_a_sentence_is_no_verb(matcher: TermMatcher) -> None:
    assert marks(matcher, "Tagen später tagte der Ausschuss.") == [
        ("tagte", "tagen"),
        ("Ausschuss", "Ausschuss"),
    ]


def test_lower_case_verb_entry_by_lemma(matcher: TermMatcher) -> None:
    assert marks(matcher, "Sie haben gestern darüber abgestimmt.") == [("abgestimmt", "abstimmen")]


def test_find_terms_groups_occurrences_in_order_of_first_appearance(matcher: TermMatcher) -> None:
    document = Document(
        title=None,
        source=Source(path=None, format="stdin"),
        paragraphs=("Die EU verhängt Sanktionen.", "Neue Sanktionen und Gegenzölle der EU."),
    )
    found = find_terms(document, matcher)
    # Gegenzölle is a compound glossed from its parts (gegen + Zoll), an entry of its own.
    assert [match.entry.term for match in found] == ["Europäische Union", "Sanktion", "Gegenzoll"]
    sanctions = found[1]
    assert [(o.paragraph, o.text) for o in sanctions.occurrences] == [
        (0, "Sanktionen"),
        (1, "Sanktionen"),
    ]
    for match in found:
        for occurrence in match.occurrences:
            paragraph = document.paragraphs[occurrence.paragraph]
            assert paragraph[occurrence.start : occurrence.end] == occurrence.text


def test_data_folder_is_inside_the_package() -> None:
    import reader.glossary.entries as entries

    assert Path(entries.__file__).parent / "data" == entries.DATA_FOLDER


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Grünen sind dagegen.", [("Grünen", "Grüne")]),
        ("Sie ist eine Grüne, er ein Grüner.", [("Grüne", "Grüne"), ("Grüner", "Grüne")]),
        (
            "Der Stabilitäts- und Wachstumspakt gilt.",
            [("Stabilitäts- und Wachstumspakt", "Stabilitäts- und Wachstumspakt")],
        ),
    ],
)
def test_adjectival_party_names_and_phrases_with_a_hyphen(
    matcher: TermMatcher, text: str, expected: list[tuple[str, str]]
) -> None:
    assert marks(matcher, text) == expected


def test_separated_verb_marks_verb_and_particle(matcher: TermMatcher) -> None:
    text = "Berlin bestellte den Botschafter am Montag ein, hieß es."
    assert marks(matcher, text) == [("bestellte", "einbestellen"), ("ein", "einbestellen")]
    assert marks(matcher, "Er bestellte ein Taxi und fuhr los.") == []


def test_reflexive_verabschieden_is_saying_goodbye(matcher: TermMatcher) -> None:
    assert marks(matcher, "Der Bundestag verabschiedete das Gesetz.") == [
        ("verabschiedete", "verabschieden")
    ]
    assert marks(matcher, "Sie verabschiedete sich von den Gästen.") == []


@pytest.mark.parametrize(
    ("word", "term"),
    [
        ("Verwaltungsprozess", None),  # a process, not a trial
        ("Friedensprozess", None),  # political, but still a process
        ("Strafprozess", "Prozess"),
        ("Mordprozess", "Prozess"),
        ("Heiratsantrag", None),
        ("Gegenantrag", "Antrag"),
        ("Kirchengemeinde", None),
        ("Nachbarstaaten", "Staat"),
        ("Hantelbank", None),
    ],
)
def test_ambiguous_heads_need_a_political_modifier(
    matcher: TermMatcher, word: str, term: str | None
) -> None:
    expected = [(word, term)] if term else []
    assert compound_marks(matcher, f"Es ging um den {word} am Montag.") == expected


def test_ambiguous_words_need_political_context(matcher: TermMatcher) -> None:
    assert marks(matcher, "Die Sängerin hat eine schöne Stimme.") == []
    assert marks(matcher, "Die Koalition fehlte eine Stimme.") == [
        ("Koalition", "Koalition"),
        ("Stimme", "Stimme"),
    ]
    paragraphs = ["Die Stimme zählt.", "Die Koalition zerbricht."]
    assert [len(found) for found in matcher.find_in_paragraphs(paragraphs)] == [1, 1]
    assert [len(found) for found in matcher.find_in_paragraphs(paragraphs[:1])] == [0]


WORDS = [
    "Zölle", "Gegenzölle", "EU", "CDU/CSU", "Weißen", "Haus", "in", "Kraft", "trat", "Stimmen",
    "stimmen", "Vorrat", "Sekundärsanktionen", "US-Präsident", "Nato-", "absolute", "Mehrheit",
    "der", "die", "1.", "Dr.", "„", "“", "?", "!", ",", ".", "-", "/", "–", "\n", "Ukraine-Kriegs",
    "bestellte", "ein", "sich", "verabschiedete", "Grünen", "Stabilitäts-", "und", "Wachstumspakt",
]  # fmt: skip


@given(st.lists(st.sampled_from(WORDS), max_size=40), st.lists(st.sampled_from([" ", "", "  "])))
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_marks_are_exact_ordered_and_disjoint_for_any_text(
    matcher: TermMatcher, words: list[str], gaps: list[str]
) -> None:
    text = "".join(word + (gaps[i % len(gaps)] if gaps else " ") for i, word in enumerate(words))
    found = matcher.find_in_text(text)
    for match in found:
        assert text[match.start : match.end] == match.text and match.text
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start
