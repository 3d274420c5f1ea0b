from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader import __version__
from reader.cli import main
from tests.fixtures_builders import build_docx, build_zip_bomb, write


def run_reader(*args: str, stdin: str | bytes = "") -> subprocess.CompletedProcess[str]:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    result = subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=data,
        capture_output=True,
        timeout=120,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


def test_version() -> None:
    result = run_reader("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_analyze_stdin_json_has_every_section() -> None:
    result = run_reader("analyze", "-", "--json", stdin="Der Bundestag tagt.\n\nEr stimmt ab.\n")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {"source", "language", "paragraphs", "readability", "glossary", "learner"}
    assert report["source"]["format"] == "stdin"
    assert [p["text"] for p in report["paragraphs"]] == ["Der Bundestag tagt.", "Er stimmt ab."]


def test_json_is_one_compact_line_unless_an_indent_is_asked_for() -> None:
    text = "Der Bundestag tagt.\n\nEr stimmt ab.\n"
    compact = run_reader("analyze", "-", "--json", stdin=text)
    indented = run_reader("analyze", "-", "--indent", "4", stdin=text)  # --indent implies --json
    assert compact.returncode == indented.returncode == 0, compact.stderr + indented.stderr
    assert compact.stdout.count("\n") == 1 and ": " not in compact.stdout.split('"text"')[0]
    assert '\n    "source": {' in indented.stdout
    assert json.loads(compact.stdout) == json.loads(indented.stdout)


def test_a_bad_indent_is_refused_in_one_line() -> None:
    result = run_reader("glossary", "--indent", "viel")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].endswith("not a number of spaces: 'viel'")


def test_missing_file_is_one_line_on_stderr_with_status_2() -> None:
    result = run_reader("analyze", "/nonexistent/artikel.txt")
    assert result.returncode == 2
    assert "artikel.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_corrupt_pdf_in_a_real_process_has_no_traceback(tmp_path: Path) -> None:
    path = write(tmp_path / "kaputt.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8)
    result = run_reader("analyze", str(path))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"reader: {path}: not a valid PDF file (it is damaged or not a PDF)"
    ]


# In-process from here: the same main() the console script runs, without a new interpreter.


def analyze(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["analyze", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("leer.txt", b"", "the file is empty"),
        ("leer.md", b"  \n\t\n", "only whitespace"),
        ("bild.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(64), "unsupported file type '.png'"),
        ("kaputt.docx", b"PK\x03\x04garbage", "not a valid Word (.docx) file"),
        ("kaputt.epub", b"garbage", "not a valid EPUB file"),
        ("kaputt.txt", b"abc \x81\x8d\x8f\x90\x9d " * 10, "cannot decode"),
        ("bombe.docx", build_zip_bomb("word/document.xml", 3 << 20), "unpacks to more than 2 MB"),
    ],
)
def test_bad_input_is_one_line_with_status_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    path = write(tmp_path / name, data)
    status, out, err = analyze(capsys, str(path), "--max-size", "2")
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"reader: {path}: ")
    assert problem in err


def test_analyze_stdin_in_windows_1252(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Größere Übergänge für „Bürger“.\n\nDie Maßnahmen gelten ab März.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("cp1252"))))
    status, out, err = analyze(capsys, "-", "--json")
    assert status == 0, err
    report = json.loads(out)
    assert report["source"] == {
        "path": None,
        "format": "stdin",
        "encoding": "windows-1252",
        "title": None,
        "warning": None,
        "length_warning": None,
    }
    assert report["paragraphs"][0] == {"index": 0, "text": "Größere Übergänge für „Bürger“."}


def test_folder_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = analyze(capsys, str(tmp_path))
    assert status == 2
    assert "folder" in err


def test_max_size_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Der Bundestag tagt heute. " * 60_000)  # ~1.5 MB
    status, _, err = analyze(capsys, str(path), "--max-size", "1")
    assert status == 2
    assert "above the size limit of 1 MB" in err


def test_max_size_must_be_a_positive_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["analyze", "a.txt", "--max-size", "viel"])
    assert caught.value.code == 2
    assert "not a number of megabytes" in capsys.readouterr().err


