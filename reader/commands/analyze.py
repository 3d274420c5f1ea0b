"""`reader analyze PATH|- [--json]`: load an article and report readability and glossary terms."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from reader import glossary, readability
from reader.document import Document
from reader.loading import load_path, load_stdin

NAME = "analyze"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="readability and political terms of an article",
        description="Load an article (txt, md, html, docx, pdf, epub, or - for stdin) and report "
        "its readability and the political terms in it.",
    )
    parser.add_argument("path", help="the article, or - to read text from standard input")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    document = load_stdin() if args.path == "-" else load_path(args.path)
    report = build_report(document)
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_summary(report))
    return 0


def build_report(document: Document) -> dict[str, Any]:
    source = document.source
    return {
        "source": {
            "path": str(source.path) if source.path else None,
            "format": source.format,
            "encoding": source.encoding,
            "title": document.title,
        },
        "language": {"code": document.language, "warning": document.language_warning},
        "paragraphs": [{"index": i, "text": text} for i, text in enumerate(document.paragraphs)],
        "readability": readability.report(document),
        "glossary": glossary.report(document),
    }


def format_summary(report: dict[str, Any]) -> str:
    source = report["source"]
    lines = [
        f"{source['title'] or '(untitled)'}",
        f"  {source['format']} · {source['path'] or 'standard input'}"
        + (f" · {source['encoding']}" if source["encoding"] else ""),
        f"  {len(report['paragraphs'])} paragraphs",
    ]
    if report["language"]["warning"]:
        lines.append(f"  warning: {report['language']['warning']}")
    scores = report["readability"]
    if scores:
        lines.append(
            f"  readability: Amstad {scores['flesch_amstad']:.0f} ({scores['label']}), "
            f"level ≈ {scores['cefr']}, {scores['words']} words, "
            f"{scores['reading_time_min']:.0f} min for a learner"
        )
    terms = report["glossary"]
    if terms:
        lines.append(f"  {len(terms)} political terms:")
        lines.extend(f"    {term['term']} – {term['english']}" for term in terms)
    return "\n".join(lines) + "\n"
