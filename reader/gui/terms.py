"""How glossary entries are shown: tooltip text and category colours (no widgets)."""

from __future__ import annotations

from typing import Any

from reader.gui.theme import Palette


def term_summary(entry: Any) -> tuple[str, str]:
    """Tooltip heading ("die Schuldenbremse") and body (English, plural, explanation)."""
    article = f"{entry.article} " if getattr(entry, "article", None) else ""
    heading = f"{article}{entry.term}"
    lines: list[str] = []
    english = ", ".join(getattr(entry, "english", ()) or ())
    if english:
        lines.append(english)
    plural = getattr(entry, "plural", None)
    if plural:
        lines.append(f"Plural: die {plural}" if article else f"Plural: {plural}")
    explanation = getattr(entry, "explanation", "")
    if explanation:
        lines.append(("\n" if lines else "") + explanation)
    return heading, "\n".join(lines)


def category_id(entry: Any) -> str:
    category = getattr(entry, "category", None)
    return str(getattr(category, "id", category) or "other")


def category_colours(categories: tuple[str, ...], colours: Palette) -> dict[str, str]:
    """A stable colour per glossary category id (by its position in the glossary)."""
    return {
        category: colours.categories[number % len(colours.categories)]
        for number, category in enumerate(categories)
    }
