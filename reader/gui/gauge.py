"""The Amstad gauge: a half ring of coloured bands with a marker at the score.

Tk's canvas draws arcs without anti-aliasing, so a thick arc comes out with jagged edges. The
ring is computed here instead, pixel by pixel, with each pixel's coverage of the ring (and of
the thin gaps between the bands) blended into the background, and shown as an image; the
marker and the text (which Tk draws smoothly) go on top. `ring_pixels` is that computation,
without Tk; the picture is kept per size and background, so redrawing the score is cheap.
"""

from __future__ import annotations

import functools
import math
import tkinter as tk
import tkinter.font as tkfont
from collections.abc import Sequence
from dataclasses import dataclass

from reader.gui.theme import Palette

# Amstad's reading-ease bands (German Flesch), from hard to easy: (lowest score, colour, label).
AMSTAD_BANDS: tuple[tuple[float, str, str], ...] = (
    (0, "#c62828", "sehr schwer"),
    (30, "#ef6c00", "schwer"),
    (50, "#f9a825", "mittelschwer"),
    (60, "#c0ca33", "mittel"),
    (70, "#7cb342", "mittelleicht"),
    (80, "#43a047", "leicht"),
    (90, "#2e7d32", "sehr leicht"),
)
BAND_GAP_PX = 2.0
TOP_MARGIN_PX = 8  # room for the marker, which reaches beyond the ring


@dataclass(frozen=True)
class GaugeSize:
    """The gauge's geometry in pixels at a given scale (1.0: the full-size gauge)."""

    scale: float

    @property
    def radius(self) -> float:
        return round(88 * self.scale)

    @property
    def thickness(self) -> float:
        return round(16 * self.scale)

    @property
    def width(self) -> int:
        return int(2 * (self.radius + self.thickness) + 8)

    @property
    def ring_height(self) -> int:
        """From the top of the ring to its flat ends (the centre line)."""
        return int(self.radius + self.thickness / 2 + 2)


def gauge_angle(score: float) -> float:
    """Angle in degrees (Tk's: 0 = east, counter-clockwise) of `score` on the half-circle gauge.

    0 (hardest) is at the left end (180°), 100 (easiest) at the right end (0°); scores outside
    0..100, which the formula can produce for extreme texts, are pinned to the ends.
    """
    clamped = max(0.0, min(100.0, score))
    return 180.0 - clamped * 1.8


def band_for(score: float) -> tuple[float, str, str]:
    chosen = AMSTAD_BANDS[0]
    for band in AMSTAD_BANDS:
        if score >= band[0]:
            chosen = band
    return chosen


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _mix(
    under: tuple[int, int, int], over: tuple[int, int, int], share: float
) -> tuple[int, int, int]:
    return (
        round(under[0] + (over[0] - under[0]) * share),
        round(under[1] + (over[1] - under[1]) * share),
        round(under[2] + (over[2] - under[2]) * share),
    )


def _clamp(value: float) -> float:
    return 0.0 if value < 0.0 else 1.0 if value > 1.0 else value


@functools.lru_cache(maxsize=8)
def ring_pixels(size: GaugeSize, background: str) -> tuple[tuple[str, ...], ...]:
    """The ring's picture as rows of "#rrggbb" (width × ring_height): each band's colour where
    the ring covers the pixel, blended with `background` at its edges."""
    width, height = size.width, size.ring_height
    cx, cy = width / 2, float(height)
    inner = size.radius - size.thickness / 2
    outer = size.radius + size.thickness / 2
    paper = _rgb(background)
    paper_hex = background.lower()
    colours = [_rgb(colour) for _lowest, colour, _label in AMSTAD_BANDS]
    # The boundaries between bands, as angles (radians, 0 = east) from hard to easy.
    boundaries = [math.radians(gauge_angle(lowest)) for lowest, _c, _l in AMSTAD_BANDS[1:]]
    rows: list[tuple[str, ...]] = []
    for y in range(height):
        dy = cy - (y + 0.5)  # upwards from the centre line
        row: list[str] = []
        for x in range(width):
            dx = (x + 0.5) - cx
            r = math.hypot(dx, dy)
            coverage = _clamp(outer - r + 0.5) * _clamp(r - inner + 0.5) * _clamp(dy + 0.5)
            if coverage <= 0.0:
                row.append(paper_hex)
                continue
            angle = math.atan2(max(dy, 0.0), dx)
            band = sum(1 for boundary in boundaries if angle < boundary)
            # Distance in pixels to the nearest boundary: a thin gap of background between bands.
            gap = min((abs(r * math.sin(angle - b)) for b in boundaries), default=99.0)
            coverage *= _clamp(gap - BAND_GAP_PX / 2 + 0.5)
            red, green, blue = _mix(paper, colours[band], coverage)
            row.append(f"#{red:02x}{green:02x}{blue:02x}")
        rows.append(tuple(row))
    return tuple(rows)


