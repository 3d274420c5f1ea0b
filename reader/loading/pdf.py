"""PDF via PDFium (pypdfium2): the text of each page as prose, without page furniture.

PDFium reads the text fast and says where each run of it stands on the page; `pdflayout` turns
the runs into lines, columns and paragraphs, `pdftext` repairs hyphenation, ligatures and small
capitals. Lines that repeat at the top or bottom of many pages (a newspaper name, a date,
"Seite 3 von 8") and page numbers are furniture, not article, and are dropped first.

A PDF's contents (`Section`s) are its outline (bookmarks), else its pages: each starts at the
paragraph that holds the first line of its page.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from reader.document import Section
from reader.errors import LoadError
from reader.libraries import require
from reader.loading.assemble import looks_like_title
from reader.loading.limits import MAX_PDF_PAGES, MAX_TEXT_CHARS, page_cut_notice, text_cut_notice
from reader.loading.paragraphs import non_empty
from reader.loading.pdflayout import Line, Run, group_lines, page_gutters, paragraphs, reading_order
from reader.loading.pdfruns import page_runs
from reader.loading.pdftext import join_paragraph

# "3", "- 3 -", "Seite 3 von 8", "Page 3/8", and the roman numbers of front matter ("iv").
PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(?:(?:seite|page|s\.)\s*)?(?:\d{1,4}|(?-i:(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})))"
    r"(?:\s*(?:/|von|of)\s*\d{1,4})?[-–—\s]*$",
    re.IGNORECASE,
)
_EDGE_LINES = 2  # how many lines at the top and at the bottom can be furniture
_SPACES = re.compile(r"[ \t]{2,}")
# Layout mode keeps the gaps between table cells; words in running text are one or two apart.
_CELL_GAP = re.compile(r"[ \t]{3,}")


# A footnote mark in extracted text is a plain digit glued to the end of a sentence or clause
# ("beschlossen.1 Die Koalition"). The word before must be long: "Art.1 GG", "Nr.2" are not
# footnotes.
_NOTE_MARK = re.compile(
    r"(?:(?<=[^\W\d_]{5}[.,;:!?“”\"])|(?<=[^\W\d_]{5}[“”\")][.,;:!?]))"
    r"\d{1,2}(?=\s+[A-ZÄÖÜ„\"]|$)"
)


def without_note_marks(paragraph: str) -> str:
    """A paragraph without the footnote numbers glued to its sentence ends."""
    return _NOTE_MARK.sub("", paragraph)


_PLACEHOLDER_TITLES = ("untitled", "microsoft word", "unbenannt")
_OUTLINE_DEPTH = 4
_EDGE_LINES = 2  # how many lines at the top and at the bottom of a page can be furniture
_SAME_PLACE_PAGES = 3  # text in the same place on this many pages is furniture
_FEW_LABELS, _LABEL_SHARE = 2, 0.2
_LABEL = re.compile(r"[^\W_]{3}")  # a word, not a hyphen or a bullet at a column's edge
_LETTER = re.compile(r"[^\W\d_]")


def _signature(line: Line) -> str:
    """A line with its numbers blurred, so "Seite 3" and "Seite 4" count as the same line."""
    return re.sub(r"\d+", "#", line.text.casefold()).strip()


def _edges(lines: Sequence[Line]) -> list[Line]:
    return list(lines[:_EDGE_LINES]) + list(lines[_EDGE_LINES:][-_EDGE_LINES:])


def _placed(run: Run) -> tuple[str, int, int]:
    """A run's text with its place on the page, to the nearest few points."""
    return run.text.strip().casefold(), round(run.left / 4), round(run.top / 4)


