"""The readability panel: the Amstad score on a gauge, the CEFR estimate and the details.

Every figure explains itself: pointing at it shows what it measures and how to read it, and
the "?" beside the caption shows all of it at once. In a narrow side pane the gauge shrinks
and the figures go into one column; in a short one the panel scrolls instead of being cut off.
"""

from __future__ import annotations

import tkinter as tk
from tkinter import ttk
from typing import TYPE_CHECKING

from reader.gui import events
from reader.gui.gauge import Gauge, GaugeSize, band_for
from reader.gui.scrolled_frame import ScrolledFrame
from reader.gui.state import ReaderState
from reader.gui.theme import CEFR_COLOURS, UI_FAMILIES, first_family, palette
from reader.gui.tooltip import attach_tooltip
from reader.readability.level import (
    CEFR_LEVELS,
    LEVEL_WORD_LIST,
    sentence_level,
    vocabulary_level,
)

if TYPE_CHECKING:
    from reader.gui.app import ReaderWindow
    from reader.readability import ReadabilityReport

COVERAGE_LEVELS = (1000, 2000, 5000)  # word-rank limits, as in the readability report
LEVEL_COLUMN_PX = 104  # the CEFR badge and its lines beside the gauge
MIN_GAUGE_SCALE = 0.6

# What each figure means, for its tooltip and the "?" summary: (heading, explanation).
EXPLANATIONS: dict[str, tuple[str, str]] = {
    "gauge": (
        "Flesch–Amstad reading ease",
        "The German Flesch formula (Amstad): 180 − words per sentence − 58.5 × syllables per "
        "word. 0–30 very hard (academic, legal), 30–50 hard (quality newspapers), 50–70 medium, "
        "70–100 easy (magazines, children's books).",
    ),
    "sentences": ("Sentences", "The number of sentences in the article."),
    "words": ("Words", "The number of running words in the article."),
    "avg_sentence_length": (
        "Words per sentence",
        "The average sentence length. Texts for beginners stay under about 11 words, news "
        "articles have 15–20.",
    ),
    "long_sentences": (
        "Long sentences",
        "Sentences of more than 25 words. The “Long sentences” switch shades them in the text.",
    ),
    "lix": (
        "LIX (Läsbarhetsindex)",
        "Words per sentence plus the percentage of words longer than six letters. Below 40 "
        "easy, 40–50 medium, 50–60 hard, above 60 very hard.",
    ),
    "wiener": (
        "Wiener Sachtextformel (WSTF 1)",
        "The Vienna formula for non-fiction: a German school year from 4 (easy) to 15 (very "
        "hard), from the shares of long and many-syllable words and the sentence length.",
    ),
    "coverage": (
        "Share of words among the most frequent",
        "How many of the text's running words are among the 1,000, 2,000 and 5,000 most "
        "frequent German words. With 95–98 % of the words known, a text reads comfortably.",
    ),
    "cefr": (
        "Estimated level (CEFR)",
        "A rule of thumb, not a test: the level of the vocabulary (its share among the 5,000 "
        "most frequent words), raised to one below the level of the sentence length when the "
        "sentences are much harder than the words.",
    ),
    "rare_words": (
        "Rare words",
        "The article's least frequent words, in their dictionary form. Double-click one in the "
        "text for its meaning.",
    ),
}
FIGURES = (
    ("sentences", "Sentences"),
    ("words", "Words"),
    ("avg_sentence_length", "Words/sentence"),
    ("long_sentences", "Long sentences"),
    ("lix", "LIX"),
    ("wiener", "Wiener (WSTF 1)"),
)


def gauge_scale(panel_width: int) -> float:
    """How large the gauge can be beside the level column in a panel `panel_width` wide."""
    room = panel_width - LEVEL_COLUMN_PX
    scale = room / GaugeSize(1.0).width
    return round(max(MIN_GAUGE_SCALE, min(1.0, scale)), 2)


def level_parts(report: ReadabilityReport) -> tuple[str, str] | None:
    """The two levels the CEFR estimate is made of: (the words', the sentences')."""
    if report.counts.words == 0 or LEVEL_WORD_LIST not in report.coverage:
        return None
    return (
        CEFR_LEVELS[vocabulary_level(report.coverage)],
        CEFR_LEVELS[sentence_level(report.avg_sentence_length)],
    )


