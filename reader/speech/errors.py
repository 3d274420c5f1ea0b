"""Why speech cannot be had: one line the window and the command line can show."""

from __future__ import annotations

from reader.errors import ReaderError


class SpeechUnavailable(ReaderError):
    """A voice cannot speak (its library or data is missing, the system voice is gone)."""


class AudioUnavailable(ReaderError):
    """Nothing can be played: no audio library, player program or output device."""
