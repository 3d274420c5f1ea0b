"""Crafted input that used to hang the loader or end in a traceback (issue 19).

No test here measures time: each input is long enough (runs of 100,000 characters) that a
quadratic pattern would not finish at all, or is checked for the one-line LoadError it must give.
"""

from __future__ import annotations

import importlib
import io
import pkgutil
import re
import zipfile
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reader.loading
from reader.errors import LoadError
from reader.loading import load_bytes, load_mail
from reader.loading.language import language_check
from reader.loading.markdown import parse_markdown
from tests.fixtures_builders import EpubBook, EpubChapter, build_epub

RUN = 100_000


def _loading_patterns() -> dict[str, re.Pattern[Any]]:
    """Every compiled pattern at the top level of a reader.loading module, by name."""
    patterns: dict[str, re.Pattern[Any]] = {}
    for module_info in pkgutil.iter_modules(reader.loading.__path__):
        module = importlib.import_module(f"reader.loading.{module_info.name}")
        for attribute, value in vars(module).items():
            if isinstance(value, re.Pattern) and value.__class__ is re.Pattern:
                patterns.setdefault(f"{module_info.name}.{attribute}", value)
    return patterns


PATTERNS = _loading_patterns()
# Characters the patterns give a meaning to, and openings that make them start a match.
CHARACTERS = " \t\n-#*_=[]()<>!|`~.:'\"\\aA1ä»"
OPENINGS = (
    *("", "#", "# a", "title:", 'title: "a', "---\n", "**a", "~~a", "==a", "[", "![", "[[a"),
    *("<", "<a ", "| --", ">", "`", "- ", "1.", "re:", "\\", "A", "<!--", "<meta ", "<?xml "),
)


def _exercise(pattern: re.Pattern[Any], text: str) -> None:
    """Every way the loader uses a pattern: match, fullmatch, search, sub and split scan alike."""
    subject: str | bytes = text.encode() if isinstance(pattern.pattern, bytes) else text
    pattern.match(subject)
    pattern.fullmatch(subject)
    for _ in pattern.finditer(subject):
        pass


def test_the_patterns_are_found() -> None:
    assert {"markdown._ATX_HEADING", "markdown._FRONT_MATTER_TITLE", "html._CHARSET"} <= set(
        PATTERNS
    )
    assert len(PATTERNS) > 50


@settings(max_examples=300, deadline=None)
@given(
    name=st.sampled_from(sorted(PATTERNS)),
    opening=st.one_of(st.sampled_from(OPENINGS), st.text(CHARACTERS, max_size=4)),
    run=st.sampled_from(CHARACTERS),
    ending=st.text(CHARACTERS, max_size=3),
)
def test_every_loading_pattern_finishes_on_a_run_of_100000(
    name: str, opening: str, run: str, ending: str
) -> None:
    _exercise(PATTERNS[name], opening + run * RUN + ending)


# The inputs that took seconds to minutes before (quadratic or cubic backtracking).
@pytest.mark.parametrize(
    ("name", "opening", "run", "ending"),
    [
        ("markdown._ATX_HEADING", "# a", " ", "b\nc"),
        ("markdown._ATX_HEADING", "# ", " ", "\nx"),
        ("markdown._FRONT_MATTER_TITLE", 'title: "a', " ", "b"),
        ("markdown._FRONT_MATTER_TITLE", 'title: "', "\t", "x"),
        ("markdown._TABLE_RULE", "", "\n", "`"),
        ("markdown._TABLE_RULE", "| --", " ", "x"),
        ("markdown._CODE_SPAN", "# ", "`", "#x"),
        ("pdflayout._LEADER", "", " ", "x"),
        ("markup._NOTE_MARK", ">", "\t", ""),
        ("webtitle._SEPARATOR", "<meta ", " ", ""),
    ],
)
def test_patterns_that_backtracked(name: str, opening: str, run: str, ending: str) -> None:
    _exercise(PATTERNS[name], opening + run * RUN + ending)


