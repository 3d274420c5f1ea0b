"""The operating system's own German voices, where there are any (no tkinter).

- macOS: the `say` command lists its voices (`say -v ?`) and writes WAV files.
- Windows: SAPI5 through COM (comtypes); a voice writes into a memory stream.
- Linux: speech-dispatcher through `spd-say`; it plays through its own server, so these voices
  speak by themselves and cannot write a file.

Each finder returns [] where its system is absent; nothing here is needed for the bundled voice.
"""

from __future__ import annotations

import functools
import logging
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from reader.speech.audio import Speech, read_wav
from reader.speech.errors import SpeechUnavailable
from reader.speech.voices import VoiceInfo, check_rate

log = logging.getLogger(__name__)

LIST_TIMEOUT_S = 10.0
SAY_TIMEOUT_S = 120.0
NORMAL_SAY_WPM = 175
SPEAK_TIMEOUT_S = 10.0
# Runs a command and returns its standard output (tests hand in recorded answers).
Runner = Callable[[list[str]], str]


def run_command(command: list[str]) -> str:
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=LIST_TIMEOUT_S, check=False
    )
    return result.stdout


def system_voices() -> list[VoiceInfo]:
    if sys.platform == "darwin":
        return macos_voices()
    if sys.platform == "win32":
        return sapi_voices()
    return speech_dispatcher_voices()


def is_german(language: str) -> bool:
    """ "de", "de_DE", "de-AT", "german" …"""
    code = language.strip().lower().replace("-", "_")
    return code == "german" or code == "de" or code.startswith("de_")


# --- macOS --------------------------------------------------------------------------------------

_SAY_LINE = re.compile(r"^(?P<name>.+?)\s+(?P<language>[a-z]{2,3}[_-][A-Za-z0-9]+)\s+#")


def macos_voices(run: Runner = run_command) -> list[VoiceInfo]:
    if shutil.which("say") is None and run is run_command:
        return []
    voices = []
    for line in run(["say", "-v", "?"]).splitlines():
        found = _SAY_LINE.match(line)
        if found and is_german(found["language"]):
            name = found["name"].strip()
            voices.append(
                VoiceInfo(
                    f"say:{name}",
                    f"{name} (macOS, {found['language']})",
                    functools.partial(SayVoice, name),
                )
            )
    return voices


class SayVoice:
    """A macOS voice through `say`, which writes 16-bit WAV into a temporary file."""

    writes_audio = True

    def __init__(self, name: str) -> None:
        self.name = name

    def synthesize(self, text: str, rate: float) -> Speech:
        words_per_minute = round(NORMAL_SAY_WPM * check_rate(rate))
        with tempfile.TemporaryDirectory(prefix="german-reader-say-") as folder:
            output = Path(folder) / "speech.wav"
            command = [
                "say",
                "-v",
                self.name,
                "-r",
                str(words_per_minute),
                "--file-format=WAVE",
                "--data-format=LEI16@22050",
                "-o",
                str(output),
            ]
            # The text goes in on standard input: as an argument, a leading "-" is an option.
            result = subprocess.run(
                command, input=text, capture_output=True, text=True, timeout=SAY_TIMEOUT_S
            )
            if result.returncode != 0 or not output.is_file():
                problem = result.stderr.strip() or f"exit status {result.returncode}"
                raise SpeechUnavailable(f"the macOS voice {self.name} failed: {problem}")
            return read_wav(output.read_bytes())

    def speak(self, text: str, rate: float, stop: threading.Event) -> None:
        raise SpeechUnavailable("macOS voices are played through the audio output")


# --- Windows SAPI5 ------------------------------------------------------------------------------

_SAFT_22KHZ_16BIT_MONO = 22
_SVSF_IS_NOT_XML = 16
_GERMAN_LANGUAGE_ID = 0x07  # the primary language of de-DE (0x407), de-AT (0xC07), de-CH …


def sapi_voices() -> list[VoiceInfo]:
    try:
        import comtypes.client
    except ImportError as error:
        log.info("no SAPI5 voices: %s", error)
        return []
    speaker = comtypes.client.CreateObject("SAPI.SpVoice")
    tokens = speaker.GetVoices()
    voices = []
    for number in range(tokens.Count):
        token = tokens.Item(number)
        if _sapi_german(str(token.GetAttribute("Language") or "")):
            token_id, name = str(token.Id), str(token.GetDescription())
            voices.append(
                VoiceInfo(
                    f"sapi:{token_id}", f"{name} (Windows)", functools.partial(SapiVoice, token_id)
                )
            )
    return voices


def _sapi_german(languages: str) -> bool:
    """SAPI lists languages as hexadecimal LCIDs separated by ";" ("407", "407;409")."""
    for code in languages.split(";"):
        try:
            if int(code.strip(), 16) & 0x3FF == _GERMAN_LANGUAGE_ID:
                return True
        except ValueError:
            continue
    return False


