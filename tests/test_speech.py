"""Reading aloud without a window: the bundled German voice, WAV files, sentences, the player."""

from __future__ import annotations

import array
import sys
import threading
import time
import wave
from pathlib import Path

import pytest

from reader.speech import (
    SpeechUnavailable,
    SpokenSentence,
    joined,
    open_voice,
    sentences_between,
    sentences_from,
    speak_paragraphs,
    wav_bytes,
)
from reader.speech.audio import Speech, loudness, read_wav
from reader.speech.espeak import engine, words_per_minute
from reader.speech.output import NullOutput
from reader.speech.player import ReadingFailed, ReadingFinished, SentencePlayer, SentenceStarted
from reader.speech.voices import DEFAULT_VOICE, BundledVoice, check_rate

SENTENCE = "Der Bundestag hat am Donnerstag über den Haushalt beraten."


@pytest.fixture(scope="module")
def voice() -> BundledVoice:
    return BundledVoice()


def speaking_part(speech: Speech, threshold: int = 500) -> float:
    """Seconds from the first to the last sample louder than `threshold` (leading and trailing
    silence left out, so durations compare what is actually said)."""
    values = array.array("h")
    values.frombytes(speech.pcm)
    loud = [i for i, value in enumerate(values) if abs(value) > threshold]
    return (loud[-1] - loud[0]) / speech.sample_rate if loud else 0.0


# --- the bundled voice ----------------------------------------------------------------------------


def test_a_german_sentence_is_spoken_aloud(voice: BundledVoice) -> None:
    speech = voice.synthesize(SENTENCE, 1.0)
    assert speech.sample_rate == 22050
    assert 2.0 < speech.duration < 8.0
    assert loudness(speech) > 1000  # speech, not silence or hiss
    silent_share = sum(1 for v in array.array("h", speech.pcm) if abs(v) < 50) / speech.frames
    assert silent_share < 0.6


def test_longer_text_gives_longer_audio(voice: BundledVoice) -> None:
    short = voice.synthesize("Der Bundestag tagt.", 1.0)
    longer = voice.synthesize(SENTENCE, 1.0)
    longest = voice.synthesize(f"{SENTENCE} Die Opposition kritisierte die Schulden scharf.", 1.0)
    assert short.duration < longer.duration < longest.duration


@pytest.mark.parametrize(("slow", "fast"), [(0.5, 1.0), (1.0, 1.5), (0.7, 0.8)])
def test_a_slower_rate_gives_longer_audio(voice: BundledVoice, slow: float, fast: float) -> None:
    assert voice.synthesize(SENTENCE, slow).duration > voice.synthesize(SENTENCE, fast).duration


def test_half_speed_takes_about_twice_as_long(voice: BundledVoice) -> None:
    ratio = speaking_part(voice.synthesize(SENTENCE, 0.5)) / speaking_part(
        voice.synthesize(SENTENCE, 1.0)
    )
    assert 1.6 < ratio < 2.4


@pytest.mark.parametrize(
    ("word", "without", "sound"),
    [("Müller", "Muller", "ʏ"), ("schön", "schon", "ø"), ("Bär", "Bar", "ɛ"), ("Fuß", "Fu", "s")],
)
def test_umlauts_and_eszett_are_spoken(
    voice: BundledVoice, word: str, without: str, sound: str
) -> None:
    """The letters reach the voice as themselves (not as bytes it skips or spells out): their
    sound is in the pronunciation, and the audio differs from the word without them."""
    assert sound in engine().phonemes(word)
    assert sound not in engine().phonemes(without) or word == "Fuß"
    with_letter, other = voice.synthesize(word, 1.0), voice.synthesize(without, 1.0)
    assert with_letter.pcm != other.pcm
    assert loudness(with_letter) > 1000


def test_eszett_adds_its_sound_and_umlaut_is_not_dropped(voice: BundledVoice) -> None:
    assert speaking_part(voice.synthesize("Fuß", 1.0)) > speaking_part(voice.synthesize("Fu", 1.0))
    # An umlaut dropped would leave "Mller": a vowel less, which eSpeak spells out letter by
    # letter ("em-el-el-er"), far longer than the name.
    muller = speaking_part(voice.synthesize("Müller", 1.0))
    assert muller < 0.8 * speaking_part(voice.synthesize("Mller", 1.0))
    assert abs(muller - speaking_part(voice.synthesize("Muller", 1.0))) < 0.1


