"""The project's own error types.

A `ReaderError` is something the user can understand and act on: its message is one line that
names what went wrong (and the file, where there is one). Anything else is a bug.
"""

from __future__ import annotations

import unicodedata

from reader.secrets import without_url_login

# Characters that move the cursor, clear the screen or reorder text when a terminal shows them:
# an escape sequence in a zip member's name must not reach the user's terminal.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def safe_message(message: str) -> str:
    """`message` as one safe line: control characters shown escaped, credentials in URLs dropped."""
    message = without_url_login(message)
    if message.isprintable():
        return message
    return "".join(
        repr(char)[1:-1] if unicodedata.category(char) in _UNSAFE_CATEGORIES else char
        for char in message
    )


class ReaderError(Exception):
    """A problem the user can act on; `str(error)` is a one-line message."""


class LoadError(ReaderError):
    """An article could not be loaded: missing, unreadable, unsupported, corrupt or too large.

    Its message names the file, the address or a part of an archive, all of which come from
    outside; it is made safe to print here, once, whoever raises it.
    """

    def __init__(self, message: str) -> None:
        super().__init__(safe_message(message))
