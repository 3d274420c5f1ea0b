"""Bad input: every problem is a LoadError whose one-line message names the file and the problem."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.document import Format, Source
from reader.errors import LoadError
from reader.loading import DEFAULT_MAX_BYTES, load_bytes, load_path, load_text
from tests.fixtures_builders import (
    EpubBook,
    EpubChapter,
    PdfPage,
    build_docx,
    build_epub,
    build_pdf,
    build_zip_bomb,
    write,
)

SENTENCE = "Der Bundestag hat das Gesetz mit großer Mehrheit beschlossen."


def load_error(path: Path, **options: int) -> str:
    """The message of the LoadError that loading `path` raises; checks it is one line."""
    with pytest.raises(LoadError) as caught:
        load_path(path, **options)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    return message


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in load_error(tmp_path / "fehlt.txt")


def test_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ordner.txt"
    folder.mkdir()
    assert "folder" in load_error(folder)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may read anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "geheim.txt", SENTENCE)
    path.chmod(0)
    assert "permission denied" in load_error(path)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx", ".pdf", ".epub", ""])
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    assert "empty" in load_error(write(tmp_path / f"leer{suffix}", b""))


@pytest.mark.parametrize("content", [" ", "\n\n\t \r\n", "\ufeff  \n", "   \n" * 1000])
def test_whitespace_only_text(tmp_path: Path, content: str) -> None:
    assert "whitespace" in load_error(write(tmp_path / "leer.txt", content))


def test_markup_without_words_is_empty(tmp_path: Path) -> None:
    assert "no text" in load_error(write(tmp_path / "leer.md", "# \n\n---\n\n![](bild.png)\n"))


def test_pasted_whitespace_names_the_paste() -> None:
    with pytest.raises(LoadError, match="the pasted text: there is no text"):
        load_text(" \n ", Source(path=None, format="clipboard"))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bild.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256))),
        ("programm", b"\x7fELF\x02\x01\x01\0" + bytes(200)),
        ("archiv.zip", build_zip_bomb("daten.bin", 10)),
        ("tabelle.xlsx", b"PK\x03\x04" + bytes(100)),
    ],
)
def test_binary_or_unsupported_files_list_the_supported_formats(
    tmp_path: Path, name: str, data: bytes
) -> None:
    message = load_error(write(tmp_path / name, data))
    assert "unsupported" in message
    assert "txt, md, html, docx, pdf, epub" in message


def test_old_word_files_get_a_hint(tmp_path: Path) -> None:
    message = load_error(
        write(tmp_path / "brief.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    )
    assert "save it as .docx" in message


def test_binary_data_with_a_txt_name(tmp_path: Path) -> None:
    assert "binary" in load_error(write(tmp_path / "falsch.txt", bytes(range(256)) * 4))


def test_undecodable_bytes(tmp_path: Path) -> None:
    # 0x81 and 0x9D are undefined in Windows-1252 and invalid in UTF-8.
    data = ("Größe " * 20).encode("utf-8")[:-1] + b"\x81\x9d\x81 und so weiter"
    assert "cannot decode" in load_error(write(tmp_path / "kaputt.txt", data))


def test_broken_utf16_after_a_bom(tmp_path: Path) -> None:
    data = b"\xff\xfe" + "Text".encode("utf-16-le") + b"\x00\xd8\x41"  # a lone surrogate, odd end
    assert "cannot decode" in load_error(write(tmp_path / "kaputt.txt", data))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("kaputt.docx", b"PK\x03\x04 this is not really a zip archive"),
        ("kaputt.docx", build_zip_bomb("irgendwas.xml", 10)),  # a zip, but no word/document.xml
        ("kaputt.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF"),
        ("kaputt.pdf", b"Dies ist gar kein PDF, nur Text mit der falschen Endung."),
        ("kaputt.epub", b"PK\x03\x04\x14\x00garbage"),
        ("kaputt.epub", build_zip_bomb("mimetype", 10)),  # no container.xml and no .opf
    ],
)
def test_corrupt_documents(tmp_path: Path, name: str, data: bytes) -> None:
    assert "not a valid" in load_error(write(tmp_path / name, data))


def test_truncated_docx(tmp_path: Path) -> None:
    data = build_docx([("Normal", SENTENCE)])
    assert "not a valid Word" in load_error(write(tmp_path / "halb.docx", data[: len(data) // 2]))


def test_truncated_pdf(tmp_path: Path) -> None:
    data = build_pdf([PdfPage([SENTENCE])])
    message = load_error(write(tmp_path / "halb.pdf", data[:60]))
    assert "not a valid PDF" in message or "no text" in message


def test_epub_with_broken_opf(tmp_path: Path) -> None:
    book = EpubBook("T", [EpubChapter("a.xhtml", "A", [SENTENCE])])
    archive = io.BytesIO(build_epub(book))
    with zipfile.ZipFile(archive, "a") as zipped:
        zipped.writestr("broken/content.opf", "<package><manifest>")
    data = archive.getvalue()
    assert "T" in load_path(write(tmp_path / "ok.epub", data)).title  # the right OPF still wins
    broken = build_epub(EpubBook("T", [], opf_path="content.opf", extra_files={}))
    assert "no readable chapter" in load_error(write(tmp_path / "leer.epub", broken))


def test_file_above_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "riesig.txt", SENTENCE * 100)
    message = load_error(path, max_bytes=1000)
    assert "KB, above the size limit of 1000 bytes" in message


def test_default_size_limit_is_20_mb(tmp_path: Path) -> None:
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024
    path = tmp_path / "riesig.txt"
    with path.open("wb") as file:
        file.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: costs no disk space
    assert "above the size limit of 20 MB" in load_error(path)


@pytest.mark.parametrize(
    ("name", "member", "extra"),
    [
        ("bombe.docx", "word/document.xml", {"[Content_Types].xml": "<Types/>"}),
        ("bombe.epub", "OEBPS/kapitel.xhtml", {"mimetype": "application/epub+zip"}),
    ],
)
def test_zip_bomb_is_refused_by_declared_size(
    tmp_path: Path, name: str, member: str, extra: dict[str, str]
) -> None:
    data = build_zip_bomb(member, 5 * 1024 * 1024, extra=extra)
    assert len(data) < 100_000  # small on disk …
    message = load_error(write(tmp_path / name, data), max_bytes=1024 * 1024)
    assert "unpacks to more than 1 MB" in message  # … but not once unpacked


def _lie_about_size(data: bytes, member: str, claimed: int) -> bytes:
    """Rewrite the sizes a zip declares for `member`, as a hostile archive would."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.getinfo(member)
    real = info.file_size.to_bytes(4, "little")
    fake = claimed.to_bytes(4, "little")
    # The uncompressed size sits in both the local header and the central directory.
    assert data.count(real) >= 2
    return data.replace(real, fake)


