"""Virtual events that carry their data (reader.gui.events), in a real Tk."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Iterator

import pytest

from reader.gui import events
from reader.gui.events import RetryParagraph, StatusChanged, VirtualEvents

pytestmark = pytest.mark.gui


@pytest.fixture
def root() -> Iterator[tk.Tk]:
    root = tk.Tk()
    root.update()  # before its first update the root ignores generated events
    yield root
    root.destroy()


def test_every_listener_gets_the_data_and_plain_listeners_still_hear_the_event(
    root: tk.Tk,
) -> None:
    bus = VirtualEvents(root)
    first: list[RetryParagraph] = []
    second: list[int] = []
    plain: list[str] = []
    bus.on_data(events.RETRY_REQUESTED, RetryParagraph, first.append)
    bus.on_data(events.RETRY_REQUESTED, RetryParagraph, lambda retry: second.append(retry.index))
    bus.on(events.RETRY_REQUESTED, lambda: plain.append("heard"))
    bus.emit(events.RETRY_REQUESTED, RetryParagraph(3))
    bus.emit(events.RETRY_REQUESTED, RetryParagraph(5))
    assert first == [RetryParagraph(3), RetryParagraph(5)]
    assert second == [3, 5]
    assert plain == ["heard", "heard"]


def test_data_of_the_wrong_kind_is_an_error_in_the_callback(root: tk.Tk) -> None:
    bus = VirtualEvents(root)
    errors: list[BaseException] = []
    root.report_callback_exception = (  # type: ignore[method-assign]
        lambda kind, error, trace: errors.append(error)
    )
    bus.on_data(events.STATUS_CHANGED, StatusChanged, lambda change: None)
    bus.emit(events.STATUS_CHANGED, RetryParagraph(1))
    assert len(errors) == 1 and isinstance(errors[0], TypeError)
