"""Checking a provider's answer against what was sent, before it is shown or cached.

A request is a few lines of German, one sentence (or piece of one) per line. An answer is taken
only if it is text, not empty, has words where words were sent, has one line per line sent, and
is of a plausible length. A wrong-shaped answer (a JSON list or a number where the text should
be, a sentence lost, junk added, a page cut short) raises `TranslationError` with the reason;
the job retries it like any other failed request and never caches it.

One shape is accepted although the lines do not match: everything in a single line. Some
providers do not keep line breaks; the translation is still whole, only the sentence pairs are
lost (the job then sends paragraphs one by one). The length check is what stands between such
an answer and one that lost a sentence, and it is stricter for joined lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.translation.translator import Failure, TranslationError

# An answer shorter than this share of the text sent was cut short, or lost a sentence; one
# longer than the multiple holds more than a translation. Translations into English run at
# 0.8–1.2 times the German; the bounds leave room for terse and wordy renderings.
MIN_LENGTH_RATIO = 0.3
MAX_LENGTH_RATIO = 4.0
# Lines joined into one must still hold every sentence: one of two lost leaves about half.
MIN_JOINED_RATIO = 0.6
# Below this many characters sent, lengths vary too much to judge ("Ja." → "Yes, indeed.").
CHECKED_LENGTH = 40


@dataclass(frozen=True)
class Answer:
    """An answer that passed the checks."""

    lines: tuple[str, ...] | None  # one per line sent; None when the provider joined them
    text: str  # the whole answer, whitespace collapsed


def check_answer(sent: Sequence[str], answer: object, provider: str) -> Answer:
    """`answer` checked against the lines `sent`; raises `TranslationError` if it is wrong."""
    if answer is not None and not isinstance(answer, str):
        raise TranslationError(wrong_type(provider, answer))
    lines = [" ".join(line.split()) for line in (answer or "").splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise _wrong(f"{provider} gave an empty answer")
    text = " ".join(lines)
    if _has_words("".join(sent)) and not _has_words(text):
        raise _wrong(f"{provider}'s answer held no words ({_excerpt(text)})")
    if len(lines) != len(sent) and not (len(lines) == 1 and len(sent) > 1):
        raise _wrong(
            f"{provider} answered {len(lines)} lines for {len(sent)} sent: "
            + ("a sentence was lost" if len(lines) < len(sent) else "text was added")
        )
    joined = len(lines) != len(sent)
    sent_length = sum(len(line) for line in sent)
    answer_length = sum(len(line) for line in lines)
    if sent_length >= CHECKED_LENGTH:
        if answer_length < MIN_LENGTH_RATIO * sent_length:
            raise _wrong(
                f"{provider}'s answer is far shorter than the text sent "
                f"({answer_length} of {sent_length} characters): cut off or incomplete"
            )
        if joined and answer_length < MIN_JOINED_RATIO * sent_length:
            raise _wrong(
                f"{provider} answered one line for {len(sent)} sent, and too short for all of "
                f"them ({answer_length} of {sent_length} characters): a sentence was lost"
            )
        if answer_length > MAX_LENGTH_RATIO * sent_length:
            raise _wrong(
                f"{provider}'s answer is far longer than the text sent "
                f"({answer_length} for {sent_length} characters)"
            )
    return Answer(None if joined else tuple(lines), text)


def wrong_type(provider: str, answer: object) -> Failure:
    """The failure for an answer that is not text at all."""
    return Failure(f"{provider} sent {_kind(answer)} instead of a translation", retry=True)


def _wrong(message: str) -> TranslationError:
    return TranslationError(Failure(message, retry=True))


def _kind(answer: object) -> str:
    if isinstance(answer, list | tuple):
        return "a list"
    if isinstance(answer, dict):
        return "an object"
    if isinstance(answer, bool | int | float):
        return "a number"
    return f"a {type(answer).__name__}"


def _has_words(text: str) -> bool:
    return any(character.isalpha() for character in text)


def _excerpt(text: str) -> str:
    shown = text if len(text) <= 20 else text[:20] + "…"
    return repr(shown)
