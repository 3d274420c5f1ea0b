"""Bringing known words in from other tools and taking the statuses out (no tkinter).

Import reads the whole file and checks every line before anything is stored; then one
transaction stores it all. A file that is not what it claims gets one line naming the file (and
the line) and changes nothing. Formats, recognised by their first line:

- a plain list: one word a line (`#` starts a comment); each word counts by its lemma, so
  "Häuser" marks "Haus";
- Anki's "Notes in Plain Text" export (`#separator:tab`, `#html:true`, … header lines; the first
  field that is not a guid, note type or deck is the word; HTML, a leading article and a
  plural after a comma are dropped: "der <b>Hund</b>, -e" is "Hund"); a tab-separated file with
  no header is read the same way;
- Lute's term export (`term,parent,translation,language,tags,added,status,…`): statuses 1–4
  stay learning levels, 5 and W (99, well known) are known, I (98) is ignored; only rows whose
  language is German are taken;
- LingQ's vocabulary export (a `term` column with `status`, `hint` or `meaning`): statuses by
  LingQ's numbers (0 new LingQ … 3 learned, 4 known) or names (New, Recognized, Familiar,
  Learned, Known, Ignored);
- our vocabulary CSV (`word,lemma,english,sentence,…`): saved words are learning;
- our status export (`lemma,status,…`), so an export reads back.

`--status` (the `status` argument) overrides the file's own statuses; without one, files with
no statuses (a plain list, Anki) mark their words known.
"""

from __future__ import annotations

import csv
import html
import io
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from reader.errors import LoadError, ReaderError
from reader.language.tokens import SINGLE_WORD
from reader.learner.status import WordStatus, parse_status, status_label
from reader.learner.store import LearnerStore, StatusChange, StoredWord

Format = Literal["plain", "anki", "lute", "lingq", "vocabulary", "statuses"]
FORMATS: tuple[Format, ...] = ("plain", "anki", "lute", "lingq", "vocabulary", "statuses")
FORMAT_NAMES: dict[Format, str] = {
    "plain": "plain word list",
    "anki": "Anki export",
    "lute": "Lute export",
    "lingq": "LingQ export",
    "vocabulary": "German Reader vocabulary",
    "statuses": "German Reader word statuses",
}
MAX_IMPORT_BYTES = 64 * 1024 * 1024
_MAX_PHRASE_WORDS = 3  # longer lines in a plain list are prose, not a word list
_ARTICLES = frozenset("der die das den dem des ein eine einen einem einer eines".split())
_TAG = re.compile(r"<[^>]*>")
_ANKI_HEADER = re.compile(r"#(separator|html|tags|columns|notetype|deck|guid|tags column)\b", re.I)
_ANKI_NOT_THE_WORD = ("guid column", "notetype column", "deck column", "tags column")
_ANKI_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|"}
_GERMAN = frozenset({"german", "deutsch", "de"})
_LUTE_STATUSES = {
    "": WordStatus.LEARNING_1,
    "1": WordStatus.LEARNING_1,
    "2": WordStatus.LEARNING_2,
    "3": WordStatus.LEARNING_3,
    "4": WordStatus.LEARNING_4,
    "5": WordStatus.KNOWN,
    "w": WordStatus.KNOWN,
    "99": WordStatus.KNOWN,
    "i": WordStatus.IGNORED,
    "98": WordStatus.IGNORED,
}
_LINGQ_STATUSES = {
    "": WordStatus.LEARNING_1,
    "0": WordStatus.LEARNING_1,
    "1": WordStatus.LEARNING_2,
    "2": WordStatus.LEARNING_3,
    "3": WordStatus.LEARNING_4,
    "4": WordStatus.KNOWN,
    "new": WordStatus.LEARNING_1,
    "recognized": WordStatus.LEARNING_2,
    "familiar": WordStatus.LEARNING_3,
    "learned": WordStatus.LEARNING_4,
    "known": WordStatus.KNOWN,
    "ignored": WordStatus.IGNORED,
}


class WordListError(ReaderError):
    """A word file that cannot be imported; nothing of it was stored."""


@dataclass(frozen=True)
class ImportPlan:
    """What an import would store: the words (by lemma) and how many lines were left out
    (phrases, other languages, lines without a word)."""

    format: Format
    changes: tuple[StatusChange, ...]
    skipped: int

    def summary(self, changed: int) -> str:
        counts: dict[str, int] = {}
        for change in self.changes:
            label = status_label(change.status)
            counts[label] = counts.get(label, 0) + 1
        parts = ", ".join(f"{count} {_describe(label)}" for label, count in sorted(counts.items()))
        skipped = f"; {self.skipped} left out (phrases, other languages)" if self.skipped else ""
        return (
            f"{FORMAT_NAMES[self.format]}: {len(self.changes)} words ({parts}), "
            f"{changed} changed{skipped}."
        )


def _describe(label: str) -> str:
    return f"learning {label}" if label.isdigit() else label


@dataclass(frozen=True)
class _Term:
    text: str
    status: WordStatus | None  # None: the file says nothing; the default applies
    line: int


