"""Builders for the article files the loading tests read (PDF, DOCX, EPUB and HTML) and for
small offline dictionaries in Ding's format.

Every fixture is made here from text the tests choose, so a test shows what went in and can
check exactly what comes out.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.dictionary.ding import read_lines
from reader.dictionary.store import Dictionary, build
from reader.translation.results import SentencePair

# --- Ding dictionary ---------------------------------------------------------------------------


def ding_dictionary(lines: str, path: Path) -> Iterator[Dictionary]:
    """The dictionary built at `path` from `lines` in Ding's format, open until the generator
    ends (a fixture's `yield from`)."""
    build(read_lines(iter(lines.splitlines())), path)
    opened = Dictionary(path)
    yield opened
    opened.close()


# --- PDF ---------------------------------------------------------------------------------------


@dataclass
class PlacedText:
    """Text at a place on the page (points from the bottom left), in a size of its own."""

    text: str
    x: float
    y: float
    size: float = 11


@dataclass
class PdfPage:
    """One page: body lines top to bottom; `None` leaves an empty line (a paragraph gap).

    `placed` texts go where they say: columns, justified words, headings, figure labels.
    """

    lines: Sequence[str | None]
    header: str | None = None
    footer: str | None = None
    placed: Sequence[PlacedText] = ()


# Ligatures are not in Windows-1252: they get two of its unused codes, and the font's ToUnicode
# map says what they are, as typesetting programs write them.
_LIGATURE_CODES = {"\ufb01": b"\x81", "\ufb02": b"\x8d"}
_TO_UNICODE = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Ligatures def 1 begincodespacerange <00> <FF> endcodespacerange
2 beginbfchar <81> <FB01> <8D> <FB02> endbfchar endcmap
CMapName currentdict /CMap defineresource pop end end"""


def sentence_pairs(paragraph: str, pairs: Sequence[tuple[str, str]]) -> tuple[SentencePair, ...]:
    """(German, English) pairs as a translator gives them, with each German sentence's span in
    `paragraph` (the sentences are looked for in order)."""
    found: list[SentencePair] = []
    position = 0
    for german, english in pairs:
        start = paragraph.index(german, position)
        position = start + len(german)
        found.append(SentencePair(german, english, start, position))
    return tuple(found)


def _pdf_string(text: str) -> bytes:
    # Helvetica with WinAnsiEncoding takes Windows-1252 bytes, so ä ö ü ß „ “ stay single bytes.
    raw = b"".join(_LIGATURE_CODES.get(char) or char.encode("cp1252") for char in text)
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _page_content(page: PdfPage, font_size: float = 11, leading: float = 14) -> bytes:
    commands: list[bytes] = [b"BT", f"/F1 {font_size} Tf".encode()]

    def show(text: str, x: float, y: float) -> None:
        commands.append(f"1 0 0 1 {x} {y} Tm ".encode() + _pdf_string(text) + b" Tj")

    if page.header is not None:
        show(page.header, 72, 800)
    y = 760.0
    for line in page.lines:
        if line is not None:
            show(line, 72, y)
        y -= leading
    if page.footer is not None:
        show(page.footer, 72, 40)
    for placed in page.placed:
        commands.append(f"/F1 {placed.size} Tf".encode())
        show(placed.text, placed.x, placed.y)
    commands.append(b"ET")
    return b"\n".join(commands)


def build_pdf(
    pages: Sequence[PdfPage],
    *,
    title: str | None = None,
    outline: Sequence[tuple[str, int]] = (),
) -> bytes:
    """A minimal but valid PDF 1.4: one Helvetica font, one text content stream per page, and
    bookmarks (title, page index) at the top level of the outline, if any."""
    objects: list[bytes] = []  # objects[i] is object number i + 1

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree's number is known
    pages_number = add(b"")
    to_unicode = add(
        b"<< /Length "
        + str(len(_TO_UNICODE)).encode()
        + b" >>\nstream\n"
        + _TO_UNICODE
        + b"\nendstream"
    )
    font = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
        + f"/ToUnicode {to_unicode} 0 R >>".encode()
    )
    page_numbers: list[int] = []
    for page in pages:
        content = _page_content(page)
        stream = add(
            b"<< /Length "
            + str(len(content)).encode()
            + b" >>\nstream\n"
            + content
            + b"\nendstream"
        )
        page_numbers.append(
            add(
                f"<< /Type /Page /Parent {pages_number} 0 R /MediaBox [0 0 595 842] "
                f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {stream} 0 R >>".encode()
            )
        )
    kids = " ".join(f"{number} 0 R" for number in page_numbers)
    objects[pages_number - 1] = f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode()
    outlines = ""
    if outline:
        root = add(b"")
        first = len(objects) + 1
        items = list(range(first, first + len(outline)))
        for position, (text, page) in enumerate(outline):
            links = f"/Parent {root} 0 R /Dest [{page_numbers[page]} 0 R /XYZ null null null]"
            if position:
                links += f" /Prev {items[position - 1]} 0 R"
            if position + 1 < len(items):
                links += f" /Next {items[position + 1]} 0 R"
            add(b"<< /Title " + _pdf_string(text) + b" " + links.encode() + b" >>")
        objects[root - 1] = (
            f"<< /Type /Outlines /First {items[0]} 0 R /Last {items[-1]} 0 R /Count {len(items)} >>"
        ).encode()
        outlines = f" /Outlines {root} 0 R"
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_number} 0 R{outlines} >>".encode()
    info = add(b"<< /Title " + _pdf_string(title) + b" >>") if title else None

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref_at = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    trailer = f"<< /Size {len(objects) + 1} /Root {catalog} 0 R"
    if info:
        trailer += f" /Info {info} 0 R"
    out.write(f"trailer\n{trailer} >>\nstartxref\n{xref_at}\n%%EOF\n".encode())
    return out.getvalue()


# --- DOCX --------------------------------------------------------------------------------------


def build_docx(paragraphs: Sequence[tuple[str, str]], *, core_title: str | None = None) -> bytes:
    """A .docx written by python-docx; `paragraphs` are (style, text), e.g. ("Heading 1", …).

    The style "Table" makes a table instead: rows on separate lines, cells split by "|".
    """
    import docx

    document = docx.Document()
    if core_title is not None:
        document.core_properties.title = core_title
    for style, text in paragraphs:
        if style == "Table":  # rows on lines, cells separated by "|"
            rows = [line.split("|") for line in text.split("\n")]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for cells, row in zip(rows, table.rows, strict=True):
                for cell_text, cell in zip(cells, row.cells, strict=True):
                    cell.text = cell_text
        else:
            document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- EPUB --------------------------------------------------------------------------------------


@dataclass
class EpubChapter:
    file_name: str
    title: str
    paragraphs: Sequence[str]
    extra_body: str = ""
    is_table_of_contents: bool = False  # an EPUB 3 navigation document
    links: Sequence[tuple[str, str]] = ()  # its entries: (href, label)


@dataclass
class EpubBook:
    title: str
    chapters: Sequence[EpubChapter]
    # The spine lists chapters by manifest id; by default in the order given.
    spine_order: Sequence[int] | None = None
    opf_path: str = "OEBPS/content.opf"
    extra_files: dict[str, bytes] = field(default_factory=dict)
    ncx: Sequence[tuple[str, str]] = ()  # an EPUB 2 table of contents: (src, label)


def _chapter_xhtml(chapter: EpubChapter) -> str:
    if chapter.is_table_of_contents and chapter.links:
        items = "".join(f'<li><a href="{href}">{label}</a></li>' for href, label in chapter.links)
        body = f'<nav epub:type="toc"><ol>{items}</ol></nav>\n'
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
            'xmlns:epub="http://www.idpf.org/2007/ops">'
            f"<head><title>{chapter.title}</title></head><body>{body}</body></html>\n"
        )
    body = "".join(f"<p>{text}</p>\n" for text in chapter.paragraphs)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head>'
        f"<title>{chapter.title}</title><style>p {{ margin: 0 }}</style></head>\n"
        f"<body><h1>{chapter.title}</h1>\n{body}{chapter.extra_body}</body></html>\n"
    )


def build_epub(book: EpubBook) -> bytes:
    """An EPUB zipped by hand: mimetype, container.xml, an OPF with manifest and spine."""
    opf_folder = book.opf_path.rpartition("/")[0]
    prefix = f"{opf_folder}/" if opf_folder else ""
    manifest = "".join(
        f'<item id="c{i}" href="{c.file_name}" media-type="application/xhtml+xml"'
        + (' properties="nav"' if c.is_table_of_contents else "")
        + "/>"
        for i, c in enumerate(book.chapters)
    )
    toc = ""
    if book.ncx:
        manifest += '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
        toc = ' toc="ncx"'
    order = book.spine_order if book.spine_order is not None else range(len(book.chapters))
    spine = "".join(f'<itemref idref="c{i}"/>' for i in order)
    opf = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="id">test-book</dc:identifier><dc:title>{book.title}</dc:title>'
        "<dc:language>de</dc:language></metadata>"
        f"<manifest>{manifest}</manifest><spine{toc}>{spine}</spine></package>"
    )
    container = (
        '<?xml version="1.0"?>\n'
        '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
        f'<rootfiles><rootfile full-path="{book.opf_path}" '
        'media-type="application/oebps-package+xml"/></rootfiles></container>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", container)
        archive.writestr(book.opf_path, opf)
        for chapter in book.chapters:
            archive.writestr(prefix + chapter.file_name, _chapter_xhtml(chapter))
        for name, data in book.extra_files.items():
            archive.writestr(name, data)
        if book.ncx:
            points = "".join(
                f'<navPoint id="p{number}"><navLabel><text>{label}</text></navLabel>'
                f'<content src="{src}"/></navPoint>'
                for number, (src, label) in enumerate(book.ncx)
            )
            archive.writestr(
                prefix + "toc.ncx",
                '<?xml version="1.0" encoding="utf-8"?>\n'
                '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
                f"<navMap>{points}</navMap></ncx>",
            )
    return out.getvalue()


def build_zip_bomb(member_name: str, size: int, *, extra: dict[str, str] | None = None) -> bytes:
    """A small zip whose one member inflates to `size` bytes of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (extra or {}).items():
            archive.writestr(name, text)
        with archive.open(member_name, "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            written = 0
            while written < size:
                member.write(chunk[: min(len(chunk), size - written)])
                written += min(len(chunk), size - written)
    return out.getvalue()


# --- HTML --------------------------------------------------------------------------------------


def news_page(title: str, paragraphs: Sequence[str]) -> str:
    """A saved news page: the article surrounded by everything a reader does not want."""
    article = "\n".join(f"<p>{text}</p>" for text in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>{title} | Tagesblatt Online</title>
<script>window.dataLayer = [{{"event": "pageview", "text": "Tracking-Skript läuft"}}];</script>
<style>body {{ font-family: sans-serif; }} .ad {{ color: red; }}</style>
</head>
<body>
<div id="cookie-banner" class="cookie-consent">
  <p>Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.
  Mit dem Klick auf Akzeptieren stimmen Sie der Verwendung zu.</p>
  <button>Akzeptieren</button> <button>Einstellungen verwalten</button>
</div>
<header>
  <nav class="main-nav"><ul>
    <li><a href="/politik">Politik</a></li><li><a href="/wirtschaft">Wirtschaft</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/kultur">Kultur</a></li>
  </ul></nav>
</header>
<main>
<article>
<h1>{title}</h1>
<div class="ad advertisement"><p>Anzeige: Jetzt den Premiumtarif für nur 1 Euro testen!</p></div>
{article}
</article>
<aside class="related">
  <h2>Das könnte Sie auch interessieren</h2>
  <ul>
    <li><a href="/a1">Streit über den Haushalt: Koalition ringt um Kompromiss</a></li>
    <li><a href="/a2">Wahlumfrage: Opposition legt in mehreren Ländern deutlich zu</a></li>
    <li><a href="/a3">Landwirte protestieren erneut gegen geplante Subventionskürzungen</a></li>
  </ul>
</aside>
<section id="comments" class="comments">
  <h2>Kommentare (3)</h2>
  <div class="comment"><p>Leser123: Endlich sagt das mal jemand deutlich!</p></div>
  <div class="comment"><p>Skeptiker: Das glaube ich erst, wenn ich es sehe.</p></div>
</section>
</main>
<!-- Kommentar im Quelltext: hier stand früher ein Werbeblock -->
<footer><p>© 2025 Tagesblatt Online · Impressum · Datenschutz · Kontakt</p></footer>
<script>console.log("noch ein Skript mit Text");</script>
</body>
</html>
"""


def write(path: Path, data: bytes | str) -> Path:
    """Write bytes or UTF-8 text to `path` and return the path."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path
