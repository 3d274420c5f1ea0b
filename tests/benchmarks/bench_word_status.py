"""Marking a word in a 1 MB article in the real window: Tk-thread time to re-colour every
occurrence and re-count the personal coverage (goal, issue 16: ≤ 50 ms), next to colouring the
whole article once. Runs on $DISPLAY, or on an Xvfb of its own."""

from __future__ import annotations

import functools
import os
import tempfile
import time
import tkinter as tk
from contextlib import ExitStack
from pathlib import Path

from reader.document import Document, Source
from reader.learner.status import WordStatus
from tests.benchmarks.bench_readability import LARGE_BYTES, build_text

RUNS = 10


def main() -> None:
    with ExitStack() as stack:
        if not os.environ.get("DISPLAY"):
            from pyvirtualdisplay import Display

            stack.enter_context(Display(visible=False, size=(1400, 900)))
        folder = stack.enter_context(tempfile.TemporaryDirectory())
        for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            os.environ[variable] = str(Path(folder) / variable.lower())
        _measure()


def _measure() -> None:
    from reader.gui.app import ReaderWindow
    from reader.gui.services import WindowServices
    from reader.settings import Settings
    from tests.gui.conftest import RecordingDialogs

    root = tk.Tk()
    window = ReaderWindow(
        root,
        Settings(geometry="1360x840", translate_on_open=False),
        RecordingDialogs(),
        services=WindowServices(word_translator=None),
    )
    text = build_text(LARGE_BYTES, seed=2)
    document = Document(None, Source(Path("bench.txt"), "txt"), tuple(text.split("\n\n")))
    window.state.show_document(document)
    marks = window.word_marks
    deadline = time.monotonic() + 300
    while marks.article is None and time.monotonic() < deadline:
        root.update()
        time.sleep(0.01)
    assert marks.article is not None, "the article was not indexed"
    root.update()
    colour_all = _seconds(marks.colours.recolour_window)
    occurrences = marks.article.words.occurrences()
    ranked = sorted(occurrences, key=lambda key: -occurrences[key])
    results = []
    for key in (ranked[0], ranked[len(ranked) // 2]):
        statuses = (WordStatus.KNOWN, WordStatus.LEARNING_2)
        times = []
        for run in range(RUNS):
            status = statuses[run % 2]
            times.append(_seconds(functools.partial(marks.set_status, [key], status)))
        results.append((key, occurrences[key], max(times), sorted(times)[RUNS // 2]))
    german = window.reading_view.german
    jumps = []
    for fraction in (0.5, 0.25, 0.75):
        german.yview_moveto(fraction)
        root.update_idletasks()
        jumps.append(_seconds(marks.colours.follow_view))
    window.close()
    window_words = marks.colours.high - marks.colours.low
    print(
        f"1 MB article: colouring the {window_words} words around the view "
        f"{colour_all * 1000:.0f} ms (Tk thread)"
    )
    for key, count, worst, median in results:
        print(
            f"marking “{key}” ({count:,} occurrences; stored, re-coloured, re-counted): "
            f"median {median * 1000:.1f} ms, worst {worst * 1000:.1f} ms (goal ≤ 50 ms)"
        )
    print(f"jumping elsewhere in the article, colouring the new view: {max(jumps) * 1000:.0f} ms")


def _seconds(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
