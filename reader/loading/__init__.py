"""Loading articles from files, standard input and text into `Document`s (no tkinter here).

Skeleton version: plain UTF-8 text only; the foundation issue replaces it with every format.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reader.document import Document, Source
from reader.errors import LoadError


def load_path(path: str | Path) -> Document:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise LoadError(f"{path}: cannot read the file ({error.strerror})") from error
    return load_text(text, Source(path=path, format="txt", encoding="utf-8"))


def load_stdin() -> Document:
    return load_text(sys.stdin.read(), Source(path=None, format="stdin"))


def load_text(text: str, source: Source) -> Document:
    paragraphs = tuple(p.strip() for p in text.split("\n\n") if p.strip())
    if not paragraphs:
        raise LoadError(f"{source.path or source.format}: the text is empty")
    return Document(title=None, source=source, paragraphs=paragraphs)
