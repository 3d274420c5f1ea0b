"""A loopback HTTP proxy that never finishes answering, for the deadline tests.

`TricklingProxy` on 127.0.0.1 (a free port) reads each request's head, records its first line
("GET http://… HTTP/1.1" for a plain address, "CONNECT host:443 HTTP/1.1" for https), then
answers two bytes every `trickle_s`: never silent long enough for a read timeout, never done.
`what` chooses the answer: "body" (a whole head promising a large body, then the body),
"head" (the status line and headers themselves), "connect" (the "200 Connection established"
that would open a tunnel). Each connection gives up by itself after `give_up_s`, and at `stop`.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
from dataclasses import dataclass, field
from types import TracebackType

_BODY_HEAD = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 1000000\r\n\r\n"
)
_ENDLESS_HEAD = b"HTTP/1.1 200 OK\r\n" + b"X-Padding: aaaaaaaaaaaaaaaa\r\n" * 10_000
_ENDLESS_CONNECT = b"HTTP/1.1 200 Connection established\r\n" + b"X-Wait: a\r\n" * 10_000


@dataclass
class TricklingProxy:
    what: str = "body"
    trickle_s: float = 0.1
    give_up_s: float = 20.0
    request_lines: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._stopping = threading.Event()
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                proxy._serve(self.request)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> TricklingProxy:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()

    def _serve(self, connection: socket.socket) -> None:
        head = b""
        with contextlib.suppress(OSError):
            connection.settimeout(5)
            while b"\r\n\r\n" not in head and len(head) < 65536:
                chunk = connection.recv(4096)
                if not chunk:
                    return
                head += chunk
            self.request_lines.append(head.split(b"\r\n", 1)[0].decode("latin-1"))
            answer = {"body": _BODY_HEAD, "head": _ENDLESS_HEAD, "connect": _ENDLESS_CONNECT}
            data = answer[self.what]
            if self.what == "body":  # the head at once, then the body drop by drop
                connection.sendall(data)
                data = b"<p>" + b"Wort " * 200_000
            self._trickle(connection, data)

    def _trickle(self, connection: socket.socket, data: bytes) -> None:
        steps = int(self.give_up_s / self.trickle_s)
        for start in range(0, min(len(data), 2 * steps), 2):
            connection.sendall(data[start : start + 2])
            if self._stopping.wait(self.trickle_s):
                return
