"""A bound on the requests in flight per provider endpoint, shared by the jobs that share it.

The window keeps one `RequestGate` for all its translation jobs (the whole article, a retried
paragraph, a word card's sentence), so together they never send more than the bound at once.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable, Iterator
from contextlib import contextmanager


class Cancelled(Exception):
    """The job was cancelled while waiting for a free slot."""


class RequestGate:
    """Counts requests in flight per key (provider and endpoint)."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._in_flight: dict[Hashable, int] = {}

    @contextmanager
    def slot(self, key: Hashable, limit: int, cancelled: threading.Event) -> Iterator[None]:
        """Hold one of `limit` slots for `key` while the block runs; raise `Cancelled` if
        `cancelled` is set while waiting for one."""
        with self._condition:
            while self._in_flight.get(key, 0) >= limit:
                if cancelled.is_set():
                    raise Cancelled
                self._condition.wait(0.2)
            self._in_flight[key] = self._in_flight.get(key, 0) + 1
        try:
            yield
        finally:
            with self._condition:
                self._in_flight[key] -= 1
                self._condition.notify_all()

    def in_flight(self, key: Hashable) -> int:
        with self._condition:
            return self._in_flight.get(key, 0)
