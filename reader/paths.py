"""Where settings, cache, logs and user data live (per OS, via platformdirs).

On Linux the XDG variables (XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_DATA_HOME, XDG_STATE_HOME) are
honoured, which is also how tests redirect everything into a temporary folder. The frozen app
uses the same folders as the unfrozen one.

What the user reads, looks up and saves is theirs alone: `private_folder` makes the app's folders
0700 and `private_file` / `open_private` its files 0600, and both tighten a folder or file that an
older version (or a umask of 022) left readable by others. On Windows the modes mean little and
the per-user folders already belong to the user.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

import platformdirs

log = logging.getLogger(__name__)
T = TypeVar("T")

APP_NAME = "german-reader"
PACKAGE_DATA = Path(__file__).parent / "data"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


PRIVATE_FOLDER_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
_OTHERS = stat.S_IRWXG | stat.S_IRWXO


def private_folder(folder: Path) -> Path:
    """Create `folder` readable by the user alone, with the app's folders above it (up to the
    one named after the app) that are missing, and tighten any of the app's folders that are
    open to others. A folder outside the app's own (a path given by a test or a user) is
    created private but not changed if it exists."""
    ours = _app_folders(folder)
    chain = ours or [folder]
    chain[-1].parent.mkdir(parents=True, exist_ok=True)  # the XDG folders above: not ours
    for path in reversed(chain):  # from the top down: each is created inside a private one
        try:
            path.mkdir(mode=PRIVATE_FOLDER_MODE)
        except FileExistsError:
            if path not in ours:
                continue
        _tighten(path, PRIVATE_FOLDER_MODE)  # also against a umask that left group bits on
    return folder


def private_file(path: Path) -> Path:
    """Create `path` (empty) readable by the user alone if it is missing, in a private folder;
    tighten it if it is open to others. SQLite gives a database's -wal and -shm files the mode
    of the database, so a database made this way stays private with them; existing ones are
    tightened too."""
    private_folder(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
    for companion in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        _tighten(companion, PRIVATE_FILE_MODE)
    return path


def open_private(path: Path, mode: str = "a", **options: Any) -> IO[Any]:
    """`open(path, mode, ...)`, a new file being created 0600 and an existing one tightened."""
    private_folder(path.parent)
    stream = open(path, mode, opener=_private_opener, **options)  # noqa: SIM115 - returned
    _tighten(path, PRIVATE_FILE_MODE)
    return stream


def _private_opener(name: str, flags: int) -> int:
    return os.open(name, flags, PRIVATE_FILE_MODE)


def _app_folders(folder: Path) -> list[Path]:
    """`folder` and its parents up to the app's own top folder, or none when `folder` is not
    inside one."""
    chain = [folder, *folder.parents]
    for index, path in enumerate(chain):
        if path.name == APP_NAME:
            return chain[: index + 1]
    return []


def _tighten(path: Path, mode: int) -> None:
    """Take others' permissions off `path` (a symbolic link is left alone)."""
    try:
        status = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(status.st_mode) or not status.st_mode & _OTHERS:
        return
    with contextlib.suppress(OSError):  # a file of another user's, or a read-only system
        os.chmod(path, stat.S_IMODE(status.st_mode) & mode)


def open_database(path: Path, open_file: Callable[[], T], what: str) -> T:
    """`open_file()`; if the file is no usable database, keep it aside (renamed, for recovery)
    and open an empty one in its place."""
    try:
        return open_file()
    except sqlite3.DatabaseError as error:
        aside = set_aside_database(path)
        log.warning("%s %s is corrupt (%s); kept as %s", what, path, error, aside)
        return open_file()


def set_aside_database(path: Path) -> Path:
    """Keep a corrupt SQLite file for recovery, renamed `NAME.corrupt-<time>`, and remove its
    journal files so an empty one can start in its place; returns the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return aside


def usual_article_folders() -> list[Path]:
    """Where a learner's articles usually are: Downloads, Documents, the home folder."""
    return [
        Path(platformdirs.user_downloads_dir()),
        Path(platformdirs.user_documents_dir()),
        Path.home(),
    ]
