"""The library: every article opened in the window, with what the learner did with it (no
tkinter).

An article is one row, found again by where it came from (its file, its address, or — for
pasted text — the text itself, which is kept so that it can be opened again). Besides its title
and figures the row keeps the lemma counts of the article, so the library shows the personal
coverage under today's statuses without opening any file: importing a list of known words
changes every article's figure at once.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reader.document import Document
from reader.learner.status import WordStatus
from reader.learner.store import LearnerStore
from reader.learner.words import COMFORTABLE_SHARE

_KEEPS_TEXT = ("clipboard", "stdin")


@dataclass(frozen=True)
class LibraryArticle:
    id: int
    title: str
    path: str | None
    url: str | None
    format: str
    first_opened: float
    opened: float
    words: int
    cefr: str | None
    known_share: float | None  # under today's statuses
    position: str  # where the reader was, as a Tk text index ("12.40")
    translated_share: float
    has_text: bool  # pasted text kept in the library

    @property
    def source(self) -> str:
        return self.path or self.url or "pasted text"

    @property
    def missing(self) -> bool:
        """A file that is no longer where it was opened from."""
        return self.path is not None and not Path(self.path).exists()

    @property
    def comfortable(self) -> bool:
        return self.known_share is not None and self.known_share >= COMFORTABLE_SHARE


def article_key(document: Document) -> str:
    """What identifies an article across openings."""
    source = document.source
    if source.url:
        return f"url:{source.url}"
    if source.path is not None:
        return f"path:{source.path.resolve()}"
    digest = hashlib.sha256(document.text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"text:{digest}"


def article_title(document: Document) -> str:
    if document.title:
        return document.title
    if document.source.path is not None:
        return document.source.path.name
    if document.source.url:
        return document.source.url
    first = document.paragraphs[0] if document.paragraphs else ""
    return first[:60] + ("…" if len(first) > 60 else "")


_COLUMNS = (
    "a.id, a.title, a.path, a.url, a.format, a.first_opened, a.opened, a.words, a.cefr,"
    " a.known_share, a.position, a.translated_share, a.pasted_text IS NOT NULL"
)


class Library:
    def __init__(self, store: LearnerStore) -> None:
        self.store = store

    def record_opened(self, document: Document, *, now: float | None = None) -> LibraryArticle:
        """Add `document` (or note that it was opened again); returns its row."""
        when = time.time() if now is None else now
        source = document.source
        text = document.text if source.format in _KEEPS_TEXT else None
        key = article_key(document)
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO article(key, title, path, url, format, pasted_text, first_opened,"
                " opened) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                " title = excluded.title, opened = excluded.opened",
                (
                    key,
                    article_title(document),
                    str(source.path.resolve()) if source.path and not source.url else None,
                    source.url,
                    source.format,
                    text,
                    when,
                    when,
                ),
            )
        row = self.store.connection.execute(
            "SELECT id FROM article WHERE key = ?", (key,)
        ).fetchone()
        found = self.article(row[0])
        assert found is not None
        return found

    def save_analysis(
        self,
        article_id: int,
        *,
        words: int,
        cefr: str | None,
        lemma_counts: Mapping[str, int],
        known_share: float | None,
    ) -> None:
        with self.store.transaction() as db:
            db.execute(
                "UPDATE article SET words = ?, cefr = ?, known_share = ? WHERE id = ?",
                (words, cefr, known_share, article_id),
            )
            db.execute("DELETE FROM article_word WHERE article = ?", (article_id,))
            # One statement for all the lemmas, not one per lemma: the window stores a book's
            # ten thousand on the Tk thread, and each statement from Python waits for the GIL
            # while the analysis runs.
            db.execute(
                "INSERT INTO article_word(article, key, count) "
                "SELECT ?, key, value FROM json_each(?)",
                (article_id, json.dumps(dict(lemma_counts), ensure_ascii=False)),
            )

    def save_figures(self, article_id: int, *, words: int, cefr: str | None) -> None:
        """The readability report's figures."""
        with self.store.transaction() as db:
            db.execute(
                "UPDATE article SET words = ?, cefr = ? WHERE id = ?", (words, cefr, article_id)
            )

    def save_reading(
        self,
        article_id: int,
        *,
        position: str | None = None,
        translated_share: float | None = None,
        known_share: float | None = None,
    ) -> None:
        """Where the reader is, how much is translated, the coverage now (each if given)."""
        updates = {
            "position": position,
            "translated_share": translated_share,
            "known_share": known_share,
        }
        chosen = {column: value for column, value in updates.items() if value is not None}
        if not chosen:
            return
        assignments = ", ".join(f"{column} = ?" for column in chosen)
        with self.store.transaction() as db:
            db.execute(
                f"UPDATE article SET {assignments} WHERE id = ?", (*chosen.values(), article_id)
            )

    def articles(self) -> list[LibraryArticle]:
        """Every article, most recently opened first, with the coverage under today's
        statuses (where its words are known; else the figure saved when it was read)."""
        rows = self.store.connection.execute(
            f"SELECT {_COLUMNS} FROM article a ORDER BY a.opened DESC, a.id DESC"
        ).fetchall()
        live = self._live_shares()
        return [_article(row, live.get(row[0], row[9])) for row in rows]

    def _live_shares(self) -> dict[int, float | None]:
        rows = self.store.connection.execute(
            "SELECT w.article, sum(w.count),"
            f" sum(CASE WHEN s.status = {int(WordStatus.KNOWN)} THEN w.count ELSE 0 END),"
            f" sum(CASE WHEN s.status = {int(WordStatus.IGNORED)} THEN w.count ELSE 0 END)"
            " FROM article_word w LEFT JOIN status s ON s.key = w.key GROUP BY w.article"
        )
        shares: dict[int, float | None] = {}
        for article_id, total, known, ignored in rows:
            counted = total - ignored
            shares[article_id] = known / counted if counted else None
        return shares

    def article(self, article_id: int) -> LibraryArticle | None:
        row = self.store.connection.execute(
            f"SELECT {_COLUMNS} FROM article a WHERE a.id = ?", (article_id,)
        ).fetchone()
        return None if row is None else _article(row, row[9])

    def find(self, document: Document) -> LibraryArticle | None:
        row = self.store.connection.execute(
            "SELECT id FROM article WHERE key = ?", (article_key(document),)
        ).fetchone()
        return None if row is None else self.article(row[0])

    def last_opened(self) -> LibraryArticle | None:
        row = self.store.connection.execute(
            "SELECT id FROM article ORDER BY opened DESC, id DESC LIMIT 1"
        ).fetchone()
        return None if row is None else self.article(row[0])

    def pasted_text(self, article_id: int) -> str | None:
        row = self.store.connection.execute(
            "SELECT pasted_text FROM article WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else row[0]

    def remove(self, article_id: int) -> None:
        with self.store.transaction() as db:
            db.execute("DELETE FROM article WHERE id = ?", (article_id,))


def _article(row: tuple[object, ...], known_share: object) -> LibraryArticle:
    (id_, title, path, url, format_, first, opened, words, cefr, _, position, translated, text) = (
        row
    )
    return LibraryArticle(
        id=int(id_),  # type: ignore[call-overload]
        title=str(title),
        path=None if path is None else str(path),
        url=None if url is None else str(url),
        format=str(format_),
        first_opened=float(first),  # type: ignore[arg-type]
        opened=float(opened),  # type: ignore[arg-type]
        words=int(words),  # type: ignore[call-overload]
        cefr=None if cefr is None else str(cefr),
        known_share=None if known_share is None else float(known_share),  # type: ignore[arg-type]
        position=str(position),
        translated_share=float(translated),  # type: ignore[arg-type]
        has_text=bool(text),
    )
