"""An article's analysis as one typed result: its glossary terms, readability report and
sentences, for `reader analyze` and the window alike (no tkinter).

The terms come first: `analyze_article(document, terms_found=...)` hands them over before the
readability figures are computed (after a start those wait ~0.3 s for wordfreq's lists), so
the window can mark them at once.

reader.glossary and reader.readability are imported on the first analysis, not with this
module: the window imports it before it shows the article.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from reader.document import Document
from reader.language.sentences import sentence_spans

if TYPE_CHECKING:
    from reader.glossary import TermMatch
    from reader.readability import ReadabilityReport

log = logging.getLogger(__name__)

Span = tuple[int, int]
_Result = TypeVar("_Result")


@dataclass(frozen=True)
class ArticleAnalysis:
    """What the reader is told about an article. Spans are (start, end) into the paragraph."""

    terms: list[TermMatch]  # in order of first occurrence
    readability: ReadabilityReport | None  # None only if it failed (`problems` says why)
    sentences: tuple[tuple[Span, ...], ...]  # each paragraph's sentences
    problems: tuple[str, ...] = ()  # the parts that failed, as "glossary: …", "readability: …"

    @property
    def long_sentences(self) -> tuple[tuple[Span, ...], ...]:
        """Each paragraph's sentences over the readability limit, for highlighting."""
        if self.readability is None:
            return tuple(() for _ in self.sentences)
        return tuple(paragraph.long_sentences for paragraph in self.readability.paragraphs)


def analyze_article(
    document: Document,
    *,
    terms_found: Callable[[list[TermMatch]], None] | None = None,
    keep_going: bool = False,
) -> ArticleAnalysis:
    """The glossary terms, readability report and sentences of `document`.

    `terms_found` is called with the terms as soon as they are known. With `keep_going` (the
    window) a part that fails is logged and named in `problems` and the other part is still
    computed; without it (the command line) the error is raised.
    """
    from reader import glossary, readability

    problems: list[str] = []
    terms = _part("glossary", lambda: glossary.find_terms(document), keep_going, problems)
    if terms_found is not None:
        terms_found(terms or [])
    report = _part("readability", lambda: readability.report(document), keep_going, problems)
    # The readability report has split the paragraphs already: these spans are remembered.
    sentences = tuple(tuple(sentence_spans(paragraph)) for paragraph in document.paragraphs)
    return ArticleAnalysis(terms or [], report, sentences, tuple(problems))


def _part(
    name: str, compute: Callable[[], _Result], keep_going: bool, problems: list[str]
) -> _Result | None:
    """One part of the analysis; with `keep_going` a failure is logged and named in
    `problems` (None is its result), otherwise it is raised."""
    try:
        return compute()
    except Exception as error:
        if not keep_going:
            raise
        log.exception("%s analysis failed", name)
        problems.append(f"{name}: {error}")
        return None
