"""One entry point for every parser: bytes in a known format to a title and paragraphs."""

from __future__ import annotations

from dataclasses import dataclass

from reader.document import Format
from reader.loading.assemble import EMPTY
from reader.loading.encoding import decode_text


@dataclass(frozen=True)
class Parsed:
    title: str | None
    paragraphs: list[str]
    encoding: str | None = None
    empty_reason: str = EMPTY
    warning: str | None = None  # the text is not what the reader wanted (a page with no article)


def parse_text(text: str, format: Format, *, name: str, url: str | None = None) -> Parsed:
    """Already-decoded text: Markdown and HTML by their rules, anything else as plain text."""
    if format == "md":
        from reader.loading.markdown import parse_markdown

        return Parsed(*parse_markdown(text))
    if format in ("html", "url"):
        from reader.loading.html import parse_html

        page = parse_html(text, name=name, url=url)
        return Parsed(page.title, page.paragraphs, empty_reason=_NO_ARTICLE, warning=page.warning)
    from reader.loading.plaintext import parse_plain_text

    return Parsed(*parse_plain_text(text))


_NO_ARTICLE = "no article text found in this page"
_NO_PDF_TEXT = "no text could be extracted (a scanned PDF? Text recognition (OCR) is not supported)"


def parse(data: bytes, format: Format, *, name: str, url: str | None, max_bytes: int) -> Parsed:
    """Bytes in `format` to a title and paragraphs; LoadError for anything unreadable."""
    if format == "html":
        from reader.loading.html import html_encoding, parse_html

        encoding = html_encoding(data)
        page = parse_html(data.decode(encoding, errors="replace"), name=name, url=url)
        return Parsed(page.title, page.paragraphs, encoding, _NO_ARTICLE, page.warning)
    if format == "docx":
        from reader.loading.docx import parse_docx

        return Parsed(*parse_docx(data, name=name, max_bytes=max_bytes))
    if format == "pdf":
        from reader.loading.pdf import parse_pdf

        return Parsed(*parse_pdf(data, name=name), empty_reason=_NO_PDF_TEXT)
    if format == "epub":
        from reader.loading.epub import parse_epub

        return Parsed(*parse_epub(data, name=name, max_bytes=max_bytes))
    text, encoding = decode_text(data, name)
    if not text.strip():
        raise _whitespace_only(name)
    parsed = parse_text(text, format, name=name, url=url)
    return Parsed(parsed.title, parsed.paragraphs, encoding, parsed.empty_reason, parsed.warning)


def _whitespace_only(name: str) -> Exception:
    from reader.errors import LoadError

    return LoadError(f"{name}: the file contains only whitespace")
