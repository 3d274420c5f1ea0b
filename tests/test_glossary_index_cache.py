"""The default matcher's tables kept in the user's cache: read when the key fits, rebuilt when
it does not or the file is damaged, and never a reason to fail."""

from __future__ import annotations

import io
import os
import pickle
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import glossary, paths
from reader.glossary import TermMatcher, index_cache, load_glossary
from reader.glossary.index_cache import BuiltIndexes
from reader.glossary.words import build_word_indexes
from reader.language.lexicon import german_lexicon

ARTICLE = [
    "Der Bundestag hat die Sanktionen gegen Russland verlängert.",
    "Die Koalition streitet über den Haushalt; der Koalitionsstreit belastet die Regierung.",
    "Die EU-Kommission verhängte Gegenzölle, die Nato berät über die Abschreckung.",
]


@pytest.fixture(scope="module")
def built() -> BuiltIndexes:
    glossary_ = load_glossary()
    index, layer = build_word_indexes(glossary_, german_lexicon())
    return BuiltIndexes(glossary_, index, layer)


class CountingBuild:
    """A build function that counts its calls."""

    def __init__(self, built: BuiltIndexes) -> None:
        self.built = built
        self.calls = 0

    def __call__(self) -> BuiltIndexes:
        self.calls += 1
        return self.built


@pytest.fixture
def default_matcher_afresh() -> Iterator[None]:
    glossary.default_matcher.cache_clear()
    yield
    glossary.default_matcher.cache_clear()


def terms_of(matcher: TermMatcher) -> list[list[tuple[str, str, int, int]]]:
    return [
        [(match.entry.term, match.entry.source, match.start, match.end) for match in matches]
        for matches in matcher.find_in_paragraphs(ARTICLE)
    ]


def cached_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("matcher-*.pickle"))


def test_built_once_then_read(tmp_path: Path, built: BuiltIndexes) -> None:
    build = CountingBuild(built)
    first = index_cache.load_or_build(tmp_path, "key1", build)
    second = index_cache.load_or_build(tmp_path, "key1", build)
    assert build.calls == 1
    assert first is built
    assert second is not built  # read from the file
    assert second.index.nouns.keys() == built.index.nouns.keys()
    assert len(second.glossary) == len(built.glossary)
    assert [path.name for path in cached_files(tmp_path)] == ["matcher-key1.pickle"]


def test_the_file_is_read_in_small_pieces(tmp_path: Path, built: BuiltIndexes) -> None:
    # One pickle of everything would hold the GIL, and freeze the window, for its whole load.
    index_cache.load_or_build(tmp_path, "key", CountingBuild(built))
    [saved] = cached_files(tmp_path)
    unpickler = pickle.Unpickler(io.BytesIO(saved.read_bytes()))
    sizes = []
    while (piece := unpickler.load())[0] != "end":
        sizes.append(len(piece[2]))
    assert len(sizes) > len(built.glossary) // index_cache.CHUNK
    assert max(sizes) <= index_cache.CHUNK
    again = index_cache.load_or_build(tmp_path, "key", CountingBuild(built))
    entry = again.glossary.get("Bundestag")
    assert entry is not None and again.index.nouns["Bundestag"] is entry  # shared, not copied


def test_another_key_rebuilds_and_replaces_the_old_file(
    tmp_path: Path, built: BuiltIndexes
) -> None:
    build = CountingBuild(built)
    index_cache.load_or_build(tmp_path, "old", build)
    index_cache.load_or_build(tmp_path, "new", build)
    assert build.calls == 2
    assert [path.name for path in cached_files(tmp_path)] == ["matcher-new.pickle"]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a pickle at all",
        pickle.dumps({"index": "something else"}),
        pickle.dumps(BuiltIndexes(None, None, None))[:-40],  # type: ignore[arg-type]  # cut short
        pickle.dumps(BuiltIndexes("glossary", {}, {})),  # type: ignore[arg-type]
    ],
    ids=["empty", "garbage", "other-object", "truncated", "wrong-parts"],
)
def test_a_damaged_file_is_rebuilt(tmp_path: Path, built: BuiltIndexes, content: bytes) -> None:
    (tmp_path / "matcher-key.pickle").write_bytes(content)
    build = CountingBuild(built)
    result = index_cache.load_or_build(tmp_path, "key", build)
    assert build.calls == 1
    assert result is built
    again = index_cache.load_or_build(tmp_path, "key", build)  # the damaged file was replaced
    assert build.calls == 1
    assert again.index.nouns.keys() == built.index.nouns.keys()


