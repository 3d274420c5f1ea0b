"""Small helpers for the reading view's read-only Text widgets (one line per paragraph)."""

from __future__ import annotations

import contextlib
import tkinter as tk
from collections.abc import Callable, Iterator, Sequence


@contextlib.contextmanager
def editable(text: tk.Text) -> Iterator[tk.Text]:
    """Unlock a read-only Text widget for the block."""
    text.configure(state="normal")
    try:
        yield text
    finally:
        text.configure(state="disabled")


def interleaved(
    paragraphs: Sequence[str], tags: Callable[[int], tuple[str, ...]]
) -> list[str | tuple[str, ...]]:
    """Arguments for one `Text.insert`: paragraph, its tags, newline, no tags, paragraph, …"""
    arguments: list[str | tuple[str, ...]] = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            arguments += ["\n", ()]
        arguments += [paragraph, tags(index)]
    return arguments
