"""A loopback server that speaks the translation APIs deep-translator talks to, with faults.

One `FakeTranslator` on 127.0.0.1 (a free port) answers:

- Google's `GET /m?sl=..&tl=..&q=..` page with `<div class="result-container">…</div>`,
- LibreTranslate's `POST /translate` (form, JSON or query parameters) → `{"translatedText": …}`,
- DeepL's `/v2/translate` (POST form with an `Authorization: DeepL-Auth-Key` header, or
  deep-translator's own GET with `auth_key`) → `{"translations": [{"text": …}]}`,
- MyMemory's `GET /get?q=..&langpair=..` → `{"responseData": {"translatedText": …}}`,
- Microsoft's `POST /translate?api-version=3.0` with a JSON list → `[{"translations": [...]}]`.

With `login` ("user:password") set, every request must carry it as HTTP basic authentication
(401 otherwise), as a self-hosted server behind a password would want.

The "translation" is deterministic and line by line — `EN[<line>]` — so tests can check which
answer belongs to which sentence. `faults` is a queue of misbehaviours for the next requests:
"429" (with `retry_after`), "500", "403", "456", "reset" (TCP reset, no answer), "stall" (no
answer for longer than any test timeout), "garbage" (a page or body without a translation),
"truncated" (JSON cut off), "short" (fewer bytes than Content-Length), "empty" (an empty
translation), "merge" (the lines come back joined into one).

Answers of the wrong shape: "list" (a JSON list of the lines where the text belongs), "number"
(a JSON number; Google's page shows digits), "drop-line" (the last line missing), "extra-line"
(a line of junk appended), "cut-short" (only "ABC" of the translation).

Slow servers: "trickle" (the headers, then the body at 2 bytes per `trickle_s`), "slow-header"
(the status line and headers themselves at 2 bytes per `trickle_s`). Both keep going until the
client gives up or the server stops.
"""

from __future__ import annotations

import base64
import html
import json
import socket
import struct
import threading
import time
import urllib.parse
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


def fake_english(text: str, prefix: str = "EN") -> str:
    """The fake provider's translation: every line wrapped as EN[…]."""
    lines = (line.strip() for line in text.strip().splitlines())
    return "\n".join(f"{prefix}[{line}]" for line in lines if line)


@dataclass
class Seen:
    """One request as the server received it."""

    method: str
    path: str
    text: str
    headers: dict[str, str]
    fields: dict[str, str]
    started: float
    url_length: int


@dataclass
class Fault:
    kind: str
    retry_after: str | None = None


@dataclass
class FakeTranslator:
    latency_s: float = 0.0
    api_key: str | None = None  # when set, DeepL/Libre/Microsoft requests must carry it
    login: str | None = None  # "user:password": when set, every request needs basic auth
    stall_s: float = 10.0
    always: str | None = None  # the fault of every request once `faults` is used up
    trickle_s: float = 0.1  # the pause between two bytes of a trickled answer
    faults: deque[Fault] = field(default_factory=deque)
    seen: list[Seen] = field(default_factory=list)
    max_concurrent: int = 0
    always_merge: bool = False  # a provider that never keeps line breaks
    prefix: str = "EN"  # tells two servers' answers apart
    google_line_break: str = "\n"  # how the Google page shows line breaks ("<br>" is possible)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._concurrent = 0
        self._stopping = threading.Event()
        handler = _make_handler(self)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def add_faults(self, *kinds: str, retry_after: str | None = None) -> None:
        for kind in kinds:
            self.faults.append(Fault(kind, retry_after))

    def texts(self) -> list[str]:
        with self._lock:
            return [request.text for request in self.seen]

    def start(self) -> FakeTranslator:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeTranslator:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # --- used by the handler ----------------------------------------------------------------

    def _begin(self, request: Seen) -> Fault | None:
        with self._lock:
            self.seen.append(request)
            self._concurrent += 1
            self.max_concurrent = max(self.max_concurrent, self._concurrent)
            if self.faults:
                return self.faults.popleft()
            return Fault(self.always) if self.always else None

    def _end(self) -> None:
        with self._lock:
            self._concurrent -= 1


_ASK_FOR_LOGIN = {"WWW-Authenticate": 'Basic realm="translation"'}


