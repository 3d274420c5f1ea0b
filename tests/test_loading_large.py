"""Inputs under the size limit that hold far more text than an article (issue 19, item 3).

A 70 KB EPUB unpacking to 19 MB of text, its DOCX twin, a 50,000-page PDF, 19 MB of plain text,
a 19 MB web page: each loads its beginning, up to `MAX_TEXT_CHARS` characters (a PDF up to
`MAX_PDF_PAGES` pages), and says so in one line. How long `reader analyze` takes over them is
measured by `tests/benchmarks/bench_large_inputs.py`, not here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.document import Source
from reader.loading import load_bytes, load_path, load_text
from reader.loading.limits import (
    MAX_PDF_PAGES,
    MAX_TEXT_CHARS,
    cut_text,
    page_cut_notice,
    text_cut_notice,
)
from tests.crafted_inputs import CRAFTED, SENTENCE, dense_epub, repeated_paragraphs

TEXT_CUT = text_cut_notice()


@pytest.mark.parametrize("crafted", [name for name in CRAFTED if "pdf" not in name])
def test_a_long_text_is_cut_with_a_notice(crafted: str) -> None:
    file_name, build = CRAFTED[crafted]
    document = load_bytes(build(), file_name)
    length = sum(map(len, document.paragraphs))
    assert MAX_TEXT_CHARS * 0.9 < length <= MAX_TEXT_CHARS
    assert document.length_warning == TEXT_CUT
    assert document.warnings[0] == TEXT_CUT
    assert TEXT_CUT.isprintable() and "\n" not in TEXT_CUT


def test_a_pdf_of_50000_pages_is_read_to_its_2000th() -> None:
    file_name, build = CRAFTED["50,000-page pdf"]
    document = load_bytes(build(), file_name)
    assert document.length_warning == page_cut_notice(50_000)
    text = " ".join(document.paragraphs)
    assert f"Seite {MAX_PDF_PAGES - 1}: Der Rat tagte lange." in text
    assert f"Seite {MAX_PDF_PAGES}:" not in text


def test_the_cut_keeps_whole_sentences_from_the_beginning() -> None:
    document = load_bytes(dense_epub(), "dicht.epub")
    heading, first, *_ = document.paragraphs
    assert heading == "Kapitel" and first.startswith(SENTENCE)
    assert all(paragraph.endswith(".") for paragraph in document.paragraphs[1:])


def test_a_text_at_the_limit_is_whole_and_has_no_notice() -> None:
    paragraphs = repeated_paragraphs(MAX_TEXT_CHARS - 10_000)
    document = load_text("\n\n".join(paragraphs), Source(path=None, format="clipboard"))
    assert document.paragraphs == tuple(paragraphs)
    assert document.length_warning is None
    assert document.warnings == ()


@pytest.mark.parametrize(
    ("text", "limit", "kept"),
    [
        ("Erster Absatz.\n\nZweiter Absatz.", 20, "Erster Absatz."),
        ("Ein Satz. Noch ein Satz. Und noch einer.", 30, "Ein Satz. Noch ein Satz."),
        ("Wort Wort Wort Wort", 12, "Wort Wort"),
        ("HausHausHausHaus", 10, "HausHausHa"),
        ("kurz", 10, "kurz"),
    ],
)
def test_cut_text_ends_at_a_break_near_the_limit(text: str, limit: int, kept: str) -> None:
    assert cut_text(text, limit) == kept


def test_analyze_a_cut_book_prints_one_note_and_the_notice_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dicht.epub"
    path.write_bytes(dense_epub())
    assert main(["analyze", str(path), "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == f"reader: note: {path}: {TEXT_CUT}\n"
    report = json.loads(out)
    assert report["source"]["length_warning"] == TEXT_CUT
    assert sum(len(p["text"]) for p in report["paragraphs"]) <= MAX_TEXT_CHARS


def test_the_summary_shows_the_notice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file_name, build = CRAFTED["19 MB text"]
    path = tmp_path / file_name
    path.write_bytes(build())
    assert main(["analyze", str(path)]) == 0
    out, _err = capsys.readouterr()
    assert f"Warning: {TEXT_CUT}" in out
    assert load_path(path).length_warning == TEXT_CUT
