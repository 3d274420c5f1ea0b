"""The word card in the real window: double-click a German word, read the card, save the word."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.dictionary.store import BUILD_HINT as BUILD_DICTIONARY_HINT
from reader.dictionary.store import Dictionary
from reader.dictionary.vocabulary import Vocabulary
from reader.gui import events, vocabulary_window, word_card
from reader.gui.app import ReaderWindow
from reader.gui.reading_view import LOOKED_UP_TAG
from reader.gui.services import WindowServices
from reader.gui.word_card import WordCardPanel
from reader.gui.word_card_text import NO_DICTIONARY
from reader.gui.word_context import TextTranslator
from reader.translation import ParagraphTranslation
from tests.fixtures_builders import ding_dictionary, sentence_pairs
from tests.gui.conftest import WindowFactory, open_article, wait_until

pytestmark = pytest.mark.gui

# Ding-format lines written for these tests.
DING_LINES = """\
# a small dictionary for the word card tests
Haushalt {m} | Haushalte {pl} :: budget | budgets
Streit {m} | Streite {pl} :: dispute; quarrel | disputes; quarrels
Regierung {f} [pol.] | Regierungen {pl} :: government | governments
ablehnen {vt} | ablehnend | abgelehnt :: to reject; to turn down | rejecting | rejected
lehnen {vi} | lehnend | gelehnt :: to lean | leaning | leant
Schuld {f} | Schulden {pl} :: debt | debts
Einigung {f} | Einigungen {pl} :: agreement | agreements
"""

STORY = (
    "Der Haushaltsstreit geht in die nächste Runde. Die Regierung sucht eine Einigung.\n\n"
    "Der Kassenwart lehnt neue Schulden ab. Niemand weiß, wie es weitergeht."
)
STORY_ENGLISH = {
    0: [
        ("Der Haushaltsstreit geht in die nächste Runde.", "The budget dispute goes on."),
        ("Die Regierung sucht eine Einigung.", "The government is looking for an agreement."),
    ],
    1: [
        ("Der Kassenwart lehnt neue Schulden ab.", "The treasurer rejects new debt."),
        ("Niemand weiß, wie es weitergeht.", "Nobody knows what happens next."),
    ],
}

_click_times = itertools.count(start=10_000, step=5_000)


@pytest.fixture
def dictionary(tmp_path: Path) -> Iterator[Dictionary]:
    yield from ding_dictionary(DING_LINES, tmp_path / "dictionary.sqlite")


@dataclass
class FakeProvider:
    """Answers like a translation provider would, and remembers what it was asked."""

    answers: dict[str, str]
    delay: float = 0.0
    asked: list[str] | None = None
    on_thread: list[bool] | None = None
    gate: threading.Event | None = None  # when given, no answer before it is set

    def __call__(self, text: str) -> str | None:
        (self.asked if self.asked is not None else []).append(text)
        if self.on_thread is not None:
            self.on_thread.append(threading.current_thread() is threading.main_thread())
        if self.gate is not None:
            self.gate.wait(timeout=10)
        time.sleep(self.delay)
        if text not in self.answers:
            raise ConnectionError("offline")
        return self.answers[text]


@dataclass
class CardWindow:
    window: ReaderWindow
    card: WordCardPanel
    access: vocabulary_window.VocabularyAccess
    vocabulary_path: Path


@pytest.fixture
def story_file(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def card_window(
    make_window: WindowFactory,
    story_file: Path,
    *,
    dictionary: Callable[[], Dictionary | None],
    translator: TextTranslator | None,
    exports: list[str] | None = None,
) -> CardWindow:
    vocabulary_path = make_window.tmp_path / "vocabulary.sqlite"
    answers = list(exports or [])
    window = make_window(
        services=WindowServices(
            dictionary=dictionary,
            word_translator=translator,
            vocabulary=lambda: Vocabulary(vocabulary_path),
            ask_save_path=lambda *_: answers.pop(0) if answers else None,
        )
    )
    card, access = window.word_card, window.vocabulary_access
    open_article(window, story_file)
    return CardWindow(window, card, access, vocabulary_path)


def add_story_translation(window: ReaderWindow) -> None:
    """Deliver the English for both paragraphs, as the translation bar does."""
    session = window.state.session
    assert session is not None
    for index, pairs in STORY_ENGLISH.items():
        session.translations[index] = ParagraphTranslation(
            index=index,
            source=session.document.paragraphs[index],
            translation=" ".join(english for _, english in pairs),
            error=None,
            sentences=sentence_pairs(session.document.paragraphs[index], pairs),
        )
    window.state.emit(events.TRANSLATION_PROGRESS, events.TranslationProgress(None))
    window.root.update()


def double_click(window: ReaderWindow, word: str) -> None:
    """Double-click the middle of `word` in the German text, as the pointer would."""
    german = window.reading_view.german
    index = german.search(rf"\m{word}\M", "1.0", regexp=True)
    assert index, f"{word} is not in the German text"
    middle = f"{index}+{len(word) // 2}c"
    german.see(middle)
    window.root.update()
    box = german.bbox(middle)
    assert box is not None
    x, y = box[0] + box[2] // 2, box[1] + box[3] // 2
    first = next(_click_times)
    for moment in (first, first + 120):  # two clicks within Tk's double-click time
        german.event_generate("<ButtonPress-1>", x=x, y=y, time=moment)
        german.event_generate("<ButtonRelease-1>", x=x, y=y, time=moment + 30)
    window.root.update()


def card_text(card: WordCardPanel) -> str:
    return card.text.get("1.0", "end-1c")


def wait_for_card(window: ReaderWindow, card: WordCardPanel, *, translated: bool = True) -> None:
    wait_until(window.root, lambda: card.card is not None, what="the word card")
    if translated:
        wait_until(window.root, lambda: card.provider_answer is not None, what="the provider")


def test_double_clicking_a_word_opens_its_card(
    make_window: WindowFactory, story_file: Path, dictionary: Dictionary
) -> None:
    fake = FakeProvider(
        {"Regierung": "government", "Die Regierung sucht eine Einigung.": "They seek a deal."},
        asked=[],
        on_thread=[],
    )
    shown = card_window(make_window, story_file, dictionary=lambda: dictionary, translator=fake)
    window, card = shown.window, shown.card
    assert not card.is_open

    double_click(window, "Regierung")
    wait_for_card(window, card)

    assert card.is_open and card.winfo_ismapped()
    assert card.word_label.cget("text") == "Regierung"
    assert card.grammar_label.cget("text") == "die Regierung  ·  plural die Regierungen"
    text = card_text(card)
    assert "Regierung {f} [pol.]\ngovernment" in text
    assert "MACHINE TRANSLATION\ngovernment" in text
    assert "Die Regierung sucht eine Einigung." in text
    # Without a translation of the paragraph, the provider is asked for the sentence too.
    assert fake.asked == ["Regierung", "Die Regierung sucht eine Einigung."]
    assert "They seek a deal." in text
    # The provider was asked on worker threads, never on the Tk thread.
    assert fake.on_thread == [False, False]

    strong = card.text.tag_ranges("strong")
    assert card.text.get(strong[0], strong[1]) == "Regierung "  # the entry's headword in bold
    # The word stays framed in the German text while its card is open.
    german = window.reading_view.german
    framed = german.tag_ranges(LOOKED_UP_TAG)
    assert german.get(framed[0], framed[1]) == "Regierung"

    card.close_button.invoke()
    assert not card.is_open
    assert german.tag_ranges(LOOKED_UP_TAG) == ()


def test_choosing_a_glossary_term_uncovers_the_glossary_panel(
    make_window: WindowFactory, story_file: Path, dictionary: Dictionary
) -> None:
    shown = card_window(make_window, story_file, dictionary=lambda: dictionary, translator=None)
    double_click(shown.window, "Einigung")
    wait_for_card(shown.window, shown.card)
    session = shown.window.state.session
    assert session is not None and session.terms

    shown.window.reading_view.select_term(0)
    shown.window.root.update()

    assert not shown.card.is_open
    assert shown.window.glossary_panel.winfo_ismapped()


def test_the_card_shows_the_sentence_in_english_from_the_translation(
    make_window: WindowFactory, story_file: Path, dictionary: Dictionary
) -> None:
    fake = FakeProvider({"Einigung": "agreement"})
    shown = card_window(make_window, story_file, dictionary=lambda: dictionary, translator=fake)
    add_story_translation(shown.window)

    double_click(shown.window, "Einigung")
    wait_for_card(shown.window, shown.card)

    text = card_text(shown.card)
    assert "SENTENCE\nDie Regierung sucht eine Einigung.\n" in text
    assert "The government is looking for an agreement." in text
    # The word itself is marked inside its sentence.
    marked = shown.card.text.tag_ranges("word")
    assert shown.card.text.get(marked[0], marked[1]) == "Einigung"


def test_a_compound_shows_its_parts_and_takes_the_article_of_the_last(
    make_window: WindowFactory, story_file: Path, dictionary: Dictionary
) -> None:
    shown = card_window(make_window, story_file, dictionary=lambda: dictionary, translator=None)

    double_click(shown.window, "Haushaltsstreit")
    wait_for_card(shown.window, shown.card)

    card = shown.card.card
    assert card is not None
    assert [part.de for part in card.parts] == ["Haushalt", "Streit"]
    text = card_text(shown.card)
    assert "Haushalt + Streit" in text
    assert "Streit\ndispute, quarrel" in text
    assert shown.card.grammar_label.cget("text").startswith("der Haushaltsstreit")
    assert "no translation provider" in text


def test_a_separated_verb_is_looked_up_as_its_infinitive(
    make_window: WindowFactory, story_file: Path, dictionary: Dictionary
) -> None:
    shown = card_window(make_window, story_file, dictionary=lambda: dictionary, translator=None)

    double_click(shown.window, "lehnt")
    wait_for_card(shown.window, shown.card)

    assert shown.card.grammar_label.cget("text") == "ablehnen"
    assert "ablehnen {vt}\nto reject; to turn down" in card_text(shown.card)


def test_a_word_in_its_everyday_sense_shows_the_political_one_as_another(
    make_window: WindowFactory, story_file: Path, dictionary: Dictionary
) -> None:
    shown = card_window(make_window, story_file, dictionary=lambda: dictionary, translator=None)

    double_click(shown.window, "lehnt")  # the treasurer rejects debt: left unmarked
    wait_for_card(shown.window, shown.card)

    text = card_text(shown.card)
    assert "IN POLITICS (NOT THE SENSE HERE)\nablehnen" in text
    assert "POLITICAL TERM\n" not in text

    double_click(shown.window, "Regierung")  # marked in the article: its political sense
    wait_for_card(shown.window, shown.card)
    assert "POLITICAL TERM\ndie Regierung" in card_text(shown.card)


def test_without_the_dictionary_the_card_says_so_and_gives_the_providers_meaning(
    make_window: WindowFactory, story_file: Path
) -> None:
    provider = FakeProvider({"Runde": "round"})
    shown = card_window(make_window, story_file, dictionary=lambda: None, translator=provider)

    double_click(shown.window, "Runde")  # no political term: nothing but the dictionary knows it
    wait_for_card(shown.window, shown.card)

    text = card_text(shown.card)
    assert NO_DICTIONARY in text and "make dictionary" not in NO_DICTIONARY
    assert BUILD_DICTIONARY_HINT in text  # from the source code, the way to build it is said
    assert text.index("round") < text.index(NO_DICTIONARY)  # the provider's meaning comes first
    assert shown.card.grammar_label.cget("text") == "Runde"
    shown.card.save_button.invoke()
    (saved,) = Vocabulary(shown.vocabulary_path).words()
    assert saved.english == "round"
    assert shown.card.saved_label.cget("text") == "in your vocabulary"


def test_a_packaged_app_without_the_dictionary_does_not_talk_of_make(
    make_window: WindowFactory, story_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.frozen", True, raising=False)
    shown = card_window(make_window, story_file, dictionary=lambda: None, translator=None)
    double_click(shown.window, "Runde")
    wait_for_card(shown.window, shown.card)
    text = card_text(shown.card)
    assert NO_DICTIONARY in text and "make" not in text


def test_a_word_saved_without_english_gets_it_in_the_vocabulary_window(
    make_window: WindowFactory, story_file: Path
) -> None:
    offline = FakeProvider({})
    shown = card_window(make_window, story_file, dictionary=lambda: None, translator=offline)
    double_click(shown.window, "Runde")
    wait_for_card(shown.window, shown.card)
    shown.card.save_button.invoke()
    assert "no English yet" in shown.card.saved_label.cget("text")

    view = shown.access.show()
    (row,) = view.tree.get_children()
    view.tree.selection_set(row)
    view.update()
    editor = view.editor
    assert "NO ENGLISH YET" in editor.heading.cget("text")
    view.tree.focus_force()
    view.update()
    view.tree.event_generate("<Return>")
    view.update()
    assert view.focus_get() == editor.english_entry
    editor.english.set("round")
    editor.note.set("in die nächste Runde gehen: to go into the next round")
    editor.note_entry.event_generate("<Return>")
    view.update()

    (saved,) = Vocabulary(shown.vocabulary_path).words()
    assert saved.english == "round" and saved.note.startswith("in die nächste Runde")
    assert view.tree.selection() == (row,)  # the word stays selected
    assert "round" in view.tree.item(row, "values")
    assert "Saved" in view.message.cget("text")
    assert str(editor.save_button.cget("state")) == "disabled"  # nothing left to save


def test_an_offline_provider_shows_a_dash_and_the_card_still_works(
    make_window: WindowFactory, story_file: Path, dictionary: Dictionary
) -> None:
    shown = card_window(
        make_window, story_file, dictionary=lambda: dictionary, translator=FakeProvider({})
    )

    double_click(shown.window, "Schulden")
    wait_for_card(shown.window, shown.card)

    text = card_text(shown.card)
    assert "—  (the translation provider did not answer)" in text
    assert "Schuld {f}\ndebt" in text
    assert shown.card.card is not None and shown.card.card.lemma == "Schuld"


def test_a_slow_provider_never_freezes_the_window(
    make_window: WindowFactory, story_file: Path, dictionary: Dictionary
) -> None:
    # The provider cannot answer until the test lets it: asked on the Tk thread, it would hold
    # the window (and this test) until then.
    on_main_thread: list[bool] = []
    answering = threading.Event()
    slow = FakeProvider({"Regierung": "government"}, on_thread=on_main_thread, gate=answering)
    shown = card_window(make_window, story_file, dictionary=lambda: dictionary, translator=slow)
    window = shown.window

    double_click(window, "Regierung")
    wait_for_card(window, shown.card, translated=False)
    wait_until(window.root, lambda: on_main_thread, what="the question to the provider")
    # The window works on while the provider thinks: the card is there, and says so.
    assert "Asking the translation provider…" in card_text(shown.card)
    assert shown.card.provider_answer is None
    answering.set()
    wait_until(window.root, lambda: shown.card.provider_answer is not None, what="the answer")

    assert on_main_thread and not any(
        on_main_thread
    )  # the word and its sentence, off the Tk thread
    assert "MACHINE TRANSLATION\ngovernment" in card_text(shown.card)


def test_only_the_last_word_looked_up_is_shown(
    make_window: WindowFactory, story_file: Path, dictionary: Dictionary
) -> None:
    slow = FakeProvider({"Regierung": "government", "Einigung": "agreement"}, delay=0.3)
    shown = card_window(make_window, story_file, dictionary=lambda: dictionary, translator=slow)

    double_click(shown.window, "Regierung")
    double_click(shown.window, "Einigung")
    wait_for_card(shown.window, shown.card)
    time.sleep(0.4)  # the answer for Regierung arrives too, later
    shown.window.state.calls.drain_now()
    shown.window.root.update()

    assert shown.card.word_label.cget("text") == "Einigung"
    assert "MACHINE TRANSLATION\nagreement" in card_text(shown.card)
    assert "MACHINE TRANSLATION\ngovernment" not in card_text(shown.card)


def test_opening_another_article_closes_the_card(
    make_window: WindowFactory, story_file: Path, dictionary: Dictionary, tmp_path: Path
) -> None:
    shown = card_window(make_window, story_file, dictionary=lambda: dictionary, translator=None)
    double_click(shown.window, "Regierung")
    wait_for_card(shown.window, shown.card)

    other = tmp_path / "other.txt"
    other.write_text("Die Regierung tritt zurück. Neuwahlen folgen im Herbst.", encoding="utf-8")
    open_article(shown.window, other)

    assert not shown.card.is_open


def test_saving_a_word_keeps_it_with_its_sentence_in_the_vocabulary(
    make_window: WindowFactory, story_file: Path, dictionary: Dictionary
) -> None:
    fake = FakeProvider({"ablehnen": "reject"})
    shown = card_window(make_window, story_file, dictionary=lambda: dictionary, translator=fake)
    add_story_translation(shown.window)
    vocabulary = shown.access.show()
    assert vocabulary.tree.get_children() == ()

    double_click(shown.window, "lehnt")
    wait_for_card(shown.window, shown.card)
    shown.card.save_button.invoke()

    assert shown.card.save_button.cget("text") == "Saved ✓"
    saved = Vocabulary(shown.vocabulary_path).words()
    # The treasurer rejects debt in the everyday sense: the dictionary's English is saved, not
    # the glossary's political "to vote down".
    assert [(w.word, w.lemma, w.english) for w in saved] == [
        ("lehnt", "ablehnen", "to reject, to turn down")
    ]
    assert saved[0].sentence == "Der Kassenwart lehnt neue Schulden ab."
    assert saved[0].sentence_english == "The treasurer rejects new debt."
    assert saved[0].source == "story.txt"
    # The open vocabulary window shows the new word at once.
    rows = [vocabulary.tree.item(row, "values") for row in vocabulary.tree.get_children()]
    assert rows == [("lehnt", "ablehnen", "to reject, to turn down", saved[0].sentence)]
    assert "ablehnen" in str(shown.window.status.cget("text"))


def test_deleting_the_shown_word_in_the_vocabulary_offers_saving_it_again(
    make_window: WindowFactory, story_file: Path, dictionary: Dictionary
) -> None:
    fake = FakeProvider({"ablehnen": "reject"})
    shown = card_window(make_window, story_file, dictionary=lambda: dictionary, translator=fake)
    vocabulary = shown.access.show()
    double_click(shown.window, "lehnt")
    wait_for_card(shown.window, shown.card)
    shown.card.save_button.invoke()
    assert shown.card.save_button.cget("text") == "Saved ✓"

    vocabulary.tree.selection_set(vocabulary.tree.get_children()[0])
    vocabulary.update()
    vocabulary.delete_button.invoke()
    shown.window.root.update()

    assert shown.card.save_button.cget("text") == "Save word"
    assert shown.card.saved_label.cget("text") == ""
    shown.card.save_button.invoke()
    assert [w.lemma for w in Vocabulary(shown.vocabulary_path).words()] == ["ablehnen"]


def test_the_card_finds_the_dictionary_that_make_dictionary_builds(
    make_window: WindowFactory,
    story_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`make dictionary` writes into the package's data folder (bundled by the spec file)."""
    from reader import paths
    from reader.dictionary import build as build_command
    from reader.dictionary import word_lookup

    package_data = tmp_path / "package-data"
    monkeypatch.setattr(paths, "PACKAGE_DATA", package_data)
    monkeypatch.delenv("READER_DICTIONARY", raising=False)
    monkeypatch.setattr(word_lookup, "_opened", {})
    ding = tmp_path / "de-en"
    ding.write_text(DING_LINES, encoding="utf-8")
    assert build_command.main([str(ding)]) == 0  # what `make dictionary` runs, default output
    assert (package_data / "dictionary.sqlite").is_file()

    shown = card_window(
        make_window, story_file, dictionary=word_card.installed_dictionary, translator=None
    )
    double_click(shown.window, "Regierung")
    wait_for_card(shown.window, shown.card)
    assert "Regierung {f} [pol.]\ngovernment" in card_text(shown.card)
    for opened in word_lookup._opened.values():
        opened.close()


