"""Sentence splitting on German text that trips up naive splitters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.language.sentences import sentence_spans, split_sentences

TRICKY_SENTENCES = [
    "Streit um die Rente",  # a heading paragraph without a full stop
    "Die Koalition will z. B. die Beiträge senken, u. a. für Familien.",
    "Das bedeutet d. h. nicht, dass alles bleibt, wie es ist.",
    "Dr. Weber und Prof. Kaya stellten den Plan am 3. Oktober in Bonn vor.",
    "Im 19. Jh. gab es noch keine Rentenversicherung für alle.",
    "Die Reform soll am 1.1.2026 beginnen.",
    "Geplant ist ein Start ab 1.1.2026.",
    "Kritik kam prompt.",
    "Laut Nr. 4 bzw. Abs. 2 des Entwurfs, vgl. Art. 3, zahlen Beamte ca. 2,5 Prozent mehr.",
    "Ein Sprecher verwies auf Beispiele aus den U.S.A.",
    "Dort gelte seit Jahren eine ähnliche Regel.",
    "Die Ministerin sagte: „Wir lassen niemanden im Stich.“",
    "Die Opposition widersprach.",
    "„Wer soll das bezahlen?“, fragte ein Abgeordneter.",
    "„Niemand!“ rief ein anderer dazwischen.",
    "Gewerkschaften, Sozialverbände, Kirchen usw.",
    "Die Liste der Kritiker ist lang.",
    "Man wartet ab …",
    "Und dann?",
    "Ja.",
    "Papst Leo XIV. äußerte sich nicht.",
    "Anna B. Schulz vom Verband nannte das Vorhaben „mutig, aber unfertig“.",
]


def tricky_text() -> str:
    heading, *body = TRICKY_SENTENCES
    return heading + "\n\n" + " ".join(body[:7]) + "\n\n" + " ".join(body[7:])


def test_tricky_german_text_is_split_into_the_right_sentences() -> None:
    assert split_sentences(tricky_text()) == TRICKY_SENTENCES


def test_spans_point_into_the_text_without_surrounding_whitespace() -> None:
    text = "  Erster Satz.   Zweiter Satz!\n\nDritter  "
    spans = sentence_spans(text)
    assert [text[start:end] for start, end in spans] == ["Erster Satz.", "Zweiter Satz!", "Dritter"]
    assert all(text[start:end] == text[start:end].strip() for start, end in spans)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("   \n\n  ", 0),
        ("Hallo", 1),
        ("Er kam 2020. Sie kam 2021.", 2),  # a year before the full stop ends the sentence
        ("Im 2. Weltkrieg fiel er.", 1),
        ("Er wurde 5. Danach hörte er auf.", 2),  # an ordinal-looking number before "Danach"
        ("Wirklich?! Ja.", 2),
        ("Er zögerte … dann ging er.", 1),  # lower case after an ellipsis goes on
        ("Sie zitierte: „[…] Das reicht nicht.“ Dann schwieg sie.", 2),
        ("Der Preis stieg um ca. 5 Prozent.", 1),
        ("Kommt er? Vielleicht.", 2),
        ("Die Zahl stieg (siehe oben.) Danach fiel sie.", 2),
        ("Was die Regierung will\nDie Regierung will sparen. Das ist alles.", 3),  # heading line
        ("Die Regierung will im nächsten Jahr bei der Rente\nsparen. Das ist alles.", 2),
        (
            "Der Bericht nennt als Beispiele für gelungene Reformen die Städte\nBerlin und Hamburg"
            "\nMünchen fehlt. Warum?",
            2,
        ),  # a short wrapped line is not a heading
        ("Mr. Smith met Mrs. Jones in the U.S. on Monday. They talked.", 2),  # translations
    ],
)
def test_sentence_counts(text: str, count: int) -> None:
    assert len(sentence_spans(text)) == count


@given(st.text(alphabet=st.sampled_from('abcÄß 19.,!?…„“"()[]-\n\t'), max_size=200))
@settings(max_examples=300, deadline=None)
def test_spans_are_ordered_stripped_and_cover_every_word(text: str) -> None:
    spans = sentence_spans(text)
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
    assert all(text[start:end] == text[start:end].strip() for start, end in spans)
    outside = "".join(
        text[end:start]
        for (_, end), (start, _) in zip([(0, 0), *spans], [*spans, (len(text), 0)], strict=True)
    )
    assert outside.strip() == ""  # nothing but whitespace falls between sentences


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "Nr", "x" * 70, " ", "\n", "\t", ".", "\u00a0"])).map("".join),
    st.data(),
)
def test_the_word_before_a_full_stop_is_found_however_long(text: str, data: st.DataObject) -> None:
    """The look-back is bounded for speed; it must still find what a search of the whole text
    finds, also for words longer than the bound."""
    from reader.language.sentences import _word_start

    end = data.draw(st.integers(min_value=0, max_value=len(text)))
    word_end = len(text[:end].rstrip())
    expected = max(text.rfind(separator, 0, word_end) for separator in " \n\t") + 1
    assert _word_start(text, end) == expected


def test_long_text_without_line_breaks_splits_like_paragraphs() -> None:
    paragraphs = [" ".join(TRICKY_SENTENCES[:4])] * 50
    one_line = " ".join(paragraphs)
    assert split_sentences(one_line) == split_sentences("\n\n".join(paragraphs))
