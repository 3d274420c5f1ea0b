"""Where the sashes go: the reading pane beside the side pane, and within the side pane the
upper panel (readability) above the glossary.

The side pane takes a share of the window's width (the learner's, once they drag the sash), so
a small window keeps reading columns wide enough to read. The upper panel is as tall as its
report, or as the learner dragged it, but never so tall that the glossary list below shrinks
to a few rows; when the window grows again it gets its height back. What is remembered is
what the learner chose, never a split a small window forced: `side_width` and `upper_height`
are the rules, without Tk.
"""

from __future__ import annotations

import logging
import tkinter as tk
from collections.abc import Callable
from dataclasses import replace
from tkinter import ttk

from reader.gui.scrolled_frame import CONTENT_HEIGHT_CHANGED
from reader.settings import Settings

log = logging.getLogger(__name__)

DEFAULT_SIDE_SHARE = 0.29
MIN_SIDE_WIDTH = 300
MAX_DEFAULT_SIDE_WIDTH = 420
MIN_READING_WIDTH = 560  # two columns of ~40 characters each at the default font size
MIN_LOWER_HEIGHT = 300  # until the lower panel says what it needs (`lower_minimum`)
MIN_READABILITY_HEIGHT = 140
SASH_PX = 6  # the sash between the panels (sv-ttk draws it 4 pixels thick)
CHOSEN_SLACK_PX = 72  # how much of the glossary's minimum the learner may take by dragging


def side_width(total: int, share: float | None) -> int:
    """The side pane's width in a window `total` pixels wide: the learner's `share`, or by
    default 29 % within 300–420 pixels; the reading pane keeps 560 where it can."""
    if share is None:
        wanted = min(MAX_DEFAULT_SIDE_WIDTH, round(total * DEFAULT_SIDE_SHARE))
    else:
        wanted = round(total * share)
    return max(MIN_SIDE_WIDTH, min(wanted, total - MIN_READING_WIDTH))


def upper_height(side_height: int, wanted: int, chosen: int | None, lower_minimum: int) -> int:
    """The upper panel's height in a side pane `side_height` pixels tall: what the learner
    `chosen` (else the height its content `wanted`), leaving the glossary its minimum (of
    which the learner may take a few rows, if they drag the sash that far)."""
    limit = side_height - lower_minimum - SASH_PX
    if chosen is not None:
        return max(MIN_READABILITY_HEIGHT, min(chosen, limit + CHOSEN_SLACK_PX))
    return max(MIN_READABILITY_HEIGHT, min(wanted, limit))


class PaneLayout:
    def __init__(
        self,
        main_pane: ttk.PanedWindow,
        side_pane: ttk.PanedWindow,
        settings: Callable[[], Settings],
    ) -> None:
        self.main_pane = main_pane
        self.side_pane = side_pane
        start = settings()
        # What the learner chose by dragging a sash (None: the defaults).
        self.side_share: float | None = start.side_share
        self.chosen_upper_height: int | None = start.side_sash
        self._pressed_at: int | None = None
        # The glossary's height with its controls and a few rows of its list (set by it).
        self.lower_minimum: Callable[[], int] = lambda: MIN_LOWER_HEIGHT
        main_pane.bind("<Configure>", lambda _e: self.fit_side_width(), add=True)
        side_pane.bind("<Configure>", lambda _e: self.fit_upper_side_panel(), add=True)
        # The readability report grows with the analysis and reflows with the pane's width.
        # Its new requested height is known once Tk has propagated it, in an idle callback.
        main_pane.winfo_toplevel().bind(
            CONTENT_HEIGHT_CHANGED, lambda _e: self._fit_upper_when_idle(), add=True
        )
        self._fit_pending: str | None = None
        main_pane.bind("<ButtonPress-1>", lambda _e: self._sash_pressed(main_pane), add=True)
        main_pane.bind("<ButtonRelease-1>", lambda _e: self._side_width_dragged(), add=True)
        side_pane.bind("<ButtonPress-1>", lambda _e: self._sash_pressed(side_pane), add=True)
        side_pane.bind("<ButtonRelease-1>", lambda _e: self._upper_height_dragged(), add=True)

    # --- following the window -----------------------------------------------------------------

    def fit_side_width(self) -> None:
        total = self.main_pane.winfo_width()
        if total < MIN_SIDE_WIDTH + 100:  # not laid out yet
            return
        self._move(self.main_pane, total - side_width(total, self.side_share))

    def fit_upper_side_panel(self) -> None:
        """Give the upper panel its height (its report's, or the learner's), as far as the
        glossary can spare: called as the window or the report changes size."""
        side = self.side_pane
        height = side.winfo_height()
        panes = side.tk.splitlist(side.tk.call(str(side), "panes"))
        if height < 2 * MIN_READABILITY_HEIGHT or not panes:  # not laid out yet
            return
        wanted = side.nametowidget(str(panes[0])).winfo_reqheight()
        chosen = self.chosen_upper_height
        self._move(side, upper_height(height, wanted, chosen, self.lower_minimum()))

    def _fit_upper_when_idle(self) -> None:
        if self._fit_pending is None:
            self._fit_pending = self.side_pane.after_idle(self._fit_upper_now)

    def _fit_upper_now(self) -> None:
        self._fit_pending = None
        self.side_pane.update_idletasks()  # the content's new height reaches the panel
        self.fit_upper_side_panel()

    def _move(self, pane: ttk.PanedWindow, position: int) -> None:
        try:
            if sash_position(pane) != position:
                sash_position(pane, position)
        except tk.TclError as error:
            log.debug("cannot move a sash: %s", error)

    # --- what the learner chooses -------------------------------------------------------------

    def _sash_pressed(self, pane: ttk.PanedWindow) -> None:
        try:
            self._pressed_at = sash_position(pane)
        except tk.TclError:
            self._pressed_at = None

    def _dragged_to(self, pane: ttk.PanedWindow) -> int | None:
        """Where the learner left the sash, or None if the press did not move it."""
        pressed, self._pressed_at = self._pressed_at, None
        try:
            position = sash_position(pane)
        except tk.TclError:
            return None
        return None if pressed is None or position == pressed else position

    def _side_width_dragged(self) -> None:
        position = self._dragged_to(self.main_pane)
        total = self.main_pane.winfo_width()
        if position is not None and total > 0:
            self.side_share = round((total - position) / total, 4)
            self.fit_side_width()

    def _upper_height_dragged(self) -> None:
        position = self._dragged_to(self.side_pane)
        if position is not None:
            self.chosen_upper_height = position
            self.fit_upper_side_panel()

    def remember(self, settings: Settings, geometry: str) -> Settings:
        """`settings` with the window's geometry and the learner's choices of split."""
        return replace(
            settings,
            geometry=geometry,
            side_share=self.side_share,
            side_sash=self.chosen_upper_height,
        )


def sash_position(pane: ttk.PanedWindow, position: int | None = None) -> int:
    """The first sash's position in pixels, after moving it to `position` if given."""
    if position is None:
        return int(pane.tk.call(str(pane), "sashpos", 0))
    return int(pane.tk.call(str(pane), "sashpos", 0, position))
