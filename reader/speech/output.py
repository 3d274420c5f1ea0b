"""Where speech is played: an audio output that opens streams of 16-bit mono PCM (no tkinter).

The choice, in order:
1. `sounddevice` (PortAudio; MIT, well kept). Its Windows and macOS wheels bring PortAudio
   along; on Linux it uses the system's libportaudio2. Writes block while the device's buffer is
   full, so the player is paced by the sound card, and pausing or stopping takes effect within
   one short buffer.
2. On Linux without PortAudio, a player program fed through a pipe: `pw-play` (PipeWire),
   `paplay` (PulseAudio) or `aplay` (ALSA), whichever is installed. Writes are paced to stay
   a fraction of a second ahead of what is heard, so pausing still stops quickly.
3. Nothing: `AudioUnavailable` says why (no PortAudio, no player, no output device), and the
   window shows that instead of playing.

`NullOutput` plays nothing and keeps what it was given: tests and `make bench` use it.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from reader.speech.audio import SAMPLE_WIDTH
from reader.speech.errors import AudioUnavailable

log = logging.getLogger(__name__)

AHEAD_S = 0.25  # how far a player program is fed ahead of what is heard
PROBE_TIMEOUT_S = 5.0


class AudioStream(Protocol):
    def write(self, pcm: bytes) -> None:
        """Queue `pcm` for playing; may block until there is room."""
        ...

    def pause(self) -> None:
        """Stop the sound soon; `resume` goes on."""
        ...

    def resume(self) -> None: ...

    def finish(self) -> None:
        """Wait until everything written has been heard, then close."""
        ...

    def abort(self) -> None:
        """Stop at once and close; what was queued is dropped."""
        ...


class AudioOutput(Protocol):
    @property
    def name(self) -> str: ...

    def open(self, sample_rate: int) -> AudioStream: ...


# --- sounddevice ------------------------------------------------------------------------------


class SoundDeviceOutput:
    name = "PortAudio (sounddevice)"

    def __init__(self, module: Any) -> None:
        self._sd = module

    def open(self, sample_rate: int) -> AudioStream:
        try:
            stream = self._sd.RawOutputStream(
                samplerate=sample_rate, channels=1, dtype="int16", latency="low"
            )
            stream.start()
        except Exception as error:  # PortAudioError and device errors
            raise AudioUnavailable(f"the audio output cannot be opened: {error}") from None
        return _SoundDeviceStream(stream)


class _SoundDeviceStream:
    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, pcm: bytes) -> None:
        self._stream.write(pcm)  # underflows between sentences are harmless here

    def pause(self) -> None:
        self._stream.stop()  # plays out the short buffer, then stops

    def resume(self) -> None:
        self._stream.start()

    def finish(self) -> None:
        self._stream.stop()
        self._stream.close()

    def abort(self) -> None:
        self._stream.abort()
        self._stream.close()


def sounddevice_output() -> SoundDeviceOutput:
    """PortAudio's default output device; `AudioUnavailable` saying why when there is none."""
    try:
        import sounddevice
    except ImportError:
        raise AudioUnavailable("the sounddevice library is not installed") from None
    except OSError:  # the module loads PortAudio when imported
        hint = " (apt-get install libportaudio2)" if sys.platform.startswith("linux") else ""
        raise AudioUnavailable(f"the PortAudio library is not installed{hint}") from None
    try:
        sounddevice.query_devices(kind="output")
    except Exception as error:
        raise AudioUnavailable(f"no audio output device ({error})") from None
    return SoundDeviceOutput(sounddevice)


# --- player programs --------------------------------------------------------------------------

PLAYER_COMMANDS: dict[str, Callable[[int], list[str]]] = {
    "pw-play": lambda rate: ["pw-play", "--rate", str(rate), "--channels", "1",
                             "--format", "s16", "-"],
    "paplay": lambda rate: ["paplay", "--raw", "--format=s16le", f"--rate={rate}",
                            "--channels=1"],
    "aplay": lambda rate: ["aplay", "-q", "-t", "raw", "-f", "S16_LE", "-r", str(rate),
                           "-c", "1", "-"],
}  # fmt: skip


