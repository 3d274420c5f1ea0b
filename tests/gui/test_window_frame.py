"""The empty window that goes up before the panels are imported (reader.gui.window_frame)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tkinter as tk

import pytest

from reader.gui.theme import palette
from reader.gui.window_frame import ICON_IMAGE, TITLE, dress_window, show_empty_window
from reader.settings import Settings

pytestmark = pytest.mark.gui


def test_the_empty_window_is_on_screen_at_its_saved_size_in_the_theme_colour() -> None:
    root = show_empty_window(Settings(geometry="1000x640+20+30", theme="dark"))
    try:
        # No event loop has run: the window must be mapped by show_empty_window itself.
        assert root.winfo_ismapped()
        assert root.title() == TITLE
        assert (root.winfo_width(), root.winfo_height()) == (1000, 640)
        assert root.cget("background") == palette("dark").chrome
        assert ICON_IMAGE in root.image_names()
        assert root.minsize() == (900, 560)
    finally:
        root.destroy()


def test_dressing_a_window_twice_keeps_one_icon_image() -> None:
    root = tk.Tk()
    try:
        dress_window(root, Settings())
        dress_window(root, Settings(theme="light"))
        assert list(root.image_names()).count(ICON_IMAGE) == 1
        assert root.cget("background") == palette("light").chrome
    finally:
        root.destroy()


def test_the_window_goes_up_before_the_panels_and_the_analysis_are_imported() -> None:
    """What makes the window appear at once: showing it needs none of the heavy modules."""
    script = textwrap.dedent(
        """
        import sys
        from reader.gui.window_frame import show_empty_window
        from reader.settings import Settings
        root = show_empty_window(Settings())
        heavy = ("reader.gui.app", "reader.glossary", "reader.readability", "reader.loading",
                 "reader.dictionary", "reader.translation", "sv_ttk", "simplemma", "wordfreq")
        print(root.winfo_ismapped(), *sorted(name for name in heavy if name in sys.modules))
        root.destroy()
        """
    )
    shown = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert shown.stdout.split() == ["1"]
