"""A long article in the real window: it opens at once, scrolls, is found in, is translated as
it is read (the requests counted at a loopback server) and the translation can be cancelled.

Every window of the GUI tests notes Tk calls from other threads (conftest's TkThreadGuard):
here that covers the long article's writing, marking and aligning, done in slices.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.gui import events
from reader.gui.app import ReaderWindow
from reader.gui.viewport import VisibleParagraphs
from reader.settings import Settings
from tests.benchmarks.bench_readability import build_text
from tests.gui.conftest import WindowFactory, wait_until
from tests.translation_servers import FakeTranslator

pytestmark = pytest.mark.gui

LAST_WORDS = "Zum Schluss sprach der Kanzler über Quetzalcoatl."  # occurs once, at the end


@pytest.fixture
def server() -> Iterator[FakeTranslator]:
    with FakeTranslator() as fake:
        yield fake


@pytest.fixture
def long_article(tmp_path: Path) -> Path:
    """~300 KB of generated news in ~300 paragraphs (enough to be previewed)."""
    path = tmp_path / "langer-bericht.txt"
    path.write_text(build_text(300_000, seed=14) + "\n\n" + LAST_WORDS, encoding="utf-8")
    return path


@pytest.fixture
def reading_window(make_window: WindowFactory, server: FakeTranslator) -> ReaderWindow:
    """A window that translates what is read, through the loopback server."""
    return make_window(
        settings=Settings(geometry="1280x800", translate_on_open=True),
        provider="google",
        endpoint=server.url + "/",
    )


def open_long(window: ReaderWindow, path: Path) -> None:
    window.opener.open_path(path)
    wait_until(
        window.root,
        lambda: (
            window.state.session is not None
            and window.state.session.document.source.path == path
            and window.reading_view.writer.done
        ),
        what="the long article written",
    )


def in_flight_or_translated(window: ReaderWindow) -> set[int]:
    session = window.state.session
    assert session is not None
    return set(session.translations) | session.in_flight


def settle(window: ReaderWindow, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        window.root.update()
        time.sleep(0.01)


def test_a_long_article_shows_its_beginning_before_it_is_loaded(
    make_window: WindowFactory, long_article: Path
) -> None:
    window = make_window()
    seen: list[str] = []
    window.state.on_data(
        events.ARTICLE_PREVIEW,
        events.ArticlePreview,
        lambda preview: seen.append(f"preview of {len(preview.document.paragraphs)}"),  # type: ignore[union-attr]
    )
    window.state.on(events.ARTICLE_LOADED, lambda: seen.append("loaded"))
    open_long(window, long_article)
    assert seen[0].startswith("preview of") and seen[1] == "loaded", seen
    session = window.state.session
    assert session is not None
    german = window.reading_view.german.get("1.0", "end-1c").split("\n")
    assert german == list(session.document.paragraphs)
    assert german[-1] == LAST_WORDS
    assert long_article.name in window.root.title()
    english = window.reading_view.english.get("1.0", "end-1c").split("\n")
    assert len(english) == len(german)


def test_a_failed_load_after_the_preview_shows_the_open_article_again(
    make_window: WindowFactory,
    long_article: Path,
    article_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import reader.loading
    from reader.errors import LoadError

    window = make_window()
    open_long(window, article_file)
    before = window.reading_view.german.get("1.0", "end-1c")

    def fails(path: object, **_options: object) -> object:
        time.sleep(0.2)  # the preview is on screen meanwhile
        raise LoadError("langer-bericht.txt: the disk went away")

    monkeypatch.setattr(reader.loading, "load_path", fails)
    previews: list[events.ArticlePreview] = []
    window.state.on_data(events.ARTICLE_PREVIEW, events.ArticlePreview, previews.append)
    window.opener.open_path(long_article)
    wait_until(window.root, lambda: make_window.dialogs.errors, what="the error dialog")
    window.reading_view.align_now()
    assert [preview.document is None for preview in previews] == [False, True]
    assert window.reading_view.german.get("1.0", "end-1c") == before
    assert article_file.name in window.root.title()
    assert "the disk went away" in make_window.dialogs.errors[0][1]


def test_what_is_read_is_translated_and_no_more(
    reading_window: ReaderWindow, server: FakeTranslator, long_article: Path
) -> None:
    window = reading_window
    bar, view = window.translation_bar, window.reading_view
    open_long(window, long_article)
    wait_until(window.root, lambda: bar.position is not None, what="the reading position")
    position = bar.position
    assert position is not None and position.first == 0
    ahead = set(position.look_ahead())
    wait_until(window.root, lambda: ahead <= in_flight_or_translated(window), what="look-ahead")
    wait_until(window.root, lambda: not bar.running, what="the look-ahead translated")
    settle(window)
    session = window.state.session
    assert session is not None
    count = len(session.document.paragraphs)
    assert set(session.translations) == ahead and len(ahead) < count / 5
    # A request carries a paragraph or two (Google takes 1,200 characters).
    assert 0 < len(server.seen) <= 2 * len(ahead)
    assert bar.progress_text.get() == f"{len(ahead)} / {len(ahead)} translated"
    assert "EN[" in view.english.get("1.0", "2.0")

    # Reading on, far down: the paragraphs there are translated, those skipped are not.
    view.scroll_to_paragraph(200)
    wait_until(window.root, lambda: 200 in session.translations, what="paragraph 200")
    wait_until(window.root, lambda: not bar.running, what="the new look-ahead")
    assert bar.position is not None and bar.position.first >= 190
    second = set(bar.position.look_ahead())
    assert second <= set(session.translations)
    assert set(session.translations) <= ahead | set(range(min(second) - 10, max(second) + 1))
    assert len(server.seen) <= 2 * len(session.translations)
    assert view.english.get("201.0", "201.end").startswith("EN[")


def test_the_view_stays_level_and_marked_where_the_reader_goes(
    reading_window: ReaderWindow, long_article: Path
) -> None:
    window = reading_window
    view = window.reading_view
    open_long(window, long_article)
    session = window.state.session
    assert session is not None
    wait_until(window.root, lambda: session.analysed, timeout=30, what="the analysis")
    for paragraph in (0, 120, len(session.document.paragraphs) - 3):
        view.scroll_to_paragraph(paragraph)
        view.align_now()
        window.root.update()
        german, english = view.paragraph_tops(view.german), view.paragraph_tops(view.english)
        assert paragraph in german and german.keys() == english.keys()
        assert all(abs(top - english[index]) <= 3 for index, top in german.items())
        # The terms of the paragraphs in view are marked.
        places = session.term_places
        assert places is not None
        for index in german:
            for place in places.in_paragraph(index):
                tags = view.german.tag_names(f"{index + 1}.{place.start}")
                assert any(tag.startswith("cat:") for tag in tags), (index, place)
    # Far from the view nothing was done yet: marks and padding wait for the reader.
    assert not view.marking.marked("terms", 60)


def test_find_searches_the_whole_long_article(
    make_window: WindowFactory, long_article: Path
) -> None:
    window = make_window()
    open_long(window, long_article)
    bar = window.find_bar
    window.root.event_generate("<Control-f>")
    bar.query.set("quetzalcoatl")
    wait_until(window.root, lambda: bar.matches, what="the match at the end")
    (match,) = bar.matches
    session = window.state.session
    assert session is not None
    assert match.paragraph == len(session.document.paragraphs) - 1
    window.root.update()
    view = window.reading_view
    found = view.german.tag_ranges("found")
    assert [view.german.get(found[0], found[1])] == ["Quetzalcoatl"]
    visible = view.visible_paragraphs()
    assert visible is not None and visible.first <= match.paragraph <= visible.last
    assert bar.result.cget("text") == "1 match"

    bar.query.set("Bundes")  # hundreds of matches: counted at once, shaded near the view
    wait_until(window.root, lambda: len(bar.matches) > 100, what="many matches")
    assert bar.result.cget("text").endswith("matches")
    window.root.event_generate("<Escape>")
    window.root.update()
    assert not view.german.tag_ranges("found")


def test_cancel_stops_translating_and_following(
    reading_window: ReaderWindow, server: FakeTranslator, long_article: Path
) -> None:
    window = reading_window
    bar, view = window.translation_bar, window.reading_view
    server.latency_s = 0.5
    open_long(window, long_article)
    wait_until(window.root, lambda: bar.running, what="the translation to start")
    window.root.event_generate("<Escape>")
    window.root.update()
    assert not bar.running and not bar.following
    assert "cancelled" in window.status.cget("text")
    session = window.state.session
    assert session is not None
    arrived = dict(session.translations)  # on a slow machine an answer may have come first
    settle(window, 0.3)  # a request already on its way when Esc came reaches the server
    asked = len(server.seen)
    view.scroll_to_paragraph(150)
    settle(window, 1.2)  # answers on their way are dropped, the new position asks nothing
    assert len(server.seen) == asked and not session.in_flight
    assert session.translations == arrived
    lines = view.english.get("1.0", "end-1c").split("\n")
    assert all(
        line.startswith("Not translated yet")
        for index, line in enumerate(lines)
        if index not in arrived
    )

    bar.translate_button.invoke()  # Translate starts again where the reader is
    wait_until(window.root, lambda: 150 in session.translations, what="paragraph 150")
    assert bar.following


def test_translating_the_whole_article_says_how_many_requests_it_sends(
    reading_window: ReaderWindow, long_article: Path
) -> None:
    window = reading_window
    bar = window.translation_bar
    open_long(window, long_article)
    wait_until(window.root, lambda: not bar.running and bar.requested, what="the look-ahead")
    assert bar.whole_article_entry is not None
    menu, entry = bar.whole_article_entry
    bar.count_whole_article()  # as when the Translate menu opens
    wait_until(window.root, lambda: bar.whole_article is not None, what="the count")
    assert bar.whole_article is not None
    session = window.state.session
    assert session is not None
    untranslated = len(session.document.paragraphs) - len(session.translations)
    assert bar.whole_article.paragraphs == untranslated
    assert bar.whole_article.requests >= untranslated  # Google: ~1 KB a request
    label = menu.entrycget(entry, "label")
    assert f"({bar.whole_article.requests} requests to Google Translate)" in label


def test_the_reading_position_is_announced_once_per_change(
    make_window: WindowFactory, long_article: Path
) -> None:
    window = make_window()
    announced: list[VisibleParagraphs] = []
    window.state.on_data(events.READING_POSITION, VisibleParagraphs, announced.append)
    open_long(window, long_article)
    wait_until(window.root, lambda: announced, what="the first position")
    settle(window)
    assert len(announced) == 1 and announced[0].first == 0
    window.reading_view.scroll_to_paragraph(100)
    wait_until(window.root, lambda: len(announced) == 2, what="the new position")
    assert announced[1].first == 100


def test_the_thread_guard_notices_a_worker_calling_tk(make_window: WindowFactory) -> None:
    window = make_window()

    def call_tk() -> None:
        with contextlib.suppress(RuntimeError):  # Tk refuses: its thread is not in mainloop
            window.root.tk.call("expr", "1")

    worker = threading.Thread(target=call_tk)
    worker.start()
    worker.join()
    (guard,) = make_window.guards
    assert len(guard.foreign_calls) == 1 and "expr" in guard.foreign_calls[0]
    guard.foreign_calls.clear()  # expected here


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """An EPUB of 30 chapters of generated news, ~300 KB, with its table of contents."""
    from tests.fixtures_builders import EpubBook, EpubChapter, build_epub

    chapters = [
        EpubChapter(
            f"k{number}.xhtml",
            f"Kapitel {number}",
            build_text(10_000, seed=100 + number).split("\n\n"),
        )
        for number in range(1, 31)
    ]
    chapters[-1].paragraphs = [*chapters[-1].paragraphs, LAST_WORDS]
    links = [(chapter.file_name, f"{n}. {chapter.title}") for n, chapter in enumerate(chapters, 1)]
    nav = EpubChapter("nav.xhtml", "Inhalt", [], is_table_of_contents=True, links=links)
    path = tmp_path / "buch.epub"
    path.write_bytes(build_epub(EpubBook("Ein langes Buch", [*chapters, nav])))
    return path


def test_a_books_contents_lead_to_its_chapters(
    make_window: WindowFactory, book: Path, article_file: Path
) -> None:
    window = make_window()
    open_long(window, book)
    contents, view = window.contents_bar, window.reading_view
    wait_until(window.root, lambda: contents.winfo_ismapped(), what="the contents")
    assert len(contents.chooser.cget("values")) == 30
    assert contents.chooser.get() == "1. Kapitel 1"

    contents.chooser.current(19)
    contents.chooser.event_generate("<<ComboboxSelected>>")
    session = window.state.session
    assert session is not None
    chapter = session.document.sections[19]
    wait_until(
        window.root,
        lambda: (
            view.reading_position is not None and view.reading_position.first == chapter.paragraph
        ),
        what="chapter 20 at the top",
    )
    assert view.german.get(f"{chapter.paragraph + 1}.0", f"{chapter.paragraph + 1}.end") == (
        "Kapitel 20"
    )
    window.root.event_generate("<Control-Next>")  # the next chapter, from the keyboard
    wait_until(window.root, lambda: contents.chooser.get() == "21. Kapitel 21", what="chapter 21")

    # Scrolling by hand: the list follows.
    view.scroll_to_paragraph(session.document.sections[4].paragraph + 3)
    wait_until(window.root, lambda: contents.chooser.get() == "5. Kapitel 5", what="chapter 5")

    # Find reaches the last chapter.
    window.root.event_generate("<Control-f>")
    window.find_bar.query.set("Quetzalcoatl")
    wait_until(window.root, lambda: window.find_bar.matches, what="the match")
    wait_until(window.root, lambda: contents.chooser.get() == "30. Kapitel 30", what="chapter 30")

    # An article has no contents: the bar goes.
    open_long(window, article_file)
    window.root.update()
    assert not contents.winfo_ismapped()


def test_a_long_texts_analysis_is_shown_partial_until_complete(
    make_window: WindowFactory, long_article: Path
) -> None:
    window = make_window()
    seen: list[tuple[int | None, bool, str, str]] = []

    def figures() -> None:
        session = window.state.session
        assert session is not None
        seen.append(
            (
                session.partial,
                session.analysed,
                window.readability_panel.band_label.cget("text"),
                window.glossary_panel.count_label.cget("text"),
            )
        )

    window.state.on(events.ANALYSIS_READY, figures)
    open_long(window, long_article)
    session = window.state.session
    assert session is not None
    wait_until(window.root, lambda: session.analysed, timeout=30, what="the whole analysis")
    (part, partial_done, partial_band, partial_count), complete = seen
    total = len(session.document.paragraphs)
    assert part is not None and 0 < part < total and not partial_done
    assert partial_band == f"Partial: first {part} of {total} paragraphs…"
    assert partial_count.endswith("terms so far…")
    assert complete[0] is None and complete[1]
    assert not complete[2].startswith("Partial") and complete[3].endswith(" terms")
    # The complete figures are the whole text's.
    assert session.readability is not None and len(session.readability.paragraphs) == total
    places = session.term_places
    assert places is not None and places.in_paragraph(total - 2)
