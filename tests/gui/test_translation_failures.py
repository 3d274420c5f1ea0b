"""When translation fails: honest progress, "Retry all", and another provider in one click.

Loopback servers speak the providers' web APIs; one that refuses every request stands for
Google's free endpoint on a bad day, a closed port for a machine without a network."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import keyring
import keyring.backend
import pytest

from reader.gui.app import ReaderWindow
from reader.gui.services import WindowServices
from reader.gui.translation_problems import problem_message
from reader.settings import Settings, load_settings
from reader.translation import DeepTranslator, ProviderSettings, Timeouts
from reader.translation.fallback import configured_providers, next_provider
from tests.gui.conftest import WindowFactory, open_article, wait_until
from tests.translation_servers import FakeTranslator

pytestmark = pytest.mark.gui


class NoKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("no keyring in the tests")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("no keyring in the tests")


@pytest.fixture(autouse=True)
def no_keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for variable in ("DEEPL_API_KEY", "MICROSOFT_API_KEY", "LIBRE_API_KEY"):
        monkeypatch.delenv(variable, raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def google() -> Iterator[FakeTranslator]:
    with FakeTranslator() as fake:
        yield fake


@pytest.fixture
def mymemory() -> Iterator[FakeTranslator]:
    with FakeTranslator(prefix="MM") as fake:
        yield fake


def routed(servers: dict[str, str]) -> WindowServices:
    """Each provider's requests go to its own loopback server (or address)."""

    def translator_for(settings: ProviderSettings, timeouts: Timeouts | None) -> DeepTranslator:
        return DeepTranslator(replace(settings, endpoint=servers[settings.name]), timeouts)

    return WindowServices(translator_for=translator_for, word_translator=None)


def closed_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def english_lines(window: ReaderWindow) -> list[str]:
    return window.reading_view.english.get("1.0", "end-1c").split("\n")


def settled(window: ReaderWindow, count: int) -> bool:
    session = window.state.session
    return (
        session is not None
        and len(session.translations) == count
        and not session.in_flight
        and not window.translation_bar.running
    )


# --- the rules -----------------------------------------------------------------------------------


def test_the_next_provider_is_one_that_can_work_as_things_are_set_up() -> None:
    no_keys = configured_providers(lambda name: None)
    assert no_keys == ["google", "mymemory"]
    assert next_provider("google", no_keys) == "mymemory"
    assert next_provider("mymemory", no_keys) == "google"
    with_deepl = configured_providers(lambda name: "key" if name == "deepl" else None)
    assert next_provider("google", with_deepl) == "deepl"
    assert next_provider("google", with_deepl, tried={"deepl"}) == "mymemory"
    assert next_provider("libre", no_keys) == "google"
    assert next_provider("google", ["google"]) is None


def test_the_problem_is_said_once_in_words() -> None:
    assert problem_message(15, 15, "Google Translate: cannot connect.") == (
        "15 of 15 paragraphs were not translated: Google Translate: cannot connect."
    )
    assert problem_message(1, 3, None) == "1 of 3 paragraphs was not translated."


# --- the window -----------------------------------------------------------------------------------


@pytest.mark.logs_errors  # the provider's refusals are logged as they happen
def test_offline_the_progress_shows_nothing_translated_and_retry_all_recovers(
    make_window: WindowFactory, article_file: Path, google: FakeTranslator
) -> None:
    servers = {"google": closed_port(), "mymemory": closed_port()}
    window = make_window(
        settings=Settings(provider="google", translate_on_open=False), services=routed(servers)
    )
    open_article(window, article_file, analysed=False)
    window.translation_bar.translate_all()
    wait_until(window.root, lambda: settled(window, 3), what="three failures", timeout=30)

    bar = window.translation_bar
    assert bar.progress_text.get() == "0 / 3 translated"
    assert float(bar.progress.cget("value")) == 0
    assert bar.failed_text.get() == "3 failed"
    problems = window.translation_problems
    wait_until(window.root, lambda: problems.shown, what="the problem bar")
    text = str(problems.message.cget("text"))
    assert text.startswith("3 of 3 paragraphs were not translated: Google Translate")

    # The network is back: "Retry all" sends the three again.
    servers["google"] = google.url + "/"
    problems.retry_button.invoke()
    wait_until(
        window.root,
        lambda: settled(window, 3) and bar.failed_text.get() == "",
        what="the retried paragraphs",
        timeout=30,
    )
    assert bar.progress_text.get() == "3 / 3 translated"
    assert all(line.startswith("EN[") for line in english_lines(window))
    assert not problems.shown


def test_a_failing_provider_is_replaced_in_one_click_and_the_choice_is_kept(
    make_window: WindowFactory,
    article_file: Path,
    google: FakeTranslator,
    mymemory: FakeTranslator,
    tmp_path: Path,
) -> None:
    google.always = "403"  # Google's free endpoint refuses every request today
    servers = {"google": google.url + "/", "mymemory": mymemory.url + "/"}
    window = make_window(
        settings=Settings(provider="google", translate_on_open=False), services=routed(servers)
    )
    open_article(window, article_file, analysed=False)
    window.translation_bar.translate_all()
    wait_until(window.root, lambda: settled(window, 3), what="three refusals", timeout=30)
    problems = window.translation_problems
    switch = problems.switch_button
    wait_until(window.root, lambda: switch.winfo_ismapped(), what="the offer of another provider")
    assert switch.cget("text") == "Translate with MyMemory"

    switch.invoke()
    wait_until(
        window.root,
        lambda: (
            settled(window, 3)
            and all(
                t.ok
                for t in window.state.session.translations.values()  # type: ignore[union-attr]
            )
        ),
        what="the article in MyMemory's English",
        timeout=30,
    )
    assert all(line.startswith("MM[") for line in english_lines(window))
    assert window.state.provider_name == "mymemory"
    assert window.translation_bar.provider_box.get() == "MyMemory"
    assert "MyMemory" in window.status.cget("text")
    path = tmp_path / "settings.json"
    wait_until(window.root, lambda: load_settings(path).provider == "mymemory", what="the save")


def test_the_bar_can_be_closed_and_the_translate_menu_retries_too(
    make_window: WindowFactory, article_file: Path, google: FakeTranslator
) -> None:
    google.always = "403"
    window = make_window(
        settings=Settings(provider="google", translate_on_open=False),
        services=routed({"google": google.url + "/", "mymemory": closed_port()}),
    )
    open_article(window, article_file, analysed=False)
    window.translation_bar.translate_all()
    wait_until(window.root, lambda: settled(window, 3), what="three refusals", timeout=30)
    problems = window.translation_problems
    wait_until(window.root, lambda: problems.shown, what="the problem bar")
    problems.close_button.invoke()
    window.root.update()
    assert not problems.shown
    google.always = None
    menu = window.menus["Translate"]
    entries = range(int(menu.index("end") or 0) + 1)
    retry = next(
        i
        for i in entries
        if menu.type(i) == "command" and (menu.entrycget(i, "label") == "Retry Failed Paragraphs")
    )
    menu.invoke(retry)
    wait_until(
        window.root,
        lambda: settled(window, 3) and window.translation_bar.failed_text.get() == "",
        what="the retried paragraphs",
        timeout=30,
    )
    assert window.translation_bar.progress_text.get() == "3 / 3 translated"
