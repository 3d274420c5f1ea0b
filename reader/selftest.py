"""`reader --self-test`: check that an installation (frozen or not) has everything it needs.

Loads the bundled sample, runs readability and the glossary on it, reads it back as a web page
and as a Word document, takes its bundled translation, sends one translation request through the
real provider code to a loopback server, finds the CA bundle and the key store, looks up a word
in the offline dictionary if it is installed, speaks one sentence with the bundled voice, names
the settings/cache/log folders, and opens and closes the window when a display exists. Each
check exercises code and data a frozen build could lose. Prints one line per check and exits 0,
or 1 naming what failed.

The report is also written to self-test.txt in the log folder: a windowed Windows build has no
console to print to, so that file (and the exit status) is where its result can be read.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__, paths
from reader.document import Document

if TYPE_CHECKING:  # tkinter and the window are imported only when the window check runs
    import tkinter as tk

    from reader.gui.app import ReaderWindow

SAMPLE = paths.PACKAGE_DATA / "sample_article.de.md"
WINDOW_TIMEOUT_S = 30.0
REPORT_FILE = "self-test.txt"


def run_self_test() -> int:
    report: list[str] = []

    def say(line: str) -> None:
        report.append(line)
        print(line, flush=True)  # print() does nothing where there is no console

    mode = "frozen" if _frozen() else "from source"
    say(f"German Reader {__version__} self-test ({mode}; report in {report_file()})")
    document: list[Document] = []
    checks: list[tuple[str, Callable[[], str]]] = [
        ("libraries", _libraries),
        ("sample article", lambda: _load_sample(document)),
        ("readability", lambda: _readability(document[0])),
        ("glossary", lambda: _glossary(document[0])),
        ("web page", lambda: _web_page(document[0])),
        ("Word document", lambda: _word_document(document[0])),
        ("bundled translation", lambda: _translation(document[0])),
        ("translation service", _translation_service),
        ("certificates", _certificates),
        ("key store", _key_store),
        ("offline dictionary", _dictionary),
        ("speech", _speech),
        ("folders", _folders),
        ("window", _window),
    ]
    failed = []
    for name, check in checks:
        started = time.perf_counter()
        try:
            detail = check()
        except Exception as error:  # the self-test reports every failure, whatever it is
            failed.append(name)
            detail = f"FAILED: {type(error).__name__}: {error}"
        say(f"  {name:<20} {detail} ({time.perf_counter() - started:.2f} s)")
    say(f"self-test failed: {', '.join(failed)}" if failed else "self-test passed")
    _save_report(report)
    return 1 if failed else 0


def report_file() -> Path:
    return paths.log_dir() / REPORT_FILE


def _save_report(lines: list[str]) -> None:
    target = report_file()
    try:
        with paths.open_private(target, "w", encoding="utf-8") as report:
            report.write("\n".join(lines) + "\n")
    except OSError as error:  # the printed report and the exit status still tell
        print(f"cannot write {target}: {error}", file=sys.stderr)


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _libraries() -> str:
    from reader.libraries import RUNTIME_LIBRARIES, missing_libraries

    missing = missing_libraries()
    if missing:
        raise RuntimeError(f"missing: {'; '.join(missing)}")
    return f"ok, {len(RUNTIME_LIBRARIES)} imported"


def _load_sample(document: list[Document]) -> str:
    from reader.loading import load_path

    document.append(load_path(SAMPLE))
    return f"ok, {len(document[0].paragraphs)} paragraphs"


def _readability(document: Document) -> str:
    from reader.readability import report

    figures = report(document)
    return f"ok, Amstad {figures.flesch_amstad:.0f}, level {figures.cefr}"


def _glossary(document: Document) -> str:
    from reader.glossary import find_terms

    terms = find_terms(document)
    if not terms:
        raise RuntimeError("no political terms found in the sample")
    return f"ok, {len(terms)} terms"


def _translation(document: Document) -> str:
    from reader.translation import sample_translation

    paragraphs = sample_translation(document)
    if not paragraphs or not all(p.translation for p in paragraphs):
        raise RuntimeError("the sample's bundled translation is missing")
    return f"ok, {len(paragraphs)} paragraphs"


def _web_page(document: Document) -> str:
    """The sample as a saved web page: trafilatura, lxml and their data files."""
    from html import escape

    from reader.loading import load_bytes

    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in document.paragraphs)
    page = (
        f"<html><head><title>{escape(document.title or '')}</title></head><body><article>"
        f"<h1>{escape(document.title or '')}</h1>{body}</article></body></html>"
    )
    loaded = load_bytes(page.encode("utf-8"), "sample.html")
    if len(loaded.paragraphs) < len(document.paragraphs) // 2:
        raise RuntimeError(f"only {len(loaded.paragraphs)} paragraphs extracted")
    return f"ok, {len(loaded.paragraphs)} paragraphs"


def _word_document(document: Document) -> str:
    """The sample written and read back as .docx: python-docx and its template."""
    import io

    import docx

    from reader.loading import load_bytes

    written = docx.Document()
    for paragraph in document.paragraphs:
        written.add_paragraph(paragraph)
    buffer = io.BytesIO()
    written.save(buffer)
    loaded = load_bytes(buffer.getvalue(), "sample.docx")
    if loaded.paragraphs[-1] != document.paragraphs[-1]:
        raise RuntimeError("the document read back differs from the one written")
    return f"ok, {len(loaded.paragraphs)} paragraphs"


def _translation_service() -> str:
    """One request through the real provider code (Google's, the default) to a loopback server
    answering like Google: requests, deep-translator and its HTML parser, no internet."""
    import http.server
    import threading

    from reader.translation import DeepTranslator, ProviderSettings, Timeouts

    class FakeGoogle(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            page = b'<html><body><div class="result-container">It works.</div></body></html>'
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep the report readable

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeGoogle)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings = ProviderSettings(
            name="google", endpoint=f"http://127.0.0.1:{server.server_port}"
        )
        translator = DeepTranslator(settings, Timeouts(connect=2, read=10))
        answer = translator.translate("Es funktioniert.")
    finally:
        server.shutdown()
        server.server_close()
    if answer != "It works.":
        raise RuntimeError(f"unexpected answer {answer!r}")
    return "ok, google (loopback)"


def _certificates() -> str:
    """The CA bundle requests verifies HTTPS with (certifi's, also in the frozen app)."""
    import certifi

    bundle = Path(certifi.where())
    if not bundle.is_file() or bundle.stat().st_size == 0:
        raise RuntimeError(f"no CA bundle at {bundle}")
    return f"ok, {bundle.name}"


def _key_store() -> str:
    """keyring and its backends load; which one is usable depends on the desktop session."""
    import keyring

    backend = keyring.get_keyring()
    if sys.platform.startswith("linux"):
        # The Secret Service backend needs secretstorage, jeepney and cryptography, which a
        # build could drop without notice: without a D-Bus session keyring falls back silently.
        import secretstorage  # noqa: F401
    return f"ok, {type(backend).__module__}.{type(backend).__name__}"


def _dictionary() -> str:
    from reader.dictionary.word_lookup import word_card

    card = word_card("Sanktionen")
    if not card.dictionary_available:
        # A release build must have it (its workflow sets this); elsewhere it is optional.
        if os.environ.get("READER_REQUIRE_DICTIONARY") == "1":
            raise RuntimeError("the offline dictionary is missing from this build")
        return "not installed" if _frozen() else "not installed (optional: make dictionary)"
    if not card.dictionary:
        raise RuntimeError("the dictionary does not know 'Sanktionen'")
    return f"ok, {card.dictionary[0].en}"


def _speech() -> str:
    """One sentence through the bundled voice (libespeak-ng and its German data); where it
    would be played is reported, but a machine without sound is no failure."""
    from reader.speech import AudioUnavailable, open_voice
    from reader.speech.audio import loudness
    from reader.speech.output import default_output

    speech = open_voice("espeak:de").synthesize("Der Bundestag berät über den Haushalt.", 1.0)
    if speech.duration < 1.0 or loudness(speech) < 500:
        raise RuntimeError(f"the voice gave {speech.duration:.2f} s of near silence")
    try:
        playing = f"plays through {default_output().name}"
    except AudioUnavailable as error:
        playing = f"no audio output here ({error})"
    return f"ok, {speech.duration:.1f} s of German speech; {playing}"


def _folders() -> str:
    # Printed so that a test can compare the frozen app's folders with the unfrozen ones.
    return f"ok, settings {paths.config_dir()}, cache {paths.cache_dir()}, logs {paths.log_dir()}"


def _window() -> str:
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
        return "skipped, no display"
    return open_and_close_window(SAMPLE)


def open_and_close_window(path: Path) -> str:
    """Build the real main window on `path`, wait until the reading view shows its paragraphs,
    check that files can be dropped on it, then close it as Ctrl+Q would. The user's settings
    file is left alone and nothing is translated over the network."""
    import tempfile
    import tkinter as tk

    from reader.gui.app import ReaderWindow
    from reader.settings import Settings

    problems: list[str] = []
    root = tk.Tk(className="GermanReader")
    try:
        with tempfile.TemporaryDirectory(prefix="german-reader-selftest-") as folder:
            window = ReaderWindow(
                root,
                Settings(geometry="1100x700", translate_on_open=False),
                _RecordingDialogs(problems),
                settings_file=Path(folder) / "settings.json",
            )
            root.report_callback_exception = lambda kind, error, trace: problems.append(
                f"{kind.__name__}: {error}"
            )
            window.opener.open_path(path, remember=False)
            _update_until(root, lambda: bool(problems) or _shows_paragraphs(window))
            if problems:
                raise RuntimeError(problems[0])
            title = root.title()
            if "German Reader" not in title:
                raise RuntimeError(f"unexpected window title {title!r}")
            drop = window.reading_view.drop
            if drop is None or not drop.enabled:  # tkinterdnd2's native library did not load
                raise RuntimeError("dropping files is unavailable (see the log)")
            window.close()
    finally:
        # Only reached with the root still alive when something above failed.
        with contextlib.suppress(tk.TclError):
            root.destroy()
    return f"ok, opened and closed {title!r}, file drop on"


def _shows_paragraphs(window: ReaderWindow) -> bool:
    view = window.reading_view
    return view.paragraph_count > 0 and bool(view.german.get("1.0", "end").strip())


def _update_until(root: tk.Tk, condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WINDOW_TIMEOUT_S
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the article was not shown within {WINDOW_TIMEOUT_S:.0f} s")
        root.update()
        time.sleep(0.01)
    root.update()


class _RecordingDialogs:
    """Dialogs that never block: an error the window would show fails the check instead."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems

    def show_error(self, parent: tk.Misc, title: str, message: str) -> None:
        self.problems.append(f"{title}: {message}")

    def show_info(self, parent: tk.Misc, title: str, message: str) -> None:
        pass

    def ask_open_path(self, parent: tk.Misc, folder: Path | None = None) -> str | None:
        return None

    def ask_url(self, parent: tk.Misc) -> str | None:
        return None
