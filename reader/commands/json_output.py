"""The JSON the commands print (`--json`): the typed results turned into JSON-ready data.

Only the commands turn results into JSON; the glossary, the dictionary and the window pass the
dataclasses themselves. Key order is part of the output: scripts diff it.

The JSON is compact (one line) unless `--indent N` asks for it indented: `json.dumps` without
an indent runs in C, ~15 times faster than the pure-Python encoder an indent needs, which for a
book's analysis (a few MB of JSON) is most of the command's time.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only for the types: a command imports what it computes with
    from reader.dictionary.word_lookup import GlossaryHit, WordCard
    from reader.glossary import GlossaryEntry, TermMatch
    from reader.readability import ParagraphReadability, ReadabilityReport


DEFAULT_INDENT = 2


def add_json_options(parser: argparse.ArgumentParser, what: str) -> None:
    """`--json` (print `what` as compact JSON) and `--indent [N]` (indented; implies --json)."""
    parser.add_argument("--json", action="store_true", help=f"print {what} (compact JSON)")
    parser.add_argument(
        "--indent",
        metavar="N",
        type=_indent,
        nargs="?",
        const=DEFAULT_INDENT,
        help=f"print the JSON indented by N spaces (default {DEFAULT_INDENT}); implies --json",
    )


def wants_json(args: argparse.Namespace) -> bool:
    return bool(args.json) or getattr(args, "indent", None) is not None


def write_json(data: Any, args: argparse.Namespace) -> None:
    """`data` on standard output as one JSON text and a newline, indented if asked for."""
    indent: int | None = getattr(args, "indent", None)
    separators = (",", ": ") if indent is not None else (",", ":")
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent, separators=separators))
    sys.stdout.write("\n")


def _indent(value: str) -> int:
    try:
        spaces = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of spaces: {value!r}") from None
    if not 0 <= spaces <= 16:
        raise argparse.ArgumentTypeError("give an indent between 0 and 16 spaces")
    return spaces


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


def readability_json(report: ReadabilityReport) -> dict[str, Any]:
    """The `readability` object of `reader analyze --json`."""
    return {
        "sentences": report.counts.sentences,
        "words": report.counts.words,
        "syllables": report.counts.syllables,
        "flesch_amstad": round(report.flesch_amstad, 1),
        "wiener_sachtextformel": {
            str(variant): round(score, 1) for variant, score in report.wiener_sachtextformel.items()
        },
        "lix": round(report.lix, 1),
        "avg_sentence_length": round(report.avg_sentence_length, 1),
        "long_sentences": report.long_sentences,
        "reading_time_min": round(report.reading_time_min, 1),
        "coverage": {str(limit): round(share, 3) for limit, share in report.coverage.items()},
        "cefr": report.cefr,
        "label": report.label,
        "rare_words": [{"lemma": rare.lemma, "count": rare.count} for rare in report.rare_words],
        "paragraphs": [paragraph_readability_json(paragraph) for paragraph in report.paragraphs],
    }


def paragraph_readability_json(paragraph: ParagraphReadability) -> dict[str, Any]:
    return {
        "index": paragraph.index,
        "sentences": paragraph.counts.sentences,
        "words": paragraph.counts.words,
        "flesch_amstad": round(paragraph.flesch_amstad, 1),
        "cefr": paragraph.cefr,
        "label": paragraph.label,
    }


def _parts_json(entry: GlossaryEntry) -> list[dict[str, Any]]:
    return [
        {"text": part.text, "lemma": part.lemma, "english": part.english} for part in entry.parts
    ]
