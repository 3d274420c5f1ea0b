"""API keys: from an environment variable or the OS keyring, never from settings files or logs.

An environment variable wins (it is how a key is given for one run, in CI or a shell). The
keyring may have no usable backend (a headless Linux box has none); that is not an error for
reading, and for storing it becomes a message that names the environment variable instead.
"""

from __future__ import annotations

import contextlib
import logging
import os

from reader import secrets
from reader.errors import ReaderError
from reader.translation.catalogue import provider_info

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
