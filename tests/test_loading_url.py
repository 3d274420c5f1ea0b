"""Loading from a web address, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from reader.errors import LoadError
from reader.loading import load_url
from tests.fixtures_builders import PdfPage, build_pdf, news_page

PARAGRAPHS = (
    "Die Landesregierung hat am Dienstag einen neuen Plan für den Ausbau der Schienenwege "
    "vorgestellt, der bis zum Ende des Jahrzehnts umgesetzt werden soll.",
    "Kritiker bemängeln, dass die Finanzierung des Vorhabens noch nicht gesichert sei und "
    "wichtige Fragen der Planung offenblieben.",
)

PNG = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"

# path -> (status, content type, body)
ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/artikel": (200, "text/html; charset=utf-8", news_page("Schienenplan", PARAGRAPHS).encode()),
    "/text": (200, "text/plain; charset=windows-1252", "\n\n".join(PARAGRAPHS).encode("cp1252")),
    "/bericht.pdf": (200, "application/octet-stream", build_pdf([PdfPage(list(PARAGRAPHS))])),
    "/gross": (200, "text/html", b"<p>" + b"Wort " * 50_000 + b"</p>"),
    "/leer": (200, "text/html", b"<html><body><nav>Nur Navigation</nav></body></html>"),
    # Binary answers: refused, or read as what their bytes say they are.
    "/bild": (200, "image/png", PNG),
    "/bild-als-html": (200, "text/html", PNG),
    "/daten": (200, "application/octet-stream", bytes(range(256)) * 4),
    "/getarnt": (200, "text/html; charset=utf-8", build_pdf([PdfPage(list(PARAGRAPHS))])),
    "/rot13": (
        200,
        "text/html",
        news_page("Schienenplan", PARAGRAPHS)
        .replace("<head>", '<head><meta charset="rot13">')
        .encode(),
    ),
}


def _trickle(handler: BaseHTTPRequestHandler, data: bytes) -> None:
    """Two bytes at a time, ten times a second: never silent long enough for a read timeout."""
    with contextlib.suppress(OSError):  # the client hangs up, as it should
        for start in range(0, len(data), 2):
            handler.wfile.write(data[start : start + 2])
            handler.wfile.flush()
            time.sleep(0.1)
    handler.close_connection = True


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        page = news_page("Tropfen", PARAGRAPHS).encode()
        head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(page)}\r\n\r\n"
        if self.path == "/tropfen":  # the body trickles
            self.wfile.write(head.encode())
            return _trickle(self, page)
        if self.path == "/kopf-tropfen":  # the status line and headers trickle
            return _trickle(self, head.encode() + page)
        if self.path == "/langsam":
            time.sleep(3)
        status, content_type, body = ROUTES.get(self.path, (404, "text/plain", b"weg"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if self.path != "/gross":  # no Content-Length: the size limit must count the bytes
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The client may give up on purpose (size limit, timeout).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_html_page_from_a_url(server: str) -> None:
    document = load_url(f"{server}/artikel")
    assert document.title == "Schienenplan"
    assert document.paragraphs == PARAGRAPHS
    assert document.source.format == "url"
    assert document.source.url == f"{server}/artikel"


def test_plain_text_from_a_url_is_decoded(server: str) -> None:
    document = load_url(f"{server}/text")
    assert document.paragraphs == PARAGRAPHS
    assert document.source.encoding == "windows-1252"


def test_pdf_found_by_the_url_suffix(server: str) -> None:
    assert " ".join(load_url(f"{server}/bericht.pdf").paragraphs) == " ".join(PARAGRAPHS)


def test_http_error_status(server: str) -> None:
    with pytest.raises(LoadError, match=r"/fehlt: the server answered 404"):
        load_url(f"{server}/fehlt")


def test_size_limit_counts_the_bytes_received(server: str) -> None:
    with pytest.raises(LoadError, match="above the size limit"):
        load_url(f"{server}/gross", max_bytes=10_000)


def test_page_without_an_article(server: str) -> None:
    with pytest.raises(LoadError, match="no article text"):
        load_url(f"{server}/leer")


def test_read_timeout(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(LoadError, match=r"did not answer within 0\.5 seconds"):
        load_url(f"{server}/langsam", timeout=0.5)
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("path", ["/tropfen", "/kopf-tropfen"])
def test_a_trickling_server_is_cut_off_at_the_deadline(server: str, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(LoadError, match=r"the download took longer than 2 seconds"):
        load_url(f"{server}{path}", timeout=0.5)  # the deadline: four timeouts
    assert time.monotonic() - started < 4


def test_connection_refused() -> None:
    with pytest.raises(LoadError, match="cannot connect"):
        load_url("http://127.0.0.1:9/artikel", timeout=2)


@pytest.mark.parametrize(
    "url", ["ftp://example.org/a.txt", "file:///etc/passwd", "javascript:alert(1)", "artikel.txt"]
)
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(LoadError, match="only http:// and https://"):
        load_url(url)


def test_address_without_host() -> None:
    with pytest.raises(LoadError, match="no host name"):
        load_url("http:///artikel")


@pytest.mark.parametrize(
    ("path", "sent"),
    [
        ("/bild", "an image (image/png)"),
        ("/bild-als-html", "binary data (text/html)"),
        ("/daten", "binary data (application/octet-stream)"),
    ],
)
def test_binary_answers_are_refused_in_one_line(server: str, path: str, sent: str) -> None:
    with pytest.raises(LoadError) as caught:
        load_url(f"{server}{path}")
    message = str(caught.value)
    assert message.startswith(f"{server}{path}: the server sent {sent}, not a web page")
    assert message.isprintable()


def test_pdf_served_as_html_is_read_as_a_pdf(server: str) -> None:
    document = load_url(f"{server}/getarnt")
    assert " ".join(document.paragraphs) == " ".join(PARAGRAPHS)


def test_meta_charset_that_is_no_text_encoding(server: str) -> None:
    assert load_url(f"{server}/rot13").paragraphs == PARAGRAPHS


def test_credentials_are_not_echoed(server: str) -> None:
    address = server.replace("http://", "http://anna:geheim@")
    with pytest.raises(LoadError, match="the server answered 404") as caught:
        load_url(f"{address}/fehlt")
    assert "geheim" not in str(caught.value)
    assert "anna" not in str(caught.value)
