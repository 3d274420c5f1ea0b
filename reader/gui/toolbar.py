"""The toolbar that fits any window width: what does not fit goes into its "More" menu.

A laptop with a scaled display gives the window 1024 pixels or less; the buttons at full size
need more. Each item says whether it may give way (`drop_order`: lower goes first) and what the
"More" menu offers instead of it (`menu_entries`), so nothing is ever cut off half-way: an item
is either shown whole or reachable from the menu. `items_to_drop` is the rule, without Tk.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from tkinter import ttk
from typing import Literal

Side = Literal["left", "right"]
MORE_GAP = 6  # pixels between the last item on the left and the "More" button


@dataclass
class ToolbarItem:
    widget: tk.Widget
    side: Side
    padx: tuple[int, int]
    # None: always shown. Otherwise items with lower numbers give way first.
    drop_order: int | None
    # Adds what the "More" menu offers while the item is hidden (None: nothing, it is decoration).
    menu_entries: Callable[[tk.Menu], None] | None

    @property
    def width(self) -> int:
        return self.widget.winfo_reqwidth() + sum(self.padx)


def items_to_drop(
    widths: Sequence[int], drop_orders: Sequence[int | None], available: int, more_width: int
) -> set[int]:
    """Indexes of the items to hide so the rest (and the "More" button, if anything is hidden)
    fit into `available` pixels. Items give way in their `drop_orders`; items with None stay,
    even when they alone are too wide."""
    total = sum(widths)
    if total <= available:
        return set()
    candidates = sorted(
        (order, index) for index, order in enumerate(drop_orders) if order is not None
    )
    dropped: set[int] = set()
    total += more_width
    for _order, index in candidates:
        if total <= available:
            break
        dropped.add(index)
        total -= widths[index]
    return dropped


class Toolbar(ttk.Frame):
    """Items packed left and right; `relayout` hides what does not fit, in the agreed order."""

    def __init__(self, master: tk.Misc, *, padding: tuple[int, int] = (10, 8)) -> None:
        super().__init__(master, padding=padding)
        self._padding = padding
        self.items: list[ToolbarItem] = []
        self.hidden: list[ToolbarItem] = []
        self.more_menu = tk.Menu(self, tearoff=False)
        self.more_button = ttk.Menubutton(self, text="More", menu=self.more_menu)
        self._pending: str | None = None
        self._laid_out: tuple[int, tuple[int, ...]] | None = None
        self.bind("<Configure>", lambda _e: self.schedule_relayout(), add=True)

    def add(
        self,
        widget: tk.Widget,
        *,
        side: Side = "left",
        padx: tuple[int, int] = (0, 0),
        drop_order: int | None = None,
        menu_entries: Callable[[tk.Menu], None] | None = None,
    ) -> None:
        """Show `widget` (a child of the toolbar); the items on the left read left to right,
        those on the right right to left (the first one added is at the far right)."""
        self.items.append(ToolbarItem(widget, side, padx, drop_order, menu_entries))
        # An item whose size changes (a longer progress text) may no longer fit.
        widget.bind("<Configure>", lambda _e: self.schedule_relayout(), add=True)
        self.relayout()

    def schedule_relayout(self) -> None:
        if self._pending is None:
            self._pending = self.after_idle(self._relayout_now)

    def _relayout_now(self) -> None:
        self._pending = None
        self.relayout()

    def relayout(self) -> None:
        """Pack the items that fit, put the others into the "More" menu."""
        padding = self._padding[0] * 2
        width = self.winfo_width() if self.winfo_ismapped() else self.winfo_reqwidth()
        available = max(0, width - padding)
        widths = [item.width for item in self.items]
        if self._laid_out == (available, tuple(widths)):
            return  # nothing changed: repacking would only make the toolbar flicker
        self._laid_out = (available, tuple(widths))
        more_width = self.more_button.winfo_reqwidth() + MORE_GAP
        dropped = items_to_drop(
            widths, [item.drop_order for item in self.items], available, more_width
        )
        self.hidden = [item for index, item in enumerate(self.items) if index in dropped]
        for item in self.items:
            item.widget.pack_forget()
        self.more_button.pack_forget()
        for item in self.items:
            if item not in self.hidden and item.side == "left":
                item.widget.pack(side="left", padx=item.padx)
        for item in self.items:
            if item not in self.hidden and item.side == "right":
                item.widget.pack(side="right", padx=item.padx)
        if any(item.menu_entries is not None for item in self.hidden):
            self.more_button.pack(side="left", padx=(MORE_GAP, 0))
        self._fill_more_menu()
        # Tab goes through the toolbar as it reads, left to right ("More" after the left
        # items): the stacking order is the keyboard's order.
        lefts = [item.widget for item in self.items if item.side == "left"]
        rights = [item.widget for item in reversed(self.items) if item.side == "right"]
        for widget in (*lefts, self.more_button, *rights):
            widget.lift()

    def _fill_more_menu(self) -> None:
        self.more_menu.delete(0, "end")
        for item in self.items:  # in the toolbar's order, left to right
            if item in self.hidden and item.menu_entries is not None:
                item.menu_entries(self.more_menu)

    def shows(self, widget: tk.Widget) -> bool:
        """Whether `widget` is on the toolbar now (not in the "More" menu)."""
        return any(item.widget is widget and item not in self.hidden for item in self.items)
