"""How much a loader may read: the size limit for files, downloads and unpacked archives."""

from __future__ import annotations

from pathlib import Path

# Articles are kilobytes; 20 MB leaves room for PDFs with images and still stops runaway input.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


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