def test_human_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = build_docx(
        [
            ("Title", "Koalition einigt sich"),
            ("Normal", "Der Bundestag hat am Donnerstag den Haushalt beschlossen."),
            ("Normal", "Die Opposition stimmte dagegen."),
        ]
    )
    path = write(tmp_path / "artikel.docx", data)
    status, out, err = analyze(capsys, str(path))
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0] == "Koalition einigt sich"
    assert any(line.split() == ["Source", "docx", "·", str(path)] for line in lines)
    assert any(line.split()[:2] == ["Language", "German"] for line in lines)
    assert any("2 paragraphs · 12 words" in line for line in lines)
    assert any(line.split()[:3] == ["Begins", "Der", "Bundestag"] for line in lines)
    assert "Warning" not in out


def test_human_summary_warns_about_english(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = (
        "The government announced on Tuesday that it would not be able to pass the budget "
        "before the end of the year, and the opposition said that this was a failure for "
        "which the chancellor and his ministers were to blame."
    )
    status, out, _ = analyze(capsys, str(write(tmp_path / "english.txt", text)))
    assert status == 0
    assert "english.txt (no title)" in out.splitlines()[0]
    assert "Warning: this text looks like English, not German" in out


def test_translate_keeps_a_tricky_text_file_aligned(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.translation_servers import FakeTranslator, fake_english

    # A classic-Mac file: CR line ends, Mac Roman umlauts, a quoted e-mail in it.
    text = (
        "Hallo Jana,\r\rdanke f\u00fcr den Artikel \u00fcber die Wahlrechtsreform.\r\r"
        "> Der Bundestag soll kleiner werden. \u201eDas ist\r> \u00fcberf\u00e4llig\u201c, "
        "sagte die Pr\u00e4sidentin.\r"
    )
    path = write(tmp_path / "Brief an Jana.txt", text.encode("mac-roman"))
    with FakeTranslator() as server:
        options = ["--provider", "libre", "--endpoint", server.url, "--json", "--no-cache"]
        status = main(["translate", str(path), *options])
    assert status == 0
    report = json.loads(capsys.readouterr().out)
    sources = [paragraph["source"] for paragraph in report["paragraphs"]]
    assert sources == [
        "Hallo Jana,",
        "danke für den Artikel über die Wahlrechtsreform.",
        "Der Bundestag soll kleiner werden. „Das ist überfällig“, sagte die Präsidentin.",
    ]
    for paragraph in report["paragraphs"]:
        pairs = paragraph["sentences"]
        assert " ".join(pair["source"] for pair in pairs) == paragraph["source"]
        assert all(pair["translation"] == fake_english(pair["source"]) for pair in pairs)


def test_lookup_of_an_empty_word_is_a_usage_error() -> None:
    result = run_reader("lookup", "  ")
    assert result.returncode == 2
    assert "give a German word" in result.stderr
    assert "Traceback" not in result.stderr


def test_arguments_typed_in_a_windows_1252_terminal_are_repaired() -> None:
    # "Straße" as a Latin-1 terminal sends it: the byte 0xDF is not UTF-8.
    result = subprocess.run(
        [sys.executable, "-m", "reader", "lookup", b"Stra\xdfe", "--json"],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert json.loads(result.stdout)["word"] == "Straße"


def test_json_stays_valid_for_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    # A file copied from an old Windows disk: its name holds the Latin-1 bytes of "Grüße".
    folder = bytes(tmp_path)
    path = folder + b"/Gr\xfc\xdfe.txt"
    with open(path, "wb") as file:
        file.write(b"Die Koalition hat sich geeinigt.\n")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "analyze", path, "--json"],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    report = json.loads(result.stdout.decode("utf-8"))  # strict: no stray bytes in the output
    assert report["source"]["path"].endswith("/Gr\\xfc\\xdfe.txt")
    assert report["paragraphs"][0]["text"] == "Die Koalition hat sich geeinigt."


def test_the_window_without_a_display_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    result = run_reader()
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("reader: cannot open the window (")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "file", "provider", "self_test"),
    [
        ([], None, None, False),  # double-click
        (["Artikel mit Leerzeichen.md"], "Artikel mit Leerzeichen.md", None, False),  # Open with
        (["artikel.md", "--provider", "libre"], "artikel.md", "libre", False),
        (["--self-test"], None, None, True),
    ],
)
def test_window_requests_with_and_without_the_parser(
    args: list[str], file: str | None, provider: str | None, self_test: bool
) -> None:
    from reader.cli import window_request

    request = window_request(args)
    assert (request.file, request.provider, request.self_test) == (file, provider, self_test)


