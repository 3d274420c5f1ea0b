"""Inputs under the 20 MB size limit that hold far more text than an article (issue 19).

A 39 KB EPUB can unpack to 19 MB of text, and so can a DOCX; a PDF can have 50,000 pages; a text
file can be 19 MB. The loading tests check what becomes of them, the large-input benchmark how
long `reader analyze` takes over them. Each is built here, at test time, from `text`.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from tests.fixtures_builders import (
    EpubBook,
    EpubChapter,
    PdfPage,
    build_docx,
    build_epub,
    build_pdf,
)

SIZE = 19_000_000
SENTENCE = (
    "Der Bundestag hat am Donnerstag über den Haushalt beraten, und die Opposition kritisierte "
    "den Entwurf scharf."
)
# Dense text: one sentence over and over, which deflate packs about 500 to 1.
DENSE_PARAGRAPH = " ".join([SENTENCE] * 30)


def repeated_paragraphs(size: int = SIZE, paragraph: str = DENSE_PARAGRAPH) -> list[str]:
    return [paragraph] * max(1, size // (len(paragraph) + 2))


def _zip_with(source: bytes, member_suffix: str, old: str, new: str) -> bytes:
    """The zip `source` with `old` replaced by `new` in the member ending in `member_suffix`,
    every member packed as tightly as deflate can."""
    original = zipfile.ZipFile(io.BytesIO(source))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in original.infolist():
            content = original.read(info)
            if info.filename.endswith(member_suffix):
                content = content.decode("utf-8").replace(old, new, 1).encode("utf-8")
            method = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(info.filename, content, compress_type=method, compresslevel=9)
    return out.getvalue()


def dense_epub(paragraphs: list[str] | None = None) -> bytes:
    """One chapter holding every paragraph (19 MB of dense text in ~70 KB)."""
    paragraphs = paragraphs or repeated_paragraphs()
    book = build_epub(EpubBook("Dicht", [EpubChapter("kapitel.xhtml", "Kapitel", ["PLATZ"])]))
    body = "".join(f"<p>{paragraph}</p>\n" for paragraph in paragraphs)
    return _zip_with(book, "kapitel.xhtml", "<p>PLATZ</p>", body)


def one_paragraph_epub(size: int = SIZE) -> bytes:
    """One chapter that is one paragraph of `size` characters: nothing to stop at."""
    return dense_epub([" ".join([SENTENCE] * (size // (len(SENTENCE) + 1)))])


def many_chapters_epub(chapters: int = 5_000, size: int = SIZE) -> bytes:
    """`chapters` chapters sharing `size` characters of dense text."""
    per_chapter = repeated_paragraphs(size // chapters)
    book = EpubBook(
        "Viele Kapitel",
        [EpubChapter(f"k{n}.xhtml", f"Kapitel {n}", per_chapter) for n in range(chapters)],
    )
    return build_epub(book)


def dense_docx(paragraphs: list[str] | None = None) -> bytes:
    """A Word document whose body is every paragraph (19 MB of dense text in ~100 KB)."""
    paragraphs = paragraphs or repeated_paragraphs()
    document = build_docx([("Normal", "PLATZ")])
    body = "".join(f"<w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p>" for paragraph in paragraphs)
    placeholder = "<w:p><w:pPr/><w:r><w:t>PLATZ</w:t></w:r></w:p>"
    return _zip_with(document, "word/document.xml", placeholder, body)


def many_pages_pdf(pages: int = 50_000) -> bytes:
    """A PDF of `pages` pages with two short lines each (~18 MB)."""
    return build_pdf(
        [
            PdfPage([f"Seite {n}: Der Rat tagte lange.", "Er beschloss nichts."])
            for n in range(pages)
        ]
    )


def long_text(size: int = SIZE, paragraphs: list[str] | None = None) -> bytes:
    """A UTF-8 text file of `size` bytes of paragraphs."""
    paragraphs = paragraphs or repeated_paragraphs(size)
    return "\n\n".join(paragraphs).encode("utf-8")[:size]


def long_word_text(size: int = SIZE) -> bytes:
    """A text that is one word: 'Haus' without a space, `size` bytes."""
    return b"Haus" * (size // 4)


def numbered_paragraphs(size: int = SIZE) -> list[str]:
    """Dense paragraphs, each its own (a web page's extractor drops repeated paragraphs)."""
    return [f"{n}. {paragraph}" for n, paragraph in enumerate(repeated_paragraphs(size), 1)]


def big_web_page(paragraphs: list[str] | None = None) -> bytes:
    """A news page whose article is every paragraph, after 2 MB of inline script."""
    from tests.fixtures_builders import news_page

    paragraphs = paragraphs or numbered_paragraphs(SIZE - 2_100_000)
    page = news_page("Großer Bericht", paragraphs)
    script = "<script>var data = '" + "x" * 2_000_000 + "';</script>"
    return page.replace("<head>", "<head>" + script, 1).encode("utf-8")


# name -> (file name, builder): every crafted input, for the tests and the benchmark.
CRAFTED: dict[str, tuple[str, Callable[[], bytes]]] = {
    "dense epub": ("dicht.epub", dense_epub),
    "one-paragraph epub": ("absatz.epub", one_paragraph_epub),
    "5,000-chapter epub": ("kapitel.epub", many_chapters_epub),
    "dense docx": ("dicht.docx", dense_docx),
    "50,000-page pdf": ("seiten.pdf", many_pages_pdf),
    "19 MB text": ("lang.txt", long_text),
    "19 MB word": ("wort.txt", long_word_text),
    "19 MB web page": ("seite.html", big_web_page),
}
