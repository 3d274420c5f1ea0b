"""The standalone app as users run it: build the one-folder app, self-test it, open a window.

Slow (the PyInstaller build takes 30–90 s, once per test session); `make test` and CI run it.
Every run of the frozen app inherits the temporary XDG folders of tests/conftest.py, so the
tests also see where it keeps its settings, cache and log.
"""

from __future__ import annotations

import http.server
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


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder app, built once per test session into a temporary folder."""
    out = tmp_path_factory.mktemp("package")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build_spec" / "build.py"),
            "--onedir-only",
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "build"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    executable = out / "dist" / "german-reader" / "german-reader"
    assert executable.is_file()
    return executable


@pytest.fixture
def fake_google() -> Iterator[str]:
    """A loopback server answering like Google's translation page: no test reaches the internet."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            answer = f"{TRANSLATED} {len(query.get('q', [''])[0])}"
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
    assert "(frozen)" in result.stdout.splitlines()[0]
    # pytest-xvfb gives it a display, so the window really opened and closed.
    assert report["window"].startswith("ok, opened and closed"), report["window"]
    # The frozen app's folders are the ones the unfrozen package computes here.
    assert report["folders"].startswith(
        f"ok, settings {paths.config_dir()}, cache {paths.cache_dir()}, logs {paths.log_dir()} "
    )


def test_frozen_version(app: Path) -> None:
    result = subprocess.run(
        [str(app), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.strip() == f"reader {__version__}"


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
    process = subprocess.Popen(
        [str(app), str(article), "--provider", "google", "--endpoint", fake_google]
    )
    try:
        window = _wait_for_window("German Reader", timeout=60)
        title = subprocess.run(
            ["xdotool", "getwindowname", window], capture_output=True, text=True, check=True
        ).stdout
        assert "Streit über den Haushalt" in title
        cache = paths.cache_dir() / "translations.sqlite3"
        _wait_for(lambda: TRANSLATED in _sqlite_text(cache), 30, "a cached translation")
        # Ctrl+Q as a user would type it: focus the window, then a real key press (XTEST).
        subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True)
        subprocess.run(["xdotool", "key", "ctrl+q"], check=True)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
    # Closing saved the settings and the log where the unfrozen app keeps them.
    assert (paths.config_dir() / "settings.json").is_file()
    assert (paths.log_dir() / "reader.log").is_file()


def _report_lines(stdout: str) -> dict[str, str]:
    """The self-test's `  name   detail (0.12 s)` lines as {name: detail}."""
    lines: dict[str, str] = {}
    for line in stdout.splitlines():
        if line.startswith("  "):
            name, _, detail = line.strip().partition("  ")
            lines[name] = detail.strip()
    return lines


def _sqlite_text(path: Path) -> str:
    """Every value in every table of the SQLite file at `path`, as one string ('' if none)."""
    if not path.is_file():
        return ""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        tables = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        values = [
            str(value)
            for table in tables
            for row in connection.execute(f'SELECT * FROM "{table}"')
            for value in row
        ]
    connection.close()
    return "\n".join(values)


def _wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"no {what} within {timeout} s")
        time.sleep(0.2)


def _wait_for_window(name: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", name],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        if found:
            return found[-1]
        time.sleep(0.2)
    raise AssertionError(f"no window named {name!r} appeared within {timeout} s")
