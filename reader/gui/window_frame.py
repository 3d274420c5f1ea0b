"""The empty window: title, size, icon and colour, on screen before the panels are imported.

A learner who double-clicks the app should see its window at once. Importing and building the
panels takes a few hundred milliseconds; `show_empty_window` puts the window up first, in the
theme's colour and at its saved size, so that time passes in a window that is already there.
This module is imported before the rest of the window, so it stays small: tkinter, the
settings and the palette only.
"""

from __future__ import annotations

import logging
import tkinter as tk

from reader.errors import ReaderError
from reader.gui.theme import palette
from reader.paths import PACKAGE_DATA
from reader.settings import Settings

log = logging.getLogger(__name__)

WINDOW_CLASS = "GermanReader"
TITLE = "German Reader"
MIN_WIDTH, MIN_HEIGHT = 900, 560
ICON_FILE = PACKAGE_DATA / "icon.png"
# A Tcl image, not a `tk.PhotoImage`: it must live as long as the window, not as long as a
# Python reference to it.
ICON_IMAGE = "german_reader_icon"


def show_empty_window(settings: Settings) -> tk.Tk:
    """A new root window, mapped now rather than when the main loop starts."""
    try:
        root = tk.Tk(className=WINDOW_CLASS)
    except tk.TclError as error:  # no display: a one-line message, not a traceback
        raise ReaderError(
            f"cannot open the window ({error}); the commands (reader analyze, translate, "
            "glossary, lookup) work without one"
        ) from None
    dress_window(root, settings)
    root.update_idletasks()  # Tk maps a new toplevel in an idle callback
    return root


def dress_window(root: tk.Tk, settings: Settings) -> None:
    """Title, saved size and position, minimum size, icon and background colour."""
    root.title(TITLE)
    root.geometry(settings.geometry)
    root.minsize(MIN_WIDTH, MIN_HEIGHT)
    root.configure(background=palette(settings.theme).chrome)
    _set_icon(root)


def _set_icon(root: tk.Tk) -> None:
    if ICON_IMAGE in root.image_names() or not ICON_FILE.exists():
        return
    try:
        root.tk.call("image", "create", "photo", ICON_IMAGE, "-file", str(ICON_FILE))
        root.tk.call("wm", "iconphoto", str(root), "-default", ICON_IMAGE)
    except tk.TclError as error:
        log.warning("cannot use the window icon: %s", error)
