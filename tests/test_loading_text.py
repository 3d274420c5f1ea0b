"""Plain text and Markdown: encodings, line endings, paragraphs, hyphenation, markup, title."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reader.document import Source
from reader.loading import load_path, load_text
from tests.fixtures_builders import write

GERMAN = "Die Bürger äußern „große“ Sorgen über die Maßnahmen der Regierung."


# --- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (GERMAN.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + GERMAN.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + GERMAN.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + GERMAN.encode("utf-16-be"), "utf-16-be"),
        (GERMAN.encode("utf-16-le"), "utf-16-le"),  # no BOM: found by its zero bytes
        (GERMAN.encode("cp1252"), "windows-1252"),
    ],
)
def test_each_encoding_gives_the_same_german_text(
    tmp_path: Path, data: bytes, encoding: str
) -> None:
    document = load_path(write(tmp_path / "artikel.txt", data))
    assert document.paragraphs == (GERMAN,)
    assert document.source.encoding == encoding
    assert document.source.format == "txt"


def test_latin1_file_with_umlauts_reads_right(tmp_path: Path) -> None:
    text = "Größere Übergänge für Bürger in München und Köln."
    document = load_path(write(tmp_path / "alt.txt", text.encode("latin-1")))
    assert document.paragraphs == (text,)
    assert document.source.encoding == "windows-1252"


def test_markdown_encoding_is_detected_too(tmp_path: Path) -> None:
    document = load_path(write(tmp_path / "a.md", ("# Überschrift\n\n" + GERMAN).encode("cp1252")))
    assert document.title == "Überschrift"
    assert document.paragraphs == (GERMAN,)
    assert document.source.encoding == "windows-1252"


# --- line endings and paragraphs ---------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_are_normalised(tmp_path: Path, newline: str) -> None:
    text = newline.join(["Erster Absatz.", "", "Zweiter Absatz.", "", "Dritter Absatz."])
    document = load_path(write(tmp_path / "a.txt", text))
    assert document.paragraphs == ("Erster Absatz.", "Zweiter Absatz.", "Dritter Absatz.")


WRAPPED = """\
Die Koalition hat sich nach langen Verhand-
lungen auf einen Haushalt geeinigt. Der US-
Präsident begrüßte die Einigung, die auch den
Ukraine-
Krieg betrifft. Ein- und Ausfuhr sollen leichter
werden.

