"""The difficulty strip: a coloured bar beside each German paragraph showing its CEFR level.

It follows the German Text widget: the reading view redraws it whenever that side scrolls or
its layout changes, and only the paragraphs in view are drawn.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.gui.theme import CEFR_COLOURS, Palette
from reader.gui.tooltip import Tooltip

if TYPE_CHECKING:
    from reader.readability import ParagraphReadability, ReadabilityReport

STRIP_WIDTH = 8


def paragraph_levels(
    readability: ReadabilityReport | None,
) -> dict[int, ParagraphReadability]:
    """Paragraph index -> its figures in the readability report."""
    if readability is None:
        return {}
    return {paragraph.index: paragraph for paragraph in readability.paragraphs}


def level_summary(index: int, level: ParagraphReadability) -> tuple[str, str]:
    """Tooltip heading and body for one paragraph's level."""
    heading = f"Paragraph {index + 1}: level {level.cefr or '?'}"
    body = f"Flesch–Amstad {level.flesch_amstad:.0f} ({level.label})\n"
    body += f"{level.counts.sentences} sentences, {level.counts.words} words"
    return heading, body


class DifficultyStrip(tk.Canvas):
    def __init__(
        self,
        master: tk.Misc,
        text: tk.Text,
        levels: Callable[[], dict[int, ParagraphReadability]],
        bottom_padding: Callable[[int], int],
    ) -> None:
        super().__init__(master, width=STRIP_WIDTH, highlightthickness=0, borderwidth=0)
        self.text = text
        self.levels = levels
        # Space below a paragraph's last line (its alignment padding), left out of its bar.
        self.bottom_padding = bottom_padding
        self.tooltip = Tooltip(self)
        self.bind("<Motion>", self._pointer_moved, add=True)
        self.bind("<Leave>", lambda _e: self.tooltip.hide(), add=True)

    def draw(self, paragraph_count: int, colours: Palette) -> None:
        self.delete("all")
        self.configure(background=colours.background)
        if not paragraph_count:
            return
        levels = self.levels()
        height = self.text.winfo_height()
        top_line = int(self.text.index("@0,0").split(".")[0])
        bottom_line = int(self.text.index(f"@0,{height}").split(".")[0])
        for index in range(top_line - 1, min(bottom_line, paragraph_count)):
            top, bottom = self._visible_span(index, height)
            level = levels.get(index)
            cefr = str(level.cefr if level is not None else None)
            self.create_rectangle(
                0,
                top,
                STRIP_WIDTH,
                bottom,
                fill=CEFR_COLOURS.get(cefr, colours.strip_empty),
                outline="",
                tags=(f"para:{index}",),
            )

    def paragraph_at(self, y: int) -> int | None:
        for item in self.find_overlapping(0, y, STRIP_WIDTH, y):
            for tag in self.gettags(item):
                if tag.startswith("para:"):
                    return int(tag.split(":")[1])
        return None

    def _visible_span(self, index: int, height: int) -> tuple[int, int]:
        """Window y range of paragraph `index`'s text (it is at least partly in view)."""
        first = self.text.dlineinfo(f"{index + 1}.0")
        last = self.text.dlineinfo(f"{index + 1}.end")
        if first is None and last is None:
            return 0, height  # only its middle is in view
        top = first[1] if first is not None else 0
        bottom = last[1] + last[3] - self.bottom_padding(index) if last is not None else height
        return top, max(top + 2, bottom)

    def _pointer_moved(self, event: tk.Event[tk.Misc]) -> None:
        index = self.paragraph_at(event.y)
        level = None if index is None else self.levels().get(index)
        if index is None or level is None:
            self.tooltip.hide()
            return
        self.tooltip.show(event.x_root, event.y_root, *level_summary(index, level))