def test_an_unwritable_cache_still_works(tmp_path: Path, built: BuiltIndexes) -> None:
    place = tmp_path / "place"
    place.mkdir()
    blocker = place / "a-file"
    blocker.write_text("a file where the cache folder should be")
    folder = blocker / "glossary"  # cannot be created, even by root
    build = CountingBuild(built)
    assert index_cache.load_or_build(folder, "key", build) is built
    assert index_cache.load_or_build(folder, "key", build) is built
    assert build.calls == 2
    assert list(place.iterdir()) == [blocker]  # no partial file left behind


def test_the_key_follows_the_files_and_versions(tmp_path: Path) -> None:
    data = tmp_path / "data.toml"
    data.write_text("[[entry]]\n")
    missing = tmp_path / "missing.sqlite"
    key = index_cache.cache_key([data, missing, None], ["1.0"])
    assert key == index_cache.cache_key([data, missing, None], ["1.0"])
    assert key != index_cache.cache_key([data, missing, None], ["1.1"])
    assert key != index_cache.cache_key([data, None, None], ["1.0"])
    missing.write_bytes(b"now there")
    with_dictionary = index_cache.cache_key([data, missing, None], ["1.0"])
    assert with_dictionary != key
    data.write_text("[[entry]]\nterm = 'Zoll'\n")  # another size
    assert index_cache.cache_key([data, missing, None], ["1.0"]) != with_dictionary
    edited = index_cache.cache_key([data, missing, None], ["1.0"])
    status = data.stat()
    os.utime(data, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))  # same size
    assert index_cache.cache_key([data, missing, None], ["1.0"]) != edited


@pytest.mark.usefixtures("default_matcher_afresh")
def test_default_matcher_from_the_cache_finds_what_a_fresh_one_finds(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("READER_DICTIONARY", str(tmp_path / "no-dictionary.sqlite"))
    fresh = TermMatcher(load_glossary(), german_lexicon())
    expected = terms_of(fresh)
    assert all(expected)  # the article has terms of every kind: nouns, compounds, abbreviations

    first = glossary.default_matcher()  # builds the tables and saves them
    folder = paths.cache_dir() / "glossary"
    [saved] = cached_files(folder)
    assert stat.S_IMODE(saved.stat().st_mode) == paths.PRIVATE_FILE_MODE
    assert terms_of(first) == expected

    glossary.default_matcher.cache_clear()
    reads = []
    monkeypatch.setattr(glossary, "load_glossary", lambda: reads.append(1) or load_glossary())
    from_cache = glossary.default_matcher()
    assert reads == []  # nothing was built: the tables came from the file
    assert terms_of(from_cache) == expected


@pytest.mark.usefixtures("default_matcher_afresh")
def test_a_changed_dictionary_rebuilds_the_tables(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dictionary = tmp_path / "dictionary.sqlite"
    monkeypatch.setenv("READER_DICTIONARY", str(dictionary))
    glossary.default_matcher()
    folder = paths.cache_dir() / "glossary"
    [without] = cached_files(folder)

    from reader.dictionary.ding import read_lines
    from reader.dictionary.store import build
    from reader.glossary.dictionary_layer import political_words, write_layer
    from tests.test_glossary_layers import DING_LINES, zipf

    build(
        read_lines(iter(DING_LINES.splitlines())),
        dictionary,
        lambda connection: write_layer(
            connection, political_words(read_lines(iter(DING_LINES.splitlines())), zipf)
        ),
    )
    glossary.default_matcher.cache_clear()
    matcher = glossary.default_matcher()
    [with_layer] = cached_files(folder)
    assert with_layer != without
    assert matcher.entry_for_word("Machtergreifung") is not None  # a word of the new layer
