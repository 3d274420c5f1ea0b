"""A PDF page's text runs, placed on the page, to lines in reading order and then paragraphs.

PDFium gives a page's text as runs: rectangles of text on one line (a word, a line, or part of
one). From their positions come the lines, the columns (a blank vertical band that (almost) no
run crosses), the paragraph breaks (a wider gap between lines, a change of type size, a short
last line), and the tables (several cells far apart on line after line). Justified lines have
their words a little apart, never as far as table cells, so they stay prose.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

# A gap between runs wider than this many line heights separates table cells; words in justified
# text stand at most about one height apart.
_CELL_GAP = 1.3
_WORD_GAP = 0.2
# (?<!\s): a search starts only at the first space of a run, so a long run is scanned once.
_LEADER = re.compile(r"(?<!\s)\s*[.·…_]+\s*")
_MIN_LEADERS = 3
_ALIGNED = 3.0  # cell edges this close (points) line up in a table's column
_MIN_CELLS = 3
# A column gutter: at least this wide (points), in the middle half of the page, crossed by at
# most this share of the runs (a headline over both columns).
_GUTTER_WIDTH = 6.0
_GUTTER_CROSSING = 0.1
_MIN_COLUMN_LINES = 4
_PARAGRAPH_PITCH = 1.4  # a line pitch this much above the usual one starts a paragraph
_BLANK_LINE = 2.0  # a step of this many line heights leaves a blank line between
_SIZE_CHANGE = 0.35  # a type size this much larger or smaller starts a paragraph
_SENTENCE_END = re.compile(r"[.!?:…\"“”»«)]$")
_HYPHENATED = re.compile(r"[^\W\d_](?:-|\u00ad| -)$")
# Marks that open a list item; "n", "l", "q", "u" are the ZapfDingbats and Wingdings squares,
# dots and arrows when the font does not say what they are.
_BULLETS = frozenset("• ▪ ■ ● ◦ ◆ ► ✓ n l q u".split())


def _joins(before: str, after: str) -> bool:
    """No space between two runs: one has it already, or the second is a hyphenation mark."""
    return before.endswith(" ") or after.startswith((" ", "\u00ad", "-"))


@dataclass(frozen=True)
class Run:
    """Text in one rectangle on one line; PDF coordinates (y grows upwards)."""

    left: float
    bottom: float
    right: float
    top: float
    text: str

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass(frozen=True)
class Cell:
    left: float
    right: float
    text: str


@dataclass(frozen=True)
class Line:
    """Runs on one line, left to right. Its measures are worked out once, when first asked."""

    runs: tuple[Run, ...]

    @cached_property
    def right(self) -> float:
        return max(run.right for run in self.runs)

    @cached_property
    def top(self) -> float:
        return max(run.top for run in self.runs)

    @cached_property
    def height(self) -> float:
        return max(run.height for run in self.runs)

    @cached_property
    def has_leaders(self) -> bool:
        """A table of contents' line: ". . . . ." between an entry and its page number."""
        return sum(1 for run in self.runs if _LEADER.fullmatch(run.text)) >= _MIN_LEADERS

    @cached_property
    def spans(self) -> list[Cell]:
        return self.cell_spans()

    def cell_spans(self) -> list[Cell]:
        """The line's text in pieces, split where table cells stand apart. Dot leaders (a table
        of contents' ". . . . 42") are left out: they lead the eye, they are no cells."""
        cells: list[Cell] = []
        previous: Run | None = None
        runs = [run for run in self.runs if not _LEADER.fullmatch(run.text)]
        for run in runs if self.has_leaders else self.runs:
            gap = run.left - previous.right if previous is not None else 0.0
            height = max(run.height, previous.height) if previous is not None else run.height
            if previous is None or gap > _CELL_GAP * height:
                cells.append(Cell(run.left, run.right, run.text))
            else:
                space = gap > _WORD_GAP * height and not _joins(previous.text, run.text)
                last = cells[-1]
                cells[-1] = Cell(last.left, run.right, last.text + " " * space + run.text)
            previous = run
        return [Cell(c.left, c.right, c.text.strip()) for c in cells if c.text.strip()]

    def cells(self) -> list[str]:
        return [cell.text for cell in self.spans]

    @cached_property
    def text(self) -> str:
        return " ".join(self.cells())


