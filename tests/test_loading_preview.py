"""The beginning of a long text file, read before the whole of it (reader.loading.preview)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.loading import load_path
from reader.loading.preview import PREVIEWED_FROM_BYTES, preview_path
from tests.benchmarks.bench_readability import build_text


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_the_preview_is_the_documents_beginning(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"buch{suffix}"
    path.write_text("# Ein langes Buch\n\n" + build_text(300_000, seed=4), encoding="utf-8")
    preview = preview_path(path)
    document = load_path(path)
    assert preview is not None
    assert 2 <= len(preview.paragraphs) < len(document.paragraphs)
    assert preview.paragraphs == document.paragraphs[: len(preview.paragraphs)]
    assert preview.title == document.title
    assert preview.source.path == path


def test_hard_wrapped_text_is_previewed_without_a_cut_paragraph(tmp_path: Path) -> None:
    import textwrap

    paragraphs = build_text(300_000, seed=5).split("\n\n")
    wrapped = "\n\n".join(textwrap.fill(paragraph, 72) for paragraph in paragraphs)
    path = tmp_path / "umbrochen.txt"
    path.write_text(wrapped, encoding="utf-8")
    preview = preview_path(path)
    assert preview is not None
    assert preview.paragraphs == load_path(path).paragraphs[: len(preview.paragraphs)]


def test_short_files_and_other_formats_have_no_preview(tmp_path: Path) -> None:
    short = tmp_path / "kurz.txt"
    short.write_text(build_text(PREVIEWED_FROM_BYTES // 2, seed=6), encoding="utf-8")
    assert preview_path(short) is None
    html = tmp_path / "seite.html"
    html.write_text("<p>" + build_text(PREVIEWED_FROM_BYTES * 2, seed=7) + "</p>", "utf-8")
    assert preview_path(html) is None
    assert preview_path(tmp_path / "fehlt.txt") is None


def test_a_file_the_loader_refuses_has_no_preview(tmp_path: Path) -> None:
    binary = tmp_path / "daten.txt"
    binary.write_bytes(bytes(range(256)) * 1000)
    assert preview_path(binary) is None
    too_large = tmp_path / "riesig.txt"
    too_large.write_text(build_text(PREVIEWED_FROM_BYTES * 2, seed=8), encoding="utf-8")
    assert preview_path(too_large, max_bytes=PREVIEWED_FROM_BYTES) is None
