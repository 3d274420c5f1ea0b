"""The translation providers: what each needs, where it lives, and one request to it.

Every request builds a fresh deep-translator instance (instances keep mutable request state and
are not safe to share between threads) with its base URL pointing at the configured endpoint, and
runs it inside `transport.guarded_call`, which adds timeouts and turns HTTP errors into
exceptions we can classify. deep-translator itself is imported on first use: it takes ~0.1 s.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from typing import Any

import requests

from reader.secrets import login_pair
from reader.translation.catalogue import (
    ProviderInfo,
    endpoint_for,
    provider_info,
)
from reader.translation.provider_settings import ProviderSettings
from reader.translation.transport import (
    CallContext,
    RequestAdapter,
    ResponseFixer,
    Timeouts,
    guarded_call,
)

MICROSOFT_REGION_ENV_VAR = "MICROSOFT_TRANSLATOR_REGION"

# LibreTranslator refuses to be built without a key; this stands in and never leaves the process.
_LIBRE_NO_KEY = "\x00no-key"


class MissingKeyError(Exception):
    """The provider needs an API key and none was given."""


def translate_once(settings: ProviderSettings, text: str, timeouts: Timeouts) -> object:
    """Send `text` to the provider once and return its answer as deep-translator read it: a
    string, None when it gave none, or whatever else a misbehaving server put in its place.

    Raises `transport.TransportError`/`HTTPStatusError` for network and HTTP failures,
    `MissingKeyError`, or deep-translator's own exceptions for answers it could not parse.
    """
    info = provider_info(settings.name)
    if info.needs_key and not settings.api_key:
        raise MissingKeyError(missing_key_message(info))
    translator = _BUILDERS[settings.name](settings, endpoint_for(settings))
    context = CallContext(
        timeouts=timeouts,
        adapt=_ADAPTERS.get(settings.name),
        fix_response=_RESPONSE_FIXERS.get(settings.name),
        login=login_pair(settings.endpoint_login) if settings.endpoint_login else None,
    )
    with guarded_call(context):
        answer: object = translator.translate(text)
    return answer


def missing_key_message(info: ProviderInfo) -> str:
    return (
        f"{info.display_name} needs an API key: store one in Settings → Translation "
        f"or set the environment variable {info.key_env_var}"
    )


# --- building one deep-translator instance per request -------------------------------------


def _google(settings: ProviderSettings, endpoint: str) -> Any:
    from deep_translator import GoogleTranslator

    translator = GoogleTranslator(source=settings.source, target=settings.target)
    translator._base_url = f"{endpoint}/m"
    return translator


def _deepl(settings: ProviderSettings, endpoint: str) -> Any:
    from deep_translator import DeeplTranslator

    translator = DeeplTranslator(
        source=settings.source, target=settings.target, api_key=settings.api_key
    )
    translator._base_url = f"{endpoint}/v2/"
    return translator


def _libre(settings: ProviderSettings, endpoint: str) -> Any:
    from deep_translator import LibreTranslator

    return LibreTranslator(
        source=settings.source,
        target=settings.target,
        api_key=settings.api_key or _LIBRE_NO_KEY,
        custom_url=f"{endpoint}/",
    )


def _mymemory(settings: ProviderSettings, endpoint: str) -> Any:
    from deep_translator import MyMemoryTranslator

    translator = MyMemoryTranslator(
        source=_mymemory_code(settings.source), target=_mymemory_code(settings.target)
    )
    translator._base_url = f"{endpoint}/get"
    return translator


def _microsoft(settings: ProviderSettings, endpoint: str) -> Any:
    translator = _offline_microsoft_class()(
        source=settings.source,
        target=settings.target,
        api_key=settings.api_key,
        region=os.environ.get(MICROSOFT_REGION_ENV_VAR) or None,
    )
    translator._base_url = f"{endpoint}/translate?api-version=3.0"
    return translator


@functools.cache
def _offline_microsoft_class() -> type[Any]:
    """MicrosoftTranslator without the untimed language-list download in its constructor."""
    from deep_translator import MicrosoftTranslator
    from deep_translator.constants import GOOGLE_LANGUAGES_TO_CODES

    class OfflineMicrosoftTranslator(MicrosoftTranslator):  # type: ignore[misc]
        def _get_supported_languages(self) -> dict[str, str]:
            # Microsoft's codes are Google's for the common languages (de, en, fr, …).
            return {name: code.lower() for name, code in GOOGLE_LANGUAGES_TO_CODES.items()}

    return OfflineMicrosoftTranslator


@functools.cache
def _mymemory_code(code: str) -> str:
    """MyMemory wants regional codes ("de-DE", "en-GB"); map the plain code through its name."""
    from deep_translator.constants import GOOGLE_LANGUAGES_TO_CODES, MY_MEMORY_LANGUAGES_TO_CODES

    if "-" in code:
        return code
    names = [name for name, value in GOOGLE_LANGUAGES_TO_CODES.items() if value == code]
    for name in names:
        if name in MY_MEMORY_LANGUAGES_TO_CODES:
            return str(MY_MEMORY_LANGUAGES_TO_CODES[name])
    return code


_BUILDERS: dict[str, Callable[[ProviderSettings, str], Any]] = {
    "google": _google,
    "deepl": _deepl,
    "libre": _libre,
    "mymemory": _mymemory,
    "microsoft": _microsoft,
}


# --- reshaping requests -------------------------------------------------------------------


def _adapt_deepl(method: str, url: str, kwargs: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    """DeepL: key in the Authorization header, text in a form body.

    deep-translator sends a GET with `auth_key` and the text in the URL; DeepL has retired key
    parameters in favour of the header, and a key in a URL ends up in proxy and debug logs.
    """
    params = dict(kwargs.pop("params", None) or {})
    key = params.pop("auth_key", None)
    headers = dict(kwargs.pop("headers", None) or {})
    if key:
        headers["Authorization"] = f"DeepL-Auth-Key {key}"
    return "POST", url, {**kwargs, "data": params, "headers": headers}


def _adapt_libre(method: str, url: str, kwargs: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    """LibreTranslate: text in a form body instead of the URL; no placeholder key sent."""
    params = dict(kwargs.pop("params", None) or {})
    if params.get("api_key") == _LIBRE_NO_KEY:
        del params["api_key"]
    return method, url, {**kwargs, "data": params}


_ADAPTERS: dict[str, RequestAdapter] = {"deepl": _adapt_deepl, "libre": _adapt_libre}

_BREAK_TAG = re.compile(rb"<br\s*/?>", re.IGNORECASE)


def _fix_google_page(response: requests.Response) -> None:
    """Line breaks as text, not <br>: deep-translator's get_text(strip=True) would glue the
    lines (and so the sentences) together, losing the structure the alignment relies on."""
    content = response.content
    if b"<br" in content or b"<BR" in content:
        response._content = _BREAK_TAG.sub(b"\n", content)


_RESPONSE_FIXERS: dict[str, ResponseFixer] = {"google": _fix_google_page}
