"""A real window per test (on the X server pytest-xvfb starts), driven through its widgets.

`window` builds the whole `ReaderWindow` on a fresh Tk root with dialogs that record instead of
blocking; the test fails if any Tk callback raised. `wait_until` runs the event loop until a
condition holds, the way the real main loop would.
"""

from __future__ import annotations

import gc
import itertools
import sys
import threading
import time
import tkinter as tk
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType

import pytest

from reader.gui import SWITCH_INTERVAL_S
from reader.gui.app import ReaderWindow
from reader.gui.services import WindowServices
from reader.settings import Settings
from reader.speech.output import NullOutput

pytestmark = pytest.mark.gui

ARTICLE = (
    "Im Bundestag wird heute über den Haushalt gestritten. Die Opposition kritisiert die "
    "Regierung scharf.\n\n"
    "Die Bundesregierung will an der Schuldenbremse festhalten, obwohl viele Abgeordnete der "
    "Koalition mehr Geld für Verteidigung, Infrastruktur, Bildung und Klimaschutz fordern und "
    "dafür neue Schulden aufnehmen möchten. Der Finanzminister lehnt das ab. Er verweist auf "
    "das Grundgesetz.\n\n"
    "Eine Einigung ist nicht in Sicht."
)


@dataclass
class RecordingDialogs:
    """Answers like a user would, and remembers every error shown."""

    errors: list[tuple[str, str]] = field(default_factory=list)
    infos: list[tuple[str, str]] = field(default_factory=list)
    open_answers: list[str | None] = field(default_factory=list)
    open_folders: list[Path | None] = field(default_factory=list)  # where each dialog started
    url_answers: list[str | None] = field(default_factory=list)

    def show_error(self, parent: tk.Misc, title: str, message: str) -> None:
        self.errors.append((title, message))

    def show_info(self, parent: tk.Misc, title: str, message: str) -> None:
        self.infos.append((title, message))

    def ask_open_path(self, parent: tk.Misc, folder: Path | None = None) -> str | None:
        self.open_folders.append(folder)
        return self.open_answers.pop(0) if self.open_answers else None

    def ask_url(self, parent: tk.Misc) -> str | None:
        return self.url_answers.pop(0) if self.url_answers else None


