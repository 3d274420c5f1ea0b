"""Checking an answer against the lines sent, without a provider."""

from __future__ import annotations

import pytest

from reader.translation.answers import check_answer
from reader.translation.translator import TranslationError

SENT = ["Der Rat tagte bis spät in die Nacht.", "Er beschloss nichts.", "Morgen geht es weiter."]
ENGLISH = "The council met late into the night.\nIt decided nothing.\nIt goes on tomorrow."


def test_one_line_per_line_sent_gives_the_lines() -> None:
    answer = check_answer(
        SENT,
        "  The council met late into the night.\n\nIt decided nothing. \nIt goes on tomorrow.\n",
        "P",
    )
    assert answer.lines == tuple(ENGLISH.splitlines())


def test_all_lines_joined_in_one_is_taken_without_lines() -> None:
    answer = check_answer(SENT, " ".join(ENGLISH.splitlines()), "P")
    assert answer.lines is None
    assert answer.text == " ".join(ENGLISH.splitlines())


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (None, "P gave an empty answer"),
        (" \n ", "P gave an empty answer"),
        (["The council met.", "It decided nothing."], "P sent a list instead of a translation"),
        (12345, "P sent a number instead of a translation"),
        ({"text": "x"}, "P sent an object instead of a translation"),
        ("12345\n678\n9", "P's answer held no words ('12345 678 9')"),
        ("The council met late into the night.\nIt decided nothing.", "2 lines for 3 sent"),
        (ENGLISH + "\nSubscribe now!", "4 lines for 3 sent: text was added"),
        ("ABC", "far shorter than the text sent (3 of 78 characters)"),
        ("Spam " * 100, "far longer than the text sent"),
    ],
)
def test_a_wrong_shaped_answer_is_an_error_that_may_be_retried(answer: object, reason: str) -> None:
    with pytest.raises(TranslationError) as raised:
        check_answer(SENT, answer, "P")
    assert reason in raised.value.failure.message
    assert raised.value.failure.retry


def test_one_line_for_two_sent_is_a_lost_sentence_when_too_short_for_both() -> None:
    sent = ["Der Rat tagte bis spät in die Nacht.", "Er beschloss am Ende gar nichts."]
    assert (
        check_answer(sent, "The council met late. In the end it decided nothing.", "P").lines
        is None
    )
    with pytest.raises(TranslationError, match="too short for all of them"):
        check_answer(sent, "The council met late into the night.", "P")


def test_one_line_sent_wants_one_line_back() -> None:
    assert check_answer(["Ja."], "Yes.", "P").lines == ("Yes.",)
    with pytest.raises(TranslationError, match="2 lines for 1 sent"):
        check_answer(["Ja."], "Yes.\nNo.", "P")


def test_short_texts_are_not_judged_by_length() -> None:
    assert check_answer(["Ja, gewiss."], "Yes.", "P").lines == ("Yes.",)
