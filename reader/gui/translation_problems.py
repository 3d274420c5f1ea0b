"""The bar above the reading view when paragraphs could not be translated.

It says how many failed and why (once, not per paragraph), and offers what can help: "Retry
all" sends the failed paragraphs again; when another provider is set up to work (one that needs
no key, or whose key is stored), "Translate with MyMemory" switches to it, remembers the choice
in the settings and retries with it. Google's free endpoint breaks now and then; a learner
should not have to find the Settings dialog to get on reading.
"""

from __future__ import annotations

import logging
import tkinter as tk
from tkinter import ttk
from typing import TYPE_CHECKING

from reader.gui import events
from reader.gui.background import Outcome
from reader.gui.state import ReaderState
from reader.gui.theme import palette

if TYPE_CHECKING:
    from reader.gui.app import ReaderWindow

log = logging.getLogger(__name__)


def setup(window: ReaderWindow) -> TranslationProblemBar:
    """The bar, shown above the reading view while failed paragraphs wait for a retry."""
    return TranslationProblemBar(window.reading_frame, window.state, above=window.reading_view)


def problem_message(failed: int, total: int, reason: str | None) -> str:
    """ "3 of 15 paragraphs were not translated: <reason>." """
    text = f"{failed} of {total} paragraphs {'was' if failed == 1 else 'were'} not translated"
    return f"{text}: {reason.rstrip('.')}." if reason else f"{text}."


class TranslationProblemBar(ttk.Frame):
    def __init__(self, master: tk.Misc, state: ReaderState, *, above: tk.Widget) -> None:
        super().__init__(master, padding=(12, 6), style="Problem.TFrame")
        self.shared = state
        self.above = above
        self.offered: str | None = None  # the provider "Translate with …" switches to
        self.dismissed_for: tuple[int, ...] | None = None  # the failures the learner closed
        self._configured: list[str] | None = None  # providers that can work; None: not known
        self._asking = False
        self.message = ttk.Label(self, text="", justify="left")
        self.close_button = ttk.Button(self, text="✕", width=3, command=self.dismiss)
        self.close_button.pack(side="right", padx=(6, 0))
        self.switch_button = ttk.Button(self, text="", command=self.switch_provider)
        self.retry_button = ttk.Button(
            self, text="Retry all", style="Accent.TButton", command=self.retry_all
        )
        self.retry_button.pack(side="right", padx=(6, 0))
        self.message.pack(side="left", fill="x", expand=True)
        self.message.bind("<Configure>", self._rewrap, add=True)
        self._recolour()
        state.on(events.TRANSLATION_PROGRESS, self.refresh)
        state.on(events.ARTICLE_LOADED, self._article_loaded)
        state.on(events.SETTINGS_CHANGED, self._settings_changed)

    # --- what it shows ------------------------------------------------------------------------

    def failed(self) -> list[int]:
        session = self.shared.session
        if session is None or session.in_flight:  # still translating: wait for the end
            return []
        return sorted(i for i, result in session.translations.items() if not result.ok)

    def refresh(self) -> None:
        failed = self.failed()
        session = self.shared.session
        if not failed or session is None or self.dismissed_for == tuple(failed):
            self.hide()
            return
        first = session.translations[failed[0]]
        total = len(session.document.paragraphs)
        self.message.configure(text=problem_message(len(failed), total, first.error))
        self._offer_provider()
        if not self.winfo_manager():
            self.pack(fill="x", before=self.above)
            self.lower(self.above)  # Tab reaches it before the text it is about

    def hide(self) -> None:
        if self.winfo_manager():
            self.pack_forget()

    @property
    def shown(self) -> bool:
        return bool(self.winfo_manager())

    def _offer_provider(self) -> None:
        """Show "Translate with …" for the next configured provider (found off the Tk thread:
        reading the keyring may block)."""
        if self._configured is None:
            self.switch_button.pack_forget()
            self._find_configured()
            return
        from reader.translation.catalogue import provider_info
        from reader.translation.fallback import next_provider

        self.offered = next_provider(self.shared.provider_name, self._configured)
        if self.offered is None:
            self.switch_button.pack_forget()
            return
        name = provider_info(self.offered).display_name
        self.switch_button.configure(text=f"Translate with {name}")
        if not self.switch_button.winfo_manager():
            self.switch_button.pack(side="right", padx=(6, 0), before=self.retry_button)

    def _find_configured(self) -> None:
        if self._asking:
            return
        self._asking = True

        def find() -> list[str]:
            from reader.translation import api_key_for
            from reader.translation.fallback import configured_providers

            return configured_providers(api_key_for)

        def found(outcome: Outcome[list[str]]) -> None:
            self._asking = False
            if not outcome.ok or outcome.value is None:
                log.warning("cannot list the configured providers: %s", outcome.error)
                self._configured = []
            else:
                self._configured = outcome.value
            if self.shown:
                self._offer_provider()

        self.shared.calls.run_in_thread(None, find, found, name="configured-providers")

    # --- what it does -------------------------------------------------------------------------

    def retry_all(self) -> None:
        self.hide()
        self.shared.emit(events.RETRY_FAILED)

    def switch_provider(self) -> None:
        """Translate with the offered provider from now on (saved), starting with what failed."""
        chosen = self.offered
        if chosen is None:
            return
        from reader.translation.catalogue import provider_info

        changes: dict[str, object] = {"provider": chosen}
        if self.shared.endpoint:  # the failed provider's own address is no use to another
            changes["endpoint"] = None
        self.shared.update_settings(**changes)
        self.shared.set_status(
            f"Translations now come from {provider_info(chosen).display_name} "
            "(saved; Settings or the chooser change it back)."
        )
        self.retry_all()

    def dismiss(self) -> None:
        """Hide the bar until something else fails."""
        self.dismissed_for = tuple(self.failed())
        self.hide()

    # --- keeping up ---------------------------------------------------------------------------

    def _article_loaded(self) -> None:
        self.dismissed_for = None
        self.hide()

    def _settings_changed(self) -> None:
        self._configured = None  # a key stored in Settings makes a provider usable
        self._recolour()
        if self.shown:
            self._offer_provider()

    def _rewrap(self, event: tk.Event[tk.Misc]) -> None:
        if int(str(self.message.cget("wraplength") or 0)) != event.width:
            self.message.configure(wraplength=max(120, event.width))

    def _recolour(self) -> None:
        colours = palette(self.shared.settings.theme)
        ttk.Style(self).configure("Problem.TFrame", background=colours.warning)
        # The label's own colours: sv-ttk draws labels in its colours whatever the style says.
        self.message.configure(background=colours.warning, foreground=colours.text)
