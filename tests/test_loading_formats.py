"""HTML, DOCX, PDF and EPUB: each built by the test, each read back to the article's paragraphs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.loading import SUPPORTED_SUFFIXES, load_bytes, load_path
from reader.loading.pdf import PAGE_NUMBER
from tests.fixtures_builders import (
    EpubBook,
    EpubChapter,
    PdfPage,
    build_docx,
    build_epub,
    build_pdf,
    news_page,
    write,
)

ARTICLE = (
    "Die Bundesregierung hat am Mittwoch ein umfangreiches Entlastungspaket beschlossen, das "
    "vor allem Familien mit geringem Einkommen zugutekommen soll.",
    "Nach monatelangen Verhandlungen einigten sich die Koalitionspartner auf einen Kompromiss, "
    "der sowohl Steuererleichterungen als auch höhere Zuschüsse für Bürger vorsieht.",
    "Die Opposition kritisierte den Beschluss als unzureichend und forderte weitergehende "
    "Maßnahmen gegen die steigenden Lebenshaltungskosten „noch in diesem Jahr“.",
)


def test_supported_suffixes_cover_every_format() -> None:
    for suffix in (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf", ".epub"):
        assert suffix in SUPPORTED_SUFFIXES


# --- HTML --------------------------------------------------------------------------------------


def test_html_page_gives_only_the_article(tmp_path: Path) -> None:
    path = write(
        tmp_path / "seite.html", news_page("Koalition beschließt Entlastungspaket", ARTICLE)
    )
    document = load_path(path)
    assert document.source.format == "html"
    assert document.title == "Koalition beschließt Entlastungspaket"
    assert document.paragraphs == ARTICLE


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Cookies",
        "Akzeptieren",
        "Politik",  # navigation
        "Anzeige",
        "Premiumtarif",
        "Das könnte Sie auch interessieren",
        "Haushalt: Koalition ringt",  # a teaser in the related list
        "Leser123",  # reader comments
        "Tracking",
        "console.log",
        "Werbeblock",  # an HTML comment
        "Impressum",
    ],
)
def test_html_boilerplate_is_left_out(tmp_path: Path, boilerplate: str) -> None:
    path = write(
        tmp_path / "seite.htm", news_page("Koalition beschließt Entlastungspaket", ARTICLE)
    )
    text = load_path(path).text
    assert boilerplate not in text


def test_html_in_windows_1252_with_meta_charset(tmp_path: Path) -> None:
    page = news_page("Größere Übergänge", ARTICLE).replace(
        'charset="utf-8"', 'charset="windows-1252"'
    )
    document = load_path(write(tmp_path / "alt.html", page.encode("cp1252")))
    assert document.title == "Größere Übergänge"
    assert document.paragraphs == ARTICLE


def test_html_pruning_matches_whole_class_words_and_short_teaser_headings(tmp_path: Path) -> None:
    mention = (
        "Mehr zum Thema Wahlrecht steht in einem ausführlichen Hintergrundbericht, der die "
        "Folgen für kleine Parteien erklärt."
    )
    page = f"""<html><head><title>Wahlrecht</title></head><body>
