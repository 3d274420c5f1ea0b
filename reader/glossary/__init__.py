"""Political glossary and term matching (issue 4 fills this in)."""

from __future__ import annotations

from typing import Any

from reader.document import Document


def report(document: Document) -> list[dict[str, Any]]:
    """The `glossary` list of `reader analyze --json`."""
    return []
