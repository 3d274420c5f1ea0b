"""The standalone app as users run it: build the one-folder app, self-test it, open a window.

Slow (the PyInstaller build takes 30–90 s, once per test session); `make test` and CI run it.
Every run of the frozen app inherits the temporary XDG folders of tests/conftest.py, so the
tests also see where it keeps its settings, cache and log.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader import __version__, paths

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow

ARTICLE = """# Streit über den Haushalt

Der Bundestag hat am Donnerstag über den Haushalt beraten. Die Opposition kritisierte die neuen
Schulden scharf.

Im Bundesrat zeichnet sich dagegen eine Mehrheit für das Gesetz ab.
"""
TRANSLATED = "[translated by the loopback server]"
# The offline dictionary the builds bundle: a few lines in Ding's format, so the test does not
# depend on the real one (41 MB) being built.
DING_LINES = """\
Haushalt {m} | Haushalte {pl} :: budget | budgets
Sanktion {f} [pol.] | Sanktionen {pl} :: sanction | sanctions
"""


@pytest.fixture(scope="session")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder app and the one-file executable (one PyInstaller run), built once per
    test session into a temporary folder, with a small dictionary; returns the dist folder."""
    from reader.dictionary.ding import read_lines
    from reader.dictionary.store import build

    out = tmp_path_factory.mktemp("package")
    dictionary = out / "dictionary.sqlite"
    build(read_lines(iter(DING_LINES.splitlines())), dictionary)
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build_spec" / "build.py"),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "build"),
        ],
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
        env=dict(os.environ, READER_DICTIONARY=str(dictionary)),
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out / "dist"


@pytest.fixture(scope="session")
def app(builds: Path) -> Path:
    """The one-folder app."""
    executable = builds / "german-reader" / "german-reader"
    assert executable.is_file()
    return executable


