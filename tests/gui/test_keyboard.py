"""Reading with the keyboard in the real window: visible focus, the word at the cursor."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.dictionary.vocabulary import Vocabulary
from reader.gui.app import ReaderWindow
from reader.gui.keyboard import CURSOR_TAG
from reader.gui.services import WindowServices
from reader.gui.theme import LIGHT
from tests.gui.conftest import WindowFactory, open_article, wait_until

pytestmark = pytest.mark.gui


def press(window: ReaderWindow, widget: object, *keys: str) -> None:
    for key in keys:
        widget.event_generate(key)  # type: ignore[attr-defined]
        window.root.update()


def cursor_word(window: ReaderWindow) -> str:
    german = window.reading_view.german
    ranges = german.tag_ranges(CURSOR_TAG)
    return german.get(ranges[0], ranges[1]) if ranges else ""


@pytest.fixture
def keyboard_window(make_window: WindowFactory, article_file: Path) -> ReaderWindow:
    vocabulary = make_window.tmp_path / "vocabulary.sqlite"
    window = make_window(
        services=WindowServices(
            word_translator=None, dictionary=lambda: None, vocabulary=lambda: Vocabulary(vocabulary)
        )
    )
    open_article(window, article_file)
    window.root.focus_force()
    window.root.update()
    return window


def test_the_cursor_word_is_shaded_moved_looked_up_and_saved(
    keyboard_window: ReaderWindow, make_window: WindowFactory
) -> None:
    window = keyboard_window
    german = window.reading_view.german
    german.focus_set()
    window.root.update()
    assert cursor_word(window) == "Im"  # the first word in view
    press(window, german, "<Control-Right>", "<Control-Right>")  # to the end of a word
    assert cursor_word(window) == "Bundestag"

    press(window, german, "<Return>")
    card = window.word_card
    wait_until(window.root, lambda: card.card is not None, what="the word card")
    assert card.is_open and card.context is not None and card.context.word == "Bundestag"

    window.root.event_generate("<Control-s>")
    window.root.update()
    assert card.saved
    words = Vocabulary(make_window.tmp_path / "vocabulary.sqlite").words()
    assert [word.word for word in words] == ["Bundestag"]

    # Leaving the text takes the shading away; coming back shows it again.
    window.glossary_panel.tree.focus_set()
    window.root.update()
    assert cursor_word(window) == ""


def test_ctrl_d_looks_up_the_cursor_word_from_anywhere(keyboard_window: ReaderWindow) -> None:
    window = keyboard_window
    german = window.reading_view.german
    german.mark_set("insert", "1.0 lineend")  # after the full stop: no word there
    window.glossary_panel.filter_entry.focus_set()
    window.root.update()
    window.root.event_generate("<Control-d>")
    window.root.update()
    assert not window.word_card.is_open
    assert "Put the cursor on a German word" in window.status.cget("text")

    german.mark_set("insert", "1.5")  # inside "Bundestag"
    window.root.event_generate("<Control-d>")
    card = window.word_card
    wait_until(window.root, lambda: card.card is not None, what="the word card")
    assert card.context is not None and card.context.word == "Bundestag"


def test_the_part_with_the_keyboard_has_a_visible_ring(keyboard_window: ReaderWindow) -> None:
    window = keyboard_window
    german = window.reading_view.german
    assert int(german.cget("highlightthickness")) >= 2
    assert str(german.cget("highlightcolor")) == LIGHT.link
    assert str(german.cget("highlightbackground")) == LIGHT.background  # invisible unfocused

    tree = window.glossary_panel.tree
    ring = tree.nametowidget(tree.winfo_parent())
    tree.focus_set()
    window.root.update()
    assert str(ring.cget("highlightbackground")) == LIGHT.link
    german.focus_set()
    window.root.update()
    assert str(ring.cget("highlightbackground")) != LIGHT.link


def test_the_keys_are_in_the_menus(keyboard_window: ReaderWindow) -> None:
    def labels(menu_name: str) -> list[str]:
        menu = keyboard_window.menus.get(menu_name) or keyboard_window.menu(menu_name)
        end = int(menu.index("end") or 0)
        return [
            f"{menu.entrycget(i, 'label')} ({menu.entrycget(i, 'accelerator')})"
            for i in range(end + 1)
            if menu.type(i) == "command"
        ]

    assert "Look Up the Word at the Cursor (Enter, Ctrl+D)" in labels("View")
    assert "Save the Word Shown (Ctrl+S)" in labels("Vocabulary")
