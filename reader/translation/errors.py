"""Sorting request failures into "try again" and "tell the user what to do".

Messages are for the user and the log; they never quote an API key (deep-translator's own
exception texts sometimes do, so they are not passed on).
"""

from __future__ import annotations

from dataclasses import replace

from reader import secrets
from reader.translation.catalogue import provider_info
from reader.translation.provider_settings import ProviderSettings
from reader.translation.providers import MissingKeyError
from reader.translation.translator import Failure
from reader.translation.transport import HTTPStatusError, Timeouts, TransportError

_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})


def classify(error: BaseException, settings: ProviderSettings, timeouts: Timeouts) -> Failure:
    """What went wrong, in a message for the user (with no API key in it, even one the provider
    echoed in its error body), and whether to retry."""
    secrets.remember(settings.api_key)
    failure = _classify(error, settings, timeouts)
    return replace(failure, message=secrets.redact(failure.message))


def _classify(error: BaseException, settings: ProviderSettings, timeouts: Timeouts) -> Failure:
    info = provider_info(settings.name)
    name = info.display_name
    if isinstance(error, MissingKeyError):
        return Failure(str(error), retry=False, stops_job=True)
    if isinstance(error, TransportError):
        if error.deadline_s is not None:
            return Failure(
                f"{name} did not finish answering within {error.deadline_s:.3g} s", retry=True
            )
        if error.timed_out:
            return Failure(f"{name} did not answer within {timeouts.read:g} s", retry=True)
        if error.reached:
            return Failure(f"{name}: {error}", retry=True)
        # If the server cannot be reached after the retries, the job's other requests would
        # only wait out the same retries: they fail at once with this reason.
        return Failure(
            f"{name}: {error} — check the internet connection", retry=True, stops_job=True
        )
    if isinstance(error, HTTPStatusError):
        return _classify_status(error, settings)
    return _classify_library_error(error, name)


def _classify_status(error: HTTPStatusError, settings: ProviderSettings) -> Failure:
    info = provider_info(settings.name)
    name = info.display_name
    status = error.status
    if status == 429:
        return Failure(
            f"{name} is limiting requests (HTTP 429)", retry=True, retry_after=error.retry_after
        )
    if status in _RETRY_STATUSES or status >= 500:
        return Failure(
            f"{name} server error (HTTP {status})", retry=True, retry_after=error.retry_after
        )
    if status in (401, 403):
        if info.key_env_var:
            action = (
                f"check the API key (Settings → Translation, or {info.key_env_var})"
                if info.needs_key or settings.api_key
                else f"this server needs an API key (Settings → Translation, or {info.key_env_var})"
            )
        else:
            action = "try again later or choose another provider"
        return Failure(f"{name} refused the request (HTTP {status}): {action}", False, None, True)
    if status in (402, 456):
        return Failure(
            f"{name} quota exhausted (HTTP {status}): wait for the quota to renew or choose "
            "another provider",
            retry=False,
            stops_job=True,
        )
    if status in (414, 413):
        return Failure(f"{name} found the request too long (HTTP {status})", retry=False)
    detail = f": {error.detail[:80]}" if error.detail else ""
    return Failure(f"{name} rejected the request (HTTP {status}{detail})", retry=False)


def _classify_library_error(error: BaseException, name: str) -> Failure:
    kind = type(error).__name__
    if kind in ("LanguageNotSupportedException", "InvalidSourceOrTargetLanguage"):
        return Failure(f"{name} does not support this language pair", False, None, True)
    if kind in ("AuthorizationException", "ApiKeyException"):
        return Failure(
            f"{name} refused the API key: check it in Settings → Translation", False, None, True
        )
    if kind in ("NotValidLength", "NotValidPayload"):
        return Failure(f"{name} refused the text length", retry=False)
    if kind == "MicrosoftAPIerror":
        return Failure(f"{name} reported an error", retry=False)
    if kind in ("TranslationNotFound", "ElementNotFoundInGetRequest"):
        return Failure(f"{name}'s answer held no translation", retry=True)
    if kind in ("TooManyRequests",):
        return Failure(f"{name} is limiting requests", retry=True)
    if kind in ("RequestError", "ServerException"):
        return Failure(f"{name} request failed", retry=True)
    # Malformed answers surface as whatever the parsing code tripped over.
    if isinstance(
        error, ValueError | KeyError | IndexError | TypeError | AttributeError | StopIteration
    ):
        return Failure(f"{name} sent an answer that could not be read", retry=True)
    return Failure(f"{name}: unexpected error ({kind})", retry=False)
