"""What the panels share: the open article and its results, settings, the translator's parts.

Panels never reach into each other's widgets. They read this state and announce changes with
the virtual events of `events` (bound with add=True), so a new panel only has to listen.
"""

from __future__ import annotations

import logging
import threading
import tkinter as tk
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.document import Document
from reader.gui import events
from reader.gui.background import ArticleToken, TkCallQueue
from reader.gui.events import Data, VirtualEvents
from reader.secrets import split_login
from reader.settings import Settings, save_settings

if TYPE_CHECKING:
    from reader.glossary import Glossary, TermMatch
    from reader.gui.dialogs import Dialogs
    from reader.gui.paragraph_marks import TermPlaces
    from reader.readability import ReadabilityReport
    from reader.translation import (
        ParagraphTranslation,
        ProviderSettings,
        RequestGate,
        Timeouts,
        TranslationCache,
        Translator,
    )

    # Builds the translator for the chosen provider (tests hand in fakes).
    TranslatorFactory = Callable[[ProviderSettings, Timeouts | None], Translator]

log = logging.getLogger(__name__)


@dataclass
class ArticleSession:
    """One open article and everything computed for it so far."""

    document: Document
    token: ArticleToken
    readability: ReadabilityReport | None = None
    terms: list[TermMatch] | None = None
    term_places: TermPlaces | None = None  # the terms' occurrences by paragraph
    analysis_error: str | None = None
    analysed: bool = False  # terms and readability both in (or failed)
    # While a long text's analysis runs: the terms and figures so far are those of its first
    # `partial` paragraphs (None: of the whole text, or none yet).
    partial: int | None = None
    translations: dict[int, ParagraphTranslation] = field(default_factory=dict)
    # Paragraphs sent to the translator whose answer has not arrived yet.
    in_flight: set[int] = field(default_factory=set)


class ReaderState:
    """Shared by the window's panels; lives as long as the window."""

    def __init__(
        self,
        root: tk.Tk,
        settings: Settings,
        dialogs: Dialogs,
        *,
        provider: str | None = None,
        endpoint: str | None = None,
        settings_file: Path | None = None,
        translator_for: TranslatorFactory | None = None,
    ) -> None:
        from reader.translation import RequestGate

        self.root = root
        self.settings = settings
        self.dialogs = dialogs
        self.calls = TkCallQueue(root)
        self.session: ArticleSession | None = None
        self.events = VirtualEvents(root)
        # Glossary category ids in a stable order (colours are assigned by position).
        self.categories: tuple[str, ...] = ()
        self.glossary: Glossary | None = None  # loaded in the background
        # --provider/--endpoint from the command line apply to this run only. A login in the
        # endpoint is held apart, in memory: it is never shown, logged or saved.
        self.provider_override = provider
        self.endpoint_override: str | None = None
        self.endpoint_login: str | None = None
        if endpoint:
            self.endpoint_override, self.endpoint_login = split_login(endpoint)
        self._saver = SettingsSaver(settings_file)
        self._translator_for = translator_for
        # One bound on requests per provider for all of the window's translation jobs.
        self.translation_gate: RequestGate = RequestGate()
        # How many messages the status bar has shown: background work that reports late can
        # see whether something newer was said meanwhile.
        self.statuses_shown = 0

    # --- events -----------------------------------------------------------------------------

    def emit(self, event: str, data: object | None = None) -> None:
        self.events.emit(event, data)

    def on(self, event: str, callback: Callable[[], object]) -> None:
        self.events.on(event, callback)

    def on_data(self, event: str, kind: type[Data], callback: Callable[[Data], object]) -> None:
        self.events.on_data(event, kind, callback)

    # --- article ------------------------------------------------------------------------------

    def show_document(self, document: Document) -> ArticleSession:
        """Make `document` the open article; work still running for the old one is dropped."""
        if self.session is not None:
            self.session.token.close()
        self.session = ArticleSession(document=document, token=ArticleToken(_label(document)))
        self.emit(events.ARTICLE_LOADED)
        return self.session

    def set_status(self, text: str) -> None:
        self.statuses_shown += 1
        self.emit(events.STATUS_CHANGED, events.StatusChanged(text))

    # --- settings ---------------------------------------------------------------------------

    def update_settings(self, **changes: Any) -> None:
        self.settings = replace(self.settings, **changes)
        if "provider" in changes:
            self.provider_override = None
        if "endpoint" in changes:
            self.endpoint_override = None
            self.endpoint_login = None  # it belonged to the endpoint replaced
        self.emit(events.SETTINGS_CHANGED)

    def save_settings(self, *, wait: bool = False) -> None:
        """Write the settings in the background (the write syncs to disk, which can be slow)."""
        self._saver.save(self.settings)
        if wait:
            self._saver.wait()

    @property
    def provider_name(self) -> str:
        return self.provider_override or self.settings.provider

    @property
    def endpoint(self) -> str | None:
        if self.endpoint_override is not None:
            return self.endpoint_override
        return self.settings.endpoint

    @property
    def provider_display_name(self) -> str:
        """ "DeepL", "Google Translate", … (the provider's name when it is unknown)."""
        try:
            from reader.translation import provider_info

            return str(provider_info(self.provider_name).display_name)
        except Exception:  # an unknown name from the command line or an old settings file
            return self.provider_name

    def provider_settings(self) -> ProviderSettings:
        from reader.translation import ProviderSettings, api_key_for, with_endpoint_login

        name = self.provider_name
        try:
            key = api_key_for(name)
        except Exception as error:  # a locked or missing keyring: translate without a key
            log.warning("cannot read the API key for %s: %s", name, error)
            key = None
        settings = ProviderSettings(
            name=name, endpoint=self.endpoint, api_key=key, endpoint_login=self.endpoint_login
        )
        return with_endpoint_login(settings)

    def translator(self, timeouts: Timeouts | None = None) -> Translator:
        """The chosen provider's translator. Call it on a worker thread: reading the API key
        from the keyring may block. Raises `SettingsError` for impossible settings."""
        settings = self.provider_settings()
        if self._translator_for is not None:
            return self._translator_for(settings, timeouts)
        from reader.translation import DeepTranslator

        return DeepTranslator(settings, timeouts)

    def translation_cache(self) -> TranslationCache | None:
        """The user's translation cache (None when unusable); opens it on first use."""
        from reader.translation import user_cache

        return user_cache()


def display_title(document: Document) -> str:
    """The article's name for the window title and the reading view's heading."""
    if document.title:
        return document.title
    source = document.source
    if source.path is not None:
        return source.path.name
    if source.url:
        return source.url
    return "Pasted text" if source.format == "clipboard" else "Article"


def _label(document: Document) -> str:
    if document.title:
        return document.title
    if document.source.path is not None:
        return document.source.path.name
    return document.source.url or document.source.format


class SettingsSaver:
    """Writes settings on one background thread, always the newest version, in order."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._pending: Settings | None = None
        self._writer: threading.Thread | None = None

    def save(self, settings: Settings) -> None:
        with self._lock:
            self._pending = settings
            if self._writer is None:
                self._writer = threading.Thread(
                    target=self._write_pending, name="reader-settings", daemon=True
                )
                self._writer.start()

    def wait(self, timeout: float = 5.0) -> None:
        with self._lock:
            writer = self._writer
        if writer is not None:
            writer.join(timeout)

    def _write_pending(self) -> None:
        while True:
            with self._lock:
                settings, self._pending = self._pending, None
                if settings is None:
                    self._writer = None
                    return
            try:
                save_settings(settings, self._path)
            except OSError as error:
                log.warning("cannot save settings: %s", error)
