"""PDF via pypdf: page text without running headers, footers and page numbers.

pypdf's layout mode keeps vertical gaps as blank lines, which is where paragraphs end. Lines
that repeat at the top or bottom of most pages (a newspaper name, a date, "Seite 3 von 8")
are furniture, not article, and are dropped before the lines are joined into paragraphs.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections import Counter

from reader.errors import LoadError
from reader.libraries import require
from reader.loading.assemble import looks_like_title
from reader.loading.paragraphs import normalise_newlines, split_blocks, text_paragraphs

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


def _flattened(lines: list[str]) -> list[str]:
    """Layout lines as text lines; a table row ("Name      Partei      Stimme", two or more wide
    gaps) becomes "Name · Partei · Stimme" on a line of its own, not run into its neighbours.

    Only rows with a row like them above or below count: a stretched line of justified text can
    show wide gaps too, but not line after line in the same way.
    """
    cells = [_CELL_GAP.split(line.strip()) for line in lines]
    is_row = [len(line_cells) >= 3 for line_cells in cells]
    flat: list[str] = []
    for index, line in enumerate(lines):
        neighbours = is_row[max(0, index - 1) : index] + is_row[index + 1 : index + 2]
        if is_row[index] and any(neighbours):
            flat += ["", " · ".join(cells[index]), ""]
        else:
            flat.append(_SPACES.sub(" ", line).strip())
    return flat


_PLACEHOLDER_TITLES = ("untitled", "microsoft word", "unbenannt")
# Two columns of text: layout mode prints them side by side on each line, so read naively the
# lines of both columns interleave. A gutter is a band of at least this many character columns,
# in the middle half of the page, that (almost) no line has text in.
_GUTTER_WIDTH = 3
_GUTTER_CROSSING = 0.1  # share of lines allowed to cross it (a headline over both columns)
_MIN_TWO_SIDED = 4  # lines with text on both sides before we believe in two columns


def _occupied_columns(lines: list[str], width: int) -> list[int]:
    """For each character column: how many lines have a non-space character there."""
    counts = [0] * width
    for line in lines:
        for column, char in enumerate(line):
            if not char.isspace():
                counts[column] += 1
    return counts


def find_gutter(lines: list[str], *, min_two_sided: int = _MIN_TWO_SIDED) -> tuple[int, int] | None:
    """(start, end) of the blank band between two text columns on a page, or None."""
    text_lines = [line for line in lines if line.strip()]
    width = max((len(line) for line in text_lines), default=0)
    if len(text_lines) < min_two_sided or width < 40:
        return None
    counts = _occupied_columns(text_lines, width)
    allowed = len(text_lines) * _GUTTER_CROSSING
    best: tuple[int, int] | None = None
    best_lines = 0
    column = width // 4
    while column < 3 * width // 4:
        if counts[column] > allowed:
            column += 1
            continue
        end = column
        while end < width and counts[end] <= allowed:
            end += 1
        if end - column >= _GUTTER_WIDTH:
            two_sided = sum(
                1 for line in text_lines if line[:column].strip() and line[end:].strip()
            )
            if two_sided >= max(min_two_sided, len(text_lines) * 0.3) and two_sided > best_lines:
                best, best_lines = (column, end), two_sided
        column = end + 1
    return best


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def page_gutters(pages: list[list[str]]) -> list[tuple[int, int] | None]:
    """Each page's column gutter. A short page (the end of an article) has too few lines to
    prove two columns by itself; it is believed when its gutter lies where the page before had one.
    """
    gutters: list[tuple[int, int] | None] = []
    for lines in pages:
        gutter = find_gutter(lines)
        before = next((g for g in reversed(gutters) if g is not None), None)
        if gutter is None and before is not None:
            candidate = find_gutter(lines, min_two_sided=1)
            gutter = candidate if candidate and _overlap(candidate, before) else None
        gutters.append(gutter)
    return gutters


def _columns(left: list[str], right: list[str]) -> list[str]:
    """The left column's lines, then the right column's, without blank lines between them."""
    while left and not left[-1].strip():
        left = left[:-1]
    right = right[next((i for i, line in enumerate(right) if line.strip()), len(right)) :]
    return left + right


def reading_order(lines: list[str], gutter: tuple[int, int] | None) -> list[str]:
    """A page's lines with a two-column layout read column by column.

    A line crossing the gutter (a headline over both columns) ends the columns above it. The
    right column follows the left without a blank line: a paragraph often runs on into it.
    """
    if gutter is None:
        return lines
    start, end = gutter
    ordered: list[str] = []
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        if line[start:end].strip():
            ordered += [*_columns(left, right), "", line, ""]
            left, right = [], []
        else:
            left.append(line[:start])
            right.append(line[end:])
    return ordered + _columns(left, right)


def _signature(line: str) -> str:
    """A line with its numbers blurred, so "Seite 3" and "Seite 4" count as the same line."""
    return re.sub(r"\d+", "#", line.casefold()).strip()


def _edge_indices(lines: list[str]) -> list[int]:
    filled = [index for index, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]))


def drop_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Each page's lines without repeated headers/footers and page numbers."""
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_signature(lines[index]) for index in _edge_indices(lines)})
    needed = max(2, (len(pages) + 1) // 2)
    repeated = {signature for signature, count in counts.items() if count >= needed}
    cleaned = []
    for lines in pages:
        furniture = {
            index
            for index in _edge_indices(lines)
            if _signature(lines[index]) in repeated or PAGE_NUMBER.match(lines[index])
        }
        cleaned.append([line for index, line in enumerate(lines) if index not in furniture])
    return cleaned


def _page_text(page: object) -> str:
    extract = getattr(page, "extract_text")  # noqa: B009 - keeps pypdf's types out of the signature
    try:
        text = extract(extraction_mode="layout")
    except Exception:
        # Layout mode is newer and stricter; the plain mode still gets the words.
        text = extract()
    return str(text or "")


def parse_pdf(data: bytes, *, name: str) -> tuple[str | None, list[str]]:
    """(title, paragraphs) of a PDF; LoadError if it is damaged, encrypted or has no text."""
    PdfReader = require("pypdf", "read PDF files", name).PdfReader
    # pypdf logs every repair it makes, some at error level; with no logging configured those
    # would reach stderr, and the user already gets one LoadError line if reading fails.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise LoadError(f"{name}: the PDF is password-protected")
            page_texts = [_page_text(page) for page in reader.pages]
            metadata_title = str(reader.metadata.title or "") if reader.metadata else ""
    except LoadError:
        raise
    except Exception as error:
        # pypdf raises PdfReadError, but damaged files also reach KeyError, ValueError,
        # RecursionError, zlib errors … inside it; each means "this PDF cannot be read".
        raise LoadError(f"{name}: not a valid PDF file (it is damaged or not a PDF)") from error

    # Furniture goes first: in a two-column page the footer would otherwise end up between the
    # columns. The columns are found while the layout's spacing is still there.
    raw_pages = drop_page_furniture([normalise_newlines(text).split("\n") for text in page_texts])
    pages = [
        _flattened(reading_order(lines, gutter))
        for lines, gutter in zip(raw_pages, page_gutters(raw_pages), strict=True)
    ]
    # Pages are joined without a blank line: a paragraph often runs on to the next page.
    joined = "\n".join("\n".join(lines).strip("\n") for lines in pages)
    paragraphs = [
        without_note_marks(paragraph)
        for paragraph in text_paragraphs(split_blocks(joined), wrapped=True)
    ]

    metadata_title = metadata_title.strip()
    if metadata_title and not metadata_title.lower().startswith(_PLACEHOLDER_TITLES):
        return metadata_title, paragraphs
    if len(paragraphs) >= 2 and looks_like_title(paragraphs[0]):
        return paragraphs[0], paragraphs[1:]
    return None, paragraphs
