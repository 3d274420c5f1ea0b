"""API keys and endpoint logins: from an environment variable or the OS keyring, never from
settings files or logs.

An environment variable wins (it is how a key is given for one run, in CI or a shell). The
keyring may have no usable backend (a headless Linux box has none); that is not an error for
reading, and for storing it becomes a message that names the environment variable instead.

A self-hosted endpoint behind a password is typed as `https://user:password@host/`: the settings
keep `https://host/` and the keyring keeps "user:password" under that address.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import replace

from reader import secrets
from reader.errors import ReaderError
from reader.translation.catalogue import provider_info
from reader.translation.provider_settings import ProviderSettings

logger = logging.getLogger(__name__)

KEYRING_SERVICE = "german-reader"


class KeyStorageError(ReaderError):
    """The key could not be stored in (or removed from) the OS keyring."""


def api_key_for(provider: str) -> str | None:
    """The provider's API key from its environment variable or the keyring, or None."""
    info = provider_info(provider)
    if not info.key_env_var:
        return None  # the provider takes no key
    from_environment = os.environ.get(info.key_env_var, "").strip()
    if from_environment:
        secrets.remember(from_environment)
        return from_environment
    try:
        import keyring

        stored = keyring.get_password(KEYRING_SERVICE, provider)
    except Exception as error:  # no backend, locked collection, D-Bus trouble, …
        logger.info("no API key from the keyring for %s (%s)", provider, type(error).__name__)
        return None
    if not isinstance(stored, str) or not stored.strip():
        return None
    secrets.remember(stored)
    return stored.strip()


def store_api_key(provider: str, key: str) -> None:
    """Keep `key` in the OS keyring; an empty key removes the stored one."""
    info = provider_info(provider)
    key = key.strip()
    secrets.remember(key)
    try:
        import keyring
        import keyring.errors

        if key:
            keyring.set_password(KEYRING_SERVICE, provider, key)
        else:
            with contextlib.suppress(keyring.errors.PasswordDeleteError):  # nothing stored
                keyring.delete_password(KEYRING_SERVICE, provider)
    except Exception as error:
        logger.warning("could not store the %s API key: %s", provider, type(error).__name__)
        hint = (
            f"; set the environment variable {info.key_env_var} instead" if info.key_env_var else ""
        )
        raise KeyStorageError(
            f"no usable system keyring to keep the {info.display_name} API key{hint}"
        ) from None


def with_endpoint_login(settings: ProviderSettings) -> ProviderSettings:
    """`settings` with the endpoint's login apart from it: the one typed in the address, else
    the one kept in the keyring for it."""
    settings = settings.with_login_apart()
    if settings.endpoint and settings.endpoint_login is None:
        login = endpoint_login_for(settings.endpoint)
        if login:
            settings = replace(settings, endpoint_login=login)
    return settings


def endpoint_login_for(endpoint: str) -> str | None:
    """The "user:password" kept in the keyring for `endpoint` (an address without a login),
    or None."""
    try:
        import keyring

        stored = keyring.get_password(KEYRING_SERVICE, _endpoint_entry(endpoint))
    except Exception as error:  # no backend: the endpoint is asked without a login
        logger.info("no endpoint login from the keyring (%s)", type(error).__name__)
        return None
    if not isinstance(stored, str) or not stored:
        return None
    secrets.remember_login(stored)
    return stored


def store_endpoint_login(endpoint: str, login: str | None) -> None:
    """Keep `login` ("user:password") for `endpoint` in the OS keyring; None removes it."""
    if login:
        secrets.remember_login(login)
    try:
        import keyring
        import keyring.errors

        if login:
            keyring.set_password(KEYRING_SERVICE, _endpoint_entry(endpoint), login)
        else:
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                keyring.delete_password(KEYRING_SERVICE, _endpoint_entry(endpoint))
    except Exception as error:
        logger.warning("could not store the endpoint login: %s", type(error).__name__)
        raise KeyStorageError("no usable system keyring to keep the endpoint's password") from None


def _endpoint_entry(endpoint: str) -> str:
    return f"endpoint {endpoint.strip().rstrip('/')}"
