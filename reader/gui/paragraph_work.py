"""Work on the reading view's paragraphs, on the Tk thread, a few milliseconds at a time.

Tk widgets may only be touched from the Tk thread, and a book has thousands of paragraphs to
lay out, mark and align. Doing that in one go would hold the window for seconds. Instead each
piece of work is a `ParagraphTask`; `ParagraphWork` runs the tasks in slices of at most
`SLICE_S` seconds, with the event loop running between slices (clicks, scrolling, repaints and
the results of worker threads get their turn), and always the paragraphs nearest the view first
(`viewport.nearest_first`). A task can leave paragraphs far from the view for later: when the
reader scrolls, `wake()` starts the slices again around the new view.
"""

from __future__ import annotations

import logging
import time
import tkinter as tk
from collections.abc import Callable, Sequence
from typing import Protocol

from reader.gui.viewport import VisibleParagraphs, nearest_first

log = logging.getLogger(__name__)

SLICE_S = 0.006  # Tk-thread time per slice
PAUSE_MS = 1  # between slices: Tk handles the events that came in meanwhile


class ParagraphTask(Protocol):
    """One kind of work on paragraphs (laying out, marking, aligning …)."""

    def run_near(self, near: Sequence[int], deadline: float) -> bool:
        """Do pending work on the paragraphs in `near` (nearest the view first) until
        `time.perf_counter()` passes `deadline`; whether such work is left."""
        ...

    def run_far(self, deadline: float) -> bool:
        """Do pending work that does not wait for the reader to come near (False: none)."""
        ...


class ParagraphWork:
    """Runs the tasks in the order they were added, slice by slice, while any has work: all
    work near the view before any far from it."""

    def __init__(self, widget: tk.Misc, visible: Callable[[], VisibleParagraphs | None]) -> None:
        self._widget = widget
        self._visible = visible
        self._tasks: list[ParagraphTask] = []
        self._after: str | None = None
        self.slices = 0  # slices run so far (tests and benchmarks read it)
        self.longest_slice_s = 0.0

    def add(self, task: ParagraphTask) -> None:
        self._tasks.append(task)

    @property
    def busy(self) -> bool:
        """Whether slices are scheduled (work that can be done now is left)."""
        return self._after is not None

    def wake(self) -> None:
        """New work, or the view moved: run a slice soon."""
        if self._after is None:
            self._after = self._widget.after(PAUSE_MS, self._slice)

    def cancel(self) -> None:
        if self._after is not None:
            self._widget.after_cancel(self._after)
            self._after = None

    def run_all(self, *, limit_s: float = 30.0) -> None:
        """Run slices now until no task has work (tests; `align_now`)."""
        self.cancel()
        end = time.perf_counter() + limit_s
        while self._run_slice(time.perf_counter() + SLICE_S) and time.perf_counter() < end:
            pass

    def _slice(self) -> None:
        self._after = None
        started = time.perf_counter()
        more = self._run_slice(started + SLICE_S)
        took = time.perf_counter() - started
        self.slices += 1
        self.longest_slice_s = max(self.longest_slice_s, took)
        if more:
            self.wake()

    def _run_slice(self, deadline: float) -> bool:
        """One slice: every task's work near the view, then work anywhere, in task order."""
        visible = self._visible()
        near = nearest_first(visible) if visible is not None else []
        for task in self._tasks:
            if task.run_near(near, deadline) or time.perf_counter() >= deadline:
                return True
        for task in self._tasks:
            if task.run_far(deadline) or time.perf_counter() >= deadline:
                return True
        return False
