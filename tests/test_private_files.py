"""The user's data is theirs alone: files 0600 in folders 0700, wide ones tightened (issue 19).

Every test runs under a umask of 022, the usual one, under which a plain `open` or SQLite would
create files that everyone on the machine can read.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import paths
from reader.dictionary.vocabulary import Vocabulary
from reader.logs import setup_logging
from reader.settings import Settings, load_settings, save_settings, settings_path
from reader.translation.cache import TranslationCache, default_cache_path


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def log_handlers() -> Iterator[None]:
    yield
    logger = logging.getLogger("reader")
    for handler in list(logger.handlers):
        if isinstance(handler, logging.FileHandler):
            logger.removeHandler(handler)
            handler.close()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_private(file: Path, top: Path) -> None:
    """`file` is 0600 and every folder from its own up to `top` is 0700."""
    assert mode(file) == 0o600, f"{file}: {oct(mode(file))}"
    for folder in [file.parent, *file.parent.parents]:
        assert mode(folder) == 0o700, f"{folder}: {oct(mode(folder))}"
        if folder == top:
            return
    raise AssertionError(f"{top} is not above {file}")


def widen(*places: Path) -> None:
    for place in places:
        place.chmod(0o777 if place.is_dir() else 0o666)


def test_the_translation_cache_is_private() -> None:
    cache = TranslationCache()
    cache.put("libre", "de", "en", "Der Zoll steigt.", "Customs duties rise.")
    path = default_cache_path()
    assert path.parent == paths.cache_dir()
    assert_private(path, paths.cache_dir())
    for companion in ("-wal", "-shm"):  # SQLite's journal holds the same text
        assert mode(path.with_name(path.name + companion)) == 0o600
    cache.close()


def test_a_wide_translation_cache_is_tightened_when_opened() -> None:
    TranslationCache().close()
    path = default_cache_path()
    widen(paths.cache_dir(), path)
    cache = TranslationCache()
    assert cache.get("libre", "de", "en", "nichts") is None
    assert_private(path, paths.cache_dir())
    cache.close()


def test_a_rebuilt_corrupt_cache_is_private() -> None:
    path = default_cache_path()
    paths.cache_dir().mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a database" * 100)
    path.chmod(0o644)
    cache = TranslationCache()
    assert_private(path, paths.cache_dir())
    cache.close()


def test_the_vocabulary_in_the_data_folder_is_private() -> None:
    vocabulary = Vocabulary()
    vocabulary.save("Zoll", "Zoll", sentence="Der Zoll steigt.")
    assert_private(vocabulary.path, paths.data_dir())
    vocabulary.close()


def test_a_wide_vocabulary_is_tightened_and_keeps_its_words() -> None:
    vocabulary = Vocabulary()
    vocabulary.save("Zoll", "Zoll", sentence="Der Zoll steigt.")
    vocabulary.close()
    path = vocabulary.path
    widen(paths.data_dir(), path, *path.parent.glob(path.name + "-*"))

    reopened = Vocabulary()
    assert [word.lemma for word in reopened.words()] == ["Zoll"]
    assert_private(path, paths.data_dir())
    for companion in path.parent.glob(path.name + "-*"):
        assert mode(companion) == 0o600
    reopened.close()


def test_the_learners_file_is_private_and_a_wide_one_is_tightened() -> None:
    from reader.learner.store import LearnerStore

    store = LearnerStore()
    path = store.path
    assert path.parent == paths.data_dir()
    assert_private(path, paths.data_dir())
    store.close()
    widen(paths.data_dir(), path)
    LearnerStore().close()
    assert_private(path, paths.data_dir())


def test_the_log_file_and_its_rotated_copies_are_private(log_handlers: None) -> None:
    target = setup_logging()
    assert target is not None
    logger = logging.getLogger("reader.test")
    logger.warning("Artikel geöffnet: Der Zoll steigt.")
    assert_private(target, paths.log_dir())
    (handler,) = [
        h for h in logging.getLogger("reader").handlers if isinstance(h, logging.FileHandler)
    ]
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    handler.doRollover()
    handler.doRollover()
    logger.warning("after the rollover")
    handler.flush()
    for file in (target, target.with_name("reader.log.1"), target.with_name("reader.log.2")):
        assert mode(file) == 0o600


def test_a_wide_log_folder_and_file_are_tightened(log_handlers: None) -> None:
    folder = paths.log_dir()
    folder.mkdir(parents=True)
    old = folder / "reader.log"
    rotated = folder / "reader.log.1"
    old.write_text("written by an older version\n", encoding="utf-8")
    rotated.write_text("older still\n", encoding="utf-8")
    widen(folder, old, rotated)

    target = setup_logging()
    assert target == old
    assert_private(old, folder)
    assert mode(rotated) == 0o600
    assert "older version" in old.read_text(encoding="utf-8")  # nothing lost


def test_settings_and_their_folder_are_private() -> None:
    save_settings(Settings(font_size=15))
    assert_private(settings_path(), paths.config_dir())


def test_wide_settings_are_tightened_when_read() -> None:
    save_settings(Settings(font_size=15))
    widen(paths.config_dir(), settings_path())
    assert load_settings().font_size == 15
    assert_private(settings_path(), paths.config_dir())


def test_the_self_test_report_is_private(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.selftest import _save_report, report_file

    _save_report(["self-test passed"])
    assert_private(report_file(), paths.log_dir())


def test_a_folder_not_the_apps_is_created_private_but_never_changed(tmp_path: Path) -> None:
    mine = tmp_path / "Documents"
    mine.mkdir()
    mine.chmod(0o755)
    paths.private_file(mine / "words.sqlite")
    assert mode(mine) == 0o755  # the user's own folder keeps its mode
    assert mode(mine / "words.sqlite") == 0o600
    paths.private_folder(tmp_path / "new" / "inner")
    assert mode(tmp_path / "new" / "inner") == 0o700


def test_a_symbolic_link_is_not_followed_to_change_its_target(tmp_path: Path) -> None:
    elsewhere = tmp_path / "shared.txt"
    elsewhere.write_text("x", encoding="utf-8")
    elsewhere.chmod(0o644)
    paths.private_folder(paths.cache_dir())
    link = paths.cache_dir() / "translations.sqlite3"
    link.symlink_to(elsewhere)
    paths.private_file(link)
    assert mode(elsewhere) == 0o644
