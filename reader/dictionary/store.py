"""The offline dictionary as a compact indexed SQLite file, built from Ding's word list.

`make dictionary` runs `python -m reader.dictionary.build`, which writes the file into the
package's data folder so the app and the packaged build find it. Lines are stored once, as
written in Ding; an index maps each looked-up form (lower case, without annotations) to the
sub-entries it occurs in. The app works without the file and says so.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reader import paths
from reader.dictionary.ding import DingLine, alternatives, article_of, bare, plural_of

FILE_NAME = "dictionary.sqlite"
SCHEMA_VERSION = "1"
MAX_INDEXED_WORDS = 3  # phrases longer than this are shown with their headword, not indexed
MAX_RESULTS = 12

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE line(id INTEGER PRIMARY KEY, german TEXT NOT NULL, english TEXT NOT NULL);
CREATE TABLE form(
    form TEXT NOT NULL, line INTEGER NOT NULL, sub INTEGER NOT NULL, alt INTEGER NOT NULL,
    PRIMARY KEY (form, line, sub, alt)
) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class DictionaryEntry:
    """One sub-entry: the German as Ding writes it (with {f}, [pol.] …) and its English."""

    de: str
    en: str
    article: str | None = None
    plural: str | None = None


def default_locations() -> list[Path]:
    """Where the app looks for the dictionary, first match wins."""
    override = os.environ.get("READER_DICTIONARY")
    candidates = [Path(override)] if override else []
    return [*candidates, paths.data_dir() / FILE_NAME, paths.PACKAGE_DATA / FILE_NAME]


def find_dictionary() -> Path | None:
    return next((path for path in default_locations() if path.is_file()), None)


# Said only where it can be done: in a source checkout, not in a packaged app.
BUILD_HINT = (
    "To add the dictionary: install Ding's word list (apt-get install trans-de-en) or be online, "
    "then run make dictionary."
)


def build_hint() -> str | None:
    """How to add the missing dictionary when running from the source code; None in a packaged
    app, whose user cannot build it (every release bundles it)."""
    import sys

    source = not getattr(sys, "frozen", False)
    return BUILD_HINT if source and (paths.PACKAGE_DATA.parents[1] / "Makefile").is_file() else None


def build(
    lines: Iterable[DingLine],
    output: Path,
    add_tables: Callable[[sqlite3.Connection], None] | None = None,
) -> int:
    """Write the SQLite file (atomically: a half-built file never replaces a good one);
    `add_tables` may add further tables before it is closed."""
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    partial.unlink(missing_ok=True)
    connection = sqlite3.connect(partial)
    try:
        connection.executescript(_SCHEMA)
        count = _fill(connection, lines)
        connection.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        connection.execute("INSERT INTO meta VALUES ('lines', ?)", (str(count),))
        connection.commit()
        if add_tables is not None:
            add_tables(connection)
        connection.execute("VACUUM")
    finally:
        connection.close()
    os.replace(partial, output)
    return count


def _fill(connection: sqlite3.Connection, lines: Iterable[DingLine]) -> int:
    count = 0
    for line_id, line in enumerate(lines, start=1):
        connection.execute(
            "INSERT INTO line VALUES (?, ?, ?)",
            (line_id, " | ".join(line.german), " | ".join(line.english)),
        )
        connection.executemany(
            "INSERT OR IGNORE INTO form VALUES (?, ?, ?, ?)", _forms(line, line_id)
        )
        count = line_id
    return count


def _forms(line: DingLine, line_id: int) -> Iterable[tuple[str, int, int, int]]:
    for sub, sub_entry in enumerate(line.german):
        for alt, alternative in enumerate(alternatives(sub_entry)):
            form = bare(alternative).casefold()
            if form and len(form.split()) <= MAX_INDEXED_WORDS:
                yield form, line_id, sub, alt


class Dictionary:
    """Read-only lookups in a built dictionary file (safe to share between threads)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        uri = f"{path.resolve().as_uri()}?mode=ro"
        self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)

    def close(self) -> None:
        self._connection.close()

    def has_form(self, word: str) -> bool:
        row = self._connection.execute(
            "SELECT 1 FROM form WHERE form = ? LIMIT 1", (word.casefold(),)
        ).fetchone()
        return row is not None

    def lookup(self, *forms: str, plurals: bool = True) -> list[DictionaryEntry]:
        """Sub-entries for the first of `forms` that the dictionary knows; headwords first.
        Without `plurals` the entries leave out the plural, which costs half the lookup."""
        for form in dict.fromkeys(f.casefold() for f in forms if f):
            rows = self._connection.execute(
                "SELECT line.german, line.english, form.sub, form.alt FROM form "
                "JOIN line ON line.id = form.line WHERE form.form = ? "
                "ORDER BY form.sub > 0, form.line LIMIT ?",
                (form, MAX_RESULTS),
            ).fetchall()
            if rows:
                entries = (
                    _entry(german, english, sub, alt, plurals) for german, english, sub, alt in rows
                )
                return list(dict.fromkeys(entries))
        return []


def _entry(german: str, english: str, sub: int, alt: int, plurals: bool) -> DictionaryEntry:
    line = DingLine(tuple(german.split(" | ")), tuple(english.split(" | ")))
    if sub > 0 and _is_plural(line.german[sub]):
        sub = 0  # a plural form is shown with its headword, which carries gender and plural
    sub_entry = line.german[sub]
    options = alternatives(sub_entry)
    alternative = options[alt] if alt < len(options) else sub_entry
    return DictionaryEntry(
        de=sub_entry,
        en=line.english[sub],
        article=article_of(alternative),
        plural=plural_of(line, alt) if sub == 0 and plurals else None,
    )


def _is_plural(sub_entry: str) -> bool:
    return all("{pl}" in alternative for alternative in alternatives(sub_entry))
