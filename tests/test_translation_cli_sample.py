"""`reader translate` end to end, and the bundled sample's translation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.document import Document, Source
from reader.language.sentences import split_sentences
from reader.loading import load_path
from reader.translation import (
    DeepTranslator,
    ProviderSettings,
    sample_translation,
    translate_document,
)
from reader.translation.sample import SAMPLE_ENGLISH, SAMPLE_GERMAN
from tests.translation_servers import FakeTranslator

ARTICLE = (
    "Der Bundestag hat den Haushalt beraten. Die Opposition kritisierte den Entwurf.\n\n"
    "Die Ministerin verteidigte ihre Pläne.\n"
)


@pytest.fixture
def server() -> Iterator[FakeTranslator]:
    with FakeTranslator(api_key="right-key") as fake:
        yield fake


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "artikel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run_reader(*args: str, **environment: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "translate", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **environment},
    )


def test_json_report(server: FakeTranslator, article: Path) -> None:
    result = run_reader(str(article), "--provider", "google", "--endpoint", server.url, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["provider"] == "google"
    first, second = report["paragraphs"]
    assert first == {
        "index": 0,
        "source": "Der Bundestag hat den Haushalt beraten. Die Opposition kritisierte den Entwurf.",
        "translation": "EN[Der Bundestag hat den Haushalt beraten.] "
        "EN[Die Opposition kritisierte den Entwurf.]",
        "error": None,
        "sentences": [
            {
                "source": "Der Bundestag hat den Haushalt beraten.",
                "translation": "EN[Der Bundestag hat den Haushalt beraten.]",
            },
            {
                "source": "Die Opposition kritisierte den Entwurf.",
                "translation": "EN[Die Opposition kritisierte den Entwurf.]",
            },
        ],
    }
    assert second["translation"] == "EN[Die Ministerin verteidigte ihre Pläne.]"


def test_failed_paragraphs_exit_3_with_their_errors(server: FakeTranslator, article: Path) -> None:
    result = run_reader(
        str(article),
        "--provider",
        "deepl",
        "--endpoint",
        server.url,
        "--api-key-env",
        "TEST_DEEPL_KEY",
        "--json",
        TEST_DEEPL_KEY="wrong-key",
    )
    assert result.returncode == 3, result.stderr
    report = json.loads(result.stdout)
    assert [p["translation"] for p in report["paragraphs"]] == [None, None]
    assert all("HTTP 403" in p["error"] for p in report["paragraphs"])
    assert "wrong-key" not in result.stdout + result.stderr


def test_api_key_from_the_named_variable(server: FakeTranslator, article: Path) -> None:
    result = run_reader(
        str(article),
        "--provider=deepl",
        f"--endpoint={server.url}",
        "--api-key-env=TEST_DEEPL_KEY",
        "--no-cache",
        "--json",
        TEST_DEEPL_KEY="right-key",
    )
    assert result.returncode == 0, result.stderr
    assert server.seen[0].headers["Authorization"] == "DeepL-Auth-Key right-key"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["/nonexistent/artikel.txt"], "artikel.txt"),
        (["{article}", "--provider", "deepl"], "DEEPL_API_KEY"),
        (["{article}", "--provider", "deepl", "--api-key-env", "UNSET_VARIABLE"], "UNSET_VARIABLE"),
        (["{article}", "--provider", "babelfish"], "babelfish"),
    ],
)
def test_bad_input_exits_2(article: Path, arguments: list[str], message: str) -> None:
    environment = {"DEEPL_API_KEY": "", "UNSET_VARIABLE": ""}
    result = run_reader(*(a.format(article=article) for a in arguments), **environment)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_side_by_side_fits_the_terminal(server: FakeTranslator, article: Path) -> None:
    result = run_reader(str(article), "--endpoint", server.url, COLUMNS="72")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(len(line) <= 72 for line in lines)
    assert lines[0].startswith("Der Bundestag hat den Haushalt") and "│ EN[Der" in lines[0]
    right_column = " ".join(line.partition("│ ")[2] for line in lines if "│" in line)
    assert "EN[Die Ministerin verteidigte ihre Pläne.]" in right_column


def test_sample_translation_from_given_files(tmp_path: Path) -> None:
    german = tmp_path / "de.md"
    english = tmp_path / "en.md"
    german.write_text("# Titel\n\nEr kam. Sie ging.\n\nAlles gut.\n", encoding="utf-8")
    english.write_text("# Title\n\nHe came. She left.\n\nAll good.\n", encoding="utf-8")
    doc = load_path(german)
    results = sample_translation(doc, german=german, english=english)
    assert results is not None
    assert [r.translation for r in results] == [p for p in load_path(english).paragraphs]
    other = Document(None, Source(None, "stdin"), ("Etwas anderes.",))
    assert sample_translation(other, german=german, english=english) is None


@pytest.mark.skipif(not SAMPLE_ENGLISH.exists(), reason="the bundled English sample is missing")
def test_the_bundled_sample_translates_without_network() -> None:
    doc = load_path(SAMPLE_GERMAN)
    # An endpoint nobody listens on: any request would fail.
    settings = ProviderSettings("google", endpoint="http://127.0.0.1:9")
    results = translate_document(doc, DeepTranslator(settings), cache=None)
    assert len(results) == len(doc.paragraphs)
    for result, paragraph in zip(results, doc.paragraphs, strict=True):
        assert result.ok and result.translation
        assert result.source == paragraph
        assert [pair.source for pair in result.sentences] == split_sentences(paragraph)