def _same_line(line: list[Run], run: Run) -> bool:
    last = line[-1]
    overlap = min(last.top, run.top) - max(last.bottom, run.bottom)
    return overlap >= 0.5 * min(last.height, run.height)


def group_lines(runs: Iterable[Run]) -> list[Line]:
    """Runs gathered into lines, top to bottom; runs of one line in their reading order."""
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda run: -run.top):
        for line in reversed(lines[-3:]):  # a run belongs to one of the last few lines or none
            if _same_line(line, run):
                line.append(run)
                break
        else:
            lines.append([run])
    return [Line(tuple(sorted(line, key=lambda run: run.left))) for line in lines]


def find_gutter(
    runs: Sequence[Run], width: float, *, min_lines: int = _MIN_COLUMN_LINES
) -> tuple[float, float] | None:
    """(left, right) of the blank band between two text columns, or None."""
    if len(runs) < 2 * min_lines or width <= 0:
        return None
    bins = int(width) + 1
    counts = _coverage(runs, bins)
    allowed = len(runs) * _GUTTER_CROSSING
    best: tuple[float, float] | None = None
    best_sides = 0
    x = bins // 4
    while x < 3 * bins // 4:
        if counts[x] > allowed:
            x += 1
            continue
        end = x
        while end < bins and counts[end] <= allowed:
            end += 1
        if end - x >= _GUTTER_WIDTH:
            sides = _two_sided(runs, x, end)
            if sides >= min_lines and sides > best_sides:
                best, best_sides = (float(x), float(end)), sides
        x = end + 1
    return best


def page_gutters(
    pages: Sequence[Sequence[Run]], widths: Sequence[float]
) -> list[tuple[float, float] | None]:
    """Each page's column gutter. A short page (the end of an article) has too few lines to
    prove two columns by itself; it is believed when its gutter lies where the page before had
    one."""
    gutters: list[tuple[float, float] | None] = []
    before: tuple[float, float] | None = None  # the last gutter found on an earlier page
    for runs, width in zip(pages, widths, strict=True):
        gutter = find_gutter(runs, width)
        if gutter is None and before is not None:
            candidate = find_gutter(runs, width, min_lines=1)
            if candidate and candidate[0] < before[1] and before[0] < candidate[1]:
                gutter = candidate
        gutters.append(gutter)
        before = gutter or before
    return gutters


def _coverage(runs: Sequence[Run], bins: int) -> list[int]:
    """For each point across the page: how many runs cover it."""
    changes = [0] * (bins + 1)
    for run in runs:
        changes[min(bins, max(0, int(run.left)))] += 1
        changes[min(bins, max(0, int(run.right) + 1))] -= 1
    counts, covering = [], 0
    for change in changes[:bins]:
        covering += change
        counts.append(covering)
    return counts


def _two_sided(runs: Sequence[Run], start: float, end: float) -> int:
    """How many lines have text wholly left, or wholly right, of the band: the smaller count."""
    left = len({round(run.top) for run in runs if run.right <= start + 1})
    right = len({round(run.top) for run in runs if run.left >= end - 1})
    return min(left, right)


def reading_order(runs: Sequence[Run], gutter: tuple[float, float] | None) -> list[Line]:
    """The page's lines read column by column; a line across the gutter (a headline over both
    columns) ends the columns above it."""
    lines = group_lines(runs)
    if gutter is None:
        return lines
    start, end = gutter
    ordered: list[Line] = []
    left: list[Run] = []
    right: list[Run] = []
    for line in lines:
        if any(run.left < start - 1 and run.right > end + 1 for run in line.runs):
            ordered += group_lines(left) + group_lines(right) + [line]
            left, right = [], []
            continue
        for run in line.runs:
            (left if run.right <= (start + end) / 2 else right).append(run)
    return ordered + group_lines(left) + group_lines(right)