def level_reasons(report: ReadabilityReport) -> str:
    """ "words C1\nsentences A2", shown under the estimate (which is C1 then)."""
    parts = level_parts(report)
    return "" if parts is None else f"words {parts[0]}\nsentences {parts[1]}"


def explanation(key: str) -> str:
    heading, body = EXPLANATIONS[key]
    return f"{heading}\n\n{body}"


def setup(window: ReaderWindow) -> ReadabilityPanel:
    """The panel at the top of the side pane."""
    panel = ReadabilityPanel(window.side_pane, window.state)
    window.side_pane.add(panel, weight=0)
    return panel


class ReadabilityPanel(ScrolledFrame):
    def __init__(self, master: tk.Misc, state: ReaderState) -> None:
        super().__init__(master, padding=(12, 10))
        self.shared = state
        self.report: ReadabilityReport | None = None
        self.values: dict[str, tk.StringVar] = {}
        self.scale = 1.0
        self._columns = 2
        self._build()
        self.watch_wheel()
        state.on(events.ARTICLE_LOADED, self.show_waiting)
        state.on(events.ANALYSIS_READY, self.show_report)
        state.on(events.SETTINGS_CHANGED, self._redraw)

    def _build(self) -> None:
        body = self.body
        heading = ttk.Frame(body)
        heading.pack(fill="x")
        ttk.Label(heading, text="READABILITY", style="Caption.TLabel").pack(side="left")
        self.help_button = ttk.Button(
            heading, text="?", width=2, style="Toolbutton", command=self.explain_all
        )
        self.help_button.pack(side="right")
        attach_tooltip(self.help_button, "What do these figures mean?")
        top = ttk.Frame(body)
        top.pack(fill="x", pady=(2, 0))
        family = first_family(self, UI_FAMILIES, "TkDefaultFont")
        self.gauge = Gauge(top, family)
        self.gauge.pack(side="left", anchor="n")
        attach_tooltip(self.gauge, explanation("gauge"))
        level = ttk.Frame(top)
        level.pack(side="left", fill="both", expand=True, padx=(8, 0), pady=(8, 0))
        self.cefr_badge = tk.Label(
            level, text="–", width=4, font=(family, 16, "bold"), foreground="white"
        )
        self.cefr_badge.pack(anchor="w")
        self.cefr_text = ttk.Label(level, text="level (CEFR)", style="Muted.TLabel")
        self.cefr_text.pack(anchor="w", pady=(2, 0))
        self.level_reasons = ttk.Label(level, text="", style="Muted.TLabel", justify="left")
        self.level_reasons.pack(anchor="w")
        for widget in (self.cefr_badge, self.cefr_text, self.level_reasons):
            attach_tooltip(widget, self._cefr_explanation)
        self.values["reading_time"] = tk.StringVar(self, "–")
        ttk.Label(level, textvariable=self.values["reading_time"]).pack(anchor="w", pady=(4, 0))
        self.band_label = ttk.Label(body, text="", style="Band.TLabel", anchor="w")
        self.band_label.pack(fill="x", pady=(2, 6))
        attach_tooltip(self.band_label, explanation("gauge"))
        self.grid_frame = ttk.Frame(body)
        self.grid_frame.pack(fill="x")
        self.figure_cells: list[tuple[ttk.Label, ttk.Label]] = []
        for key, caption in FIGURES:
            self.values[key] = variable = tk.StringVar(self, "–")
            name = ttk.Label(self.grid_frame, text=caption, style="Muted.TLabel")
            value = ttk.Label(self.grid_frame, textvariable=variable)
            for widget in (name, value):
                attach_tooltip(widget, explanation(key))
            self.figure_cells.append((name, value))
        self._place_figures(2)
        self.coverage_caption = coverage_caption = ttk.Label(
            body, text="Words among the most frequent", style="Muted.TLabel"
        )
        coverage_caption.pack(anchor="w", pady=(8, 2))
        attach_tooltip(coverage_caption, explanation("coverage"))
        self.coverage_bars: dict[int, ttk.Progressbar] = {}
        for level_name in COVERAGE_LEVELS:
            line = ttk.Frame(body)
            line.pack(fill="x")
            ttk.Label(line, text=f"{level_name}", width=5, style="Muted.TLabel").pack(side="left")
            bar = ttk.Progressbar(line, maximum=100, length=60)
            bar.pack(side="left", fill="x", expand=True, padx=4)
            variable = tk.StringVar(self, "–")
            self.values[f"coverage_{level_name}"] = variable
            ttk.Label(line, textvariable=variable, width=5, anchor="e").pack(side="right")
            self.coverage_bars[level_name] = bar
            text = (
                f"{level_name:,} most frequent words\n\n"
                f"The share of the text's running words among the {level_name:,} most frequent "
                "German words. " + EXPLANATIONS["coverage"][1].split(". ", 1)[1]
            )
            for part in (line, *line.winfo_children()):
                attach_tooltip(part, text)
        self.rare_words = ttk.Label(body, text="", style="Muted.TLabel", justify="left")
        self.rare_words.pack(anchor="w", fill="x", pady=(6, 0))
        attach_tooltip(self.rare_words, explanation("rare_words"))
        body.bind("<Configure>", self._resized, add=True)
        self._redraw()

    # --- fitting the width ------------------------------------------------------------------

    def _resized(self, event: tk.Event[tk.Misc]) -> None:
        if event.widget is not self.body:
            return
        inner = event.width - 24  # the body's padding
        self.rare_words.configure(wraplength=max(120, inner))
        self.band_label.configure(wraplength=max(120, inner))
        self.coverage_caption.configure(wraplength=max(120, inner))
        scale = gauge_scale(inner)
        if scale != self.scale:
            self.scale = scale
            self._redraw()
        columns = 2 if inner >= self._two_column_width() else 1
        if columns != self._columns:
            self._place_figures(columns)

    def _two_column_width(self) -> int:
        names = [name.winfo_reqwidth() for name, _value in self.figure_cells]
        values = [value.winfo_reqwidth() for _name, value in self.figure_cells]
        left = max(names[0::2]) + max(values[0::2])
        right = max(names[1::2]) + max(values[1::2])
        return left + right + 12 + 2 * 6 + 6

    def _place_figures(self, columns: int) -> None:
        """The figures in two columns of caption and value, or in one when the pane is narrow."""
        self._columns = columns
        for number, (name, value) in enumerate(self.figure_cells):
            row, column = divmod(number, columns)
            name.grid(
                row=row, column=column * 2, sticky="w", pady=1, padx=(0 if column == 0 else 12, 6)
            )
            value.grid(row=row, column=column * 2 + 1, sticky="e")
        for column in range(4):
            self.grid_frame.columnconfigure(column, weight=1 if column % 2 else 0)

    # --- the report ---------------------------------------------------------------------------

    def show_waiting(self) -> None:
        self.report = None
        for variable in self.values.values():
            variable.set("–")
        for bar in self.coverage_bars.values():
            bar.configure(value=0)
        self.band_label.configure(text="Analysing…")
        self.rare_words.configure(text="")
        self.level_reasons.configure(text="")
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
        label = report.label or band_for(report.flesch_amstad)[2]
        if session.partial is not None:
            total = len(session.document.paragraphs)
            label = f"Partial: first {session.partial:,} of {total:,} paragraphs…"
        self.band_label.configure(text=label)
        cefr = report.cefr or "–"
        self.cefr_badge.configure(text=cefr, background=CEFR_COLOURS.get(cefr, "#8c959f"))
        self.level_reasons.configure(text=level_reasons(report))
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

    def _cefr_explanation(self) -> str:
        text = explanation("cefr")
        report = self.report
        parts = None if report is None else level_parts(report)
        if report is None or parts is None:
            return text
        share = report.coverage.get(LEVEL_WORD_LIST, 0.0)
        return (
            f"{text} This article: {share:.0%} of its words are among the 5,000 most frequent "
            f"({parts[0]}), its sentences have {report.avg_sentence_length:.1f} words on "
            f"average ({parts[1]}): {report.cefr}."
        )

    def explain_all(self) -> None:
        """Every figure's explanation in one message."""
        keys = ("gauge", "cefr", "avg_sentence_length", "lix", "wiener", "coverage", "rare_words")
        text = "\n\n".join(f"{EXPLANATIONS[key][0]}: {EXPLANATIONS[key][1]}" for key in keys)
        self.shared.dialogs.show_info(self, "What the readability figures mean", text)

    def _redraw(self) -> None:
        colours = palette(self.shared.settings.theme)
        # The theme's own colour, not a style lookup, which can answer with the old theme's
        # (or no) colour while the theme changes: the gauge was once drawn on white in the dark.
        background = colours.chrome
        self.set_background(background)
        score = None if self.report is None else self.report.flesch_amstad
        self.gauge.draw(score, colours, background, self.scale)
