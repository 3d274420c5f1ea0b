"""Looking up a clicked word, without a window: the word and sentence around a click, the
sentence's English, the glossary on the card, the provider through a loopback server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.dictionary.store import Dictionary
from reader.dictionary.word_lookup import word_card
from reader.gui.word_context import (
    WordContext,
    ask_provider,
    main_meaning,
    provider_translator,
    sentence_english,
    word_context,
)
from reader.language.sentences import sentence_at
from reader.language.tokens import word_at
from reader.translation import DeepTranslator, ParagraphTranslation, ProviderSettings
from tests.fixtures_builders import ding_dictionary, sentence_pairs
from tests.translation_servers import FakeTranslator, fake_english

DING_LINES = """\
Streit {m}; Zank {m} | Streite {pl}; Zänke {pl} :: quarrel; row | quarrels; rows
Anfechtung {f}; Streit {m} | Anfechtungen {pl}; Streite {pl} :: contestation | contestations
Schuld {f} | Schulden {pl} :: debt | debts
Abstimmen {n} :: voting
abstimmen {vi} | abstimmend | abgestimmt :: to vote | voting | voted
stimmen {vi} | stimmend | gestimmt :: to be right | being right | been right
Haushalt {m} | Haushalte {pl} :: budget; household | budgets; households
"""

PARAGRAPH = "Der Rat stimmte ab. Im CDU-Vorstand gibt es Streit über die Schulden – wieder."


@pytest.fixture
def dictionary(tmp_path: Path) -> Iterator[Dictionary]:
    yield from ding_dictionary(DING_LINES, tmp_path / "dictionary.sqlite")


@pytest.mark.parametrize(
    ("offset", "word"),
    [
        (0, "Der"),
        (2, "Der"),
        (8, "stimmte"),
        (23, "CDU-Vorstand"),
        (30, "CDU-Vorstand"),
        (3, None),  # the space after "Der"
        (18, None),  # the full stop
        (PARAGRAPH.index("–"), None),
    ],
)
def test_word_at_finds_the_whole_word_under_a_click(offset: int, word: str | None) -> None:
    span = word_at(PARAGRAPH, offset)
    assert (PARAGRAPH[span[0] : span[1]] if span else None) == word


def test_sentence_at_gives_the_clicked_sentence() -> None:
    assert sentence_at(PARAGRAPH, 5) == "Der Rat stimmte ab."
    assert sentence_at(PARAGRAPH, PARAGRAPH.index("Schulden")).startswith("Im CDU-Vorstand")
    assert sentence_at("  Keine Satzzeichen hier  ", 4) == "Keine Satzzeichen hier"


def translation_of(paragraph: str, pairs: list[tuple[str, str]]) -> ParagraphTranslation:
    return ParagraphTranslation(
        index=0,
        source=paragraph,
        translation=" ".join(english for _, english in pairs),
        error=None,
        sentences=sentence_pairs(paragraph, pairs),
    )


def test_the_sentence_english_comes_from_the_matching_sentence_pair() -> None:
    translation = translation_of(
        PARAGRAPH,
        [
            ("Der Rat stimmte ab.", "The council voted."),
            (PARAGRAPH[20:], "The CDU board is arguing about the debt again."),
        ],
    )
    context = word_context(PARAGRAPH, PARAGRAPH.index("Schulden") + 2, 3, translation)
    assert context == WordContext(
        word="Schulden",
        paragraph=3,
        start=PARAGRAPH.index("Schulden"),
        end=PARAGRAPH.index("Schulden") + len("Schulden"),
        sentence=PARAGRAPH[20:],
        sentence_start=20,
        sentence_english="The CDU board is arguing about the debt again.",
    )
    assert context.sentence[context.start_in_sentence :].startswith("Schulden")


def test_no_sentence_english_without_pairs_or_for_a_failed_paragraph() -> None:
    unpaired = ParagraphTranslation(0, PARAGRAPH, "Both sentences at once.", None)
    assert sentence_english(PARAGRAPH, 3, unpaired) is None
    failed = ParagraphTranslation(0, PARAGRAPH, None, "HTTP 429")
    assert sentence_english(PARAGRAPH, 3, failed) is None
    single = ParagraphTranslation(0, "Das stimmt.", "That's right.", None)
    assert sentence_english("Das stimmt.", 1, single) == "That's right."


def test_word_card_ranks_main_senses_first_and_fixes_the_lemma(dictionary: Dictionary) -> None:
    card = word_card("Streit", dictionary=dictionary)
    assert [entry.en for entry in card.dictionary] == ["quarrel; row", "contestation"]
    assert (card.article, card.plural) == ("der", "Streite")

    card = word_card("Schulden", dictionary=dictionary)
    assert card.lemma == "Schuld"  # simplemma says "Schulde"; the dictionary knows better

    card = word_card("stimmte", "Der Rat stimmte ab.", dictionary)
    assert card.lemma == "abstimmen"
    assert card.dictionary[0].en == "to vote"  # the verb, before the noun "das Abstimmen"
    assert card.article is None


def test_a_political_compound_shows_the_term_it_is_built_on(dictionary: Dictionary) -> None:
    card = word_card("Haushaltsstreit", dictionary=dictionary)
    assert card.glossary is not None
    assert (card.glossary.entry.term, card.glossary.match) == ("Haushaltsstreit", "compound")
    assert [part.lemma for part in card.glossary.entry.parts] == ["Haushalt", "Streit"]
    # The article and plural are the compound's own, from its last part, not the glossary's.
    assert (card.article, card.plural) == ("der", "Haushaltsstreite")
    assert main_meaning(card) == "budget + quarrel"


def test_inflected_feminine_and_abbreviated_glossary_words(dictionary: Dictionary) -> None:
    card = word_card("Abgeordneten", find_installed=False)
    assert card.glossary is not None and card.glossary.match == "word"
    assert (card.lemma, card.article) == ("Abgeordnete", "der/die")

    card = word_card("Ministerin", find_installed=False)
    assert (card.lemma, card.article, card.plural) == ("Ministerin", "die", "Ministerinnen")

    card = word_card("EU", find_installed=False)
    assert card.glossary is not None and card.glossary.entry.term == "Europäische Union"
    assert card.lemma == "EU"
    assert main_meaning(card) == card.glossary.entry.english_summary
    assert not card.dictionary_available


def test_ask_provider_turns_failures_into_none() -> None:
    context = word_context(PARAGRAPH, 8, 0)
    assert context is not None

    def offline(text: str) -> str | None:
        raise ConnectionError("no network")

    assert ask_provider(offline, context).word is None
    answers = {"abstimmen": "vote", "Der Rat stimmte ab.": "The council voted."}
    answer = ask_provider(answers.get, context, "abstimmen")
    assert (answer.word, answer.sentence) == ("vote", "The council voted.")


def test_provider_translator_asks_the_configured_provider_on_loopback() -> None:
    with FakeTranslator() as server:
        settings = ProviderSettings(name="libre", endpoint=server.url, api_key="k")
        translate = provider_translator(lambda timeouts: DeepTranslator(settings, timeouts))
        assert translate("Haushalt") == fake_english("Haushalt")
        server.add_faults("500", "500", "500", "500")
        with pytest.raises(LookupError):
            translate("Schulden")


def test_ding_annotations_are_told_apart_from_the_words() -> None:
    from reader.gui.word_card_text import annotation_pieces

    assert annotation_pieces("Abgeordneter {m} /Abg./ [pol.]") == [
        ("Abgeordneter ", False),
        ("{m}", True),
        (" ", False),
        ("/Abg./", True),
        (" ", False),
        ("[pol.]", True),
    ]
    assert annotation_pieces("Ein-/Ausfuhr") == [("Ein-/Ausfuhr", False)]


def test_a_compounds_political_part_means_what_the_glossary_says(tmp_path: Path) -> None:
    """Bundes|verkehrsminister: Bund + es (not "Bunde", a bunch), glossed as the federation
    rather than with the first of Ding's senses (a collar)."""
    from reader.dictionary.word_lookup import compound_parts

    lines = (
        "Bund {m} | Bünde {pl} :: collar; waistband | collars; waistbands\n"
        "Bunde {n} :: bunch\n"
        "Verkehrsminister {m} :: minister of transport\n"
    )
    for opened in ding_dictionary(lines, tmp_path / "parts.sqlite"):
        parts = compound_parts("Bundesverkehrsminister", opened)
        assert [part.de for part in parts] == ["Bund", "Verkehrsminister"]
        assert "federation" in parts[0].en


def test_todays_sense_comes_before_a_dated_one_and_the_plural_line_is_found(
    tmp_path: Path,
) -> None:
    """Ding gives "Friedensgespräch" only "parley [dated]"; its plural line has "peace talks"."""
    lines = (
        "Friedensgespräche {pl} [pol.] :: peace talks\n"
        "Friedensgespräch {n} [pol.] :: parley [dated]\n"
    )
    for opened in ding_dictionary(lines, tmp_path / "senses.sqlite"):
        card = word_card("Friedensgespräch", dictionary=opened)
        assert [entry.en for entry in card.dictionary] == ["peace talks", "parley [dated]"]