@dataclass(frozen=True)
class CommandOutput:
    """A player program reading raw PCM on its standard input."""

    program: str

    @property
    def name(self) -> str:
        return self.program

    def problem(self) -> str | None:
        """Why the program cannot play (it has no sound card, no sound server), or None. The
        programs exit at once when they have nothing to play to."""
        rate = 22050
        try:
            result = subprocess.run(
                PLAYER_COMMANDS[self.program](rate),
                input=bytes(rate // 10 * SAMPLE_WIDTH),  # a tenth of a second of silence
                capture_output=True,
                timeout=PROBE_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            return str(error)
        if result.returncode != 0:
            lines = result.stderr.decode(errors="replace").strip().splitlines()
            # The last line says what failed (ALSA prints its configuration trouble first).
            return lines[-1] if lines else f"exit status {result.returncode}"
        return None

    def open(self, sample_rate: int) -> AudioStream:
        command = PLAYER_COMMANDS[self.program](sample_rate)
        try:
            process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
        except OSError as error:
            raise AudioUnavailable(f"{self.program} cannot be started: {error}") from None
        return _CommandStream(process, sample_rate, self.program)


class _CommandStream:
    def __init__(self, process: subprocess.Popen[bytes], sample_rate: int, program: str) -> None:
        self._process = process
        self._bytes_per_second = sample_rate * SAMPLE_WIDTH
        self._program = program
        self._heard_until = time.monotonic()

    def write(self, pcm: bytes) -> None:
        now = time.monotonic()
        self._heard_until = max(self._heard_until, now)
        ahead = self._heard_until - now
        if ahead > AHEAD_S:
            time.sleep(ahead - AHEAD_S)
        try:
            assert self._process.stdin is not None
            self._process.stdin.write(pcm)
            self._process.stdin.flush()
        except (BrokenPipeError, OSError):
            raise AudioUnavailable(f"{self._program} stopped: {self._problem()}") from None
        self._heard_until += len(pcm) / self._bytes_per_second

    def _problem(self) -> str:
        try:
            self._process.wait(2)
            error = self._process.stderr.read() if self._process.stderr else b""
        except subprocess.TimeoutExpired:
            error = b""
        return error.decode(errors="replace").strip() or f"exit status {self._process.returncode}"

    def pause(self) -> None:
        pass  # nothing more is fed; what is queued (a quarter second) plays out

    def resume(self) -> None:
        self._heard_until = time.monotonic()

    def finish(self) -> None:
        try:
            if self._process.stdin is not None:
                self._process.stdin.close()
            self._process.wait(max(1.0, self._heard_until - time.monotonic() + 2))
        except (OSError, subprocess.TimeoutExpired):
            self.abort()
        self._close_pipes()

    def abort(self) -> None:
        self._process.kill()
        self._process.wait()
        self._close_pipes()

    def _close_pipes(self) -> None:
        for pipe in (self._process.stdin, self._process.stderr):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()


def command_output() -> CommandOutput:
    """The first installed player program that can play a moment of silence."""
    problems = []
    for program in PLAYER_COMMANDS:
        if shutil.which(program):
            output = CommandOutput(program)
            problem = output.problem()
            if problem is None:
                return output
            problems.append(f"{program}: {problem}")
    if problems:
        raise AudioUnavailable("; ".join(problems))
    raise AudioUnavailable("no player program (pw-play, paplay or aplay) is installed")


# --- choosing -----------------------------------------------------------------------------------


def default_output() -> AudioOutput:
    """The best output this machine has; `AudioUnavailable` with every reason if none."""
    reasons = []
    try:
        return sounddevice_output()
    except AudioUnavailable as error:
        reasons.append(str(error))
    if sys.platform.startswith("linux"):
        try:
            return command_output()
        except AudioUnavailable as error:
            reasons.append(str(error))
    raise AudioUnavailable("; ".join(reasons))


# --- for tests and benchmarks ------------------------------------------------------------------


@dataclass
class NullOutput:
    """Plays nothing and remembers every stream's audio. `pace` > 0 makes writes take that
    share of the audio's duration, as a sound card would (1.0: real time)."""

    pace: float = 0.0
    name: str = "null"
    streams: list[NullStream] = field(default_factory=list)

    def open(self, sample_rate: int) -> AudioStream:
        stream = NullStream(sample_rate, self.pace)
        self.streams.append(stream)
        return stream

    @property
    def written(self) -> bytes:
        return b"".join(stream.data for stream in self.streams)


@dataclass
class NullStream:
    sample_rate: int
    pace: float
    chunks: list[bytes] = field(default_factory=list)
    first_write: float | None = None
    state: str = "open"  # "paused", "finished", "aborted"
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def write(self, pcm: bytes) -> None:
        with self._lock:
            if self.first_write is None:
                self.first_write = time.perf_counter()
            self.chunks.append(pcm)
        if self.pace:
            time.sleep(self.pace * len(pcm) / (self.sample_rate * SAMPLE_WIDTH))

    @property
    def data(self) -> bytes:
        with self._lock:
            return b"".join(self.chunks)

    def pause(self) -> None:
        self.state = "paused"

    def resume(self) -> None:
        self.state = "open"

    def finish(self) -> None:
        self.state = "finished"

    def abort(self) -> None:
        self.state = "aborted"
