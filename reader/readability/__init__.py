"""Readability for learners (issue 3 fills this in)."""

from __future__ import annotations

from typing import Any

from reader.document import Document


def report(document: Document) -> dict[str, Any]:
    """The `readability` object of `reader analyze --json`."""
    return {}
