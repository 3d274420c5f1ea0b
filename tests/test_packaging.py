"""The standalone app as users run it: build the one-folder app, self-test it, open a window.

Slow (a PyInstaller build takes a minute or two); `make test` and CI run it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow

ARTICLE = """# Streit über den Haushalt

Der Bundestag hat am Donnerstag über den Haushalt beraten. Die Opposition kritisierte die neuen
Schulden scharf.

Im Bundesrat zeichnet sich dagegen eine Mehrheit für das Gesetz ab.
"""


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
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


def test_frozen_self_test_passes(app: Path) -> None:
    assert os.environ.get("DISPLAY"), "pytest-xvfb provides a display"
    result = subprocess.run(
        [str(app), "--self-test"], capture_output=True, text=True, timeout=180, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "window" in result.stdout and "skipped" not in result.stdout.split("window")[1][:40]


def test_frozen_version(app: Path) -> None:
    from reader import __version__

    result = subprocess.run([str(app), "--version"], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == f"reader {__version__}"


@pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed")
def test_frozen_app_opens_an_article_and_closes_cleanly(app: Path, tmp_path: Path) -> None:
    article = tmp_path / "haushalt.md"
    article.write_text(ARTICLE, encoding="utf-8")
    process = subprocess.Popen([str(app), str(article)])
    try:
        window = _wait_for_window("German Reader", timeout=60)
        title = subprocess.run(
            ["xdotool", "getwindowname", window], capture_output=True, text=True, check=True
        ).stdout
        assert "Streit über den Haushalt" in title
        subprocess.run(["xdotool", "key", "--window", window, "ctrl+q"], check=True)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()


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
