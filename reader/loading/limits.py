"""How much a loader may read: the size limit for files, downloads and unpacked archives, and
how much text it keeps.

A file under the size limit can still hold far more text than anyone reads in this program: a
39 KB EPUB unpacks to 19 MB of text, a 20 MB text file is 19 million characters. The analysis
costs time and memory in proportion to the text (about 50 bytes of memory per character), the
window would have to lay all of it out, a translation would take hours. So a text is cut after
`MAX_TEXT_CHARS` characters, at a paragraph or sentence break, with a one-line notice; each
loader stops reading once it has that much (a PDF also after `MAX_PDF_PAGES` pages, which cost
time however little text they hold; a web page after `MAX_MARKUP_CHARS` characters of HTML).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

# Articles are kilobytes; 20 MB leaves room for PDFs with images and still stops runaway input.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# A long article is 50,000 characters, a novel 500,000 to a million; an "ordinary" large input
# (1.2 MB of text) stays whole.
MAX_TEXT_CHARS = 1_500_000
# A web page's HTML without its scripts and styles: a news page's markup is a few hundred
# kilobytes around its article; trafilatura takes about 1.5 s and 50 MB per million characters.
MAX_MARKUP_CHARS = 2_000_000
# PDFium reads a page in about a third of a millisecond however little it holds; 2,000 pages
# hold any book, 50,000 pages of a line each would take 15 s.
MAX_PDF_PAGES = 2_000

# Where a cut text may end: after a sentence, else at a space.
_SHORTEST_PART = 100  # of a paragraph cut short, to be kept at all
_SENTENCE_BREAK = re.compile(r"[.!?…:;][\"“”»«)\]]*\s")


def describe_size(size: int) -> str:
    """A size the way a person says it: "512 bytes", "3.4 MB"."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def describe_limit(max_bytes: int) -> str:
    """The limit itself, without a needless decimal: "20 MB" rather than "20.0 MB"."""
    megabytes = max_bytes / (1024 * 1024)
    if megabytes >= 1 and megabytes == int(megabytes):
        return f"{int(megabytes)} MB"
    return describe_size(max_bytes)


def display_name(path: Path | str | None) -> str:
    """What an error message calls the input: the path as given, or "standard input".

    Line breaks and other control characters in a file name would break the one-line message,
    so they are shown escaped.
    """
    if path is None:
        return "standard input"
    name = str(path)
    if name.isprintable():
        return name
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in name)


def text_cut_notice() -> str:
    return (
        f"the text is longer than {MAX_TEXT_CHARS:,} characters: only its beginning, up to "
        "that length, is loaded"
    )


def markup_cut_notice() -> str:
    return (
        f"the page has more than {MAX_MARKUP_CHARS:,} characters of HTML: only its beginning "
        "is read"
    )


def page_cut_notice(pages: int) -> str:
    return f"the PDF has {pages:,} pages: only the first {MAX_PDF_PAGES:,} are read"


def cut_text(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters: at the last paragraph break, line break,
    sentence end or space in the last quarter before the limit, else right at it."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    floor = limit * 3 // 4
    for separator in ("\n\n", "\n"):
        position = head.rfind(separator, floor)
        if position >= 0:
            return head[:position].rstrip()
    ends = [match.end() for match in _SENTENCE_BREAK.finditer(head, floor)]
    if ends:
        return head[: ends[-1]].rstrip()
    position = head.rfind(" ", floor)
    return head[:position].rstrip() if position >= 0 else head


def within_text_limit(paragraphs: Iterable[str]) -> tuple[list[str], bool]:
    """The paragraphs up to `MAX_TEXT_CHARS` characters in all (the last one cut at a sentence
    or word), and whether any text was left out."""
    kept: list[str] = []
    room = MAX_TEXT_CHARS
    for paragraph in paragraphs:
        if len(paragraph) > room:
            rest = cut_text(paragraph, room).strip() if room >= _SHORTEST_PART else ""
            if rest:
                kept.append(rest)
            return kept, True
        kept.append(paragraph)
        room -= len(paragraph)
    return kept, False
