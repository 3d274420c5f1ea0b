"""HTTP with an overall deadline, besides requests' per-read timeouts.

requests' timeouts bound each wait for the next bytes; a server that trickles its answer (two
bytes a second, in the headers or in the body) never trips them and can hold a download or a
translation for ever. Inside `within(seconds)`, a watchdog timer shuts the socket of the
exchange in progress when the time is up, so the blocked read returns at once, wherever it is
waiting; `Deadline.expired` then tells the caller why the exchange broke off. Only sessions
from `session()` take part: their connections show the watchdog the socket they read from.

A connection shows its socket as soon as it is made, before any byte is read: a proxy that
trickles its answer to CONNECT, or a server that trickles the TLS handshake, is cut off too.
requests goes through a proxy when HTTP_PROXY, HTTPS_PROXY or ALL_PROXY say so, with pools and
connections of the proxy manager's own; every manager the adapter makes (direct, HTTP proxy,
SOCKS proxy) gets watched versions of its pool and connection classes.
"""

from __future__ import annotations

import contextlib
import functools
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
from urllib3.connectionpool import HTTPConnectionPool


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
    """Shows its socket to the current deadline as soon as it is connected, and again before
    waiting for an answer (a connection kept alive from an earlier exchange)."""

    sock: socket.socket | None

    def _new_conn(self) -> socket.socket:
        sock: socket.socket = super()._new_conn()  # type: ignore[misc]
        deadline = _current.get()
        if deadline is not None:
            deadline.watch(sock)
        return sock

    def getresponse(self, *args: Any, **kwargs: Any) -> Any:
        deadline = _current.get()
        if deadline is not None and self.sock is not None:
            deadline.watch(self.sock)
        return super().getresponse(*args, **kwargs)  # type: ignore[misc]


@functools.cache
def _watched_pool(pool: type[HTTPConnectionPool]) -> type[HTTPConnectionPool]:
    """`pool` making connections of its own kind that show the deadline their sockets."""
    if issubclass(pool.ConnectionCls, _Watched):
        return pool
    connection = type(f"Watched{pool.ConnectionCls.__name__}", (_Watched, pool.ConnectionCls), {})
    return type(f"Watched{pool.__name__}", (pool,), {"ConnectionCls": connection})


def _watch_pools_of(manager: Any) -> Any:
    """`manager` (a urllib3 PoolManager, ProxyManager or SOCKSProxyManager) with watched pools."""
    manager.pool_classes_by_scheme = {
        scheme: _watched_pool(pool) for scheme, pool in manager.pool_classes_by_scheme.items()
    }
    return manager


class _DeadlineAdapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        _watch_pools_of(self.poolmanager)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        return _watch_pools_of(super().proxy_manager_for(proxy, **proxy_kwargs))