def test_two_files_for_the_window_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import window_request

    with pytest.raises(SystemExit) as stopped:
        window_request(["eins.md", "zwei.md"])
    assert stopped.value.code == 2
    assert "unrecognized arguments: zwei.md" in capsys.readouterr().err


@pytest.mark.parametrize("fault", ["list", "drop-line"])
def test_translate_exits_3_when_the_answers_have_the_wrong_shape(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fault: str
) -> None:
    from tests.translation_servers import FakeTranslator

    path = write(
        tmp_path / "artikel.txt", "Der Rat tagte lange. Er beschloss nichts. Morgen geht es weiter."
    )
    with FakeTranslator(always=fault) as server:
        options = ["--provider", "libre", "--endpoint", server.url, "--json", "--no-cache"]
        status = main(["translate", str(path), *options])
    assert status == 3
    (paragraph,) = json.loads(capsys.readouterr().out)["paragraphs"]
    assert paragraph["translation"] is None and paragraph["error"]
    assert "DER RAT" not in json.dumps(paragraph)


def test_translate_stops_a_trickling_server_at_the_deadline(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import functools

    from reader.translation import RetryPolicy, service
    from tests.translation_servers import FakeTranslator

    short = functools.partial(RetryPolicy, base_delay_s=0.02, deadline_s=1.5)
    monkeypatch.setattr(service, "RetryPolicy", short)
    path = write(tmp_path / "artikel.txt", "Der Rat tagte lange. Er beschloss nichts.")
    started = time.monotonic()
    with FakeTranslator(always="trickle") as server:
        options = ["--provider", "libre", "--endpoint", server.url, "--json", "--no-cache"]
        status = main(["translate", str(path), *options])
    assert time.monotonic() - started < 5
    assert status == 3
    (paragraph,) = json.loads(capsys.readouterr().out)["paragraphs"]
    assert "did not answer in time" in paragraph["error"]


def test_a_long_texts_two_analyses_in_two_processes_equal_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.commands import analyze as command
    from reader.loading import load_path
    from tests.benchmarks.bench_readability import build_text

    path = tmp_path / "bericht.txt"
    path.write_text(build_text(command.FORKED_FROM_CHARS + 50_000, seed=9), encoding="utf-8")
    result = run_reader("analyze", str(path), "--json")  # one thread: the analysis forks
    assert result.returncode == 0, result.stderr
    monkeypatch.setattr(command, "FORKED_FROM_CHARS", 10**12)  # here: in one process
    alone = json.loads(json.dumps(command.build_report(load_path(path)), ensure_ascii=False))
    assert json.loads(result.stdout) == alone
    assert alone["glossary"] and alone["readability"]["paragraphs"]


def test_a_failure_in_the_forked_analysis_reaches_the_command(tmp_path: Path) -> None:
    from reader.commands.analyze import FORKED_FROM_CHARS

    path = tmp_path / "bericht.txt"
    path.write_text("Der Bundestag tagt heute. " * (FORKED_FROM_CHARS // 20), encoding="utf-8")
    script = (
        "import os, sys\n"
        "from reader import readability\n"
        "command = os.getpid()\n"
        "def broken(document):\n"
        "    raise ValueError(f'no figures (forked: {os.getpid() != command})')\n"
        "readability.report = broken\n"
        "from reader.cli import main\n"
        f"sys.exit(main(['analyze', {str(path)!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "ValueError: no figures (forked: True)" in result.stderr