Im zweiten Absatz geht es um die Opposition, die
den Kompromiss scharf kritisiert hat.
"""


def test_hard_wrapped_lines_are_joined_and_dehyphenated() -> None:
    document = load_text(WRAPPED, Source(path=None, format="clipboard"))
    assert document.paragraphs == (
        "Die Koalition hat sich nach langen Verhandlungen auf einen Haushalt geeinigt. "
        "Der US-Präsident begrüßte die Einigung, die auch den Ukraine-Krieg betrifft. "
        "Ein- und Ausfuhr sollen leichter werden.",
        "Im zweiten Absatz geht es um die Opposition, die den Kompromiss scharf kritisiert hat.",
    )


def test_wrapped_text_keeps_a_deliberate_break_after_a_sentence() -> None:
    text = (
        "Der Bundestag hat am Donnerstag über das neue Gesetz\n"
        "zur Reform des Wahlrechts abgestimmt.\n"
        "Die Abstimmung verlief ohne größere Überraschungen, denn\n"
        "die Mehrheit stand schon vorher fest.\n"
    )
    document = load_text(text, Source(path=None, format="clipboard"))
    assert document.paragraphs == (
        "Der Bundestag hat am Donnerstag über das neue Gesetz zur Reform des Wahlrechts "
        "abgestimmt.",
        "Die Abstimmung verlief ohne größere Überraschungen, denn die Mehrheit stand schon "
        "vorher fest.",
    )


def test_one_line_per_paragraph_keeps_every_line(tmp_path: Path) -> None:
    long_line = "Dies ist ein langer Absatz über die Politik der Bundesregierung. " * 3
    text = f"{long_line}\nZwischenüberschrift ohne Punkt\n{long_line}\n"
    document = load_path(write(tmp_path / "a.txt", text))
    assert document.paragraphs == (
        long_line.strip(),
        "Zwischenüberschrift ohne Punkt",
        long_line.strip(),
    )


def test_spaces_and_invisible_characters_are_cleaned() -> None:
    document = load_text(
        "  Die \t Regierung\u00ad\u200b  tagt   heute.  ", Source(path=None, format="clipboard")
    )
    assert document.paragraphs == ("Die Regierung tagt heute.",)


def test_paragraphs_are_never_empty(tmp_path: Path) -> None:
    document = load_path(write(tmp_path / "a.txt", "\n\n\nEins.\n\n \n\t\n---\n\nZwei.\n\n\n"))
    assert document.paragraphs == ("Eins.", "Zwei.")


def test_a_trailing_teaser_line_is_dropped(tmp_path: Path) -> None:
    text = "Überschrift\n\nDer Artikel endet hier.\n\nDas könnte Sie auch interessieren:\n"
    assert load_path(write(tmp_path / "a.txt", text)).paragraphs == ("Der Artikel endet hier.",)


# --- titles ------------------------------------------------------------------------------------


def test_short_first_line_becomes_the_title(tmp_path: Path) -> None:
    text = "Koalition einigt sich auf Haushalt\n\nNach langen Verhandlungen gibt es eine Einigung."
    document = load_path(write(tmp_path / "a.txt", text))
    assert document.title == "Koalition einigt sich auf Haushalt"
    assert document.paragraphs == ("Nach langen Verhandlungen gibt es eine Einigung.",)


def test_first_sentence_is_not_a_title(tmp_path: Path) -> None:
    text = "Der Bundestag tagt.\n\nEr stimmt ab."
    document = load_path(write(tmp_path / "a.txt", text))
    assert document.title is None
    assert document.paragraphs == ("Der Bundestag tagt.", "Er stimmt ab.")


def test_headline_line_above_long_paragraphs_becomes_the_title(tmp_path: Path) -> None:
    body = "Die Regierung hat heute ein neues Gesetz zur Förderung der Wirtschaft vorgestellt. " * 3
    document = load_path(write(tmp_path / "a.txt", f"Neues Gesetz vorgestellt\n{body}\n{body}\n"))
    assert document.title == "Neues Gesetz vorgestellt"
    assert len(document.paragraphs) == 2


# --- Markdown ----------------------------------------------------------------------------------

MARKDOWN = """\
---
layout: post
---

Haushaltsstreit in Berlin
=========================

