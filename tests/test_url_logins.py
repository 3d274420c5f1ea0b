"""A `user:password@` in a web address works, and is never stored, shown or logged (issue 19).

A self-hosted LibreTranslate behind a password is given as `http://user:password@host/`: the
login goes with each request as HTTP basic authentication and into the system keyring, the
settings keep the address without it. An article address with a login is downloaded with it,
and the document's address (shown, saved with a word, printed as JSON) leaves it out.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader import secrets
from reader.cli import main
from reader.loading import load_url
from reader.logs import setup_logging
from reader.settings import Settings, load_settings, save_settings, settings_path
from reader.translation import ProviderSettings, with_endpoint_login
from tests.fixtures_builders import news_page
from tests.keyrings import MemoryKeyring
from tests.translation_servers import FakeTranslator

USER = "anna"
PASSWORD = "geheimes-Passwort-42"
LOGIN = f"{USER}:{PASSWORD}"
BASIC = base64.b64encode(LOGIN.encode()).decode("ascii")


def with_login(url: str, login: str = LOGIN) -> str:
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{login}@{rest}"


def assert_no_secret(text: str) -> None:
    for secret in (PASSWORD, BASIC, LOGIN):
        assert secret not in text


@pytest.fixture(autouse=True)
def no_key_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LIBRE_API_KEY", raising=False)


# --- the address and its login --------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "clean", "login"),
    [
        ("https://host.example/api/", "https://host.example/api/", None),
        ("https://anna:pw@host.example:8443/x?q=1", "https://host.example:8443/x?q=1", "anna:pw"),
        ("http://token@host.example/", "http://host.example/", "token"),
        ("http://a%40b:p%3Aw@h/", "http://h/", "a%40b:p%3Aw"),
        ("http://anna:p@ss@h/", "http://h/", "anna:p@ss"),  # an '@' the user did not escape
        ("http://@h/", "http://h/", None),
    ],
)
def test_split_login(url: str, clean: str, login: str | None) -> None:
    assert secrets.split_login(url) == (clean, login)


def test_a_login_pair_is_decoded() -> None:
    assert secrets.login_pair("a%40b:p%3Aw") == ("a@b", "p:w")
    assert secrets.login_pair("token") == ("token", "")


def test_messages_and_log_lines_lose_every_url_login() -> None:
    line = f"GET {with_login('http://h.example/a')} failed; see http://h.example/b and a@b.de"
    assert (
        secrets.redact(line) == "GET http://h.example/a failed; see http://h.example/b and a@b.de"
    )
    secrets.split_login(with_login("http://h.example/"))  # the password is now remembered
    echoed = f"401: Authorization: Basic {BASIC} for {USER} with {PASSWORD}"
    assert_no_secret(secrets.redact(echoed))
    record = logging.LogRecord("reader", logging.WARNING, __file__, 1, "%s", (line,), None)
    assert_no_secret(secrets.RedactingFormatter("%(message)s").format(record))


def test_provider_settings_hold_the_login_apart() -> None:
    settings = ProviderSettings(
        "libre", endpoint=with_login("http://h.example:5000/")
    ).with_login_apart()
    assert settings.endpoint == "http://h.example:5000/"
    assert settings.endpoint_login == LOGIN
    assert_no_secret(repr(settings))


# --- translation --------------------------------------------------------------------------


def translate_cli(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, endpoint: str
) -> tuple[int, dict[str, object], str]:
    path = tmp_path / "artikel.txt"
    path.write_text("Der Rat tagte lange. Er beschloss nichts.", encoding="utf-8")
    options = ["--provider", "libre", "--endpoint", endpoint, "--json", "--no-cache"]
    status = main(["translate", str(path), *options])
    out, err = capsys.readouterr()
    return status, json.loads(out), out + err


def test_an_endpoint_behind_a_password_translates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    with FakeTranslator(login=LOGIN) as server:
        status, report, shown = translate_cli(capsys, tmp_path, with_login(server.url))
    assert status == 0
    assert report["paragraphs"][0]["translation"]  # type: ignore[index]
    assert {seen.headers.get("Authorization") for seen in server.seen} == {f"Basic {BASIC}"}
    assert_no_secret(shown + caplog.text)


def test_an_endpoint_without_the_login_is_refused_by_the_server(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with FakeTranslator(login=LOGIN) as server:
        status, report, _shown = translate_cli(capsys, tmp_path, server.url)
    assert status == 3
    assert "401" in str(report["paragraphs"][0]["error"])  # type: ignore[index]


def test_a_server_echoing_the_login_never_gets_it_shown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    with FakeTranslator(login=LOGIN, always="400-echo") as server:
        status, report, shown = translate_cli(capsys, tmp_path, with_login(server.url))
    assert status == 3
    assert "bad request from Basic [API key]" in str(report["paragraphs"][0]["error"])  # type: ignore[index]
    assert_no_secret(shown + caplog.text)


def test_an_unreachable_endpoint_is_named_without_its_login(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import socket

    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    status, report, shown = translate_cli(capsys, tmp_path, f"http://{LOGIN}@127.0.0.1:{port}")
    assert status == 3
    assert f"127.0.0.1:{port}" in str(report["paragraphs"][0]["error"])  # type: ignore[index]
    assert_no_secret(shown)
    assert USER not in shown


def test_the_login_is_kept_in_the_keyring_for_the_address(
    memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from reader.translation import store_endpoint_login

    with FakeTranslator(login=LOGIN) as server:
        store_endpoint_login(server.url + "/", LOGIN)
        assert memory_keyring.store == {("german-reader", f"endpoint {server.url}"): LOGIN}
        settings = with_endpoint_login(ProviderSettings("libre", endpoint=server.url))
        assert settings.endpoint_login == LOGIN
        status, _report, shown = translate_cli(capsys, tmp_path, server.url)  # no login typed
    assert status == 0
    assert_no_secret(shown)
    store_endpoint_login(server.url, None)
    assert memory_keyring.store == {}


# --- settings -------------------------------------------------------------------------------


def test_settings_never_store_a_login() -> None:
    save_settings(Settings(provider="libre", endpoint=with_login("http://h.example:5000/")))
    written = settings_path().read_text(encoding="utf-8")
    assert "http://h.example:5000/" in written
    assert_no_secret(written)
    assert USER not in written


def test_a_login_written_into_the_settings_file_is_not_used(
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    endpoint = with_login("http://h.example:5000/")
    path.write_text(json.dumps({"endpoint": endpoint}), encoding="utf-8")
    assert load_settings().endpoint == "http://h.example:5000/"
    assert "user name and password" in caplog.text
    assert_no_secret(caplog.text)


# --- article addresses ----------------------------------------------------------------------

PARAGRAPHS = (
    "Die Landesregierung hat am Dienstag einen neuen Plan für den Ausbau der Schienenwege "
    "vorgestellt, der bis zum Ende des Jahrzehnts umgesetzt werden soll.",
    "Kritiker bemängeln, dass die Finanzierung des Vorhabens noch nicht gesichert sei.",
)


@pytest.fixture
def intranet() -> Iterator[str]:
    """An article behind basic authentication; 404 for any other path."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.headers.get("Authorization") != f"Basic {BASIC}":
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="intranet"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = news_page("Schienenplan", PARAGRAPHS).encode()
            self.send_response(200 if self.path == "/artikel" else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_an_article_behind_a_password_loads_and_its_address_leaves_the_login_out(
    intranet: str,
) -> None:
    document = load_url(with_login(f"{intranet}/artikel"))
    assert document.paragraphs == PARAGRAPHS
    assert document.source.url == f"{intranet}/artikel"


def test_a_failed_download_names_the_address_without_its_login(intranet: str) -> None:
    from reader.errors import LoadError

    with pytest.raises(LoadError) as caught:
        load_url(with_login(f"{intranet}/fehlt"))
    assert str(caught.value) == f"{intranet}/fehlt: the server answered 404 Not Found"


def test_analyze_prints_the_address_without_its_login(
    intranet: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", with_login(f"{intranet}/artikel"), "--json"]) == 0
    out, err = capsys.readouterr()
    assert f"{intranet}/artikel" in out
    assert_no_secret(out + err)
    assert USER not in out + err


def test_the_log_file_never_holds_a_login(log_file_handlers: None) -> None:
    target = setup_logging()
    assert target is not None
    logging.getLogger("reader.test").warning("cannot open %s", with_login("http://h.example/x"))
    for handler in logging.getLogger("reader").handlers:
        handler.flush()
    written = target.read_text(encoding="utf-8")
    assert "cannot open http://h.example/x" in written
    assert_no_secret(written)


@pytest.fixture
def log_file_handlers() -> Iterator[None]:
    yield
    logger = logging.getLogger("reader")
    for handler in list(logger.handlers):
        if isinstance(handler, logging.FileHandler):
            logger.removeHandler(handler)
            handler.close()
