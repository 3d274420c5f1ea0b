"""The Settings dialog: provider, API key (to the OS keyring), endpoint, font size, theme, and
the voice that reads aloud (the bundled one, or a German voice of the system's own).

Values are checked inside the dialog (`entry_ok` shows the problem and keeps the dialog open);
only a valid set is applied. The API key never touches the settings file.
"""

from __future__ import annotations

import logging
import tkinter as tk
from collections.abc import Callable
from dataclasses import dataclass
from tkinter import ttk

from reader.gui.background import Outcome
from reader.gui.state import ReaderState
from reader.gui.translation_bar import provider_choices
from reader.gui.url_dialog import url_problem
from reader.secrets import split_login
from reader.settings import MAX_FONT_SIZE, MIN_FONT_SIZE, THEMES
from reader.speech.voices import (
    VoiceInfo,
    available_voices,
    bundled_voices,
    known_voices,
    voice_name,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChosenSettings:
    provider: str
    api_key: str | None  # None: leave the stored key alone
    endpoint: str | None
    font_size: int
    theme: str
    speech_voice: str | None = None  # None: leave the voice alone


def check_font_size(text: str) -> int | None:
    try:
        size = int(text.strip())
    except ValueError:
        return None
    return size if MIN_FONT_SIZE <= size <= MAX_FONT_SIZE else None


class SettingsDialog(tk.Toplevel):
    def __init__(self, parent: tk.Misc, state: ReaderState) -> None:
        super().__init__(parent)
        self.shared = state
        self.result: ChosenSettings | None = None
        self.title("Settings")
        self.resizable(False, False)
        self.transient(parent.winfo_toplevel())
        self._choices = provider_choices()
        names = {name: display for display, name in self._choices.items()}
        settings = state.settings
        self.provider = tk.StringVar(self, names.get(state.provider_name, state.provider_name))
        self.api_key = tk.StringVar(self, "")
        self.endpoint = tk.StringVar(self, state.endpoint or "")
        self.font_size = tk.StringVar(self, str(settings.font_size))
        self.theme = tk.StringVar(self, settings.theme)
        frame = ttk.Frame(self, padding=18)
        frame.pack(fill="both", expand=True)
        frame.columnconfigure(1, weight=1)
        self._row(frame, 0, "Translation provider")
        self.provider_box = ttk.Combobox(
            frame, textvariable=self.provider, values=list(self._choices), state="readonly"
        )
        self.provider_box.grid(row=0, column=1, sticky="ew", pady=4)
        self._row(frame, 1, "API key")
        self.key_entry = ttk.Entry(frame, textvariable=self.api_key, show="•", width=36)
        self.key_entry.grid(row=1, column=1, sticky="ew", pady=4)
        ttk.Label(
            frame,
            text="Kept in the system keyring; leave empty to keep the stored key.",
            style="Muted.TLabel",
        ).grid(row=2, column=1, sticky="w")
        self._row(frame, 3, "Endpoint (optional)")
        self.endpoint_entry = ttk.Entry(frame, textvariable=self.endpoint)
        self.endpoint_entry.grid(row=3, column=1, sticky="ew", pady=4)
        ttk.Label(
            frame,
            text="A user:password@ in the address is kept in the system keyring.",
            style="Muted.TLabel",
        ).grid(row=4, column=1, sticky="w")
        self._row(frame, 5, "Font size")
        self.size_box = ttk.Spinbox(
            frame, from_=MIN_FONT_SIZE, to=MAX_FONT_SIZE, textvariable=self.font_size, width=6
        )
        self.size_box.grid(row=5, column=1, sticky="w", pady=4)
        self._row(frame, 6, "Theme")
        themes = ttk.Frame(frame)
        themes.grid(row=6, column=1, sticky="w", pady=4)
        for theme in THEMES:
            ttk.Radiobutton(themes, text=theme.title(), value=theme, variable=self.theme).pack(
                side="left", padx=(0, 12)
            )
        self._row(frame, 7, "Voice (reading aloud)")
        self._voices = {info.name: info.id for info in known_voices()}
        self.voice = tk.StringVar(self, voice_name(settings.speech_voice))
        self.voice_box = ttk.Combobox(
            frame, textvariable=self.voice, values=list(self._voices), state="readonly"
        )
        self.voice_box.grid(row=7, column=1, sticky="ew", pady=4)
        self.voice_note = ttk.Label(
            frame, text="Looking for the system's voices…", style="Muted.TLabel"
        )
        self.voice_note.grid(row=8, column=1, sticky="w")
        state.calls.run_in_thread(None, available_voices, self._voices_found, name="voices")
        self.problem = ttk.Label(frame, text="", foreground="#b42318")
        self.problem.grid(row=9, column=0, columnspan=2, sticky="w", pady=(8, 0))
        buttons = ttk.Frame(frame)
        buttons.grid(row=10, column=0, columnspan=2, sticky="e", pady=(12, 0))
        self.ok_button = ttk.Button(buttons, text="Save", style="Accent.TButton", command=self.ok)
        ttk.Button(buttons, text="Cancel", command=self.destroy).pack(side="right")
        self.ok_button.pack(side="right", padx=(0, 8))
        self.bind("<Return>", lambda _e: self.ok())
        self.bind("<Escape>", lambda _e: self.destroy())

    def _voices_found(self, outcome: Outcome[list[VoiceInfo]]) -> None:
        if not self.winfo_exists():
            return  # the dialog was closed meanwhile
        if outcome.value is None:
            log.warning("cannot list the voices: %s", outcome.error)
            self.voice_note.configure(text="The system's voices could not be listed.")
            return
        self._voices = {info.name: info.id for info in outcome.value}
        self.voice_box.configure(values=list(self._voices))
        own = len(outcome.value) - len(bundled_voices())
        self.voice_note.configure(
            text=f"The bundled voice and {own} German voice{'s' * (own != 1)} of this system."
            if own
            else "No German voices of the system's own were found; the bundled ones work."
        )

    def _row(self, frame: ttk.Frame, row: int, text: str) -> None:
        ttk.Label(frame, text=text).grid(row=row, column=0, sticky="w", padx=(0, 12), pady=4)

    def entry_ok(self) -> ChosenSettings | None:
        """The chosen settings, or None after showing what is wrong."""
        provider = self._choices.get(self.provider.get(), self.provider.get())
        endpoint = self.endpoint.get().strip() or None
        if endpoint is not None and url_problem(endpoint):
            self.problem.configure(text="The endpoint must be an http:// or https:// address.")
            return None
        size = check_font_size(self.font_size.get())
        if size is None:
            self.problem.configure(
                text=f"The font size must be a number from {MIN_FONT_SIZE} to {MAX_FONT_SIZE}."
            )
            return None
        self.problem.configure(text="")
        key = self.api_key.get().strip() or None
        voice = self._voices.get(self.voice.get())
        return ChosenSettings(provider, key, endpoint, size, self.theme.get(), voice)

    def ok(self) -> None:
        chosen = self.entry_ok()
        if chosen is None:
            return
        self.result = chosen
        apply_chosen(self.shared, chosen)
        self.destroy()


def apply_chosen(state: ReaderState, chosen: ChosenSettings) -> None:
    """Apply the dialog's values; the API key and an endpoint's login go to the keyring (in the
    background), the rest to the settings."""
    if chosen.api_key is not None:
        provider, key = chosen.provider, chosen.api_key

        def store_key() -> None:
            from reader.translation import store_api_key

            store_api_key(provider, key)

        _keep_in_keyring(
            state,
            store_key,
            saved=f"API key for {provider} saved in the system keyring.",
            failure=(
                "API key not saved",
                "Unlock or set up the keyring, then enter the key again.",
            ),
        )
    previous = state.endpoint
    endpoint, login = split_login(chosen.endpoint) if chosen.endpoint else (None, None)
    voice = {"speech_voice": chosen.speech_voice} if chosen.speech_voice else {}
    state.update_settings(
        provider=chosen.provider,
        endpoint=endpoint,
        font_size=chosen.font_size,
        theme=chosen.theme,
        **voice,
    )
    if endpoint is not None and login is not None:
        state.endpoint_login = login  # for this run, whatever the keyring does

        def store_login() -> None:
            from reader.translation import store_endpoint_login

            store_endpoint_login(endpoint, login)

        _keep_in_keyring(
            state,
            store_login,
            saved="The endpoint's password is saved in the system keyring.",
            failure=(
                "Endpoint password not saved",
                "It is used until the window closes. Unlock or set up the keyring, then enter "
                "the address with the password again.",
            ),
        )
    elif previous is not None and endpoint is None:

        def forget_login() -> None:
            from reader.translation import store_endpoint_login

            store_endpoint_login(previous, None)

        state.calls.run_in_thread(None, forget_login, _logged("cannot remove an endpoint login"))


def _keep_in_keyring(
    state: ReaderState,
    store: Callable[[], None],
    *,
    saved: str,
    failure: tuple[str, str],
) -> None:
    """Run `store` in the background; say in the status bar that it worked, or why not."""

    def stored(outcome: Outcome[None]) -> None:
        error = outcome.error
        if error is None:
            state.set_status(saved)
            return
        title, advice = failure
        log.error("%s", title, exc_info=error)
        state.dialogs.show_error(
            state.root, title, f"It could not be stored in the system keyring ({error}). {advice}"
        )

    state.calls.run_in_thread(None, store, stored)


def _logged(what: str) -> Callable[[Outcome[None]], None]:
    def done(outcome: Outcome[None]) -> None:
        if outcome.error is not None:
            log.warning("%s: %s", what, outcome.error)

    return done


def open_settings(parent: tk.Misc, state: ReaderState) -> SettingsDialog:
    dialog = SettingsDialog(parent, state)
    dialog.grab_set()
    # With the focus left in the main window, Esc and Return would not reach the dialog.
    dialog.key_entry.focus_set()
    return dialog
