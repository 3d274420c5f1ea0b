"""`reader analyze PATH|URL|- [--json] [--max-size MB]`: an article's readability and terms."""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import signal
import sys
import textwrap
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reader.analysis import analyze_article
from reader.commands.arguments import note_if_cut, shown_path
from reader.commands.json_output import (
    add_json_options,
    readability_json,
    terms_json,
    wants_json,
    write_json,
)
from reader.document import Document
from reader.errors import LoadError
from reader.loading import DEFAULT_MAX_BYTES, load_argument
from reader.loading.language import LANGUAGE_NAMES
from reader.readability import count_words

if TYPE_CHECKING:
    from reader.glossary import TermMatch

NAME = "analyze"
FORKED_FROM_CHARS = 200_000  # shorter texts take less time than starting a process
_WIDTH = 78
_LABEL = 13  # width of the label column in the summary


def _megabytes(value: str) -> int:
    try:
        megabytes = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of megabytes: {value!r}") from None
    if not 0 < megabytes <= 4096:
        raise argparse.ArgumentTypeError("give a size between 0 and 4096 MB")
    return int(megabytes * 1024 * 1024)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="readability and political terms of an article",
        description="Load an article (txt, md, html, docx, pdf, epub, an http(s) address, or - "
        "for standard input) and report its readability and the political terms in it.",
    )
    parser.add_argument("path", help="the article file, a web address, or - for standard input")
    add_json_options(parser, "one JSON object")
    parser.add_argument(
        "--max-size",
        metavar="MB",
        type=_megabytes,
        default=DEFAULT_MAX_BYTES,
        dest="max_bytes",
        help=f"refuse larger inputs (default {DEFAULT_MAX_BYTES // (1024 * 1024)} MB; "
        "also the limit for the unpacked content of docx and epub files)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # A book's analysis makes millions of objects and no garbage cycles: the collector's passes
    # over them would be a tenth of the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        document = load_argument(args.path, max_bytes=getattr(args, "max_bytes", DEFAULT_MAX_BYTES))
        note_if_cut(document)
        report = build_report(document)
    finally:
        if collecting:
            gc.enable()
    if wants_json(args):
        write_json(report, args)
    else:
        sys.stdout.write(format_summary(report))
    return 0


def build_report(document: Document) -> dict[str, Any]:
    terms, readability, learner = analysis_of(document)
    source = document.source
    return {
        "source": {
            "path": shown_path(source.path) if source.path else (source.url or None),
            "format": source.format,
            "encoding": source.encoding,
            "title": document.title,
            "warning": document.content_warning,
            "length_warning": document.length_warning,
        },
        "language": {"code": document.language, "warning": document.language_warning},
        "paragraphs": [{"index": i, "text": text} for i, text in enumerate(document.paragraphs)],
        "readability": readability,
        "glossary": terms_json(terms),
        "learner": learner,
    }


def learner_json(document: Document) -> dict[str, Any]:
    """What the learner knows of the article, from the stored statuses."""
    from reader.learner.known import current_statuses
    from reader.learner.words import learner_report

    report = learner_report(document.paragraphs, current_statuses())
    return {
        "known_share": report.known_share,
        "counted_words": report.counted_words,
        "new_lemmas": list(report.new_lemmas),
        "paragraphs": [
            {"index": index, "known_share": share}
            for index, share in enumerate(report.paragraph_shares)
        ],
    }


def analysis_of(
    document: Document,
) -> tuple[list[TermMatch], dict[str, Any], dict[str, Any]]:
    """The glossary terms, and the readability report and the learner's part as JSON-ready
    data. For a long text on Linux the readability report and the learner's part are computed
    in a forked process beside the glossary's terms, each on a core of its own (the analysis is
    pure Python: threads would take turns). The child sends them as plain dicts and lists, which
    pickle several times faster than the report's thousands of dataclasses."""
    if sum(map(len, document.paragraphs)) < FORKED_FROM_CHARS or not _can_fork():
        analysis = analyze_article(document)
        assert analysis.readability is not None  # without keep_going a failure raises
        return analysis.terms, readability_json(analysis.readability), learner_json(document)
    from reader import glossary
    from reader.language.lexicon import german_forms

    german_forms().get("Haus")  # loaded once, before the fork: both processes share it
    sys.stdout.flush()
    sys.stderr.flush()
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # the child computes its part, sends it, and ends without clean-up
        os.close(reading)
        with os.fdopen(writing, "wb") as pipe:
            pipe.write(_pickled_outcome(lambda: _readability_and_learner(document)))
        os._exit(0)
    os.close(writing)
    try:
        terms = glossary.find_terms(document)
    except BaseException:
        os.kill(child, signal.SIGKILL)
        os.close(reading)
        os.waitpid(child, 0)
        raise
    with os.fdopen(reading, "rb") as pipe:
        sent = pipe.read()
    os.waitpid(child, 0)
    if not sent:  # the child died: compute its part here
        return terms, *_readability_and_learner(document)
    kind, value = pickle.loads(sent)
    if kind == "error":
        raise value
    report: dict[str, Any] = value[0]
    learner: dict[str, Any] = value[1]
    return terms, report, learner


def _readability_and_learner(document: Document) -> tuple[dict[str, Any], dict[str, Any]]:
    from reader import readability

    return readability_json(readability.report(document)), learner_json(document)


def _can_fork() -> bool:
    # Only on Linux (macOS's system libraries do not survive a fork without exec), and only in
    # a process of one thread: a lock another thread held at the fork would stay locked.
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _pickled_outcome(compute: Callable[[], object]) -> bytes:
    try:
        return pickle.dumps(("ok", compute()))
    except BaseException as error:
        try:
            return pickle.dumps(("error", error))
        except Exception:
            return pickle.dumps(("error", RuntimeError(f"{type(error).__name__}: {error}")))


def _row(label: str, value: str, *, wrap: bool = True) -> list[str]:
    """A labelled row, its value wrapped under itself (paths are never broken)."""
    wrapped = (textwrap.wrap(value, _WIDTH - _LABEL - 2) if wrap else [value]) or [""]
    first = f"  {label:<{_LABEL}}{wrapped[0]}"
    return [first] + [" " * (_LABEL + 2) + line for line in wrapped[1:]]


def _number(value: Any, digits: int = 0) -> str:
    return f"{value:,.{digits}f}" if isinstance(value, int | float) else str(value)


def _readability_line(scores: dict[str, Any]) -> str | None:
    parts = []
    if "flesch_amstad" in scores:
        label = f" ({scores['label']})" if scores.get("label") else ""
        parts.append(f"Flesch (Amstad) {_number(scores['flesch_amstad'])}{label}")
    if scores.get("cefr"):
        parts.append(f"level ≈ {scores['cefr']}")
    if isinstance(scores.get("reading_time_min"), int | float):
        parts.append(f"about {max(1, round(scores['reading_time_min']))} min for a learner")
    return " · ".join(parts) or None


def _file_name(path: str | None) -> str:
    if not path:
        return "Standard input"
    return path.rstrip("/").rsplit("/", 1)[-1]


def format_summary(report: dict[str, Any]) -> str:
    """The human-readable summary `reader analyze` prints without --json."""
    source = report["source"]
    paragraphs = [p["text"] for p in report["paragraphs"]]
    words = sum(count_words(text) for text in paragraphs)
    title = source["title"] or f"{_file_name(source['path'])} (no title)"
    lines = [title, "═" * min(len(title), _WIDTH)]

    origin = source["path"] or "standard input"
    lines += _row("Source", f"{source['format']} · {origin}", wrap=False)
    if source["encoding"]:
        lines += _row("Encoding", source["encoding"])
    language = report["language"]
    lines += _row("Language", LANGUAGE_NAMES.get(language["code"], language["code"]))
    lines += _row(
        "Text",
        f"{len(paragraphs)} paragraph{'s' * (len(paragraphs) != 1)} · "
        f"{words:,} words · {sum(map(len, paragraphs)):,} characters",
    )
    scores = report["readability"]
    if scores:
        line = _readability_line(scores)
        if line:
            lines += _row("Readability", line)
    learner = report.get("learner")
    if learner and learner["counted_words"]:
        from reader.learner.words import coverage_sentence

        lines += _row("You", coverage_sentence(learner["known_share"]))
    terms = report["glossary"]
    if terms:
        lines += _row("Glossary", f"{len(terms)} political term{'s' * (len(terms) != 1)}")
        for term in terms:
            english = f" – {term['english']}" if term.get("english") else ""
            lines += _row("", f"{term.get('term', '?')}{english}")
    if paragraphs:
        opening = textwrap.shorten(paragraphs[0], width=_WIDTH - _LABEL - 2, placeholder=" …")
        lines += _row("Begins", opening)
    warnings = (source["warning"], source.get("length_warning"), language["warning"])
    for warning in warnings:
        if warning:
            lines += ["", f"  Warning: {warning}"]
    return "\n".join(lines) + "\n"


__all__ = [
    "NAME",
    "LoadError",
    "build_report",
    "format_summary",
    "register",
    "run",
]
