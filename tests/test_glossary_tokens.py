"""The matcher's tokeniser: columns built by whole-list operations must give exactly the tokens a
plain word-by-word loop gives (positions, sentence numbers, sentence-initial words, slash words).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.glossary.tokens import WORD, Token, tokenise

_SENTENCE_END = re.compile(r"[.!?…:;]")
_ABBREVIATED = {"Dr", "Prof", "Nr", "St", "Abs", "Art", "bzw", "ca", "vgl", "Mio", "Mrd"}
_OPENING = "„“‚‘\"'»«([–—- \t\n#*>"


def reference_tokens(text: str) -> list[Token]:
    """The rules written out the slow, obvious way."""
    tokens: list[Token] = []
    sentence, previous_end, previous_word = 0, 0, ""
    for found in WORD.finditer(text):
        gap = text[previous_end : found.start()]
        abbreviated = (
            previous_word.isdigit() or len(previous_word) == 1 or previous_word in _ABBREVIATED
        )
        full_stop = gap.lstrip().startswith(".")
        ends = _SENTENCE_END.search(gap) is not None and not (full_stop and abbreviated)
        sentence += ends
        initial = ends or (previous_end == 0 and not gap.strip(_OPENING))
        word = previous_word = found.group()
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
