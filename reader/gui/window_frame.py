"""The empty window: title, size, icon and colour, on screen before the panels are imported.

A learner who double-clicks the app should see its window at once. Importing and building the
panels takes a few hundred milliseconds; `show_empty_window` puts the window up first, in the
theme's colour and at its saved size, so that time passes in a window that is already there.
This module is imported before the rest of the window, so it stays small: tkinter, the
settings and the palette only.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
import tkinter as tk

from reader.errors import ReaderError
from reader.gui.theme import palette
from reader.paths import PACKAGE_DATA
from reader.settings import Settings

log = logging.getLogger(__name__)

WINDOW_CLASS = "GermanReader"
# The name other Tk programs reach the window by with `send` (Tk registers every application
# under some name; this one is predictable, for tools and benchmarks that watch the window).
APP_NAME = "germanReader"
TITLE = "German Reader"
MIN_WIDTH, MIN_HEIGHT = 900, 560
ICON_FILE = PACKAGE_DATA / "icon.png"
# A Tcl image, not a `tk.PhotoImage`: it must live as long as the window, not as long as a
# Python reference to it.
ICON_IMAGE = "german_reader_icon"
# The title bar and the menu bar, which a geometry's height does not count (on X11 the menu bar
# is outside it too); a screen must have this much room above and below the window's height.
WINDOW_CHROME_PX = 64
_GEOMETRY = re.compile(r"(\d+)x(\d+)(?:([+-]-?\d+)([+-]-?\d+))?")


def show_empty_window(settings: Settings) -> tk.Tk:
    """A new root window, mapped now rather than when the main loop starts."""
    try:
        root = tk.Tk(className=WINDOW_CLASS)
    except tk.TclError as error:  # no display: a one-line message, not a traceback
        raise ReaderError(
            f"cannot open the window ({error}); the commands (reader analyze, translate, "
            "glossary, lookup) work without one"
        ) from None
    with contextlib.suppress(tk.TclError):  # e.g. a display without the registry property
        root.tk.call("tk", "appname", APP_NAME)
    dress_window(root, settings)
    root.update_idletasks()  # Tk maps a new toplevel in an idle callback
    return root


def dress_window(root: tk.Tk, settings: Settings) -> None:
    """Title, saved size and position, minimum size, icon and background colour."""
    root.title(TITLE)
    geometry, maximise = fitted_geometry(
        settings.geometry, root.winfo_screenwidth(), root.winfo_screenheight()
    )
    root.geometry(geometry)
    root.minsize(min(MIN_WIDTH, root.winfo_screenwidth()), MIN_HEIGHT)
    if maximise:
        _maximise(root)
    root.configure(background=palette(settings.theme).chrome)
    _set_icon(root)


def fitted_geometry(geometry: str, screen_width: int, screen_height: int) -> tuple[str, bool]:
    """(the geometry to use, whether to maximise the window) for a saved `geometry` on this
    screen: a window larger than the screen (the default on a small laptop screen) is
    maximised; a position off the screen (a monitor since unplugged) is dropped."""
    found = _GEOMETRY.fullmatch(geometry)
    if found is None:
        return geometry, False
    width, height = int(found.group(1)), int(found.group(2))
    if width > screen_width or height + WINDOW_CHROME_PX > screen_height:
        fitted = f"{min(width, screen_width)}x{min(height, screen_height - WINDOW_CHROME_PX)}"
        return fitted, True
    if found.group(3) is None:
        return geometry, False
    # "+-20" is how Tk writes a position left of (or above) the screen's edge
    x, y = (int(found.group(number).lstrip("+")) for number in (3, 4))
    on_screen = -width // 2 < x < screen_width - 100 and -10 < y < screen_height - 100
    return (geometry if on_screen else f"{width}x{height}"), False


def _maximise(root: tk.Tk) -> None:
    try:
        if sys.platform.startswith("linux"):
            root.attributes("-zoomed", True)
        else:
            root.state("zoomed")
    except tk.TclError as error:  # a window manager that cannot maximise: the fitted size stays
        log.debug("cannot maximise the window: %s", error)


def _set_icon(root: tk.Tk) -> None:
    if ICON_IMAGE in root.image_names() or not ICON_FILE.exists():
        return
    try:
        root.tk.call("image", "create", "photo", ICON_IMAGE, "-file", str(ICON_FILE))
        root.tk.call("wm", "iconphoto", str(root), "-default", ICON_IMAGE)
    except tk.TclError as error:
        log.warning("cannot use the window icon: %s", error)
