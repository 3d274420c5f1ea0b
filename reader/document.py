"""The article as the rest of the program sees it: a title, where it came from, its paragraphs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Format = Literal["txt", "md", "html", "docx", "pdf", "epub", "stdin", "clipboard", "url"]


@dataclass(frozen=True)
class Source:
    """Where a document came from."""

    path: Path | None
    format: Format
    encoding: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Document:
    """A loaded article: plain-text paragraphs in reading order."""

    title: str | None
    source: Source
    paragraphs: tuple[str, ...]
    language: str = "de"
    language_warning: str | None = field(default=None)

    @property
    def text(self) -> str:
        """The whole text, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)