<div id="header"><h1>Reform beschlossen</h1></div>
<div class="main-ad-slot"><p>Jetzt Werbung buchen und sparen!</p></div>
<article><p>{ARTICLE[0]}</p><p>{mention}</p><p>{ARTICLE[1]}</p></article>
</body></html>"""
    document = load_path(write(tmp_path / "seite.html", page))
    assert document.title == "Reform beschlossen"  # inside id="header": "ad" is no word there
    assert document.paragraphs == (ARTICLE[0], mention, ARTICLE[1])


def test_tiny_html_page_still_gives_its_text(tmp_path: Path) -> None:
    page = "<html><head><title>Kurz</title></head><body><p>Der Bundestag tagt.</p></body></html>"
    document = load_path(write(tmp_path / "kurz.html", page))
    assert document.title == "Kurz"
    assert document.paragraphs == ("Der Bundestag tagt.",)


# --- DOCX --------------------------------------------------------------------------------------


def test_docx_paragraphs_in_order_with_heading_as_title(tmp_path: Path) -> None:
    data = build_docx(
        [
            ("Title", "Koalition beschließt Entlastungspaket"),
            ("Normal", ARTICLE[0]),
            ("Normal", "   "),
            ("Heading 2", "Kritik der Opposition"),
            ("Normal", ARTICLE[1]),
            ("Table", "Partei|Stimmen\nSPD|201"),
            ("List Bullet", ARTICLE[2]),
        ],
        core_title="Microsoft Word - entwurf3.docx",
    )
    document = load_path(write(tmp_path / "artikel.docx", data))
    assert document.source.format == "docx"
    assert document.title == "Koalition beschließt Entlastungspaket"
    assert document.paragraphs == (
        ARTICLE[0],
        "Kritik der Opposition",
        ARTICLE[1],
        "Partei · Stimmen",
        "SPD · 201",
        ARTICLE[2],
    )


def test_docx_core_title_when_no_heading(tmp_path: Path) -> None:
    data = build_docx([("Normal", text) for text in ARTICLE], core_title="Das Entlastungspaket")
    document = load_path(write(tmp_path / "artikel.docx", data))
    assert document.title == "Das Entlastungspaket"
    assert document.paragraphs == ARTICLE


# --- PDF ---------------------------------------------------------------------------------------


def _pdf_pages() -> list[PdfPage]:
    page_lines: list[list[str | None]] = [
        [
            "Koalition beschließt Entlastungspaket",
            None,
            "Die Bundesregierung hat am Mittwoch ein umfangreiches Entlastungs-",
            "paket beschlossen, das vor allem Familien mit geringem Einkommen",
            "zugutekommen soll.",
            None,
            "Nach monatelangen Verhandlungen einigten sich die Koalitionspartner",
            "auf einen Kompromiss, der sowohl Steuererleichterungen als auch",
        ],
        [
            "höhere Zuschüsse für Bürger vorsieht.",
            None,
            "Die Opposition kritisierte den Beschluss als unzureichend und forderte",
            "weitergehende Maßnahmen gegen die steigenden Lebenshaltungskosten",
            "„noch in diesem Jahr“.",
        ],
        [
            "Der US-",
            "Präsident äußerte sich nicht zu den Plänen der Regierung in Berlin.",
        ],
    ]
    return [
        PdfPage(lines, header="Tagesblatt · Politik · 12. März 2025", footer=f"Seite {n} von 3")
        for n, lines in enumerate(page_lines, start=1)
    ]


def test_pdf_without_headers_footers_and_page_numbers(tmp_path: Path) -> None:
    document = load_path(write(tmp_path / "artikel.pdf", build_pdf(_pdf_pages())))
    assert document.source.format == "pdf"
    assert document.title == "Koalition beschließt Entlastungspaket"
    assert document.paragraphs == (
        *ARTICLE,
        "Der US-Präsident äußerte sich nicht zu den Plänen der Regierung in Berlin.",
    )


def test_pdf_bare_page_numbers_are_dropped_and_metadata_title_used(tmp_path: Path) -> None:
    pages = [
        PdfPage([text], footer=f"- {number} -") for number, text in enumerate(ARTICLE, start=1)
    ]
    data = build_pdf(pages, title="Entlastungspaket beschlossen")
    document = load_path(write(tmp_path / "a.pdf", data))
    assert document.title == "Entlastungspaket beschlossen"
    assert " ".join(document.paragraphs) == " ".join(ARTICLE)
    assert not any(char.isdigit() for char in document.text)


def test_pdf_without_text_says_so(tmp_path: Path) -> None:
    path = write(tmp_path / "scan.pdf", build_pdf([PdfPage([]), PdfPage([])]))
    with pytest.raises(Exception, match=r"scan\.pdf: no text could be extracted"):
        load_path(path)


@pytest.mark.parametrize(
    ("line", "is_page_number"),
    [
        ("7", True),
        ("- 7 -", True),
        ("Seite 7 von 12", True),
        ("Page 7/12", True),
        ("xiv", True),
        ("2025", True),
        ("Civil", False),
        ("12. März 2025", False),
        ("Artikel 7", False),
    ],
)
def test_page_number_lines(line: str, is_page_number: bool) -> None:
    assert bool(PAGE_NUMBER.match(line)) is is_page_number


# --- EPUB --------------------------------------------------------------------------------------


def test_epub_chapters_in_spine_order(tmp_path: Path) -> None:
    book = EpubBook(
        title="Politik im Wandel",
        chapters=[
            EpubChapter("kapitel2.xhtml", "Zweites Kapitel", [ARTICLE[1], ARTICLE[2]]),
            EpubChapter(
                "nav.xhtml",
                "Inhalt",
                ["Erstes Kapitel", "Zweites Kapitel"],
                is_table_of_contents=True,
            ),
            EpubChapter(
                "kapitel1.xhtml",
                "Erstes Kapitel",
                [ARTICLE[0]],
                extra_body="<script>var x = 'kein Text';</script>",
            ),
        ],
        spine_order=[2, 1, 0],  # the manifest lists chapter 2 first; the spine decides
    )
    document = load_path(write(tmp_path / "buch.epub", build_epub(book)))
    assert document.source.format == "epub"
    assert document.title == "Politik im Wandel"
    assert document.paragraphs == (
        "Erstes Kapitel",
        ARTICLE[0],
        "Zweites Kapitel",
        ARTICLE[1],
        ARTICLE[2],
    )


def test_epub_package_at_the_archive_root(tmp_path: Path) -> None:
    book = EpubBook(
        title="Kurzbuch",
        chapters=[EpubChapter("text/eins.xhtml", "Eins", [ARTICLE[0]])],
        opf_path="content.opf",
    )
    document = load_path(write(tmp_path / "kurz.epub", build_epub(book)))
    assert document.paragraphs == ("Eins", ARTICLE[0])


# --- content sniffing --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "format"),
    [
        (build_pdf([PdfPage(list(ARTICLE))]), "pdf"),
        (build_docx([("Normal", text) for text in ARTICLE]), "docx"),
        (build_epub(EpubBook("B", [EpubChapter("c.xhtml", "Kapitel", ARTICLE)])), "epub"),
        (news_page("Seite", ARTICLE).encode(), "html"),
        ("\n\n".join(ARTICLE).encode("cp1252"), "txt"),
    ],
)
def test_format_is_sniffed_when_the_name_has_no_suffix(
    tmp_path: Path, data: bytes, format: str
) -> None:
    document = load_path(write(tmp_path / "download", data))
    assert document.source.format == format
    assert ARTICLE[0] in document.paragraphs


def test_load_bytes_uses_the_name_suffix() -> None:
    document = load_bytes(build_docx([("Normal", ARTICLE[0])]), "mail-anhang.docx")
    assert document.source.format == "docx"
    assert document.source.path is None
    assert document.paragraphs == (ARTICLE[0],)


def test_loading_imports_no_tkinter(tmp_path: Path) -> None:
    pages = {
        "a.html": news_page("T", ARTICLE).encode(),
        "a.docx": build_docx([("Normal", ARTICLE[0])]),
        "a.pdf": build_pdf([PdfPage([ARTICLE[0]])]),
        "a.epub": build_epub(EpubBook("B", [EpubChapter("c.xhtml", "K", ARTICLE)])),
        "a.md": b"# T\n\nText.",
    }
    paths = [str(write(tmp_path / name, data)) for name, data in pages.items()]
    script = (
        "import sys; from reader.loading import load_path\n"
        f"for path in {paths!r}: load_path(path)\n"
        "assert not any(name.startswith(('tkinter', '_tkinter')) for name in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
