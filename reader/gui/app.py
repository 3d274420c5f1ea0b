"""The main window's core: toolbar, menus, panes, keys and status bar; then the features.

Each feature lives in its own module and attaches itself the same way, with its module's
`setup(window)` (as Porcupine's plugins do): it packs its widgets into the places the core
offers (`toolbar`, `reading_frame`, `side_pane`), adds menu entries (`menu(label)`), keys
(`bind_key`, `on_escape`) and clean-up (`on_close`), and talks to the others through
`ReaderState` and the virtual events of `events`. This module owns the window's life.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import tkinter as tk
from collections.abc import Callable
from pathlib import Path
from tkinter import messagebox, ttk
from types import TracebackType

from reader import __version__
from reader.document import Document
from reader.gui import (
    article_analysis,
    contents_bar,
    events,
    find_bar,
    glossary_panel,
    keyboard,
    library_window,
    readability_panel,
    reading_aloud,
    reading_view,
    translation_bar,
    translation_problems,
    vocabulary_window,
    word_card,
    word_status,
)
from reader.gui.dialogs import Dialogs
from reader.gui.opening import ArticleOpener
from reader.gui.pane_layout import PaneLayout
from reader.gui.services import SharedLearnerStore, SharedVocabulary, WindowServices
from reader.gui.settings_dialog import open_settings
from reader.gui.state import ReaderState, display_title
from reader.gui.theme import UI_FAMILIES, apply_ttk_theme, colour_menu, first_family, palette
from reader.gui.toolbar import Toolbar
from reader.gui.window_frame import TITLE, dress_window
from reader.settings import Settings, clamp_font_size

log = logging.getLogger(__name__)


class ReaderWindow:
    """The whole window on a Tk root; `state` is what tests and panels share."""

    def __init__(
        self,
        root: tk.Tk,
        settings: Settings,
        dialogs: Dialogs,
        *,
        provider: str | None = None,
        endpoint: str | None = None,
        settings_file: Path | None = None,
        services: WindowServices | None = None,
    ) -> None:
        self.root = root
        self.services = services = services or WindowServices()
        root.report_callback_exception = self.report_callback_exception
        self.state = state = ReaderState(
            root,
            settings,
            dialogs,
            provider=provider,
            endpoint=endpoint,
            settings_file=settings_file,
            translator_for=services.translator_for,
        )
        self.vocabulary = SharedVocabulary(services.vocabulary)
        self.learner = SharedLearnerStore(services.learner_store)
        self._escape_handlers: list[Callable[[], bool]] = []
        self._close_handlers: list[Callable[[], object]] = [
            self.vocabulary.close,
            self.learner.close,
        ]
        self._theme = settings.theme
        dress_window(root, settings)
        apply_ttk_theme(root, settings.theme)
        self._configure_styles()
        self.opener = ArticleOpener(state)
        self._build()
        self._build_menu()
        self._bind_keys()
        self._attach_features()
        self._colour_menus()  # the features' menus too
        # sv-ttk colours menus its own grey when its theme-change event comes round (after
        # this, at start-up): colour them again after it.
        self._menus_pending: str | None = None
        root.bind_class("Menu", "<<ThemeChanged>>", self._recolour_menus_soon, add="+")
        state.on_data(events.STATUS_CHANGED, events.StatusChanged, self._show_status)
        state.on(events.SETTINGS_CHANGED, self._settings_changed)
        state.on(events.ARTICLE_LOADED, self._article_loaded)
        state.on_data(events.ARTICLE_PREVIEW, events.ArticlePreview, self._article_previewed)
        # The rare words arrive with the analysis and make the readability report taller.
        state.on(events.ANALYSIS_READY, self.panes.fit_upper_side_panel)
        root.protocol("WM_DELETE_WINDOW", self.close)
        self._answer_the_macos_application_menu()
        self._closed = False

    # --- building ---------------------------------------------------------------------------

    def _configure_styles(self) -> None:
        style = ttk.Style(self.root)
        colours = palette(self.state.settings.theme)
        family = first_family(self.root, UI_FAMILIES, "TkDefaultFont")
        style.configure("Caption.TLabel", font=(family, 9, "bold"), foreground=colours.muted)
        style.configure("Muted.TLabel", foreground=colours.muted)
        style.configure("Band.TLabel", font=(family, 11, "bold"))
        style.configure("Status.TLabel", foreground=colours.muted, padding=(12, 4))

    def _build(self) -> None:
        state = self.state
        toolbar = Toolbar(self.root)
        toolbar.pack(fill="x")
        open_button = ttk.Button(toolbar, text="Open…", command=self.opener.choose_file)
        toolbar.add(open_button)
        # What a narrow window cannot show goes into the toolbar's "More" menu, the least
        # needed first: all of it is in the menus too.
        toolbar.add(
            ttk.Button(toolbar, text="Open URL…", command=self.opener.choose_url),
            padx=(6, 0),
            drop_order=4,
            menu_entries=lambda menu: menu.add_command(
                label="Open URL…", command=self.opener.choose_url
            ),
        )
        toolbar.add(
            ttk.Button(toolbar, text="Paste text", command=self.opener.paste),
            padx=(6, 0),
            drop_order=3,
            menu_entries=lambda menu: menu.add_command(
                label="Paste Text", accelerator="Ctrl+Shift+V", command=self.opener.paste
            ),
        )
        font_buttons = ttk.Frame(toolbar)
        ttk.Separator(font_buttons, orient="vertical").pack(side="left", fill="y", padx=10)
        ttk.Button(
            font_buttons, text="A−", width=3, command=lambda: self.change_font_size(-1)
        ).pack(side="left")
        ttk.Button(
            font_buttons, text="A+", width=3, command=lambda: self.change_font_size(+1)
        ).pack(side="left", padx=(4, 0))
        toolbar.add(font_buttons, drop_order=2, menu_entries=self._font_size_entries)
        self.long_sentences = tk.BooleanVar(self.root, state.settings.highlight_long_sentences)
        self.long_sentences.trace_add("write", lambda *_: self._long_sentences_toggled())
        self.long_sentences_switch = ttk.Checkbutton(
            toolbar,
            text="Long sentences",
            variable=self.long_sentences,
            style="Switch.TCheckbutton",
        )
        toolbar.add(
            self.long_sentences_switch,
            padx=(12, 0),
            drop_order=1,
            menu_entries=lambda menu: menu.add_checkbutton(
                label="Highlight Long Sentences", variable=self.long_sentences
            ),
        )
        self.toolbar, self.open_button = toolbar, open_button
        ttk.Separator(self.root).pack(fill="x")

        self.status_frame = ttk.Frame(self.root)
        self.status_frame.pack(side="bottom", fill="x")
        ttk.Separator(self.status_frame).pack(fill="x")
        self.status = ttk.Label(self.status_frame, text="", style="Status.TLabel", anchor="w")
        self.status.pack(side="left", fill="x", expand=True)

        self.main_pane = ttk.PanedWindow(self.root, orient="horizontal")
        self.main_pane.pack(fill="both", expand=True)
        self.reading_frame = ttk.Frame(self.main_pane)
        self.side_pane = ttk.PanedWindow(self.main_pane, orient="vertical")
        self.main_pane.add(self.reading_frame, weight=1)
        self.main_pane.add(self.side_pane, weight=0)
        self.panes = PaneLayout(self.main_pane, self.side_pane, lambda: self.state.settings)

    def _attach_features(self) -> None:
        """Every feature attaches itself the same way. The order is the order of the panes and
        menu entries; the find bar searches the reading view, so it comes after it."""
        self.reading_view = reading_view.setup(self)
        self.reading_aloud = reading_aloud.setup(self)
        self.find_bar = find_bar.setup(self)
        self.contents_bar = contents_bar.setup(self)
        self.translation_bar = translation_bar.setup(self)
        self.translation_problems = translation_problems.setup(self)
        self.readability_panel = readability_panel.setup(self)
        self.glossary_panel = glossary_panel.setup(self)
        self.analyser = article_analysis.setup(self)
        self.word_card = word_card.setup(self)
        self.vocabulary_access = vocabulary_window.setup(self)
        self.word_marks = word_status.setup(self)
        self.library = library_window.setup(self)
        self.keyboard = keyboard.setup(self)

    # --- what features attach to --------------------------------------------------------------

    def menu(self, label: str) -> tk.Menu:
        """The menu called `label`, made (just before Help) if it does not exist yet."""
        menu = self.menus.get(label)
        if menu is None:
            menu = self.menus[label] = tk.Menu(self.menubar, tearoff=False)
            self.menubar.insert_cascade(self._help_position(), label=label, menu=menu)
        return menu

    def _help_position(self) -> int:
        help_menu = str(self.menus["Help"])
        end = self.menubar.index("end")
        for position in range(0 if end is None else end + 1):
            if (
                self.menubar.type(position) == "cascade"
                and str(self.menubar.entrycget(position, "menu")) == help_menu
            ):
                return position
        raise LookupError("the Help menu is gone")

    def bind_key(self, sequence: str, action: Callable[[], object]) -> None:
        """Run `action` for the key `sequence` anywhere in the window (and nothing else)."""
        self.root.bind(sequence, _key_handler(action))

    def on_escape(self, handler: Callable[[], bool], *, first: bool = False) -> None:
        """Escape asks the handlers in the order they were added (those added `first` before
        the others) until one returns True."""
        if first:
            self._escape_handlers.insert(0, handler)
        else:
            self._escape_handlers.append(handler)

    def on_close(self, callback: Callable[[], object]) -> None:
        """Call `callback` when the window closes, before anything is saved or destroyed."""
        self._close_handlers.insert(0, callback)

    def _build_menu(self) -> None:
        root, state, opener = self.root, self.state, self.opener
        menubar = tk.Menu(root)
        file_menu = tk.Menu(menubar, tearoff=False)
        file_menu.add_command(label="Open…", accelerator="Ctrl+O", command=opener.choose_file)
        self.recent_menu = tk.Menu(file_menu, tearoff=False, postcommand=self._fill_recent_menu)
        file_menu.add_cascade(label="Open Recent", menu=self.recent_menu)
        file_menu.add_command(label="Open URL…", command=opener.choose_url)
        file_menu.add_command(
            label="Paste as New Article", accelerator="Ctrl+Shift+V", command=opener.paste
        )
        file_menu.add_command(label="Open the Sample Article", command=opener.open_sample)
        file_menu.add_separator()
        file_menu.add_command(label="Settings…", command=lambda: open_settings(root, state))
        file_menu.add_separator()
        file_menu.add_command(label="Quit", accelerator="Ctrl+Q", command=self.close)
        menubar.add_cascade(label="File", menu=file_menu)

        view_menu = tk.Menu(menubar, tearoff=False)
        view_menu.add_command(
            label="Larger Text", accelerator="Ctrl++", command=lambda: self.change_font_size(1)
        )
        view_menu.add_command(
            label="Smaller Text", accelerator="Ctrl+−", command=lambda: self.change_font_size(-1)
        )
        view_menu.add_checkbutton(label="Highlight Long Sentences", variable=self.long_sentences)
        self.dark = tk.BooleanVar(root, state.settings.theme == "dark")
        view_menu.add_checkbutton(
            label="Dark Theme",
            variable=self.dark,
            command=lambda: state.update_settings(theme="dark" if self.dark.get() else "light"),
        )
        menubar.add_cascade(label="View", menu=view_menu)

        help_menu = tk.Menu(menubar, tearoff=False)
        help_menu.add_command(label="About German Reader", command=self._about)
        menubar.add_cascade(label="Help", menu=help_menu)
        root.configure(menu=menubar)
        self.menubar = menubar
        self.menus = {"File": file_menu, "View": view_menu, "Help": help_menu}

    def _bind_keys(self) -> None:
        root, opener = self.root, self.opener
        bindings = {
            "<Control-o>": opener.choose_file,
            "<Control-V>": opener.paste,
            "<Control-plus>": lambda: self.change_font_size(1),
            "<Control-equal>": lambda: self.change_font_size(1),
            "<Control-KP_Add>": lambda: self.change_font_size(1),
            "<Control-minus>": lambda: self.change_font_size(-1),
            "<Control-KP_Subtract>": lambda: self.change_font_size(-1),
            "<Escape>": self._escape,
            "<Control-q>": self.close,
        }
        for sequence, action in bindings.items():
            self.bind_key(sequence, action)
        # Tk's entries take Ctrl+A to the line start (Emacs style); learners expect it to select
        # everything, e.g. to replace the glossary filter.
        for entry_class in ("TEntry", "TCombobox", "TSpinbox"):
            root.bind_class(entry_class, "<Control-a>", _select_all_in_entry)

    def _answer_the_macos_application_menu(self) -> None:
        """On macOS, Tk calls these commands for the Finder and the application menu: a file
        opened with the app or dropped on its Dock icon, Settings… (⌘,) and Quit (⌘Q, which
        must save the settings like closing the window). Other systems never call them."""
        root = self.root
        root.createcommand("::tk::mac::OpenDocument", self.open_documents)
        root.createcommand("::tk::mac::ShowPreferences", lambda: open_settings(root, self.state))
        root.createcommand("::tk::mac::Quit", self.close)

    def open_documents(self, *names: str) -> None:
        """Open the first of the files the system hands over (one article at a time)."""
        if names:
            self.opener.open_path(Path(names[0]))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.delete(0, "end")
        recent = self.state.settings.recent_files
        if not recent:
            self.recent_menu.add_command(label="(none yet)", state="disabled")
        for name in recent:
            self.recent_menu.add_command(
                label=name, command=functools.partial(self.opener.open_recent, name)
            )

    def _font_size_entries(self, menu: tk.Menu) -> None:
        menu.add_command(
            label="Larger Text", accelerator="Ctrl++", command=lambda: self.change_font_size(1)
        )
        menu.add_command(
            label="Smaller Text", accelerator="Ctrl+−", command=lambda: self.change_font_size(-1)
        )

    # --- actions ----------------------------------------------------------------------------

    def change_font_size(self, step: int) -> None:
        size = clamp_font_size(self.state.settings.font_size + step)
        if size != self.state.settings.font_size:
            self.state.update_settings(font_size=size)

    def _long_sentences_toggled(self) -> None:
        wanted = self.long_sentences.get()
        if wanted != self.state.settings.highlight_long_sentences:
            self.state.update_settings(highlight_long_sentences=wanted)

    def _escape(self) -> None:
        for handler in self._escape_handlers:
            if handler():
                return

    def _settings_changed(self) -> None:
        settings = self.state.settings
        if settings.theme != self._theme:
            self._theme = settings.theme
            apply_ttk_theme(self.root, settings.theme)
            self._configure_styles()
            self._colour_menus()
        self.dark.set(settings.theme == "dark")
        self.long_sentences.set(settings.highlight_long_sentences)
        self.state.save_settings()

    def _recolour_menus_soon(self, _event: object = None) -> None:
        if self._menus_pending is None:
            self._menus_pending = self.root.after_idle(self._recolour_menus_now)

    def _recolour_menus_now(self) -> None:
        self._menus_pending = None
        self._colour_menus()

    def _colour_menus(self) -> None:
        """Colour the menu bar and every menu directly. sv-ttk recolours menus only when its
        theme-change event comes round (menus made after it stayed Tk's grey), and the X11
        menu bar is not repainted then, so it stayed light."""
        colours = palette(self.state.settings.theme)
        self.menubar.configure(
            background=colours.chrome,
            foreground=colours.text,
            activebackground=colours.found,
            activeforeground=colours.text,
        )
        for menu in _menus_below(self.root):
            if menu is not self.menubar:
                colour_menu(menu, colours)

    def _show_status(self, change: events.StatusChanged) -> None:
        self.status.configure(text=change.text)

    def _article_loaded(self) -> None:
        # After the panels' own handlers have filled in the article and Tk has drawn it: the
        # title says which article is on screen (`make bench-package` times its arrival).
        self.root.after_idle(self._show_article_title)

    def _article_previewed(self, preview: events.ArticlePreview) -> None:
        # The article on screen is the one being opened (or, if that failed, the open one).
        if preview.document is None:
            self._show_article_title()
        elif not self._closed:
            self.root.after_idle(self._show_title, preview.document)

    def _show_article_title(self) -> None:
        session = self.state.session
        if session is not None and not self._closed:
            self._show_title(session.document)

    def _show_title(self, document: Document) -> None:
        if not self._closed:
            self.root.title(f"{display_title(document)} — {TITLE}")

    def _about(self) -> None:
        messagebox.showinfo(
            "About German Reader",
            f"German Reader {__version__}\n\nGerman news with English beside it, a readability "
            "score for learners and a glossary of political terms.",
            parent=self.root,
        )

    def report_callback_exception(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        """Uncaught errors in Tk callbacks: to the log with the traceback, one line for the user."""
        log.error("error in a Tk callback", exc_info=(kind, error, trace))
        # The window may be half gone; the log has it either way.
        with contextlib.suppress(Exception):
            self.state.set_status(
                f"Something went wrong ({kind.__name__}); details are in the log."
            )

    # --- life -------------------------------------------------------------------------------

    def remember_layout(self) -> None:
        self.state.settings = self.panes.remember(self.state.settings, self.root.geometry())

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for callback in self._close_handlers:
            try:
                callback()
            except Exception:  # closing must go on whatever a feature's clean-up does
                log.exception("clean-up on closing failed")
        self.remember_layout()
        self.state.save_settings(wait=True)
        self.state.calls.stop()
        if self.state.session is not None:
            self.state.session.token.close()
        # Pending after() callbacks would otherwise fire into a destroyed interpreter. They are
        # cancelled in Tcl only: root.after_cancel() would also delete the Python command that a
        # child widget registered, and that widget's destroy() would then fail to delete it again.
        for pending in self.root.tk.splitlist(self.root.tk.call("after", "info")):
            self.root.tk.call("after", "cancel", pending)
        self.root.destroy()


def _menus_below(widget: tk.Misc) -> list[tk.Menu]:
    found = []
    for child in widget.winfo_children():
        if isinstance(child, tk.Menu):
            found.append(child)
        found.extend(_menus_below(child))
    return found


def _select_all_in_entry(event: tk.Event[tk.Misc]) -> str:
    entry = event.widget
    if isinstance(entry, ttk.Entry):  # comboboxes and spinboxes are entries too
        entry.selection_range(0, "end")
        entry.icursor("end")
    return "break"


def _key_handler(action: Callable[[], object]) -> Callable[[tk.Event[tk.Misc]], str]:
    """A key binding that runs `action` and stops the key from reaching other bindings."""

    def handle(_event: tk.Event[tk.Misc]) -> str:
        action()
        return "break"

    return handle
