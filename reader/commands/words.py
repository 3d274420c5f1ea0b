"""`reader words import|list|export`: the learner's word statuses from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.commands.arguments import shown_path
from reader.commands.json_output import add_json_options, wants_json, write_json
from reader.errors import ReaderError
from reader.learner.status import STATUS_CHOICES, WordStatus, parse_status, status_label

if TYPE_CHECKING:
    from reader.learner.store import LearnerStore

NAME = "words"


def _status(value: str) -> WordStatus | None:
    try:
        return parse_status(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from reader.learner.transfer import FORMATS

    parser = subparsers.add_parser(
        NAME,
        help="import, list and export how well you know words",
        description="Your word statuses (new, learning 1–4, known, ignored), shared with the "
        "window: import known words from a list, Anki, Lute or LingQ; list them; export them.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    importing = actions.add_parser(
        "import",
        help="mark the words of a file",
        description="Mark the words of FILE: a plain list (one word a line), an Anki "
        "plain-text export, a Lute or LingQ CSV export, our vocabulary CSV or our status "
        "export. The whole file is checked first; a bad file changes nothing.",
    )
    importing.add_argument("file", type=Path)
    importing.add_argument(
        "--status",
        type=_status,
        metavar="known|learning|1-4|ignored",
        help="give every word this status (default: the file's own, else known)",
    )
    importing.add_argument(
        "--format", choices=FORMATS, help="the file's format (default: by its first line)"
    )
    importing.set_defaults(run=run_import)
    listing = actions.add_parser("list", help="list the marked words")
    listing.add_argument(
        "--status",
        type=_status,
        default=argparse.SUPPRESS,
        metavar="|".join(c for c in STATUS_CHOICES if c != "new"),
        help="only words with this status",
    )
    add_json_options(listing, "one JSON array")
    listing.set_defaults(run=run_list)
    exporting = actions.add_parser("export", help="write every status to a CSV file")
    exporting.add_argument("file", type=Path)
    exporting.set_defaults(run=run_export)


def open_store() -> LearnerStore:
    """The user's statuses; one line, not a traceback, if the file cannot be opened."""
    import sqlite3

    from reader.learner.store import LearnerStore

    try:
        return LearnerStore()
    except (OSError, sqlite3.Error) as error:
        raise ReaderError(f"cannot open your word statuses: {error}") from None


def run_import(args: argparse.Namespace) -> int:
    from reader.learner.transfer import import_word_file

    store = open_store()
    try:
        plan, changed = import_word_file(store, args.file, status=args.status, format=args.format)
    finally:
        store.close()
    print(f"{shown_path(args.file)}: {plan.summary(len(changed))}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from reader.learner.known import vocabulary_lemmas

    store = open_store()
    try:
        marked = store.words()
    finally:
        store.close()
    rows: list[tuple[str, WordStatus, float | None, str]] = [
        (word.lemma, word.status, word.changed, "marked") for word in marked
    ]
    keys = {word.key for word in marked}
    rows += [
        (lemma, WordStatus.LEARNING_1, None, "vocabulary")
        for key, lemma in vocabulary_lemmas().items()
        if key not in keys
    ]
    if hasattr(args, "status"):
        rows = [row for row in rows if row[1] == args.status]
    rows.sort(key=lambda row: row[0].lower())
    if wants_json(args):
        entries = [
            {"lemma": lemma, "status": status_label(status), "changed": changed, "source": source}
            for lemma, status, changed, source in rows
        ]
        write_json(entries, args)
        return 0
    for lemma, status, _, source in rows:
        note = "  (saved in the vocabulary)" if source == "vocabulary" else ""
        print(f"{status_label(status):<8} {lemma}{note}")
    if not rows:
        print("No words marked yet.", file=sys.stderr)
    return 0


def run_export(args: argparse.Namespace) -> int:
    from reader.learner.known import vocabulary_lemmas
    from reader.learner.transfer import export_statuses

    store = open_store()
    try:
        count = export_statuses(args.file, store.words(), vocabulary_lemmas())
    finally:
        store.close()
    print(f"Wrote {count} words to {shown_path(args.file)}.")
    return 0
