"""The last step every loader shares: cleaned paragraphs, a title, the language check."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence

from reader.document import Document, Section, Source
from reader.errors import LoadError
from reader.loading.language import language_check
from reader.loading.limits import text_cut_notice, within_text_limit
from reader.loading.paragraphs import clean_inline, cleaned_paragraphs

EMPTY = "there is no text in it (the file is empty or only whitespace)"

# Teaser lines news sites put after the article; copied text often still ends with them.
_TEASER = re.compile(
    r"^(das könnte (sie|dich) auch interessieren|mehr zum thema|lesen sie auch|"
    r"weitere (artikel|nachrichten)|auch interessant|empfehlungen der redaktion)\b[^.]*$",
    re.IGNORECASE,
)
_MAX_TITLE = 200
_MAX_SUBHEADING_WORDS = 12
_MIN_TEXT_WORDS = 6  # the paragraph after a subheading is text, not another short line
_CLOSING = "\"'“”»«)]’ "
_SENTENCE_ENDS = (".", ",", ";", ":", "!", "?", "…")


def looks_like_title(line: str) -> bool:
    """A short line that does not read like a sentence of body text."""
    line = line.strip()
    return (
        0 < len(line) <= 120
        and len(line.split()) <= 16
        and not line.endswith((".", ",", ";", ":"))
        and any(char.isalpha() for char in line)
    )


def subheadings(paragraphs: list[str]) -> tuple[int, ...]:
    """The paragraphs that are subheadings: short lines that end no sentence, start with a
    capital or a digit and stand before a longer paragraph of sentences. A text made mostly of
    short lines (a list, a poem) has none."""
    found = tuple(
        index
        for index, paragraph in enumerate(paragraphs[:-1])
        if _reads_as_subheading(paragraph) and _reads_as_text(paragraphs[index + 1], paragraph)
    )
    return found if len(found) * 2 <= len(paragraphs) else ()


def _reads_as_subheading(paragraph: str) -> bool:
    words = paragraph.split()
    return (
        0 < len(words) <= _MAX_SUBHEADING_WORDS
        and (paragraph[:1].isupper() or paragraph[:1].isdigit())
        and not paragraph.rstrip(_CLOSING).endswith(_SENTENCE_ENDS)
    )


def _reads_as_text(paragraph: str, heading: str) -> bool:
    words = len(paragraph.split())
    return (
        paragraph.rstrip(_CLOSING).endswith(_SENTENCE_ENDS)
        and words >= _MIN_TEXT_WORDS
        and words >= 2 * len(heading.split())
    )


def _without_teasers(paragraphs: list[str]) -> list[str]:
    while paragraphs and len(paragraphs[-1]) < 80 and _TEASER.match(paragraphs[-1]):
        paragraphs = paragraphs[:-1]
    return paragraphs


def _same_text(a: str, b: str) -> bool:
    return a.casefold().strip(" .:") == b.casefold().strip(" .:")


def build_document(
    paragraphs: Iterable[str],
    *,
    title: str | None,
    source: Source,
    name: str,
    empty_reason: str = EMPTY,
    warning: str | None = None,
    cut_notice: str | None = None,
    sections: Sequence[Section] = (),
) -> Document:
    """A Document from raw paragraphs; LoadError "<name>: <empty_reason>" if none has text.

    `warning` says the text is not what the reader wanted (a web page with no article in it);
    `cut_notice` that the loader stopped reading before the end. Text past `MAX_TEXT_CHARS`
    characters is left out here, whatever the loader did, with a notice too. `sections` point
    into the raw paragraphs; they are moved to where those paragraphs went (a section whose
    paragraphs are all dropped starts at the next one kept).

    The title is not repeated as the first paragraph: the window shows it as the heading.
    """
    kept, origins, cut = _kept_with_origins(paragraphs)
    clean_title = clean_inline(title)[:_MAX_TITLE] if title else None
    if clean_title and kept and _same_text(kept[0], clean_title):
        kept, origins = kept[1:], origins[1:]
    if not kept:
        if clean_title:  # a document that is nothing but a heading is still a document
            kept, origins = [clean_title], [0]
        else:
            raise LoadError(f"{name}: {empty_reason}")
    language, language_warning = language_check(kept)
    return Document(
        title=clean_title or None,
        source=source,
        paragraphs=tuple(kept),
        language=language,
        language_warning=language_warning,
        content_warning=warning,
        length_warning=text_cut_notice() if cut else cut_notice,
        headings=subheadings(kept),
        sections=_moved_sections(sections, origins),
    )


def _kept_with_origins(paragraphs: Iterable[str]) -> tuple[list[str], list[int], bool]:
    """The cleaned paragraphs with text (within the length limit, without trailing teasers),
    the raw index of each, and whether the limit cut the text."""
    origins: list[int] = []

    def cleaned() -> Iterator[str]:  # one at a time: past the limit nothing more is cleaned
        for index, paragraph in enumerate(paragraphs):
            for text in cleaned_paragraphs((paragraph,)):
                origins.append(index)
                yield text

    kept, cut = within_text_limit(cleaned())
    if not cut:  # a teaser line at the cut is no teaser at the end
        kept = _without_teasers(kept)
    return kept, origins[: len(kept)], cut


def _moved_sections(sections: Sequence[Section], origins: list[int]) -> tuple[Section, ...]:
    moved: list[Section] = []
    for section in sections:
        position = bisect.bisect_left(origins, section.paragraph)
        if position < len(origins):
            moved.append(Section(section.title, position, section.level))
    return tuple(moved)
