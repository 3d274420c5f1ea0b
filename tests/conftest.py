"""Shared fixtures: every test runs with its own config, cache, data and log folders, and fails
if it logs an error it did not expect."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.keyrings import MemoryKeyring


def _kept_folder(request: pytest.FixtureRequest, name: str) -> Path:
    """A folder in pytest's cache, kept between runs; a temporary one without the cache plugin
    (`-p no:cacheprovider`)."""
    cache = getattr(request.config, "cache", None)
    if cache is None:
        factory: pytest.TempPathFactory = request.getfixturevalue("tmp_path_factory")
        return factory.mktemp(name)
    folder: Path = cache.mkdir(name)
    return folder


@pytest.fixture(scope="session")
def lemma_trie(request: pytest.FixtureRequest) -> Path:
    """simplemma's German forms as a trie (reader.language.lexicon), built once and kept in
    pytest's cache folder between runs: building it takes ~3 s, and every test has a cache
    folder of its own, so each would build it again."""
    import simplemma

    from reader.language.lexicon import build_trie

    folder = _kept_folder(request, f"lemma-trie-simplemma-{simplemma.__version__}")
    trie = folder / "de.dic"
    return trie if trie.is_file() else build_trie(folder)


@pytest.fixture(scope="session")
def frequency_list_file(request: pytest.FixtureRequest) -> Path:
    """wordfreq's German list in its compact form (reader.readability.frequency_list), built
    once (~2 s) into pytest's cache folder, under the name the app would give it."""
    from reader.readability import frequency_list
    from reader.readability.coverage import COVERAGE_LEVELS

    folder = _kept_folder(request, "frequency-list")
    path = frequency_list.cache_file(folder, max(COVERAGE_LEVELS))
    assert path is not None, "wordfreq's German data is missing"
    frequency_list.load(folder, max(COVERAGE_LEVELS))
    return path


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lemma_trie: Path, frequency_list_file: Path
) -> Path:
    """Redirect the XDG folders so no test touches the real user's settings or cache; the
    German forms' trie and wordfreq's compact list are put into the new cache as the app would
    have built them there."""
    from reader import paths
    from reader.language.lexicon import trie_folder

    home = tmp_path / "xdg"
    for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        folder = home / variable.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(variable, str(folder))
    folder = trie_folder()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / lemma_trie.name).symlink_to(lemma_trie)
    (paths.cache_dir() / "wordfreq").mkdir(parents=True)
    (paths.cache_dir() / "wordfreq" / frequency_list_file.name).symlink_to(frequency_list_file)
    return home


class _ErrorRecords(logging.Handler):
    """Keeps every record of level ERROR or above, from any thread."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def check_nothing_logged(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that logs an ERROR (Porcupine's `check_nothing_logged`): an error that is
    caught and logged must not pass silently. A test that provokes one on purpose is marked
    `@pytest.mark.logs_errors`."""
    handler = _ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    if handler.records and request.node.get_closest_marker("logs_errors") is None:
        logged = "\n".join(f"{record.name}: {record.getMessage()}" for record in handler.records)
        pytest.fail(f"the test logged errors (mark it logs_errors if expected):\n{logged}")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A keyring in memory instead of the system's (which a test machine may not have)."""
    import keyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
