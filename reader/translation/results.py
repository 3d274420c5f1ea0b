"""What a translation job gives back: one result per paragraph, with its sentence pairs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SentencePair:
    """One German sentence, where it stands in its paragraph (`paragraph[start:end]` is
    `source`), and its English translation, for highlighting in the window."""

    source: str
    translation: str
    start: int
    end: int

    def contains(self, offset: int) -> bool:
        """Whether the character at `offset` of the paragraph belongs to this sentence."""
        return self.start <= offset < self.end


@dataclass(frozen=True)
class ParagraphTranslation:
    """The outcome for one paragraph: a translation, or the reason there is none.

    `sentences` holds the sentence pairs when the provider's answer could be aligned sentence by
    sentence; it is empty otherwise (the paragraph translation is still right, the pairs would
    not be).
    """

    index: int
    source: str
    translation: str | None
    error: str | None
    sentences: tuple[SentencePair, ...] = ()
    from_cache: bool = False

    @property
    def ok(self) -> bool:
        return self.translation is not None and self.error is None
