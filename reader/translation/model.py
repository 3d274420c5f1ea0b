"""What a translation job takes and gives back: settings in, one result per paragraph out."""

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


@dataclass(frozen=True)
class ProviderSettings:
    """Which provider to ask, where, with which key, for which language pair."""

    name: str = "google"
    endpoint: str | None = None
    api_key: str | None = None
    source: str = "de"
    target: str = "en"

    def __repr__(self) -> str:
        # Keeps API keys out of logs and tracebacks that print the settings.
        key = "***" if self.api_key else None
        return (
            f"ProviderSettings(name={self.name!r}, endpoint={self.endpoint!r}, api_key={key!r}, "
            f"source={self.source!r}, target={self.target!r})"
        )
