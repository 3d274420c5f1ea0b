"""Command-line text the commands share: words typed in any terminal, paths shown in output.

On Linux and macOS, arguments arrive as bytes decoded with the locale's encoding; bytes that do
not decode (a Windows-1252 "ü" typed in an old terminal, a file name copied from a Windows
disk) become lone surrogates, which cannot be looked up, encoded as UTF-8 or written to JSON.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.document import Document


def _has_surrogates(text: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in text)


def typed_text(value: str) -> str:
    """An argument a person typed, with undecodable bytes read as Windows-1252 ("Straße")."""
    if not _has_surrogates(value):
        return value
    raw = value.encode("utf-8", errors="surrogateescape")
    return raw.decode("windows-1252", errors="replace")


def word(value: str) -> str:
    """argparse type for a German word or phrase: repaired, trimmed, not empty."""
    text = " ".join(typed_text(value).split())
    if not text:
        raise argparse.ArgumentTypeError("give a German word (it is empty)")
    return text


def shown_path(path: Path | str) -> str:
    """A path for output and JSON: as it is, or with undecodable bytes written as \\xNN."""
    text = str(path)
    if not _has_surrogates(text):
        return text
    return text.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="backslashreplace")


def note_if_cut(document: Document) -> None:
    """One line on standard error when only the beginning of a very long text was loaded: the
    output (JSON in a file, perhaps) says so too, but is easily not read."""
    if not document.length_warning:
        return
    source = document.source
    name = shown_path(source.path) if source.path else (source.url or "standard input")
    print(f"reader: note: {name}: {document.length_warning}", file=sys.stderr)
