"""The vocabulary view in the real window: the saved words, sorted, searched, deleted, exported."""

from __future__ import annotations

import csv
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.dictionary.vocabulary import Vocabulary
from reader.gui import vocabulary_window
from reader.gui.app import ReaderWindow
from reader.gui.services import WindowServices
from reader.gui.vocabulary_window import VocabularyAccess, VocabularyWindow
from tests.gui.conftest import WindowFactory

pytestmark = pytest.mark.gui

SAVED = [
    ("Zölle", "Zoll", "tariff", "Die USA erheben neue Zölle.", "The US imposes new tariffs."),
    ("Abgeordneten", "Abgeordnete", "member of parliament", "Die Abgeordneten stimmen ab.", ""),
    ("Bündnis", "Bündnis", "alliance", "Das Bündnis hält.", "The alliance holds."),
]


class SavePaths:
    """Answers the "save as" question with prepared paths, and remembers being asked."""

    def __init__(self, *paths: Path) -> None:
        self.paths = list(paths)
        self.titles: list[str] = []

    def __call__(self, _parent: object, title: str, *_: object) -> str | None:
        self.titles.append(title)
        return str(self.paths.pop(0)) if self.paths else None


def open_vocabulary(
    make_window: WindowFactory, save_paths: Callable[..., str | None] | None = None
) -> tuple[ReaderWindow, VocabularyAccess, Vocabulary]:
    vocabulary = Vocabulary(make_window.tmp_path / "vocabulary.sqlite")
    for word, lemma, english, sentence, sentence_english in SAVED:
        vocabulary.save(
            word,
            lemma,
            english=english,
            sentence=sentence,
            sentence_english=sentence_english,
            source="test",
        )
    window = make_window(
        services=WindowServices(
            word_translator=None,
            vocabulary=lambda: vocabulary,
            ask_save_path=save_paths or SavePaths(),
        )
    )
    return window, window.vocabulary_access, vocabulary


def column(view: VocabularyWindow, name: str) -> list[str]:
    position = list(vocabulary_window.COLUMNS).index(name)
    return [str(view.tree.item(row, "values")[position]) for row in view.tree.get_children()]


def click_heading(view: VocabularyWindow, name: str) -> None:
    """Click a column heading where it is drawn (ttk runs its command on release)."""
    view.update()
    names = list(vocabulary_window.COLUMNS)
    before = names[: names.index(name)]
    x = sum(int(view.tree.column(other, "width")) for other in before) + 20
    y = 8
    assert view.tree.identify_region(x, y) == "heading"
    assert view.tree.identify_column(x) == f"#{names.index(name) + 1}"
    view.tree.event_generate("<ButtonPress-1>", x=x, y=y)
    view.tree.event_generate("<ButtonRelease-1>", x=x, y=y)
    view.update()


def test_the_view_menu_entry_opens_the_saved_words(make_window: WindowFactory) -> None:
    window, access, _ = open_vocabulary(make_window)
    menubar = window.root.nametowidget(window.root.cget("menu"))
    cascades = {
        menubar.entrycget(i, "label"): i
        for i in range(menubar.index("end") + 1)
        if menubar.type(i) == "cascade"
    }
    assert list(cascades)[-2:] == ["Vocabulary", "Help"]
    menu = window.root.nametowidget(menubar.entrycget(cascades["Vocabulary"], "menu"))
    menu.invoke(0)
    window.root.update()

    view = access.window
    assert view is not None and view.winfo_ismapped()
    assert sorted(column(view, "lemma")) == ["Abgeordnete", "Bündnis", "Zoll"]
    assert view.count_label.cget("text") == "3 words"
    view.destroy()
    window.root.focus_force()
    window.root.update()
    window.root.event_generate("<Control-B>")  # Ctrl+Shift+B opens it again
    window.root.update()
    assert access.window is not None and access.window.winfo_exists()
    assert access.window is not view


def test_clicking_a_heading_sorts_and_clicking_again_reverses(make_window: WindowFactory) -> None:
    _, access, _ = open_vocabulary(make_window)
    view = access.show()

    click_heading(view, "english")
    assert column(view, "english") == ["alliance", "member of parliament", "tariff"]
    assert view.tree.heading("english", "text") == "English ▲"
    click_heading(view, "english")
    assert column(view, "english") == ["tariff", "member of parliament", "alliance"]
    click_heading(view, "word")
    assert column(view, "word") == ["Abgeordneten", "Bündnis", "Zölle"]


def test_typing_in_the_search_field_filters_the_words(make_window: WindowFactory) -> None:
    _, access, _ = open_vocabulary(make_window)
    view = access.show()

    view.search_entry.insert("end", "zoll")
    view.update()
    assert column(view, "lemma") == ["Zoll"]
    view.search_entry.delete(0, "end")
    view.search_entry.insert("end", "alliance")
    view.update()
    assert column(view, "word") == ["Bündnis"]
    view.search_entry.delete(0, "end")
    view.update()
    assert len(column(view, "word")) == 3


def test_delete_removes_the_selected_word_for_good(make_window: WindowFactory) -> None:
    _, access, vocabulary = open_vocabulary(make_window)
    view = access.show()
    assert str(view.delete_button.cget("state")) == "disabled"

    row = next(r for r in view.tree.get_children() if view.tree.item(r, "values")[1] == "Zoll")
    view.tree.selection_set(row)
    view.update()
    assert view.detail.cget("text") == "Die USA erheben neue Zölle.\nThe US imposes new tariffs."
    view.delete_button.invoke()
    view.update()

    assert sorted(column(view, "lemma")) == ["Abgeordnete", "Bündnis"]
    assert sorted(w.lemma for w in vocabulary.words()) == ["Abgeordnete", "Bündnis"]


