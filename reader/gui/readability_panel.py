"""The readability panel: the Amstad score on a gauge with coloured bands, and the details."""

from __future__ import annotations

import math
import tkinter as tk
from tkinter import ttk
from typing import TYPE_CHECKING

from reader.gui import events
from reader.gui.state import ReaderState
from reader.gui.theme import CEFR_COLOURS, palette

if TYPE_CHECKING:
    from reader.gui.app import ReaderWindow
    from reader.readability import ReadabilityReport

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
GAUGE_WIDTH = 210
GAUGE_HEIGHT = 124
GAUGE_RADIUS = 88
GAUGE_THICKNESS = 16
COVERAGE_LEVELS = (1000, 2000, 5000)  # word-rank limits, as in the readability report


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


def setup(window: ReaderWindow) -> ReadabilityPanel:
    """The panel at the top of the side pane."""
    panel = ReadabilityPanel(window.side_pane, window.state)
    window.side_pane.add(panel, weight=0)
    return panel


class ReadabilityPanel(ttk.Frame):
    def __init__(self, master: tk.Misc, state: ReaderState) -> None:
        super().__init__(master, padding=(14, 10))
        self.shared = state
        self.report: ReadabilityReport | None = None
        self.values: dict[str, tk.StringVar] = {}
        self._build()
        state.on(events.ARTICLE_LOADED, self.show_waiting)
        state.on(events.ANALYSIS_READY, self.show_report)
        state.on(events.SETTINGS_CHANGED, self._redraw)

    def _build(self) -> None:
        ttk.Label(self, text="READABILITY", style="Caption.TLabel").pack(anchor="w")
        top = ttk.Frame(self)
        top.pack(fill="x", pady=(2, 0))
        self.gauge = tk.Canvas(
            top, width=GAUGE_WIDTH, height=GAUGE_HEIGHT, highlightthickness=0, borderwidth=0
        )
        self.gauge.pack(side="left")
        level = ttk.Frame(top)
        level.pack(side="left", fill="both", expand=True, padx=(10, 0), pady=(8, 0))
        self.cefr_badge = tk.Label(
            level, text="–", width=4, font=("TkDefaultFont", 16, "bold"), foreground="white"
        )
        self.cefr_badge.pack(anchor="w")
        self.cefr_text = ttk.Label(level, text="level (CEFR)", style="Muted.TLabel")
        self.cefr_text.pack(anchor="w", pady=(2, 6))
        self.values["reading_time"] = tk.StringVar(self, "–")
        ttk.Label(level, textvariable=self.values["reading_time"]).pack(anchor="w")
        self.band_label = ttk.Label(self, text="", style="Band.TLabel", anchor="w")
        self.band_label.pack(fill="x", pady=(2, 6))
        grid = ttk.Frame(self)
        grid.pack(fill="x")
        cells = (
            ("sentences", "Sentences"),
            ("words", "Words"),
            ("avg_sentence_length", "Words/sentence"),
            ("long_sentences", "Long sentences"),
            ("lix", "LIX"),
            ("wiener", "Wiener (WSTF 1)"),
        )
        for number, (key, caption) in enumerate(cells):
            row, column = divmod(number, 2)
            ttk.Label(grid, text=caption, style="Muted.TLabel").grid(
                row=row, column=column * 2, sticky="w", pady=1, padx=(0 if column == 0 else 14, 6)
            )
            variable = tk.StringVar(self, "–")
            self.values[key] = variable
            ttk.Label(grid, textvariable=variable).grid(row=row, column=column * 2 + 1, sticky="e")
        grid.columnconfigure(1, weight=1)
        grid.columnconfigure(3, weight=1)
        ttk.Label(self, text="Share of words among the most frequent", style="Muted.TLabel").pack(
            anchor="w", pady=(8, 2)
        )
        self.coverage_bars: dict[int, ttk.Progressbar] = {}
        for level_name in COVERAGE_LEVELS:
            line = ttk.Frame(self)
            line.pack(fill="x")
            ttk.Label(line, text=f"{level_name}", width=5, style="Muted.TLabel").pack(side="left")
            bar = ttk.Progressbar(line, maximum=100, length=120)
            bar.pack(side="left", fill="x", expand=True, padx=4)
            variable = tk.StringVar(self, "–")
            self.values[f"coverage_{level_name}"] = variable
            ttk.Label(line, textvariable=variable, width=5, anchor="e").pack(side="right")
            self.coverage_bars[level_name] = bar
        self.rare_words = ttk.Label(
            self, text="", style="Muted.TLabel", wraplength=260, justify="left"
        )
        self.rare_words.pack(anchor="w", fill="x", pady=(6, 0))
        self.bind("<Configure>", self._rewrap, add=True)
        self._redraw()

    def _rewrap(self, event: tk.Event[tk.Misc]) -> None:
        self.rare_words.configure(wraplength=max(120, event.width - 30))

    def show_waiting(self) -> None:
        self.report = None
        for variable in self.values.values():
            variable.set("–")
        for bar in self.coverage_bars.values():
            bar.configure(value=0)
        self.band_label.configure(text="Analysing…")
        self.rare_words.configure(text="")
        self.cefr_badge.configure(text="–", background="#8c959f")
        self._redraw()

    def show_report(self) -> None:
        session = self.shared.session
        if session is None:
            return
        if session.readability is None:
            self.band_label.configure(text=session.analysis_error or "No score for this text.")
            return
        report = self.report = session.readability
        self.band_label.configure(text=report.label or band_for(report.flesch_amstad)[2])
        cefr = report.cefr or "–"
        self.cefr_badge.configure(text=cefr, background=CEFR_COLOURS.get(cefr, "#8c959f"))
        minutes = report.reading_time_min
        self.values["reading_time"].set(
            "< 1 min read" if minutes < 1 else f"≈ {round(minutes)} min read"
        )
        self.values["sentences"].set(str(report.counts.sentences))
        self.values["words"].set(str(report.counts.words))
        self.values["avg_sentence_length"].set(f"{report.avg_sentence_length:.1f}")
        self.values["long_sentences"].set(str(report.long_sentences))
        first = report.wiener_sachtextformel.get(1)
        self.values["wiener"].set("–" if first is None else f"{first:.1f}")
        self.values["lix"].set(f"{report.lix:.0f}")
        for level in COVERAGE_LEVELS:
            share = report.coverage.get(level, 0.0)
            self.coverage_bars[level].configure(value=share * 100)
            self.values[f"coverage_{level}"].set(f"{share:.0%}")
        rare = [word.lemma for word in report.rare_words[:10]]
        self.rare_words.configure(text=("Rare words: " + ", ".join(rare)) if rare else "")
        self._redraw()

    def _redraw(self) -> None:
        colours = palette(self.shared.settings.theme)
        canvas = self.gauge
        canvas.delete("all")
        canvas.configure(background=_frame_background(self))
        cx, cy = GAUGE_WIDTH / 2, GAUGE_HEIGHT - 18
        box = (cx - GAUGE_RADIUS, cy - GAUGE_RADIUS, cx + GAUGE_RADIUS, cy + GAUGE_RADIUS)
        uppers = [band[0] for band in AMSTAD_BANDS[1:]] + [100.0]
        for (lower, colour, label), upper in zip(AMSTAD_BANDS, uppers, strict=True):
            start = gauge_angle(upper)
            canvas.create_arc(
                *box,
                start=start,
                extent=gauge_angle(lower) - start,
                style="arc",
                outline=colour,
                width=GAUGE_THICKNESS,
                tags=("band", label),
            )
        canvas.create_text(cx - GAUGE_RADIUS, cy + 12, text="hard", fill=colours.muted)
        canvas.create_text(cx + GAUGE_RADIUS, cy + 12, text="easy", fill=colours.muted)
        if self.report is None:
            canvas.create_text(
                cx, cy - 20, text="…", font=("TkDefaultFont", 22), fill=colours.muted
            )
            return
        score = self.report.flesch_amstad
        angle = math.radians(gauge_angle(score))
        # A marker across the band (not a needle from the centre, which would cross the number).
        inner, outer = (
            GAUGE_RADIUS - GAUGE_THICKNESS / 2 - 6,
            GAUGE_RADIUS + GAUGE_THICKNESS / 2 + 6,
        )
        canvas.create_line(
            cx + inner * math.cos(angle),
            cy - inner * math.sin(angle),
            cx + outer * math.cos(angle),
            cy - outer * math.sin(angle),
            width=5,
            fill=colours.text,
            capstyle="round",
            tags=("needle",),
        )
        canvas.create_text(
            cx,
            cy - 26,
            text=f"{score:.0f}",
            font=("TkDefaultFont", 26, "bold"),
            fill=colours.text,
            tags=("score",),
        )
        canvas.create_text(cx, cy + 2, text="Flesch–Amstad", fill=colours.muted)


def _frame_background(widget: ttk.Frame) -> str:
    style = ttk.Style(widget)
    colour = style.lookup("TFrame", "background")
    return str(colour) if colour else "#fafafa"
