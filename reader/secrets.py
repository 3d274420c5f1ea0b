"""The secrets the app holds, and their removal from every message and log line.

A provider that rejects a request may echo the key in its error body, and that body ends up in
the message the user sees, in `reader translate`'s output and in the log file. Every key the app
reads or stores is remembered here (in memory only), and `redact` replaces it wherever it
appears; the log file's formatter redacts each line it writes.

A web address may carry a login (`https://user:password@host/`): for a self-hosted translation
server behind a password, or an article on an intranet. `split_login` takes it out of the address
(the login is used for the request, as HTTP basic authentication, and is kept in the system
keyring, never in the settings), and `redact` drops any `user:password@` from a URL in a text.
"""

from __future__ import annotations

import base64
import logging
import re
import threading
from urllib.parse import unquote, urlsplit, urlunsplit

REPLACEMENT = "[API key]"
# Shorter strings could be ordinary words; no provider's key is this short.
SHORTEST_SECRET = 8

# "user:password@" after a URL's scheme. The scan from each "://" stops at the next "/", so it
# never runs into the next address: linear on any text.
_URL_LOGIN = re.compile(r"://[^/?#\s]*@")

_secrets: set[str] = set()
_lock = threading.Lock()


def remember(secret: str | None) -> None:
    """Keep `secret` out of messages and logs from now on."""
    if secret and len(secret.strip()) >= SHORTEST_SECRET:
        with _lock:
            _secrets.add(secret.strip())


def redact(text: str) -> str:
    """`text` with every remembered secret replaced (longest first, so none is left in part)
    and every login dropped from the web addresses in it."""
    if "@" in text:
        text = without_url_login(text)
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, REPLACEMENT)
    return text


def without_url_login(text: str) -> str:
    """`text` with the `user:password@` of every web address in it dropped."""
    return _URL_LOGIN.sub("://", text)


def split_login(url: str) -> tuple[str, str | None]:
    """(`url` without its login, the login as "user:password" or None). The password, and the
    basic-authentication header made from the login, are remembered as secrets."""
    parts = urlsplit(url.strip())
    login, at, host = parts.netloc.rpartition("@")
    if not at:
        return url.strip(), None
    clean = urlunsplit(parts._replace(netloc=host))
    if not login:
        return clean, None
    remember_login(login)
    return clean, login


def login_pair(login: str) -> tuple[str, str]:
    """(user, password) of a "user:password" login, %-escapes decoded (requests' `auth`)."""
    user, _, password = login.partition(":")
    return unquote(user), unquote(password)


def remember_login(login: str) -> None:
    """Keep a URL login's password out of messages and logs, also as the Authorization header
    a server might echo back."""
    user, password = login_pair(login)
    remember(password)
    remember(login)
    encoded = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    remember(encoded)


class RedactingFormatter(logging.Formatter):
    """A log formatter that writes no remembered secret."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))
