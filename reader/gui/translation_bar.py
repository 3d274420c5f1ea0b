"""Translation in the background: provider chooser, progress ("12 / 30 translated"), Cancel.

The progress counts what really arrived in English: offline, fifteen failed paragraphs leave
the bar empty and say "15 failed", and "Retry failed" (the Translate menu, F5's neighbour, and
the problem bar above the English) sends just those again.

The translator calls back from its worker threads; each result is posted to the Tk thread
through the shared call queue, tagged with the run it belongs to. Cancelling, or opening another
article, closes the run, so answers still on their way are dropped.
"""

from __future__ import annotations

import functools
import logging
import tkinter as tk
from collections.abc import Sequence
from dataclasses import dataclass
from tkinter import ttk
from typing import TYPE_CHECKING

from reader.gui import events
from reader.gui.background import ArticleToken, Outcome
from reader.gui.state import ArticleSession, ReaderState
from reader.gui.theme import palette

if TYPE_CHECKING:
    from reader.gui.app import ReaderWindow
    from reader.translation import ParagraphTranslation, TranslationJob

log = logging.getLogger(__name__)


def setup(window: ReaderWindow) -> TranslationBar:
    """The bar at the right of the toolbar, the Translate menu, F5 and Escape."""
    state = window.state
    bar = TranslationBar(window.toolbar, state)
    # Always whole: in a narrow window the toolbar's other buttons give way (into its "More"
    # menu), then the words "Translate with" (the chooser shows the provider's name anyway).
    window.toolbar.add(bar, side="right", padx=(8, 0))
    window.toolbar.add(
        ttk.Label(window.toolbar, text="Translate with"), side="right", padx=(8, 6), drop_order=0
    )
    menu = window.menu("Translate")
    menu.add_command(label="Translate Again", accelerator="F5", command=bar.translate_again)
    menu.add_command(label="Retry Failed Paragraphs", command=bar.retry_failed)
    menu.add_command(label="Cancel Translation", accelerator="Esc", command=bar.cancel)
    provider_menu = tk.Menu(menu, tearoff=False)
    bar.provider_menu_var = choice = tk.StringVar(window.root, state.provider_name)
    for display, name in provider_choices().items():
        provider_menu.add_radiobutton(
            label=display,
            value=name,
            variable=choice,
            command=functools.partial(state.update_settings, provider=name),
        )
    menu.add_cascade(label="Provider", menu=provider_menu)
    state.on(events.SETTINGS_CHANGED, lambda: choice.set(state.provider_name))
    window.bind_key("<F5>", bar.translate_again)
    window.on_escape(bar.cancel_if_running)
    window.on_close(bar.cancel)
    return bar


def provider_choices() -> dict[str, str]:
    """Display name -> provider name, for the chooser."""
    from reader.translation import PROVIDERS

    return {info.display_name: name for name, info in PROVIDERS.items()}


class TranslationRun:
    """One request to the translator: its paragraphs, its job, and whether it still counts."""

    def __init__(self, session: ArticleSession, paragraphs: Sequence[int]) -> None:
        self.session = session
        self.paragraphs = tuple(paragraphs)
        self.token = ArticleToken(f"translation of {session.token.label}")
        self.job: TranslationJob | None = None

    def cancel(self) -> None:
        self.token.close()
        if self.job is not None:
            try:
                self.job.cancel()
            except Exception as error:  # cancelling must never fail the UI
                log.warning("cancelling a translation job failed: %s", error)


