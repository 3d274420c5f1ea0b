"""Work handed from worker threads to the Tk thread (reader.gui.background), in a real Tk."""

from __future__ import annotations

import threading
import tkinter as tk
from collections.abc import Callable, Iterator

import pytest

from reader.gui.background import BUSY_POLL_MS, POLL_MS, ArticleToken, Outcome, TkCallQueue
from tests.gui.conftest import wait_until

pytestmark = pytest.mark.gui


@pytest.fixture
def root() -> Iterator[tk.Tk]:
    root = tk.Tk()
    yield root
    root.destroy()


def test_a_worker_result_arrives_on_the_tk_thread(root: tk.Tk) -> None:
    calls = TkCallQueue(root)
    seen: list[tuple[int | None, bool]] = []

    def done(outcome: Outcome[int]) -> None:
        seen.append((outcome.value, threading.current_thread() is threading.main_thread()))

    calls.run_in_thread(None, lambda: 6 * 7, done)
    wait_until(root, lambda: seen, what="the worker's result")
    assert seen == [(42, True)]
    calls.stop()


def test_results_for_a_closed_article_are_dropped(root: tk.Tk) -> None:
    calls = TkCallQueue(root)
    token = ArticleToken("old article")
    release = threading.Event()
    seen: list[Outcome[str]] = []
    worker = calls.run_in_thread(token, lambda: release.wait(5) and "late", seen.append)
    token.close()  # the user opened another article meanwhile
    release.set()
    worker.join(5)
    wait_until(root, lambda: calls.poll_interval_ms == POLL_MS, what="the queue to go idle")
    assert seen == []
    calls.stop()


def test_the_queue_is_polled_often_only_while_a_worker_runs(root: tk.Tk) -> None:
    calls = TkCallQueue(root)
    assert calls.poll_interval_ms == POLL_MS
    release = threading.Event()
    seen: list[Outcome[bool]] = []
    calls.run_in_thread(None, lambda: release.wait(5), seen.append)
    # The slow poll already scheduled is brought forward, not waited for.
    assert calls.poll_interval_ms == BUSY_POLL_MS
    root.after(60, root.quit)
    root.mainloop()
    assert calls.poll_interval_ms == BUSY_POLL_MS and not seen
    release.set()
    wait_until(root, lambda: seen, what="the worker's result")
    wait_until(root, lambda: calls.poll_interval_ms == POLL_MS, what="the slow poll again")
    assert seen[0].value is True
    calls.stop()


def test_the_callback_is_freed_on_the_tk_thread(root: tk.Tk) -> None:
    """A dialog closed while its worker runs must not be freed by the worker: Python would
    then delete the dialog's Tk variables from the wrong thread."""
    freed_on: list[bool] = []
    posted, drained = threading.Event(), threading.Event()

    class Dialog:
        def done(self, outcome: Outcome[None]) -> None:
            pass

        def __del__(self) -> None:
            freed_on.append(threading.current_thread() is threading.main_thread())

    calls = TkCallQueue(root)
    post = calls.post

    def post_then_linger(token: ArticleToken | None, callback: Callable[[], None]) -> None:
        post(token, callback)
        posted.set()
        drained.wait(5)  # the worker outlives the delivery of its result

    calls.post = post_then_linger  # type: ignore[method-assign]
    dialog = Dialog()
    worker = calls.run_in_thread(None, lambda: None, dialog.done)
    del dialog  # closed: only the call queue and the worker may still know it
    assert posted.wait(5)
    calls.drain_now()
    drained.set()
    worker.join()
    assert freed_on == [True]
    calls.stop()