def _is_bullet(line: Line) -> bool:
    """The line opens a list item with a bullet of its own (a separate run before the text)."""
    return len(line.runs) > 1 and line.runs[0].text.strip() in _BULLETS


def _aligned(row: Sequence[Cell], other: Sequence[Cell]) -> bool:
    """Two lines whose cells (after the first) start or end at the same places, or stand over
    each other: a table's rows. The gaps of justified lines fall where the words happen to end,
    never twice in one place."""
    edges = [edge for cell in other[1:] for edge in (cell.left, cell.right)]
    matches = sum(
        1
        for cell in row[1:]
        if any(abs(cell.left - e) <= _ALIGNED or abs(cell.right - e) <= _ALIGNED for e in edges)
    )
    if matches >= min(len(row), len(other)) - 1 >= _MIN_CELLS - 1:
        return True
    # A header over the columns: as many cells, each over the one below it.
    return len(row) == len(other) and all(
        a.left < b.right and b.left < a.right for a, b in zip(row[1:], other[1:], strict=True)
    )


def table_rows(lines: Sequence[Line]) -> list[bool]:
    """For each line: is it a row of a table (cells far apart, lined up with a row next to it)?"""
    spans = [line.spans for line in lines]
    rows = []
    for index, cells in enumerate(spans):
        neighbours = spans[max(0, index - 1) : index] + spans[index + 1 : index + 2]
        rows.append(len(cells) >= _MIN_CELLS and any(_aligned(cells, n) for n in neighbours))
    return rows


def _usual_pitch(lines: Sequence[Line]) -> float:
    pitches = [
        above.top - below.top
        for above, below in itertools.pairwise(lines)
        if 0 < above.top - below.top < 3 * above.height
    ]
    return statistics.median(pitches) if pitches else 0.0


def _starts_paragraph(above: Line, below: Line, pitch: float, column_right: float) -> bool:
    """Whether `below` begins a new paragraph after `above`."""
    text = above.text
    if _HYPHENATED.search(text):  # "Verschwen-" / "dung": a word goes on
        return False
    height = max(above.height, below.height)
    room = column_right - above.right
    # A sentence ends and the next line's first word would have fitted: the writer broke here.
    ends_short = room > _first_word_width(below) and bool(_SENTENCE_END.search(text))
    if below.top > above.top:  # the next column or page: the paragraph may go on
        return ends_short
    if abs(below.height - above.height) > _SIZE_CHANGE * height:
        return True
    step = above.top - below.top
    # Large type (a title) has a larger pitch of its own than the text's usual one.
    if step > _BLANK_LINE * height or (pitch and step > _PARAGRAPH_PITCH * max(pitch, height)):
        return True
    return ends_short


def _first_word_width(line: Line) -> float:
    run = line.runs[0]
    word = run.text.lstrip().split(" ", 1)[0]
    return (run.right - run.left) * (len(word) + 1) / max(1, len(run.text.strip()))


def _column_rights(lines: Sequence[Line]) -> list[float]:
    """For each line, the right edge of its column: a column (or page) starts where the next
    line stands higher than the one before."""
    rights: list[float] = []
    start = 0
    for index in range(1, len(lines) + 1):
        if index == len(lines) or lines[index].top > lines[index - 1].top:
            edge = max(line.right for line in lines[start:index])
            rights += [edge] * (index - start)
            start = index
    return rights


def paragraphs(lines: Sequence[Line]) -> Iterator[list[str]]:
    """The lines of each paragraph; a table row comes as one line of cells joined by " · "."""
    pitch = _usual_pitch(lines)
    rows = table_rows(lines)
    rights = _column_rights(lines)
    current: list[str] = []
    for index, line in enumerate(lines):
        if rows[index] or line.has_leaders:
            if current:
                yield current
            yield [(" " if line.has_leaders else " · ").join(line.cells())]
            current = []
            continue
        bullet = _is_bullet(line)
        above = lines[index - 1]
        if current and (bullet or _starts_paragraph(above, line, pitch, rights[index - 1])):
            yield current
            current = []
        current.append(Line(line.runs[1:]).text if bullet else line.text)
    if current:
        yield current
