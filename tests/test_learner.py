"""The learner's side without a window: statuses, personal coverage, imports, exports, the
library and progress; and surviving a kill, a corrupt file and two writers."""

from __future__ import annotations

import datetime as dt
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.document import Document, Source
from reader.learner.known import statuses_in_effect, vocabulary_lemmas
from reader.learner.library import Library
from reader.learner.progress import daily_progress
from reader.learner.status import WordStatus, parse_status
from reader.learner.store import LearnerStore, StatusChange, word_key
from reader.learner.transfer import WordListError, export_statuses, import_word_file
from reader.learner.words import (
    PersonalCoverage,
    article_words,
    coverage_sentence,
    learner_report,
)

KNOWN, IGNORED = WordStatus.KNOWN, WordStatus.IGNORED
PARAGRAPHS = (
    "Das Haus ist alt. Die Häuser sind neu.",
    "Selenskyj kam am 3. Oktober 2025 in das Haus.",
)


@pytest.fixture
def store(tmp_path: Path) -> LearnerStore:
    opened = LearnerStore(tmp_path / "learner.sqlite")
    yield opened  # type: ignore[misc]
    opened.close()


def test_statuses_are_named_as_people_type_them() -> None:
    assert parse_status("known") is KNOWN
    assert parse_status("Learning") is WordStatus.LEARNING_1
    assert parse_status("3") is WordStatus.LEARNING_3
    assert parse_status("new") is None
    with pytest.raises(ValueError, match="unknown status 'gut'"):
        parse_status("gut")


# --- the store ----------------------------------------------------------------------------------


def test_marks_are_kept_by_lemma_and_can_be_undone(store: LearnerStore) -> None:
    undo = store.set_statuses([StatusChange("Haus", KNOWN), StatusChange("gehen", IGNORED)])
    assert store.statuses() == {"haus": KNOWN, "gehen": IGNORED}
    assert store.status_of("haus") is KNOWN  # one word whatever its case

    store.set_statuses(undo.values())

    assert store.statuses() == {}
    assert [(before, after) for _, before, after in store.changes()] == [
        (None, 5),
        (None, 6),
        (5, None),
        (6, None),
    ]


def test_setting_the_same_status_again_changes_nothing(store: LearnerStore) -> None:
    store.set_statuses([StatusChange("Haus", KNOWN)])
    assert store.set_statuses([StatusChange("Haus", KNOWN)]) == {}
    assert len(store.changes()) == 1


def test_the_file_lives_in_the_user_data_folder_readable_by_its_owner_alone(
    isolated_user_dirs: Path,
) -> None:
    store = LearnerStore()
    store.set_statuses([StatusChange("Haus", KNOWN)])
    assert isolated_user_dirs in store.path.parents
    for file in store.path.parent.glob("learner.sqlite*"):
        assert file.stat().st_mode & 0o777 == 0o600, file
    store.close()


MARK_FOREVER = """
import sys
from reader.learner.store import LearnerStore, StatusChange
store = LearnerStore(__import__("pathlib").Path(sys.argv[1]))
print("ready", flush=True)
n = 0
while True:
    n += 1
    store.set_statuses(StatusChange(f"Wort{n}x{i}", 5) for i in range(100))
"""


