"""Reading sentences aloud one after another on a thread of its own (no tkinter).

`SentencePlayer.play` starts a worker thread that synthesises each sentence, writes its audio
to the output in short pieces and announces every sentence as it starts (`SentenceStarted`),
then the end (`ReadingFinished`) or why it could not go on (`ReadingFailed`). Between pieces it
looks at what the user asked for: pause, resume, repeat the sentence, stop. Announcements are
made on the worker thread; the window hands them to the Tk thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.errors import ReaderError
from reader.speech.audio import PAUSE_BETWEEN_SENTENCES_S, Speech, silence
from reader.speech.output import AudioOutput, AudioStream
from reader.speech.reading import SpokenSentence
from reader.speech.voices import Voice

log = logging.getLogger(__name__)

PIECE_S = 0.05  # audio written at a time: pause and stop take effect within about this
JOIN_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class SentenceStarted:
    index: int
    sentence: SpokenSentence


@dataclass(frozen=True)
class ReadingFinished:
    completed: bool  # False: stopped before the end


@dataclass(frozen=True)
class ReadingFailed:
    reason: str


PlayerEvent = SentenceStarted | ReadingFinished | ReadingFailed


class _Reading:
    """One request to read: its sentences and what the user has asked since."""

    def __init__(
        self,
        sentences: Sequence[SpokenSentence],
        voice: Callable[[], Voice],
        start: int,
        announce: Callable[[PlayerEvent], None],
    ) -> None:
        self.sentences = tuple(sentences)
        self.open_voice = voice
        self.announce = announce
        self.index = start
        self.condition = threading.Condition()
        self.paused = False
        self.stopped = False
        self.restart = False
        # Set to interrupt a voice that speaks by itself (pause, repeat, stop).
        self.interrupt = threading.Event()


class SentencePlayer:
    """Plays one reading at a time; a new `play` stops the one before."""

    def __init__(
        self,
        output: Callable[[], AudioOutput],
        on_event: Callable[[PlayerEvent], None] = lambda _event: None,
        *,
        rate: float = 1.0,
    ) -> None:
        self._output = output
        self._on_event = on_event
        self.rate = rate  # read at every sentence: a change applies from the next one
        self._reading: _Reading | None = None
        self.thread: threading.Thread | None = None

    # --- asked by the user (any thread) -------------------------------------------------------

    def play(
        self,
        sentences: Sequence[SpokenSentence],
        voice: Callable[[], Voice],
        start: int = 0,
        *,
        on_event: Callable[[PlayerEvent], None] | None = None,
    ) -> None:
        """Read `sentences` from number `start` with the voice `voice()` opens (on the audio
        thread: finding a system voice may start programs). This reading's announcements go to
        `on_event` if given, else to the player's."""
        self.stop()
        if not sentences:
            return
        reading = _Reading(sentences, voice, start, on_event or self._on_event)
        self._reading = reading
        self.thread = threading.Thread(
            target=self._run, args=(reading,), name="reader-speech", daemon=True
        )
        self.thread.start()

    @property
    def state(self) -> str:
        """ "playing", "paused" or "stopped"."""
        reading = self._reading
        if reading is None or reading.stopped or self.thread is None or not self.thread.is_alive():
            return "stopped"
        return "paused" if reading.paused else "playing"

    def pause(self) -> None:
        self._change(paused=True)

    def resume(self) -> None:
        self._change(paused=False)

    def repeat(self) -> None:
        """Say the current sentence again from its start."""
        self._change(restart=True, paused=False)

    def stop(self, wait: float = JOIN_TIMEOUT_S) -> None:
        """Stop and wait (up to `wait` seconds) for the audio thread to end."""
        self._change(stopped=True, paused=False)
        thread = self.thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(wait)
            if thread.is_alive():
                log.warning("the speech thread did not stop within %.1f s", wait)

    def _change(self, **flags: bool) -> None:
        reading = self._reading
        if reading is None:
            return
        with reading.condition:
            for name, value in flags.items():
                setattr(reading, name, value)
            if flags.get("paused") or flags.get("restart") or flags.get("stopped"):
                reading.interrupt.set()
            reading.condition.notify_all()

    # --- the audio thread ---------------------------------------------------------------------

    def _run(self, reading: _Reading) -> None:
        stream: AudioStream | None = None
        try:
            voice = reading.open_voice()
            output = self._output() if voice.writes_audio else None
            while reading.index < len(reading.sentences) and not reading.stopped:
                sentence = reading.sentences[reading.index]
                with reading.condition:
                    reading.restart = False
                    reading.interrupt.clear()
                reading.announce(SentenceStarted(reading.index, sentence))
                if output is not None:
                    speech = voice.synthesize(sentence.text, self.rate)
                    stream = stream or output.open(speech.sample_rate)
                    done = self._play_audio(reading, stream, speech)
                else:
                    done = self._speak(reading, voice, sentence.text)
                if done:
                    reading.index += 1
        except ReaderError as error:  # no audio device, a voice that is gone: say so
            self._end(stream, reading, failure=str(error))
            return
        except Exception as error:  # a bug: logged with its traceback, one line for the user
            log.exception("reading aloud failed")
            self._end(stream, reading, failure=f"speech failed ({type(error).__name__})")
            return
        self._end(stream, reading)

    def _play_audio(self, reading: _Reading, stream: AudioStream, speech: Speech) -> bool:
        """Write the sentence and the pause after it; False when it is to be said again."""
        gap = Speech(silence(PAUSE_BETWEEN_SENTENCES_S, speech.sample_rate), speech.sample_rate)
        for part in (speech, gap):
            for _frame, piece in part.chunks(PIECE_S):
                if not self._wait_while_paused(reading, stream):
                    return False
                stream.write(piece)
        return True

    def _speak(self, reading: _Reading, voice: Voice, text: str) -> bool:
        """A voice that plays by itself: pausing interrupts it, resuming says it again."""
        if not self._wait_while_paused(reading, None):
            return False
        voice.speak(text, self.rate, reading.interrupt)
        with reading.condition:
            return not (reading.interrupt.is_set() or reading.restart)

    def _wait_while_paused(self, reading: _Reading, stream: AudioStream | None) -> bool:
        """Block while paused; False when the sentence is to be restarted or reading stopped."""
        with reading.condition:
            if reading.paused and not reading.stopped:
                if stream is not None:
                    stream.pause()
                while reading.paused and not reading.stopped:
                    reading.condition.wait()
                if stream is not None and not reading.stopped:
                    stream.resume()
            return not (reading.stopped or reading.restart)

    def _end(
        self, stream: AudioStream | None, reading: _Reading, failure: str | None = None
    ) -> None:
        try:
            if stream is not None:
                if reading.stopped or failure:
                    stream.abort()
                else:
                    stream.finish()
        except Exception as error:  # the device went away while closing: nothing left to do
            log.warning("closing the audio stream failed: %s", error)
        if failure is not None:
            reading.announce(ReadingFailed(failure))
        else:
            reading.announce(ReadingFinished(completed=not reading.stopped))
