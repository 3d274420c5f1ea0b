"""wordfreq's German list in a compact form that loads in milliseconds (no tkinter).

Coverage needs the rank of each word among the most frequent German words, and the rare-word
list needs any word's frequency. Asking wordfreq costs ~0.45 s at every start (importing it
and its language-code tables, unpacking ~630,000 words into a dict): more than the analysis of
a long article. So the list is turned once into a MARISA trie of the words with two arrays
beside it (each word's frequency band and its rank), saved in the user's cache folder (~4 MB,
~2 s to build) and from then on read in a few milliseconds. The answers are exactly wordfreq's:
`frequency(word)` equals `wordfreq.get_frequency_dict("de")[word]` (0.0 for unlisted words)
and `rank(word)` is the word's place in `wordfreq.top_n_list("de", ranked)`.

The file's name carries a stamp of wordfreq's data file (size and time), found without
importing wordfreq: a new wordfreq version builds a new file. A cache that cannot be read is
rebuilt, one that cannot be written is skipped (the list is then built in memory each time).
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import importlib.util
import os
import struct
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

LANGUAGE = "de"
FORMAT = b"GRFL1"  # the file's first bytes; another format is rebuilt, never misread
_HEADER = struct.Struct("<5sQQ")  # format, trie bytes, number of words
_TYPECODE = "H"  # frequency bands (0–~900) and ranks (≤ 65,535) fit two bytes


class FrequencyList:
    """Each listed word's frequency band and rank, looked up through a trie."""

    def __init__(self, trie: Any, bands: array.array[int], ranks: array.array[int]) -> None:
        self._trie = trie
        self._bands = bands
        self._ranks = ranks

    def rank(self, word: str, unranked: int) -> int:
        """1 for the most frequent word; `unranked` for a word outside the ranked top."""
        key = self._trie.get(word)
        return unranked if key is None else (self._ranks[key] or unranked)

    def frequency(self, word: str) -> float:
        """wordfreq's frequency (a share of all words); 0.0 for a word it does not list."""
        key = self._trie.get(word)
        return 0.0 if key is None else 10.0 ** (-self._bands[key] / 100)

    def figures(self, word: str, unranked: int) -> tuple[int, float]:
        """`rank(word, unranked)` and `frequency(word)` with one lookup."""
        key = self._trie.get(word)
        if key is None:
            return unranked, 0.0
        return self._ranks[key] or unranked, 10.0 ** (-self._bands[key] / 100)

    def __len__(self) -> int:
        return len(self._bands)


def build(ranked: int) -> FrequencyList:
    """The list from wordfreq itself (~2 s): its German words, bands and first `ranked` ranks."""
    import wordfreq

    bands: dict[str, int] = {}
    for band, words in enumerate(wordfreq.get_frequency_list(LANGUAGE)):
        for word in words:
            bands[word] = band  # a word listed twice keeps its last band, as wordfreq does
    return compile_list(bands, wordfreq.top_n_list(LANGUAGE, ranked))


def compile_list(bands_of: Mapping[str, int], ranked: Sequence[str]) -> FrequencyList:
    """The list of the words in `bands_of` (word → frequency band in centibels below 1), the
    words of `ranked` (all of them in `bands_of`) ranked in that order."""
    import marisa_trie

    trie = marisa_trie.Trie(bands_of)
    bands = array.array(_TYPECODE, bytes(2 * len(trie)))
    ranks = array.array(_TYPECODE, bytes(2 * len(trie)))
    for word, key in trie.items():
        bands[key] = bands_of[word]
    for rank, word in enumerate(ranked, start=1):
        ranks[trie[word]] = rank
    return FrequencyList(trie, bands, ranks)


def to_bytes(frequency_list: FrequencyList) -> bytes:
    trie: bytes = frequency_list._trie.tobytes()
    count = len(frequency_list)
    header = _HEADER.pack(FORMAT, len(trie), count)
    return header + trie + frequency_list._bands.tobytes() + frequency_list._ranks.tobytes()


def from_bytes(data: bytes) -> FrequencyList:
    """The list saved by `to_bytes`; ValueError if the data is not such a list."""
    import marisa_trie

    if len(data) < _HEADER.size:
        raise ValueError("too short for a frequency list")
    form, trie_size, count = _HEADER.unpack_from(data)
    start = _HEADER.size
    if form != FORMAT or len(data) != start + trie_size + 4 * count:
        raise ValueError("not a frequency list of this format")
    trie = marisa_trie.Trie()
    trie.frombytes(data[start : start + trie_size])
    if len(trie) != count:
        raise ValueError("the trie and the arrays disagree")
    bands = array.array(_TYPECODE, data[start + trie_size : start + trie_size + 2 * count])
    ranks = array.array(_TYPECODE, data[start + trie_size + 2 * count :])
    return FrequencyList(trie, bands, ranks)


def wordfreq_data_file() -> Path | None:
    """wordfreq's German list, found without importing wordfreq (~0.15 s)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "data" / f"large_{LANGUAGE}.msgpack.gz"
    return path if path.is_file() else None


def cache_file(folder: Path, ranked: int) -> Path | None:
    """Where the list built from the installed wordfreq data is kept; None without the data."""
    data = wordfreq_data_file()
    if data is None:
        return None
    status = data.stat()
    stamp = repr((FORMAT, str(data), status.st_size, status.st_mtime_ns, ranked))
    return folder / f"{LANGUAGE}-{hashlib.sha256(stamp.encode()).hexdigest()[:20]}.freq"


def load(
    folder: Path, ranked: int, build_list: Callable[[int], FrequencyList] = build
) -> FrequencyList:
    """The list from the cache in `folder`, built and saved there first if need be."""
    path = cache_file(folder, ranked)
    if path is not None:
        with contextlib.suppress(OSError, ValueError):
            return from_bytes(path.read_bytes())
    frequency_list = build_list(ranked)
    if path is not None:
        _save(frequency_list, path)
    return frequency_list


def _save(frequency_list: FrequencyList, path: Path) -> None:
    with contextlib.suppress(OSError):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        for old in path.parent.glob(f"{LANGUAGE}-*.freq"):
            old.unlink(missing_ok=True)  # lists of earlier wordfreq versions
        partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.partial")
        partial.write_bytes(to_bytes(frequency_list))
        os.replace(partial, path)
