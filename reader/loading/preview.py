"""The beginning of a long text file, loaded before the whole of it (no tkinter).

Loading a book-length text takes a few hundred milliseconds; its first screenful takes a few.
The window shows `preview_path`'s paragraphs at once and the whole document when it is loaded:
the preview is the file's first `PREVIEW_BYTES` cut at a line break, read by the same loader,
so its paragraphs are the document's first ones. Its last paragraph may have been cut off and
is left out; whatever else could differ (a loader that looks at the whole text to decide how
lines make paragraphs) the window checks when the document arrives.

Only plain text and Markdown files are previewed: in the other formats the beginning of the file
is not the beginning of the text.
"""

from __future__ import annotations

from pathlib import Path

from reader.document import Document
from reader.errors import LoadError
from reader.loading import DEFAULT_MAX_BYTES, load_bytes
from reader.loading.sniff import format_from_suffix

PREVIEW_BYTES = 24_000  # more than a screenful in any window
PREVIEWED_FROM_BYTES = 200_000  # smaller files load in a few tens of milliseconds anyway


def preview_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document | None:
    """The first paragraphs of a long text or Markdown file; None for any other file, or when
    the beginning cannot be read (loading the whole file then says why)."""
    format = format_from_suffix(path.suffix.lower())
    if format not in ("txt", "md"):
        return None
    try:
        size = path.stat().st_size
        if not PREVIEWED_FROM_BYTES <= size <= max_bytes:
            return None
        with path.open("rb") as file:
            beginning = file.read(PREVIEW_BYTES)
    except (OSError, ValueError):
        return None
    cut = beginning.rfind(b"\n")
    if cut <= 0:
        return None
    try:
        document = load_bytes(beginning[:cut], path.name, format=format, path=path)
    except LoadError:
        return None
    if len(document.paragraphs) < 2:
        return None
    return Document(
        title=document.title,
        source=document.source,
        paragraphs=document.paragraphs[:-1],  # perhaps cut off
        language=document.language,
    )
