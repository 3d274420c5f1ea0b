"""The vocabulary: saving, searching, deleting, exports, and surviving a kill while saving."""

from __future__ import annotations

import csv
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from reader.dictionary.vocabulary import Vocabulary


def test_save_search_sort_delete(tmp_path: Path) -> None:
    vocabulary = Vocabulary(tmp_path / "vocabulary.sqlite")
    zoll = vocabulary.save("Zölle", "Zoll", english="tariff", sentence="Die Zölle steigen.")
    vocabulary.save("Wahl", "Wahl", english="election", sentence="Die Wahl ist im Mai.")
    assert [w.lemma for w in vocabulary.words(sort="lemma")] == ["Wahl", "Zoll"]
    assert [w.lemma for w in vocabulary.words(search="tarif")] == ["Zoll"]
    vocabulary.delete(zoll.id)
    assert [w.lemma for w in vocabulary.words()] == ["Wahl"]


def test_saving_the_same_word_in_the_same_sentence_updates_it(tmp_path: Path) -> None:
    vocabulary = Vocabulary(tmp_path / "vocabulary.sqlite")
    vocabulary.save("Zölle", "Zoll", english="duty", sentence="Die Zölle steigen.")
    vocabulary.save("Zölle", "Zoll", english="tariff", sentence="Die Zölle steigen.")
    assert [(w.lemma, w.english) for w in vocabulary.words()] == [("Zoll", "tariff")]


def test_restoring_deleted_words_keeps_a_word_saved_again_since(tmp_path: Path) -> None:
    vocabulary = Vocabulary(tmp_path / "vocabulary.sqlite")
    zoll = vocabulary.save("Zölle", "Zoll", english="duty", sentence="Die Zölle steigen.")
    wahl = vocabulary.save("Wahl", "Wahl", english="election", sentence="Die Wahl ist im Mai.")
    vocabulary.delete(zoll.id)
    vocabulary.delete(wahl.id)
    again = vocabulary.save("Zölle", "Zoll", english="tariff", sentence="Die Zölle steigen.")

    vocabulary.restore([zoll, wahl])

    assert {(w.id, w.lemma, w.english) for w in vocabulary.words()} == {
        (again.id, "Zoll", "tariff"),
        (wahl.id, "Wahl", "election"),
    }
    assert next(w for w in vocabulary.words() if w.lemma == "Wahl") == wahl


def test_vocabulary_lives_in_the_user_data_folder(isolated_user_dirs: Path) -> None:
    vocabulary = Vocabulary()
    assert isolated_user_dirs in vocabulary.path.parents


def test_csv_export_reads_back(tmp_path: Path) -> None:
    vocabulary = Vocabulary(tmp_path / "vocabulary.sqlite")
    vocabulary.save("Zölle", "Zoll", english="tariff", sentence="Die „Zölle“, sagt sie, steigen.")
    target = tmp_path / "words.csv"
    assert vocabulary.export_csv(target) == 1
    with target.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert rows[0]["lemma"] == "Zoll"
    assert rows[0]["sentence"] == "Die „Zölle“, sagt sie, steigen."


def test_anki_export_has_the_context_sentence_on_the_card(tmp_path: Path) -> None:
    vocabulary = Vocabulary(tmp_path / "vocabulary.sqlite")
    vocabulary.save(
        "Zölle",
        "Zoll",
        english="tariff",
        sentence="Die Zölle steigen.",
        sentence_english="Tariffs are rising.",
    )
    vocabulary.save("Wahl", "Wahl", english="election", sentence="Die Wahl ist im Mai.")
    deck = tmp_path / "deck.apkg"
    assert vocabulary.export_anki(deck) == 2
    with zipfile.ZipFile(deck) as package:
        package.extract("collection.anki2", tmp_path)
    collection = sqlite3.connect(tmp_path / "collection.anki2")
    notes = [row[0].split("\x1f") for row in collection.execute("SELECT flds FROM notes")]
    cards = collection.execute("SELECT count(*) FROM cards").fetchone()[0]
    assert cards == 2
    zoll = next(fields for fields in notes if fields[1] == "Zoll")
    assert zoll == [
        "Zölle",
        "Zoll",
        "tariff",
        "Die <b>Zölle</b> steigen.",
        "Tariffs are rising.",
        "",
    ]


