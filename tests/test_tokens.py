"""The one tokeniser: columns built by whole-list operations must give exactly the tokens a
plain word-by-word loop gives (positions, sentence numbers, sentence-initial words, slash words).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.language.sentences import sentence_spans
from reader.language.tokens import WORD, Token, count_words, tokenise, word_at, words

_OPENING = "„“‚‘\"'»«([–—- \t\n#*>"


def reference_tokens(text: str) -> list[Token]:
    """The rules written out the slow, obvious way: sentences as the splitter gives them, a
    sentence's first word and the first word after a colon are initial."""
    tokens: list[Token] = []
    spans = sentence_spans(text)
    previous_end = 0
    for found in WORD.finditer(text):
        sentence = next(n for n, (s, e) in enumerate(spans) if s <= found.start() < e)
        sentence_start = spans[sentence][0]
        first_in_sentence = sentence_start >= previous_end
        initial = (
            first_in_sentence and not text[sentence_start : found.start()].strip(_OPENING)
        ) or ":" in text[previous_end : found.start()]
        word = found.group()
        previous_end = found.end()
        tokens.append(Token(found.start(), found.end(), word, sentence, initial))
        if "/" in word:
            offset = found.start()
            for part in word.split("/"):
                tokens.append(Token(offset, offset + len(part), part, sentence, False))
                offset += len(part) + 1
    return tokens


def as_list(text: str) -> list[Token]:
    tokens = tokenise(text)
    return [tokens[index] for index in range(len(tokens))]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "…",
        "Die Union und die SPD stimmen. Stimmen die Zahlen?",
        "„Halt!“ rief er. Am 1. Mai kam Dr. Weber, z. B. mit Prof. Kaya.",
        "CDU/CSU und SPD: Die Koalition/Regierung steht.",
        ". Die Sitzung begann; danach ging es weiter.",
        "## Haushalt\nDer Bundestag berät — und der Bundesrat?",
        "a_b c__d 3. Lesung im 19. Jahrhundert",
    ],
)
def test_tokens_are_those_of_the_plain_loop(text: str) -> None:
    assert as_list(text) == reference_tokens(text)


def test_columns_describe_the_text() -> None:
    text = "Die EU verhängt Sanktionen. CDU/CSU stimmen zu."
    tokens = tokenise(text)
    assert [text[start:end] for start, end in zip(tokens.starts, tokens.ends, strict=True)] == (
        tokens.texts
    )
    assert " ".join(tokens.texts) == "Die EU verhängt Sanktionen CDU/CSU CDU CSU stimmen zu"
    assert tokens.sentences == [0, 0, 0, 0, 1, 1, 1, 1, 1]
    assert tokens.initials == [True, False, False, False, True, False, False, False, False]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"aB1 .,;:!?…/-_„“\n\tÄß", "Dr", "z. B.", "Nr"])).map("".join))
def test_any_text_tokenises_like_the_plain_loop(text: str) -> None:
    assert as_list(text) == reference_tokens(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der US-Präsident kam um 10.30 Uhr, geht's?",
            ["Der", "US-Präsident", "kam", "um", "10.30", "Uhr", "geht's"],
        ),
        ("CDU/CSU und 2,5 Prozent", ["CDU", "CSU", "und", "2,5", "Prozent"]),
        ("in den U.S.A. – „so“", ["in", "den", "U.S.A", "so"]),
    ],
)
def test_words_are_counted_as_a_reader_counts_them(text: str, expected: list[str]) -> None:
    assert words(text) == expected
    assert count_words(text) == len(expected)


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(0, "Der"), (5, "CDU-Vorstand"), (3, None), (22, None), (25, "Rat")],
)
def test_word_at_gives_the_word_under_a_click_but_no_number(
    offset: int, expected: str | None
) -> None:
    text = "Der CDU-Vorstand: 12,5 Rat"
    span = word_at(text, offset)
    assert (text[span[0] : span[1]] if span else None) == expected


def test_gender_inclusive_forms_are_one_word() -> None:
    text = "Die Politiker*innen, Wähler:innen und Bürger_in. Er sagte:in Berlin."
    assert tokenise(text).texts == [
        "Die", "Politiker*innen", "Wähler:innen", "und", "Bürger_in", "Er", "sagte", "in",
        "Berlin",
    ]  # fmt: skip
