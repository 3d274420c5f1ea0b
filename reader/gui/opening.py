"""Opening articles: File → Open, recent files, Open URL…, paste, drop, the bundled sample.

Loading runs in a thread. A failure is the user's to act on, so it gets a short dialog saying
what to do, and the article already open stays. Only the newest request counts: opening two
files quickly shows the second, never the slower one. A long text file's first paragraphs are
shown before the rest is loaded (`reader.loading.preview`, <<ArticlePreview>>).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from reader.document import Document, Source
from reader.errors import LoadError
from reader.gui import events
from reader.gui.background import ArticleToken, Outcome
from reader.gui.state import ReaderState
from reader.paths import PACKAGE_DATA
from reader.settings import with_recent_file, without_recent_file

log = logging.getLogger(__name__)

SAMPLE_ARTICLE = PACKAGE_DATA / "sample_article.de.md"
URL_TIMEOUT_S = 20.0
PREVIEW_WAIT_S = 0.2


class ArticleOpener:
    def __init__(self, state: ReaderState) -> None:
        self.state = state
        self._request: ArticleToken | None = None
        self.loading = False
        self._previewed = False  # a preview is on screen in place of the open article

    # --- what the menus call -----------------------------------------------------------------

    def choose_file(self) -> None:
        from reader.gui.dialogs import start_folder
        from reader.paths import usual_article_folders

        folder = start_folder(self.state.settings.last_folder, usual_article_folders())
        chosen = self.state.dialogs.ask_open_path(self.state.root, folder)
        if chosen:
            path = Path(chosen)
            self.state.update_settings(last_folder=str(path.parent))
            self.open_path(path)

    def choose_url(self) -> None:
        url = self.state.dialogs.ask_url(self.state.root)
        if url:
            self.open_url(url)

    def open_sample(self) -> None:
        if SAMPLE_ARTICLE.exists():
            self.open_path(SAMPLE_ARTICLE, remember=False)
        else:
            self.state.set_status("Open an article with Ctrl+O, drop a file here, or paste text.")

    def open_path(self, path: Path, *, remember: bool = True) -> None:
        def load() -> Document:
            from reader.loading import load_path

            return load_path(path)

        def preview() -> Document | None:
            from reader.loading.preview import preview_path

            return preview_path(path)

        self._load(
            f"Opening {path.name}…",
            load,
            f"Cannot open {path.name}",
            path if remember else None,
            preview,
        )

    def open_recent(self, name: str) -> None:
        if not Path(name).exists():
            self.state.update_settings(
                recent_files=without_recent_file(self.state.settings, name).recent_files
            )
            self.state.dialogs.show_error(
                self.state.root,
                "File not found",
                f"{name} no longer exists. It was removed from the recent files; "
                "use File → Open to find it.",
            )
            return
        self.open_path(Path(name))

    def open_dropped(self, paths: list[Path]) -> None:
        self.open_path(paths[0])

    def open_url(self, url: str) -> None:
        def load() -> Document:
            from reader.loading import load_url

            return load_url(url, timeout=URL_TIMEOUT_S)

        from reader.secrets import without_url_login

        shown = without_url_login(url)
        self._load(f"Downloading {shown}…", load, "Cannot open the address", None)

    def paste(self) -> None:
        try:
            text = self.state.root.clipboard_get()
        except Exception:
            text = ""
        if not text.strip():  # nothing went wrong: an information, not an error
            self.state.dialogs.show_info(
                self.state.root,
                "Nothing to paste",
                "The clipboard holds no text.\n\nCopy some German text, then paste again.",
            )
            return

        def load() -> Document:
            from reader.loading import load_text

            return load_text(text, Source(path=None, format="clipboard"))

        self._load("Reading the pasted text…", load, "Cannot use the pasted text", None)

    # --- loading ----------------------------------------------------------------------------

    def _load(
        self,
        status: str,
        load: Callable[[], Document],
        failure_title: str,
        remember: Path | None,
        preview: Callable[[], Document | None] | None = None,
    ) -> None:
        if self._request is not None:
            self._request.close()
        request = self._request = ArticleToken(status)
        self.loading = True
        self.state.set_status(status)

        def work() -> Document:
            beginning = preview() if preview is not None else None
            if beginning is not None:
                shown = threading.Event()

                def show() -> None:
                    self._show_preview(beginning)
                    # Once Tk has drawn it (its redrawing waits for the event loop's idle time).
                    self.state.root.after_idle(shown.set)

                self.state.calls.post(request, show)
                # Loading the rest holds the GIL most of the time, which would make each of the
                # Tk thread's calls drawing the preview wait: the preview goes first.
                shown.wait(PREVIEW_WAIT_S)
            return load()

        self.state.calls.run_in_thread(
            request, work, lambda outcome: self._loaded(outcome, failure_title, remember)
        )

    def _show_preview(self, beginning: Document) -> None:
        self._previewed = True
        self.state.emit(events.ARTICLE_PREVIEW, events.ArticlePreview(beginning))

    def _loaded(
        self, outcome: Outcome[Document], failure_title: str, remember: Path | None
    ) -> None:
        self.loading = False
        self._request = None
        if outcome.error is not None or outcome.value is None:
            if self._previewed:  # the open article goes back on screen
                self._previewed = False
                self.state.emit(events.ARTICLE_PREVIEW, events.ArticlePreview(None))
            self._failed(outcome.error, failure_title)
            return
        document = outcome.value
        if remember is not None:
            self.state.update_settings(
                recent_files=with_recent_file(self.state.settings, remember).recent_files
            )
        self._previewed = False
        self.state.show_document(document)
        warnings = document.warnings
        self.state.set_status(
            warnings[0] if warnings else f"{len(document.paragraphs)} paragraphs."
        )

    def _failed(self, error: BaseException | None, title: str) -> None:
        stays = " The open article stays." if self.state.session is not None else ""
        if isinstance(error, LoadError):
            message = f"{error}\n\nChoose another file or address.{stays}"
            log.info("%s: %s", title, error)
        else:
            log.error("%s", title, exc_info=error)
            message = (
                f"Something unexpected went wrong ({type(error).__name__}).{stays} "
                "The log file has the details."
            )
        self.state.set_status(f"{title}.")
        self.state.dialogs.show_error(self.state.root, title, message)
