"""The bundled sample article's translation: it always shows, with no network and no key.

`reader/data/sample_article.de.md` and `sample_article.en.md` are written paragraph by paragraph
and sentence by sentence in step. Both are loaded with the ordinary loader, so the German
paragraphs are exactly those of the opened sample; a document whose paragraphs equal them gets
the English ones.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from reader import paths
from reader.document import Document
from reader.errors import ReaderError
from reader.language.sentences import sentence_spans, split_sentences
from reader.translation.results import ParagraphTranslation, SentencePair

logger = logging.getLogger(__name__)

SAMPLE_GERMAN = paths.PACKAGE_DATA / "sample_article.de.md"
SAMPLE_ENGLISH = paths.PACKAGE_DATA / "sample_article.en.md"


def sample_translation(
    document: Document, *, german: Path = SAMPLE_GERMAN, english: Path = SAMPLE_ENGLISH
) -> list[ParagraphTranslation] | None:
    """The English of every paragraph when `document` is the bundled sample, else None."""
    pair = _load_pair(german, english)
    if pair is None:
        return None
    german_paragraphs, english_paragraphs = pair
    if tuple(_flat(p) for p in document.paragraphs) != tuple(_flat(p) for p in german_paragraphs):
        return None
    return [
        ParagraphTranslation(
            index=index,
            source=source,
            translation=translation,
            error=None,
            sentences=sentence_pairs(source, translation),
            from_cache=True,
        )
        for index, (source, translation) in enumerate(
            zip(document.paragraphs, english_paragraphs, strict=True)
        )
    ]


def sentence_pairs(source: str, translation: str) -> tuple[SentencePair, ...]:
    """Pairs when both sides have the same number of sentences, else none (never misaligned)."""
    german = sentence_spans(source)
    english = split_sentences(translation)
    if len(german) != len(english):
        return ()
    return tuple(
        SentencePair(source[start:end], en, start, end)
        for (start, end), en in zip(german, english, strict=True)
    )


def _load_pair(german: Path, english: Path) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    try:
        stamps = (german.stat().st_mtime_ns, english.stat().st_mtime_ns)
    except OSError:
        return None  # no bundled translation (yet): nothing to offer
    return _load_pair_cached(german, english, stamps)


@functools.lru_cache(maxsize=4)
def _load_pair_cached(
    german: Path, english: Path, stamps: tuple[int, int]
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    from reader.loading import load_path

    try:
        german_paragraphs = load_path(german).paragraphs
        english_paragraphs = load_path(english).paragraphs
    except ReaderError as error:
        logger.warning("the bundled sample could not be loaded: %s", error)
        return None
    if len(german_paragraphs) != len(english_paragraphs):
        logger.warning(
            "the bundled sample has %d German but %d English paragraphs; not using it",
            len(german_paragraphs),
            len(english_paragraphs),
        )
        return None
    return tuple(german_paragraphs), tuple(english_paragraphs)


def _flat(text: str) -> str:
    return " ".join(text.split())
