"""The project's own error types.

A `ReaderError` is something the user can understand and act on: its message is one line that
names what went wrong (and the file, where there is one). Anything else is a bug.
"""

from __future__ import annotations


class ReaderError(Exception):
    """A problem the user can act on; `str(error)` is a one-line message."""


class LoadError(ReaderError):
    """An article could not be loaded: missing, unreadable, unsupported, corrupt or too large."""