def test_undo_brings_deleted_words_back_in_their_place(make_window: WindowFactory) -> None:
    window, access, vocabulary = open_vocabulary(make_window)
    view = access.show()
    before = [(w.id, w.lemma, w.sentence, w.added) for w in vocabulary.words()]
    assert str(view.undo_button.cget("state")) == "disabled"
    view.tree.selection_set(*view.tree.get_children()[:2])
    view.update()
    view.delete_button.invoke()
    view.update()
    assert len(vocabulary.words()) == len(before) - 2
    assert "Ctrl+Z" in str(window.status.cget("text"))

    view.event_generate("<Control-z>")
    view.update()
    assert [(w.id, w.lemma, w.sentence, w.added) for w in vocabulary.words()] == before
    assert sorted(column(view, "lemma")) == sorted(lemma for _, lemma, _, _ in before)
    assert str(view.undo_button.cget("state")) == "disabled"
    assert str(window.status.cget("text")) == "Restored 2 words to the vocabulary."


def test_export_csv_writes_every_word_with_its_sentence(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    target = tmp_path / "words.csv"
    paths = SavePaths(target)
    _, access, _ = open_vocabulary(make_window, paths)
    view = access.show()

    assert view.export("csv") == target
    with target.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert paths.titles == ["Export CSV"]
    assert [row["lemma"] for row in rows] == ["Abgeordnete", "Bündnis", "Zoll"]
    assert rows[2]["sentence"] == "Die USA erheben neue Zölle."
    assert rows[2]["sentence_english"] == "The US imposes new tariffs."


def test_export_anki_writes_a_deck_with_the_context_on_the_cards(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    deck = tmp_path / "words.apkg"
    _, access, _ = open_vocabulary(make_window, SavePaths(deck))
    view = access.show()

    assert view.export("anki") == deck
    with zipfile.ZipFile(deck) as package:
        package.extract("collection.anki2", tmp_path)
    collection = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        notes = [row[0].split("\x1f") for row in collection.execute("SELECT flds FROM notes")]
        cards = collection.execute("SELECT count(*) FROM cards").fetchone()[0]
    finally:
        collection.close()
    assert cards == 3
    zoll = next(fields for fields in notes if fields[1] == "Zoll")
    assert zoll == [
        "Zölle",
        "Zoll",
        "tariff",
        "Die USA erheben neue <b>Zölle</b>.",
        "The US imposes new tariffs.",
        "",
    ]


@pytest.mark.logs_errors
def test_a_cancelled_or_failed_export_leaves_nothing_behind(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    unwritable = tmp_path / "missing-folder" / "words.csv"
    window, access, _ = open_vocabulary(make_window, SavePaths(unwritable))
    view = access.show()

    assert view.export("csv") is None  # the folder does not exist: a dialog says so
    assert make_window.dialogs.errors and make_window.dialogs.errors[0][0] == "Export failed"
    assert view.export("anki") is None  # the user cancelled the file dialog: nothing happens
    assert len(make_window.dialogs.errors) == 1
    assert not unwritable.parent.exists()
    assert window.root.winfo_exists()


def test_the_export_is_confirmed_in_the_vocabulary_window(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    target = tmp_path / "words.csv"
    window, access, _ = open_vocabulary(make_window, SavePaths(target))
    view = access.show()
    view.export("csv")
    view.update()
    # The main window's status bar is behind this window: the confirmation is here too.
    assert view.message.cget("text") == f"Exported 3 words to {target}."
    assert view.message.winfo_ismapped()
    assert window.status.cget("text") == f"Exported 3 words to {target}."


@pytest.mark.parametrize(
    ("parent", "screen", "expected"),
    [
        ((0, 0, 1360, 840), (1920, 1080), "980x600+190+80"),
        ((0, 0, 1024, 652), (1024, 700), "980x600+22+17"),  # a small screen: wholly on it
        ((900, 500, 1000, 600), (1920, 1080), "980x600+910+440"),  # near the corner
        ((0, 0, 800, 560), (800, 600), "760x520+20+13"),  # shrunk to the screen
    ],
)
def test_the_window_opens_over_the_main_window_and_on_the_screen(
    parent: tuple[int, int, int, int], screen: tuple[int, int], expected: str
) -> None:
    assert vocabulary_window.placed_over(parent, vocabulary_window.WINDOW_SIZE, screen) == expected


def test_the_window_is_on_the_screen_of_a_small_laptop(make_window: WindowFactory) -> None:
    window, access, _ = open_vocabulary(make_window)
    window.root.geometry("1024x640+0+0")
    window.root.update()
    view = access.show()
    view.update()
    x, y = view.winfo_rootx(), view.winfo_rooty()
    assert x >= 0 and y >= 0
    assert x + view.winfo_width() <= view.winfo_screenwidth()
    assert y + view.winfo_height() <= view.winfo_screenheight()
    assert view.editor.winfo_ismapped() and view.delete_button.winfo_ismapped()


def test_a_sentence_too_long_for_its_column_ends_in_an_ellipsis(make_window: WindowFactory) -> None:
    _, access, vocabulary = open_vocabulary(make_window)
    long_sentence = "Die Abgeordneten des Bundestages stimmen nach langer Debatte " * 6
    vocabulary.save("Debatte", "Debatte", english="debate", sentence=long_sentence.strip())
    view = access.show()
    view.refresh()
    view.update()
    shown = next(s for s in column(view, "sentence") if s.startswith("Die Abgeordneten des"))
    assert shown.endswith("…") and len(shown) < len(long_sentence.strip())
    row = next(r for r, texts in view.row_texts.items() if texts[0] == "Debatte")
    view.tree.selection_set(row)
    view.update()
    assert long_sentence.strip() in view.detail.cget("text")  # whole, below the table
