"""Reading aloud in the real window, through a null audio sink: the highlighted sentence moves
through the article in order, on both sides; pause, repeat, stop and closing end the audio."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.gui import events
from reader.gui.app import ReaderWindow
from reader.gui.reading_aloud import PAUSE, PLAY, RESUME, SPOKEN_TAG
from reader.gui.services import WindowServices
from reader.language.sentences import sentence_spans
from reader.speech import AudioUnavailable
from reader.speech.output import NullOutput
from reader.translation import ParagraphTranslation
from tests.fixtures_builders import sentence_pairs
from tests.gui.conftest import ARTICLE, WindowFactory, open_article, wait_until
from tests.gui.test_word_card import double_click

pytestmark = pytest.mark.gui


def speaking_window(make_window: WindowFactory, sink: NullOutput) -> ReaderWindow:
    return make_window(services=WindowServices(word_translator=None, audio_output=lambda: sink))


def spoken(window: ReaderWindow, text_widget: str = "german") -> str:
    text = getattr(window.reading_view, text_widget)
    ranges = text.tag_ranges(SPOKEN_TAG)
    return " ".join(text.get(a, b) for a, b in zip(ranges[::2], ranges[1::2], strict=True))


def sentence_texts(paragraph: str) -> list[str]:
    return [paragraph[a:b] for a, b in sentence_spans(paragraph)]


def expected_sentences() -> list[str]:
    paragraphs = ARTICLE.split("\n\n")
    return [p[a:b] for p in paragraphs for a, b in sentence_spans(p)]


def test_highlight_follows_the_sentences_in_order(
    make_window: WindowFactory, article_file: Path
) -> None:
    sink = NullOutput(pace=0.05)  # a twentieth of real time: quick, but each sentence takes a while
    window = speaking_window(make_window, sink)
    open_article(window, article_file)
    bar = window.reading_aloud
    seen: list[str] = []

    def record() -> bool:
        current = spoken(window)
        if current and (not seen or seen[-1] != current):
            seen.append(current)
        return bar.player.state == "stopped" and bar.play_button.cget("text") == PLAY

    window.root.event_generate("<F8>")  # from the start: the cursor is at the beginning
    wait_until(window.root, lambda: bar.player.state == "playing", what="reading to start")
    assert str(bar.play_button.cget("text")) == PAUSE
    wait_until(window.root, record, timeout=30, what="the article to be read")
    assert seen == expected_sentences()
    assert [s.text for s in bar.spoken_log] == expected_sentences()
    assert spoken(window) == ""  # the highlight goes when reading ends
    assert len(sink.streams) == 1 and sink.streams[0].state == "finished"
    assert len(sink.written) > 0


def test_english_counterpart_is_highlighted(make_window: WindowFactory, article_file: Path) -> None:
    sink = NullOutput(pace=1.0)  # real time: the test looks while the first sentence is said
    window = speaking_window(make_window, sink)
    open_article(window, article_file)
    session = window.state.session
    assert session is not None
    german = session.document.paragraphs[0]
    english = ["In the Bundestag the budget is argued over today.", "The opposition objects."]
    pairs = sentence_pairs(german, list(zip(sentence_texts(german), english, strict=True)))
    session.translations[0] = ParagraphTranslation(
        index=0, source=german, translation=" ".join(english), error=None, sentences=pairs
    )
    window.state.emit(events.TRANSLATION_PROGRESS, events.TranslationProgress(None))
    window.root.update()
    bar = window.reading_aloud
    bar.play()
    wait_until(window.root, lambda: spoken(window) != "", what="the first sentence")
    assert spoken(window) == "Im Bundestag wird heute über den Haushalt gestritten."
    assert spoken(window, "english") == english[0]
    bar.stop()
    assert spoken(window) == "" and spoken(window, "english") == ""


def test_reading_starts_at_the_cursor_or_reads_the_selection(
    make_window: WindowFactory, article_file: Path
) -> None:
    sink = NullOutput(pace=1.0)
    window = speaking_window(make_window, sink)
    open_article(window, article_file)
    german = window.reading_view.german
    bar = window.reading_aloud
    # A click inside "Der Finanzminister lehnt das ab." puts the text cursor there.
    column = ARTICLE.split("\n\n")[1].index("Finanzminister")
    german.see(f"2.{column}")
    x, y, _width, height = german.bbox(f"2.{column}")
    german.event_generate("<ButtonPress-1>", x=x + 1, y=y + height // 2)
    german.event_generate("<ButtonRelease-1>", x=x + 1, y=y + height // 2)
    assert german.index("insert") == f"2.{column}"
    bar.play()
    wait_until(window.root, lambda: spoken(window) != "", what="reading from the cursor")
    assert spoken(window) == "Der Finanzminister lehnt das ab."
    assert [s.text for s in bar.sentences][-1] == "Eine Einigung ist nicht in Sicht."
    bar.stop()
    phrase = "wird heute über den Haushalt"
    start = ARTICLE.index(phrase)
    german.tag_add("sel", f"1.{start}", f"1.{start + len(phrase)}")
    bar.play()
    wait_until(window.root, lambda: spoken(window) != "", what="reading the selection")
    assert spoken(window) == phrase
    assert len(bar.sentences) == 1


def test_pause_resume_repeat_and_stop(make_window: WindowFactory, article_file: Path) -> None:
    sink = NullOutput(pace=1.0)
    window = speaking_window(make_window, sink)
    open_article(window, article_file)
    bar = window.reading_aloud
    bar.play()
    wait_until(window.root, lambda: bar.current == 0, what="the first sentence")
    bar.play_or_pause()
    assert bar.player.state == "paused" and str(bar.play_button.cget("text")) == RESUME
    wait_until(window.root, lambda: sink.streams[0].state == "paused", what="the output to pause")
    written = len(sink.written)
    window.root.after(300, lambda: None)
    wait_until(window.root, lambda: True)
    threading.Event().wait(0.3)
    assert len(sink.written) == written  # nothing is played while paused
    bar.play_or_pause()
    assert bar.player.state == "playing"
    wait_until(window.root, lambda: len(sink.written) > written, what="playing to go on")
    window.root.event_generate("<F9>")  # the sentence again
    wait_until(window.root, lambda: len(bar.spoken_log) == 2, what="the sentence to restart")
    assert bar.spoken_log[0] == bar.spoken_log[1]
    thread = bar.player.thread
    assert thread is not None and thread.is_alive()
    window.root.event_generate("<Escape>")
    assert not thread.is_alive()  # stop waits for the audio thread
    assert sink.streams[0].state == "aborted"
    assert bar.player.state == "stopped" and spoken(window) == ""


def test_closing_the_window_ends_the_audio_thread(
    make_window: WindowFactory, article_file: Path
) -> None:
    sink = NullOutput(pace=1.0)
    window = speaking_window(make_window, sink)
    open_article(window, article_file)
    window.reading_aloud.play()
    wait_until(window.root, lambda: window.reading_aloud.current == 0, what="reading to start")
    thread = window.reading_aloud.player.thread
    assert thread is not None and thread.is_alive()
    window.close()
    assert not thread.is_alive()
    assert sink.streams[0].state == "aborted"


def test_opening_another_article_stops_reading(
    make_window: WindowFactory, article_file: Path
) -> None:
    sink = NullOutput(pace=1.0)
    window = speaking_window(make_window, sink)
    open_article(window, article_file)
    bar = window.reading_aloud
    bar.play()
    wait_until(window.root, lambda: bar.current == 0, what="reading to start")
    window.opener.open_sample()
    wait_until(window.root, lambda: bar.player.state == "stopped", what="reading to stop")
    assert spoken(window) == ""


def test_the_word_card_says_the_word(make_window: WindowFactory, article_file: Path) -> None:
    sink = NullOutput()
    window = speaking_window(make_window, sink)
    open_article(window, article_file)
    double_click(window, "Bundestag")
    card = window.word_card
    wait_until(window.root, lambda: card.is_open and card.context is not None, what="the card")
    assert card.context is not None and card.context.word == "Bundestag"
    card.say_button.invoke()
    bar = window.reading_aloud
    wait_until(window.root, lambda: bar.spoken_log, what="the word to be said")
    wait_until(window.root, lambda: str(bar.play_button.cget("text")) == PLAY, what="the end")
    assert [s.text for s in bar.spoken_log] == ["Bundestag"]
    assert sink.streams[0].state == "finished" and len(sink.written) > 0
    assert spoken(window) == ""  # a word from the card is not an article sentence


def test_speed_is_a_setting(make_window: WindowFactory) -> None:
    window = speaking_window(make_window, NullOutput())
    bar = window.reading_aloud
    bar.rate_var.set("0.7×")
    bar.rate_box.event_generate("<<ComboboxSelected>>")
    assert window.state.settings.speech_rate == 0.7
    assert bar.player.rate == 0.7
    bar.change_rate(+10)
    assert window.state.settings.speech_rate == 1.5 and bar.rate_var.get() == "1.5×"


def test_without_audio_the_window_says_why(make_window: WindowFactory, article_file: Path) -> None:
    def no_audio() -> NullOutput:
        raise AudioUnavailable("no audio output device (test)")

    window = make_window(services=WindowServices(word_translator=None, audio_output=no_audio))
    open_article(window, article_file)
    bar = window.reading_aloud
    bar.probe_output()
    wait_until(window.root, lambda: bar.unavailable is not None, what="the probe")
    # The bar says it short, the status bar in full.
    assert str(bar.message.cget("text")) == "Speech unavailable: no audio output device"
    assert "Speech is unavailable: no audio output device (test)" in str(window.status.cget("text"))
    bar.play()  # pressing Play anyway: the same message, nothing crashes
    wait_until(window.root, lambda: bar.player.state == "stopped")
    wait_until(window.root, lambda: str(bar.play_button.cget("text")) == PLAY)
    assert str(bar.message.cget("text")) == "Speech unavailable: no audio output device"


def test_a_late_probe_leaves_a_newer_status(make_window: WindowFactory) -> None:
    probing = threading.Event()

    def no_audio_after_a_while() -> NullOutput:
        probing.wait(5)
        raise AudioUnavailable("no audio output device (test)")

    window = make_window(
        services=WindowServices(word_translator=None, audio_output=no_audio_after_a_while)
    )
    bar = window.reading_aloud
    bar.probe_output()
    window.state.set_status("Translation cancelled.")  # said while the probe looked
    probing.set()
    wait_until(window.root, lambda: bar.unavailable is not None, what="the probe")
    assert str(bar.message.cget("text")) == "Speech unavailable: no audio output device"
    assert str(window.status.cget("text")) == "Translation cancelled."


def test_settings_offer_the_voices(make_window: WindowFactory, tmp_path: Path) -> None:
    from reader.gui.settings_dialog import SettingsDialog
    from reader.settings import load_settings

    window = speaking_window(make_window, NullOutput())
    dialog = SettingsDialog(window.root, window.state)
    assert dialog.voice.get() == "eSpeak NG German (bundled)"
    wait_until(
        window.root,
        lambda: "Looking" not in str(dialog.voice_note.cget("text")),
        what="the system's voices",
    )
    names = list(dialog.voice_box.cget("values"))
    assert names[:3] == [
        "eSpeak NG German (bundled)",
        "eSpeak NG German, female",
        "eSpeak NG German, deeper",
    ]
    dialog.voice.set("eSpeak NG German, female")
    dialog.ok()
    window.root.update()
    assert window.state.settings.speech_voice == "espeak:de+f3"
    assert str(window.reading_aloud.message.cget("text")) == "eSpeak NG German, female"
    path = tmp_path / "settings.json"
    wait_until(window.root, lambda: load_settings(path).speech_voice == "espeak:de+f3")
