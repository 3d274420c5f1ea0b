"""Where the sashes go: the reading pane beside the side pane, and within the side pane the
upper panel (readability) above the glossary.

The positions saved with the settings come back once the panes have their real size; the upper
panel grows to show its whole report when the analysis arrives, and gives way in a short window,
as the glossary list must stay usable.
"""

from __future__ import annotations

import logging
import tkinter as tk
from collections.abc import Callable
from dataclasses import replace
from tkinter import ttk

from reader.settings import Settings

log = logging.getLogger(__name__)

SIDE_PANEL_WIDTH = 390
MIN_GLOSSARY_HEIGHT = 330
MIN_READABILITY_HEIGHT = 160


class PaneLayout:
    def __init__(
        self,
        main_pane: ttk.PanedWindow,
        side_pane: ttk.PanedWindow,
        settings: Callable[[], Settings],
    ) -> None:
        self.main_pane = main_pane
        self.side_pane = side_pane
        self._settings = settings
        self._restored = False
        main_pane.bind("<Configure>", self._restore, add=True)
        side_pane.bind("<Configure>", lambda _e: self.keep_glossary_visible(), add=True)

    def _restore(self, event: tk.Event[tk.Misc]) -> None:
        """Put the sashes back once the panes have their real size (their first <Configure>)."""
        if self._restored or event.width < 2 * SIDE_PANEL_WIDTH:
            return
        self._restored = True
        settings = self._settings()
        main = settings.main_sash or event.width - SIDE_PANEL_WIDTH
        try:
            sash_position(self.main_pane, max(300, min(main, event.width - 200)))
            if settings.side_sash:
                sash_position(self.side_pane, settings.side_sash)
        except tk.TclError as error:
            log.debug("cannot restore pane positions: %s", error)
        self.keep_glossary_visible()

    def fit_upper_side_panel(self) -> None:
        """Lower the sash so the whole upper panel shows (the readability report's list of rare
        words only arrives with the analysis, after the panes were laid out), as far as the
        glossary can spare."""
        side = self.side_pane
        side.update_idletasks()
        panes = side.tk.splitlist(side.tk.call(str(side), "panes"))
        if not panes:
            return
        wanted = side.nametowidget(str(panes[0])).winfo_reqheight()
        limit = side.winfo_height() - MIN_GLOSSARY_HEIGHT
        try:
            if sash_position(side) < min(wanted, limit):
                sash_position(side, min(wanted, limit))
        except tk.TclError as error:
            log.debug("cannot move the readability sash: %s", error)

    def keep_glossary_visible(self) -> None:
        height = self.side_pane.winfo_height()
        if height < 2 * MIN_READABILITY_HEIGHT:  # not laid out yet
            return
        limit = max(MIN_READABILITY_HEIGHT, height - MIN_GLOSSARY_HEIGHT)
        try:
            if sash_position(self.side_pane) > limit:
                sash_position(self.side_pane, limit)
        except tk.TclError as error:
            log.debug("cannot move the glossary sash: %s", error)

    def remember(self, settings: Settings, geometry: str) -> Settings:
        """`settings` with the window's geometry and the sash positions as they are now."""
        main: int | None
        side: int | None
        try:
            main, side = sash_position(self.main_pane), sash_position(self.side_pane)
        except tk.TclError:
            main = side = None
        return replace(settings, geometry=geometry, main_sash=main, side_sash=side)


def sash_position(pane: ttk.PanedWindow, position: int | None = None) -> int:
    """The first sash's position in pixels, after moving it to `position` if given."""
    if position is None:
        return int(pane.tk.call(str(pane), "sashpos", 0))
    return int(pane.tk.call(str(pane), "sashpos", 0, position))
