"""Synthesised speech as 16-bit mono PCM, and WAV files (no tkinter, no audio device).

Every voice hands back `Speech`: the samples as little-endian signed 16-bit bytes and their
sample rate. Playback writes those bytes to an audio output; `reader speak` writes them to a WAV
file with the standard library's `wave` module.
"""

from __future__ import annotations

import array
import io
import math
import sys
import wave
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SAMPLE_WIDTH = 2  # bytes: signed 16-bit samples
PAUSE_BETWEEN_SENTENCES_S = 0.35


@dataclass(frozen=True)
class Speech:
    """Mono 16-bit little-endian PCM at `sample_rate` samples per second."""

    pcm: bytes
    sample_rate: int

    @property
    def frames(self) -> int:
        return len(self.pcm) // SAMPLE_WIDTH

    @property
    def duration(self) -> float:
        """Seconds of audio."""
        return self.frames / self.sample_rate if self.sample_rate else 0.0

    def chunks(self, seconds: float, start_frame: int = 0) -> Iterator[tuple[int, bytes]]:
        """(first frame, bytes) pieces of about `seconds` each, from `start_frame` on."""
        step = max(1, round(self.sample_rate * seconds)) * SAMPLE_WIDTH
        for offset in range(start_frame * SAMPLE_WIDTH, len(self.pcm), step):
            yield offset // SAMPLE_WIDTH, self.pcm[offset : offset + step]


def samples(speech: Speech) -> array.array[int]:
    """The samples as integers (in the machine's byte order)."""
    values = array.array("h")
    values.frombytes(speech.pcm[: speech.frames * SAMPLE_WIDTH])
    if sys.byteorder == "big":
        values.byteswap()
    return values


def loudness(speech: Speech) -> float:
    """Root mean square of the samples, 0 (silence) to 32767."""
    values = samples(speech)
    if not values:
        return 0.0
    return math.sqrt(sum(value * value for value in values) / len(values))


def silence(seconds: float, sample_rate: int) -> bytes:
    return bytes(round(seconds * sample_rate) * SAMPLE_WIDTH)


def joined(parts: Iterable[Speech], pause: float = PAUSE_BETWEEN_SENTENCES_S) -> Speech:
    """The parts one after another, with `pause` seconds of silence between them."""
    pieces: list[bytes] = []
    rate = 0
    for part in parts:
        if rate and part.sample_rate != rate:
            raise ValueError(f"cannot join {part.sample_rate} Hz audio to {rate} Hz audio")
        if pieces:
            pieces.append(silence(pause, part.sample_rate))
        rate = part.sample_rate
        pieces.append(part.pcm)
    return Speech(b"".join(pieces), rate)


def wav_bytes(speech: Speech) -> bytes:
    """`speech` as the bytes of a WAV file."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(SAMPLE_WIDTH)
        writer.setframerate(speech.sample_rate)
        writer.writeframes(speech.pcm)
    return buffer.getvalue()


def write_wav(speech: Speech, path: Path) -> None:
    path.write_bytes(wav_bytes(speech))


def read_wav(data: bytes) -> Speech:
    """A mono 16-bit WAV file's audio (what the system voices write)."""
    with wave.open(io.BytesIO(data), "rb") as reader:
        channels, width = reader.getnchannels(), reader.getsampwidth()
        if width != SAMPLE_WIDTH:
            raise ValueError(f"expected 16-bit samples, the file has {8 * width}-bit ones")
        pcm = reader.readframes(reader.getnframes())
        rate = reader.getframerate()
    if channels > 1:  # keep the first channel
        values = array.array("h")
        values.frombytes(pcm)
        pcm = values[::channels].tobytes()
    return Speech(pcm, rate)