# --- reading --------------------------------------------------------------------------------


def read_word_file(
    path: Path,
    *,
    status: WordStatus | None = None,
    format: Format | None = None,
    lemma: Callable[[str], str] | None = None,
) -> ImportPlan:
    """Read and check `path` completely; raises WordListError with one line if it is bad."""
    text = _read_text(path)
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise WordListError(f"{path.name} holds no words")
    try:
        chosen = format or detect_format(lines)
    except WordListError as error:
        raise WordListError(f"{path.name}: {error}") from None
    try:
        terms, skipped = _READERS[chosen](text)
    except csv.Error as error:
        raise WordListError(f"{path.name} is not a readable CSV file: {error}") from None
    except _LineError as error:
        where = f", line {error.line}" if error.line else ""
        raise WordListError(f"{path.name}{where}: {error.problem}") from None
    if not terms:
        raise WordListError(
            f"{path.name} has no German words that could be imported ({FORMAT_NAMES[chosen]})"
        )
    find_lemma = lemma or _default_lemma
    changes = []
    for term in terms:
        word = _single_word(term.text)
        if word is None:
            skipped += 1
            continue
        chosen_status = status or term.status or WordStatus.KNOWN
        changes.append(StatusChange(find_lemma(word), chosen_status))
    if not changes:
        raise WordListError(f"{path.name} has only phrases, no single words to import")
    return ImportPlan(chosen, tuple(changes), skipped)


def import_word_file(
    store: LearnerStore,
    path: Path,
    *,
    status: WordStatus | None = None,
    format: Format | None = None,
) -> tuple[ImportPlan, dict[str, StatusChange]]:
    """Read `path` and store its words in one transaction; returns the plan and the undo
    changes (one per word whose status changed)."""
    plan = read_word_file(path, status=status, format=format)
    return plan, store.set_statuses(plan.changes)


def _default_lemma(word: str) -> str:
    from reader.learner.words import lemma_of

    return lemma_of(word)


