"""Text that must fit a width in pixels: shortened with "…" rather than cut off mid-letter.

A Treeview column or a fixed label clips what does not fit ("das Friedensabkomm"); the
shortened text says that there is more. `measure` is the font's `measure`, so the logic needs
no Tk and its results are remembered per text (a list of thousands of rows is refitted on
every resize).
"""

from __future__ import annotations

from collections.abc import Callable

ELLIPSIS = "…"


class TextFitter:
    """Shortens texts to widths, measuring each piece once with `measure`."""

    def __init__(self, measure: Callable[[str], int]) -> None:
        self._measure = measure
        self._widths: dict[str, int] = {}

    def remember(self, widths: dict[str, int]) -> None:
        """Widths measured elsewhere (many at once, in one call of Tk's)."""
        if len(self._widths) + len(widths) > 50_000:
            self._widths.clear()
        self._widths.update(widths)

    def unknown(self, texts: list[str]) -> list[str]:
        """Those of `texts` not measured yet."""
        return [text for text in dict.fromkeys(texts) if text not in self._widths]

    def width(self, text: str) -> int:
        known = self._widths.get(text)
        if known is None:
            if len(self._widths) > 50_000:
                self._widths.clear()
            known = self._widths[text] = self._measure(text)
        return known

    def fit(self, text: str, width: int) -> str:
        """`text`, or as much of it as fits with "…" after it (only "…" when nothing does)."""
        if self.width(text) <= width:
            return text
        shortest, longest = 0, len(text) - 1
        while shortest < longest:  # the longest prefix that fits with the ellipsis
            middle = (shortest + longest + 1) // 2
            if self.width(text[:middle].rstrip() + ELLIPSIS) <= width:
                shortest = middle
            else:
                longest = middle - 1
        return text[:shortest].rstrip() + ELLIPSIS