@pytest.fixture(autouse=True)
def bundled_dictionary_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The frozen apps find their own dictionary, not one named by the environment."""
    monkeypatch.delenv("READER_DICTIONARY", raising=False)


@pytest.fixture
def fake_google() -> Iterator[str]:
    """A loopback server answering like Google's translation page: no test reaches the internet."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            text = query.get("q", [""])[0]
            # As long as what was sent, line by line: the service refuses answers that are far
            # shorter than the text (a page cut off) or have another number of lines.
            answer = "\n".join(f"{TRANSLATED} {line.upper()}" for line in text.split("\n"))
            page = f'<html><body><div class="result-container">{answer}</div></body></html>'
            body = page.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_frozen_self_test_passes(app: Path) -> None:
    result = subprocess.run(
        [str(app), "--self-test"], capture_output=True, text=True, timeout=180, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = _report_lines(result.stdout)
    assert result.stdout.rstrip().endswith("self-test passed")
    header = result.stdout.splitlines()[0]
    assert "(frozen; report in " in header
    # The same report is in the log folder, where a windowed Windows build leaves it.
    written = Path(header.split("report in ", 1)[1].rstrip(")"))
    assert written.read_text(encoding="utf-8") == result.stdout
    # The bundled voice spoke a sentence (whether this machine can play it or not).
    assert report["speech"].startswith("ok, "), report["speech"]
    # pytest-xvfb gives it a display, so the window really opened and closed.
    assert report["window"].startswith("ok, opened and closed"), report["window"]
    # The frozen app's folders are the ones the unfrozen package computes here.
    assert report["folders"].startswith(
        f"ok, settings {paths.config_dir()}, cache {paths.cache_dir()}, logs {paths.log_dir()} "
    )


def test_every_build_bundles_the_offline_dictionary(builds: Path, app: Path) -> None:
    assert (app.parent / "_internal" / "reader" / "data" / "dictionary.sqlite").is_file()
    onefile = builds / "german-reader-onefile"
    assert onefile.is_file()
    for executable in (app, onefile):
        result = subprocess.run(
            [str(executable), "lookup", "Sanktionen", "--json"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        card = json.loads(result.stdout)
        assert any("sanction" in entry["en"] for entry in card["dictionary"]), executable.name


def test_frozen_version(app: Path) -> None:
    result = subprocess.run(
        [str(app), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.strip() == f"reader {__version__}"


def test_frozen_app_bundles_german_data_only(app: Path) -> None:
    bundled = app.parent / "_internal"
    names = {path.relative_to(bundled).as_posix() for path in bundled.rglob("*")}
    simplemma = {name.rsplit("/", 1)[-1] for name in names if name.endswith(".plzma")}
    assert simplemma == {"de.plzma"}
    # ...and its German forms prebuilt as a trie, so the first analysis need not build it.
    assert "reader/data/lemmas/de.dic" in names
    wordfreq = {name for name in names if name.startswith("wordfreq/data/")}
    assert wordfreq == {"wordfreq/data/large_de.msgpack.gz", "wordfreq/data/small_de.msgpack.gz"}
    babel_locales = [name for name in names if name.startswith("babel/locale-data/")]
    assert "babel/locale-data/de.dat" in babel_locales and len(babel_locales) < 10
    # Used by the tests only (textstat, with nltk and pyphen) or by nothing at all.
    for unused in ("textstat", "nltk", "pyphen", "numpy", "PIL", "lxml/objectify"):
        assert not any(name.startswith(unused) for name in names), unused
    assert "reader/glossary/data/parliament_government.toml" in names
    # The voice: the library and the German (and English, for loan words) data only.
    espeak = {name for name in names if name.startswith("espeakng_loader/espeak-ng-data/")}
    dictionaries = {name.rsplit("/", 1)[-1] for name in espeak if name.endswith("_dict")}
    assert dictionaries == {"de_dict", "en_dict"}
    assert "espeakng_loader/espeak-ng-data/phontab" in espeak
    assert any(name.startswith("espeakng_loader/libespeak-ng") for name in names)
    assert "certifi/cacert.pem" in names


def test_frozen_command_line_analyses_an_article(app: Path, tmp_path: Path) -> None:
    article = tmp_path / "haushalt.md"
    article.write_text(ARTICLE, encoding="utf-8")
    frozen = subprocess.run(
        [str(app), "analyze", str(article)], capture_output=True, text=True, timeout=60
    )
    unfrozen = subprocess.run(
        [sys.executable, "-m", "reader", "analyze", str(article)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert frozen.returncode == 0, frozen.stderr
    assert frozen.stdout == unfrozen.stdout


@pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed")
def test_frozen_app_opens_an_article_and_closes_cleanly(
    app: Path, tmp_path: Path, fake_google: str
) -> None:
    article = tmp_path / "haushalt.md"
    article.write_text(ARTICLE, encoding="utf-8")
    output = tmp_path / "output.txt"
    with output.open("w") as sink:
        process = subprocess.Popen(
            [str(app), str(article), "--provider", "google", "--endpoint", fake_google],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        # Found by the article's title, which the window takes once the article has loaded (in
        # a thread, after the window shows); other tests' windows may share this display.
        window = _wait_for_window("Streit über den Haushalt — German Reader", timeout=60)
        cache = paths.cache_dir() / "translations.sqlite3"
        _wait_for(lambda: TRANSLATED in _sqlite_text(cache), 30, "a cached translation")
        # Ctrl+Q as a user would type it: focus the window, then a real key press (XTEST).
        subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True)
        subprocess.run(["xdotool", "key", "ctrl+q"], check=True)
        assert process.wait(timeout=30) == 0
    except AssertionError as failure:
        raise AssertionError(f"{failure}\n{_diagnostics(process, output)}") from None
    finally:
        if process.poll() is None:
            process.kill()
    # Closing saved the settings and the log where the unfrozen app keeps them.
    assert (paths.config_dir() / "settings.json").is_file()
    assert (paths.log_dir() / "reader.log").is_file()


def _diagnostics(process: subprocess.Popen[bytes], output: Path) -> str:
    """What the app said, and what the display showed, for a failure message."""
    log = paths.log_dir() / "reader.log"
    windows = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "."], capture_output=True, text=True
    ).stdout.split()
    return (
        f"exit status: {process.poll()}\n"
        f"visible windows: {[_window_name(window).strip() for window in windows]}\n"
        f"output:\n{output.read_text(errors='replace')[-3000:]}\n"
        f"log:\n{log.read_text(errors='replace')[-3000:] if log.is_file() else '(none)'}"
    )


def _report_lines(stdout: str) -> dict[str, str]:
    """The self-test's `  name   detail (0.12 s)` lines as {name: detail}."""
    lines: dict[str, str] = {}
    for line in stdout.splitlines():
        if line.startswith("  "):
            name, _, detail = line.strip().partition("  ")
            lines[name] = detail.strip()
    return lines


def _sqlite_text(path: Path) -> str:
    """Every value in every table of the SQLite file at `path`, as one string ('' if none yet)."""
    if not path.is_file():
        return ""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return "\n".join(
            str(value)
            for table in tables
            for row in connection.execute(f'SELECT * FROM "{table}"')
            for value in row
        )
    except sqlite3.Error:  # the app is creating or writing it right now: look again later
        return ""
    finally:
        connection.close()


def _wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"no {what} within {timeout} s")
        time.sleep(0.2)


def _window_name(window: str) -> str:
    """The window's title ('' if it has gone meanwhile)."""
    return subprocess.run(
        ["xdotool", "getwindowname", window], capture_output=True, text=True, check=False
    ).stdout


def _wait_for_window(title: str, timeout: float) -> str:
    """The visible window whose title contains `title`. xdotool's own --name matching misses
    titles with umlauts, so it only narrows the search to German Reader windows."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        candidates = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "German Reader"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        for window in candidates:
            if title in _window_name(window):
                return window
        time.sleep(0.2)
    raise AssertionError(f"no window titled {title!r} appeared within {timeout} s")