def _read_text(path: Path) -> str:
    from reader.loading.encoding import decode_text

    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise WordListError(f"{path.name} is too large for a word list ({size:,} bytes)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise WordListError(f"{path} does not exist") from None
    except IsADirectoryError:
        raise WordListError(f"{path} is a folder, not a word list") from None
    except OSError as error:
        raise WordListError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        text, _ = decode_text(data, path.name)
    except LoadError as error:
        raise WordListError(f"{error} (not a word list)") from None
    if "\x00" in text:
        raise WordListError(f"{path.name} is a binary file, not a word list")
    return text


def detect_format(lines: list[str]) -> Format:
    """The format, from the first line that is not empty."""
    first = next(line for line in lines if line.strip()).lstrip("\ufeff")
    if _ANKI_HEADER.match(first):
        return "anki"
    delimiter = _delimiter(first)
    if delimiter is None:
        return "plain"
    header = {_column_name(name) for name in next(csv.reader([first], delimiter=delimiter))}
    if {"lemma", "status"} <= header:
        return "statuses"
    if {"word", "lemma", "sentence"} <= header:
        return "vocabulary"
    if {"term", "language"} <= header:
        return "lute"
    if "term" in header and header & {"status", "hint", "meaning", "fragment", "phrase"}:
        return "lingq"
    if delimiter == "\t":
        return "anki"  # Anki's plain-text export before it wrote header lines
    raise WordListError(
        "the first line is not a header this program knows "
        f"({first[:60]!r}); give --format (one of {', '.join(FORMATS)})"
    )


def _delimiter(line: str) -> str | None:
    counts = {delimiter: line.count(delimiter) for delimiter in ("\t", ",", ";")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else None


def _column_name(name: str) -> str:
    return name.strip().strip('"').casefold()


class _LineError(Exception):
    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


def _read_plain(text: str) -> tuple[list[_Term], int]:
    terms: list[_Term] = []
    skipped = 0
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.strip().lstrip("\ufeff")
        if not entry or entry.startswith("#"):
            continue
        words = SINGLE_WORD.findall(entry)
        if len(words) > _MAX_PHRASE_WORDS:
            raise _LineError(number, f"{len(words)} words on one line: this is not a word list")
        if not words:
            skipped += 1
            continue
        terms.append(_Term(entry, None, number))
    return terms, skipped


def _read_anki(text: str) -> tuple[list[_Term], int]:
    lines = text.splitlines()
    separator = "\t"
    html_fields = False
    skip_columns: set[int] = set()
    body_start = 0
    for number, line in enumerate(lines):
        stripped = line.lstrip("\ufeff")
        if not stripped.startswith("#"):
            body_start = number
            break
        name, _, value = stripped[1:].partition(":")
        name, value = name.strip().casefold(), value.strip()
        if name == "separator":
            separator = _ANKI_SEPARATORS.get(value.casefold(), value[:1] or "\t")
        elif name == "html":
            html_fields = value.casefold() == "true"
        elif name in _ANKI_NOT_THE_WORD and value.isdigit():
            skip_columns.add(int(value) - 1)
    else:
        body_start = len(lines)
    terms: list[_Term] = []
    skipped = 0
    rows = csv.reader(io.StringIO("\n".join(lines[body_start:])), delimiter=separator)
    for offset, row in enumerate(rows):
        fields = [value for column, value in enumerate(row) if column not in skip_columns]
        if not fields or not fields[0].strip():
            skipped += 1
            continue
        front = fields[0]
        if html_fields or "<" in front:
            front = html.unescape(_TAG.sub(" ", front))
        terms.append(_Term(_headword(front), None, body_start + offset + 1))
    return terms, skipped


def _headword(front: str) -> str:
    """ "der Hund, -e" → "Hund"; "sich beeilen" → "beeilen"; phrases stay phrases."""
    head = front.split(",")[0].split("(")[0].strip()
    words = head.split()
    while len(words) > 1 and words[0].casefold() in _ARTICLES | {"sich"}:
        words = words[1:]
    return " ".join(words)


def _dict_rows(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    first = next(line for line in text.splitlines() if line.strip())
    delimiter = _delimiter(first) or ","
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for row in reader:
        if header is None:
            if any(cell.strip() for cell in row):
                header = [_column_name(name) for name in row]
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise _LineError(
                reader.line_num, f"{len(row)} fields where the header names {len(header)}"
            )
        rows.append((reader.line_num, dict(zip(header, row, strict=False))))
    return header or [], rows


def _read_lute(text: str) -> tuple[list[_Term], int]:
    _, rows = _dict_rows(text)
    terms: list[_Term] = []
    skipped = 0
    languages: set[str] = set()
    for line, row in rows:
        language = row.get("language", "").strip()
        languages.add(language)
        if language.casefold() not in _GERMAN:
            skipped += 1
            continue
        raw = row.get("status", "").strip().casefold()
        status = _LUTE_STATUSES.get(raw)
        if status is None:
            raise _LineError(line, f"Lute status {raw!r} is not one of 1–5, W, I")
        terms.append(_Term(row.get("term", ""), status, line))
    if not terms and languages:
        raise _LineError(0, "no German terms (languages: " + ", ".join(sorted(languages)) + ")")
    return terms, skipped


def _read_lingq(text: str) -> tuple[list[_Term], int]:
    _, rows = _dict_rows(text)
    terms = []
    for line, row in rows:
        raw = row.get("status", "").strip().casefold()
        status = _LINGQ_STATUSES.get(raw)
        if status is None:
            raise _LineError(line, f"LingQ status {raw!r} is not one of 0–4 or a status name")
        terms.append(_Term(row.get("term", ""), status, line))
    return terms, 0


def _read_vocabulary(text: str) -> tuple[list[_Term], int]:
    _, rows = _dict_rows(text)
    terms = []
    for line, row in rows:
        lemma = row.get("lemma", "").strip() or row.get("word", "").strip()
        terms.append(_Term(lemma, WordStatus.LEARNING_1, line))
    return terms, 0


def _read_statuses(text: str) -> tuple[list[_Term], int]:
    _, rows = _dict_rows(text)
    terms = []
    skipped = 0
    for line, row in rows:
        try:
            status = parse_status(row.get("status", ""))
        except ValueError as error:
            raise _LineError(line, str(error)) from None
        if status is None:
            skipped += 1  # "new" in an export: nothing to mark
            continue
        terms.append(_Term(row.get("lemma", ""), status, line))
    return terms, skipped


_READERS: dict[Format, Callable[[str], tuple[list[_Term], int]]] = {
    "plain": _read_plain,
    "anki": _read_anki,
    "lute": _read_lute,
    "lingq": _read_lingq,
    "vocabulary": _read_vocabulary,
    "statuses": _read_statuses,
}


def _single_word(text: str) -> str | None:
    """The term as one word, or None for a phrase or a term without letters."""
    words = SINGLE_WORD.findall(text.strip())
    if len(words) != 1 or not any(map(str.isalpha, words[0])):
        return None
    word: str = words[0]
    return word


# --- writing --------------------------------------------------------------------------------


EXPORT_COLUMNS = ("lemma", "status", "changed", "source")


def export_statuses(
    path: Path, stored: Iterable[StoredWord], vocabulary: Mapping[str, str] | None = None
) -> int:
    """Write every marked word (and every saved vocabulary word not marked, as learning 1) to
    `path` as CSV; returns how many. Written to a side file first, so a failed export leaves
    the old file whole."""
    rows: dict[str, tuple[str, str, str, str]] = {}
    for word in stored:
        changed = time.strftime("%Y-%m-%d", time.localtime(word.changed))
        rows[word.key] = (word.lemma, word.status.label, changed, "marked")
    for key, lemma in (vocabulary or {}).items():
        rows.setdefault(key, (lemma, WordStatus.LEARNING_1.label, "", "vocabulary"))
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(EXPORT_COLUMNS)
            for key in sorted(rows):
                writer.writerow(rows[key])
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise WordListError(f"cannot write {path}: {error.strerror or error}") from None
    return len(rows)