class TranslationBar(ttk.Frame):
    def __init__(self, master: tk.Misc, state: ReaderState) -> None:
        super().__init__(master)
        self.shared = state
        self.runs: list[TranslationRun] = []
        self.total = 0
        self.done = 0
        self.failed = 0
        self.progress_text = tk.StringVar(self, "")
        self.provider_var = tk.StringVar(self, "")
        self._choices = provider_choices()
        self.provider_menu_var: tk.StringVar | None = None  # Translate → Provider, if added
        self._build()
        state.on(events.ARTICLE_LOADED, self._article_loaded)
        state.on_data(events.RETRY_REQUESTED, events.RetryParagraph, self._retry_requested)
        state.on(events.RETRY_FAILED, self.retry_failed)
        state.on(events.TRANSLATION_PROGRESS, self._show_progress)
        state.on(events.SETTINGS_CHANGED, self._settings_changed)

    def _build(self) -> None:
        self.provider_box = ttk.Combobox(
            self,
            textvariable=self.provider_var,
            values=list(self._choices),
            width=16,
            state="readonly",
        )
        self.provider_box.pack(side="left")
        self.provider_box.bind("<<ComboboxSelected>>", self._provider_chosen, add=True)
        self.translate_button = ttk.Button(self, text="Translate", command=self.translate_all)
        self.translate_button.pack(side="left", padx=(8, 0))
        self.cancel_button = ttk.Button(self, text="Cancel", command=self.cancel, state="disabled")
        self.cancel_button.pack(side="right", padx=(8, 0))
        self.failed_text = tk.StringVar(self, "")
        # The colour is the widget's own: sv-ttk draws labels in its text colour whatever
        # their style says.
        self.failed_label = ttk.Label(self, textvariable=self.failed_text)
        self.failed_label.pack(side="right", padx=(6, 0))
        self.progress_label = ttk.Label(self, textvariable=self.progress_text, anchor="e")
        self.progress_label.pack(side="right")
        self.progress = ttk.Progressbar(self, length=80, maximum=1)
        self.progress.pack(side="right", padx=(10, 6))
        self._settings_changed()

    def _settings_changed(self) -> None:
        self._show_provider()
        self.failed_label.configure(foreground=palette(self.shared.settings.theme).error)

    def _show_provider(self) -> None:
        name = self.shared.provider_name
        display = next((d for d, n in self._choices.items() if n == name), name)
        self.provider_var.set(display)

    def _provider_chosen(self, _event: tk.Event[tk.Misc]) -> None:
        name = self._choices.get(self.provider_var.get())
        if name and name != self.shared.provider_name:
            self.shared.update_settings(provider=name)
            self.shared.set_status(
                f"Translations now come from {self.provider_var.get()}; F5 translates again."
            )

    @property
    def running(self) -> bool:
        return any(not run.token.closed for run in self.runs)

    # --- starting ---------------------------------------------------------------------------

    def _article_loaded(self) -> None:
        self._drop_runs()
        self.total = self.done = self.failed = 0
        session = self.shared.session
        if session is None:
            return
        # The bundled sample comes with its English; anything else goes to the provider.
        self.shared.calls.run_in_thread(
            session.token, lambda: _bundled_translation(session), self._bundled_loaded
        )
        self._show_progress()

    def _bundled_loaded(self, outcome: Outcome[list[ParagraphTranslation] | None]) -> None:
        session = self.shared.session
        if session is None:
            return
        if outcome.ok and outcome.value:
            for translation in outcome.value:
                session.translations[translation.index] = translation
            self._progress(tuple(translation.index for translation in outcome.value))
            self.shared.set_status(
                "Showing the sample's bundled English (F5 asks your provider instead). "
                "Open an article with Ctrl+O."
            )
        elif self.shared.settings.translate_on_open:
            if outcome.error is not None:
                log.warning("bundled sample translation unavailable: %s", outcome.error)
            self.translate_all()

    def translate_all(self, *, refresh: bool = False) -> None:
        """Translate every paragraph of the open article; `refresh` asks the provider again
        even where the cache (or the sample's bundled English) has an answer."""
        session = self.shared.session
        if session is None:
            return
        self._drop_runs()
        self.translate(range(len(session.document.paragraphs)), refresh=refresh)

    def translate_again(self) -> None:
        self.translate_all(refresh=True)

    def _retry_requested(self, request: events.RetryParagraph) -> None:
        self.translate([request.index])

    def failed_paragraphs(self) -> list[int]:
        """The open article's paragraphs whose translation failed (and is not on its way)."""
        session = self.shared.session
        if session is None:
            return []
        return sorted(
            index
            for index, result in session.translations.items()
            if not result.ok and index not in session.in_flight
        )

    def retry_failed(self) -> None:
        """Send every failed paragraph again (with the provider chosen now)."""
        failed = self.failed_paragraphs()
        if failed:
            self.translate(failed)

    def translate(
        self, paragraphs: Sequence[int], *, refresh: bool = False
    ) -> TranslationRun | None:
        session = self.shared.session
        if session is None or not paragraphs:
            return None
        if not self.running:
            self.total = self.done = self.failed = 0
        run = TranslationRun(session, paragraphs)
        self.runs.append(run)
        self.total += len(run.paragraphs)
        session.in_flight.update(run.paragraphs)
        for index in run.paragraphs:
            session.translations.pop(index, None)
        state = self.shared

        def on_result(result: ParagraphTranslation) -> None:  # called on the translator's threads
            state.calls.post(run.token, lambda: self._arrived(run, result))

        def start() -> TranslationJob:
            from reader.translation import start_translation

            job = start_translation(
                session.document,
                state.translator(),
                on_result,
                cache=state.translation_cache(),
                gate=state.translation_gate,
                paragraphs=run.paragraphs,
                refresh=refresh,
            )
            run.job = job
            if run.token.closed:  # cancelled while starting: `cancel` could not reach the job
                job.cancel()
            return job

        state.calls.run_in_thread(run.token, start, lambda outcome: self._started(run, outcome))
        state.set_status(
            f"Translating {len(run.paragraphs)} paragraphs with {self.provider_var.get()}…"
        )
        self._progress(run.paragraphs)
        self._show_progress()
        return run

    def _started(self, run: TranslationRun, outcome: Outcome[TranslationJob]) -> None:
        job = outcome.value
        if not outcome.ok or job is None:
            log.error("the translation could not start", exc_info=outcome.error)
            self._finish(run, f"Translation could not start: {outcome.error}")
            return
        run.job = job
        # Wait for the job in a thread, so paragraphs it never reported are not left pending.
        self.shared.calls.run_in_thread(
            run.token, lambda: job.wait(None), lambda _outcome: self._finish(run)
        )

    def _arrived(self, run: TranslationRun, result: ParagraphTranslation) -> None:
        session = run.session
        if result.index not in session.in_flight:
            return
        session.in_flight.discard(result.index)
        session.translations[result.index] = result
        self.done += 1
        if not result.ok:
            self.failed += 1
            log.info("paragraph %d not translated: %s", result.index + 1, result.error)
        self._progress((result.index,))
        if not session.in_flight.intersection(run.paragraphs):
            self._finish(run)
        else:
            self._show_progress()

    def _finish(self, run: TranslationRun, problem: str | None = None) -> None:
        if run.token.closed:
            return
        run.token.close()
        run.session.in_flight.difference_update(run.paragraphs)
        if problem:
            self.shared.set_status(problem)
        elif not self.running:
            message = (
                f"Translated {self.done - self.failed} of {self.total} paragraphs "
                f"with {self.provider_var.get()}"
            )
            if self.failed:
                message += f"; {self.failed} failed (Translate → Retry Failed Paragraphs)"
            self.shared.set_status(message + ".")
        self._progress(run.paragraphs)
        self._show_progress()

    # --- stopping ---------------------------------------------------------------------------

    def cancel_if_running(self) -> bool:
        """Cancel if a translation is running; whether one was."""
        running = self.running
        self.cancel()
        return running

    def cancel(self) -> None:
        """Stop translating; paragraphs already shown stay, the rest stay untranslated."""
        if not self.running:
            return
        dropped = self._drop_runs()
        self.shared.set_status("Translation cancelled. F5 translates again.")
        self._progress(dropped)

    def _drop_runs(self) -> tuple[int, ...]:
        """Stop every run; the paragraphs they were translating."""
        dropped: list[int] = []
        for run in self.runs:
            run.cancel()
            run.session.in_flight.difference_update(run.paragraphs)
            dropped += run.paragraphs
        self.runs.clear()
        self._show_progress()
        return tuple(dropped)

    def _progress(self, paragraphs: tuple[int, ...] | None) -> None:
        self.shared.emit(events.TRANSLATION_PROGRESS, events.TranslationProgress(paragraphs))

    def _show_progress(self) -> None:
        running = self.running
        self.runs = [run for run in self.runs if not run.token.closed]
        self.cancel_button.configure(state="normal" if running else "disabled")
        progress = article_progress(self.shared.session)
        # Room for the longest count of this article from the start: the toolbar does not
        # rearrange itself when the translation starts or counts up.
        widest = "" if progress is None else f"{progress.total} / {progress.total} translated"
        self.progress_label.configure(width=len(widest))
        if progress is None or not (running or progress.translated or progress.failed):
            self.progress.configure(maximum=1, value=0)
            self.progress_text.set("")
            self.failed_text.set("")
            return
        # The bar and the count show what really is in English, not what came back.
        self.progress.configure(maximum=progress.total, value=progress.translated)
        self.progress_text.set(f"{progress.translated} / {progress.total} translated")
        self.failed_text.set(f"{progress.failed} failed" if progress.failed else "")


@dataclass(frozen=True)
class ArticleProgress:
    total: int
    translated: int
    failed: int


def article_progress(session: ArticleSession | None) -> ArticleProgress | None:
    """How much of the open article is in English, and how much failed."""
    if session is None:
        return None
    results = session.translations.items()
    translated = sum(1 for _index, result in results if result.ok)
    failed = sum(1 for index, r in results if not r.ok and index not in session.in_flight)
    return ArticleProgress(len(session.document.paragraphs), translated, failed)


def _bundled_translation(session: ArticleSession) -> list[ParagraphTranslation] | None:
    from reader.translation import sample_translation

    result = sample_translation(session.document)
    return None if result is None else list(result)
