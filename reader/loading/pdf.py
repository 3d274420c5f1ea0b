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
_PLACEHOLDER_TITLES = ("untitled", "microsoft word", "unbenannt")


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
    from pypdf import PdfReader

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

    pages = [
        [_SPACES.sub(" ", line).strip() for line in normalise_newlines(text).split("\n")]
        for text in page_texts
    ]
    pages = drop_page_furniture(pages)
    # Pages are joined without a blank line: a paragraph often runs on to the next page.
    joined = "\n".join("\n".join(lines).strip("\n") for lines in pages)
    paragraphs = text_paragraphs(split_blocks(joined), wrapped=True)

    metadata_title = metadata_title.strip()
    if metadata_title and not metadata_title.lower().startswith(_PLACEHOLDER_TITLES):
        return metadata_title, paragraphs
    if len(paragraphs) >= 2 and looks_like_title(paragraphs[0]):
        return paragraphs[0], paragraphs[1:]
    return None, paragraphs
