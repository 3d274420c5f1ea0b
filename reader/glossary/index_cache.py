"""The default matcher's lookup tables, kept in the user's cache between runs (no tkinter).

Building the matcher at every start reads the glossary (its parsed TOML), the dictionary
layer (~4,000 rows of SQLite) and generates every entry's forms, asking simplemma's data about
each: ~0.15 s, a tenth of `reader analyze` of a long article. Unpickling the result takes
~0.03 s. So the built glossary and both indexes are pickled into the app's private cache
folder, under a key made of everything they are built from: the glossary's data files and the
offline dictionary (names, sizes, times), the source files of the code that builds them, and
the versions of simplemma, the app and Python. Anything changed gives another key, and the
tables are built afresh.

A cache file that cannot be read or unpickled, or holds something else, is rebuilt; one that
cannot be written is skipped (the tables are then built at each start). The file lives in a
folder only the user can read: unpickling runs code, so the file must be the app's own.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.glossary.entries import Glossary
from reader.glossary.forms import Indexes

log = logging.getLogger(__name__)
FORMAT = 1  # part of the key: a change of what is pickled makes the old files unused
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
        built = pickle.loads(data)
    except Exception as error:  # a truncated or damaged file raises nearly anything
        log.info("rebuilding the glossary's tables: %s is unreadable (%s)", path, error)
        return None
    if not (
        isinstance(built, BuiltIndexes)
        and isinstance(built.glossary, Glossary)
        and isinstance(built.index, Indexes)
        and isinstance(built.layer, Indexes)
    ):
        return None
    return built


def _save(built: BuiltIndexes, path: Path) -> None:
    from reader.paths import open_private, private_folder

    partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.partial")
    try:
        private_folder(path.parent)
        for old in path.parent.glob(f"{_PREFIX}*{_SUFFIX}"):
            old.unlink(missing_ok=True)  # the tables of earlier data or versions
        with open_private(partial, "wb") as stream:
            pickle.dump(built, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except (OSError, pickle.PicklingError) as error:
        log.info("the glossary's tables are not cached: %s", error)
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
