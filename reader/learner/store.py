"""The learner's word statuses and library in one SQLite file in the user's data folder.

As with the vocabulary (`reader.dictionary.vocabulary`), every change is one transaction in WAL
mode with synchronous=FULL: an import of ten thousand words, or a mark, is stored whole or not at
all, even if the program is killed while writing. A file SQLite cannot read is renamed aside
(`learner.sqlite.corrupt-<time>`) and an empty one is started. The file is readable by the user
alone. Two windows (or a window and `reader words import`) share the file: each writes only the
rows it changes, so neither loses the other's marks, and `changed_elsewhere()` tells a window
when the other one wrote.
"""

from __future__ import annotations

import logging
import sqlite3
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reader import paths
from reader.learner.status import WordStatus

FILE_NAME = "learner.sqlite"
BUSY_TIMEOUT_S = 10.0  # another window or command writing at the same moment
logger = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS status(
    key TEXT PRIMARY KEY,
    lemma TEXT NOT NULL,
    status INTEGER NOT NULL,
    changed REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS change(
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    before INTEGER,
    after INTEGER,
    at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS change_at ON change(at);
CREATE TABLE IF NOT EXISTS article(
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    path TEXT,
    url TEXT,
    format TEXT NOT NULL,
    pasted_text TEXT,
    first_opened REAL NOT NULL,
    opened REAL NOT NULL,
    words INTEGER NOT NULL DEFAULT 0,
    cefr TEXT,
    known_share REAL,
    position TEXT NOT NULL DEFAULT '1.0',
    translated_share REAL NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS article_word(
    article INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (article, key)
) WITHOUT ROWID;
"""


def word_key(lemma: str) -> str:
    """The key a lemma is stored under: composed Unicode, lower case ("Haus" and "haus" are one
    word; lower() keeps "ß", unlike casefold, so "Maße" and "Masse" stay two)."""
    return unicodedata.normalize("NFC", lemma).lower()


@dataclass(frozen=True)
class StoredWord:
    key: str
    lemma: str
    status: WordStatus
    changed: float


@dataclass(frozen=True)
class StatusChange:
    """Give `lemma` the status `status` (None: new again)."""

    lemma: str
    status: WordStatus | None

    @property
    def key(self) -> str:
        return word_key(self.lemma)


class LearnerStore:
    """One connection to the learner's file; use it from one thread at a time."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / FILE_NAME
        self._connection = paths.open_database(self.path, self._open, "learner file")

    def _open(self) -> sqlite3.Connection:
        paths.private_file(self.path)  # 0600 before SQLite opens it (its -wal and -shm follow)
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("PRAGMA foreign_keys=ON")
            connection.executescript(_SCHEMA)
            # A file cut short can open and answer its first query; a check of every page
            # (milliseconds for a learner's file) finds it before a mark goes into it.
            checked = connection.execute("PRAGMA quick_check").fetchone()[0]
            if checked != "ok":
                raise sqlite3.DatabaseError(f"damaged: {checked}")
        except BaseException:
            connection.close()
            raise
        return connection

    def close(self) -> None:
        self._connection.close()

    @property
    def connection(self) -> sqlite3.Connection:
        return self._connection

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (BEGIN IMMEDIATE) so that two writers wait for
        each other instead of failing half-way."""
        db = self._connection
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.rollback()
            raise
        db.commit()

    def changed_elsewhere(self) -> bool:
        """Whether another connection (a second window, a command) wrote since the last call."""
        version = self._connection.execute("PRAGMA data_version").fetchone()[0]
        last = getattr(self, "_data_version", version)
        self._data_version = version
        return bool(version != last)

    # --- statuses ---------------------------------------------------------------------------

    def statuses(self) -> dict[str, WordStatus]:
        """Every marked word's status by key."""
        rows = self._connection.execute("SELECT key, status FROM status")
        return {key: WordStatus(status) for key, status in rows}

    def words(self, status: WordStatus | None = None) -> list[StoredWord]:
        """The marked words (with `status` only, if given), by lemma."""
        query = "SELECT key, lemma, status, changed FROM status"
        parameters: tuple[int, ...] = ()
        if status is not None:
            query += " WHERE status = ?"
            parameters = (int(status),)
        rows = self._connection.execute(query + " ORDER BY key", parameters)
        return [
            StoredWord(key, lemma, WordStatus(value), changed)
            for key, lemma, value, changed in rows
        ]

    def status_of(self, lemma: str) -> WordStatus | None:
        row = self._connection.execute(
            "SELECT status FROM status WHERE key = ?", (word_key(lemma),)
        ).fetchone()
        return None if row is None else WordStatus(row[0])

    def set_statuses(self, changes: Iterable[StatusChange]) -> dict[str, StatusChange]:
        """Apply `changes` in one transaction (the last change of a key wins). Returns, for
        each key whose status changed, the change that would undo it."""
        wanted: dict[str, StatusChange] = {}
        for change in changes:
            wanted[change.key] = change
        now = time.time()
        undo: dict[str, StatusChange] = {}
        with self.transaction() as db:
            before = self._current(db, wanted)
            for key, change in wanted.items():
                old = before.get(key)
                old_status = None if old is None else WordStatus(old[1])
                if old_status == change.status:
                    continue
                undo[key] = StatusChange(old[0] if old else change.lemma, old_status)
                if change.status is None:
                    db.execute("DELETE FROM status WHERE key = ?", (key,))
                else:
                    db.execute(
                        "INSERT INTO status(key, lemma, status, changed) VALUES (?, ?, ?, ?)"
                        " ON CONFLICT (key) DO UPDATE SET status = excluded.status,"
                        " changed = excluded.changed",
                        (key, change.lemma, int(change.status), now),
                    )
                db.execute(
                    "INSERT INTO change(key, before, after, at) VALUES (?, ?, ?, ?)",
                    (key, _number(old_status), _number(change.status), now),
                )
        return undo

    @staticmethod
    def _current(
        db: sqlite3.Connection, wanted: Mapping[str, StatusChange]
    ) -> dict[str, tuple[str, int]]:
        """The stored (lemma, status) of the keys in `wanted`."""
        found: dict[str, tuple[str, int]] = {}
        keys = list(wanted)
        for first in range(0, len(keys), 500):  # SQLite's limit on parameters
            batch = keys[first : first + 500]
            marks = ",".join("?" * len(batch))
            for key, lemma, status in db.execute(
                f"SELECT key, lemma, status FROM status WHERE key IN ({marks})", batch
            ):
                found[key] = (lemma, status)
        return found

    def counts(self) -> dict[WordStatus, int]:
        rows = self._connection.execute("SELECT status, count(*) FROM status GROUP BY status")
        return {WordStatus(status): count for status, count in rows}

    def changes(self) -> list[tuple[float, int | None, int | None]]:
        """Every status change as (time, before, after), oldest first (for `progress`)."""
        rows = self._connection.execute("SELECT at, before, after FROM change ORDER BY at, id")
        return [(at, before, after) for at, before, after in rows]


def _number(status: WordStatus | None) -> int | None:
    return None if status is None else int(status)
