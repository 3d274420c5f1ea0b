"""Word statuses in the real window: keys on the word under the pointer, undo, marking the page,
the coverage figure, the word card's status, imports from the menu, two windows at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.gui.app import ReaderWindow
from reader.gui.services import WindowServices
from reader.gui.word_colours import NEW_TAG
from reader.gui.word_status import WordMarks
from reader.learner.status import WordStatus
from reader.learner.store import LearnerStore, StatusChange
from tests.gui.conftest import WindowFactory, open_article, wait_until
from tests.gui.test_word_card import double_click

pytestmark = pytest.mark.gui
KNOWN = WordStatus.KNOWN


def ready(window: ReaderWindow, path: Path) -> WordMarks:
    open_article(window, path)
    marks = window.word_marks
    wait_until(window.root, lambda: marks.article is not None, what="the word index")
    window.root.update()
    return marks


def point_at(window: ReaderWindow, word: str, occurrence: int = 0) -> str:
    """Move the pointer over `word` (its n-th occurrence); returns its Tk index."""
    german = window.reading_view.german
    index = "1.0"
    for _ in range(occurrence + 1):
        found = german.search(rf"\m{word}\M", index, regexp=True)
        assert found, f"{word} is not in the German text"
        index = f"{found}+1c"
    german.see(found)
    window.root.update()
    box = german.bbox(f"{found}+1c")
    assert box is not None
    german.event_generate("<Motion>", x=box[0] + 1, y=box[1] + box[3] // 2)
    window.root.update()
    return found


def press(window: ReaderWindow, key: str, *, control: bool = False) -> None:
    """A key press in the German text (Tk sends keys to the focus: the window must have it)."""
    german = window.reading_view.german
    if window.root.focus_get() is None:
        german.focus_force()
        window.root.update()
    german.event_generate(f"<{'Control-' if control else ''}KeyPress-{key}>")
    window.root.update()


def tags_of(window: ReaderWindow, word: str, occurrence: int = 0) -> set[str]:
    german = window.reading_view.german
    index = "1.0"
    for _ in range(occurrence + 1):
        found = german.search(rf"\m{word}\M", index, regexp=True)
        index = f"{found}+1c"
    return {tag for tag in german.tag_names(found) if tag.startswith("ws:")}


def stored(window: ReaderWindow) -> dict[str, WordStatus]:
    return window.learner().statuses()


def test_keys_mark_the_word_under_the_pointer_everywhere_and_undo(
    window: ReaderWindow, article_file: Path
) -> None:
    marks = ready(window, article_file)
    coverage = marks.panels.coverage  # type: ignore[union-attr]
    before = marks.coverage.share  # type: ignore[union-attr]
    assert tags_of(window, "Regierung") == {NEW_TAG}
    assert coverage.sentence.cget("text").startswith("You know 0 % of the words")

    point_at(window, "Regierung")
    press(window, "k")

    assert stored(window) == {"regierung": KNOWN}
    assert tags_of(window, "Regierung") == set()
    after = marks.coverage.share  # type: ignore[union-attr]
    assert after is not None and before is not None and after > before
    assert coverage.sentence.cget("text").startswith(f"You know {int(after * 100)} % of")
    assert "“Regierung”: known" in window.status.cget("text")

    # "Die" and "die" and "der" are one lemma: marking one re-colours every occurrence.
    point_at(window, "die")
    press(window, "2")
    assert stored(window)["der"] is WordStatus.LEARNING_2
    assert tags_of(window, "Die") == {"ws:2"}
    assert tags_of(window, "der", 1) == {"ws:2"}

    press(window, "z", control=True)
    assert "der" not in stored(window)
    assert tags_of(window, "Die") == {NEW_TAG}
    press(window, "z", control=True)
    assert stored(window) == {}
    assert tags_of(window, "Regierung") == {NEW_TAG}
    assert marks.coverage.share == before  # type: ignore[union-attr]


def test_a_selection_is_marked_word_by_word(window: ReaderWindow, article_file: Path) -> None:
    ready(window, article_file)
    german = window.reading_view.german
    start = german.search("Die Opposition kritisiert", "1.0")
    german.tag_add("sel", start, f"{start}+25c")
    press(window, "i")
    assert stored(window) == {
        "der": WordStatus.IGNORED,
        "opposition": WordStatus.IGNORED,
        "kritisieren": WordStatus.IGNORED,
    }


def test_keys_typed_into_a_field_mark_nothing(window: ReaderWindow, article_file: Path) -> None:
    ready(window, article_file)
    point_at(window, "Regierung")
    entry = window.glossary_panel.filter_entry
    entry.focus_force()
    window.root.update()
    entry.event_generate("<KeyPress-k>")
    window.root.update()
    assert stored(window) == {}


def test_mark_the_rest_of_the_page_known_spares_looked_up_words(
    window: ReaderWindow, article_file: Path
) -> None:
    marks = ready(window, article_file)
    double_click(window, "Schuldenbremse")
    wait_until(window.root, lambda: "schuldenbremse" in marks.looked_up, what="the card")
    point_at(window, "Opposition")
    press(window, "3")

    marks.panels.legend.page_button.invoke()  # type: ignore[union-attr]

    statuses = stored(window)
    assert statuses["opposition"] is WordStatus.LEARNING_3  # learning words stay learning
    assert "schuldenbremse" not in statuses  # looked up: not known
    assert statuses["haushalt"] is KNOWN and statuses["einigung"] is KNOWN
    german = window.reading_view.german
    assert not [
        word for word in german.tag_ranges(NEW_TAG)[::2] if german.compare(word, "<", "3.0")
    ] or all(
        german.get(first, last) == "Schuldenbremse"
        for first, last in zip(
            german.tag_ranges(NEW_TAG)[::2], german.tag_ranges(NEW_TAG)[1::2], strict=True
        )
    )
    assert marks.coverage.share > 0.9  # type: ignore[union-attr, operator]
    press(window, "z", control=True)
    assert set(stored(window)) == {"opposition"}


def test_the_word_card_shows_and_sets_the_status(window: ReaderWindow, article_file: Path) -> None:
    marks = ready(window, article_file)
    card_status = marks.panels.card_status  # type: ignore[union-attr]
    double_click(window, "Koalition")
    wait_until(window.root, lambda: card_status.key == "koalition", what="the card's word")
    assert card_status.choice.get() == ""

    card_status.buttons["4"].invoke()
    assert stored(window) == {"koalition": WordStatus.LEARNING_4}
    assert tags_of(window, "Koalition") == {"ws:4"}

    point_at(window, "Koalition")
    press(window, "k")
    assert card_status.choice.get() == "known"


def test_saved_words_are_learning(window: ReaderWindow, article_file: Path) -> None:
    marks = ready(window, article_file)
    window.vocabulary().save("Finanzminister", "Finanzminister", sentence="Der Finanzminister.")
    window.state.emit("<<VocabularyChanged>>")
    assert marks.status("finanzminister") is WordStatus.LEARNING_1
    assert tags_of(window, "Finanzminister") == {"ws:1"}


def test_the_colours_can_be_turned_off(window: ReaderWindow, article_file: Path) -> None:
    marks = ready(window, article_file)
    german = window.reading_view.german
    assert german.tag_cget(NEW_TAG, "background")
    marks.panels.legend.colours.set(False)  # type: ignore[union-attr]
    window.root.update()
    assert window.state.settings.show_word_status is False
    assert german.tag_cget(NEW_TAG, "background") == ""


FILES = {
    "plain.txt": "Regierung\nOpposition\n",
    "anki.txt": "#separator:tab\n#html:true\ndie <b>Regierung</b>\tgovernment\nOpposition\topp\n",
    "lute.csv": "term,parent,translation,language,tags,added,status,link_status,pronunciation\n"
    "Regierung,,government,German,,,W,,\nOpposition,,opposition,German,,,5,,\n",
    "lingq.csv": "term,hint,status\nRegierung,government,4\nOpposition,opposition,Known\n",
    "vocabulary.csv": "word,lemma,english,sentence,sentence_english,source\n"
    "Regierung,Regierung,government,x,y,z\nOpposition,Opposition,o,x,y,z\n",
}


@pytest.mark.parametrize("name", list(FILES))
def test_importing_each_format_from_the_menu_recolours_the_text(
    window: ReaderWindow, article_file: Path, tmp_path: Path, name: str
) -> None:
    marks = ready(window, article_file)
    path = tmp_path / name
    path.write_text(FILES[name], encoding="utf-8")
    window.dialogs_answer = None
    window.state.dialogs.open_answers.append(str(path))  # type: ignore[attr-defined]

    files = marks.panels.files  # type: ignore[union-attr]
    files.import_known()
    wait_until(window.root, lambda: not files.importing, what="the import")

    expected = WordStatus.LEARNING_1 if name == "vocabulary.csv" else KNOWN
    assert stored(window) == {"regierung": expected, "opposition": expected}
    assert tags_of(window, "Regierung") == ({"ws:1"} if expected is not KNOWN else set())
    assert "2 changed" in window.status.cget("text")
    press(window, "z", control=True)
    assert stored(window) == {}


def test_a_bad_import_says_so_and_changes_nothing(
    window: ReaderWindow, article_file: Path, tmp_path: Path
) -> None:
    marks = ready(window, article_file)
    path = tmp_path / "kaputt.csv"
    path.write_bytes(b"lemma,status\nHaus,sehr gut\n")
    files = marks.panels.files  # type: ignore[union-attr]
    files.import_file(path)
    wait_until(window.root, lambda: not files.importing, what="the import")
    [(title, message)] = window.state.dialogs.errors  # type: ignore[attr-defined]
    assert title == "Words not imported"
    assert message.startswith("kaputt.csv, line 2: unknown status 'sehr gut'")
    assert stored(window) == {}


def test_two_windows_at_once_lose_no_marks(
    make_window: WindowFactory, article_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "shared.sqlite"
    services = WindowServices(word_translator=None, learner_store=lambda: LearnerStore(path))
    first = make_window(services=services)
    second = make_window(services=services)
    first_marks, second_marks = ready(first, article_file), ready(second, article_file)

    point_at(first, "Regierung")
    press(first, "k")
    point_at(second, "Opposition")
    press(second, "4")
    second_marks.refresh()
    first_marks.refresh()

    for window in (first, second):
        assert stored(window) == {"regierung": KNOWN, "opposition": WordStatus.LEARNING_4}
    assert tags_of(second, "Regierung") == set()
    assert tags_of(first, "Opposition") == {"ws:4"}
    other = LearnerStore(path)
    other.set_statuses([StatusChange("Koalition", KNOWN)])
    other.close()
    wait_until(first.root, lambda: first_marks.status("koalition") is KNOWN, what="the poll")


def test_words_coming_into_view_wear_their_status(window: ReaderWindow, tmp_path: Path) -> None:
    """Only the words around the view are coloured (Tk pays per tagged range); words scrolled
    to are coloured by their status as they come."""
    from reader.gui.word_colours import MARGIN_WORDS

    paragraph = "Die Regierung plant ein Gesetz. Die Opposition lehnt es ab, sagt ihr Sprecher."
    long_article = tmp_path / "lang.txt"
    long_article.write_text("\n\n".join([paragraph] * 300), encoding="utf-8")
    marks = ready(window, long_article)
    german = window.reading_view.german
    assert marks.colours.high < 300 * 12  # not every word of the article is tagged
    point_at(window, "Regierung")
    press(window, "k")

    german.yview_moveto(1.0)
    wait_until(
        window.root,
        lambda: marks.colours.high == len(marks.article.positions.keys),  # type: ignore[union-attr]
        what="the colours to follow the view",
    )
    last = german.search("Regierung", "end", backwards=True)
    assert not {t for t in german.tag_names(last) if t.startswith("ws:")}
    opposition = german.search("Opposition", "end", backwards=True)
    assert "ws:new" in german.tag_names(opposition)
    assert marks.colours.low > MARGIN_WORDS  # the top is no longer tagged
    assert "ws:new" not in german.tag_names("1.4")