def test_a_saved_words_english_and_note_can_be_edited(tmp_path: Path) -> None:
    vocabulary = Vocabulary(tmp_path / "vocabulary.sqlite")
    saved = vocabulary.save("Runde", "Runde", sentence="Der Streit geht in die nächste Runde.")
    assert saved.english == "" and saved.note == ""
    edited = vocabulary.update(saved.id, english=" round ", note="in die nächste Runde gehen")
    assert edited is not None
    assert (edited.english, edited.note) == ("round", "in die nächste Runde gehen")
    assert vocabulary.update(saved.id, note="") == replace(edited, note="")
    assert vocabulary.words(search="round")[0].id == saved.id
    assert vocabulary.update(9999, english="gone") is None
    # Saving the word again from the card keeps the learner's note.
    again = vocabulary.save("Runde", "Runde", english="round", sentence=saved.sentence)
    assert again.id == saved.id and again.english == "round"


def test_a_vocabulary_from_before_notes_gets_the_column(tmp_path: Path) -> None:
    path = tmp_path / "vocabulary.sqlite"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE word(id INTEGER PRIMARY KEY, word TEXT NOT NULL, lemma TEXT NOT NULL,"
        " english TEXT NOT NULL DEFAULT '', sentence TEXT NOT NULL DEFAULT '',"
        " sentence_english TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '',"
        " added REAL NOT NULL, UNIQUE (lemma, sentence));"
        "INSERT INTO word(word, lemma, english, added) VALUES ('Zölle', 'Zoll', '', 1.0);"
    )
    old.close()
    vocabulary = Vocabulary(path)
    (word,) = vocabulary.words()
    assert (word.lemma, word.note) == ("Zoll", "")
    assert vocabulary.update(word.id, english="tariff", note="pl. Zölle") is not None
    vocabulary.close()
    assert Vocabulary(path).words()[0].note == "pl. Zölle"


def test_the_anki_card_shows_the_note_and_escapes_the_english(tmp_path: Path) -> None:
    vocabulary = Vocabulary(tmp_path / "vocabulary.sqlite")
    saved = vocabulary.save("Wahl", "Wahl", english="election <vote>", sentence="Die Wahl.")
    vocabulary.update(saved.id, note="die Wahl & die Stimme")
    deck = tmp_path / "deck.apkg"
    vocabulary.export_anki(deck)
    with zipfile.ZipFile(deck) as package:
        package.extract("collection.anki2", tmp_path)
    collection = sqlite3.connect(tmp_path / "collection.anki2")
    (fields,) = [row[0].split("\x1f") for row in collection.execute("SELECT flds FROM notes")]
    assert fields[2] == "election &lt;vote&gt;"
    assert fields[5] == "die Wahl &amp; die Stimme"


SAVE_FOREVER = """
import sys
from pathlib import Path
from reader.dictionary.vocabulary import Vocabulary
vocabulary = Vocabulary(Path(sys.argv[1]))
print("ready", flush=True)
n = 0
while True:
    n += 1
    vocabulary.save(f"Wort{n}", f"Wort{n}", english="word " * 50, sentence=f"Satz {n}.")
"""


def test_killing_the_app_while_saving_loses_nothing_saved(tmp_path: Path) -> None:
    path = tmp_path / "vocabulary.sqlite"
    process = subprocess.Popen(
        [sys.executable, "-c", SAVE_FOREVER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    time.sleep(0.5)
    process.send_signal(signal.SIGKILL)
    process.wait()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    words = Vocabulary(path).words()
    assert words, "some words were saved before the kill"
    assert all(w.english == "word " * 50 and w.sentence.startswith("Satz ") for w in words)


def _header_only(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84)


def _half_of_a_vocabulary(path: Path) -> None:
    vocabulary = Vocabulary(path)
    for number in range(200):
        vocabulary.save(f"Wort{number}", f"Wort{number}", sentence=f"Satz {number}.")
    vocabulary.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x13\x37 not a database " * 300)


@pytest.mark.parametrize("damage", [_garbage, _header_only, _half_of_a_vocabulary])
def test_a_corrupt_vocabulary_is_set_aside_and_a_new_one_works(
    tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    path = tmp_path / "vocabulary.sqlite"
    damage(path)

    vocabulary = Vocabulary(path)
    vocabulary.save("Zoll", "Zoll", english="customs duty", sentence="Der Zoll steigt.")

    assert [word.lemma for word in vocabulary.words()] == ["Zoll"]
    kept = list(tmp_path.glob("vocabulary.sqlite.corrupt-*"))
    assert len(kept) == 1 and kept[0].stat().st_size > 0
    vocabulary.close()


def test_the_vocabulary_is_readable_by_its_owner_alone(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    vocabulary = Vocabulary(folder / "vocabulary.sqlite")
    vocabulary.save("Zoll", "Zoll")
    vocabulary.close()

    assert (folder / "vocabulary.sqlite").stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