class SapiVoice:
    """A Windows SAPI5 voice, speaking into a memory stream (22 kHz, 16-bit mono)."""

    writes_audio = True

    def __init__(self, token_id: str) -> None:
        self.token_id = token_id

    def synthesize(self, text: str, rate: float) -> Speech:
        import comtypes
        import comtypes.client

        comtypes.CoInitialize()  # COM is set up per thread; the player has its own
        try:
            speaker = comtypes.client.CreateObject("SAPI.SpVoice")
            tokens = speaker.GetVoices()
            token = next(
                (tokens.Item(i) for i in range(tokens.Count) if tokens.Item(i).Id == self.token_id),
                None,
            )
            if token is None:
                raise SpeechUnavailable(f"the Windows voice {self.token_id} is gone")
            stream = comtypes.client.CreateObject("SAPI.SpMemoryStream")
            stream.Format.Type = _SAFT_22KHZ_16BIT_MONO
            speaker.Voice = token
            speaker.AudioOutputStream = stream
            # SAPI's rate runs from -10 to 10; ±10 is about three times slower or faster.
            speaker.Rate = max(-10, min(10, round((check_rate(rate) - 1.0) * 10)))
            speaker.Speak(text, _SVSF_IS_NOT_XML)
            return Speech(bytes(stream.GetData()), 22050)
        finally:
            comtypes.CoUninitialize()

    def speak(self, text: str, rate: float, stop: threading.Event) -> None:
        raise SpeechUnavailable("Windows voices are played through the audio output")


# --- Linux: speech-dispatcher -------------------------------------------------------------------


# "              German+Alex                       de                     Alex"
_SPD_VOICE = re.compile(
    r"^\s*(?P<name>\S.*?)\s+(?P<language>[a-z]{2,3}(?:[-_][A-Za-z0-9]+)*)\s+(?P<variant>\S+)\s*$"
)


def speech_dispatcher_voices(run: Runner = run_command) -> list[VoiceInfo]:
    """The German voices of every speech-dispatcher module, without their variants (eSpeak's
    module alone lists a hundred: Adam, Alex, Alicia …)."""
    if shutil.which("spd-say") is None and run is run_command:
        return []
    voices = []
    for module in _listed(run(["spd-say", "--list-output-modules"])):
        listing = run(["spd-say", "-o", module, "--list-synthesis-voices"])
        for line in _listed(listing):
            found = _SPD_VOICE.match(line)
            if not found or not is_german(found["language"]):
                continue
            if found["variant"].lower() not in ("none", "-"):
                continue
            name = found["name"]
            voices.append(
                VoiceInfo(
                    f"speechd:{module}:{name}",
                    f"{name} ({module}, speech-dispatcher)",
                    functools.partial(SpeechDispatcherVoice, module, name),
                )
            )
    return voices


def _listed(output: str) -> list[str]:
    """The lines of an spd-say listing after its heading line ("OUTPUT MODULES", "NAME …")."""
    lines = [line for line in output.splitlines() if line.strip()]
    return lines[1:] if lines and lines[0].strip().isupper() else lines


class SpeechDispatcherVoice:
    """A speech-dispatcher voice; `spd-say --wait` returns when the sentence has been said."""

    writes_audio = False

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def synthesize(self, text: str, rate: float) -> Speech:
        raise SpeechUnavailable(
            f"the speech-dispatcher voice {self.name} plays by itself and cannot write audio; "
            "choose the bundled voice (espeak:de)"
        )

    def speak(self, text: str, rate: float, stop: threading.Event) -> None:
        speed = round((check_rate(rate) - 1.0) * 100)  # spd-say: -100 … 100
        command = ["spd-say", "--wait", "-o", self.module, "-y", self.name, "-l", "de"]
        command += ["-r", str(speed), "--", text]
        # Without working audio the server never reports the end: give up after a generous while.
        limit = SPEAK_TIMEOUT_S + len(text) / 4
        deadline = time.monotonic() + limit
        with subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        ) as process:
            while process.poll() is None:
                timed_out = time.monotonic() > deadline
                if stop.wait(0.05) or timed_out:
                    process.terminate()
                    # The server goes on with a message whose client has gone: cancel it.
                    subprocess.run(["spd-say", "--cancel"], capture_output=True, timeout=5)
                    if timed_out:
                        raise SpeechUnavailable(
                            f"speech-dispatcher did not finish a sentence within {limit:.0f} s "
                            "(is its audio output working?)"
                        )
                    return
            errors = process.stderr.read() if process.stderr else b""
        if process.returncode != 0:
            problem = errors.decode(errors="replace").strip() or f"status {process.returncode}"
            raise SpeechUnavailable(f"speech-dispatcher failed: {problem}")