def test_killing_a_writer_keeps_every_batch_whole(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    process = subprocess.Popen(
        [sys.executable, "-c", MARK_FOREVER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    time.sleep(0.5)
    process.send_signal(signal.SIGKILL)
    process.wait()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    statuses = LearnerStore(path).statuses()
    assert statuses, "some batches were stored before the kill"
    batches: dict[str, int] = {}
    for key in statuses:
        batch = key.split("x")[0]
        batches[batch] = batches.get(batch, 0) + 1
    assert set(batches.values()) == {100}, "a batch was stored in part"


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x13\x37 not a database " * 300)


def _cut_in_half(path: Path) -> None:
    store = LearnerStore(path)
    store.set_statuses(StatusChange(f"Wort{n}", KNOWN) for n in range(3000))
    store.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


@pytest.mark.parametrize("damage", [_garbage, _cut_in_half])
def test_a_corrupt_file_is_set_aside_and_a_new_one_works(
    tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    path = tmp_path / "learner.sqlite"
    damage(path)

    store = LearnerStore(path)
    store.set_statuses([StatusChange("Haus", KNOWN)])

    assert store.statuses() == {"haus": KNOWN}
    kept = list(tmp_path.glob("learner.sqlite.corrupt-*"))
    assert len(kept) == 1 and kept[0].stat().st_size > 0
    store.close()


def test_two_writers_at_once_lose_no_mark(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    first, second = LearnerStore(path), LearnerStore(path)

    def mark(store: LearnerStore, prefix: str) -> None:
        for number in range(150):
            store.set_statuses([StatusChange(f"{prefix}{number}", KNOWN)])

    threads = [
        threading.Thread(target=mark, args=(first, "erst")),
        threading.Thread(target=mark, args=(second, "zweit")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(first.statuses()) == 300
    assert second.changed_elsewhere() or True  # the first call only starts counting
    first.set_statuses([StatusChange("Haus", KNOWN)])
    assert second.changed_elsewhere()
    assert not second.changed_elsewhere()
    first.close()
    second.close()


# --- personal coverage ---------------------------------------------------------------------------


def test_names_and_numbers_are_not_counted() -> None:
    words = article_words(PARAGRAPHS)
    counted = [
        [text[start:end] for start, end in zip(paragraph.starts, paragraph.ends, strict=True)]
        for paragraph, text in zip(words.paragraphs, PARAGRAPHS, strict=True)
    ]
    assert counted[0] == ["Das", "Haus", "ist", "alt", "Die", "Häuser", "sind", "neu"]
    assert "Selenskyj" not in counted[1] and "2025" not in counted[1] and "3" not in counted[1]
    assert words.where["haus"] == {0: 2, 1: 1}  # Haus and Häuser are one lemma


def test_the_totals_agree_with_the_table_by_paragraph() -> None:
    words = article_words(PARAGRAPHS)
    occurrences = words.occurrences()
    assert occurrences["haus"] == 3
    assert list(occurrences) == list(words.where)  # both in order of first occurrence
    assert occurrences == {key: sum(places.values()) for key, places in words.where.items()}
    assert sum(occurrences.values()) == words.total
    assert set(occurrences) == set(words.lemmas)


def test_known_share_per_article_and_paragraph_follows_each_change() -> None:
    words = article_words(PARAGRAPHS)
    statuses = {"haus": KNOWN, "der": KNOWN}
    coverage = PersonalCoverage(words, statuses)
    first = coverage.paragraph_share(0)
    assert first == pytest.approx(4 / 8)  # Das, Haus, Die, Häuser

    coverage.change("sein", None, KNOWN)
    statuses["sein"] = KNOWN
    coverage.change("neu", None, IGNORED)
    statuses["neu"] = IGNORED

    again = PersonalCoverage(words, statuses)
    assert coverage.known == again.known and coverage.counted == again.counted
    assert coverage.paragraph_share(0) == pytest.approx(6 / 7)


def test_the_report_lists_new_lemmas_most_frequent_first() -> None:
    report = learner_report(PARAGRAPHS, {"der": KNOWN})
    assert report.new_lemmas[0] == "Haus"
    assert "der" not in report.new_lemmas
    assert len(report.paragraph_shares) == 2


@pytest.mark.parametrize(
    ("share", "sentence"),
    [
        (0.934, "You know 93 % of the words; 95 % reads comfortably."),
        (0.96, "You know 96 % of the words; it should read comfortably."),
        (0.999, "You know 99 % of the words; it should read with ease."),
        (1.0, "You know 100 % of the words; it should read with ease."),
    ],
)
def test_the_coverage_sentence(share: float, sentence: str) -> None:
    assert coverage_sentence(share) == sentence


def test_saved_vocabulary_words_are_learning_unless_marked(tmp_path: Path) -> None:
    from reader.dictionary.vocabulary import Vocabulary

    vocabulary = Vocabulary(tmp_path / "vocabulary.sqlite")
    vocabulary.save("Zölle", "Zoll", sentence="Die Zölle steigen.")
    vocabulary.save("Häuser", "Haus", sentence="Die Häuser sind neu.")
    vocabulary.close()
    saved = vocabulary_lemmas(tmp_path / "vocabulary.sqlite")
    assert statuses_in_effect({"haus": KNOWN}, saved) == {
        "zoll": WordStatus.LEARNING_1,
        "haus": KNOWN,
    }
    assert vocabulary_lemmas(tmp_path / "missing.sqlite") == {}
    assert not (tmp_path / "missing.sqlite").exists()


# --- import and export ---------------------------------------------------------------------------


FORMAT_FILES = {
    "plain": ("words.txt", "# known words\nHaus\nHäuser\nzum Beispiel\n\ngehen\n"),
    "anki": (
        "anki.txt",
        "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n"
        "a1b2\tBasic\tder <b>Hund</b>, -e\tdog\n"
        "c3d4\tBasic\tgehen\tto go\n",
    ),
    "lute": (
        "lute.csv",
        "term,parent,translation,language,tags,added,status,link_status,pronunciation\n"
        "Hund,,dog,German,,2024-01-02,W,,\n"
        "gehen,,to go,German,,2024-01-02,2,,\n"
        "Buch,,book,German,,2024-01-02,I,,\n"
        "perro,,dog,Spanish,,2024-01-02,1,,\n",
    ),
    "lingq": (
        "lingq.csv",
        "term,hint,fragment,status,tags\n"
        "Hund,dog,der Hund bellt,4,\n"
        "gehen,to go,wir gehen,1,\n"
        "Buch,book,ein Buch,Learned,\n",
    ),
    "vocabulary": (
        "vocabulary.csv",
        "word,lemma,english,sentence,sentence_english,source\n"
        "Hunde,Hund,dog,Die Hunde bellen.,The dogs bark.,Artikel\n",
    ),
    "statuses": ("statuses.csv", "lemma,status,changed,source\nHund,known,,marked\nBuch,3,,\n"),
}
EXPECTED = {
    "plain": {"haus": KNOWN, "gehen": KNOWN},
    "anki": {"hund": KNOWN, "gehen": KNOWN},
    "lute": {"hund": KNOWN, "gehen": WordStatus.LEARNING_2, "buch": IGNORED},
    "lingq": {"hund": KNOWN, "gehen": WordStatus.LEARNING_2, "buch": WordStatus.LEARNING_4},
    "vocabulary": {"hund": WordStatus.LEARNING_1},
    "statuses": {"hund": KNOWN, "buch": WordStatus.LEARNING_3},
}


@pytest.mark.parametrize("kind", list(FORMAT_FILES))
def test_each_format_imports(kind: str, store: LearnerStore, tmp_path: Path) -> None:
    name, content = FORMAT_FILES[kind]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")

    plan, changed = import_word_file(store, path)

    assert plan.format == kind
    assert store.statuses() == EXPECTED[kind]
    assert len(changed) == len(EXPECTED[kind])


def test_the_status_option_overrides_the_file(store: LearnerStore, tmp_path: Path) -> None:
    name, content = FORMAT_FILES["lute"]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    import_word_file(store, path, status=WordStatus.LEARNING_1)
    assert set(store.statuses().values()) == {WordStatus.LEARNING_1}


BAD_FILES = {
    "empty.txt": (b"\n\n", "holds no words"),
    "binary.txt": (bytes(range(256)) * 8, "not a word list"),
    "prose.txt": (
        b"Haus\nDie Regierung hat heute ein neues Gesetz beschlossen.\n",
        "line 2: 8 words on one line",
    ),
    "lute.csv": (
        b"term,parent,translation,language,tags,added,status,link_status,pronunciation\n"
        b"Hund,,dog,German,,,W,,\nKatze,,cat,German,,,7,,\n",
        "line 3: Lute status '7'",
    ),
    "spanish.csv": (
        b"term,parent,translation,language,status\nperro,,dog,Spanish,1\n",
        "no German terms (languages: Spanish)",
    ),
    "columns.csv": (b"name,price\nApfel,3\n", "not a header this program knows"),
    "ragged.csv": (
        b"lemma,status\nHund,known\nKatze,known,extra,fields\n",
        "line 3: 4 fields where the header names 2",
    ),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_bad_file_gets_one_line_and_changes_nothing(
    name: str, store: LearnerStore, tmp_path: Path
) -> None:
    store.set_statuses([StatusChange("Baum", KNOWN)])
    content, message = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(WordListError, match=re.escape(message)) as raised:
        import_word_file(store, path)

    assert "\n" not in str(raised.value)
    assert store.statuses() == {"baum": KNOWN}


def test_an_export_reads_back(store: LearnerStore, tmp_path: Path) -> None:
    store.set_statuses([StatusChange("Haus", KNOWN), StatusChange("gehen", WordStatus.LEARNING_3)])
    path = tmp_path / "statuses.csv"
    assert export_statuses(path, store.words(), {"zoll": "Zoll"}) == 3
    other = LearnerStore(tmp_path / "other.sqlite")

    import_word_file(other, path)

    assert other.statuses() == {
        "haus": KNOWN,
        "gehen": WordStatus.LEARNING_3,
        "zoll": WordStatus.LEARNING_1,
    }
    other.close()


# --- library and progress ------------------------------------------------------------------------


def _document(path: Path | None, text: str = "Das Haus ist alt.") -> Document:
    source = Source(path, "txt" if path else "clipboard")
    return Document(title=None, source=source, paragraphs=(text,))


def test_the_library_keeps_articles_with_live_coverage(store: LearnerStore, tmp_path: Path) -> None:
    library = Library(store)
    path = tmp_path / "haus.txt"
    path.write_text("Das Haus ist alt.", encoding="utf-8")
    article = library.record_opened(_document(path), now=1000.0)
    words = article_words(["Das Haus ist alt."])
    library.save_analysis(
        article.id, words=4, cefr="A1", lemma_counts=words.occurrences(), known_share=0.0
    )
    library.save_reading(article.id, position="1.4", translated_share=1.0)
    pasted = library.record_opened(_document(None, "Ein Baum."), now=2000.0)

    store.set_statuses([StatusChange("Haus", KNOWN), StatusChange("der", KNOWN)])

    listed = library.articles()
    assert [a.id for a in listed] == [pasted.id, article.id]  # the latest first
    assert listed[1].known_share == pytest.approx(0.5)
    assert (listed[1].position, listed[1].translated_share, listed[1].cefr) == ("1.4", 1.0, "A1")
    assert library.pasted_text(pasted.id) == "Ein Baum."
    assert library.record_opened(_document(path), now=3000.0).id == article.id
    assert library.last_opened() is not None and library.last_opened().id == article.id  # type: ignore[union-attr]

    path.unlink()
    assert library.article(article.id).missing  # type: ignore[union-attr]
    library.remove(article.id)
    assert [a.id for a in library.articles()] == [pasted.id]
    assert store.connection.execute("SELECT count(*) FROM article_word").fetchone()[0] == 0


def test_progress_counts_marks_per_day_and_known_words_over_time() -> None:
    day = dt.datetime(2026, 3, 10, 12).timestamp()
    changes = [
        (day - 86400 * 40, None, 5),  # before the window: counts for the start
        (day - 86400, None, 5),
        (day - 86400, None, 2),
        (day, 2, 5),
        (day, 5, None),
    ]
    days = daily_progress(changes, days=3, today=dt.date(2026, 3, 10))
    assert [(d.marked, d.known) for d in days] == [(0, 1), (2, 2), (2, 2)]


def test_word_keys_keep_sharp_s() -> None:
    assert word_key("Maße") != word_key("Masse")
    assert word_key("HAUS") == word_key("Haus")
