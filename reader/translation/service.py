"""Translating a document: parallel, bounded, retried, cached, streamed and cancellable.

The service is given its parts: a `Translator` (one provider; `adapters.DeepTranslator` or a
test's fake), a `TranslationCache` or None, and a `RequestGate` shared with other jobs or not.
`start_translation` returns at once with a `TranslationJob`. A setup thread answers what needs
no network first (the bundled sample, paragraphs with nothing to translate, cache hits), then
packs the rest into requests (`chunking`) for a few worker threads. At most `max_in_flight`
requests go to one provider endpoint at a time, across all jobs sharing the gate. Every answer
is checked against what was sent (`answers`: text, one line per line, a plausible length); a
wrong-shaped one counts as a failed request and is never cached. A failed request is retried
with exponential backoff and jitter (at least as long as Retry-After asks), and a request with
its retries ends within `RetryPolicy.deadline_s`; errors that a retry cannot fix (a refused
key, an exhausted quota) stop the job's remaining requests and say what to do. Each paragraph
is reported through `on_result` as soon as it is complete, translated or failed with a
reason; every requested paragraph is reported exactly once unless the job is
cancelled, after which nothing more is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.document import Document
from reader.translation import chunking
from reader.translation.cache import TranslationCache
from reader.translation.gate import RequestGate
from reader.translation.job import (
    DEFAULT_MAX_IN_FLIGHT,
    ResultCallback,
    RetryPolicy,
    TranslationJob,
)
from reader.translation.results import ParagraphTranslation
from reader.translation.sample import sample_translation
from reader.translation.translator import Translator

__all__ = [
    "DEFAULT_MAX_IN_FLIGHT",
    "RequestEstimate",
    "RetryPolicy",
    "TranslationJob",
    "estimate_requests",
    "start_translation",
    "translate_document",
]


@dataclass(frozen=True)
class RequestEstimate:
    """What translating some paragraphs would send to the provider now."""

    paragraphs: int  # paragraphs that need the provider (not cached, not empty)
    requests: int


def start_translation(
    document: Document,
    translator: Translator,
    on_result: ResultCallback,
    *,
    cache: TranslationCache | None,
    gate: RequestGate | None = None,
    paragraphs: Sequence[int] | None = None,
    max_in_flight: int = DEFAULT_MAX_IN_FLIGHT,
    retry: RetryPolicy | None = None,
    refresh: bool = False,
) -> TranslationJob:
    """Start translating `document` (or the `paragraphs` indices of it) in the background.

    `on_result` is called from worker threads, once per paragraph, as each one finishes.
    `cache` answers what it can and keeps the new answers (None: no cache). Jobs given the
    same `gate` share its bound of `max_in_flight` requests per provider endpoint; without
    one, the job has a gate of its own. `refresh` asks the provider even for paragraphs the
    cache or the bundled sample could answer ("translate again"); the answers still go into
    the cache.
    """
    if max_in_flight < 1:
        raise ValueError("max_in_flight must be at least 1")
    indices = list(range(len(document.paragraphs))) if paragraphs is None else list(paragraphs)
    for index in indices:
        if not 0 <= index < len(document.paragraphs):
            raise IndexError(f"paragraph {index} is not in the document")
    indices = list(dict.fromkeys(indices))
    job = TranslationJob(
        document=document,
        translator=translator,
        on_result=on_result,
        indices=indices,
        cache=cache,
        gate=gate or RequestGate(),
        max_in_flight=max_in_flight,
        retry=retry or RetryPolicy(),
        refresh=refresh,
    )
    job._start()
    return job


def translate_document(
    document: Document,
    translator: Translator,
    *,
    cache: TranslationCache | None,
    gate: RequestGate | None = None,
    paragraphs: Sequence[int] | None = None,
    max_in_flight: int = DEFAULT_MAX_IN_FLIGHT,
    retry: RetryPolicy | None = None,
    refresh: bool = False,
) -> list[ParagraphTranslation]:
    """Translate and wait: every requested paragraph's result, in paragraph order."""
    job = start_translation(
        document,
        translator,
        lambda result: None,
        cache=cache,
        gate=gate,
        paragraphs=paragraphs,
        max_in_flight=max_in_flight,
        retry=retry,
        refresh=refresh,
    )
    try:
        job.wait()
    except BaseException:  # Ctrl-C in the CLI: stop sending, then let it propagate
        job.cancel()
        raise
    return job.results()


def estimate_requests(
    document: Document,
    translator: Translator,
    *,
    cache: TranslationCache | None,
    paragraphs: Sequence[int] | None = None,
) -> RequestEstimate:
    """How many requests `start_translation` would send for these paragraphs (all without
    `paragraphs`): the bundled sample, paragraphs with nothing to translate and cache hits
    need none, the rest are packed as the job packs them. Reads the cache: call it off the
    Tk thread."""
    if sample_translation(document) is not None:
        return RequestEstimate(0, 0)
    indices = range(len(document.paragraphs)) if paragraphs is None else paragraphs
    plans = []
    for index in dict.fromkeys(indices):
        text = document.paragraphs[index]
        if not chunking.has_content(text):
            continue
        if cache is not None and cache.get(
            translator.name, translator.source, translator.target, text
        ):
            continue
        plans.append(chunking.plan_paragraph(index, text, translator.max_chars))
    return RequestEstimate(len(plans), len(chunking.pack(plans, translator.max_chars)))
