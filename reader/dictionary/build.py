"""`python -m reader.dictionary.build [SOURCE] [--output PATH]`: convert Ding's list to SQLite."""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reader import paths
from reader.dictionary.ding import DING_PATH, read_lines
from reader.dictionary.store import FILE_NAME, build
from reader.glossary.dictionary_layer import political_words, wordfreq_zipf, write_layer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", nargs="?", default=DING_PATH, type=Path)
    parser.add_argument("--output", type=Path, default=paths.PACKAGE_DATA / FILE_NAME)
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(
            f"reader: {args.source}: Ding's word list is missing "
            "(on Debian: apt-get install trans-de-en)",
            file=sys.stderr,
        )
        return 2
    started = time.perf_counter()
    with args.source.open(encoding="utf-8", errors="replace") as source:
        count = build(read_lines(source), args.output, _add_political_words(args.source))
    size_mb = args.output.stat().st_size / 1e6
    elapsed = time.perf_counter() - started
    print(f"{args.output}: {count} entries, {size_mb:.1f} MB, built in {elapsed:.1f} s")
    return 0


def _add_political_words(source: Path) -> Callable[[sqlite3.Connection], None]:
    """The glossary's dictionary layer, written into the same file."""

    def add(connection: sqlite3.Connection) -> None:
        with source.open(encoding="utf-8", errors="replace") as lines:
            words = political_words(read_lines(lines), wordfreq_zipf())
            count = write_layer(connection, words)
        print(f"glossary layer: {count} political, legal and military words")

    return add


if __name__ == "__main__":
    raise SystemExit(main())
