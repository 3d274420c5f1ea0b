"""The bundled German voice: eSpeak NG through ctypes (no tkinter).

The `espeakng-loader` wheel ships libespeak-ng (GPL-3.0-or-later, like this project) with its
language data for Linux, Windows and macOS, so speech works with nothing else installed. The
library's C API (speak_lib.h) is small and stable; it is driven here directly with ctypes in
synchronous mode: `espeak_Synth` returns after calling our callback with every piece of audio,
and nothing is played by the library itself.

The library keeps one global state (voice, rate, callback), so every call goes through one lock.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reader.speech.audio import Speech
from reader.speech.errors import SpeechUnavailable

log = logging.getLogger(__name__)

# speak_lib.h
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000  # report a missing data folder instead of exiting the process
_CHARS_UTF8 = 1
_PARAMETER_RATE = 1
_IPA = 0x02
_BUFFER_MS = 60  # how much audio each callback carries
_MIN_WPM, _MAX_WPM = 80, 450

NORMAL_WPM = 175  # eSpeak's own default speed is 1.0×
GERMAN = "de"
# Variants (espeak-ng-data/voices/!v) offered besides the default voice.
VARIANTS = {"": "male", "f3": "female", "m3": "deeper"}

_Callback = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


@dataclass(frozen=True)
class EspeakVoice:
    """One eSpeak NG voice: a language ("de") and optionally a variant ("f3")."""

    language: str = GERMAN
    variant: str = ""

    @property
    def name(self) -> str:
        return f"{self.language}+{self.variant}" if self.variant else self.language

    def synthesize(self, text: str, rate: float = 1.0) -> Speech:
        return engine().synthesize(text, self.name, words_per_minute(rate))


def words_per_minute(rate: float) -> int:
    """eSpeak's speed for a rate of 0.5–1.5 (1.0 is eSpeak's normal speed)."""
    return max(_MIN_WPM, min(_MAX_WPM, round(NORMAL_WPM * rate)))


class EspeakEngine:
    """libespeak-ng, loaded and initialised once; thread-safe."""

    def __init__(self, library: Path, data_parent: Path) -> None:
        self._lock = threading.Lock()
        self._chunks: list[bytes] = []
        try:
            self._lib = ctypes.CDLL(str(library))
        except OSError as error:
            raise SpeechUnavailable(f"the speech library cannot be loaded: {error}") from None
        self._declare()
        self.sample_rate = self._lib.espeak_Initialize(
            _AUDIO_OUTPUT_SYNCHRONOUS, _BUFFER_MS, _c_path(data_parent), _INITIALIZE_DONT_EXIT
        )
        if self.sample_rate <= 0:
            raise SpeechUnavailable(f"eSpeak NG found no voice data in {data_parent}")
        # Kept as an attribute: ctypes must not free the callback while the library holds it.
        self._callback = _Callback(self._receive)
        self._lib.espeak_SetSynthCallback(self._callback)
        self._voice = ""
        self._wpm = 0

    def _declare(self) -> None:
        lib = self._lib
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_SetSynthCallback.argtypes = [_Callback]
        lib.espeak_SetSynthCallback.restype = None
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetVoiceByName.restype = ctypes.c_int
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_SetParameter.restype = ctypes.c_int
        lib.espeak_Synth.argtypes = [
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_void_p,
            ctypes.c_void_p,
        ]
        lib.espeak_Synth.restype = ctypes.c_int
        lib.espeak_TextToPhonemes.argtypes = [
            ctypes.POINTER(ctypes.c_char_p),
            ctypes.c_int,
            ctypes.c_int,
        ]
        lib.espeak_TextToPhonemes.restype = ctypes.c_char_p

    def _receive(self, wav: ctypes._Pointer[ctypes.c_short], count: int, _events: int) -> int:
        if wav and count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        return 0  # go on

    def _use(self, voice: str, wpm: int) -> None:
        """Set voice and speed (the lock is held)."""
        if voice != self._voice:
            status = self._lib.espeak_SetVoiceByName(voice.encode("ascii"))
            if status != 0:
                raise SpeechUnavailable(f"eSpeak NG has no voice {voice!r}")
            self._voice = voice
            self._wpm = 0  # a new voice starts at its own speed
        if wpm != self._wpm:
            self._lib.espeak_SetParameter(_PARAMETER_RATE, wpm, 0)
            self._wpm = wpm

    def synthesize(self, text: str, voice: str = GERMAN, wpm: int = NORMAL_WPM) -> Speech:
        """`text` spoken by `voice` at `wpm` words per minute, as 16-bit PCM."""
        data = _c_text(text)
        with self._lock:
            self._use(voice, wpm)
            self._chunks = []
            status = self._lib.espeak_Synth(data, len(data), 0, 0, 0, _CHARS_UTF8, None, None)
            pcm, self._chunks = b"".join(self._chunks), []
        if status != 0:
            raise SpeechUnavailable(f"eSpeak NG could not speak the text (status {status})")
        return Speech(pcm, self.sample_rate)

    def phonemes(self, text: str, voice: str = GERMAN) -> str:
        """How `voice` pronounces `text`, in IPA (one clause after another)."""
        data = ctypes.c_char_p(_c_text(text))
        pieces: list[str] = []
        with self._lock:
            self._use(voice, self._wpm or NORMAL_WPM)
            while data.value:
                piece = self._lib.espeak_TextToPhonemes(ctypes.byref(data), _CHARS_UTF8, _IPA)
                if piece:
                    pieces.append(piece.decode("utf-8", errors="replace").strip())
        return " ".join(pieces)


def _c_text(text: str) -> bytes:
    """UTF-8 without NUL characters (which would end the text early), NUL-terminated."""
    return text.replace("\0", " ").encode("utf-8") + b"\0"


def _c_path(folder: Path) -> bytes:
    # The library takes a char* path; Windows' C runtime reads it in the ANSI code page.
    if sys.platform == "win32":
        return str(folder).encode("mbcs")
    return os.fsencode(folder)


_engine: EspeakEngine | None = None
_engine_lock = threading.Lock()


def engine() -> EspeakEngine:
    """The process's eSpeak NG, loaded on first use from the espeakng-loader wheel."""
    global _engine
    with _engine_lock:
        if _engine is None:
            library, data = bundled_library()
            _engine = EspeakEngine(library, data)
            log.info("eSpeak NG loaded from %s (%d Hz)", library, _engine.sample_rate)
        return _engine


def bundled_library() -> tuple[Path, Path]:
    """The bundled library and the folder holding its `espeak-ng-data`."""
    from reader.libraries import MissingLibraryError, require

    try:
        loader = require("espeakng_loader", "speak")
    except MissingLibraryError as error:
        raise SpeechUnavailable(str(error)) from None
    library = Path(loader.get_library_path())
    if not library.is_file():
        raise SpeechUnavailable(f"the speech library is missing: {library}")
    data = library.parent / "espeak-ng-data"
    if not (data / "phontab").is_file():
        raise SpeechUnavailable(f"the voice data is missing: {data}")
    return library, library.parent
