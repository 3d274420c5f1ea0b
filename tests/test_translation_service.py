"""The translation service against real deep-translator code and a loopback server."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import paths
from reader.document import Document, Source
from reader.language.sentences import split_sentences
from reader.loading import load_path
from reader.translation import (
    DeepTranslator,
    ParagraphTranslation,
    ProviderSettings,
    RequestGate,
    RetryPolicy,
    SettingsError,
    Timeouts,
    TranslationCache,
    endpoint_for,
    start_translation,
    translate_document,
    user_cache,
)
from tests.translation_servers import FakeTranslator

FAST = Timeouts(connect=1.0, read=0.5)
QUICK_RETRY = RetryPolicy(attempts=3, base_delay_s=0.02, max_delay_s=0.1, max_retry_after_s=5)

SHORT_PARAGRAPHS = (
    "Der Bundestag hat am Donnerstag über den Haushalt beraten. Die Opposition kritisierte "
    "den Entwurf scharf.",
    "Die Ministerin verteidigte ihre Pläne.",
    "Nach der Sitzung gab es keine Einigung. Die Gespräche gehen weiter. Eine Entscheidung wird "
    "für Freitag erwartet.",
)


def document(*paragraphs: str) -> Document:
    return Document(title=None, source=Source(path=None, format="stdin"), paragraphs=paragraphs)


def long_paragraph(number: int, sentences: int = 12) -> str:
    return " ".join(
        f"Im Absatz {number} steht der Satz {s} über die Schuldenbremse und den Haushalt."
        for s in range(sentences)
    )


def expected(paragraph: str) -> str:
    return " ".join(f"EN[{' '.join(s.split())}]" for s in split_sentences(paragraph))


@pytest.fixture
def server() -> Iterator[FakeTranslator]:
    with FakeTranslator() as fake:
        yield fake


def translate(
    server: FakeTranslator, doc: Document, name: str = "google", **options: object
) -> list[ParagraphTranslation]:
    api_key = options.pop("api_key", "secret" if name in ("deepl", "microsoft") else None)
    settings = ProviderSettings(name=name, endpoint=server.url, api_key=api_key)  # type: ignore[arg-type]
    options.setdefault("cache", None)
    options.setdefault("retry", QUICK_RETRY)
    translator = DeepTranslator(settings, FAST)
    return translate_document(doc, translator, **options)  # type: ignore[arg-type]


def assert_aligned(results: list[ParagraphTranslation], doc: Document) -> None:
    assert [r.index for r in results] == list(range(len(doc.paragraphs)))
    for result, paragraph in zip(results, doc.paragraphs, strict=True):
        assert result.ok, result.error
        assert result.source == paragraph
        assert result.translation == expected(paragraph)
        assert [pair.source for pair in result.sentences] == split_sentences(paragraph)
        for pair in result.sentences:
            assert pair.translation == f"EN[{' '.join(pair.source.split())}]"
            assert paragraph[pair.start : pair.end] == pair.source


@pytest.mark.parametrize("provider", ["google", "deepl", "libre", "mymemory", "microsoft"])
def test_each_provider_translates_with_sentence_pairs(
    server: FakeTranslator, provider: str
) -> None:
    doc = document(*SHORT_PARAGRAPHS)
    results = translate(server, doc, provider)
    assert_aligned(results, doc)
    assert len(server.seen) == 1  # three short paragraphs fit in one request


def test_long_article_nothing_lost_nothing_doubled_and_within_google_limits(
    server: FakeTranslator,
) -> None:
    too_long_sentence = (
        "Die Koalition, " + ", ".join(f"Partei {n} und Fraktion {n}" for n in range(150)) + "."
    )
    paragraphs = [long_paragraph(n, sentences=1 + n % 9) for n in range(25)]
    paragraphs.insert(7, too_long_sentence)
    doc = document(*paragraphs)
    results = translate(server, doc)
    for result, paragraph in zip(results, doc.paragraphs, strict=True):
        assert result.ok
        if paragraph is too_long_sentence:
            # Sent in pieces; the pieces' translations, in order, make up the sentence.
            assert result.translation is not None
            inner = result.translation.replace("EN[", "").replace("]", "")
            assert inner == too_long_sentence
            assert len(result.sentences) == 1
        else:
            assert result.translation == expected(paragraph)
    assert all(len(text) <= 1200 for text in server.texts())
    assert all(request.url_length < 4000 for request in server.seen)
    sent_lines = Counter(line for text in server.texts() for line in text.splitlines())
    assert all(count == 1 for count in sent_lines.values())
    assert len(server.seen) < len(paragraphs)  # paragraphs are packed, not one request each


def test_mymemory_requests_stay_under_500_characters(server: FakeTranslator) -> None:
    doc = document(*(long_paragraph(n, sentences=6) for n in range(4)))
    results = translate(server, doc, "mymemory")
    assert_aligned(results, doc)
    assert max(len(text) for text in server.texts()) < 500


def test_in_flight_requests_stay_within_the_bound() -> None:
    with FakeTranslator(latency_s=0.15) as server:
        doc = document(*(long_paragraph(n, sentences=12) for n in range(12)))
        results = translate(server, doc, max_in_flight=3)
        assert_aligned(results, doc)
        assert len(server.seen) >= 12
        assert server.max_concurrent == 3


def test_two_jobs_share_the_bound_per_provider() -> None:
    with FakeTranslator(latency_s=0.1) as server:
        translator = DeepTranslator(ProviderSettings("google", endpoint=server.url))
        gate = RequestGate()
        docs = [document(*(long_paragraph(10 * j + n) for n in range(6))) for j in range(2)]
        jobs = [
            start_translation(
                doc, translator, lambda r: None, cache=None, gate=gate, max_in_flight=2
            )
            for doc in docs
        ]
        assert all(job.wait(10) for job in jobs)
        assert all(r.ok for job in jobs for r in job.results())
        assert server.max_concurrent == 2


def test_results_stream_in_as_paragraphs_finish() -> None:
    with FakeTranslator(latency_s=0.2) as server:
        doc = document(*(long_paragraph(n) for n in range(5)))
        arrivals: list[float] = []
        translator = DeepTranslator(ProviderSettings("google", endpoint=server.url))
        job = start_translation(
            doc,
            translator,
            lambda r: arrivals.append(time.monotonic()),
            cache=None,
            max_in_flight=1,
        )
        assert job.total == 5
        assert job.wait(10)
        assert len(arrivals) == 5
        assert [r.index for r in job.results()] == [0, 1, 2, 3, 4]
        assert arrivals[-1] - arrivals[0] >= 0.6  # the first came long before the last


def test_concurrent_jobs_on_two_servers_never_mix_answers() -> None:
    with FakeTranslator(prefix="A", latency_s=0.01) as a, FakeTranslator(prefix="B") as b:
        failures: list[str] = []

        def run(worker: int) -> None:
            server = a if worker % 2 else b
            doc = document(*(f"Satz {worker}-{n}. Noch {worker}-{n}." for n in range(6)))
            settings = ProviderSettings("google", endpoint=server.url)
            timeouts = Timeouts(1, 0.5 + worker / 10)  # a different timeout on every thread
            translator = DeepTranslator(settings, timeouts)
            for result in translate_document(doc, translator, cache=None):
                wanted = " ".join(f"{server.prefix}[{s}]" for s in split_sentences(result.source))
                if result.translation != wanted:
                    failures.append(f"{result.translation!r} != {wanted!r}")

        threads = [threading.Thread(target=run, args=(w,)) for w in range(12)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []


def test_a_failed_part_fails_its_paragraph_only(server: FakeTranslator) -> None:
    long = long_paragraph(1, sentences=14)  # about 1,000 characters: three MyMemory requests
    doc = document(long, "Ein kurzer Absatz.")
    server.add_faults("500", "500", "500")
    reported: list[int] = []
    settings = ProviderSettings("mymemory", endpoint=server.url)
    job = start_translation(
        doc,
        DeepTranslator(settings, FAST),
        lambda r: reported.append(r.index),
        cache=None,
        max_in_flight=1,
        retry=QUICK_RETRY,
    )
    assert job.wait(10)
    failed, translated = job.results()
    assert not failed.ok and "HTTP 500" in (failed.error or "")
    assert translated.translation == "EN[Ein kurzer Absatz.]"
    assert sorted(reported) == [0, 1]


def test_429_waits_as_long_as_retry_after_asks(server: FakeTranslator) -> None:
    server.add_faults("429", retry_after="1")
    results = translate(server, document(*SHORT_PARAGRAPHS))
    assert_aligned(results, document(*SHORT_PARAGRAPHS))
    first, second = server.seen
    assert second.started - first.started >= 0.95


def test_retry_after_beyond_the_limit_fails_with_advice(server: FakeTranslator) -> None:
    server.add_faults("429", retry_after="3600")
    results = translate(server, document(*SHORT_PARAGRAPHS))
    assert len(server.seen) == 1
    assert all(not r.ok for r in results)
    assert "HTTP 429" in (results[0].error or "")
    assert "try again later" in (results[0].error or "")


TRANSIENT_FAULTS = ["500", "reset", "garbage", "truncated", "short", "empty", "stall"]


@pytest.mark.parametrize(
    ("provider", "fault"),
    [
        (provider, fault)
        for provider in ("google", "libre", "deepl")
        for fault in TRANSIENT_FAULTS
        # An HTML page cut short still parses; "short" covers a cut connection for Google.
        if (provider, fault) != ("google", "truncated")
    ],
)
def test_transient_faults_are_retried(server: FakeTranslator, provider: str, fault: str) -> None:
    server.add_faults(fault)
    doc = document(*SHORT_PARAGRAPHS)
    started = time.monotonic()
    results = translate(server, doc, provider)
    assert_aligned(results, doc)
    assert len(server.seen) == 2
    assert time.monotonic() - started < 3


def test_a_paragraph_fails_with_its_reason_when_retries_run_out(server: FakeTranslator) -> None:
    server.add_faults("500", "500", "500")
    results = translate(server, document("Ein Satz.", "Noch ein Satz."))
    assert len(server.seen) == 3
    assert [r.ok for r in results] == [False, False]
    assert all(r.translation is None for r in results)
    assert "HTTP 500" in (results[0].error or "")
    assert "3 attempts" in (results[0].error or "")


def test_stalled_server_times_out_and_reports_it(server: FakeTranslator) -> None:
    server.add_faults("stall", "stall", "stall")
    started = time.monotonic()
    results = translate(server, document("Ein Satz."))
    assert time.monotonic() - started < 4
    assert "did not answer within 0.5 s" in (results[0].error or "")


def test_refused_key_is_not_retried_and_stops_the_job() -> None:
    with FakeTranslator(api_key="right-key") as server:
        doc = document(*(long_paragraph(n, sentences=40) for n in range(6)))
        results = translate(server, doc, "deepl", api_key="wrong-key", max_in_flight=1)
        assert len(server.seen) == 1
        assert all(not r.ok for r in results)
        message = results[0].error or ""
        assert "HTTP 403" in message and "DEEPL_API_KEY" in message
        assert "wrong-key" not in message


def test_quota_exhausted_says_what_to_do(server: FakeTranslator) -> None:
    server.add_faults("456")
    results = translate(server, document("Ein Satz."), "deepl")
    assert len(server.seen) == 1
    assert "quota" in (results[0].error or "")


def test_missing_key_fails_without_a_request(server: FakeTranslator) -> None:
    results = translate(server, document("Ein Satz."), "deepl", api_key=None)
    assert server.seen == []
    assert "DEEPL_API_KEY" in (results[0].error or "")


def test_deepl_key_travels_in_a_header_not_the_url(server: FakeTranslator) -> None:
    translate(server, document("Ein Satz."), "deepl", api_key="my-secret:fx")
    (request,) = server.seen
    assert request.headers["Authorization"] == "DeepL-Auth-Key my-secret:fx"
    assert request.method == "POST"
    assert "auth_key" not in request.fields


def test_merged_lines_fall_back_without_misaligned_pairs() -> None:
    with FakeTranslator(always_merge=True) as server:
        doc = document(*SHORT_PARAGRAPHS)
        results = translate(server, doc)
        for result, paragraph in zip(results, doc.paragraphs, strict=True):
            assert result.translation == expected(paragraph)  # nothing lost, nothing doubled
            if len(split_sentences(paragraph)) > 1:
                assert result.sentences == ()
            else:
                assert [p.translation for p in result.sentences] == [expected(paragraph)]


@pytest.mark.parametrize("line_break", ["<br>", "<br/>", "<BR />"])
def test_google_page_with_br_line_breaks_keeps_alignment(line_break: str) -> None:
    with FakeTranslator(google_line_break=line_break) as server:
        doc = document(*SHORT_PARAGRAPHS)
        assert_aligned(translate(server, doc), doc)
        assert len(server.seen) == 1


def test_one_merged_answer_is_resent_paragraph_by_paragraph(server: FakeTranslator) -> None:
    server.add_faults("merge")
    doc = document(*SHORT_PARAGRAPHS)
    results = translate(server, doc)
    assert_aligned(results, doc)
    assert len(server.seen) == 1 + len(SHORT_PARAGRAPHS)


def test_paragraph_without_words_needs_no_request(server: FakeTranslator) -> None:
    results = translate(server, document("…", "* * *"))
    assert [r.translation for r in results] == ["…", "* * *"]
    assert server.seen == []


def test_only_the_requested_paragraphs_are_translated(server: FakeTranslator) -> None:
    doc = document(*SHORT_PARAGRAPHS)
    results = translate(server, doc, paragraphs=[2, 0])
    assert [r.index for r in results] == [0, 2]
    assert results[1].translation == expected(SHORT_PARAGRAPHS[2])


def test_cancel_stops_requests_and_reports() -> None:
    with FakeTranslator(latency_s=0.3) as server:
        doc = document(*(long_paragraph(n) for n in range(10)))
        first = threading.Event()
        reported: list[int] = []

        def on_result(result: ParagraphTranslation) -> None:
            reported.append(result.index)
            first.set()

        settings = ProviderSettings("google", endpoint=server.url)
        translator = DeepTranslator(settings)
        job = start_translation(doc, translator, on_result, cache=None, max_in_flight=1)
        assert first.wait(5)
        job.cancel()
        assert job.wait(1) and job.done
        count = len(reported)
        time.sleep(0.8)
        assert len(reported) == count < 10
        assert len(server.seen) <= count + 1
        assert len(job.results()) == count


def test_second_run_comes_from_the_cache(server: FakeTranslator, tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path / "cache.sqlite3")
    doc = document(*SHORT_PARAGRAPHS)
    first = translate(server, doc, cache=cache)
    requests_after_first = len(server.seen)
    second = translate(server, doc, cache=cache)
    assert len(server.seen) == requests_after_first
    assert all(r.from_cache for r in second)
    assert [(r.translation, r.sentences) for r in second] == [
        (r.translation, r.sentences) for r in first
    ]


def test_refresh_asks_the_provider_again_and_updates_the_cache(
    server: FakeTranslator, tmp_path: Path
) -> None:
    cache = TranslationCache(tmp_path / "cache.sqlite3")
    doc = document(*SHORT_PARAGRAPHS)
    translate(server, doc, cache=cache)
    requests_after_first = len(server.seen)
    again = translate(server, doc, cache=cache, refresh=True)
    assert len(server.seen) > requests_after_first
    assert not any(r.from_cache for r in again)
    assert_aligned(again, doc)
    assert all(r.from_cache for r in translate(server, doc, cache=cache))


def test_refresh_sends_even_the_bundled_sample_to_the_provider(server: FakeTranslator) -> None:
    sample = load_path(paths.PACKAGE_DATA / "sample_article.de.md")
    results = translate(server, sample, refresh=True, paragraphs=[0])
    assert len(server.seen) >= 1
    assert results[0].ok and not results[0].from_cache


def test_failed_paragraphs_are_not_cached(server: FakeTranslator, tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path / "cache.sqlite3")
    server.add_faults("500", "500", "500")
    translate(server, document("Ein Satz."), cache=cache)
    assert len(cache) == 0


def test_the_user_cache_lives_in_the_user_cache_folder(server: FakeTranslator) -> None:
    translator = DeepTranslator(ProviderSettings("google", endpoint=server.url), FAST)
    translate_document(document("Ein Satz."), translator, cache=user_cache())
    assert (paths.cache_dir() / "translations.sqlite3").is_file()
    again = translate_document(document("Ein Satz."), translator, cache=user_cache())
    assert again[0].from_cache and len(server.seen) == 1


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (ProviderSettings("babelfish"), "unknown translation provider"),
        (ProviderSettings("libre", endpoint="localhost:5000"), "not an http"),
        (ProviderSettings("libre", endpoint="ftp://example.org"), "not an http"),
    ],
)
def test_impossible_settings_are_refused_at_once(settings: ProviderSettings, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        DeepTranslator(settings)


def test_endpoints_default_per_provider_and_deepl_key_kind() -> None:
    assert endpoint_for(ProviderSettings("google")) == "https://translate.google.com"
    assert endpoint_for(ProviderSettings("deepl", api_key="abc:fx")) == "https://api-free.deepl.com"
    assert endpoint_for(ProviderSettings("deepl", api_key="abc")) == "https://api.deepl.com"
    custom = ProviderSettings("libre", endpoint=" http://127.0.0.1:5000/ ")
    assert endpoint_for(custom) == "http://127.0.0.1:5000"


def test_offline_fails_every_paragraph_quickly_with_the_reason() -> None:
    with FakeTranslator() as server:
        url = server.url  # a port that was just free and is now closed again
    doc = document(*(long_paragraph(n, sentences=20) for n in range(8)))
    started = time.monotonic()
    settings = ProviderSettings("google", endpoint=url)
    translator = DeepTranslator(settings, FAST)
    results = translate_document(doc, translator, cache=None, retry=QUICK_RETRY)
    assert time.monotonic() - started < 3
    assert len(results) == 8
    assert all(not r.ok and "could not reach" in (r.error or "") for r in results)


def test_api_keys_stay_out_of_logs_and_messages(
    server: FakeTranslator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    settings = ProviderSettings("deepl", endpoint=server.url, api_key="top-secret-key")
    server.add_faults("500", "403")
    results = translate_document(
        document("Ein Satz."), DeepTranslator(settings, FAST), cache=None, retry=QUICK_RETRY
    )
    assert not results[0].ok
    assert "top-secret-key" not in caplog.text + (results[0].error or "") + repr(settings)


def test_deep_translator_used_directly_keeps_its_own_behaviour(server: FakeTranslator) -> None:
    from deep_translator import GoogleTranslator
    from deep_translator.exceptions import RequestError

    translate(server, document("Ein Satz."))  # installs the guarded requests
    server.add_faults("500")
    translator = GoogleTranslator(source="de", target="en")
    translator._base_url = f"{server.url}/m"
    with pytest.raises(RequestError):
        translator.translate("Ein Satz.")
    assert translator.translate("Ein Satz.") == "EN[Ein Satz.]"


def test_a_key_the_server_echoes_is_never_shown(server: FakeTranslator) -> None:
    key = "echoed-secret-key-123"
    server.add_faults("400-echo")
    results = translate(server, document("Ein Satz."), "libre", api_key=key)
    message = results[0].error or ""
    assert "HTTP 400: bad request from [API key]" in message
    assert key not in message


def test_remembered_keys_are_redacted_from_messages_and_log_lines() -> None:
    import logging

    from reader import secrets

    secrets.remember("sk-test-0123456789")
    assert secrets.redact("rejected: sk-test-0123456789 (403)") == "rejected: [API key] (403)"
    record = logging.LogRecord(
        "reader", logging.WARNING, __file__, 1, "key %s", ("sk-test-0123456789",), None
    )
    assert "sk-test" not in secrets.RedactingFormatter("%(message)s").format(record)


# --- answers of the wrong shape -----------------------------------------------------------

WRONG_SHAPES = {
    "list": "instead of a translation",
    "number": "instead of a translation",
    "drop-line": "a sentence was lost",
    "extra-line": "text was added",
    "cut-short": "far shorter than the text sent",
}


@pytest.mark.parametrize(
    ("provider", "fault"),
    [
        (provider, fault)
        for provider in ("google", "libre", "deepl")
        for fault in WRONG_SHAPES
        # Google's page is text: a list shows as lines, a number as digits (no words).
        if (provider, fault) != ("google", "list")
    ],
)
def test_a_wrong_shaped_answer_is_retried_never_taken(
    server: FakeTranslator, provider: str, fault: str
) -> None:
    server.add_faults(fault)
    doc = document(*SHORT_PARAGRAPHS)
    assert_aligned(translate(server, doc, provider), doc)
    assert len(server.seen) == 2


@pytest.mark.parametrize(("fault", "reason"), WRONG_SHAPES.items())
def test_an_answer_wrong_every_time_fails_with_its_reason_and_is_not_cached(
    server: FakeTranslator, tmp_path: Path, fault: str, reason: str
) -> None:
    cache = TranslationCache(tmp_path / "cache.sqlite3")
    doc = document("Ein Satz steht hier. Noch ein Satz folgt. Und ein dritter Satz kommt.")
    server.always = fault
    (result,) = translate(server, doc, "libre", cache=cache)
    assert result.translation is None
    assert reason in (result.error or "") and "3 attempts" in (result.error or "")
    assert len(cache) == 0


def test_a_number_in_a_google_page_is_no_translation(server: FakeTranslator) -> None:
    server.always = "number"
    (result,) = translate(server, document("Die Regierung hat den Haushalt beschlossen."))
    assert result.translation is None
    assert "held no words ('12345')" in (result.error or "")


# --- deadlines ------------------------------------------------------------------------------

SHORT_DEADLINE = RetryPolicy(attempts=10, base_delay_s=0.02, max_delay_s=0.1, deadline_s=1.5)


@pytest.mark.parametrize("fault", ["trickle", "slow-header"])
def test_a_trickling_answer_is_cut_off_at_the_deadline(server: FakeTranslator, fault: str) -> None:
    server.always = fault  # two bytes every 0.1 s: the 0.5 s read timeout never trips
    started = time.monotonic()
    (result,) = translate(server, document("Ein Satz."), "libre", retry=SHORT_DEADLINE)
    assert time.monotonic() - started < 4
    assert result.translation is None
    assert "did not answer in time (after 1 attempt in the 1.5 s allowed)" in (result.error or "")
    assert "connection" not in (result.error or "")  # a slow server is no network problem


def test_a_server_stalling_every_attempt_ends_the_job_within_the_deadline(
    server: FakeTranslator,
) -> None:
    server.always = "stall"
    started = time.monotonic()
    results = translate(server, document(*SHORT_PARAGRAPHS), retry=SHORT_DEADLINE)
    assert time.monotonic() - started < 4
    assert 1 < len(server.seen) < 10
    for result in results:
        assert result.translation is None
        assert "did not answer" in (result.error or "")
        assert "attempts in the 1.5 s allowed" in (result.error or "")


def test_a_connection_reset_every_time_is_no_reason_to_check_the_network(
    server: FakeTranslator,
) -> None:
    server.always = "reset"
    (result,) = translate(server, document("Ein Satz."))
    assert "broke off" in (result.error or "")
    assert "internet connection" not in (result.error or "")
