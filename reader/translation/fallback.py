"""Which provider to offer when the chosen one fails (no network code, no Tk).

Google's free endpoint breaks from time to time (deep-translator issues #282, #307); a learner
should then get the article translated with one click on another provider that can work as
things are set up: one that needs no key, or one whose key is in the keyring or environment.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.translation.catalogue import PROVIDERS

# LibreTranslate's public server wants a key; without one it is offered only when chosen.
_NEEDS_KEY_TO_BE_OFFERED = frozenset({"libre"})


def configured_providers(key_for: Callable[[str], str | None]) -> list[str]:
    """The providers that can translate as things are set up, in the catalogue's order.
    `key_for` is `api_key_for` (it may read the keyring: call it off the Tk thread)."""
    usable = []
    for name, info in PROVIDERS.items():
        if (not info.needs_key and name not in _NEEDS_KEY_TO_BE_OFFERED) or key_for(name):
            usable.append(name)
    return usable


def next_provider(current: str, configured: list[str], tried: set[str] | None = None) -> str | None:
    """The configured provider after `current` (round the list), skipping those `tried`
    already; None when there is no other."""
    tried = tried or set()
    start = configured.index(current) + 1 if current in configured else 0
    for name in configured[start:] + configured[:start]:
        if name != current and name not in tried:
            return name
    return None