class Gauge(tk.Canvas):
    """The gauge at a scale; `draw(score)` shows a score (None: still analysing)."""

    def __init__(self, master: tk.Misc, family: str) -> None:
        super().__init__(master, highlightthickness=0, borderwidth=0)
        self.family = family
        self.gauge_size = GaugeSize(1.0)
        self.image: tk.PhotoImage | None = None
        self._image_key: tuple[GaugeSize, str] | None = None
        self.fonts = {
            "score": tkfont.Font(self, family=family, size=26, weight="bold"),
            "caption": tkfont.Font(self, family=family, size=9),
            "waiting": tkfont.Font(self, family=family, size=22),
        }

    def draw(self, score: float | None, colours: Palette, background: str, scale: float) -> None:
        size = self.gauge_size = GaugeSize(scale)
        score_font, caption = self.fonts["score"], self.fonts["caption"]
        score_font.configure(size=max(16, round(26 * scale)))
        self.fonts["waiting"].configure(size=max(14, round(22 * scale)))
        # "hard" and "easy" below the ring's flat ends, the canvas tall enough for their
        # descenders ("easy" lost its "y" once); the formula's name inside, above the line.
        label_height = caption.metrics("linespace")
        cx, cy = size.width / 2, TOP_MARGIN_PX + size.ring_height
        self.configure(width=size.width, height=cy + label_height + 3, background=background)
        self.delete("all")
        self._draw_ring(size, background)
        label_y = cy + 1 + label_height / 2
        for x, text in ((cx - size.radius, "hard"), (cx + size.radius, "easy")):
            self.create_text(x, label_y, text=text, fill=colours.muted, font=caption)
        caption_y = cy - 1 - label_height / 2
        self.create_text(
            cx, caption_y, text="Flesch–Amstad", fill=colours.muted, font=caption, tags=("caption",)
        )
        above_caption = caption_y - label_height / 2
        if score is None:
            self.create_text(
                cx,
                above_caption,
                text="…",
                anchor="s",
                font=self.fonts["waiting"],
                fill=colours.muted,
            )
            return
        self._draw_marker(score, size, colours)
        self.create_text(
            cx,
            above_caption + score_font.metrics("descent") - 1,  # digits have no descent
            text=f"{score:.0f}",
            anchor="s",
            font=score_font,
            fill=colours.text,
            tags=("score",),
        )

    def _draw_ring(self, size: GaugeSize, background: str) -> None:
        key = (size, background)
        if self.image is None or self._image_key != key:
            image = tk.PhotoImage(master=self, width=size.width, height=size.ring_height)
            image.put(_photo_data(ring_pixels(size, background)))
            self.image, self._image_key = image, key
        self.create_image(0, TOP_MARGIN_PX, image=self.image, anchor="nw", tags=("ring",))

    def _draw_marker(self, score: float, size: GaugeSize, colours: Palette) -> None:
        """A marker across the band (not a needle from the centre, which would cross the
        number), in the text colour with a rim of the background so it stands out on any band."""
        angle = math.radians(gauge_angle(score))
        cx, cy = size.width / 2, TOP_MARGIN_PX + size.ring_height
        inner = size.radius - size.thickness / 2 - 5 * size.scale
        outer = size.radius + size.thickness / 2 + 3 * size.scale
        points = (
            cx + inner * math.cos(angle),
            cy - inner * math.sin(angle),
            cx + outer * math.cos(angle),
            cy - outer * math.sin(angle),
        )
        width = max(3, round(5 * size.scale))
        self.create_line(*points, width=width + 4, fill=self["background"], capstyle="round")
        self.create_line(
            *points,
            width=width,
            fill=colours.text,
            capstyle="round",
            tags=("needle",),
        )


def _photo_data(rows: Sequence[Sequence[str]]) -> str:
    return " ".join("{" + " ".join(row) + "}" for row in rows)
