"""Colours and fonts of the window, for the light and the dark theme.

ttk widgets follow sv-ttk; the reading Text widgets and canvases are plain Tk, so their colours
come from the `Palette` here. Category and level colours are chosen to stay readable on both
backgrounds.
"""

from __future__ import annotations

import logging
import tkinter as tk
import tkinter.font as tkfont
from dataclasses import dataclass

log = logging.getLogger(__name__)

READING_FAMILIES = ("Noto Serif", "Source Serif Pro", "Georgia", "Cambria", "DejaVu Serif")
UI_FAMILIES = ("Segoe UI", "Noto Sans", "Cantarell", "Helvetica Neue", "DejaVu Sans")


@dataclass(frozen=True)
class Palette:
    background: str
    chrome: str  # sv-ttk's window background, for the plain Tk menu bar
    text: str
    muted: str
    panel: str
    hover: str
    pinned: str
    long_sentence: str
    found: str
    selected_term: str
    error: str
    warning: str  # the background of the bar that says paragraphs were not translated
    link: str
    strip_empty: str
    spoken: str  # the sentence being read aloud
    # Glossary category colours, assigned to categories in a stable order.
    categories: tuple[str, ...]


LIGHT = Palette(
    background="#fcfbf8",
    chrome="#fafafa",
    text="#1f2328",
    muted="#6e7781",
    panel="#f3f1ec",
    hover="#fff2b3",
    pinned="#ffe38a",
    long_sentence="#fde2d4",
    found="#c8e6ff",
    selected_term="#d7f0d2",
    error="#b42318",
    warning="#fdf0d5",
    link="#0b62c4",
    strip_empty="#e4e1da",
    spoken="#e2dbff",
    categories=("#0b62c4", "#b4441b", "#1a7f37", "#8250df", "#9a6700", "#bf3989", "#0a7f86"),
)

DARK = Palette(
    background="#1e1f22",
    chrome="#1c1c1c",
    text="#e6e6e6",
    muted="#9aa0a6",
    panel="#26282c",
    hover="#4a4420",
    pinned="#6b5d1c",
    long_sentence="#51322a",
    found="#1f4468",
    selected_term="#28502a",
    error="#ff7b72",
    warning="#3d3220",
    link="#6cb6ff",
    strip_empty="#3a3d42",
    spoken="#3e3470",
    categories=("#6cb6ff", "#f0883e", "#57d364", "#c297ff", "#e3b341", "#f778ba", "#39c5cf"),
)

# CEFR levels from easy (green) to hard (red): used by the difficulty strip and badges.
CEFR_COLOURS = {
    "A1": "#2da44e",
    "A2": "#6cc04a",
    "B1": "#c9c22a",
    "B2": "#f0a030",
    "C1": "#e8692c",
    "C2": "#cf2f2f",
}


def colour_menu(menu: tk.Menu, colours: Palette) -> None:
    """A drop-down menu in the theme's colours (flat, a thin border, roomy entries), not Tk's
    grey classic one."""
    menu.configure(
        background=colours.background,
        foreground=colours.text,
        activebackground=colours.found,
        activeforeground=colours.text,
        disabledforeground=colours.muted,
        selectcolor=colours.text,
        relief="solid",
        borderwidth=1,
        activeborderwidth=0,
    )


def palette(theme: str) -> Palette:
    return DARK if theme == "dark" else LIGHT


def first_family(root: tk.Misc, wanted: tuple[str, ...], fallback: str) -> str:
    available = set(tkfont.families(root))
    return next((family for family in wanted if family in available), fallback)


def apply_ttk_theme(root: tk.Tk, theme: str) -> None:
    """Use sv-ttk's light or dark theme; plain ttk's 'clam' if sv-ttk cannot be loaded."""
    try:
        import sv_ttk

        sv_ttk.set_theme(theme, root)
    except Exception as error:  # a missing or broken theme must not stop the window
        log.warning("sv-ttk theme unavailable (%s); using clam", error)
        from tkinter import ttk

        ttk.Style(root).theme_use("clam")
