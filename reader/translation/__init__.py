"""English beside the German: a dependable service around deep-translator (no tkinter).

    job = start_translation(document, ProviderSettings("google"), on_result)
    job.cancel()

`on_result` receives one `ParagraphTranslation` per paragraph, from worker threads, as each
finishes; `translate_document` does the same and waits. See `service` for how requests are
bounded, retried and cached, and `providers` for the providers and their limits.
"""

from __future__ import annotations

from reader.translation.cache import TranslationCache, user_cache
from reader.translation.keys import KeyStorageError, api_key_for, store_api_key
from reader.translation.model import ParagraphTranslation, ProviderSettings, SentencePair
from reader.translation.providers import (
    PROVIDERS,
    ProviderInfo,
    SettingsError,
    endpoint_for,
    provider_info,
)
from reader.translation.sample import sample_translation
from reader.translation.service import (
    RetryPolicy,
    TranslationJob,
    start_translation,
    translate_document,
)
from reader.translation.transport import Timeouts

__all__ = [
    "PROVIDERS",
    "KeyStorageError",
    "ParagraphTranslation",
    "ProviderInfo",
    "ProviderSettings",
    "RetryPolicy",
    "SentencePair",
    "SettingsError",
    "Timeouts",
    "TranslationCache",
    "TranslationJob",
    "api_key_for",
    "endpoint_for",
    "provider_info",
    "sample_translation",
    "start_translation",
    "store_api_key",
    "translate_document",
    "user_cache",
]