def test_zip_bomb_that_lies_about_its_size_is_still_stopped(tmp_path: Path) -> None:
    big_chapter = EpubChapter("k.xhtml", "K", ["Wahl " * 60_000])  # ~300 KB unpacked
    data = _lie_about_size(build_epub(EpubBook("Bombe", [big_chapter])), "OEBPS/k.xhtml", 1000)
    assert sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist()) < 100_000
    with pytest.raises(LoadError) as caught:
        load_bytes(data, "luegner.epub", max_bytes=100_000)
    # Either the real byte count trips the limit or zipfile notices the lie: never a crash.
    assert str(caught.value).startswith("luegner.epub: ")


# --- property: arbitrary bytes either load or raise LoadError ----------------------------------

SUFFIXES = [".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf", ".epub", ".xyz", ""]

_seeds = [
    SENTENCE.encode(),
    build_pdf([PdfPage([SENTENCE])]),
    build_docx([("Normal", SENTENCE)]),
    build_epub(EpubBook("T", [EpubChapter("a.xhtml", "A", [SENTENCE])])),
]


def _mutated(seed: bytes, data: st.DataObject) -> bytes:
    """A document with a few bytes changed or cut off: damaged, but only a little."""
    out = bytearray(seed)
    for _ in range(data.draw(st.integers(0, 8))):
        position = data.draw(st.integers(0, len(out) - 1))
        out[position] = data.draw(st.integers(0, 255))
    return bytes(out[: data.draw(st.integers(0, len(out)))])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.data(),
    suffix=st.sampled_from(SUFFIXES),
    kind=st.sampled_from(["random", "mutated"]),
)
def test_any_bytes_load_or_raise_load_error(data: st.DataObject, suffix: str, kind: str) -> None:
    if kind == "random":
        content = data.draw(st.binary(max_size=2000))
    else:
        content = _mutated(data.draw(st.sampled_from(_seeds)), data)
    try:
        document = load_bytes(content, f"zufall{suffix}")
    except LoadError as error:
        assert "\n" not in str(error)
        assert str(error).startswith(f"zufall{suffix}: ")
    else:
        assert document.paragraphs
        assert all(
            paragraph.strip() == paragraph and paragraph for paragraph in document.paragraphs
        )


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=600), format=st.sampled_from(["clipboard", "stdin", "md", "html"]))
def test_any_text_loads_or_raises_load_error(text: str, format: Format) -> None:
    try:
        document = load_text(text, Source(path=None, format=format))
    except LoadError as error:
        assert "\n" not in str(error)
    else:
        assert document.paragraphs
        assert all(paragraph and "\n" not in paragraph for paragraph in document.paragraphs)
