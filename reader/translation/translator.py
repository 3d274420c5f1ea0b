"""What the translation service needs from a provider: the `Translator` protocol.

The service asks a `Translator` for one text at a time, from several threads at once; the
translator answers or raises `TranslationError`, whose `Failure` says whether a retry may help
and what to tell the user. `adapters.DeepTranslator` is the real one (deep-translator, behind
timeouts and HTTP error handling); tests pass in-process fakes as well.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Failure:
    """Why one request failed, for the user and for the retry loop."""

    message: str
    retry: bool
    retry_after: float | None = None
    stops_job: bool = False  # no other request of the job can succeed either


class TranslationError(Exception):
    """One request failed; `failure` says whether to try again and what to tell the user."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.message)
        self.failure = failure


class Translator(Protocol):
    """One provider at one endpoint for one language pair."""

    @property
    def name(self) -> str:
        """The provider's name ("google"): part of the cache key."""

    @property
    def display_name(self) -> str:
        """The provider's name for messages ("Google Translate")."""

    @property
    def source(self) -> str: ...

    @property
    def target(self) -> str: ...

    @property
    def endpoint(self) -> str:
        """Where requests go: translators with the same name and endpoint share a rate gate's
        bound."""

    @property
    def max_chars(self) -> int:
        """The longest text one request may carry."""

    def translate(self, text: str) -> str | None:
        """The provider's answer for `text` (lines kept as lines), or None when it gave none.

        Raises `TranslationError`; any other exception counts as an unexpected error that a
        retry will not fix. Gives up when `time_left()` runs out (the service's deadline for
        the request).
        """


_answer_by: ContextVar[float | None] = ContextVar("translation_answer_by", default=None)


@contextmanager
def answer_by(moment: float) -> Iterator[None]:
    """Inside the block, requests must be answered by `moment` (`time.monotonic()` time)."""
    token = _answer_by.set(moment)
    try:
        yield
    finally:
        _answer_by.reset(token)


def time_left() -> float | None:
    """Seconds left for the request in progress, or None when there is no deadline."""
    moment = _answer_by.get()
    return None if moment is None else max(0.0, moment - time.monotonic())
