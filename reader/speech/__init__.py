"""Reading German aloud, offline (no tkinter): voices, sentences, audio output, the player.

The default voice is eSpeak NG's German, bundled through the `espeakng-loader` wheel; the
system's German voices can be chosen instead (see `voices`). `speak_text` turns a text into one
WAV-ready `Speech`, sentence by sentence, for `reader speak`; the window uses `SentencePlayer`.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.speech.audio import Speech, joined, wav_bytes, write_wav
from reader.speech.errors import AudioUnavailable, SpeechUnavailable
from reader.speech.reading import SpokenSentence, sentences_between, sentences_from
from reader.speech.voices import (
    DEFAULT_VOICE,
    MAX_RATE,
    MIN_RATE,
    Voice,
    VoiceInfo,
    available_voices,
    check_rate,
    known_voices,
    open_voice,
    voice_name,
)

__all__ = [
    "DEFAULT_VOICE",
    "MAX_RATE",
    "MIN_RATE",
    "AudioUnavailable",
    "Speech",
    "SpeechUnavailable",
    "SpokenSentence",
    "Voice",
    "VoiceInfo",
    "available_voices",
    "check_rate",
    "joined",
    "known_voices",
    "open_voice",
    "sentences_between",
    "sentences_from",
    "speak_paragraphs",
    "voice_name",
    "wav_bytes",
    "write_wav",
]


def speak_paragraphs(paragraphs: Sequence[str], voice: Voice, rate: float = 1.0) -> Speech:
    """All of `paragraphs` spoken sentence by sentence, with a short pause between sentences."""
    if not voice.writes_audio:
        raise SpeechUnavailable("this voice plays by itself and cannot write audio")
    check_rate(rate)
    sentences = sentences_from(paragraphs, 0)
    if not sentences:
        raise SpeechUnavailable("there is no text to speak")
    return joined(voice.synthesize(sentence.text, rate) for sentence in sentences)