def test_heading_padded_with_spaces() -> None:
    title, paragraphs = parse_markdown("# Der Titel" + " " * RUN + "x\n\nDer Text.\n")
    assert title is not None and title.startswith("Der Titel") and title.endswith("x")
    assert paragraphs == ["Der Text."]


def test_front_matter_title_padded_with_spaces() -> None:
    text = '---\ntitle: "Der Titel' + " " * RUN + 'Ende"\n---\nDer Text.\n'
    title, paragraphs = parse_markdown(text)
    assert title == "Der Titel" + " " * RUN + "Ende"
    assert paragraphs == ["Der Text."]


@pytest.mark.parametrize(
    ("markdown", "title"),
    [
        ("# Titel ##\n\nText.", "Titel"),
        ("## Über C#\n\nText.", "Über C#"),
        ("#   Titel   \n\nText.", "Titel"),
        ("---\ntitle: 'Im Zitat'\n---\nText.", "Im Zitat"),
        ("---\ntitle: Ohne Zeichen  \n---\nText.", "Ohne Zeichen"),
    ],
)
def test_headings_and_titles_keep_their_meaning(markdown: str, title: str) -> None:
    assert parse_markdown(markdown) == (title, ["Text."])


# --- Tracebacks become one-line LoadErrors ------------------------------------------------------

SENTENCE = "Der Bundestag hat das Gesetz mit großer Mehrheit beschlossen."


def _assert_one_line(error: LoadError, name: str) -> None:
    message = str(error)
    assert message.startswith(f"{name}: ")
    assert message.isprintable()


def test_mail_nested_3000_levels() -> None:
    headers = b"From: a@example.org\nSubject: Tief\n"
    nesting = b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\n\n--b%d\n" % (level, level)
        for level in range(3000)
    )
    with pytest.raises(LoadError, match="nested too deeply") as caught:
        load_mail(headers + nesting + b"Content-Type: text/plain\n\nHallo\n", "tief.eml")
    _assert_one_line(caught.value, "tief.eml")


@pytest.mark.parametrize("charset", ["rot13", "base64", "zip", "idna", "utf-32", "cp037"])
def test_meta_charset_that_is_no_text_encoding(charset: str) -> None:
    page = f'<html><head><meta charset="{charset}"><title>T</title></head>'
    page += f"<body><article><p>{SENTENCE}</p></article></body></html>"
    document = load_bytes(page.encode(), "seite.html")
    assert document.paragraphs == (SENTENCE,)


# --- Elements by the ten thousand in one paragraph ----------------------------------------------
# Each of these was handled one element at a time, copying the paragraph's text so far every
# time: at these counts a quadratic step would not finish.

MARKS = 160_000


def test_an_epub_paragraph_with_160000_footnote_marks() -> None:
    chapter = EpubChapter("kapitel.xhtml", "Kapitel", ["x"])
    data = build_epub(EpubBook("Fußnoten", [chapter]))
    marked = "<p>" + "Gesetz<sup>1</sup> " * MARKS + "</p>"
    data = _with_member_text(data, "kapitel.xhtml", "<p>x</p>", marked)
    document = load_bytes(data, "noten.epub")
    assert document.paragraphs[-1] == ("Gesetz " * MARKS).strip()


def test_a_web_paragraph_with_40000_footnote_marks_and_line_breaks() -> None:
    count = 40_000
    paragraph = "Der Rat tagte<sup>1</sup> lange<br>und gerne. " * count
    page = f"<html><head><title>T</title></head><body><article><h1>Rat</h1><p>{paragraph}</p>"
    document = load_bytes(f"{page}</article></body></html>".encode(), "seite.html")
    assert document.paragraphs[-1] == ("Der Rat tagte lange und gerne. " * count).strip()


