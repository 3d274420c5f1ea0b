"""Which provider a translation goes to: the settings a `DeepTranslator` is built from."""

from __future__ import annotations

from dataclasses import dataclass


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
