"""How glossary entries are shown: tooltip text and category colours (no widgets)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.gui.theme import Palette

if TYPE_CHECKING:
    from reader.glossary.entries import GlossaryEntry


# The reading view's mark for each source: curated entries and compounds are underlined; a
# plain dictionary word, which has no explanation of our own, is only coloured.
MARK_TAGS = {
    "glossary": "term",
    "compound": "term",
    "article": "term",
    "dictionary": "term-dictionary",
}


def term_summary(entry: GlossaryEntry) -> tuple[str, str]:
    """Tooltip heading ("die Schuldenbremse") and body (English, plural, explanation, where it
    comes from)."""
    heading = entry.headword
    lines: list[str] = []
    if entry.english:
        lines.append(", ".join(entry.english))
    if entry.plural:
        lines.append(f"Plural: die {entry.plural}" if entry.article else f"Plural: {entry.plural}")
    if entry.explanation:
        lines.append(("\n" if lines else "") + entry.explanation)
    origin = origin_line(entry)
    if origin:
        lines.append("\n" + origin)
    return heading, "\n".join(lines)


def origin_line(entry: GlossaryEntry) -> str:
    """Where the explanation comes from, for the tooltip and the details: the compound's
    parts, the dictionary, the country whose political system the entry belongs to."""
    if entry.source == "compound":
        parts = " + ".join(
            f"{part.lemma} ({part.english})" if part.english else part.lemma for part in entry.parts
        )
        return f"Compound: {parts}"
    if entry.source == "dictionary":
        country = f" · {entry.country_name}" if entry.country_name else ""
        return f"From the offline dictionary (Ding){country}"
    if entry.source == "article":
        return "Defined in this article"
    return f"In {entry.country_name}" if entry.country_name else ""


def mark_tag(entry: GlossaryEntry) -> str:
    return MARK_TAGS[entry.source]


def category_id(entry: GlossaryEntry) -> str:
    return entry.category.slug


def category_colours(categories: tuple[str, ...], colours: Palette) -> dict[str, str]:
    """A stable colour per glossary category id (by its position in the glossary)."""
    return {
        category: colours.categories[number % len(colours.categories)]
        for number, category in enumerate(categories)
    }
