"""Reading the article aloud: Play/Pause/Stop, speed, and the sentence being said highlighted.

A bar under the reading view starts reading from the sentence at the text cursor (where the
learner last clicked in the German text), or reads the selection. The German sentence being said
and its English counterpart are shaded; the view follows them. F8 plays and pauses, F9 says the
current sentence again, Escape stops. The word card's speaker button asks for one word through
`events.SAY_TEXT`.

The audio runs on the player's own thread (`reader.speech.player`); its announcements come back
to the Tk thread through the window's call queue, tagged with the reading they belong to, so a
stopped reading never moves the highlight again. Closing the window stops the audio thread.
"""

from __future__ import annotations

import functools
import logging
import tkinter as tk
from collections.abc import Callable
from tkinter import ttk
from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.gui import events
from reader.gui.background import ArticleToken, Outcome
from reader.gui.state import ReaderState
from reader.gui.theme import palette
from reader.gui.tooltip import attach_tooltip
from reader.settings import MIN_SPEECH_RATE, clamp_speech_rate
from reader.speech import SpokenSentence, open_voice, sentences_between, sentences_from, voice_name
from reader.speech.output import AudioOutput, default_output
from reader.speech.player import (
    PlayerEvent,
    ReadingFailed,
    ReadingFinished,
    SentencePlayer,
    SentenceStarted,
)

if TYPE_CHECKING:
    from reader.gui.app import ReaderWindow
    from reader.gui.reading_view import ReadingView

log = logging.getLogger(__name__)

SPOKEN_TAG = "spoken"
PROBE_DELAY_MS = 1500  # look for an audio output once the window and article are up
RATES = [round(MIN_SPEECH_RATE + step / 10, 1) for step in range(11)]
PLAY, PAUSE, RESUME = "▶ Listen", "‖ Pause", "▶ Resume"


def setup(window: ReaderWindow) -> ReadingAloud:
    """The bar under the reading view, the Speech menu, F8/F9/Escape, and clean-up on close."""
    bar = ReadingAloud(
        window.reading_frame,
        window.state,
        window.reading_view,
        window.services.audio_output or default_output,
    )
    bar.pack(side="bottom", fill="x", before=window.reading_view)
    menu = window.menu("Speech")
    menu.add_command(label="Listen / Pause", accelerator="F8", command=bar.play_or_pause)
    menu.add_command(label="Repeat Sentence", accelerator="F9", command=bar.repeat)
    menu.add_command(label="Stop Reading", accelerator="Esc", command=bar.stop)
    menu.add_separator()
    menu.add_command(label="Slower", command=lambda: bar.change_rate(-0.1))
    menu.add_command(label="Faster", command=lambda: bar.change_rate(+0.1))
    window.bind_key("<F8>", bar.play_or_pause)
    window.bind_key("<F9>", bar.repeat)
    window.on_escape(bar.stop_if_reading)
    window.on_close(bar.close)
    window.root.after(PROBE_DELAY_MS, bar.probe_output)
    return bar