def test_a_long_compound_gets_a_smaller_heading_not_a_break_in_the_word(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    story = tmp_path / "lang.txt"
    story.write_text(
        "Die Bundesverkehrsministerin und die Bundesfinanzministerin stritten.", encoding="utf-8"
    )
    shown = card_window(make_window, story, dictionary=lambda: None, translator=None)
    shown.window.root.geometry("1024x700")
    shown.window.root.update()

    double_click(shown.window, "Bundesverkehrsministerin")
    wait_for_card(shown.window, shown.card, translated=False)
    shown.window.root.update()

    label = shown.card.word_label
    font = shown.card.fonts["word"]
    assert label.cget("text") == "Bundesverkehrsministerin"
    assert font.measure("Bundesverkehrsministerin") <= int(str(label.cget("wraplength")))
    assert font.cget("size") < shown.window.state.settings.font_size + 7


def test_escape_in_the_text_closes_the_card(
    make_window: WindowFactory, story_file: Path, dictionary: Dictionary
) -> None:
    shown = card_window(make_window, story_file, dictionary=lambda: dictionary, translator=None)
    double_click(shown.window, "Regierung")
    wait_for_card(shown.window, shown.card, translated=False)
    assert shown.card.is_open

    german = shown.window.reading_view.german
    german.focus_force()
    german.event_generate("<Escape>")
    shown.window.root.update()

    assert not shown.card.is_open
