"""The overall deadlines hold through a proxy (issue 19).

requests goes through the proxy that HTTP_PROXY / HTTPS_PROXY name, with connection pools of
the proxy manager's own. A loopback proxy that trickles its answer (two bytes every 0.1 s: never
silent long enough for a read timeout) must still be cut off at the deadline: the answer to a
plain request (its head or its body), and the answer to CONNECT that an https address needs.
The proxy gives up by itself after 20 s, so a deadline that does not hold fails the time check
instead of hanging the suite.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from reader.document import Document, Source
from reader.errors import LoadError
from reader.loading import load_url
from reader.translation import (
    DeepTranslator,
    ProviderSettings,
    RetryPolicy,
    Timeouts,
    TranslationError,
    translate_document,
)
from tests.proxies import TricklingProxy

# The addresses go to the proxy, which never looks them up: .example names resolve nowhere.
PLAIN = "http://zeitung.example/artikel"
SECURE = "https://zeitung.example/artikel"


@pytest.fixture
def through(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[TricklingProxy]]:
    """Start a proxy with `through(what=...)` and route every request through it."""

    class RoutedProxy(TricklingProxy):
        def __enter__(self) -> TricklingProxy:
            for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
                monkeypatch.setenv(name, self.url)
            for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
                monkeypatch.delenv(name, raising=False)
            return super().__enter__()

    yield RoutedProxy


@pytest.mark.parametrize(
    ("url", "what", "asked"),
    [
        (PLAIN, "body", "GET http://"),
        (PLAIN, "head", "GET http://"),
        (SECURE, "connect", "CONNECT"),
    ],
)
def test_a_download_through_a_trickling_proxy_ends_at_the_deadline(
    through: type[TricklingProxy], url: str, what: str, asked: str
) -> None:
    with through(what=what) as proxy:
        started = time.monotonic()
        with pytest.raises(LoadError, match=r"the download took longer than 2 seconds"):
            load_url(url, timeout=0.5)  # the deadline: four timeouts
        took = time.monotonic() - started
    assert proxy.request_lines and proxy.request_lines[0].startswith(asked)
    assert took < 4


QUICK = Timeouts(connect=1.0, read=0.5, total=1.5)


@pytest.mark.parametrize(
    ("endpoint", "what"),
    [
        ("http://uebersetzer.example", "body"),
        ("http://uebersetzer.example", "head"),
        ("https://uebersetzer.example", "connect"),
    ],
)
def test_a_translation_request_through_a_trickling_proxy_ends_at_the_deadline(
    through: type[TricklingProxy], endpoint: str, what: str
) -> None:
    translator = DeepTranslator(ProviderSettings("libre", endpoint=endpoint), QUICK)
    with through(what=what) as proxy:
        started = time.monotonic()
        with pytest.raises(TranslationError, match=r"did not finish answering within 1\.5 s"):
            translator.translate("Der Rat tagte lange.")
        took = time.monotonic() - started
    assert proxy.request_lines
    assert took < 3


def test_a_translation_job_through_a_trickling_proxy_ends_at_its_deadline(
    through: type[TricklingProxy],
) -> None:
    document = Document(
        title=None,
        source=Source(path=None, format="stdin"),
        paragraphs=("Der Rat tagte lange. Er beschloss nichts.",),
    )
    translator = DeepTranslator(ProviderSettings("google", endpoint="http://g.example"), QUICK)
    retry = RetryPolicy(base_delay_s=0.02, deadline_s=2.5)
    with through(what="body"):
        started = time.monotonic()
        (result,) = translate_document(document, translator, cache=None, retry=retry)
        took = time.monotonic() - started
    assert not result.ok and result.error
    assert took < 5