class ReadingAloud(ttk.Frame):
    def __init__(
        self,
        master: tk.Misc,
        state: ReaderState,
        view: ReadingView,
        output: Callable[[], AudioOutput],
    ) -> None:
        super().__init__(master, padding=(12, 6, 12, 6))
        self.shared = state
        self.view = view
        self.player = SentencePlayer(output, rate=clamp_speech_rate(state.settings.speech_rate))
        self._output = output
        self._token: ArticleToken | None = None
        self.sentences: tuple[SpokenSentence, ...] = ()
        self.current: int | None = None  # index into `sentences` of the one being said
        self.spoken_log: list[SpokenSentence] = []  # every sentence started, in order
        self.unavailable: str | None = None  # why nothing can be played, once known
        self._build()
        self._configure_tag()
        state.on(events.ARTICLE_LOADED, self._article_loaded)
        state.on(events.SETTINGS_CHANGED, self._settings_changed)
        state.on_data(events.SAY_TEXT, events.SayText, lambda said: self.say(said.text))

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.play_button = ttk.Button(self, text=PLAY, width=10, command=self.play_or_pause)
        self.play_button.pack(side="left")
        attach_tooltip(self.play_button, "Read aloud from the cursor or the selection (F8)")
        self.stop_button = ttk.Button(self, text="■", width=3, command=self.stop, state="disabled")
        self.stop_button.pack(side="left", padx=(6, 0))
        attach_tooltip(self.stop_button, "Stop reading (Esc)")
        self.repeat_button = ttk.Button(self, text="↺", width=3, command=self.repeat)
        self.repeat_button.pack(side="left", padx=(6, 0))
        attach_tooltip(self.repeat_button, "Say the sentence again (F9)")
        self.rate_var = tk.StringVar(self, _rate_label(self.player.rate))
        self.rate_box = ttk.Combobox(
            self,
            textvariable=self.rate_var,
            values=[_rate_label(rate) for rate in RATES],
            width=5,
            state="readonly",
        )
        self.rate_box.pack(side="left", padx=(12, 0))
        attach_tooltip(self.rate_box, "Speed: 0.5× to 1.5× normal")
        self.rate_box.bind("<<ComboboxSelected>>", self._rate_chosen, add=True)
        # One line for the voice, the progress or why nothing can be played: in a narrow window
        # it is the last thing clipped, after the buttons.
        self.message = ttk.Label(self, text="", style="Muted.TLabel", anchor="w")
        self.message.pack(side="left", fill="x", expand=True, padx=(14, 0))
        self._say_message("")

    def _configure_tag(self) -> None:
        colour = palette(self.shared.settings.theme).spoken
        for text in (self.view.german, self.view.english):
            text.tag_configure(SPOKEN_TAG, background=colour)
            text.tag_raise(SPOKEN_TAG)

    def _article_loaded(self) -> None:
        self.stop()
        self.spoken_log = []
        # Filling the text left the cursor at its end; reading starts at the top.
        self.view.german.mark_set("insert", "1.0")

    def _settings_changed(self) -> None:
        self._configure_tag()
        if self.unavailable is None and self.player.state == "stopped":
            self._say_message("")
        rate = clamp_speech_rate(self.shared.settings.speech_rate)
        self.player.rate = rate
        self.rate_var.set(_rate_label(rate))

    @property
    def voice_name(self) -> str:
        return voice_name(self.shared.settings.speech_voice)

    # --- actions ----------------------------------------------------------------------------

    def play_or_pause(self) -> None:
        state = self.player.state
        if state == "playing":
            self.player.pause()
            self.play_button.configure(text=RESUME)
        elif state == "paused":
            self.player.resume()
            self.play_button.configure(text=PAUSE)
        else:
            self.play()

    def play(self) -> None:
        """Read from the sentence at the text cursor, or the selection, to the end."""
        session = self.shared.session
        if session is None:
            return
        sentences = self.sentences_to_read(session.document.paragraphs)
        if not sentences:
            self._say_message("Nothing to read here.")
            return
        self._start(sentences)

    def sentences_to_read(self, paragraphs: tuple[str, ...]) -> list[SpokenSentence]:
        german = self.view.german
        selection = german.tag_ranges("sel")
        if selection:
            first, last = (_position(german.index(str(i))) for i in (selection[0], selection[1]))
            return sentences_between(paragraphs, first, last)
        paragraph, offset = _position(german.index("insert"))
        # Past the last sentence, Play starts again from the top.
        return sentences_from(paragraphs, paragraph, offset) or sentences_from(paragraphs, 0)

    def say(self, text: str) -> None:
        """Say a word or phrase once (no highlighting: it is not a sentence of the article)."""
        text = text.strip()
        if text:
            self._start([SpokenSentence(-1, 0, len(text), text)])

    def _start(self, sentences: list[SpokenSentence]) -> None:
        self._forget_reading()
        self.sentences = tuple(sentences)
        self.current = None
        self.spoken_log = []
        self._token = token = ArticleToken("reading aloud")
        voice_id = self.shared.settings.speech_voice
        self.player.rate = clamp_speech_rate(self.shared.settings.speech_rate)
        self.player.play(
            sentences,
            functools.partial(open_voice, voice_id),
            on_event=lambda event: self.shared.calls.post(
                token, functools.partial(self._show, event)
            ),
        )
        self.play_button.configure(text=PAUSE)
        self.stop_button.configure(state="normal")
        self._say_message("Reading…")

    def repeat(self) -> None:
        """Say the current sentence again; after reading stopped, the last one said."""
        if self.player.state != "stopped":
            self.player.repeat()
            self.play_button.configure(text=PAUSE)
        elif self.spoken_log and self.spoken_log[-1].paragraph >= 0:
            self._start([self.spoken_log[-1]])

    def stop(self) -> None:
        self._forget_reading()
        self._clear_highlight()
        self.play_button.configure(text=PLAY)
        self.stop_button.configure(state="disabled")
        if self.unavailable is None:
            self._say_message("")

    def stop_if_reading(self) -> bool:
        if self.player.state == "stopped":
            return False
        self.stop()
        return True

    def close(self) -> None:
        """The window closes: the audio thread ends before the window goes."""
        self._forget_reading()

    def _forget_reading(self) -> None:
        if self._token is not None:
            self._token.close()  # whatever the old reading still announces is dropped
            self._token = None
        self.player.stop()

    def change_rate(self, step: float) -> None:
        rate = clamp_speech_rate(self.shared.settings.speech_rate + step)
        if rate != self.shared.settings.speech_rate:
            self.shared.update_settings(speech_rate=rate)

    def _rate_chosen(self, _event: tk.Event[tk.Misc]) -> None:
        rate = clamp_speech_rate(float(self.rate_var.get().rstrip("×")))
        self.rate_box.selection_clear()
        if rate != self.shared.settings.speech_rate:
            self.shared.update_settings(speech_rate=rate)

    # --- what the player says (on the Tk thread) ----------------------------------------------

    def _show(self, event: PlayerEvent) -> None:
        if isinstance(event, SentenceStarted):
            self.unavailable = None  # it plays after all (a device was plugged in)
            self.current = event.index
            self.spoken_log.append(event.sentence)
            self._highlight(event.sentence)
            if event.sentence.paragraph >= 0:
                count = len(self.sentences)
                self._say_message(f"Sentence {event.index + 1} of {count} · {self.voice_name}")
        elif isinstance(event, ReadingFinished):
            self._token = None
            self._clear_highlight()
            self.play_button.configure(text=PLAY)
            self.stop_button.configure(state="disabled")
            self._say_message("")
        elif isinstance(event, ReadingFailed):
            self._token = None
            self._clear_highlight()
            self.play_button.configure(text=PLAY)
            self.stop_button.configure(state="disabled")
            self._unavailable(event.reason)

    def _highlight(self, sentence: SpokenSentence) -> None:
        self._clear_highlight()
        if sentence.paragraph < 0:
            return
        german, english = self.view.german, self.view.english
        line = sentence.paragraph + 1
        start, end = f"{line}.{sentence.start}", f"{line}.{sentence.end}"
        german.tag_add(SPOKEN_TAG, start, end)
        # The text cursor follows the reading: Play after Stop goes on from here.
        german.mark_set("insert", start)
        for first, last in _english_ranges(self.view, sentence):
            english.tag_add(SPOKEN_TAG, first, last)
        if not _fully_shown(german, start, f"{end} -1c"):
            # The sentence goes to the top, so the next ones can be followed without a jump.
            self.view.scrolling.show(german, start, at_top=True)

    def _clear_highlight(self) -> None:
        for text in (self.view.german, self.view.english):
            text.tag_remove(SPOKEN_TAG, "1.0", "end")

    # --- availability -------------------------------------------------------------------------

    def probe_output(self) -> None:
        """Find out in the background whether anything can be played, and say so if not; the
        chosen voice is loaded meanwhile, so the first Play speaks at once."""
        voice_id = self.shared.settings.speech_voice

        def prepare() -> AudioOutput:
            try:
                if voice_id.startswith("espeak:"):  # system voices are found when first used
                    open_voice(voice_id).synthesize("", 1.0)
            except ReaderError as error:  # said again, to the user, when Play is pressed
                log.info("the voice %s is not ready: %s", voice_id, error)
            return self._output()

        said_before = self.shared.statuses_shown

        def probed(outcome: Outcome[AudioOutput]) -> None:
            if outcome.error is not None:
                # The learner asked for nothing: what the status bar said meanwhile (a
                # translation cancelled, an article opened) stays.
                newer = self.shared.statuses_shown != said_before
                self._unavailable(str(outcome.error), in_status_bar=not newer)
            elif outcome.value is not None:
                log.info("speech plays through %s", outcome.value.name)
                self.unavailable = None

        self.shared.calls.run_in_thread(None, prepare, probed, name="audio-probe")

    def _unavailable(self, reason: str, *, in_status_bar: bool = True) -> None:
        """Say why nothing can be played: the first reason in the bar, all of them in the
        status bar and the log."""
        self.unavailable = reason
        log.warning("speech unavailable: %s", reason)
        first = reason.split("; ")[0].split(" (")[0]
        self._say_message(f"Speech unavailable: {first}")
        if in_status_bar:
            self.shared.set_status(f"Speech is unavailable: {reason}.")

    def _say_message(self, text: str) -> None:
        """Show `text`; an empty one shows the voice that will read."""
        self.message.configure(text=text or self.voice_name)


def _rate_label(rate: float) -> str:
    return f"{rate:.1f}×"


def _position(index: str) -> tuple[int, int]:
    """A Text index "line.column" as (paragraph, offset)."""
    line, column = index.split(".")
    return int(line) - 1, int(column)


def _fully_shown(text: tk.Text, first: str, last: str) -> bool:
    """Whether the lines from `first` to `last` are all inside the widget."""
    top, bottom = text.dlineinfo(first), text.dlineinfo(last)
    if top is None or bottom is None:
        return False
    return top[1] >= 0 and bottom[1] + bottom[3] <= text.winfo_height()


def _english_ranges(view: ReadingView, sentence: SpokenSentence) -> list[tuple[str, str]]:
    """Where the English of `sentence` stands: its sentence pair's English, else (a paragraph
    translated without pairs) the whole English paragraph."""
    line = sentence.paragraph + 1
    middle = (sentence.start + sentence.end) // 2
    pair = view.english_column.sentence_at(view.german, sentence.paragraph, middle)
    if pair is not None:
        return [
            (start, end) for text, start, end in view.sentence_ranges(pair) if text is view.english
        ]
    if sentence.paragraph in view.english_column.texts:  # translated, and not a note
        return [(f"{line}.0", f"{line}.end")]
    return []
