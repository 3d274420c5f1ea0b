"""`reader words …`, `reader library` and the learner part of `reader analyze --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.document import Document, Source
from reader.learner.library import Library
from reader.learner.store import LearnerStore


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_import_list_and_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    words = tmp_path / "bekannt.txt"
    words.write_text("Haus\nHäuser\ngehen\nzum Beispiel\n", encoding="utf-8")

    status, out, _ = run(capsys, "words", "import", str(words))
    assert status == 0
    assert "plain word list: 3 words (3 known), 2 changed; 1 left out" in out

    status, out, _ = run(capsys, "words", "import", str(words), "--status", "learning")
    assert status == 0 and "2 changed" in out

    status, out, _ = run(capsys, "words", "list", "--json", "--status", "1")
    assert [(e["lemma"], e["status"]) for e in json.loads(out)] == [("gehen", "1"), ("Haus", "1")]
    status, out, _ = run(capsys, "words", "list", "--status", "known")
    assert out == ""

    exported = tmp_path / "out.csv"
    status, out, _ = run(capsys, "words", "export", str(exported))
    assert status == 0 and "Wrote 2 words" in out
    assert exported.read_text(encoding="utf-8").splitlines()[0] == "lemma,status,changed,source"


def test_a_bad_file_is_one_line_with_status_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,price\nApfel,3\n", encoding="utf-8")
    status, out, err = run(capsys, "words", "import", str(bad))
    assert status == 2
    assert len(err.strip().splitlines()) == 1 and err.startswith("reader: bad.csv")
    status, out, err = run(capsys, "words", "import", str(tmp_path / "fehlt.txt"))
    assert status == 2 and "does not exist" in err
    status, out, _ = run(capsys, "words", "list", "--json")
    assert json.loads(out) == []


def test_unknown_status_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["words", "import", str(tmp_path / "x.txt"), "--status", "gut"])
    assert exit_.value.code == 2
    assert "unknown status 'gut'" in capsys.readouterr().err


def test_analyze_json_has_the_learner_part(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "artikel.txt"
    article.write_text("Das Haus ist alt.\n\nSelenskyj kam 2025 in ein neues Haus.\n", "utf-8")
    words = tmp_path / "bekannt.txt"
    words.write_text("Haus\nder\nsein\n", encoding="utf-8")
    run(capsys, "words", "import", str(words))

    status, out, _ = run(capsys, "analyze", str(article), "--json")

    learner = json.loads(out)["learner"]
    assert status == 0
    assert learner["known_share"] == pytest.approx(4 / 9)  # names and numbers not counted
    assert learner["paragraphs"] == [
        {"index": 0, "known_share": pytest.approx(3 / 4)},
        {"index": 1, "known_share": pytest.approx(1 / 5)},
    ]
    assert "alt" in learner["new_lemmas"] and "Selenskyj" not in learner["new_lemmas"]
    status, out, _ = run(capsys, "analyze", str(article))
    assert "You know 44 % of the words; 95 % reads comfortably." in out


def test_library_lists_articles(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = run(capsys, "library")
    assert status == 0 and "library is empty" in err
    store = LearnerStore()
    path = tmp_path / "artikel.txt"
    path.write_text("Das Haus.", encoding="utf-8")
    document = Document(title="Das Haus", source=Source(path, "txt"), paragraphs=("Das Haus.",))
    Library(store).record_opened(document)
    store.close()

    status, out, _ = run(capsys, "library", "--json")
    [entry] = json.loads(out)
    assert (entry["title"], entry["path"], entry["missing"]) == ("Das Haus", str(path), False)
    status, out, _ = run(capsys, "library")
    assert "Das Haus" in out
    status, out, _ = run(capsys, "library", "--comfortable")
    assert out == ""
