"""Translation in the background: provider chooser, progress ("12 / 30 translated"), Cancel.

What is being read is translated: the paragraphs in view first, then a look-ahead of a few
screens below them, following the reading position (<<ReadingPosition>>) as the reader scrolls,
so a book costs the requests for the pages read, not for all of it. Translate → Translate the
Whole Article sends the rest, and says how many requests that will be.

The progress counts what really arrived in English of what was asked for: offline, fifteen
failed paragraphs leave the bar empty and say "15 failed", and "Retry failed" (the Translate
menu, F5's neighbour, and the problem bar above the English) sends just those again.

The translator calls back from its worker threads; each result is posted to the Tk thread
through the shared call queue, tagged with the run it belongs to. Cancelling, or opening another
article, closes the run, so answers still on their way are dropped; cancelling also stops
following the reader until Translate (or F5) is chosen again.
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
from reader.gui.viewport import VisibleParagraphs

if TYPE_CHECKING:
    from reader.gui.app import ReaderWindow
    from reader.translation import ParagraphTranslation, RequestEstimate, TranslationJob

log = logging.getLogger(__name__)

WHOLE_ARTICLE = "Translate the Whole Article"
# A run for paragraphs this far from what the reader now reads is cancelled when the reader
# jumps elsewhere (in look-aheads): its answers would arrive for pages nobody looks at.
STALE_DISTANCE = 2


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
    menu.configure(postcommand=bar.count_whole_article)
    menu.add_checkbutton(
        label="Translate What I Read", variable=bar.following_var, command=bar.follow_toggled
    )
    menu.add_command(label=WHOLE_ARTICLE, command=bar.translate_all)
    bar.whole_article_entry = (menu, menu.index("end") or 0)
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

    def __init__(
        self, session: ArticleSession, paragraphs: Sequence[int], *, follows: bool = False
    ) -> None:
        self.session = session
        self.paragraphs = tuple(paragraphs)
        self.follows = follows  # asked for by the reading position (may go stale)
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
        self.requested: set[int] = set()  # this article's paragraphs asked for
        self.following_var = tk.BooleanVar(self, False)
        self.position: VisibleParagraphs | None = None
        self.whole_article: RequestEstimate | None = None
        self.whole_article_entry: tuple[tk.Menu, int] | None = None  # Translate → Whole …
        self._counting: ArticleToken | None = None
        self._estimate_stale = True
        self.progress_text = tk.StringVar(self, "")
        self.provider_var = tk.StringVar(self, "")
        self._choices = provider_choices()
        self.provider_menu_var: tk.StringVar | None = None  # Translate → Provider, if added
        self._build()
        state.on(events.ARTICLE_LOADED, self._article_loaded)
        state.on_data(events.RETRY_REQUESTED, events.RetryParagraph, self._retry_requested)
        state.on(events.RETRY_FAILED, self.retry_failed)
        state.on_data(events.READING_POSITION, VisibleParagraphs, self._position_changed)
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
        self.translate_button = ttk.Button(self, text="Translate", command=self.translate_reading)
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
        self._estimate_stale = True  # another provider: another cache and request size

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

    @property
    def following(self) -> bool:
        """Whether the paragraphs being read are translated as the reader goes."""
        return self.following_var.get()

    # --- starting ---------------------------------------------------------------------------

    def _article_loaded(self) -> None:
        self._drop_runs()
        self.requested.clear()
        self.position = None
        self.whole_article = None
        if self._counting is not None:
            self._counting.close()
            self._counting = None
        self._estimate_stale = True
        self._show_whole_article()
        session = self.shared.session
        if session is None:
            return
        self.following_var.set(False)
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
        else:
            if outcome.error is not None:
                log.warning("bundled sample translation unavailable: %s", outcome.error)
            if self.shared.settings.translate_on_open:
                self.translate_reading()

    def translate_reading(self) -> None:
        """Translate the paragraphs in view and a few screens ahead, and follow the reader."""
        self.following_var.set(True)
        self._follow()

    def follow_toggled(self) -> None:
        if self.following:
            self._follow()

    def _position_changed(self, position: VisibleParagraphs) -> None:
        session = self.shared.session
        if session is None or position.count > len(session.document.paragraphs):
            return
        self.position = position
        if self.following:
            self._drop_stale_runs(position)
            self._follow()

    def _follow(self, *, refresh: bool = False) -> None:
        """Ask for the paragraphs in view and ahead that have no translation yet."""
        session = self.shared.session
        position = self.position
        if session is None:
            return
        wanted = position.look_ahead() if position is not None else range(0)
        if refresh:
            missing = [i for i in wanted if i not in session.in_flight]
        else:
            missing = [
                i for i in wanted if i not in session.translations and i not in session.in_flight
            ]
        if missing:
            self.translate(missing, refresh=refresh, follows=True)

    def translate_all(self, *, refresh: bool = False) -> None:
        """Translate every paragraph of the open article; `refresh` asks the provider again
        even where the cache (or the sample's bundled English) has an answer."""
        session = self.shared.session
        if session is None:
            return
        self._drop_runs()
        self.translate(range(len(session.document.paragraphs)), refresh=refresh)

    def translate_again(self) -> None:
        """F5: ask the provider anew for what is being read (not the cache), and follow."""
        self._drop_runs()
        self.following_var.set(True)
        if self.position is None:
            session = self.shared.session
            if session is not None:  # nothing announced yet (a window never drawn)
                self.translate(range(len(session.document.paragraphs)), refresh=True)
            return
        self._follow(refresh=True)

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
        self, paragraphs: Sequence[int], *, refresh: bool = False, follows: bool = False
    ) -> TranslationRun | None:
        session = self.shared.session
        if session is None or not paragraphs:
            return None
        run = TranslationRun(session, paragraphs, follows=follows)
        self.runs.append(run)
        self.requested.update(run.paragraphs)
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
            f"Translating {_paragraphs(len(run.paragraphs))} with {self.provider_var.get()}…"
        )
        self._progress(run.paragraphs)
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
        if not result.ok:
            log.info("paragraph %d not translated: %s", result.index + 1, result.error)
        self._progress((result.index,))
        if not session.in_flight.intersection(run.paragraphs):
            self._finish(run)

    def _finish(self, run: TranslationRun, problem: str | None = None) -> None:
        if run.token.closed:
            return
        run.token.close()
        run.session.in_flight.difference_update(run.paragraphs)
        if problem:
            self.shared.set_status(problem)
        elif not self.running:
            progress = self.progress_of(run.session)
            message = (
                f"Translated {progress.translated} of {_paragraphs(progress.total)} "
                f"with {self.provider_var.get()}"
            )
            if progress.failed:
                message += f"; {progress.failed} failed (Translate → Retry Failed Paragraphs)"
            self.shared.set_status(message + ".")
        self._progress(run.paragraphs)

    # --- the whole article ----------------------------------------------------------------------

    def count_whole_article(self) -> None:
        """Count, off the Tk thread, the requests translating the rest would send (when the
        Translate menu opens: the count changes with every paragraph translated)."""
        session = self.shared.session
        if session is None or not self._estimate_stale or self._counting is not None:
            return
        self._estimate_stale = False
        counting = self._counting = ArticleToken("counting requests")
        self.whole_article = None
        self._show_whole_article(counting=True)
        translated = frozenset(session.translations)
        rest = [i for i in range(len(session.document.paragraphs)) if i not in translated]
        state = self.shared

        def count() -> RequestEstimate:
            from reader.translation import estimate_requests

            return estimate_requests(
                session.document,
                state.translator(),
                cache=state.translation_cache(),
                paragraphs=rest,
            )

        def counted(outcome: Outcome[RequestEstimate]) -> None:
            if counting.closed or self.shared.session is not session:
                return
            self._counting = None
            if outcome.ok:
                self.whole_article = outcome.value
            else:
                log.info("cannot count the requests: %s", outcome.error)
                self.whole_article = None
            self._show_whole_article()

        state.calls.run_in_thread(session.token, count, counted, name="reader-counting")

    def _show_whole_article(self, *, counting: bool = False) -> None:
        if self.whole_article_entry is None:
            return
        menu, index = self.whole_article_entry
        estimate = self.whole_article
        if counting:
            label = f"{WHOLE_ARTICLE} (counting the requests…)"
        elif estimate is None:
            label = WHOLE_ARTICLE
        elif estimate.requests:
            label = f"{WHOLE_ARTICLE} ({_requests(estimate.requests)} to {self._provider_name})"
        else:
            label = f"{WHOLE_ARTICLE} (no requests: the rest is cached)"
        menu.entryconfigure(index, label=label)

    @property
    def _provider_name(self) -> str:
        return self.shared.provider_display_name

    # --- stopping ---------------------------------------------------------------------------

    def cancel_if_running(self) -> bool:
        """Cancel if a translation is running; whether one was."""
        running = self.running
        self.cancel()
        return running

    def cancel(self) -> None:
        """Stop translating (and following the reader); paragraphs already shown stay, the
        rest stay untranslated."""
        self.following_var.set(False)
        if not self.running:
            return
        dropped = self._drop_runs()
        self.shared.set_status("Translation cancelled. Translate or F5 starts again.")
        self._progress(dropped)

    def _drop_stale_runs(self, position: VisibleParagraphs) -> None:
        """Cancel look-ahead runs for pages far from where the reader now is."""
        wanted = position.look_ahead()
        margin = STALE_DISTANCE * len(wanted)
        near = range(max(0, wanted.start - margin), wanted.stop + margin)
        stale = [
            run
            for run in self.runs
            if run.follows
            and not run.token.closed
            and not any(index in near for index in run.paragraphs)
        ]
        dropped: list[int] = []
        for run in stale:
            run.cancel()
            dropped += self._forget_waiting(run)
        if stale:
            self.runs = [run for run in self.runs if not run.token.closed]
            self._progress(tuple(dropped))

    def _drop_runs(self) -> tuple[int, ...]:
        """Stop every run; the paragraphs they were translating."""
        dropped: list[int] = []
        for run in self.runs:
            run.cancel()
            dropped += self._forget_waiting(run)
        self.runs.clear()
        self._show_progress()
        return tuple(dropped)

    def _forget_waiting(self, run: TranslationRun) -> list[int]:
        """The run's paragraphs still waiting: no longer on their way, nor asked for."""
        waiting = [index for index in run.paragraphs if index in run.session.in_flight]
        run.session.in_flight.difference_update(waiting)
        self.requested.difference_update(waiting)
        return waiting

    def _progress(self, paragraphs: tuple[int, ...] | None) -> None:
        self._estimate_stale = True
        self.shared.emit(events.TRANSLATION_PROGRESS, events.TranslationProgress(paragraphs))
        self._show_progress()

    def progress_of(self, session: ArticleSession) -> ArticleProgress:
        """How much of what was asked for (or came with the article) is in English."""
        return article_progress(session, self.requested)

    def _show_progress(self) -> None:
        running = self.running
        self.runs = [run for run in self.runs if not run.token.closed]
        self.cancel_button.configure(state="normal" if running else "disabled")
        session = self.shared.session
        if session is None:
            self.progress_text.set("")
            self.failed_text.set("")
            return
        # Room for the longest count of this article from the start: the toolbar does not
        # rearrange itself when the translation starts or counts up.
        most = len(session.document.paragraphs)
        self.progress_label.configure(width=len(f"{most} / {most} translated"))
        progress = self.progress_of(session)
        if not (running or progress.translated or progress.failed):
            self.progress.configure(maximum=1, value=0)
            self.progress_text.set("")
            self.failed_text.set("")
            return
        # The bar and the count show what really is in English, not what came back.
        self.progress.configure(maximum=max(1, progress.total), value=progress.translated)
        self.progress_text.set(f"{progress.translated} / {progress.total} translated")
        self.failed_text.set(f"{progress.failed} failed" if progress.failed else "")


@dataclass(frozen=True)
class ArticleProgress:
    total: int  # paragraphs asked for, or that came with their English (the sample's)
    translated: int
    failed: int


def article_progress(session: ArticleSession, requested: set[int]) -> ArticleProgress:
    """How much of what was asked for is in English, and how much failed."""
    results = session.translations
    translated = sum(1 for result in results.values() if result.ok)
    failed = sum(1 for index, r in results.items() if not r.ok and index not in session.in_flight)
    asked = len(requested) + sum(1 for index in results if index not in requested)
    return ArticleProgress(asked, translated, failed)


def _paragraphs(count: int) -> str:
    return f"{count} paragraph{'s' * (count != 1)}"


def _requests(count: int) -> str:
    return f"{count} request{'s' * (count != 1)}"


def _bundled_translation(session: ArticleSession) -> list[ParagraphTranslation] | None:
    from reader.translation import sample_translation

    result = sample_translation(session.document)
    return None if result is None else list(result)