def wait_until(
    root: tk.Misc, condition: Callable[[], object], timeout: float = 10.0, what: str = ""
) -> None:
    """Run the event loop until `condition()` is true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what or condition}")
        root.update()
        time.sleep(0.005)
    root.update()


def largest_event_loop_gap(
    root: tk.Misc, done: Callable[[], bool], *, timeout: float = 20, every_ms: int = 10
) -> float:
    """Run the real event loop, as the user has it, until `done()`; a heartbeat scheduled with
    after() every `every_ms` records when it fires. Returns the largest gap between beats (s)."""
    beats: list[float] = []
    deadline = time.monotonic() + timeout

    def heartbeat() -> None:
        beats.append(time.perf_counter())
        if done() or time.monotonic() > deadline:
            root.quit()
        else:
            root.after(every_ms, heartbeat)

    heartbeat()
    root.mainloop()
    assert done(), "timed out before the work was done"
    assert len(beats) >= 2, "the work was done before a second heartbeat"
    return max(later - earlier for earlier, later in itertools.pairwise(beats))


class TkThreadGuard:
    """Stands in for a Tk interpreter (`root.tk`, which every widget and variable of the window
    shares) and notes every call made from a thread other than the one that created it: Tk may
    only be used from its own thread."""

    def __init__(self, interpreter: object) -> None:
        self._interpreter = interpreter
        self._thread = threading.current_thread()
        self.foreign_calls: list[str] = []

    def __getattr__(self, name: str) -> object:
        attribute = getattr(self._interpreter, name)
        if not callable(attribute):
            return attribute

        def guarded(*args: object, **kwargs: object) -> object:
            if threading.current_thread() is not self._thread:
                where = "".join(traceback.format_stack(limit=6)[:-1])
                self.foreign_calls.append(
                    f"{name}{args[:3]!r} from {threading.current_thread().name}:\n{where}"
                )
            return attribute(*args, **kwargs)

        return guarded


@dataclass
class WindowFactory:
    tmp_path: Path
    dialogs: RecordingDialogs = field(default_factory=RecordingDialogs)
    callback_errors: list[BaseException] = field(default_factory=list)
    windows: list[ReaderWindow] = field(default_factory=list)
    guards: list[TkThreadGuard] = field(default_factory=list)

    def __call__(
        self,
        *,
        settings: Settings | None = None,
        provider: str | None = None,
        endpoint: str | None = None,
        services: WindowServices | None = None,
    ) -> ReaderWindow:
        """A window; unless `services` say otherwise, its word card never asks a provider and
        speech plays into a null sink (the machine's own audio is never probed: on a busy
        machine its answer would arrive in the middle of some other test)."""
        services = services or WindowServices(word_translator=None)
        if services.audio_output is None:
            services = replace(services, audio_output=NullOutput)
        root = tk.Tk()
        guard = TkThreadGuard(root.tk)
        root.tk = guard  # type: ignore[assignment]
        self.guards.append(guard)
        window = ReaderWindow(
            root,
            settings or Settings(geometry="1280x800", translate_on_open=False),
            self.dialogs,
            provider=provider,
            endpoint=endpoint,
            settings_file=self.tmp_path / "settings.json",
            services=services,
        )
        logged = root.report_callback_exception

        def record(
            kind: type[BaseException], error: BaseException, trace: TracebackType | None
        ) -> None:
            self.callback_errors.append(error)
            logged(kind, error, trace)

        root.report_callback_exception = record  # type: ignore[method-assign]
        self.windows.append(window)
        root.update()
        # Park the real pointer in a corner, so no stray Enter/Motion lands on the text.
        root.event_generate("<Motion>", warp=True, x=1, y=1)
        root.update()
        return window

    def close_all(self) -> None:
        for window in self.windows:
            if not window.closed:  # closing must work whatever state a test left it in
                window.close()


@pytest.fixture(scope="session", autouse=True)
def switch_interval_as_the_app_sets_it() -> Iterator[None]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    yield
    sys.setswitchinterval(before)


@pytest.fixture
def make_window(tmp_path: Path) -> Iterator[WindowFactory]:
    factory = WindowFactory(tmp_path)
    yield factory
    factory.close_all()
    factory.windows.clear()
    # Collect the closed windows' Tk variables now, on this thread: if a worker thread's
    # allocation triggered the collection later, their __del__ would call Tcl from that thread.
    # The app leaves an analysis' objects out of collections (gc.freeze); a closed window's go
    # back in first, or each test's window would stay in memory.
    gc.unfreeze()
    gc.collect()
    assert not factory.callback_errors, f"Tk callbacks raised: {factory.callback_errors!r}"
    foreign = [call for guard in factory.guards for call in guard.foreign_calls]
    assert not foreign, "Tk was called from a worker thread:\n" + "\n".join(foreign[:3])


@pytest.fixture
def window(make_window: WindowFactory) -> ReaderWindow:
    return make_window()


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "haushalt.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def open_sample(window: ReaderWindow) -> None:
    window.opener.open_sample()
    state = window.state
    wait_until(
        window.root,
        lambda: (
            state.session is not None
            and state.session.analysed
            and len(state.session.translations) == len(state.session.document.paragraphs)
        ),
        what="the sample with its translation and analysis",
    )
    window.reading_view.align_now()
    window.root.update()


def open_article(window: ReaderWindow, path: Path, *, analysed: bool = True) -> None:
    """Open `path` as a user would and wait until it (and, if asked, its analysis) is shown."""
    window.opener.open_path(path)
    state = window.state
    wait_until(
        window.root,
        lambda: state.session is not None and state.session.document.source.path == path,
        what=f"{path.name} to open",
    )
    if analysed:
        session = state.session
        assert session is not None
        wait_until(window.root, lambda: session.analysed, what="the analysis")
    # Let the paragraph padding settle, so coordinates taken now stay valid.
    window.reading_view.align_now()
    window.root.update()
