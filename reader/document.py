"""The article as the rest of the program sees it: a title, where it came from, its paragraphs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Format = Literal["txt", "md", "html", "docx", "pdf", "epub", "stdin", "clipboard", "url"]


@dataclass(frozen=True)
class Source:
    """Where a document came from.

    `format` is the kind of input ("url" for a downloaded page, whatever it contained);
    `encoding` is the detected text encoding for txt/md/stdin (e.g. "utf-8", "windows-1252").
    """

    path: Path | None
    format: Format
    encoding: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Section:
    """A chapter, section or page of a book: its name and the paragraph it starts with."""

    title: str
    paragraph: int  # index into `Document.paragraphs`
    level: int = 1  # 1 for a chapter, 2 for a section in it, …


@dataclass(frozen=True)
class Document:
    """A loaded article: plain-text paragraphs in reading order.

    `paragraphs` are never empty and hold no markup. The `title` (a heading, a short first line,
    the page or file metadata) is not repeated as the first paragraph: show it as the heading.
    `language` is "de" unless the text is clearly in another language, and then
    `language_warning` says so in one sentence. `content_warning` says, in one sentence, when
    the text is not an article (a web page that holds only menus or a shop's listings).
    `length_warning` says when only the beginning of a very long text was loaded.
    `headings` are the indexes of the paragraphs that are subheadings, for the window to set
    apart from the text.
    `sections` is a book's table of contents (an EPUB's chapters, a PDF's outline or pages),
    in reading order; empty for an article.
    """

    title: str | None
    source: Source
    paragraphs: tuple[str, ...]
    language: str = "de"
    language_warning: str | None = field(default=None)
    content_warning: str | None = field(default=None)
    length_warning: str | None = field(default=None)
    headings: tuple[int, ...] = ()
    sections: tuple[Section, ...] = field(default=())

    @property
    def warnings(self) -> tuple[str, ...]:
        """Every warning about the text, the most important first."""
        found = (self.content_warning, self.length_warning, self.language_warning)
        return tuple(warning for warning in found if warning)

    @property
    def text(self) -> str:
        """The whole text, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)
