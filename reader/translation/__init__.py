"""English beside the German: a dependable service around deep-translator (no tkinter).

    translator = DeepTranslator(ProviderSettings("google"))
    job = start_translation(document, translator, on_result, cache=user_cache())
    job.cancel()

`on_result` receives one `ParagraphTranslation` per paragraph, from worker threads, as each
finishes; `translate_document` does the same and waits. The service takes a `Translator`
(`translator`: the protocol; `adapters.DeepTranslator`: deep-translator behind it), a cache and
optionally a `RequestGate` shared between jobs. See `service` for how requests are bounded,
retried and cached, and `providers` for the providers and their limits.

The light parts (the provider catalogue, results, keys, the bundled sample) are imported here;
the service and the adapter, which need requests and deep-translator (~0.15 s), only on first
use of one of their names, so that the window can list providers without waiting for them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from reader.translation.cache import TranslationCache, user_cache
from reader.translation.catalogue import (
    PROVIDERS,
    ProviderInfo,
    SettingsError,
    endpoint_for,
    provider_info,
)
from reader.translation.keys import (
    KeyStorageError,
    api_key_for,
    endpoint_login_for,
    store_api_key,
    store_endpoint_login,
    with_endpoint_login,
)
from reader.translation.provider_settings import ProviderSettings
from reader.translation.results import ParagraphTranslation, SentencePair
from reader.translation.sample import sample_translation
from reader.translation.translator import Failure, TranslationError, Translator

if TYPE_CHECKING:
    from reader.translation.adapters import DeepTranslator
    from reader.translation.gate import RequestGate
    from reader.translation.job import RetryPolicy, TranslationJob
    from reader.translation.service import (
        RequestEstimate,
        estimate_requests,
        start_translation,
        translate_document,
    )
    from reader.translation.transport import Timeouts

_IMPORTED_ON_FIRST_USE = {
    "DeepTranslator": "adapters",
    "RequestGate": "gate",
    "RetryPolicy": "job",
    "TranslationJob": "job",
    "start_translation": "service",
    "estimate_requests": "service",
    "RequestEstimate": "service",
    "translate_document": "service",
    "Timeouts": "transport",
}


def __getattr__(name: str) -> object:
    module = _IMPORTED_ON_FIRST_USE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"reader.translation.{module}"), name)


__all__ = [
    "PROVIDERS",
    "DeepTranslator",
    "Failure",
    "KeyStorageError",
    "ParagraphTranslation",
    "ProviderInfo",
    "ProviderSettings",
    "RequestEstimate",
    "RequestGate",
    "RetryPolicy",
    "SentencePair",
    "SettingsError",
    "Timeouts",
    "TranslationCache",
    "TranslationError",
    "TranslationJob",
    "Translator",
    "api_key_for",
    "endpoint_for",
    "endpoint_login_for",
    "estimate_requests",
    "provider_info",
    "sample_translation",
    "start_translation",
    "store_api_key",
    "store_endpoint_login",
    "translate_document",
    "user_cache",
    "with_endpoint_login",
]
