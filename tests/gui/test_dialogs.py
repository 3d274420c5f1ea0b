"""Open URL, the Settings dialog, the empty clipboard, and the README screenshot."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from reader.gui.app import ReaderWindow
from reader.gui.settings_dialog import SettingsDialog, open_settings
from reader.gui.url_dialog import UrlDialog
from reader.settings import Settings, load_settings
from tests.gui.conftest import WindowFactory, open_sample, wait_until
from tests.keyrings import MemoryKeyring

pytestmark = pytest.mark.gui

PAGE = """<!doctype html><html lang="de"><head><title>Bundesrat billigt Reform</title></head>
<body><nav>Startseite | Politik</nav><article><h1>Bundesrat billigt Reform</h1>
<p>Der Bundesrat hat am Freitag der Reform der Schuldenbremse zugestimmt. Die Länder hatten
lange über die Verteilung der Mittel verhandelt.</p>
<p>Die Opposition kündigte an, vor dem Bundesverfassungsgericht zu klagen. Eine Entscheidung
wird nicht vor dem Sommer erwartet.</p></article><footer>Impressum</footer></body></html>"""


@pytest.fixture
def web_server() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/artikel.html"
    server.shutdown()
    server.server_close()


def test_open_url_downloads_the_article(make_window: WindowFactory, web_server: str) -> None:
    window = make_window()
    make_window.dialogs.url_answers.append(web_server)
    window.opener.choose_url()
    wait_until(window.root, lambda: window.state.session is not None, what="the web article")
    session = window.state.session
    assert session is not None and session.document.source.url == web_server
    text = window.reading_view.german.get("1.0", "end")
    assert "Der Bundesrat hat am Freitag" in text
    assert "Impressum" not in text


def test_url_dialog_checks_the_address_before_closing(window: ReaderWindow) -> None:
    dialog = UrlDialog(window.root)
    dialog.entry.insert(0, "ftp://example.org/artikel")
    dialog.ok()
    assert dialog.winfo_exists() and dialog.result is None
    assert "http" in dialog.problem.cget("text")
    dialog.entry.delete(0, "end")
    dialog.entry.insert(0, "https://example.org/artikel")
    dialog.ok()
    assert dialog.result == "https://example.org/artikel"


def test_settings_dialog_validates_and_applies(window: ReaderWindow, tmp_path: Path) -> None:
    dialog = SettingsDialog(window.root, window.state)
    dialog.endpoint.set("not a url")
    dialog.ok()
    assert dialog.winfo_exists()
    assert "endpoint" in dialog.problem.cget("text")
    dialog.endpoint.set("http://127.0.0.1:5000/")
    dialog.font_size.set("99")
    dialog.ok()
    assert "font size" in dialog.problem.cget("text")
    dialog.font_size.set("16")
    dialog.theme.set("dark")
    dialog.ok()
    window.root.update()

    assert not dialog.winfo_exists()
    assert window.state.endpoint == "http://127.0.0.1:5000/"
    assert window.reading_view.body_font.cget("size") == 16
    assert window.reading_view.german.cget("background") == "#1e1f22"
    path = tmp_path / "settings.json"
    wait_until(window.root, lambda: load_settings(path).theme == "dark", what="the saved settings")
    saved = load_settings(path)
    assert (saved.font_size, saved.theme, saved.endpoint) == (16, "dark", "http://127.0.0.1:5000/")


def test_an_endpoint_login_goes_to_the_keyring_not_the_settings(
    make_window: WindowFactory, memory_keyring: MemoryKeyring
) -> None:
    window = make_window()
    dialog = SettingsDialog(window.root, window.state)
    dialog.provider.set("LibreTranslate")
    dialog.endpoint.set("https://anna:geheimes-Passwort@libre.example.org/")
    dialog.ok()
    wait_until(window.root, lambda: memory_keyring.store, what="the login in the keyring")
    assert memory_keyring.store == {
        ("german-reader", "endpoint https://libre.example.org"): "anna:geheimes-Passwort"
    }
    assert window.state.endpoint == "https://libre.example.org/"
    settings = window.state.provider_settings()
    assert (settings.endpoint, settings.endpoint_login) == (
        "https://libre.example.org/",
        "anna:geheimes-Passwort",
    )
    path = tmp_settings(make_window)
    wait_until(window.root, lambda: load_settings(path).provider == "libre", what="the save")
    written = path.read_text(encoding="utf-8")
    assert "https://libre.example.org/" in written and "anna" not in written
    assert "geheimes-Passwort" not in written
    again = SettingsDialog(window.root, window.state)  # shows the address without the login
    assert again.endpoint.get() == "https://libre.example.org/"
    again.endpoint.set("")
    again.ok()
    wait_until(window.root, lambda: not memory_keyring.store, what="the login forgotten")


def test_an_endpoint_login_from_the_command_line_is_never_shown(
    make_window: WindowFactory, memory_keyring: MemoryKeyring
) -> None:
    window = make_window(provider="libre", endpoint="http://anna:geheimes-Passwort@127.0.0.1:9/")
    dialog = SettingsDialog(window.root, window.state)
    assert dialog.endpoint.get() == "http://127.0.0.1:9/"
    assert window.state.provider_settings().endpoint_login == "anna:geheimes-Passwort"
    assert memory_keyring.store == {}  # for this run only


def test_settings_dialog_takes_the_keyboard_so_escape_closes_it(window: ReaderWindow) -> None:
    window.root.focus_force()
    window.reading_view.german.focus_set()
    window.root.update()
    dialog = open_settings(window.root, window.state)
    window.root.update()
    assert window.root.focus_get() == dialog.key_entry
    dialog.key_entry.event_generate("<Escape>")
    window.root.update()
    assert not dialog.winfo_exists()


def test_pasting_an_empty_clipboard_says_what_to_do(make_window: WindowFactory) -> None:
    window = make_window()
    window.root.clipboard_clear()
    window.root.clipboard_append("   ")
    window.opener.paste()
    assert not make_window.dialogs.errors  # an information, with its icon, not an error
    assert "Copy some German text" in make_window.dialogs.infos[0][1]
    assert window.state.session is None


# The README's screenshots: a large screen and a small laptop's, each light and dark.
SCREENSHOT_SIZES = {"1600x1000": (1600, 1000), "1024x700": (1024, 700)}


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("size", list(SCREENSHOT_SIZES))
def test_screenshot_for_the_readme(make_window: WindowFactory, size: str, theme: str) -> None:
    """Saves the window, menu bar included, to $READER_SCREENSHOT/main-window-SIZE-THEME.png
    (skipped when unset; the screen must be large enough: `-o xvfb_width=1600 -o
    xvfb_height=1000`). The light 1024×700 one also shows the word card (word-card.png)."""
    folder = os.environ.get("READER_SCREENSHOT")
    if not folder:
        pytest.skip("READER_SCREENSHOT is not set")
    if shutil.which("import") is None:
        pytest.skip("ImageMagick's import is not installed")
    width, height = SCREENSHOT_SIZES[size]
    window = make_window(settings=Settings(theme=theme, translate_on_open=False))
    root = window.root
    if root.winfo_screenwidth() < width or root.winfo_screenheight() < height:
        pytest.skip(f"the screen is smaller than {size}")
    root.geometry(f"{width}x{height}+0+0")
    root.update()
    # Tk's geometry leaves the menu bar out: take it off the height, so the whole is the size
    # (with no window manager the frame is at the screen's top, the menu bar above the root).
    menu_bar = root.winfo_rooty()
    root.geometry(f"{width}x{height - menu_bar}+0+0")
    open_sample(window)
    view = window.reading_view
    view.align_now()
    view.pointer.highlight_sentence((0, 1), "hover")  # as if the pointer rested on it
    root.update()
    target = Path(folder) / f"main-window-{size}-{theme}.png"
    capture(size, target)
    if size == "1024x700" and theme == "light":
        word_card_screenshot(window, Path(folder) / "word-card.png")


def word_card_screenshot(window: ReaderWindow, target: Path) -> None:
    """The word card for a compound the dictionary knows, over the side pane."""
    from reader.gui import events
    from reader.gui.word_context import word_context

    german = window.reading_view.german
    index = german.search("Bundesfinanzministerin", "1.0")
    line, column = (int(part) for part in index.split("."))
    context = word_context(german.get(f"{line}.0", f"{line}.end"), column + 3, line - 1)
    assert context is not None
    window.state.emit(events.WORD_CHOSEN, events.WordChosen(context))
    card = window.word_card
    wait_until(window.root, lambda: card.card is not None, what="the word card")
    window.root.update()
    capture(
        f"{window.root.winfo_width()}x{window.root.winfo_rooty() + window.root.winfo_height()}",
        target,
    )


def capture(size: str, target: Path) -> None:
    """The screen's top left corner, where the window is, menu bar included (which is a
    window of its own on X11, outside the root's frame)."""
    subprocess.run(
        ["import", "-window", "root", "-crop", f"{size}+0+0", "+repage", str(target)],
        check=True,
        timeout=30,
    )
    assert target.stat().st_size > 10_000


