"""Logging to a file in the per-OS log folder (no tkinter).

The window calls `setup_logging()` once; background failures and uncaught Tk callback errors
end up in `reader.log` there, with their tracebacks, while the user sees one line in the
status bar.

The window goes up before the log file is opened (logging.handlers alone costs it ~5 ms of
imports): `hold_records()` keeps what is logged until then, and `setup_logging()` writes it.

The log tells what the user opened and looked up: the file and its rotated copies are 0600 in a
0700 folder (wider ones are tightened), and every line is passed through `reader.secrets`.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import Any

from reader import paths
from reader.secrets import RedactingFormatter

LOG_FILE = "reader.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 2
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _HeldRecords(logging.Handler):
    """Records logged before the log file is open, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_held = _HeldRecords()


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE


def hold_records(level: int = logging.INFO) -> None:
    """Keep the `reader` loggers' records in memory until `setup_logging()` runs."""
    logger = logging.getLogger("reader")
    logger.setLevel(level)
    if _held not in logger.handlers:
        logger.addHandler(_held)


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the `reader` loggers to the log file, with any held records first; return its path
    (None if it cannot be opened)."""
    logger = logging.getLogger("reader")
    logger.setLevel(level)
    logger.removeHandler(_held)
    held, _held.records = _held.records, []
    target = log_file()
    for handler in logger.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == target:
            return target
    try:
        handler = _private_rotating_handler(target)
    except OSError as error:
        logging.getLogger(__name__).warning("cannot open the log file %s: %s", target, error)
        return None
    handler.setFormatter(RedactingFormatter(_FORMAT))
    logger.addHandler(handler)
    for record in held:
        handler.handle(record)
    return target


def _private_rotating_handler(target: Path) -> logging.FileHandler:
    """A rotating handler whose files (the current one and each new one after a rollover) are
    created readable by the user alone."""
    import logging.handlers

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self) -> Any:
            return paths.open_private(
                Path(self.baseFilename), self.mode, encoding=self.encoding, errors=self.errors
            )

    for number in range(1, BACKUP_COUNT + 1):  # copies rotated by an older version
        with contextlib.suppress(OSError):
            if target.with_name(f"{target.name}.{number}").exists():
                paths.private_file(target.with_name(f"{target.name}.{number}"))
    return PrivateRotatingFileHandler(
        target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
