"""A book's table of contents: EPUB chapters and PDF outlines or pages as `Section`s."""

from __future__ import annotations

from pathlib import Path

from reader.document import Section
from reader.loading import load_path
from tests.fixtures_builders import EpubBook, EpubChapter, PdfPage, build_epub, build_pdf, write

TEXT = [
    f"Im {number}. Abschnitt berichtet die Zeitung über den Bundestag und seine Ausschüsse."
    for number in range(1, 9)
]


# On paper: a full line, then a short one; a paragraph ending in a full line would run on into
# the next page's first line.
# (Lines repeated on every page would be taken for a running header and dropped.)
SUBJECTS = "Haushalt Rente Klima Verkehr Bildung Pflege Steuern Grenzen".split()
FULL = [
    f"Die Abgeordneten streiten im Bundestag seit Wochen über {s} und Schulden" for s in SUBJECTS
]
SHORT = [f"Das Thema {s} bleibt offen." for s in SUBJECTS]


def on_paper(*numbers: int) -> PdfPage:
    lines: list[str | None] = []
    for number in numbers:
        lines += [FULL[number], SHORT[number], None]
    return PdfPage(lines)


def starts(number: int) -> str:
    return f"{FULL[number]} {SHORT[number]}"


def chapters() -> list[EpubChapter]:
    return [
        EpubChapter("k1.xhtml", "Erstes Kapitel", TEXT[0:2]),
        EpubChapter("k2.xhtml", "Zweites Kapitel", TEXT[2:5]),
        EpubChapter("k3.xhtml", "Drittes Kapitel", TEXT[5:8]),
    ]


def test_epub_chapters_are_named_by_the_books_contents(tmp_path: Path) -> None:
    nav = EpubChapter(
        "nav.xhtml",
        "Inhalt",
        [],
        is_table_of_contents=True,
        links=[
            ("k1.xhtml", "1. Der Anfang"),
            ("k2.xhtml#a", "2. Die Mitte"),
            ("k3.xhtml", "3. Das Ende"),
        ],
    )
    book = EpubBook("Ein Buch", [*chapters(), nav], spine_order=[3, 0, 1, 2])
    document = load_path(write(tmp_path / "buch.epub", build_epub(book)))
    assert document.sections == (
        Section("1. Der Anfang", 0),
        Section("2. Die Mitte", 3),
        Section("3. Das Ende", 7),
    )
    # Each section starts with its chapter's heading.
    assert [document.paragraphs[s.paragraph] for s in document.sections] == [
        "Erstes Kapitel",
        "Zweites Kapitel",
        "Drittes Kapitel",
    ]


def test_epub2_contents_come_from_the_ncx(tmp_path: Path) -> None:
    book = EpubBook("Ein altes Buch", chapters(), ncx=[("k1.xhtml", "Eins"), ("k3.xhtml", "Drei")])
    document = load_path(write(tmp_path / "alt.epub", build_epub(book)))
    # A chapter the contents do not name is named by its heading.
    assert [(s.title, s.paragraph) for s in document.sections] == [
        ("Eins", 0),
        ("Zweites Kapitel", 3),
        ("Drei", 7),
    ]


def test_epub_without_contents_uses_the_headings(tmp_path: Path) -> None:
    document = load_path(write(tmp_path / "ohne.epub", build_epub(EpubBook("B", chapters()))))
    assert [s.title for s in document.sections] == [
        "Erstes Kapitel",
        "Zweites Kapitel",
        "Drittes Kapitel",
    ]


def test_pdf_pages_are_the_contents_without_an_outline(tmp_path: Path) -> None:
    pages = [on_paper(0, 1), on_paper(2), on_paper(3, 4)]
    document = load_path(write(tmp_path / "seiten.pdf", build_pdf(pages, title="Bericht")))
    assert [s.title for s in document.sections] == ["Page 1", "Page 2", "Page 3"]
    firsts = [document.paragraphs[s.paragraph] for s in document.sections]
    assert firsts == [starts(0), starts(2), starts(3)]


def test_pdf_outline_is_the_contents(tmp_path: Path) -> None:
    pages = [on_paper(0), on_paper(1), on_paper(2), on_paper(3)]
    data = build_pdf(pages, title="Bericht", outline=[("Einleitung", 0), ("Hauptteil", 2)])
    document = load_path(write(tmp_path / "gliederung.pdf", data))
    assert [(s.title, document.paragraphs[s.paragraph]) for s in document.sections] == [
        ("Einleitung", starts(0)),
        ("Hauptteil", starts(2)),
    ]


def test_a_one_page_pdf_and_an_article_have_no_contents(tmp_path: Path) -> None:
    document = load_path(write(tmp_path / "kurz.pdf", build_pdf([PdfPage(TEXT[:2])])))
    assert document.sections == ()
    article = write(tmp_path / "artikel.txt", "\n\n".join(TEXT).encode())
    assert load_path(article).sections == ()
