"""The statuses in effect: the marked ones, and the saved vocabulary words as learning (no
tkinter). A word the learner saved to the vocabulary and never marked is learning (level 1);
a mark always wins over the vocabulary."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from reader import paths
from reader.learner.status import WordStatus
from reader.learner.store import word_key

log = logging.getLogger(__name__)


def vocabulary_lemmas(path: Path | None = None) -> dict[str, str]:
    """key → lemma of every saved vocabulary word; read only (a missing vocabulary is empty, not
    created; an unreadable one is logged and empty)."""
    from reader.dictionary.vocabulary import FILE_NAME

    rows = _read_only(path or paths.data_dir() / FILE_NAME, "SELECT DISTINCT lemma FROM word")
    return lemmas_by_key(lemma for (lemma,) in rows)


def lemmas_by_key(lemmas: Iterable[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for lemma in lemmas:
        if lemma:
            found.setdefault(word_key(lemma), lemma)
    return found


def statuses_in_effect(
    marked: Mapping[str, WordStatus], vocabulary: Mapping[str, str]
) -> dict[str, WordStatus]:
    """The marked statuses, and learning 1 for saved words not marked."""
    effective = dict.fromkeys(vocabulary, WordStatus.LEARNING_1)
    effective.update(marked)
    return effective


def marked_statuses(path: Path | None = None) -> dict[str, WordStatus]:
    """The marked statuses, read without creating or changing the file (for `reader analyze`);
    a missing file is empty, an unreadable one is logged and empty."""
    from reader.learner.store import FILE_NAME

    rows = _read_only(path or paths.data_dir() / FILE_NAME, "SELECT key, status FROM status")
    return {key: WordStatus(status) for key, status in rows if status in _VALUES}


def _read_only(path: Path, query: str) -> list[tuple[Any, ...]]:
    """The rows `query` gives from the database at `path`, opened read only: none when the file
    is missing (it is not created) or unreadable (logged)."""
    if not path.exists():
        return []
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            return connection.execute(query).fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        log.warning("cannot read %s: %s", path, error)
        return []


def current_statuses() -> dict[str, WordStatus]:
    """The statuses in effect for the user, read only."""
    return statuses_in_effect(marked_statuses(), vocabulary_lemmas())


_VALUES = frozenset(int(status) for status in WordStatus)
