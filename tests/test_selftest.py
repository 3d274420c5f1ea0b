"""`reader --self-test` from source: it passes here, and a broken installation is named."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader import selftest


def test_self_test_passes_from_source() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(from source; report in" in result.stdout
    assert "FAILED" not in result.stdout
    assert "window               ok, opened and closed" in result.stdout
    assert "speech               ok, " in result.stdout
    assert result.stdout.rstrip().endswith("self-test passed")


def test_missing_sample_fails_and_names_the_checks(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(selftest, "SAMPLE", tmp_path / "missing.md")
    monkeypatch.delenv("DISPLAY", raising=False)  # no window: only the data checks matter here

    assert selftest.run_self_test() == 1

    out = capsys.readouterr().out
    assert "sample article       FAILED: LoadError" in out
    assert "window               skipped, no display" in out
    failed = out.strip().splitlines()[-1]
    assert failed.startswith("self-test failed: sample article, readability, glossary")
    assert "certificates" not in failed and "key store" not in failed


def test_without_a_console_the_report_is_still_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A windowed Windows build runs with sys.stdout None: the file is where its result is."""
    monkeypatch.setattr(selftest, "SAMPLE", tmp_path / "missing.md")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setattr(sys, "stdout", None)

    assert selftest.run_self_test() == 1

    lines = selftest.report_file().read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("German Reader ") and "self-test" in lines[0]
    assert any(line.startswith("  sample article       FAILED: LoadError") for line in lines)
    assert lines[-1].startswith("self-test failed: sample article")
