"""The learner's vocabulary: saved words with their sentence, kept in SQLite, exported to CSV/Anki.

Each save is one transaction in WAL mode with synchronous=FULL, so a word is either saved whole or
not at all, even if the app is killed while saving. The file is the user's alone (0600 in a 0700
folder; a wider one is tightened when opened).
"""

from __future__ import annotations

import csv
import hashlib
import logging
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Literal

from reader import paths

FILE_NAME = "vocabulary.sqlite"
logger = logging.getLogger(__name__)
SortKey = Literal["added", "word", "lemma"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS word(
    id INTEGER PRIMARY KEY,
    word TEXT NOT NULL,
    lemma TEXT NOT NULL,
    english TEXT NOT NULL DEFAULT '',
    sentence TEXT NOT NULL DEFAULT '',
    sentence_english TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    added REAL NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (lemma, sentence)
);
"""
# The columns in `SavedWord`'s order (a file from before notes gets its column added at the end).
_COLUMNS = "id, word, lemma, english, sentence, sentence_english, source, added, note"
_ORDER = {"added": "added DESC", "word": "word COLLATE NOCASE", "lemma": "lemma COLLATE NOCASE"}


@dataclass(frozen=True)
class SavedWord:
    id: int
    word: str
    lemma: str
    english: str
    sentence: str
    sentence_english: str
    source: str
    added: float
    note: str = ""  # the learner's own words about it, on the back of the Anki card


class Vocabulary:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / FILE_NAME
        self._connection = paths.open_database(self.path, self._open, "vocabulary")

    def _open(self) -> sqlite3.Connection:
        """Open (or create, readable by the user alone) the file and prepare the schema."""
        paths.private_file(self.path)
        connection = sqlite3.connect(self.path, check_same_thread=False)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            connection.executescript(_SCHEMA)
            columns = {row[1] for row in connection.execute("PRAGMA table_info(word)")}
            if "note" not in columns:  # a vocabulary saved before notes existed
                with connection:
                    connection.execute("ALTER TABLE word ADD COLUMN note TEXT NOT NULL DEFAULT ''")
            connection.execute("SELECT count(*) FROM word").fetchone()
        except BaseException:
            connection.close()
            raise
        return connection

    def close(self) -> None:
        self._connection.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._connection:
            yield self._connection

    def save(
        self,
        word: str,
        lemma: str,
        *,
        english: str = "",
        sentence: str = "",
        sentence_english: str = "",
        source: str = "",
    ) -> SavedWord:
        """Save a word (saving the same lemma in the same sentence again updates it)."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO word(word, lemma, english, sentence, sentence_english, source, added)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lemma, sentence) DO UPDATE SET"
                " word = excluded.word, english = excluded.english,"
                " sentence_english = excluded.sentence_english, source = excluded.source",
                (word, lemma, english, sentence, sentence_english, source, time.time()),
            )
        row = self._connection.execute(
            f"SELECT {_COLUMNS} FROM word WHERE lemma = ? AND sentence = ?", (lemma, sentence)
        ).fetchone()
        return SavedWord(*row)

    def update(
        self, word_id: int, *, english: str | None = None, note: str | None = None
    ) -> SavedWord | None:
        """Change a saved word's English or note (None keeps it); the word as it is now, or
        None if it is gone."""
        with self._transaction() as db:
            if english is not None:
                db.execute("UPDATE word SET english = ? WHERE id = ?", (english.strip(), word_id))
            if note is not None:
                db.execute("UPDATE word SET note = ? WHERE id = ?", (note.strip(), word_id))
        row = self._connection.execute(
            f"SELECT {_COLUMNS} FROM word WHERE id = ?", (word_id,)
        ).fetchone()
        return None if row is None else SavedWord(*row)

    def delete(self, word_id: int) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM word WHERE id = ?", (word_id,))

    def restore(self, words: Iterable[SavedWord]) -> None:
        """Put deleted words back as they were (same id and date, so the same place in order);
        a word saved again since then is kept as it is now."""
        with self._transaction() as db:
            db.executemany(
                f"INSERT OR IGNORE INTO word({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [astuple(word) for word in words],  # the fields are in the columns' order
            )

    def words(self, search: str = "", sort: SortKey = "added") -> list[SavedWord]:
        pattern = f"%{search}%"
        rows = self._connection.execute(
            f"SELECT {_COLUMNS} FROM word"
            " WHERE word LIKE ? OR lemma LIKE ? OR english LIKE ? OR note LIKE ?"
            f" ORDER BY {_ORDER[sort]}",
            (pattern, pattern, pattern, pattern),
        ).fetchall()
        return [SavedWord(*row) for row in rows]

    def export_csv(self, path: Path) -> int:
        words = self.words(sort="lemma")
        partial = path.with_name(path.name + ".partial")
        with partial.open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(
                ["word", "lemma", "english", "sentence", "sentence_english", "source", "note"]
            )
            for w in words:
                writer.writerow(
                    [w.word, w.lemma, w.english, w.sentence, w.sentence_english, w.source, w.note]
                )
        partial.replace(path)
        return len(words)

    def export_anki(self, path: Path, deck_name: str = "German Reader") -> int:
        import html

        import genanki

        # A note type of its own since the learner's note joined the fields: Anki keeps one
        # note type per id, and the five-field one may already be in a learner's collection.
        model = genanki.Model(
            _stable_id("German Reader word with context and note"),
            "German Reader word",
            fields=[
                {"name": name}
                for name in ("Word", "Lemma", "English", "Sentence", "Translation", "Note")
            ],
            templates=[
                {
                    "name": "German → English",
                    "qfmt": "<div class=word>{{Lemma}}</div><div class=ctx>{{Sentence}}</div>",
                    "afmt": "{{FrontSide}}<hr id=answer><div class=en>{{English}}</div>"
                    "<div class=ctx>{{Translation}}</div>"
                    "{{#Note}}<div class=note>{{Note}}</div>{{/Note}}",
                }
            ],
            css=".word{font-size:28px;text-align:center}.ctx{color:#555;margin-top:12px}"
            ".en{font-size:22px;text-align:center}.note{margin-top:12px;font-style:italic}",
        )
        deck = genanki.Deck(_stable_id(deck_name), deck_name)
        words = self.words(sort="lemma")
        for w in words:
            note = genanki.Note(
                model=model,
                fields=[
                    w.word,
                    w.lemma,
                    html.escape(w.english),
                    _bold(w.sentence, w.word),
                    html.escape(w.sentence_english),
                    html.escape(w.note),
                ],
                guid=genanki.guid_for(w.lemma, w.sentence),
            )
            deck.add_note(note)
        partial = path.with_name(path.name + ".partial")
        genanki.Package(deck).write_to_file(str(partial))
        partial.replace(path)
        return len(words)


def _stable_id(name: str) -> int:
    """Anki wants fixed numeric ids so that re-imports update cards instead of duplicating."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big") | (1 << 30)


def _bold(sentence: str, word: str) -> str:
    import html

    escaped = html.escape(sentence)
    target = html.escape(word)
    return escaped.replace(target, f"<b>{target}</b>", 1) if target else escaped
