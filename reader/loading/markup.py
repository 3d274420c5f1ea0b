"""HTML and XHTML to paragraphs with the standard library's parser.

Used for EPUB chapters (clean XHTML written for reading) and as the fallback when trafilatura
finds no article in a small HTML page. Block elements (p, h1–h6, li, blockquote, div …) end a
paragraph; scripts, styles and page furniture (nav, header, footer, aside, forms) are skipped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from reader.loading.paragraphs import non_empty

_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li dt dd blockquote pre section article main table tr td th "
    "ul ol dl figure figcaption br hr body title address caption".split()
)
_SKIPPED = frozenset(
    "script style nav header footer aside form noscript template svg "
    "button select iframe object head".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
# A footnote mark: "1", "12", "*", "†", "[3]". Left in, it sticks to the word before ("Gesetz1").
# (?<!\s): a search starts only at the first space of a run, so a long run is scanned once.
_NOTE_MARK = re.compile(r"(?<!\s)\s*\[?[\d*†‡]{1,3}\]?\s*")


# "m", "km", "cm" before a superscript 2 or 3: square and cubic metres, not a footnote.
_UNIT_BEFORE = re.compile(r"(?<![^\W\d_])[kcdm]?m$")
_POWERS = {"2": "²", "3": "³"}


def superscript_text(before: str, text: str) -> str:
    """What a superscript contributes to the text: nothing for a footnote mark, "²" in "m²"."""
    if not _NOTE_MARK.fullmatch(text):
        return text
    if text.strip() in _POWERS and _UNIT_BEFORE.search(before):
        return _POWERS[text.strip()]
    return ""


def _is_note_reference(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """A link to a footnote, as EPUB 3 (epub:type) and ARIA (role) mark them."""
    values = dict(attrs)
    kinds = f"{values.get('epub:type') or ''} {values.get('role') or ''}".split()
    return tag == "a" and ("noteref" in kinds or "doc-noteref" in kinds)


class _BlockText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.first_heading: str | None = None
        self.title: str | None = None
        self._skip_depth = 0
        self._skip_stack: list[str] = []
        self._current: list[str] = []
        self._in_heading = False
        self._in_title = False
        self._title_parts: list[str] = []
        self._superscript_start: int | None = None
        self.length = 0  # characters of text met so far (in `paragraphs` or still to come)

    def _flush(self) -> None:
        text = "".join(self._current).strip()
        self._current = []
        if not text:
            return
        if self._in_heading and self.first_heading is None and not self.paragraphs:
            self.first_heading = " ".join(text.split())
        self.paragraphs.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag == "body" and "head" in self._skip_stack:  # an unclosed <head>
            self._skip_stack.clear()
        if (tag in _SKIPPED and tag not in _VOID) or _is_note_reference(tag, attrs):
            self._skip_stack.append(tag)
            return
        if self._skip_stack:
            return
        if tag in _BLOCKS:
            self._flush()
        if tag in _HEADINGS:
            self._in_heading = True
        if tag == "sup":
            self._superscript_start = len(self._current)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS and not self._skip_stack:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._skip_stack:
            if tag == self._skip_stack[-1]:
                self._skip_stack.pop()
            elif tag in self._skip_stack:  # sloppy HTML: close up to the matching tag
                while self._skip_stack and self._skip_stack.pop() != tag:
                    pass
            return
        if tag == "sup" and self._superscript_start is not None:
            start = self._superscript_start
            before = _last_characters(self._current, start, 3)
            self._current[start:] = [superscript_text(before, "".join(self._current[start:]))]
            self._superscript_start = None
        if tag in _BLOCKS or tag in _HEADINGS:
            self._flush()
        if tag in _HEADINGS:
            self._in_heading = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
        if not self._skip_stack:
            self._current.append(data)
            self.length += len(data)

    def close(self) -> None:
        super().close()
        self._flush()
        title = " ".join("".join(self._title_parts).split())
        self.title = title or None


def _last_characters(pieces: list[str], end: int, count: int) -> str:
    """The last `count` characters of `pieces[:end]` joined, looking at the last few pieces
    only: a paragraph with a footnote mark every few words must not be copied at every mark."""
    tail = ""
    for index in range(end - 1, -1, -1):
        tail = pieces[index] + tail
        if len(tail) >= count:
            break
    return tail[-count:]


def html_paragraphs(markup: str) -> tuple[str | None, str | None, list[str]]:
    """(the <title>, the first heading if the text opens with one, paragraphs)."""
    title, heading, paragraphs, _ = html_paragraphs_upto(markup, len(markup))
    return title, heading, paragraphs


_FEED = 64 * 1024  # characters of markup given to the parser at a time


def html_paragraphs_upto(markup: str, limit: int) -> tuple[str | None, str | None, list[str], bool]:
    """`html_paragraphs`, parsing no further than needed for `limit` characters of text, and
    whether the markup went on after that."""
    parser = _BlockText()
    for start in range(0, len(markup), _FEED):
        parser.feed(markup[start : start + _FEED])
        if parser.length > limit:
            parser.close()
            more = start + _FEED < len(markup)
            return parser.title, parser.first_heading, non_empty(parser.paragraphs), more
    parser.close()
    return parser.title, parser.first_heading, non_empty(parser.paragraphs), False
