"""The default matcher's lookup tables, kept in the user's cache between runs (no tkinter).

Building the matcher at every start reads the glossary (its parsed TOML), the dictionary
layer (~4,000 rows of SQLite) and generates every entry's forms, asking simplemma's data about
each: ~0.15 s, a tenth of `reader analyze` of a long article. Unpickling the result takes
~0.1 s. So the built glossary and both indexes are pickled into the app's private cache
folder, under a key made of everything they are built from: the glossary's data files and the
offline dictionary (names, sizes, times), the source files of the code that builds them, and
the versions of simplemma, the app and Python. Anything changed gives another key, and the
tables are built afresh.

The file is a run of small pickles (`CHUNK` entries or index items each) written by one
pickler, so entries are stored once and shared by every table. One `pickle.loads` of it all
would hold the GIL for its whole ~0.1 s, and the window, which loads the tables in a worker
thread while the reader scrolls, would not answer meanwhile; between two small pieces the Tk
thread gets its turn.

A cache file that cannot be read or unpickled, or holds something else, is rebuilt; one that
cannot be written is skipped (the tables are then built at each start). The file lives in a
folder only the user can read: unpickling runs code, so the file must be the app's own.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import pickle
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from reader.glossary.entries import Category, Glossary, GlossaryEntry
from reader.glossary.forms import Indexes

log = logging.getLogger(__name__)
FORMAT = 2  # part of the key: a change of what is pickled makes the old files unused
CHUNK = 500  # entries or index items a piece: each takes a few milliseconds to unpickle
_TABLES = ("index", "layer")
_END = "end"
_PREFIX = "matcher-"
_SUFFIX = ".pickle"


@dataclass(frozen=True)
class BuiltIndexes:
    """What the default matcher is made of, apart from the lexicon it keeps asking."""

    glossary: Glossary
    index: Indexes  # the curated glossary's forms, lemmas, abbreviations and phrases
    layer: Indexes  # the offline dictionary's political words


def cache_key(inputs: Iterable[Path | None], versions: Iterable[str]) -> str:
    """A short hash of the input files' names, sizes and modification times (None: a file that
    is not there) and of `versions`."""
    stamps = [_stamp(path) for path in inputs]
    text = repr((FORMAT, stamps, list(versions), sys.version, pickle.HIGHEST_PROTOCOL))
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def _stamp(path: Path | None) -> tuple[str, int, int] | None:
    if path is None:
        return None
    try:
        status = path.stat()
    except OSError:  # a frozen app has no source files; its version stands for them
        return (str(path), -1, -1)
    return (str(path), status.st_size, status.st_mtime_ns)


def load_or_build(folder: Path, key: str, build: Callable[[], BuiltIndexes]) -> BuiltIndexes:
    """The tables saved in `folder` under `key`, or `build()`'s, saved there for next time."""
    path = folder / f"{_PREFIX}{key}{_SUFFIX}"
    built = _read(path)
    if built is None:
        built = build()
        _save(built, path)
    return built


def _read(path: Path) -> BuiltIndexes | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        return _unpickle(pickle.Unpickler(io.BytesIO(data)))
    except Exception as error:  # a truncated or damaged file raises nearly anything
        log.info("rebuilding the glossary's tables: %s is unreadable (%s)", path, error)
        return None


def _pieces(built: BuiltIndexes) -> Iterator[tuple[str, str, Any]]:
    """(where, what, piece): the glossary's categories and entries, then every table's items,
    `CHUNK` at a time, then the end."""
    yield "glossary", "categories", built.glossary.categories
    entries = built.glossary.entries
    for start in range(0, len(entries), CHUNK):
        yield "glossary", "entries", entries[start : start + CHUNK]
    for table in _TABLES:
        indexes: Indexes = getattr(built, table)
        for field in fields(Indexes):
            items = list(getattr(indexes, field.name).items())
            yield table, field.name, items[:0]  # the table exists even when empty
            for start in range(0, len(items), CHUNK):
                yield table, field.name, items[start : start + CHUNK]
    yield _END, "", None


def _unpickle(unpickler: pickle.Unpickler) -> BuiltIndexes | None:
    """The tables from `_pieces`, loaded one piece at a time; None for anything else."""
    categories: tuple[Category, ...] = ()
    entries: list[GlossaryEntry] = []
    tables: dict[str, dict[str, dict[Any, Any]]] = {table: {} for table in _TABLES}
    while True:
        piece = unpickler.load()
        if not (isinstance(piece, tuple) and len(piece) == 3):
            return None
        where, what, content = piece
        if where == _END:
            break
        if where == "glossary" and what == "categories":
            categories = content
        elif where == "glossary" and what == "entries":
            entries.extend(content)
        elif where in tables:
            tables[where].setdefault(what, {}).update(content)
        else:
            return None
    if not all(isinstance(entry, GlossaryEntry) for entry in entries):
        return None
    names = {field.name for field in fields(Indexes)}
    if any(table.keys() != names for table in tables.values()):
        return None
    glossary = Glossary(tuple(entries), categories)
    return BuiltIndexes(glossary, Indexes(**tables["index"]), Indexes(**tables["layer"]))


def _save(built: BuiltIndexes, path: Path) -> None:
    from reader.paths import open_private, private_folder

    partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.partial")
    try:
        private_folder(path.parent)
        for old in path.parent.glob(f"{_PREFIX}*{_SUFFIX}"):
            old.unlink(missing_ok=True)  # the tables of earlier data or versions
        with open_private(partial, "wb") as stream:
            pickler = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
            for piece in _pieces(built):  # one pickler: an entry is stored once, then referred to
                pickler.dump(piece)
        os.replace(partial, path)
    except (OSError, pickle.PicklingError) as error:
        log.info("the glossary's tables are not cached: %s", error)
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
