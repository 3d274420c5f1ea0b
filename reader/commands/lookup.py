"""`reader lookup WORD [--sentence S] [--json]`: the word card in the terminal."""

from __future__ import annotations

import argparse
import sys

from reader.commands.arguments import typed_text, word
from reader.commands.json_output import add_json_options, wants_json, word_card_json, write_json
from reader.dictionary.store import build_hint
from reader.dictionary.word_lookup import WordCard, word_card

NAME = "lookup"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="look up a German word offline",
        description="Look up a German word: lemma, article and plural, the political glossary, "
        "the offline dictionary (build it with `make dictionary`), and a compound's parts.",
    )
    parser.add_argument("word", type=word, help="a German word or phrase")
    parser.add_argument(
        "--sentence",
        default="",
        type=typed_text,
        help="the word's sentence (finds separated verbs: stimmte … ab)",
    )
    add_json_options(parser, "one JSON object")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    card = word_card(args.word, args.sentence)
    if wants_json(args):
        write_json(word_card_json(card), args)
    else:
        sys.stdout.write(format_card(card))
    return 0


def format_card(card: WordCard) -> str:
    heading = card.lemma
    if card.article:  # after a word group, where it cannot clash with an inflected adjective
        heading = f"{heading} ({card.article})" if " " in heading else f"{card.article} {heading}"
    if card.plural:
        heading += f" (plural: {card.plural})"
    lines = [f"{card.word}  →  {heading}"]
    if card.glossary is not None:
        lines.append(f"  political term: {card.glossary.entry.english_summary}")
        lines.append(f"    {card.glossary.entry.explanation}")
    lines.extend(f"  {entry.de}\n      {entry.en}" for entry in card.dictionary)
    if card.parts:
        lines.append("  parts: " + " + ".join(p.de for p in card.parts))
        lines.extend(f"    {p.de}: {', '.join(p.en) or '?'}" for p in card.parts)
    if not card.dictionary_available:
        lines.append("  (no offline dictionary in this installation)")
        hint = build_hint()
        if hint:
            lines.append(f"  {hint}")
    elif not card.dictionary and not card.parts and card.glossary is None:
        lines.append("  not found in the offline dictionary")
    return "\n".join(lines) + "\n"
