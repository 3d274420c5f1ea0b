"""Translating in the window through a loopback server that speaks Google's web API."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.gui.app import ReaderWindow
from reader.gui.services import WindowServices
from tests.gui.conftest import WindowFactory, largest_event_loop_gap, open_article, wait_until
from tests.translation_servers import FakeTranslator

pytestmark = pytest.mark.gui

LATENCY_S = 0.4  # per request of the loopback server in the responsiveness test


@pytest.fixture
def server() -> Iterator[FakeTranslator]:
    with FakeTranslator() as fake:
        yield fake


@pytest.fixture
def translating_window(make_window: WindowFactory, server: FakeTranslator) -> ReaderWindow:
    return make_window(provider="google", endpoint=server.url + "/")


def many_paragraphs(tmp_path: Path, count: int) -> Path:
    path = tmp_path / "lang.txt"
    paragraphs = [
        f"Im Absatz {n} berichtet die Zeitung über den Bundestag. "
        + "Die Abgeordneten streiten über den Haushalt. " * (1 + n % 4)
        for n in range(count)
    ]
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path


def english_lines(window: ReaderWindow) -> list[str]:
    return window.reading_view.english.get("1.0", "end-1c").split("\n")


def translated(window: ReaderWindow) -> int:
    session = window.state.session
    return 0 if session is None else sum(1 for t in session.translations.values() if t.ok)


def test_translation_arrives_aligned_beside_the_german(
    translating_window: ReaderWindow, article_file: Path, server: FakeTranslator
) -> None:
    window = translating_window
    open_article(window, article_file)
    window.root.event_generate("<F5>")
    wait_until(window.root, lambda: translated(window) == 3, what="three translated paragraphs")

    lines = english_lines(window)
    assert all(line.startswith("EN[") for line in lines), lines
    assert window.translation_bar.progress_text.get() == "3 / 3 translated"
    assert str(window.translation_bar.cancel_button.cget("state")) == "disabled"
    assert server.seen, "the loopback server was not asked"
    view = window.reading_view
    view.align_now()
    window.root.update()
    german_tops, english_tops = view.paragraph_tops(view.german), view.paragraph_tops(view.english)
    assert german_tops.keys() == english_tops.keys() and german_tops
    for index, top in german_tops.items():
        assert abs(top - english_tops[index]) <= 3


def test_the_window_translates_with_the_translator_it_is_given(
    make_window: WindowFactory, article_file: Path
) -> None:
    from tests.test_translation_service_fakes import FakeTranslator as InProcessTranslator

    fake = InProcessTranslator(answer=lambda text: text.upper())
    window = make_window(services=WindowServices(translator_for=lambda settings, timeouts: fake))
    open_article(window, article_file)
    window.root.event_generate("<F5>")
    wait_until(window.root, lambda: translated(window) == 3, what="three translated paragraphs")
    german = window.reading_view.german.get("1.0", "end-1c")
    assert fake.texts and all(line.isupper() for line in english_lines(window) if line)
    assert english_lines(window)[0] != german.split("\n")[0]


def test_english_from_the_cache_is_credited_to_the_provider(
    translating_window: ReaderWindow, article_file: Path, tmp_path: Path
) -> None:
    window = translating_window
    open_article(window, article_file)
    window.translation_bar.translate_all()
    wait_until(window.root, lambda: translated(window) == 3, what="the first translation")
    other = tmp_path / "anders.txt"
    other.write_text("Der Bundesrat tagt am Freitag.", encoding="utf-8")
    open_article(window, other, analysed=False)
    open_article(window, article_file, analysed=False)
    window.translation_bar.translate_all()
    wait_until(window.root, lambda: translated(window) == 3, what="the cached translation")
    session = window.state.session
    assert session is not None and all(t.from_cache for t in session.translations.values())
    assert window.reading_view.english_header.cget("text") == "ENGLISH · Google Translate"


def test_f5_asks_the_provider_again_instead_of_the_cache(
    translating_window: ReaderWindow, article_file: Path, server: FakeTranslator
) -> None:
    window = translating_window
    open_article(window, article_file)
    window.translation_bar.translate_all()
    wait_until(window.root, lambda: translated(window) == 3, what="the first translation")
    asked = len(server.seen)
    window.root.event_generate("<F5>")
    wait_until(
        window.root,
        lambda: translated(window) == 3 and len(server.seen) > asked,
        what="a fresh translation",
    )
    session = window.state.session
    assert session is not None and not any(t.from_cache for t in session.translations.values())


def test_cancel_stops_the_translation(
    translating_window: ReaderWindow, server: FakeTranslator, tmp_path: Path
) -> None:
    window = translating_window
    open_article(window, many_paragraphs(tmp_path, 12), analysed=False)
    server.latency_s = 0.3
    window.translation_bar.translate_all()
    window.root.update()
    assert str(window.translation_bar.cancel_button.cget("state")) == "normal"
    assert "Translating" in english_lines(window)[0]
    window.root.event_generate("<Escape>")
    window.root.update()

    assert not window.translation_bar.running
    assert str(window.translation_bar.cancel_button.cget("state")) == "disabled"
    arrived = translated(window)
    end = time.monotonic() + 0.8
    while time.monotonic() < end:  # answers still on their way must not be shown
        window.root.update()
        time.sleep(0.01)
    assert translated(window) == arrived < 12
    assert any(line.startswith("Not translated yet") for line in english_lines(window))
    assert "cancelled" in window.status.cget("text")


def test_a_failed_paragraph_can_be_retried(
    translating_window: ReaderWindow, server: FakeTranslator, tmp_path: Path
) -> None:
    window = translating_window
    path = tmp_path / "kurz.txt"
    path.write_text("Der Bundesrat stimmt dem Gesetz zu.", encoding="utf-8")
    open_article(window, path, analysed=False)
    server.add_faults("403")
    window.translation_bar.translate_all()
    session = window.state.session
    assert session is not None
    wait_until(window.root, lambda: 0 in session.translations, what="the failure")
    assert not session.translations[0].ok
    assert english_lines(window)[0].startswith("⚠ Not translated")
    assert "failed" in window.status.cget("text")

    window.reading_view.retry_buttons[0].invoke()
    wait_until(window.root, lambda: translated(window) == 1, what="the retried paragraph")
    assert english_lines(window) == ["EN[Der Bundesrat stimmt dem Gesetz zu.]"]
    assert 0 not in window.reading_view.retry_buttons


def test_a_reason_shared_by_failed_paragraphs_is_spelled_out_once(
    translating_window: ReaderWindow, server: FakeTranslator, article_file: Path
) -> None:
    window = translating_window
    open_article(window, article_file, analysed=False)
    server.add_faults(*["403"] * 10)
    window.translation_bar.translate_all()
    session = window.state.session
    assert session is not None
    wait_until(window.root, lambda: len(session.translations) == 3, what="three failures")
    assert not any(t.ok for t in session.translations.values())
    lines = english_lines(window)
    assert lines[0].startswith("⚠ Not translated: ")
    assert all(
        line.startswith("⚠ Not translated (the same problem as above)") for line in lines[1:]
    )
    assert set(window.reading_view.retry_buttons) == {0, 1, 2}

    server.faults.clear()
    window.reading_view.retry_buttons[0].invoke()
    wait_until(window.root, lambda: translated(window) == 1, what="the retried paragraph")
    # Nothing failed above paragraph 1 any more, so it now gives the reason itself.
    assert english_lines(window)[1].startswith("⚠ Not translated: ")


def test_results_for_an_article_no_longer_open_are_dropped(
    translating_window: ReaderWindow, server: FakeTranslator, tmp_path: Path, article_file: Path
) -> None:
    window = translating_window
    open_article(window, many_paragraphs(tmp_path, 6), analysed=False)
    server.latency_s = 0.3
    window.translation_bar.translate_all()
    window.root.update()
    open_article(window, article_file, analysed=False)
    end = time.monotonic() + 0.8
    while time.monotonic() < end:
        window.root.update()
        time.sleep(0.01)
    session = window.state.session
    assert session is not None and session.document.source.path == article_file
    assert session.translations == {}
    assert all(line.startswith("Not translated yet") for line in english_lines(window))


def test_the_window_stays_responsive_while_translating(
    translating_window: ReaderWindow, server: FakeTranslator, tmp_path: Path
) -> None:
    window = translating_window
    open_article(window, many_paragraphs(tmp_path, 30))
    server.latency_s = LATENCY_S
    window.translation_bar.translate_all()
    gap = largest_event_loop_gap(window.root, lambda: translated(window) == 30)
    print(f"largest event-loop gap while translating: {gap * 1000:.0f} ms")
    # Not a speed test (those are benchmarks): a request answered on the Tk thread would stall
    # the loop for at least the server's latency, whatever the machine's load.
    assert gap < LATENCY_S, f"the event loop stalled for {gap * 1000:.0f} ms"
    assert window.translation_bar.progress_text.get() == "30 / 30 translated"


def test_the_provider_chooser_switches_provider(
    translating_window: ReaderWindow, tmp_path: Path
) -> None:
    window = translating_window
    box = window.translation_bar.provider_box
    assert box.get() == "Google Translate"
    box.set("LibreTranslate")
    box.event_generate("<<ComboboxSelected>>")
    window.root.update()
    assert window.state.provider_name == "libre"
    assert (
        window.translation_bar.provider_menu_var.get() == "libre"
    )  # the Translate → Provider menu agrees
    from reader.settings import load_settings

    path = tmp_path / "settings.json"
    wait_until(window.root, lambda: load_settings(path).provider == "libre", what="the save")


def test_the_window_stays_responsive_while_opening_a_long_article(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window()
    path = many_paragraphs(tmp_path, 150)

    def settled() -> bool:
        session = window.state.session
        return session is not None and session.analysed and not window.reading_view.aligning

    window.opener.open_path(path)
    gap = largest_event_loop_gap(window.root, settled)
    print(f"largest event-loop gap while opening: {gap * 1000:.0f} ms")
    # Loading or analysing 150 paragraphs on the Tk thread would stall it for longer than this
    # even on a fast machine; the bound leaves room for a busy test machine.
    assert gap < 0.3, f"the event loop stalled for {gap * 1000:.0f} ms"
    view = window.reading_view
    visible = view.visible_paragraphs()
    assert view.paragraph_count == 150 and visible is not None
    assert set(range(visible.first, visible.last + 1)) <= view.paddings.keys()
    # Paragraphs far below are padded when the reader gets there.
    view.scroll_to_paragraph(149)
    wait_until(window.root, lambda: 149 in view.paddings, what="the last paragraph aligned")
