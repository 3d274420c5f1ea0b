"""The shared German word forms: remembered answers, the same lemmas as simplemma's own
`lemmatize(..., low_memory=True)` and `is_known`, which the readability code used before, and the
trie they are read from (bundled, cached, rebuilt when broken)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import simplemma

from reader import paths
from reader.language import lexicon
from reader.language.lexicon import (
    RememberedForms,
    SimplemmaLexicon,
    german_forms,
    german_lemma,
    is_known_german,
    trie_folder,
)

WORDS = [
    "Sanktionen", "Zölle", "verhängte", "des Abkommens".split()[1], "Sekundärsanktionen",
    "Haushaltsreformen", "ist", "Ist", "geht's", "US-Präsident", "Selenskyj", "stimmen",
    "Stimmen", "Abgeordneten", "EU", "2026", "Wahlkampfes", "xqzw",
]  # fmt: skip


class CountingForms(dict[str, str]):
    """A plain dict that counts how often it is asked."""

    asked: list[str]

    def get(self, key: str, default: object = None) -> object:  # type: ignore[override]
        self.asked.append(key)
        return super().get(key, default)


def test_remembered_forms_ask_the_data_once_per_word() -> None:
    data = CountingForms({"Zölle": "Zoll"})
    data.asked = []
    loads: list[int] = []

    def load() -> CountingForms:
        loads.append(1)
        return data

    forms = RememberedForms(load)
    assert loads == []  # nothing is loaded before the first lookup
    assert forms.get("Zölle") == "Zoll" and forms.get("Zölle") == "Zoll"
    assert forms.get("Vorrat") is None and forms.get("Vorrat", "?") == "?"
    assert forms["Zölle"] == "Zoll" and "Zölle" in forms and "Vorrat" not in forms
    with pytest.raises(KeyError):
        forms["Vorrat"]
    assert data.asked == ["Zölle", "Vorrat"]
    assert loads == [1]
    assert list(forms) == ["Zölle"] and len(forms) == 1


@pytest.mark.parametrize("word", WORDS)
def test_lemma_and_known_agree_with_simplemma(word: str) -> None:
    assert german_lemma(word) == simplemma.lemmatize(word, lang="de", low_memory=True)
    assert is_known_german(word) == simplemma.is_known(word, lang="de", low_memory=True)


def test_the_lexicon_reads_the_shared_forms() -> None:
    lexicon = SimplemmaLexicon()
    assert lexicon.lemma("Zölle") == german_forms().get("Zölle") == "Zoll"
    assert lexicon.is_word("haushalt") and not lexicon.is_word("xqzw")


def test_the_trie_is_cached_per_simplemma_version_unless_the_app_bundles_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lemma_trie: Path
) -> None:
    cached = trie_folder()
    assert cached.parent == paths.cache_dir() / "lemmas"
    assert simplemma.__version__ in cached.name
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    monkeypatch.setattr(lexicon, "TRIE_FOLDER", bundled)
    assert trie_folder() == cached  # an empty bundle folder does not count
    (bundled / "de.dic").symlink_to(lemma_trie)
    assert trie_folder() == bundled
    assert lexicon._simplemma_forms().get("Zölle") == "Zoll"


def test_a_broken_trie_in_the_cache_is_rebuilt(caplog: pytest.LogCaptureFixture) -> None:
    """A crash while the trie was written leaves half a file: the next start builds it again."""
    cached = trie_folder() / "de.dic"
    cached.unlink()  # the test's link to the shared trie
    cached.write_bytes(b"half a trie")
    with caplog.at_level(logging.WARNING):
        forms = lexicon._simplemma_forms()
    assert forms.get("Sanktionen") == "Sanktion"
    assert "Corrupt trie cache" in caplog.text
    assert cached.stat().st_size > 1_000_000  # written again, whole


def test_the_window_reads_compressed_forms_and_builds_a_missing_trie_at_exit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first analysis must neither wait for the ~3 s build nor freeze the window during it."""
    registered: list[tuple[object, tuple[object, ...]]] = []
    monkeypatch.setattr(lexicon.atexit, "register", lambda f, *a: registered.append((f, a)))
    monkeypatch.setattr(lexicon, "_build_at_exit", False)  # restored after the test
    cached = trie_folder() / "de.dic"
    cached.unlink()  # no trie yet, as on a first start

    lexicon.build_missing_trie_at_exit()
    forms = lexicon._simplemma_forms()

    assert forms.get("Zölle") == "Zoll"
    assert not cached.exists()
    [(build, arguments)] = registered
    build(*arguments)  # what happens when the program exits
    assert cached.stat().st_size > 1_000_000
    assert lexicon._simplemma_forms().get("Zölle") == "Zoll"  # now from the trie
    assert len(registered) == 1


def test_the_trie_read_directly_answers_as_simplemmas_factory() -> None:
    from simplemma.strategies.dictionaries import TrieDictionaryFactory

    direct = lexicon._simplemma_forms()
    assert isinstance(direct, lexicon.TrieForms)
    factory = TrieDictionaryFactory(disk_cache_dir=str(trie_folder())).get_dictionary("de")
    probes = [*WORDS, "Zoll", "zölle", "Häuser", "", "ß", "Koalitionsstreit", "eu"]
    for word in probes:
        assert direct.get(word) == factory.get(word), word
        assert direct.get(word, "-") == factory.get(word, "-"), word
    assert len(direct) == len(factory)
    assert direct["Zölle"] == "Zoll"
    with pytest.raises(KeyError):
        direct["xqzw"]


def test_simplemmas_version_is_known_without_importing_it() -> None:
    assert lexicon.simplemma_version() == simplemma.__version__


def test_looking_up_forms_does_not_import_simplemma() -> None:
    """The glossary's process of `reader analyze` only looks forms up: simplemma's import (the
    rules of every language) is left to the process that lemmatises."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from reader.language.lexicon import german_forms, german_lexicon\n"
        "assert german_forms().get('Zölle') == 'Zoll'\n"
        "assert german_lexicon().is_word('Haushalt')\n"
        "print('simplemma' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "False"
