"""A persistent cache of paragraph translations, so opening an article again needs no network.

SQLite in the user cache folder, keyed by provider, language pair and a hash of the paragraph.
WAL mode lets several processes read and write side by side (each waits on the others' locks
instead of failing); within a process one connection is shared under a lock.
A file that is not a readable database is renamed aside and a new one is built. The file is the
user's alone (0600 in a 0700 folder): it holds everything they read. A cache that
fails later (disk full, file deleted) costs a network request, never a translation.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from reader import paths
from reader.language.sentences import sentence_spans
from reader.translation.results import SentencePair

logger = logging.getLogger(__name__)

CACHE_FILE_NAME = "translations.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    provider TEXT NOT NULL,
    source_language TEXT NOT NULL,
    target_language TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    source_text TEXT NOT NULL,
    translation TEXT NOT NULL,
    sentences TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (provider, source_language, target_language, text_hash)
)
"""


@dataclass(frozen=True)
class CachedTranslation:
    translation: str
    sentences: tuple[SentencePair, ...]


def default_cache_path() -> Path:
    return paths.cache_dir() / CACHE_FILE_NAME


class TranslationCache:
    """Paragraph translations on disk; safe to use from several threads and processes."""

    def __init__(self, path: Path | None = None, *, busy_timeout_s: float = 10.0) -> None:
        self.path = path if path is not None else default_cache_path()
        self._busy_timeout_s = busy_timeout_s
        # One connection shared under a lock: the queries take microseconds, and a connection
        # per worker thread would leak a file handle for every thread that ever ran a job.
        self._lock = threading.Lock()
        self._connection = self._open_checked()

    def get(self, provider: str, source: str, target: str, text: str) -> CachedTranslation | None:
        try:
            with self._lock:
                row = self._connection.execute(
                    "SELECT source_text, translation, sentences FROM translations "
                    "WHERE provider = ? AND source_language = ? AND target_language = ? "
                    "AND text_hash = ?",
                    (provider, source, target, text_hash(text)),
                ).fetchone()
        except sqlite3.Error as error:
            logger.warning("translation cache unreadable (%s); asking the provider", error)
            return None
        if row is None or row[0] != text:  # a hash collision is a miss, not a wrong answer
            return None
        return CachedTranslation(str(row[1]), _decoded_pairs(row[2], text))

    def put(
        self,
        provider: str,
        source: str,
        target: str,
        text: str,
        translation: str,
        sentences: tuple[SentencePair, ...] = (),
    ) -> None:
        encoded = json.dumps(
            [[pair.source, pair.translation, pair.start, pair.end] for pair in sentences]
        )
        row = (provider, source, target, text_hash(text), text, translation, encoded, time.time())
        try:
            with self._lock, self._connection:
                self._connection.execute(
                    "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row
                )
        except sqlite3.Error as error:
            logger.warning("could not write to the translation cache: %s", error)

    def clear(self) -> None:
        with self._lock, self._connection:
            self._connection.execute("DELETE FROM translations")

    def __len__(self) -> int:
        with self._lock:
            row = self._connection.execute("SELECT COUNT(*) FROM translations").fetchone()
        return int(row[0])

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    # --- opening --------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        paths.private_file(self.path)  # created 0600 before SQLite opens it, or tightened
        return sqlite3.connect(self.path, timeout=self._busy_timeout_s, check_same_thread=False)

    def _open_checked(self) -> sqlite3.Connection:
        """Open the file and prepare the schema; set a corrupt file aside and start afresh."""
        connection = self._connect()
        try:
            _prepare(connection)
        except sqlite3.DatabaseError as error:
            connection.close()
            logger.warning("translation cache %s is corrupt (%s); rebuilding it", self.path, error)
            self._set_aside()
            connection = self._connect()
            _prepare(connection)
        return connection

    def _set_aside(self) -> None:
        aside = paths.set_aside_database(self.path)
        logger.warning("the corrupt translation cache was kept as %s", aside)


def _prepare(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute(_SCHEMA)
    connection.commit()
    # Reading the table proves the file is a usable database, not just that its header parses.
    connection.execute("SELECT COUNT(*) FROM translations").fetchone()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_default_caches: dict[Path, TranslationCache] = {}
_default_lock = threading.Lock()


def user_cache() -> TranslationCache | None:
    """The cache in the user cache folder (one instance per folder), or None if unusable."""
    path = default_cache_path()
    with _default_lock:
        cache = _default_caches.get(path)
        if cache is None:
            try:
                cache = TranslationCache(path)
            except (OSError, sqlite3.Error) as error:
                logger.warning("translation cache unavailable (%s); translating without it", error)
                return None
            _default_caches[path] = cache
        return cache


def _decoded_pairs(encoded: str, paragraph: str) -> tuple[SentencePair, ...]:
    """The stored sentence pairs; none when they do not fit the paragraph. Rows written before
    pairs carried their spans take them from the sentence splitter, if it still agrees."""
    try:
        rows = json.loads(encoded)
        texts = [(str(row[0]), str(row[1])) for row in rows]
        spans = (
            [(int(row[2]), int(row[3])) for row in rows]
            if all(len(row) == 4 for row in rows)
            else sentence_spans(paragraph)
        )
    except (ValueError, TypeError, IndexError, KeyError):
        return ()
    if len(spans) != len(texts):
        return ()
    pairs = tuple(
        SentencePair(source, english, start, end)
        for (source, english), (start, end) in zip(texts, spans, strict=True)
    )
    if any(paragraph[pair.start : pair.end] != pair.source for pair in pairs):
        return ()
    return pairs
