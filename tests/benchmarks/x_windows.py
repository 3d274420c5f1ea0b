"""When does a window appear, or get a new title? Read from the X server's events as they come.

Polling (`xdotool search` in a loop) adds its own delay and takes CPU from the program being
timed; here the X server tells us. `WindowWatcher` listens on the root window for new top-level
windows and on each of them for title changes, and notes the moment a mapped window's title
matches what the caller waits for.
"""

from __future__ import annotations

import re
import select
import time
from types import TracebackType
from typing import Any

from Xlib import X, display, error


class WindowWatcher:
    """One connection to the X display (from $DISPLAY); use it as a context manager."""

    def __init__(self) -> None:
        self.display = display.Display()
        self.display.set_error_handler(self._ignore)  # windows may vanish while we look at them
        self.root = self.display.screen().root
        self.root.change_attributes(event_mask=X.SubstructureNotifyMask)
        self._utf8_name = self.display.intern_atom("_NET_WM_NAME")
        self._name_atoms = {self._utf8_name, self.display.intern_atom("WM_NAME")}
        self.mapped: set[int] = set()
        self.display.sync()

    def __enter__(self) -> WindowWatcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.display.close()

    def wait_for_title(self, pattern: str, deadline: float) -> float:
        """perf_counter() when a mapped window's title first matches `pattern` (a regex)."""
        wanted = re.compile(pattern)
        if any(wanted.search(self._title(window)) for window in self.mapped):
            return time.perf_counter()
        while True:
            event = self._next_event(deadline)
            now = time.perf_counter()
            if event is None:
                raise TimeoutError(f"no window titled {pattern!r}")
            if self._handle(event, wanted):
                return now

    def wait_until_none_mapped(self, deadline: float) -> None:
        while self.mapped:
            event = self._next_event(deadline)
            if event is None:
                raise TimeoutError("a window stayed open")
            self._handle(event)

    def _handle(self, event: Any, wanted: re.Pattern[str] | None = None) -> bool:
        """Keep track of windows; True if `event` gives a mapped window a `wanted` title."""
        if event.type == X.CreateNotify:
            event.window.change_attributes(event_mask=X.PropertyChangeMask)
        elif event.type == X.MapNotify:
            self.mapped.add(event.window.id)
            return self._matches(event.window.id, wanted)
        elif event.type in (X.UnmapNotify, X.DestroyNotify):
            self.mapped.discard(event.window.id)
        elif event.type == X.PropertyNotify and event.atom in self._name_atoms:
            return event.window.id in self.mapped and self._matches(event.window.id, wanted)
        return False

    def _matches(self, window_id: int, wanted: re.Pattern[str] | None) -> bool:
        return wanted is not None and bool(wanted.search(self._title(window_id)))

    def _next_event(self, deadline: float) -> Any | None:
        while not self.display.pending_events():
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return None
            select.select([self.display], [], [], remaining)
        return self.display.next_event()

    def _title(self, window_id: int) -> str:
        window = self.display.create_resource_object("window", window_id)
        try:
            name = window.get_full_property(self._utf8_name, 0)
            if name is not None:
                value = name.value
                return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
            return str(window.get_wm_name() or "")
        except error.XError:
            return ""

    @staticmethod
    def _ignore(*_args: object) -> None:
        pass
