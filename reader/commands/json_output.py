"""The JSON the commands print (`--json`): the typed results turned into JSON-ready data.

Only the commands turn results into JSON; the glossary, the dictionary and the window pass the
dataclasses themselves. Key order is part of the output: scripts diff it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reader.dictionary.word_lookup import GlossaryHit, WordCard
from reader.glossary import GlossaryEntry, TermMatch


def entry_json(entry: GlossaryEntry) -> dict[str, Any]:
    """Everything about one entry (`reader glossary --json`, the word card's glossary)."""
    return {
        "term": entry.term,
        "english": entry.english_summary,
        "english_all": list(entry.english),
        "category": entry.category.name,
        "category_id": entry.category.slug,
        "explanation": entry.explanation,
        "article": entry.article,
        "plural": entry.plural,
        "feminine": entry.feminine,
        "abbreviations": list(entry.abbreviations),
        "related": list(entry.related),
        "pos": entry.pos,
        "country": entry.country,
        "source": entry.source,
        "parts": _parts_json(entry),
    }


def terms_json(matches: Iterable[TermMatch]) -> list[dict[str, Any]]:
    """The `glossary` list of `reader analyze --json`."""
    return [term_json(match) for match in matches]


def term_json(match: TermMatch) -> dict[str, Any]:
    """One term found in the article, with where it occurs."""
    entry = match.entry
    return {
        "term": entry.term,
        "english": entry.english_summary,
        "category": entry.category.name,
        "category_id": entry.category.slug,
        "explanation": entry.explanation,
        "article": entry.article,
        "plural": entry.plural,
        "abbreviations": list(entry.abbreviations),
        "country": entry.country,
        "source": entry.source,
        "parts": _parts_json(entry),
        "occurrences": [
            {"paragraph": o.paragraph, "start": o.start, "end": o.end, "text": o.text}
            for o in match.occurrences
        ],
    }


def glossary_hit_json(hit: GlossaryHit) -> dict[str, Any]:
    """The word card's glossary entry, and how the word matched it."""
    return {**entry_json(hit.entry), "match": hit.match}


def word_card_json(card: WordCard) -> dict[str, Any]:
    """The object `reader lookup --json` prints."""
    return {
        "word": card.word,
        "lemma": card.lemma,
        "article": card.article,
        "plural": card.plural,
        "glossary": glossary_hit_json(card.glossary) if card.glossary is not None else None,
        "dictionary": [{"de": entry.de, "en": entry.en} for entry in card.dictionary],
        "parts": [{"de": part.de, "en": list(part.en)} for part in card.parts],
    }


def _parts_json(entry: GlossaryEntry) -> list[dict[str, Any]]:
    return [
        {"text": part.text, "lemma": part.lemma, "english": part.english} for part in entry.parts
    ]
