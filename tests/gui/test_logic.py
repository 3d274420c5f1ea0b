"""The window's pure pieces, without a window."""

from __future__ import annotations

import tkinter as tk
from pathlib import Path

import pytest

from reader.gui.alignment import joined_with_spans, paragraph_padding
from reader.gui.dnd import dropped_paths
from reader.gui.gauge import AMSTAD_BANDS, band_for, gauge_angle
from reader.gui.glossary_panel import entry_matches
from reader.gui.settings_dialog import check_font_size
from reader.gui.url_dialog import url_problem


@pytest.mark.parametrize(
    ("left", "right", "gap", "pads"),
    [(100, 60, 10, (10, 50)), (60, 100, 10, (50, 10)), (80, 80, 12, (12, 12)), (0, 30, 0, (30, 0))],
)
def test_padding_makes_both_sides_equally_tall(
    left: int, right: int, gap: int, pads: tuple[int, int]
) -> None:
    padding = paragraph_padding(left, right, gap)
    assert (padding.left, padding.right) == pads
    assert left + padding.left == right + padding.right


def test_joined_sentences_know_their_spans() -> None:
    text, spans = joined_with_spans([" Yes. ", "No.", "Maybe."])
    assert text == "Yes. No. Maybe."
    assert [text[a:b] for a, b in spans] == ["Yes.", "No.", "Maybe."]


@pytest.mark.parametrize(
    ("score", "angle"), [(0, 180.0), (50, 90.0), (100, 0.0), (-20, 180.0), (130, 0.0)]
)
def test_gauge_angle(score: float, angle: float) -> None:
    assert gauge_angle(score) == pytest.approx(angle)


@pytest.mark.parametrize(
    ("score", "label"),
    [
        (10, "sehr schwer"),
        (30, "schwer"),
        (55, "mittelschwer"),
        (65, "mittel"),
        (95, "sehr leicht"),
    ],
)
def test_amstad_bands(score: float, label: str) -> None:
    assert band_for(score)[2] == label
    assert [band[0] for band in AMSTAD_BANDS] == sorted(band[0] for band in AMSTAD_BANDS)


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.tagesschau.de/artikel", True),
        ("http://127.0.0.1:8000/a.html", True),
        ("  https://example.org  ", True),
        ("ftp://example.org/a", False),
        ("file:///etc/passwd", False),
        ("www.example.org", False),
        ("https://", False),
        ("", False),
    ],
)
def test_url_check(url: str, ok: bool) -> None:
    assert (url_problem(url) is None) == ok


@pytest.mark.parametrize(
    ("text", "size"), [("14", 14), (" 9 ", 9), ("7", None), ("40", None), ("x", None)]
)
def test_font_size_check(text: str, size: int | None) -> None:
    assert check_font_size(text) == size


def test_drop_data_with_spaces_and_file_urls() -> None:
    interpreter = tk.Tcl()
    data = "{/home/anna/Meine Artikel/a.txt} /tmp/b.md file:///tmp/c%20d.pdf"
    assert dropped_paths(interpreter, data) == [
        Path("/home/anna/Meine Artikel/a.txt"),
        Path("/tmp/b.md"),
        Path("/tmp/c d.pdf"),
    ]


def test_glossary_filter_matches_german_english_and_abbreviations() -> None:
    from reader.glossary import load_glossary

    glossary = load_glossary()
    entry = next(e for e in glossary.entries if e.term == "Schuldenbremse")
    assert entry_matches(entry, "schulden")
    assert entry_matches(entry, "DEBT")
    assert entry_matches(entry, "")
    assert not entry_matches(entry, "Zoll")


def test_term_tooltip_text() -> None:
    from reader.glossary import load_glossary
    from reader.gui.term_display import term_summary

    entry = next(e for e in load_glossary().entries if e.term == "Schuldenbremse")
    heading, body = term_summary(entry)
    assert heading == "die Schuldenbremse"
    assert body.splitlines()[0] == "debt brake"
    assert "Plural: die Schuldenbremsen" in body
    assert entry.explanation in body


def test_paragraph_levels_and_their_summary() -> None:
    from reader.gui.difficulty_strip import level_summary, paragraph_levels
    from reader.readability import analyze_text

    report = analyze_text("Der Bundestag tagt. Er berät über den Haushalt.\n\nDie Wahl.")
    levels = paragraph_levels(report)
    assert list(levels) == [0, 1]
    heading, body = level_summary(0, levels[0])
    assert heading == f"Paragraph 1: level {levels[0].cefr}"
    assert f"Flesch–Amstad {levels[0].flesch_amstad:.0f} ({levels[0].label})" in body
    assert "2 sentences, 8 words" in body
    assert paragraph_levels(None) == {}
