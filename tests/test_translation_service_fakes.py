"""The translation service with an in-process `Translator`: no sockets, no deep-translator.

The loopback-server tests (`test_translation_service.py`) run the real provider code; these
check the service's own rules against a fake that answers from a function.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reader.document import Document, Source
from reader.language.sentences import split_sentences
from reader.translation import (
    Failure,
    RequestGate,
    RetryPolicy,
    TranslationCache,
    TranslationError,
    translate_document,
)
from reader.translation.service import start_translation

QUICK_RETRY = RetryPolicy(attempts=3, base_delay_s=0.0, max_delay_s=0.0)


@dataclass
class FakeTranslator:
    """Answers each line with "EN[line]", or whatever `answer` makes of the text."""

    answer: Callable[[str], str | None] = lambda text: "\n".join(
        f"EN[{line}]" for line in text.splitlines()
    )
    name: str = "fake"
    display_name: str = "Fake"
    source: str = "de"
    target: str = "en"
    endpoint: str = "in-process"
    max_chars: int = 1000
    texts: list[str] = field(default_factory=list)

    def translate(self, text: str) -> str | None:
        self.texts.append(text)
        return self.answer(text)


def document(*paragraphs: str) -> Document:
    return Document(title=None, source=Source(path=None, format="stdin"), paragraphs=paragraphs)


def test_a_fake_translator_gets_sentences_and_gives_pairs() -> None:
    paragraph = "Der Rat tagte. Er beschloss nichts."
    translator = FakeTranslator()
    (result,) = translate_document(document(paragraph), translator, cache=None)
    assert result.ok
    assert [pair.source for pair in result.sentences] == split_sentences(paragraph)
    assert [pair.translation for pair in result.sentences] == [
        "EN[Der Rat tagte.]",
        "EN[Er beschloss nichts.]",
    ]
    assert len(translator.texts) == 1


def test_a_failure_that_may_pass_is_retried() -> None:
    failures = iter([TranslationError(Failure("busy", retry=True))])

    def flaky(text: str) -> str:
        error = next(failures, None)
        if error is not None:
            raise error
        return f"EN[{text}]"

    translator = FakeTranslator(answer=flaky)
    (result,) = translate_document(document("Ein Satz."), translator, cache=None, retry=QUICK_RETRY)
    assert result.translation == "EN[Ein Satz.]"
    assert len(translator.texts) == 2


def test_a_failure_that_stops_the_job_fails_every_paragraph_with_its_message() -> None:
    def refuse(text: str) -> str:
        raise TranslationError(Failure("Fake refused the key", retry=False, stops_job=True))

    translator = FakeTranslator(answer=refuse)
    results = translate_document(
        document("Eins.", "Zwei.", "Drei."), translator, cache=None, max_in_flight=1
    )
    assert [r.error for r in results] == ["Fake refused the key"] * 3


def test_an_unexpected_exception_fails_the_paragraph_without_retries() -> None:
    def broken(text: str) -> str:
        raise RuntimeError("bug")

    translator = FakeTranslator(answer=broken)
    (result,) = translate_document(document("Ein Satz."), translator, cache=None, retry=QUICK_RETRY)
    assert result.error == "Fake: unexpected error (RuntimeError)"
    assert len(translator.texts) == 1


def test_an_empty_answer_counts_as_a_failure() -> None:
    translator = FakeTranslator(answer=lambda text: "  ")
    (result,) = translate_document(document("Ein Satz."), translator, cache=None, retry=QUICK_RETRY)
    assert result.error == "Fake gave an empty answer (after 3 attempts)"


def test_the_cache_given_answers_the_second_time(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path / "cache.sqlite3")
    translator = FakeTranslator()
    first = translate_document(document("Ein Satz."), translator, cache=cache)
    second = translate_document(document("Ein Satz."), translator, cache=cache)
    assert len(translator.texts) == 1
    assert second[0].from_cache and second[0].translation == first[0].translation
    cache.close()


@pytest.mark.parametrize("shared", [True, False])
def test_jobs_share_the_bound_only_when_they_share_the_gate(shared: bool) -> None:
    lock = threading.Lock()
    in_flight = peak = 0

    def slow(text: str) -> str:
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        time.sleep(0.3)  # long enough for every request that may run to be running
        with lock:
            in_flight -= 1
        return "\n".join(f"EN[{line}]" for line in text.splitlines())

    translator = FakeTranslator(answer=slow, max_chars=30)
    gate = RequestGate() if shared else None
    jobs = [
        start_translation(
            document(*(f"Satz {job}-{n}." for n in range(4))),
            translator,
            lambda r: None,
            cache=None,
            gate=gate,
            max_in_flight=2,
        )
        for job in range(2)
    ]
    assert all(job.wait(10) for job in jobs)
    assert all(r.ok for job in jobs for r in job.results())
    assert peak == (2 if shared else 4)
