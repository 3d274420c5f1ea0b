from __future__ import annotations

import json
import subprocess
import sys

from reader import __version__


def run_reader(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_version() -> None:
    result = run_reader("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_analyze_stdin_json_has_every_section() -> None:
    result = run_reader("analyze", "-", "--json", stdin="Der Bundestag tagt.\n\nEr stimmt ab.\n")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {"source", "language", "paragraphs", "readability", "glossary"}
    assert report["source"]["format"] == "stdin"
    assert [p["text"] for p in report["paragraphs"]] == ["Der Bundestag tagt.", "Er stimmt ab."]


def test_missing_file_is_one_line_on_stderr_with_status_2(tmp_path: object) -> None:
    result = run_reader("analyze", "/nonexistent/artikel.txt")
    assert result.returncode == 2
    assert "artikel.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
