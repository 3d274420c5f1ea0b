"""Running blocking work off the Tk thread and handing results back to it.

Worker threads never touch Tk. They put callables on a `queue.Queue`; the Tk thread drains it
with `after()` and runs them there: every 5 ms while a worker it started is running (an opened
article should not wait for the next poll to be shown), every 25 ms otherwise. Every piece of
work belongs to an `ArticleToken`: when the user opens another article the old token is closed
and whatever its work still delivers is dropped instead of being shown on the wrong article.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import logging
import queue
import threading
import tkinter as tk
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
POLL_MS = 25
BUSY_POLL_MS = 5
# Work done per drain is bounded so a burst of results cannot hold the event loop.
MAX_CALLBACKS_PER_DRAIN = 20


_pauses = 0
_pauses_lock = threading.Lock()
_article_work = threading.Lock()


def one_at_a_time(work: Callable[[], T]) -> T:
    """Run CPU-bound work on the open article (its analysis, its word index) after any other
    such work: each worker in pure Python takes the GIL from the Tk thread, which waits for it
    on every call it makes, so two at once keep the window waiting about twice as long."""
    with _article_work:
        return work()


@contextlib.contextmanager
def collections_paused() -> Iterator[None]:
    """No garbage collection while the block runs (in any thread), e.g. while an analysis
    builds a book's worth of objects: each full collection would walk them all, holding the
    GIL, and the window would stall each time. Reference counting still frees what dies."""
    global _pauses
    with _pauses_lock:
        _pauses += 1
        gc.disable()
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
            if not _pauses:
                gc.enable()


def spare_from_collections() -> None:
    """Leave the objects alive now out of the garbage collector's future full collections.

    A book's analysis leaves a million small objects (terms, occurrences, figures) that live as
    long as the article is open. Python's full collection walks every tracked object, holding
    the GIL: ~0.1 s for one book, during which the window cannot run a single callback. They
    are freed by reference counting when the article closes; only reference cycles among them
    would stay, and the analysis makes none (Instagram's `gc.freeze()` remedy)."""
    gc.freeze()


class ArticleToken:
    """Identifies the article a piece of background work was started for."""

    def __init__(self, label: str = "") -> None:
        self.label = label
        self._closed = threading.Event()

    def close(self) -> None:
        self._closed.set()

    @property
    def closed(self) -> bool:
        return self._closed.is_set()


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a blocking function produced: its value, or the exception it raised."""

    value: T | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class TkCallQueue:
    """A queue of callables filled from any thread and run on the Tk thread."""

    def __init__(self, widget: tk.Tk) -> None:
        self._widget = widget
        self._queue: queue.Queue[tuple[ArticleToken | None, Callable[[], None]]] = queue.Queue()
        self._workers: list[threading.Thread] = []
        # What to call when a worker is done, kept on the Tk side: a worker holding the last
        # reference to a dialog's method would make Python free the dialog's Tk variables on
        # the worker's thread.
        self._waiting: dict[int, Callable[[Outcome[Any]], None]] = {}
        self._tickets = itertools.count()
        self._poll_ms = POLL_MS
        self._after_id: str | None = widget.after(POLL_MS, self._drain)

    @property
    def poll_interval_ms(self) -> int:
        """How long until the queue is drained again."""
        return self._poll_ms

    def post(self, token: ArticleToken | None, callback: Callable[[], None]) -> None:
        """Run `callback` on the Tk thread soon, unless `token` is closed by then (thread-safe)."""
        self._queue.put((token, callback))

    def run_in_thread(
        self,
        token: ArticleToken | None,
        blocking: Callable[[], T],
        on_done: Callable[[Outcome[T]], None],
        *,
        name: str = "reader-worker",
    ) -> threading.Thread:
        """Call `blocking()` in a daemon thread, then `on_done(outcome)` on the Tk thread."""
        ticket = next(self._tickets)
        self._waiting[ticket] = on_done

        def work() -> None:
            try:
                outcome: Outcome[T] = Outcome(value=blocking())
            except Exception as error:  # handed to on_done, which decides what the user sees
                outcome = Outcome(error=error)
            self.post(None, functools.partial(self._deliver, token, ticket, outcome))

        thread = threading.Thread(target=work, name=name, daemon=True)
        thread.start()
        self._workers.append(thread)
        if self._after_id is not None and self._poll_ms != BUSY_POLL_MS:
            # Bring the next drain forward: the worker's result should not wait a slow poll.
            self._widget.after_cancel(self._after_id)
            self._poll_ms = BUSY_POLL_MS
            self._after_id = self._widget.after(BUSY_POLL_MS, self._drain)
        return thread

    def _deliver(self, token: ArticleToken | None, ticket: int, outcome: Outcome[Any]) -> None:
        on_done = self._waiting.pop(ticket)
        if token is not None and token.closed:
            log.debug("dropping a result for the closed article %s", token.label)
            return
        on_done(outcome)

    def stop(self) -> None:
        if self._after_id is not None:
            self._widget.after_cancel(self._after_id)
            self._after_id = None

    def drain_now(self) -> None:
        """Run everything queued so far (tests use this between steps)."""
        self._run_queued(limit=None)

    def _drain(self) -> None:
        self._after_id = None
        try:
            self._run_queued(limit=MAX_CALLBACKS_PER_DRAIN)
        finally:
            try:
                self._poll_ms = self._next_poll_ms()
                self._after_id = self._widget.after(self._poll_ms, self._drain)
            except tk.TclError:  # the window is being destroyed
                self._after_id = None

    def _next_poll_ms(self) -> int:
        self._workers = [thread for thread in self._workers if thread.is_alive()]
        return BUSY_POLL_MS if self._workers or not self._queue.empty() else POLL_MS

    def _run_queued(self, limit: int | None) -> None:
        done = 0
        while limit is None or done < limit:
            try:
                token, callback = self._queue.get_nowait()
            except queue.Empty:
                return
            done += 1
            if token is not None and token.closed:
                log.debug("dropping a result for the closed article %s", token.label)
                continue
            try:
                callback()
            except Exception as error:
                # Same path as a Tk callback error: logged, shown in the status bar.
                self._widget.report_callback_exception(type(error), error, error.__traceback__)
