"""Readability, glossary terms and long sentences of the open article, off the Tk thread.

reader.glossary and reader.readability are imported by the worker thread on the first analysis,
not with the window: the window can show the article before they are loaded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.document import Document
from reader.gui import state as events
from reader.gui.background import Outcome
from reader.gui.state import ArticleSession, ReaderState

if TYPE_CHECKING:
    from reader.glossary import Glossary, TermMatch

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Analysis:
    readability: dict[str, Any] | None
    terms: list[TermMatch]
    long_spans: dict[int, list[tuple[int, int]]]
    glossary: Glossary | None
    problems: tuple[str, ...]


def analyse(document: Document) -> Analysis:
    """Everything the panels show about `document`; a failing part is reported, not fatal."""
    from reader import glossary, readability

    problems: list[str] = []
    figures: dict[str, Any] | None = None
    terms: list[TermMatch] = []
    entries: Glossary | None = None
    long_spans: dict[int, list[tuple[int, int]]] = {}
    try:
        figures = readability.report(document) or None
        long_spans = long_sentences(document)
    except Exception as error:
        log.exception("readability analysis failed")
        problems.append(f"readability: {error}")
    try:
        entries = glossary.load_glossary()
        terms = glossary.find_terms(document)
    except Exception as error:
        log.exception("glossary matching failed")
        problems.append(f"glossary: {error}")
    return Analysis(figures, terms, long_spans, entries, tuple(problems))


def long_sentences(document: Document) -> dict[int, list[tuple[int, int]]]:
    """Paragraph index -> spans of its sentences longer than the readability limit."""
    from reader import readability

    found: dict[int, list[tuple[int, int]]] = {}
    for index, paragraph in enumerate(document.paragraphs):
        spans = readability.long_sentence_spans(paragraph, limit=readability.LONG_SENTENCE_WORDS)
        if spans:
            found[index] = spans
    return found


def categories_of(entries: Glossary) -> tuple[str, ...]:
    """Category ids in the glossary's order (colours are given by position)."""
    return tuple(category.slug for category in entries.categories)


class ArticleAnalyser:
    """Starts the analysis whenever an article is opened and publishes <<AnalysisReady>>."""

    def __init__(self, state: ReaderState) -> None:
        self.state = state
        state.on(events.ARTICLE_LOADED, self._article_loaded)

    def _article_loaded(self) -> None:
        # Started once the panels have drawn the article: a busy worker thread would make the
        # Tk thread wait for the GIL on every one of the many Tk calls drawing it.
        self.state.root.after_idle(self.start)

    def start(self) -> None:
        session = self.state.session
        if session is None:
            return
        document = session.document
        self.state.calls.run_in_thread(
            session.token,
            lambda: analyse(document),
            lambda outcome: self._finished(session, outcome),
            name="reader-analysis",
        )

    def _finished(self, session: ArticleSession, outcome: Outcome[Analysis]) -> None:
        if outcome.error is not None or outcome.value is None:
            log.error("analysis failed", exc_info=outcome.error)
            session.analysis_error = "The analysis failed (details in the log)."
            self.state.set_status(session.analysis_error)
            session.terms = []
            self.state.emit(events.ANALYSIS_READY)
            return
        result = outcome.value
        session.readability = result.readability
        session.terms = result.terms
        session.long_spans = result.long_spans
        if result.glossary is not None and self.state.glossary is None:
            self.state.glossary = result.glossary
            self.state.categories = categories_of(result.glossary)
        if result.problems:
            session.analysis_error = "Part of the analysis failed: " + "; ".join(result.problems)
            self.state.set_status(session.analysis_error + " (details in the log)")
        self.state.emit(events.ANALYSIS_READY)
