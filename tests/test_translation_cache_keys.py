"""The translation cache on disk, and API keys from the environment and the keyring."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest

from reader.translation import (
    KeyStorageError,
    SentencePair,
    TranslationCache,
    api_key_for,
    store_api_key,
)
from tests.keyrings import BrokenKeyring, MemoryKeyring

PAIRS = (SentencePair("Er kam.", "He came.", 0, 7), SentencePair("Sie ging.", "She left.", 8, 17))


def test_cache_round_trip_and_key_parts(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path / "c.sqlite3")
    cache.put("google", "de", "en", "Er kam. Sie ging.", "He came. She left.", PAIRS)
    hit = cache.get("google", "de", "en", "Er kam. Sie ging.")
    assert hit is not None
    assert hit.translation == "He came. She left."
    assert hit.sentences == PAIRS
    assert cache.get("deepl", "de", "en", "Er kam. Sie ging.") is None
    assert cache.get("google", "de", "fr", "Er kam. Sie ging.") is None
    assert cache.get("google", "de", "en", "Er kam.") is None


def test_pairs_stored_without_spans_take_them_from_the_sentence_splitter(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path / "c.sqlite3")
    cache.put("google", "de", "en", "Er kam. Sie ging.", "He came. She left.", PAIRS)
    with cache._connection:
        cache._connection.execute(
            "UPDATE translations SET sentences = ?",
            ('[["Er kam.", "He came."], ["Sie ging.", "She left."]]',),
        )
    hit = cache.get("google", "de", "en", "Er kam. Sie ging.")
    assert hit is not None and hit.sentences == PAIRS


def test_pairs_that_do_not_fit_the_paragraph_are_dropped(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path / "c.sqlite3")
    wrong = (SentencePair("Er kam.", "He came.", 3, 10),)
    cache.put("google", "de", "en", "Er kam.", "He came.", wrong)
    hit = cache.get("google", "de", "en", "Er kam.")
    assert hit is not None and hit.translation == "He came." and hit.sentences == ()


def test_cache_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    TranslationCache(path).put("google", "de", "en", "Hallo", "Hello")
    reopened = TranslationCache(path).get("google", "de", "en", "Hallo")
    assert reopened is not None and reopened.translation == "Hello"


def test_corrupt_cache_is_set_aside_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not a database at all " * 100)
    cache = TranslationCache(path)
    cache.put("google", "de", "en", "Hallo", "Hello")
    assert cache.get("google", "de", "en", "Hallo") is not None
    (aside,) = tmp_path.glob("c.sqlite3.corrupt-*")
    assert aside.read_bytes().startswith(b"this is not a database")


def test_concurrent_writers_in_threads_and_another_process(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    caches = [TranslationCache(path), TranslationCache(path)]
    script = (
        "import sys; from pathlib import Path; "
        "from reader.translation import TranslationCache; "
        "c = TranslationCache(Path(sys.argv[1])); "
        "[c.put('google', 'de', 'en', f'p{n}', f'P{n}') for n in range(200)]"
    )
    process = subprocess.Popen([sys.executable, "-c", script, str(path)])

    def write(worker: int) -> None:
        cache = caches[worker % 2]
        for n in range(100):
            cache.put("google", "de", "en", f"t{worker}-{n}", f"T{worker}-{n}")

    threads = [threading.Thread(target=write, args=(w,)) for w in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert process.wait(timeout=60) == 0
    assert len(caches[0]) == 6 * 100 + 200
    hit = caches[1].get("google", "de", "en", "t5-99")
    assert hit is not None and hit.translation == "T5-99"


@pytest.fixture(autouse=True)
def no_key_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("DEEPL_API_KEY", "MICROSOFT_API_KEY", "LIBRE_API_KEY"):
        monkeypatch.delenv(variable, raising=False)


def test_keys_are_stored_in_and_read_from_the_keyring(memory_keyring: MemoryKeyring) -> None:
    store_api_key("deepl", "  abc:fx  ")
    assert memory_keyring.store == {("german-reader", "deepl"): "abc:fx"}
    assert api_key_for("deepl") == "abc:fx"
    store_api_key("deepl", "")
    assert api_key_for("deepl") is None
    store_api_key("deepl", "")  # removing a key that is not there is fine


def test_environment_variable_wins(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_api_key("deepl", "from-keyring")
    monkeypatch.setenv("DEEPL_API_KEY", "from-environment")
    assert api_key_for("deepl") == "from-environment"


def test_providers_without_keys_never_ask_the_keyring(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.store[("german-reader", "google")] = "should not be used"
    assert api_key_for("google") is None


def test_a_broken_keyring_is_handled() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    try:
        assert api_key_for("deepl") is None
        with pytest.raises(KeyStorageError, match="DEEPL_API_KEY"):
            store_api_key("deepl", "abc")
    finally:
        keyring.set_keyring(previous)


def test_keys_never_reach_the_log(
    memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    store_api_key("deepl", "very-secret-key")
    api_key_for("deepl")
    keyring.set_keyring(BrokenKeyring())
    with pytest.raises(KeyStorageError):
        store_api_key("deepl", "very-secret-key")
    assert "very-secret-key" not in caplog.text