@pytest.mark.logs_errors
def test_an_api_key_that_cannot_be_stored_gives_a_dialog(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.translation

    def no_keyring(provider: str, key: str) -> None:
        raise reader.translation.KeyStorageError(
            "no usable system keyring to keep the DeepL API key; set DEEPL_API_KEY instead"
        )

    monkeypatch.setattr(reader.translation, "store_api_key", no_keyring)
    window = make_window()
    dialog = SettingsDialog(window.root, window.state)
    dialog.provider.set("DeepL")
    dialog.api_key.set("secret-key")
    dialog.ok()
    wait_until(window.root, lambda: make_window.dialogs.errors, what="the keyring error")
    title, message = make_window.dialogs.errors[0]
    assert "API key not saved" in title and "DEEPL_API_KEY" in message
    assert window.state.provider_name == "deepl"
    path = tmp_settings(make_window)
    wait_until(window.root, lambda: load_settings(path).provider == "deepl", what="the save")
    assert "secret-key" not in path.read_text(encoding="utf-8")


def test_a_vanished_recent_file_is_reported_and_forgotten(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window()
    gone = tmp_path / "gone.txt"
    gone.write_text("Der Bundestag tagt.", encoding="utf-8")
    window.opener.open_path(gone)
    wait_until(window.root, lambda: window.state.session is not None, what="the article")
    gone.unlink()
    window.opener.open_recent(str(gone.resolve()))
    assert make_window.dialogs.errors and "no longer exists" in make_window.dialogs.errors[0][1]
    assert str(gone.resolve()) not in window.state.settings.recent_files


def test_without_the_native_drop_library_the_window_still_opens(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tkinterdnd2 import TkinterDnD

    def missing(_root: object) -> None:
        raise RuntimeError("Unable to load tkdnd library.")

    monkeypatch.setattr(TkinterDnD, "_require", missing)
    window = make_window()
    assert not window.reading_view.drop.enabled
    assert window.reading_view.winfo_exists()


def tmp_settings(factory: WindowFactory) -> Path:
    return factory.tmp_path / "settings.json"


def test_messages_have_a_short_bold_headline_and_the_rest_below() -> None:
    from reader.gui.dialogs import split_message

    assert split_message("The clipboard holds no text.\n\nCopy some German text.") == (
        "The clipboard holds no text.",
        "Copy some German text.",
    )
    assert split_message("x.pdf no longer exists. Use File → Open to find it.") == (
        "x.pdf no longer exists.",
        "Use File → Open to find it.",
    )
    assert split_message("Export failed") == ("Export failed", "")


def test_the_open_dialog_starts_in_the_usual_place_then_where_it_was_used(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    from reader.gui.dialogs import start_folder
    from reader.paths import usual_article_folders

    usual = usual_article_folders()
    assert start_folder(None, usual) == next(folder for folder in usual if folder.is_dir())
    assert start_folder(str(tmp_path / "gone"), [tmp_path]) == tmp_path

    window = make_window()
    folder = tmp_path / "Zeitungen"
    folder.mkdir()
    article = folder / "artikel.txt"
    article.write_text("Der Bundestag tagt heute. Die Opposition kritisiert den Haushalt.")
    make_window.dialogs.open_answers.append(str(article))
    window.opener.choose_file()
    assert make_window.dialogs.open_folders[0] in usual  # not the program's own folder
    wait_until(window.root, lambda: window.state.session is not None, what="the article")
    window.opener.choose_file()  # cancelled, but it started where the last file was
    assert make_window.dialogs.open_folders[1] == folder
    saved = tmp_settings(make_window)
    wait_until(window.root, lambda: load_settings(saved).last_folder == str(folder), what="save")
