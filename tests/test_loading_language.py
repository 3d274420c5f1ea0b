"""The "clearly not German" check: a warning for other languages, none for German or short text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reader.document import Source
from reader.loading import load_text
from reader.loading.language import LANGUAGE_NAMES, detect_language, language_check

GERMAN = (
    "Die Bundesregierung will die Schuldenbremse nicht lockern. Der Finanzminister sagte am "
    "Montag, dass es für neue Kredite keinen Spielraum gebe. Die Opposition wirft ihm vor, "
    "wichtige Investitionen in die Infrastruktur zu verschleppen, und fordert eine Reform."
)
ENGLISH = (
    "The government does not want to loosen the debt brake. The finance minister said on "
    "Monday that there was no room for new loans. The opposition accuses him of delaying "
    "important investment in infrastructure and is calling for a reform of the rules."
)
FRENCH = (
    "Le gouvernement ne veut pas assouplir le frein à l'endettement. Le ministre des "
    "Finances a déclaré lundi qu'il n'y avait pas de marge pour de nouveaux crédits. "
    "L'opposition lui reproche de retarder des investissements dans les infrastructures."
)
SPANISH = (
    "El gobierno no quiere flexibilizar el freno de la deuda. El ministro de Finanzas dijo "
    "el lunes que no hay margen para nuevos créditos y que la oposición lo acusa de retrasar "
    "inversiones importantes en la infraestructura del país, como también las reformas."
)


@pytest.mark.parametrize(
    ("text", "code"), [(GERMAN, "de"), (ENGLISH, "en"), (FRENCH, "fr"), (SPANISH, "es")]
)
def test_language_is_recognised(text: str, code: str) -> None:
    assert detect_language([text]) == code


def test_german_has_no_warning() -> None:
    document = load_text(GERMAN, Source(path=None, format="clipboard"))
    assert document.language == "de"
    assert document.language_warning is None


def test_english_loads_with_a_warning() -> None:
    document = load_text(ENGLISH, Source(path=None, format="clipboard"))
    assert document.paragraphs == (ENGLISH,)
    assert document.language == "en"
    assert document.language_warning is not None
    assert "English, not German" in document.language_warning


def test_german_article_quoting_english_stays_german() -> None:
    quote = "„The government does not want to loosen the debt brake“, sagte er."
    assert language_check([GERMAN, quote, GERMAN]) == ("de", None)


def test_too_little_text_to_judge_is_taken_as_german() -> None:
    assert language_check(["The end."]) == ("de", None)
    assert language_check(["Hello world, this is it."]) == ("de", None)


class CountedParagraphs(list[str]):
    """Paragraphs that count how many of them were read."""

    read = 0

    def __iter__(self) -> Iterator[str]:
        for paragraph in super().__iter__():
            self.read += 1
            yield paragraph


def test_a_megabyte_is_judged_from_its_beginning() -> None:
    # Cheap at any length: a sample of the words decides, not the whole text (speed itself is
    # measured in the benchmarks).
    paragraphs = CountedParagraphs([ENGLISH] * (1_000_000 // len(ENGLISH)))
    assert detect_language(paragraphs) == "en"
    assert 0 < paragraphs.read < len(paragraphs) // 10


# Short texts with few function words: the word lists' frequencies decide.
ENGLISH_HEADLINES = (
    "Carmaker unveils new electric models, prices start at thirty thousand dollars. Analysts "
    "expect strong sales during holiday season despite economic uncertainty. Shares rose three "
    "percent after announcement. Competitors respond with discounts. Market share battle "
    "intensifies across Europe, Asia, where demand remains weak after two difficult years."
)
FRENCH_SHORT = (
    "Le gouvernement présente aujourd’hui un budget ambitieux. Les syndicats critiquent "
    "fortement certaines mesures fiscales, notamment celles concernant les retraites. Plusieurs "
    "manifestations sont prévues samedi prochain dans les grandes villes, selon les "
    "organisateurs, qui espèrent mobiliser davantage de participants que lors des derniers "
    "rassemblements du printemps."
)
GERMAN_WITH_ENGLISH_TERMS = (
    "Die Software-Firma hat am Montag ein neues Update für ihr Cloud-Backend veröffentlicht. "
    "Das Feature soll Start-ups beim Onboarding helfen, sagte der CEO auf einem Meetup in "
    "Berlin. Kritiker sprechen von Hype, doch Investoren zeigen sich begeistert: Die Aktie "
    "legte um fünf Prozent zu, der Umsatz im Business-Segment wächst seit Monaten."
)


@pytest.mark.parametrize(("text", "code"), [(ENGLISH_HEADLINES, "en"), (FRENCH_SHORT, "fr")])
def test_forty_words_of_another_language_get_the_warning(text: str, code: str) -> None:
    assert 40 <= len(text.split()) <= 60
    language, warning = language_check([text])
    assert language == code
    assert warning is not None and f"{LANGUAGE_NAMES[code]}, not German" in warning


def test_german_with_english_terms_gets_no_warning() -> None:
    assert language_check([GERMAN_WITH_ENGLISH_TERMS]) == ("de", None)