def _make_handler(server: FakeTranslator) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output quiet

        def do_GET(self) -> None:
            self._handle("GET")

        def do_POST(self) -> None:
            self._handle("POST")

        def _handle(self, method: str) -> None:
            parsed = urllib.parse.urlsplit(self.path)
            fields = _flat(urllib.parse.parse_qs(parsed.query))
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            json_body: Any = None
            if body and "json" in (self.headers.get("Content-Type") or ""):
                json_body = json.loads(body)
            elif body:
                fields.update(_flat(urllib.parse.parse_qs(body.decode("utf-8"))))
            route = _route(method, parsed.path, fields)
            text = _request_text(route, fields, json_body)
            seen = Seen(
                method,
                parsed.path,
                text,
                dict(self.headers.items()),
                fields,
                time.monotonic(),
                len(self.path),
            )
            fault = server._begin(seen)
            try:
                if server.latency_s:
                    time.sleep(server.latency_s)
                self._answer(route, text, fields, fault)
            finally:
                server._end()

        def _answer(
            self, route: str, text: str, fields: dict[str, str], fault: Fault | None
        ) -> None:
            kind = fault.kind if fault else ""
            if route == "unknown":
                return self._send(404, "text/plain", b"no such API here")
            if kind == "reset":
                return self._reset()
            if kind == "stall":
                server._stopping.wait(server.stall_s)
                return self._reset()
            if kind == "400-echo":  # a server that echoes the request, key included
                sent = self.headers.get("Authorization") or fields.get("api_key", "")
                return self._send(400, "text/plain", f"bad request from {sent}".encode())
            if kind in ("429", "500", "403", "456"):
                headers = {"Retry-After": fault.retry_after} if fault and fault.retry_after else {}
                return self._send(int(kind), "text/plain", f"fault {kind}".encode(), headers)
            if not self._login_ok():
                return self._send(401, "text/plain", b"login needed", _ASK_FOR_LOGIN)
            if not self._key_ok(route, fields):
                return self._send(403, "application/json", b'{"message": "Wrong key"}')
            english = fake_english(text, server.prefix)
            translation: Any = english
            if kind == "empty":
                translation = ""
            elif kind == "merge" or server.always_merge:
                translation = " ".join(english.splitlines())
            elif kind == "list":
                translation = [line.upper() for line in text.splitlines()]
            elif kind == "number":
                translation = 12345
            elif kind == "drop-line":
                translation = "\n".join(english.splitlines()[:-1])
            elif kind == "extra-line":
                translation = english + "\nEN[Jetzt abonnieren und nichts mehr verpassen!]"
            elif kind == "cut-short":
                translation = "ABC"
            body = _render(route, translation, kind == "garbage", server.google_line_break)
            if kind == "truncated":
                body = body[: len(body) // 2]
            content_type = "text/html; charset=utf-8" if route == "google" else "application/json"
            if kind == "short":
                return self._send(200, content_type, body[: len(body) // 2], length=len(body))
            if kind in ("trickle", "slow-header"):
                return self._trickle(content_type, body, headers_too=kind == "slow-header")
            return self._send(200, content_type, body)

        def _trickle(self, content_type: str, body: bytes, *, headers_too: bool) -> None:
            head = (
                f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
                f"Content-Length: {len(body)}\r\n\r\n"
            ).encode()
            if not headers_too:
                self.wfile.write(head)
                head = b""
            rest = head + body
            try:
                while rest and not server._stopping.wait(server.trickle_s):
                    self.wfile.write(rest[:2])
                    self.wfile.flush()
                    rest = rest[2:]
            except OSError:
                pass  # the client gave up, as it should
            self.close_connection = True

        def _login_ok(self) -> bool:
            if server.login is None:
                return True
            expected = base64.b64encode(server.login.encode()).decode("ascii")
            return self.headers.get("Authorization", "") == f"Basic {expected}"

        def _key_ok(self, route: str, fields: dict[str, str]) -> bool:
            if server.api_key is None:
                return True
            if route == "deepl":
                header = self.headers.get("Authorization", "")
                return header == f"DeepL-Auth-Key {server.api_key}" or fields.get("auth_key") == (
                    server.api_key
                )
            if route == "libre":
                return fields.get("api_key") == server.api_key
            if route == "microsoft":
                return self.headers.get("Ocp-Apim-Subscription-Key") == server.api_key
            return True

        def _send(
            self,
            status: int,
            content_type: str,
            body: bytes,
            headers: dict[str, str] | None = None,
            length: int | None = None,
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body) if length is None else length))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
            if length is not None:
                self.wfile.flush()
                self._reset()

        def _reset(self) -> None:
            """Drop the connection with a TCP reset instead of an answer."""
            self.close_connection = True
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.wfile.close()
            self.rfile.close()
            self.connection.close()

    return Handler


def _flat(query: dict[str, list[str]]) -> dict[str, str]:
    return {name: values[-1] for name, values in query.items()}


def _route(method: str, path: str, fields: dict[str, str]) -> str:
    if path == "/m" and method == "GET":
        return "google"
    if path == "/v2/translate":
        return "deepl"
    if path == "/get" and method == "GET":
        return "mymemory"
    if path == "/translate" and method == "POST":
        return "microsoft" if "api-version" in fields else "libre"
    return "unknown"


def _request_text(route: str, fields: dict[str, str], json_body: Any) -> str:
    if route == "microsoft":
        return str(json_body[0]["text"]) if json_body else ""
    if route == "deepl":
        return fields.get("text", "")
    return fields.get("q", "")


def _render(route: str, translation: Any, garbage: bool, line_break: str = "\n") -> bytes:
    if route == "google":
        if garbage:
            page = "<html><body><p>Our systems have detected unusual traffic.</p></body></html>"
        else:
            lines = translation if isinstance(translation, list) else str(translation).split("\n")
            shown = line_break.join(html.escape(line) for line in lines)
            page = (
                '<html><body><div class="header">Translate</div>'
                f'<div class="result-container">{shown}</div></body></html>'
            )
        return page.encode("utf-8")
    if garbage:
        return b"<html><body>Bad gateway</body></html>"
    payload: Any
    if route == "libre":
        payload = {"translatedText": translation}
    elif route == "deepl":
        payload = {"translations": [{"detected_source_language": "DE", "text": translation}]}
    elif route == "mymemory":
        payload = {"responseData": {"translatedText": translation}, "matches": []}
    else:
        payload = [{"translations": [{"text": translation, "to": "en"}]}]
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")
