"""Readability, glossary terms and long sentences of the open article, off the Tk thread.

The glossary terms come first and are shown at once (<<TermsFound>>); the readability figures
follow (<<AnalysisReady>>, which ends the analysis). After a start the figures wait for
wordfreq's lists to load, ~0.3 s, which the marked terms need not wait for.

reader.glossary and reader.readability are imported by the worker thread on the first analysis,
not with the window: the window can show the article before they are loaded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.document import Document
from reader.gui import events
from reader.gui.background import Outcome
from reader.gui.state import ArticleSession, ReaderState

if TYPE_CHECKING:
    from reader.glossary import Glossary, TermMatch
    from reader.gui.app import ReaderWindow
    from reader.readability import ReadabilityReport

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Terms:
    matches: list[TermMatch]
    glossary: Glossary | None
    problem: str | None


@dataclass(frozen=True)
class Figures:
    readability: ReadabilityReport | None  # with each paragraph's long sentences
    problem: str | None


def find_terms(document: Document) -> Terms:
    """The glossary's terms in `document`; a failure is reported, not fatal."""
    from reader import glossary

    try:
        return Terms(glossary.find_terms(document), glossary.load_glossary(), None)
    except Exception as error:
        log.exception("glossary matching failed")
        return Terms([], None, f"glossary: {error}")


def measure(document: Document) -> Figures:
    """The readability figures and long sentences of `document`; a failure is reported, not
    fatal."""
    from reader import readability

    try:
        return Figures(readability.report(document), None)
    except Exception as error:
        log.exception("readability analysis failed")
        return Figures(None, f"readability: {error}")


def categories_of(entries: Glossary) -> tuple[str, ...]:
    """Category ids in the glossary's order (colours are given by position)."""
    return tuple(category.slug for category in entries.categories)


def setup(window: ReaderWindow) -> ArticleAnalyser:
    """Analyse every article opened (no widgets: the panels show the results)."""
    return ArticleAnalyser(window.state)


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

        def work() -> tuple[Terms, Figures]:
            from reader.language.lexicon import build_missing_trie_at_exit

            build_missing_trie_at_exit()  # the window must not wait for it, nor freeze during it
            terms = find_terms(document)
            self.state.calls.post(session.token, lambda: self._terms_found(session, terms))
            return terms, measure(document)

        self.state.calls.run_in_thread(
            session.token,
            work,
            lambda outcome: self._finished(session, outcome),
            name="reader-analysis",
        )

    def _terms_found(self, session: ArticleSession, terms: Terms) -> None:
        session.terms = terms.matches
        if terms.glossary is not None and self.state.glossary is None:
            self.state.glossary = terms.glossary
            self.state.categories = categories_of(terms.glossary)
        self.state.emit(events.TERMS_FOUND)

    def _finished(self, session: ArticleSession, outcome: Outcome[tuple[Terms, Figures]]) -> None:
        session.analysed = True
        if outcome.error is not None or outcome.value is None:
            log.error("analysis failed", exc_info=outcome.error)
            session.analysis_error = "The analysis failed (details in the log)."
            self.state.set_status(session.analysis_error)
            if session.terms is None:
                session.terms = []
                self.state.emit(events.TERMS_FOUND)
            self.state.emit(events.ANALYSIS_READY)
            return
        terms, figures = outcome.value
        session.readability = figures.readability
        problems = [problem for problem in (terms.problem, figures.problem) if problem]
        if problems:
            session.analysis_error = "Part of the analysis failed: " + "; ".join(problems)
            self.state.set_status(session.analysis_error + " (details in the log)")
        self.state.emit(events.ANALYSIS_READY)
