"""The library in the real window: every article opened is kept, the Library window lists,
filters and sorts them, reopens one where the reader left it, says when a file is gone."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reader.gui.app import ReaderWindow
from reader.gui.library_window import LibraryWindow
from reader.learner.library import Library
from reader.settings import Settings
from tests.gui.conftest import ARTICLE, WindowFactory, open_article, wait_until
from tests.gui.test_word_status import point_at, press

pytestmark = pytest.mark.gui


def long_article(tmp_path: Path, name: str = "lang.txt") -> Path:
    path = tmp_path / name
    paragraphs = [
        f"Absatz {n}: Die Regierung plant ein neues Gesetz für die Stadt." for n in range(80)
    ]
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path


def indexed(window: ReaderWindow, path: Path) -> None:
    open_article(window, path)
    wait_until(window.root, lambda: window.word_marks.article is not None, what="the words")
    window.root.update()


def listed(window: ReaderWindow) -> list[tuple[str, ...]]:
    view = window.library.view
    assert view is not None
    return [tuple(view.tree.item(iid, "values")) for iid in view.tree.get_children()]


def test_every_article_opened_is_listed_with_its_figures(
    window: ReaderWindow, article_file: Path, tmp_path: Path
) -> None:
    indexed(window, article_file)
    point_at(window, "Regierung")
    press(window, "k")
    other = long_article(tmp_path)
    indexed(window, other)

    view = window.library.show()

    rows = listed(window)
    assert [row[0] for row in rows] == ["lang.txt", "haushalt.txt"]  # the latest first
    haushalt = rows[1]
    words = (
        window.learner()
        .connection.execute("SELECT words, cefr FROM article WHERE title = 'haushalt.txt'")
        .fetchone()
    )
    assert haushalt[1] == f"{words[0]:,}" and haushalt[2] == words[1]
    assert haushalt[3].endswith("%") and haushalt[3] != "0 %"  # "Regierung" is known

    view.sort_by("title")
    assert [row[0] for row in listed(window)] == ["haushalt.txt", "lang.txt"]
    view.search.set("haus")
    assert [row[0] for row in listed(window)] == ["haushalt.txt"]
    view.search.set("")
    view.comfortable.set(True)
    view.show()
    assert listed(window) == []
    assert view.note.cget("text") == "0 of 2 articles"


def test_comfortable_articles_follow_imported_known_words(
    window: ReaderWindow, article_file: Path, tmp_path: Path
) -> None:
    indexed(window, article_file)
    words = tmp_path / "known.txt"
    words.write_text("\n".join(ARTICLE.replace(".", " ").replace(",", " ").split()), "utf-8")
    files = window.word_marks.panels.files  # type: ignore[union-attr]
    files.import_file(words)
    wait_until(window.root, lambda: not files.importing, what="the import")

    view = window.library.show()
    view.comfortable.set(True)
    view.show()

    assert [row[0] for row in listed(window)] == ["haushalt.txt"]
    assert listed(window)[0][3] == "100 %"


def test_reopening_resumes_at_the_last_position(
    window: ReaderWindow, article_file: Path, tmp_path: Path
) -> None:
    path = long_article(tmp_path)
    indexed(window, path)
    german = window.reading_view.german
    window.reading_view.scroll_to_paragraph(40)
    window.root.update()
    top = german.index("@0,0")
    assert top.startswith("41.")
    keeper = window.library.keeper
    wait_until(window.root, lambda: keeper.position == top, what="the position to be noted")
    indexed(window, article_file)  # another article: the position is written
    assert german.index("@0,0") == "1.0"

    view = window.library.show()
    view.tree.selection_set(view.tree.get_children()[1])
    view.open_button.invoke()

    wait_until(window.root, lambda: window.state.session.document.source.path == path)  # type: ignore[union-attr]
    wait_until(window.root, lambda: not window.library.keeper.resuming, what="resuming")
    window.root.update()
    assert german.index("@0,0").split(".")[0] == top.split(".")[0]
    assert not view.winfo_exists()  # the library closed on opening


def test_a_missing_file_says_so_and_can_be_removed(window: ReaderWindow, tmp_path: Path) -> None:
    gone = long_article(tmp_path, "weg.txt")
    indexed(window, gone)
    gone.unlink()
    view = window.library.show()
    assert listed(window)[0][0] == "weg.txt  (file missing)"

    view.open_button.invoke()

    [(title, message)] = window.state.dialogs.errors  # type: ignore[attr-defined]
    assert title == "File not found" and "weg.txt no longer exists" in message
    assert view.winfo_exists()
    view.remove_button.invoke()
    assert listed(window) == []
    assert Library(window.learner()).articles() == []


def test_pasted_text_is_kept_and_reopens(window: ReaderWindow) -> None:
    window.root.clipboard_clear()
    window.root.clipboard_append("Der Bundestag tagt heute.\n\nEr stimmt über den Haushalt ab.")
    window.opener.paste()
    wait_until(window.root, lambda: window.state.session is not None)
    wait_until(window.root, lambda: window.library.keeper.article_id is not None)
    window.opener.open_sample()
    wait_until(window.root, lambda: window.state.session.document.source.format != "clipboard")  # type: ignore[union-attr]

    view = window.library.show()
    pasted = next(
        iid for iid in view.tree.get_children() if "Bundestag" in view.tree.item(iid, "values")[0]
    )
    view.tree.selection_set(pasted)
    view.open_button.invoke()

    wait_until(window.root, lambda: window.state.session.document.source.format == "clipboard")  # type: ignore[union-attr]
    assert window.state.session.document.paragraphs[1] == "Er stimmt über den Haushalt ab."  # type: ignore[union-attr]


def test_progress_is_drawn(window: ReaderWindow, article_file: Path) -> None:
    indexed(window, article_file)
    view = window.library.show()
    assert view.chart.find_withtag("marked") == ()
    view.destroy()
    point_at(window, "Regierung")
    press(window, "k")
    point_at(window, "Opposition")
    press(window, "2")

    view = window.library.show()
    window.root.update()
    assert view.progress[-1].marked == 2 and view.progress[-1].known == 1
    assert len(view.chart.find_withtag("marked")) == 1
    assert view.chart.find_withtag("known")


@pytest.mark.parametrize("start_with", ["last", "library", "sample"])
def test_what_the_window_opens_at_start(
    make_window: WindowFactory, article_file: Path, start_with: str
) -> None:
    first = make_window()
    indexed(first, article_file)
    first.close()

    settings = replace(
        Settings(geometry="1280x800", translate_on_open=False), start_with=start_with
    )  # type: ignore[arg-type]
    window = make_window(settings=settings)
    window.library.open_at_start()
    wait_until(
        window.root, lambda: window.state.session is not None or window.library.view is not None
    )
    if start_with == "last":
        assert window.state.session.document.source.path == article_file  # type: ignore[union-attr]
    elif start_with == "library":
        assert isinstance(window.library.view, LibraryWindow)
        assert listed(window)[0][0] == "haushalt.txt"
    else:
        assert window.state.session.document.source.path.name == "sample_article.de.md"  # type: ignore[union-attr]


def test_an_empty_library_starts_on_the_sample(make_window: WindowFactory) -> None:
    window = make_window()
    window.library.open_at_start()
    wait_until(window.root, lambda: window.state.session is not None)
    assert window.state.session.document.source.path.name == "sample_article.de.md"  # type: ignore[union-attr]
