"""`reader glossary [--search WORD] [--category SLUG] [--json]`: list or search the glossary."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader.commands.arguments import typed_text
from reader.commands.json_output import add_json_options, entry_json, wants_json, write_json
from reader.errors import ReaderError
from reader.glossary import (
    CATEGORY_NAMES,
    GlossaryEntry,
    load_glossary,
    search_glossary,
)

NAME = "glossary"
EXIT_NOTHING_FOUND = 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="list or search the political glossary",
        description="List the whole political glossary by category, or search it for a German "
        "or English word (case, accents and umlaut spellings are ignored: 'Zoelle' finds Zoll).",
    )
    parser.add_argument(
        "--search", metavar="WORD", type=typed_text, help="German or English word to look for"
    )
    parser.add_argument(
        "--category",
        metavar="SLUG",
        choices=list(CATEGORY_NAMES),
        help="only this category: " + ", ".join(CATEGORY_NAMES),
    )
    add_json_options(parser, "a JSON list of entries")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    glossary = load_glossary()
    if args.search is not None:
        if not args.search.strip():
            raise ReaderError("--search needs a word")
        entries = search_glossary(args.search)
    else:
        entries = list(glossary.entries)
    if args.category:
        entries = [entry for entry in entries if entry.category.slug == args.category]
    if wants_json(args):
        write_json([entry_json(e) for e in entries], args)
    elif args.search is not None:
        sys.stdout.write("".join(f"{format_entry(e)}  [{e.category.name}]\n" for e in entries))
    else:
        sys.stdout.write(format_by_category(entries))
    if args.search is not None and not entries:
        print(f"reader: no glossary entry matches {args.search!r}", file=sys.stderr)
        return EXIT_NOTHING_FOUND
    return 0


def format_entry(entry: GlossaryEntry) -> str:
    """One line: "der Zoll (pl. Zölle) – tariff; customs duty"."""
    term = entry.headword
    plural = f" (pl. {entry.plural})" if entry.plural else ""
    abbreviations = f" [{', '.join(entry.abbreviations)}]" if entry.abbreviations else ""
    return f"{term}{plural}{abbreviations} – {entry.english_summary}"


def format_by_category(entries: Sequence[GlossaryEntry]) -> str:
    lines: list[str] = []
    for slug, name in CATEGORY_NAMES.items():
        in_category = [entry for entry in entries if entry.category.slug == slug]
        if not in_category:
            continue
        lines.append(f"{name} ({len(in_category)})")
        lines.extend(f"  {format_entry(entry)}" for entry in in_category)
        lines.append("")
    lines.append(f"{len(entries)} entries")
    return "\n".join(lines) + "\n"
