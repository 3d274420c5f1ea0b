"""`reader library [--json]`: the articles opened in the window, with your coverage of each."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from reader.commands.json_output import add_json_options, wants_json, write_json
from reader.learner.library import LibraryArticle

NAME = "library"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="the articles you have opened",
        description="Every article opened in the window: title, source, when, words, level, "
        "the share of its words you know (under today's statuses) and where you were.",
    )
    add_json_options(parser, "one JSON array")
    parser.add_argument(
        "--comfortable",
        action="store_true",
        help="only articles you can read comfortably (you know at least 95 %% of the words)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.commands.words import open_store
    from reader.learner.library import Library

    store = open_store()
    try:
        articles = Library(store).articles()
    finally:
        store.close()
    if args.comfortable:
        articles = [article for article in articles if article.comfortable]
    if wants_json(args):
        write_json([article_json(a) for a in articles], args)
        return 0
    if not articles:
        print("The library is empty: articles opened in the window appear here.", file=sys.stderr)
    for article in articles:
        share = "–" if article.known_share is None else f"{article.known_share:.0%}"
        when = time.strftime("%Y-%m-%d", time.localtime(article.opened))
        missing = "  (missing)" if article.missing else ""
        print(
            f"{when}  {share:>4} known  {article.cefr or '–':<2}  {article.words:>6} words  "
            f"{article.title}{missing}"
        )
    return 0


def article_json(article: LibraryArticle) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "path": article.path,
        "url": article.url,
        "format": article.format,
        "opened": article.opened,
        "first_opened": article.first_opened,
        "words": article.words,
        "cefr": article.cefr,
        "known_share": article.known_share,
        "position": article.position,
        "translated_share": article.translated_share,
        "missing": article.missing,
    }