Die **Koalition** hat sich *nach* langen [Verhandlungen](https://example.org/v) geeinigt.
Der Text geht weiter mit `Code` und __fettem__ Text.

![Ein Foto vom Bundestag](bild.jpg)

## Was beschlossen wurde

- Mehr Geld für _Schulen_
- Weniger Subventionen
1. Erster Punkt
2. Zweiter Punkt

> Ein Zitat über die <em>Regierung</em>.

```python
print("kein Artikeltext")
```

<div class="hinweis">Ein Hinweis in HTML.</div>
<script>alert("weg damit")</script>
<!-- ein Kommentar -->

***

Am Ende steht ein Satz mit Fußnote[^1] und einem \\*Sternchen\\*.

[^1]: Die Fußnote selbst.
[ref]: https://example.org
"""


def test_markdown_markup_is_stripped(tmp_path: Path) -> None:
    document = load_path(write(tmp_path / "artikel.md", MARKDOWN))
    assert document.source.format == "md"
    assert document.title == "Haushaltsstreit in Berlin"
    assert document.paragraphs == (
        "Die Koalition hat sich nach langen Verhandlungen geeinigt. "
        "Der Text geht weiter mit Code und fettem Text.",
        "Was beschlossen wurde",
        "Mehr Geld für Schulen",
        "Weniger Subventionen",
        "Erster Punkt",
        "Zweiter Punkt",
        "Ein Zitat über die Regierung.",
        'print("kein Artikeltext")',
        "Ein Hinweis in HTML.",
        "Am Ende steht ein Satz mit Fußnote und einem *Sternchen*.",
    )


def test_markdown_front_matter_title_wins(tmp_path: Path) -> None:
    text = '---\ntitle: "Gipfel in Brüssel"\n---\n\nDie Staats- und Regierungschefs beraten.\n'
    document = load_path(write(tmp_path / "a.markdown", text))
    assert document.title == "Gipfel in Brüssel"
    assert document.paragraphs == ("Die Staats- und Regierungschefs beraten.",)


def test_markdown_atx_heading_title_and_emphasis_inside_words(tmp_path: Path) -> None:
    text = "# Die *neue* Regierung #\n\nDas Wahl_ergebnis_ bleibt 3 * 4 = 12 Sitze.\n"
    document = load_path(write(tmp_path / "a.md", text))
    assert document.title == "Die neue Regierung"
    assert document.paragraphs == ("Das Wahl_ergebnis_ bleibt 3 * 4 = 12 Sitze.",)


# --- the shared sample and speed ---------------------------------------------------------------


def test_a_megabyte_of_text_loads_well_under_a_second(tmp_path: Path) -> None:
    paragraph = (
        "Die Abgeordneten des Bundestages diskutierten am Mittwoch über den Haushalt, "
        "die Schuldenbremse und die Verhand-\nlungen mit den Ländern.\n\n"
    )
    path = write(tmp_path / "gross.txt", paragraph * (1_000_000 // len(paragraph)))
    started = time.perf_counter()
    document = load_path(path)
    elapsed = time.perf_counter() - started
    assert len(document.paragraphs) == 1_000_000 // len(paragraph)
    assert "Verhandlungen" in document.paragraphs[0]
    assert elapsed < 1.0


def test_utf8_file_with_a_few_stray_windows_1252_bytes_is_repaired(tmp_path: Path) -> None:
    # Two files pasted together: mostly UTF-8, one word still in Windows-1252.
    data = (GERMAN + " ").encode("utf-8") + "Straßenbau.".encode("cp1252")
    document = load_path(write(tmp_path / "gemischt.txt", data))
    assert document.paragraphs == (GERMAN + " Straßenbau.",)
    assert document.source.encoding == "utf-8"


@pytest.mark.parametrize(
    "text",
    [
        "# Streit um den Haushalt\n\nIm Bundestag wird heute über den Haushalt gestritten.\n",
        "Streit um den Haushalt\n======================\n\nIm Bundestag wird heute gestritten.\n",
        "Streit um den Haushalt\n----\nIm Bundestag wird heute über den Haushalt gestritten.\n",
    ],
)
def test_a_marked_heading_line_is_the_title_without_its_marks(text: str) -> None:
    from reader.document import Source
    from reader.loading import load_text

    document = load_text(text, Source(path=None, format="txt"))
    assert document.title == "Streit um den Haushalt"
    assert document.paragraphs[0].startswith("Im Bundestag")


def test_subheadings_are_found_and_lists_of_short_lines_are_not() -> None:
    from reader.document import Source
    from reader.loading import load_text

    article = (
        "Streit um den Haushalt\n\n"
        "Im Bundestag wird heute über den Haushalt gestritten. Die Opposition ist dagegen.\n\n"
        "## Zwischentitel: Was die Länder wollen\n\n"
        "Die Länder verlangen einen festen Anteil der Mittel für ihre Kommunen.\n\n"
        "Ein Ausweg in Sicht\n\n"
        "Eine Einigung ist nicht in Sicht. Die Gespräche gehen weiter.\n"
    )
    document = load_text(article, Source(path=None, format="txt"))
    headings = [document.paragraphs[index] for index in document.headings]
    assert headings == ["Zwischentitel: Was die Länder wollen", "Ein Ausweg in Sicht"]

    shopping = "Einkauf\n\nÄpfel\n\nBirnen\n\nBrot und Butter\n\nMilch\n\nDas war alles."
    assert load_text(shopping, Source(path=None, format="txt")).headings == ()
