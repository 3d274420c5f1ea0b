"""One entry point for every parser: bytes in a known format to a title and paragraphs.

Text is cut before it is parsed when it is longer than the loader keeps (`limits`): Markdown and
plain text after `MAX_TEXT_CHARS` characters, HTML after `MAX_MARKUP_CHARS` (its scripts and
styles not counted). The containers
(docx, epub, pdf) stop reading by themselves and say so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reader.document import Format, Section
from reader.loading.assemble import EMPTY
from reader.loading.encoding import decode_text
from reader.loading.limits import MAX_TEXT_CHARS, cut_text, markup_cut_notice, text_cut_notice


@dataclass(frozen=True)
class Parsed:
    title: str | None
    paragraphs: list[str]
    encoding: str | None = None
    empty_reason: str = EMPTY
    warning: str | None = None  # the text is not what the reader wanted (a page with no article)
    cut_notice: str | None = None  # the parser stopped before the end of a very long text
    sections: tuple[Section, ...] = ()  # a book's contents, by index into `paragraphs`


def parse_text(text: str, format: Format, *, name: str, url: str | None = None) -> Parsed:
    """Already-decoded text: Markdown and HTML by their rules, anything else as plain text."""
    if format in ("html", "url"):
        from reader.loading.html import parse_html, within_markup_limit

        markup, cut = within_markup_limit(text)
        page = parse_html(markup, name=name, url=url)
        notice = markup_cut_notice() if cut else None
        return Parsed(page.title, page.paragraphs, None, _NO_ARTICLE, page.warning, notice)
    kept = cut_text(text, MAX_TEXT_CHARS)
    notice = text_cut_notice() if len(kept) < len(text) else None
    if format == "md":
        from reader.loading.markdown import parse_markdown

        return Parsed(*parse_markdown(kept), cut_notice=notice)
    from reader.loading.plaintext import parse_plain_text

    return Parsed(*parse_plain_text(kept), cut_notice=notice)


_NO_ARTICLE = "no article text found in this page"
_NO_PDF_TEXT = "no text could be extracted (a scanned PDF? Text recognition (OCR) is not supported)"


def parse(data: bytes, format: Format, *, name: str, url: str | None, max_bytes: int) -> Parsed:
    """Bytes in `format` to a title and paragraphs; LoadError for anything unreadable."""
    if format == "html":
        from reader.loading.html import html_encoding

        encoding = html_encoding(data)
        parsed = parse_text(data.decode(encoding, errors="replace"), format, name=name, url=url)
        return replace(parsed, encoding=encoding)
    if format == "docx":
        from reader.loading.docx import parse_docx

        title, paragraphs, notice = parse_docx(data, name=name, max_bytes=max_bytes)
        return Parsed(title, paragraphs, cut_notice=notice)
    if format == "pdf":
        from reader.loading.pdf import parse_pdf

        title, paragraphs, notice, sections = parse_pdf(data, name=name)
        return Parsed(
            title, paragraphs, empty_reason=_NO_PDF_TEXT, cut_notice=notice, sections=sections
        )
    if format == "epub":
        from reader.loading.epub import parse_epub

        title, paragraphs, notice, sections = parse_epub(data, name=name, max_bytes=max_bytes)
        return Parsed(title, paragraphs, cut_notice=notice, sections=sections)
    text, encoding = decode_text(data, name)
    if not text.strip():
        raise _whitespace_only(name)
    return replace(parse_text(text, format, name=name, url=url), encoding=encoding)


def _whitespace_only(name: str) -> Exception:
    from reader.errors import LoadError

    return LoadError(f"{name}: the file contains only whitespace")
