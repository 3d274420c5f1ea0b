"""HTTP with an overall deadline, besides requests' per-read timeouts.

requests' timeouts bound each wait for the next bytes; a server that trickles its answer (two
bytes a second, in the headers or in the body) never trips them and can hold a download or a
translation for ever. Inside `within(seconds)`, a watchdog timer shuts the socket of the
exchange in progress when the time is up, so the blocked read returns at once, wherever it is
waiting; `Deadline.expired` then tells the caller why the exchange broke off. Only sessions
from `session()` take part: their connections show the watchdog the socket they read from.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool


class Deadline:
    """The moment an exchange must be over by; shuts its sockets when that moment passes."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._expired = False
        self._over = False

    @property
    def expired(self) -> bool:
        with self._lock:
            return self._expired or time.monotonic() >= self.at

    def remaining(self) -> float:
        return max(0.0, self.at - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self._expired:
                _shut(sock)
            elif not self._over:
                self._sockets.append(sock)

    def expire(self) -> None:
        with self._lock:
            if self._over:
                return
            self._expired = True
            for sock in self._sockets:
                _shut(sock)

    def end(self) -> None:
        with self._lock:
            self._over = True
            self._sockets.clear()


_current: ContextVar[Deadline | None] = ContextVar("http_deadline", default=None)


@contextmanager
def within(seconds: float) -> Iterator[Deadline]:
    """Exchanges of `session()` sessions made inside the block end by `seconds` from now."""
    deadline = Deadline(seconds)
    timer = threading.Timer(max(0.0, seconds), deadline.expire)
    timer.daemon = True
    timer.start()
    token = _current.set(deadline)
    try:
        yield deadline
    finally:
        _current.reset(token)
        timer.cancel()
        deadline.end()


def session() -> requests.Session:
    """A `requests.Session` whose exchanges keep the deadline of `within`."""
    new = requests.Session()
    new.mount("http://", _DeadlineAdapter())
    new.mount("https://", _DeadlineAdapter())
    return new


def could_not_connect(error: BaseException) -> bool:
    """Whether `error` means no connection was made (refused, no route, unknown host), as
    opposed to one that was made and then broke off or went quiet."""
    seen: set[int] = set()
    pending: list[object] = [error]
    while pending:
        item = pending.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, urllib3.exceptions.NewConnectionError | socket.gaierror):
            return True
        pending.extend([item.__cause__, item.__context__, getattr(item, "reason", None)])
        pending.extend(item.args)
    return False


def _shut(sock: socket.socket) -> None:
    # The plain socket's shutdown, also for an SSL socket: its own would drop the TLS state
    # under the reading thread's feet.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Watched:
    """Shows the socket to the current deadline before waiting for the answer."""

    sock: socket.socket | None

    def getresponse(self, *args: Any, **kwargs: Any) -> Any:
        deadline = _current.get()
        if deadline is not None and self.sock is not None:
            deadline.watch(self.sock)
        return super().getresponse(*args, **kwargs)  # type: ignore[misc]


class _HTTPConnection(_Watched, HTTPConnection):
    pass


class _HTTPSConnection(_Watched, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class _DeadlineAdapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
