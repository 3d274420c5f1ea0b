"""What the word card needs to know about a clicked word, worked out without tkinter.

The word and its sentence come from the German paragraph; the sentence's English comes from the
paragraph's translation when the translator could pair its sentences up. The provider is asked
for the word (and for the sentence, when no English for it is known yet) through a plain
function, so tests can hand in a fake and the window hands in the configured provider.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from reader.dictionary.ding import alternatives, bare
from reader.dictionary.word_lookup import WordCard
from reader.language.sentences import sentence_at, sentence_span_at
from reader.language.tokens import word_at
from reader.translation.results import ParagraphTranslation

if TYPE_CHECKING:
    from reader.translation import RequestGate, Timeouts, TranslationCache, Translator

log = logging.getLogger(__name__)

# A word translation is short: don't let a slow provider keep the card waiting long.
WORD_TIMEOUT_S = 8.0


class TextTranslator(Protocol):
    """Translates one short German text into English; None when there is no answer."""

    def __call__(self, text: str) -> str | None: ...


@dataclass(frozen=True)
class WordContext:
    """A clicked word: where it stands, its sentence, and that sentence's English if known."""

    word: str
    paragraph: int
    start: int
    end: int
    sentence: str
    sentence_start: int  # where `sentence` starts in the paragraph
    sentence_english: str | None = None

    @property
    def start_in_sentence(self) -> int:
        return self.start - self.sentence_start


@dataclass(frozen=True)
class ProviderAnswer:
    """The provider's English for the word and (when it had to be asked) for its sentence."""

    word: str | None
    sentence: str | None


def word_context(
    paragraph_text: str,
    offset: int,
    paragraph: int,
    translation: ParagraphTranslation | None = None,
) -> WordContext | None:
    """The word at `offset` of a paragraph, or None when the click was not on a word.

    `translation` is the paragraph's `ParagraphTranslation` (or None); its sentence pairs give
    the English of the word's sentence.
    """
    span = word_at(paragraph_text, offset)
    if span is None:
        return None
    start, end = span
    sentence_start, sentence_end = sentence_span_at(paragraph_text, start)
    return WordContext(
        word=paragraph_text[start:end],
        paragraph=paragraph,
        start=start,
        end=end,
        sentence=paragraph_text[sentence_start:sentence_end],
        sentence_start=sentence_start,
        sentence_english=sentence_english(paragraph_text, start, translation),
    )


def sentence_english(
    paragraph_text: str, offset: int, translation: ParagraphTranslation | None
) -> str | None:
    """The English of the sentence around `offset`, from the translation's sentence pairs."""
    if translation is None or not translation.ok or translation.translation is None:
        return None
    pairs = translation.sentences
    for pair in pairs:
        if pair.contains(offset):
            return pair.translation.strip() or None
    if not pairs and len(sentence_at(paragraph_text, offset)) >= len(paragraph_text.strip()):
        return translation.translation.strip() or None  # a one-sentence paragraph
    return None


def ask_provider(
    translator: TextTranslator, context: WordContext, lemma: str | None = None
) -> ProviderAnswer:
    """Ask the provider for the word (its lemma when known) and, if no English for its sentence
    is known yet, for the sentence. Failures become None: the card shows "—"."""
    word = _safely(translator, lemma or context.word)
    sentence = context.sentence_english
    if sentence is None and context.sentence and word is not None:
        sentence = _safely(translator, context.sentence)
    return ProviderAnswer(word=word, sentence=sentence)


def _safely(translator: TextTranslator, text: str) -> str | None:
    try:
        answer = translator(text)
    except Exception as error:  # offline, no key, a broken provider: the card still works
        log.info("no provider translation for %r: %s", text, error)
        return None
    return answer.strip() if answer and answer.strip() else None


def provider_translator(
    translator: Callable[[Timeouts], Translator],
    *,
    cache: Callable[[], TranslationCache | None] = lambda: None,
    gate: RequestGate | None = None,
) -> TextTranslator:
    """A text translator that asks a provider through the translation service (so answers can
    be cached and requests have timeouts). `translator(timeouts)` and `cache()` are called on
    the worker thread, as reading the API key or opening the cache may block."""

    def translate(text: str) -> str | None:
        from reader.document import Document, Source
        from reader.translation import RetryPolicy, Timeouts, translate_document

        source = Source(path=None, format="clipboard")
        document = Document(title=None, source=source, paragraphs=(text,))
        results = translate_document(
            document,
            translator(Timeouts(connect=WORD_TIMEOUT_S / 2, read=WORD_TIMEOUT_S)),
            cache=cache(),
            gate=gate,
            retry=RetryPolicy(attempts=1),
        )
        if not results or not results[0].ok:
            raise LookupError(results[0].error if results else "no answer")
        answer: str | None = results[0].translation
        return answer

    return translate


def main_meaning(card: WordCard, provider_word: str | None = None) -> str:
    """The English saved with a word: the glossary's, else the dictionary's first sense, else
    the provider's."""
    if card.glossary is not None and card.glossary.match == "word":
        return card.glossary.entry.english_summary
    for entry in card.dictionary:
        senses = [bare(sense) for sense in alternatives(entry.en)]
        if senses and senses[0]:
            return ", ".join(senses[:2])
    if card.parts and all(part.en for part in card.parts):
        return " + ".join(part.en[0] for part in card.parts)
    return provider_word or ""
