"""The "clearly not German" check: a warning for other languages, none for German or short text."""

from __future__ import annotations

import time

import pytest

from reader.document import Source
from reader.loading import load_text
from reader.loading.language import detect_language, language_check

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


def test_check_is_fast_on_a_megabyte() -> None:
    paragraphs = [ENGLISH] * (1_000_000 // len(ENGLISH))
    started = time.perf_counter()
    assert detect_language(paragraphs) == "en"
    assert time.perf_counter() - started < 0.2
