"""The API keys the app holds, and their removal from every message and log line.

A provider that rejects a request may echo the key in its error body, and that body ends up in
the message the user sees, in `reader translate`'s output and in the log file. Every key the app
reads or stores is remembered here (in memory only), and `redact` replaces it wherever it
appears; the log file's formatter redacts each line it writes.
"""

from __future__ import annotations

import logging
import threading

REPLACEMENT = "[API key]"
# Shorter strings could be ordinary words; no provider's key is this short.
SHORTEST_SECRET = 8

_secrets: set[str] = set()
_lock = threading.Lock()


def remember(secret: str | None) -> None:
    """Keep `secret` out of messages and logs from now on."""
    if secret and len(secret.strip()) >= SHORTEST_SECRET:
        with _lock:
            _secrets.add(secret.strip())


def redact(text: str) -> str:
    """`text` with every remembered secret replaced (longest first, so none is left in part)."""
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, REPLACEMENT)
    return text


class RedactingFormatter(logging.Formatter):
    """A log formatter that writes no remembered secret."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))