def drop_page_furniture(pages: list[list[Run]]) -> list[list[Run]]:
    """Each page's runs without repeated headers and footers, page numbers, and the labels in
    the margin that stand in the same place on page after page (a chapter's name)."""
    page_lines = [group_lines(runs) for runs in pages]
    counts: Counter[str] = Counter()
    places: Counter[tuple[str, int, int]] = Counter()
    for lines, runs in zip(page_lines, pages, strict=True):
        counts.update({_signature(line) for line in _edges(lines)})
        places.update({_placed(run) for run in runs})
    needed = max(2, (len(pages) + 1) // 2)
    cleaned = []
    for lines, runs in zip(page_lines, pages, strict=True):
        edges = _edges(lines)
        furniture = {id(run) for line in edges if PAGE_NUMBER.match(line.text) for run in line.runs}
        labels = {id(run) for run in runs if _is_label(run, places)}
        # A label or two, not the page: pages that repeat whole (a form, a test) keep their text.
        if len(labels) < len(runs) and len(labels) <= max(_FEW_LABELS, _LABEL_SHARE * len(runs)):
            furniture |= labels
        repeated = {
            id(r) for line in edges if counts[_signature(line)] >= needed for r in line.runs
        }
        if not all(id(run) in furniture | repeated for run in runs):
            furniture |= repeated
        cleaned.append([run for line in lines for run in line.runs if id(run) not in furniture])
    return cleaned


def _is_label(run: Run, places: Counter[tuple[str, int, int]]) -> bool:
    return places[_placed(run)] >= _SAME_PLACE_PAGES and bool(_LABEL.search(run.text))


def _document_lines(pages: list[list[Run]], widths: list[float]) -> tuple[list[Line], list[int]]:
    """The lines of all pages in reading order, and where each page's lines begin."""
    pages = drop_page_furniture(pages)
    lines: list[Line] = []
    starts: list[int] = []
    for runs, gutter in zip(pages, page_gutters(pages, widths), strict=True):
        starts.append(len(lines))
        lines += reading_order(runs, gutter)
    return lines, starts


def _open(data: bytes, name: str) -> Any:
    pdfium = require("pypdfium2", "read PDF files", name)
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            raise LoadError(f"{name}: the PDF is password-protected") from error
        raise LoadError(f"{name}: not a valid PDF file (it is damaged or not a PDF)") from error


Outline = list[tuple[str, int, int]]  # (title, page index, level) of each bookmark


def _read(data: bytes, name: str) -> tuple[list[list[Run]], list[float], str, str | None, Outline]:
    """Each page's runs and width, the title in the metadata, a notice if pages were left
    unread (those after `MAX_PDF_PAGES`, or after the text passed `MAX_TEXT_CHARS`), and the
    outline."""
    document = _open(data, name)
    try:
        pages, widths = [], []
        length, count, notice = 0, len(document), None
        for index in range(count):
            if index >= MAX_PDF_PAGES or length > MAX_TEXT_CHARS:
                notice = page_cut_notice(count) if length <= MAX_TEXT_CHARS else text_cut_notice()
                break
            page = document[index]
            try:
                pages.append(page_runs(page))
                widths.append(float(page.get_width()))
            finally:
                page.close()
            length += sum(len(run.text) for run in pages[-1])
        title = str(document.get_metadata_dict().get("Title") or "")
        outline = _outline(document)
    except LoadError:
        raise
    except Exception as error:
        # A damaged page or object table: to the user it is one problem.
        raise LoadError(f"{name}: not a valid PDF file (it is damaged or not a PDF)") from error
    finally:
        document.close()
    return pages, widths, title, notice, outline


def _outline(document: Any) -> Outline:
    """The bookmarks that lead to a page (a broken outline is no outline)."""
    outline: Outline = []
    try:
        for bookmark in document.get_toc(max_depth=_OUTLINE_DEPTH):
            destination = bookmark.get_dest()
            page = destination.get_index() if destination is not None else None
            title = " ".join(str(bookmark.get_title() or "").split())
            if page is not None and title:
                outline.append((title, int(page), int(bookmark.level) + 1))
    except Exception:  # PDFium reports odd outlines as errors; the text is what matters
        return []
    return outline


def _is_prose(paragraph: str) -> bool:
    """Not a number-only line (a page number inside the page, a figure's axis labels)."""
    return bool(_LETTER.search(paragraph)) or " · " in paragraph


def parse_pdf(
    data: bytes, *, name: str
) -> tuple[str | None, list[str], str | None, tuple[Section, ...]]:
    """(title, paragraphs, a notice if pages were left unread, contents) of a PDF; LoadError if
    it is damaged, encrypted or has no text."""
    pages, widths, metadata_title, notice, outline = _read(data, name)
    lines, page_starts = _document_lines(pages, widths)
    found: list[str] = []
    first_lines: list[int] = []  # the index of each found paragraph's first line
    line = 0
    for paragraph_lines in paragraphs(lines):
        for paragraph in non_empty([join_paragraph(paragraph_lines)]):
            paragraph = without_note_marks(paragraph)
            if _is_prose(paragraph):
                found.append(paragraph)
                first_lines.append(line)
        line += len(paragraph_lines)
    metadata_title = metadata_title.strip()
    title: str | None = None
    if metadata_title and not metadata_title.lower().startswith(_PLACEHOLDER_TITLES):
        title = metadata_title
    elif len(found) >= 2 and looks_like_title(found[0]):
        title, found, first_lines = found[0], found[1:], first_lines[1:]
    return title, found, notice, _contents(outline, page_starts, first_lines)


def _contents(
    outline: Outline, page_starts: list[int], first_lines: list[int]
) -> tuple[Section, ...]:
    """The outline's entries, else one per page (of a PDF of several), each at the paragraph
    holding its page's first line."""
    if not first_lines:
        return ()
    entries = outline or (
        [(f"Page {number + 1}", number, 1) for number in range(len(page_starts))]
        if len(page_starts) > 1
        else []
    )
    sections: list[Section] = []
    for title, page, level in entries:
        if not 0 <= page < len(page_starts):
            continue
        start = page_starts[page]
        # The paragraph holding the page's first line: the last one starting at or before it.
        paragraph = max(0, bisect.bisect_right(first_lines, start) - 1)
        sections.append(Section(title, paragraph, level))
    return tuple(sections)
