"""The voices a learner can choose: the bundled eSpeak NG German and the system's German voices.

Every voice has a stable id, stored in the settings: "espeak:de" (the default, always there),
"espeak:de+f3", "say:Anna" (macOS), "sapi:<token>" (Windows SAPI5), "speechd:<module>:<voice>"
(speech-dispatcher on Linux). Most voices hand back audio (`writes_audio`), which the player
sends to the audio output and `reader speak` writes to a WAV file; speech-dispatcher plays
through its own server, so its voices `speak` themselves and cannot write a file.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from reader.speech.audio import Speech
from reader.speech.errors import SpeechUnavailable
from reader.speech.espeak import VARIANTS, EspeakVoice

log = logging.getLogger(__name__)

DEFAULT_VOICE = "espeak:de"
MIN_RATE, MAX_RATE = 0.5, 1.5


class Voice(Protocol):
    """Something that says German text."""

    @property
    def writes_audio(self) -> bool:
        """True: `synthesize` gives audio. False: only `speak` works (it plays by itself)."""
        ...

    def synthesize(self, text: str, rate: float) -> Speech: ...

    def speak(self, text: str, rate: float, stop: threading.Event) -> None:
        """Say `text` aloud and return when done, or soon after `stop` is set."""
        ...


@dataclass(frozen=True)
class VoiceInfo:
    """A voice offered in Settings."""

    id: str
    name: str  # what the learner sees: "eSpeak NG German (bundled)"
    open: Callable[[], Voice]


class BundledVoice:
    """The bundled eSpeak NG German voice (or one of its variants)."""

    writes_audio = True

    def __init__(self, variant: str = "") -> None:
        self._voice = EspeakVoice(variant=variant)

    def synthesize(self, text: str, rate: float) -> Speech:
        return self._voice.synthesize(text, check_rate(rate))

    def speak(self, text: str, rate: float, stop: threading.Event) -> None:
        raise SpeechUnavailable("the bundled voice is played through the audio output")


def check_rate(rate: float) -> float:
    """`rate` if it is 0.5–1.5 (times normal speed); a `ValueError` naming the range if not."""
    if not MIN_RATE <= rate <= MAX_RATE:
        raise ValueError(f"the speed must be from {MIN_RATE} to {MAX_RATE} (1.0 is normal)")
    return rate


def bundled_voices() -> list[VoiceInfo]:
    voices = []
    for variant, kind in VARIANTS.items():
        voice_id = f"espeak:de+{variant}" if variant else DEFAULT_VOICE
        suffix = " (bundled)" if not variant else f", {kind}"
        voices.append(
            VoiceInfo(
                voice_id, f"eSpeak NG German{suffix}", functools.partial(BundledVoice, variant)
            )
        )
    return voices


_detected: list[VoiceInfo] | None = None
_detect_lock = threading.Lock()


def available_voices() -> list[VoiceInfo]:
    """The bundled voices, then the system's German voices. The first call asks the system
    (it may start programs: call it off the Tk thread); later calls answer at once."""
    global _detected
    with _detect_lock:
        if _detected is None:
            from reader.speech.system_voices import system_voices

            try:
                found = system_voices()
            except Exception:  # a broken system voice must not cost the bundled ones
                log.exception("looking for the system's voices failed")
                found = []
            _detected = bundled_voices() + found
        return list(_detected)


def known_voices() -> list[VoiceInfo]:
    """What is known without asking the system: everything if it was asked already."""
    return list(_detected) if _detected is not None else bundled_voices()


def open_voice(voice_id: str) -> Voice:
    """The voice `voice_id`; `SpeechUnavailable` naming it when it is not here (any more)."""
    voices = bundled_voices() if voice_id.startswith("espeak:") else available_voices()
    for info in voices:
        if info.id == voice_id:
            return info.open()
    choices = ", ".join(info.id for info in voices)
    raise SpeechUnavailable(f"there is no voice {voice_id!r} here (voices: {choices})")


def voice_name(voice_id: str) -> str:
    for info in known_voices():
        if info.id == voice_id:
            return info.name
    return voice_id
