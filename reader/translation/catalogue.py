"""The translation providers as the settings dialog and the CLI see them (no network code).

Kept apart from `providers`, which talks to them, so that listing providers or checking settings
imports neither requests nor deep-translator (the window shows its provider chooser at start-up).
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

from reader.errors import ReaderError
from reader.translation.provider_settings import ProviderSettings


@dataclass(frozen=True)
class ProviderInfo:
    """What the settings dialog and the CLI need to know about a provider."""

    name: str
    display_name: str
    needs_key: bool
    key_env_var: str  # "" when the provider takes no key
    default_endpoint: str
    max_chars: int  # characters of text per request, kept well inside the provider's limits


PROVIDERS: dict[str, ProviderInfo] = {
    info.name: info
    for info in (
        # The text travels in a GET URL; long URLs fail with HTTP 400 from ~1,800 characters.
        ProviderInfo("google", "Google Translate", False, "", "https://translate.google.com", 1200),
        ProviderInfo("deepl", "DeepL", True, "DEEPL_API_KEY", "https://api-free.deepl.com", 4000),
        ProviderInfo(
            "microsoft",
            "Microsoft Translator",
            True,
            "MICROSOFT_API_KEY",
            "https://api.cognitive.microsofttranslator.com",
            4000,
        ),
        ProviderInfo(
            "libre", "LibreTranslate", False, "LIBRE_API_KEY", "https://libretranslate.com", 2000
        ),
        # deep-translator refuses 500 characters or more.
        ProviderInfo("mymemory", "MyMemory", False, "", "https://api.mymemory.translated.net", 450),
    )
}

DEEPL_PRO_ENDPOINT = "https://api.deepl.com"


class SettingsError(ReaderError, ValueError):
    """The provider settings cannot work (unknown provider, malformed endpoint)."""


class UnknownProviderError(SettingsError):
    pass


def check_settings(settings: ProviderSettings) -> None:
    """Raise `SettingsError` for settings no request could succeed with."""
    provider_info(settings.name)
    if settings.endpoint is not None:
        parts = urllib.parse.urlsplit(settings.endpoint.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise SettingsError(
                f"the endpoint {settings.endpoint!r} is not an http:// or https:// URL"
            )


def provider_info(name: str) -> ProviderInfo:
    try:
        return PROVIDERS[name]
    except KeyError:
        raise UnknownProviderError(
            f"unknown translation provider {name!r} (choose from {', '.join(PROVIDERS)})"
        ) from None


def endpoint_for(settings: ProviderSettings) -> str:
    """The base URL requests go to: the configured endpoint, else the provider's default."""
    if settings.endpoint:
        return settings.endpoint.strip().rstrip("/")
    if settings.name == "deepl" and settings.api_key and not settings.api_key.endswith(":fx"):
        return DEEPL_PRO_ENDPOINT  # DeepL free-plan keys end in ":fx"; others are Pro keys
    return provider_info(settings.name).default_endpoint