def test_variants_sound_different(voice: BundledVoice) -> None:
    female = open_voice("espeak:de+f3").synthesize("Guten Morgen.", 1.0)
    assert female.pcm != voice.synthesize("Guten Morgen.", 1.0).pcm
    assert loudness(female) > 1000


def test_rates_outside_the_range_are_refused(voice: BundledVoice) -> None:
    for rate in (0.4, 1.6, 0.0):
        with pytest.raises(ValueError, match=r"from 0\.5 to 1\.5"):
            voice.synthesize(SENTENCE, rate)
    assert check_rate(0.5) == 0.5
    assert words_per_minute(1.0) == 175 and words_per_minute(0.5) < words_per_minute(1.5)


def test_odd_text_does_not_break_the_voice(voice: BundledVoice) -> None:
    for text in ("", "   ", "\0", "<b>fett</b> & Co.", "😀", "ß" * 500):
        speech = voice.synthesize(text, 1.0)
        assert speech.sample_rate == 22050
    assert voice.synthesize("", 1.0).duration < 0.2


def test_voices_are_thread_safe(voice: BundledVoice) -> None:
    """The library has one global state: parallel callers get their own text's audio. (eSpeak
    varies its output a little from call to call, so lengths are compared, within 30 ms.)"""
    texts = ("Eins.", "Zwei Wörter und noch mehr.")
    expected = {text: voice.synthesize(text, 1.0).duration for text in texts}
    assert expected[texts[1]] > 3 * expected[texts[0]]
    results: list[bool] = []

    def speak(text: str) -> None:
        for _ in range(10):
            results.append(abs(voice.synthesize(text, 1.0).duration - expected[text]) < 0.03)

    threads = [threading.Thread(target=speak, args=(text,)) for text in expected for _ in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results and all(results)


def test_unknown_voices_are_named() -> None:
    with pytest.raises(SpeechUnavailable, match="no voice 'espeak:xx'"):
        open_voice("espeak:xx")
    assert isinstance(open_voice(DEFAULT_VOICE), BundledVoice)


# --- WAV ------------------------------------------------------------------------------------------


def test_wav_round_trip(voice: BundledVoice, tmp_path: Path) -> None:
    speech = voice.synthesize("Hallo.", 1.0)
    data = wav_bytes(speech)
    with wave.open(str(_written(tmp_path, data)), "rb") as reader:
        assert (reader.getnchannels(), reader.getsampwidth(), reader.getframerate()) == (
            1,
            2,
            22050,
        )
        assert reader.getnframes() == speech.frames
    assert read_wav(data) == speech


def _written(folder: Path, data: bytes) -> Path:
    path = folder / "speech.wav"
    path.write_bytes(data)
    return path


def test_stereo_wav_keeps_one_channel() -> None:
    left_right = array.array("h", [100, -100, 200, -200])
    if sys.byteorder == "big":
        left_right.byteswap()
    import io

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(2)
        writer.setsampwidth(2)
        writer.setframerate(16000)
        writer.writeframes(left_right.tobytes())
    mono = read_wav(buffer.getvalue())
    assert mono.frames == 2 and array.array("h", mono.pcm).tolist() == [100, 200]


def test_paragraphs_are_joined_with_pauses(voice: BundledVoice) -> None:
    whole = speak_paragraphs(["Erster Satz. Zweiter Satz.", "Dritter Satz."], voice)
    parts = [voice.synthesize(t, 1.0) for t in ("Erster Satz.", "Zweiter Satz.", "Dritter Satz.")]
    # Three sentences and two pauses (eSpeak varies each sentence by a few milliseconds).
    assert abs(whole.duration - joined(parts).duration) < 0.05
    assert whole.duration > sum(part.duration for part in parts) + 0.6
    with pytest.raises(ValueError, match="cannot join"):
        joined([Speech(b"\0\0", 22050), Speech(b"\0\0", 16000)])
    with pytest.raises(SpeechUnavailable, match="no text"):
        speak_paragraphs(["  "], voice)


# --- sentences --------------------------------------------------------------------------------


def test_sentences_from_the_cursor() -> None:
    paragraphs = ["Erster Satz. Zweiter Satz, mit z. B. Abkürzung.", "Dritter Satz."]
    found = sentences_from(paragraphs, 0, 20)
    assert [s.text for s in found] == ["Zweiter Satz, mit z. B. Abkürzung.", "Dritter Satz."]
    assert found[0] == SpokenSentence(0, 13, 47, "Zweiter Satz, mit z. B. Abkürzung.")
    assert paragraphs[0][found[0].start : found[0].end] == found[0].text
    assert [s.text for s in sentences_from(paragraphs, 1)] == ["Dritter Satz."]
    assert sentences_from(paragraphs, 5) == []


def test_sentences_of_a_selection_are_cut_to_it() -> None:
    paragraphs = ["Erster Satz. Zweiter Satz.", "Dritter Satz hier."]
    found = sentences_between(paragraphs, (0, 7), (1, 12))
    assert [s.text for s in found] == ["Satz.", "Zweiter Satz.", "Dritter Satz"]
    assert [(s.paragraph, s.start, s.end) for s in found] == [(0, 7, 12), (0, 13, 26), (1, 0, 12)]


# --- the player -------------------------------------------------------------------------------


def _player(sink: NullOutput) -> tuple[SentencePlayer, list[object]]:
    events: list[object] = []
    return SentencePlayer(lambda: sink, events.append), events


def test_the_player_announces_each_sentence_in_order() -> None:
    sink = NullOutput()
    player, events = _player(sink)
    sentences = sentences_from(["Eins. Zwei.", "Drei."], 0)
    player.play(sentences, BundledVoice)
    assert player.thread is not None
    player.thread.join(10)
    assert events == [SentenceStarted(i, s) for i, s in enumerate(sentences)] + [
        ReadingFinished(completed=True)
    ]
    said = [BundledVoice().synthesize(s.text, 1.0) for s in sentences]
    assert len(sink.written) > sum(len(s.pcm) for s in said)  # the sentences and their pauses
    assert sink.streams[0].state == "finished"


def test_stop_ends_the_audio_thread_at_once() -> None:
    sink = NullOutput(pace=1.0)
    player, events = _player(sink)
    player.play(sentences_from([SENTENCE * 3], 0), BundledVoice)
    while not sink.written:
        time.sleep(0.01)
    started = time.perf_counter()
    player.stop()
    assert time.perf_counter() - started < 0.5
    assert player.thread is not None and not player.thread.is_alive()
    assert events[-1] == ReadingFinished(completed=False)
    assert sink.streams[0].state == "aborted"
    assert player.state == "stopped"


def test_pause_holds_the_audio_and_resume_goes_on() -> None:
    sink = NullOutput(pace=1.0)
    player, _events = _player(sink)
    player.play(sentences_from([SENTENCE], 0), BundledVoice)
    while not sink.written:
        time.sleep(0.01)
    player.pause()
    time.sleep(0.15)
    held = len(sink.written)
    time.sleep(0.3)
    assert len(sink.written) == held and player.state == "paused"
    assert sink.streams[0].state == "paused"
    player.resume()
    time.sleep(0.3)
    assert len(sink.written) > held and player.state == "playing"
    player.stop()


def test_a_new_reading_replaces_the_old_one() -> None:
    sink = NullOutput(pace=1.0)
    player, events = _player(sink)
    player.play(sentences_from([SENTENCE], 0), BundledVoice)
    first = player.thread
    player.play(sentences_from(["Neu."], 0), BundledVoice)
    assert first is not None and not first.is_alive()
    assert player.thread is not None
    player.thread.join(10)
    assert events[-1] == ReadingFinished(completed=True)


def test_failures_are_announced_in_one_line() -> None:
    from reader.speech import AudioUnavailable

    def no_output() -> NullOutput:
        raise AudioUnavailable("no audio output device")

    events: list[object] = []
    player = SentencePlayer(no_output, events.append)
    player.play(sentences_from(["Eins."], 0), BundledVoice)
    assert player.thread is not None
    player.thread.join(10)
    assert events == [ReadingFailed("no audio output device")]

    def missing_voice() -> BundledVoice:
        raise SpeechUnavailable("there is no voice 'say:Anna' here")

    player = SentencePlayer(NullOutput, events.append)
    player.play(sentences_from(["Eins."], 0), missing_voice)
    assert player.thread is not None
    player.thread.join(10)
    assert events[-1] == ReadingFailed("there is no voice 'say:Anna' here")


class SelfSpeakingVoice:
    """Like a speech-dispatcher voice: plays by itself, interrupted through `stop`."""

    writes_audio = False

    def __init__(self) -> None:
        self.said: list[str] = []

    def synthesize(self, text: str, rate: float) -> Speech:
        raise SpeechUnavailable("plays by itself")

    def speak(self, text: str, rate: float, stop: threading.Event) -> None:
        self.said.append(text)
        stop.wait(0.2)


def test_voices_that_speak_themselves_are_played_without_an_output() -> None:
    def no_output() -> NullOutput:
        raise AssertionError("no audio output is needed")

    voice = SelfSpeakingVoice()
    events: list[object] = []
    player = SentencePlayer(no_output, events.append)
    player.play(sentences_from(["Eins. Zwei."], 0), lambda: voice)
    time.sleep(0.05)
    player.pause()  # interrupts the sentence; resuming says it again
    time.sleep(0.1)
    player.resume()
    assert player.thread is not None
    player.thread.join(10)
    assert voice.said == ["Eins.", "Eins.", "Zwei."]
    assert events[-1] == ReadingFinished(completed=True)


# --- audio outputs ------------------------------------------------------------------------------

FAKE_PLAYER = """\
import sys, time
data = sys.stdin.buffer.read()
with open(sys.argv[1], "wb") as out:
    out.write(data)
"""
BROKEN_PLAYER = """\
import sys
sys.stderr.write("ALSA lib confmisc.c: cannot find card '0'\\nfake: audio open error\\n")
sys.exit(1)
"""


def _fake_program(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, script: str) -> Path:
    from reader.speech import output

    program = tmp_path / "player.py"
    program.write_text(script, encoding="utf-8")
    played = tmp_path / "played.raw"
    monkeypatch.setitem(
        output.PLAYER_COMMANDS, "fake", lambda rate: [sys.executable, str(program), str(played)]
    )
    return played


def test_a_player_program_gets_the_audio_paced(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from reader.speech.output import AHEAD_S, CommandOutput

    played = _fake_program(monkeypatch, tmp_path, FAKE_PLAYER)
    output = CommandOutput("fake")
    assert output.problem() is None
    speech = BundledVoice().synthesize("Hallo Welt.", 1.0)
    stream = output.open(speech.sample_rate)
    started = time.perf_counter()
    for _frame, piece in speech.chunks(0.05):
        stream.write(piece)
    # Fed no faster than it is heard, apart from a quarter second ahead.
    assert time.perf_counter() - started > speech.duration - AHEAD_S - 0.1
    stream.finish()
    assert played.read_bytes() == speech.pcm


def test_a_player_without_a_sound_card_says_why(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from reader.speech import AudioUnavailable, output

    _fake_program(monkeypatch, tmp_path, BROKEN_PLAYER)
    assert output.CommandOutput("fake").problem() == "fake: audio open error"
    monkeypatch.setattr(output.shutil, "which", lambda name: name if name == "fake" else None)
    with pytest.raises(AudioUnavailable, match="fake: fake: audio open error"):
        output.command_output()
    monkeypatch.setattr(output.shutil, "which", lambda name: None)
    with pytest.raises(AudioUnavailable, match="no player program"):
        output.command_output()


def test_without_any_output_every_reason_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.speech import AudioUnavailable, output

    def no_portaudio() -> output.SoundDeviceOutput:
        raise AudioUnavailable("the PortAudio library is not installed")

    monkeypatch.setattr(output, "sounddevice_output", no_portaudio)
    monkeypatch.setattr(output.shutil, "which", lambda name: None)
    with pytest.raises(AudioUnavailable) as raised:
        output.default_output()
    assert str(raised.value).startswith("the PortAudio library is not installed")
    if sys.platform.startswith("linux"):
        assert "no player program" in str(raised.value)


def test_this_machine_has_an_output_or_says_why() -> None:
    """Whatever this machine has (CI has no sound card), the answer is an output or a reason."""
    from reader.speech import AudioUnavailable
    from reader.speech.output import default_output

    try:
        output = default_output()
    except AudioUnavailable as error:
        assert str(error)
    else:
        assert output.name
