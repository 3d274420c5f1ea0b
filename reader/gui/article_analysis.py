"""The open article's analysis (`reader.analysis`), off the Tk thread.

The glossary terms come first and are shown at once (<<TermsFound>>); the readability figures
follow (<<AnalysisReady>>, which ends the analysis). After a start the figures wait for
wordfreq's lists to load, ~0.3 s, which the marked terms need not wait for.

reader.glossary and reader.readability are imported by the worker thread on the first analysis,
not with the window: the window can show the article before they are loaded.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from reader.analysis import ArticleAnalysis, analyze_article
from reader.gui import events
from reader.gui.background import Outcome, collections_paused, spare_from_collections
from reader.gui.state import ArticleSession, ReaderState

if TYPE_CHECKING:
    from reader.glossary import Glossary, TermMatch
    from reader.gui.app import ReaderWindow
    from reader.gui.paragraph_marks import TermPlaces

log = logging.getLogger(__name__)


def loaded_glossary() -> Glossary | None:
    """The glossary the terms were found in (loaded by then); None if it cannot be read (the
    analysis has logged why)."""
    from reader import glossary

    try:
        return glossary.load_glossary()
    except Exception as error:
        log.debug("no glossary for the category colours: %s", error)
        return None


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

        def terms_found(terms: list[TermMatch]) -> None:
            from reader.gui.paragraph_marks import TermPlaces

            glossary = loaded_glossary()
            places = TermPlaces(terms)  # here, not on the Tk thread: a book has many
            self.state.calls.post(
                session.token, lambda: self._terms_found(session, terms, places, glossary)
            )

        def work() -> ArticleAnalysis:
            from reader.language.lexicon import build_missing_trie_at_exit

            build_missing_trie_at_exit()  # the window must not wait for it, nor freeze during it
            with collections_paused():
                analysis = analyze_article(document, terms_found=terms_found, keep_going=True)
                # Before collections resume: the results live as long as the article is open.
                spare_from_collections()
            return analysis

        self.state.calls.run_in_thread(
            session.token,
            work,
            lambda outcome: self._finished(session, outcome),
            name="reader-analysis",
        )

    def _terms_found(
        self,
        session: ArticleSession,
        terms: list[TermMatch],
        places: TermPlaces,
        glossary: Glossary | None,
    ) -> None:
        session.terms = terms
        session.term_places = places
        if glossary is not None and self.state.glossary is None:
            self.state.glossary = glossary
            self.state.categories = categories_of(glossary)
        self.state.emit(events.TERMS_FOUND)

    def _finished(self, session: ArticleSession, outcome: Outcome[ArticleAnalysis]) -> None:
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
        analysis = outcome.value
        session.readability = analysis.readability
        if analysis.problems:
            session.analysis_error = "Part of the analysis failed: " + "; ".join(analysis.problems)
            self.state.set_status(session.analysis_error + " (details in the log)")
        self.state.emit(events.ANALYSIS_READY)
