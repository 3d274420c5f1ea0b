"""The open article's analysis (`reader.analysis`), off the Tk thread.

The glossary terms come first and are shown at once (<<TermsFound>>); the readability figures
follow (<<AnalysisReady>>). A book takes seconds: its first part (`PART_CHARS`) is analysed
first and shown as partial (`ArticleSession.partial`, which the panels say), then the whole
text replaces it. The terms of the whole text differ a little from the first part's beyond the
part itself: some words are political only in an article about politics.

reader.glossary and reader.readability are imported by the worker thread on the first analysis,
not with the window: the window can show the article before they are loaded.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.analysis import ArticleAnalysis, analyze_article
from reader.document import Document
from reader.gui import events
from reader.gui.background import (
    Outcome,
    collections_paused,
    one_at_a_time,
    spare_from_collections,
)
from reader.gui.state import ArticleSession, ReaderState

if TYPE_CHECKING:
    from reader.glossary import Glossary, TermMatch
    from reader.gui.app import ReaderWindow
    from reader.gui.paragraph_marks import TermPlaces

log = logging.getLogger(__name__)

STREAMED_FROM_CHARS = 150_000  # a text this long is analysed in two steps
PART_CHARS = 40_000  # the first step: a few screens, analysed in a fraction of a second


def loaded_glossary() -> Glossary | None:
    """The glossary the terms were found in (loaded by then); None if it cannot be read (the
    analysis has logged why)."""
    from reader import glossary

    try:
        return glossary.load_glossary()
    except Exception as error:
        log.debug("no glossary for the category colours: %s", error)
        return None


def first_part(document: Document) -> Document | None:
    """The beginning of a long document, analysed first; None for a short one."""
    paragraphs = document.paragraphs
    if sum(map(len, paragraphs)) < STREAMED_FROM_CHARS:
        return None
    size = count = 0
    while count < len(paragraphs) and size < PART_CHARS:
        size += len(paragraphs[count])
        count += 1
    return replace(document, paragraphs=paragraphs[:count], sections=())


def _places(terms: list[TermMatch]) -> TermPlaces:
    from reader.gui.paragraph_marks import TermPlaces

    return TermPlaces(terms)


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
            glossary = loaded_glossary()
            places = _places(terms)  # here, not on the Tk thread: a book has many
            self.state.calls.post(
                session.token, lambda: self._terms_found(session, terms, places, glossary)
            )

        def work() -> tuple[ArticleAnalysis, TermPlaces | None]:
            from reader.language.lexicon import build_missing_trie_at_exit

            build_missing_trie_at_exit()  # the window must not wait for it, nor freeze during it
            with collections_paused():
                part = first_part(document)
                if part is None:
                    analysis = one_at_a_time(
                        lambda: analyze_article(document, terms_found=terms_found, keep_going=True)
                    )
                    places = None  # sent with the terms
                else:
                    beginning = one_at_a_time(lambda: analyze_article(part, keep_going=True))
                    first_places = _places(beginning.terms)
                    covered = len(part.paragraphs)
                    self.state.calls.post(
                        session.token,
                        lambda: self._part_done(session, beginning, first_places, covered),
                    )
                    # The whole text's terms come with its figures: until both are in, the
                    # panels show the first part's, and say so.
                    analysis = one_at_a_time(lambda: analyze_article(document, keep_going=True))
                    places = _places(analysis.terms)
                # Before collections resume: the results live as long as the article is open.
                spare_from_collections()
            return analysis, places

        self.state.calls.run_in_thread(
            session.token,
            work,
            lambda outcome: self._finished(session, outcome),
            name="reader-analysis",
        )

    def _part_done(
        self, session: ArticleSession, part: ArticleAnalysis, places: TermPlaces, covered: int
    ) -> None:
        """A long text's first part is analysed: shown as partial while the rest goes on."""
        if session.analysed:
            return
        session.partial = covered
        self._terms_found(session, part.terms, places, loaded_glossary())
        session.readability = part.readability
        self.state.emit(events.ANALYSIS_READY)

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

    def _finished(
        self,
        session: ArticleSession,
        outcome: Outcome[tuple[ArticleAnalysis, TermPlaces | None]],
    ) -> None:
        session.analysed = True
        session.partial = None
        if outcome.error is not None or outcome.value is None:
            log.error("analysis failed", exc_info=outcome.error)
            session.analysis_error = "The analysis failed (details in the log)."
            self.state.set_status(session.analysis_error)
            if session.terms is None:
                session.terms = []
                self.state.emit(events.TERMS_FOUND)
            self.state.emit(events.ANALYSIS_READY)
            return
        analysis, places = outcome.value
        if places is not None:  # a long text's: its terms come now, with its figures
            self._terms_found(session, analysis.terms, places, loaded_glossary())
        session.readability = analysis.readability
        if analysis.problems:
            session.analysis_error = "Part of the analysis failed: " + "; ".join(analysis.problems)
            self.state.set_status(session.analysis_error + " (details in the log)")
        self.state.emit(events.ANALYSIS_READY)
