"""Every library the app imports is declared, and a missing one is named in one line.

The fresh-install crash this guards against: pip installed lxml without its html_clean extra,
and `import trafilatura` raised an ImportError traceback on every web page.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from reader.libraries import OPTIONAL_LIBRARIES, RUNTIME_LIBRARIES, missing_libraries

PROJECT = Path(__file__).resolve().parents[1]

# Run in a fresh interpreter in which lxml_html_clean cannot be imported, as after such an install.
WITHOUT_HTML_CLEAN = """
import sys
from importlib.abc import MetaPathFinder

class Block(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "lxml_html_clean" or name.startswith("lxml_html_clean."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, Block())
from reader.cli import main
sys.exit(main(sys.argv[1:]))
"""


def declared_distributions() -> set[str]:
    with (PROJECT / "pyproject.toml").open("rb") as handle:
        dependencies = tomllib.load(handle)["project"]["dependencies"]
    return {_normalise(re.split(r"[<>=!~\[ ;]", spec, maxsplit=1)[0]) for spec in dependencies}


def _normalise(distribution: str) -> str:
    return re.sub(r"[-_.]+", "-", distribution).lower()


# Declared for the tests that check our formulas against it; the app never imports it.
DECLARED_FOR_THE_TESTS = {"textstat"}


def test_every_imported_library_is_a_declared_dependency() -> None:
    libraries = {**RUNTIME_LIBRARIES, **OPTIONAL_LIBRARIES}
    imported = {_normalise(name) for name in libraries.values()}
    assert imported == declared_distributions() - DECLARED_FOR_THE_TESTS


def test_every_library_imports_here() -> None:
    assert missing_libraries() == []


def run_without_html_clean(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_HTML_CLEAN, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "DISPLAY": ""},
    )


def test_a_web_page_without_html_clean_is_one_line_naming_it(tmp_path: Path) -> None:
    page = tmp_path / "seite.html"
    page.write_text(
        "<html><body><article><p>Der Bundestag hat das Gesetz beschlossen.</p></article></body>"
        "</html>",
        encoding="utf-8",
    )

    result = run_without_html_clean("analyze", str(page))

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"reader: {page}: cannot read web pages")
    assert "lxml_html_clean" in lines[0]


def test_self_test_names_the_missing_library() -> None:
    result = run_without_html_clean("--self-test")

    assert result.returncode == 1
    assert "libraries            FAILED" in result.stdout
    assert "lxml_html_clean" in result.stdout
    assert "web page             FAILED" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
