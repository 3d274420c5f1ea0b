"""Logging to a file in the per-OS log folder (no tkinter).

The window calls `setup_logging()` once; background failures and uncaught Tk callback errors
end up in `reader.log` there, with their tracebacks, while the user sees one line in the
status bar.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from reader import paths

LOG_FILE = "reader.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the `reader` loggers to the log file; return its path (None if it cannot be opened)."""
    logger = logging.getLogger("reader")
    logger.setLevel(level)
    target = log_file()
    for handler in logger.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == target:
            return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=2, encoding="utf-8"
        )
    except OSError as error:
        logging.getLogger(__name__).warning("cannot open the log file %s: %s", target, error)
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    return target