def test_column_gutters_of_200000_pages_without_any() -> None:
    from reader.loading.pdflayout import page_gutters

    pages: list[list[Any]] = [[] for _ in range(200_000)]
    assert page_gutters(pages, [595.0] * len(pages)) == [None] * len(pages)


def _with_member_text(data: bytes, member: str, old: str, new: str) -> bytes:
    """The zip `data` with `old` replaced by `new` in the member whose name ends in `member`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.endswith(member):
                content = content.decode().replace(old, new).encode()
            archive.writestr(info, content)
    return out.getvalue()


def _zip_needing_version(version: int, members: dict[str, str]) -> bytes:
    """A zip whose central directory says each member needs zip `version` (255: "25.5")."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for member, text in members.items():
            archive.writestr(member, text)
    data = bytearray(out.getvalue())
    position = 0
    while (position := data.find(b"PK\x01\x02", position)) != -1:
        data[position + 6 : position + 8] = version.to_bytes(2, "little")
        position += 4
    return bytes(data)


@pytest.mark.parametrize(
    ("name", "members"),
    [
        ("neu.docx", {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"}),
        ("neu.epub", {"mimetype": "application/epub+zip", "META-INF/container.xml": "<c/>"}),
    ],
)
def test_zip_version_25_5(name: str, members: dict[str, str]) -> None:
    with pytest.raises(LoadError, match=r"not supported: zip file version 25\.5") as caught:
        load_bytes(_zip_needing_version(255, members), name)
    _assert_one_line(caught.value, name)


# --- Messages are safe to print -----------------------------------------------------------------


def test_member_name_with_an_escape_sequence() -> None:
    # Without container.xml the package document is found by its ending, whatever its name.
    package = "OEBPS/\x1b[2J\x1b[31mrot.opf"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr(package, "<package kaputt")
    with pytest.raises(LoadError, match="not well-formed XML") as caught:
        load_bytes(out.getvalue(), "buch.epub")
    _assert_one_line(caught.value, "buch.epub")
    assert "\x1b" not in str(caught.value)
    assert r"\x1b[2J" in str(caught.value)


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("a\nb\rc\x1b[2Jd\x07e\u202ef\u2028g", r"a\nb\rc\x1b[2Jd\x07e\u202ef\u2028g"),
        ("https://anna:geheim@example.org/x: 404", "https://example.org/x: 404"),
        ("http://token@example.org/a@b ftp://u:p@h/", "http://example.org/a@b ftp://h/"),
        ("Übergrößenträger in „Anführung“ – ok", "Übergrößenträger in „Anführung“ – ok"),
    ],
)
def test_load_error_messages_are_safe(message: str, shown: str) -> None:
    assert str(LoadError(message)) == shown


# --- Other alphabets are not German -------------------------------------------------------------

RUSSIAN = (
    "Правительство представило во вторник новый план расширения железных дорог, который "
    "должен быть реализован до конца десятилетия. Критики считают, что финансирование "
    "проекта ещё не обеспечено и важные вопросы планирования остаются открытыми."
)
CHINESE = (
    "政府星期二提出了一项扩建铁路的新计划，该计划应在本十年结束前实施。批评者认为，"
    "该项目的资金尚未得到保障，规划中的重要问题仍未解决。"
)


@pytest.mark.parametrize(
    ("text", "code", "language"), [(RUSSIAN, "ru", "Russian"), (CHINESE, "zh", "Chinese")]
)
def test_long_texts_in_other_alphabets_are_not_german(text: str, code: str, language: str) -> None:
    document = load_bytes("\n\n".join([text] * 40).encode(), "artikel.txt")
    assert document.language == code
    assert document.language_warning is not None
    assert f"{language}, not German" in document.language_warning


def test_german_quoting_other_alphabets_stays_german() -> None:
    text = f"{SENTENCE} Der Kreml nannte es „{RUSSIAN[:40]}“, Peking „{CHINESE[:10]}“. {SENTENCE}"
    assert language_check([text, SENTENCE * 3]) == ("de", None)
