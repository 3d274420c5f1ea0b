"""How glossary entries are shown: tooltip text and category colours (no widgets)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.gui.theme import Palette

if TYPE_CHECKING:
    from reader.glossary.entries import GlossaryEntry


def term_summary(entry: GlossaryEntry) -> tuple[str, str]:
    """Tooltip heading ("die Schuldenbremse") and body (English, plural, explanation)."""
    heading = entry.headword
    lines: list[str] = []
    if entry.english:
        lines.append(", ".join(entry.english))
    if entry.plural:
        lines.append(f"Plural: die {entry.plural}" if entry.article else f"Plural: {entry.plural}")
    if entry.explanation:
        lines.append(("\n" if lines else "") + entry.explanation)
    return heading, "\n".join(lines)


def category_id(entry: GlossaryEntry) -> str:
    return entry.category.slug


def category_colours(categories: tuple[str, ...], colours: Palette) -> dict[str, str]:
    """A stable colour per glossary category id (by its position in the glossary)."""
    return {
        category: colours.categories[number % len(colours.categories)]
        for number, category in enumerate(categories)
    }
