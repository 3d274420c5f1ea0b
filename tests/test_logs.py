"""The log file: where it is, and records logged before it was opened (reader.logs)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from reader import paths
from reader.logs import hold_records, setup_logging


@pytest.fixture
def reader_logger() -> Iterator[logging.Logger]:
    """The `reader` logger; the file handlers a test adds are closed after it."""
    logger = logging.getLogger("reader")
    yield logger
    for handler in list(logger.handlers):
        if isinstance(handler, logging.FileHandler):
            logger.removeHandler(handler)
            handler.close()


def written(logger: logging.Logger) -> None:
    for handler in logger.handlers:
        handler.flush()


@pytest.mark.logs_errors
def test_logging_goes_to_the_user_log_folder(reader_logger: logging.Logger) -> None:
    target = setup_logging()
    assert target is not None and target.parent == paths.log_dir()
    assert setup_logging() == target  # a second call adds no second handler
    logging.getLogger("reader.gui.test").error("background failure for the log")
    written(reader_logger)
    assert "background failure for the log" in target.read_text(encoding="utf-8")


@pytest.mark.logs_errors
def test_records_logged_before_the_log_file_opens_are_written_to_it_first(
    reader_logger: logging.Logger,
) -> None:
    hold_records()
    logging.getLogger("reader.settings").warning("settings file is corrupt, held back")
    target = setup_logging()
    logging.getLogger("reader.gui.test").error("logged after the file opened")
    written(reader_logger)
    assert target is not None
    text = target.read_text(encoding="utf-8")
    assert text.index("settings file is corrupt, held back") < text.index(
        "logged after the file opened"
    )
    assert not any(type(h).__name__ == "_HeldRecords" for h in reader_logger.handlers)
