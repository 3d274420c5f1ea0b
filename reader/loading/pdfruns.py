"""The runs of text on a PDF page, as PDFium places them: rectangles with the text inside each.

PDFium's text page lists characters in reading order and can say which rectangles ("rects") a
range of them covers. Asking for the text inside each rectangle costs a pass over the whole page
per rectangle, so the text is taken once for the page and cut where the rectangles begin: a line
of PDFium's text that covers one rectangle is one run; in a line of several, the start of each
is found by halving the range. Pages whose text does not line up with the character list (rare)
are read rectangle by rectangle.
"""

from __future__ import annotations

from typing import Any

from reader.loading.pdflayout import Run
from reader.loading.pdftext import clean_run

_SPACED_OUT = 0.6  # a run this many line heights wide per character has gaps of spaces in it
_LINE_BREAK = "\r\n"

Box = tuple[float, float, float, float]


def page_runs(page: Any) -> list[Run]:
    """The runs of text on one page, in PDFium's reading order."""
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        if len(text) != textpage.count_chars():
            return _bounded_runs(textpage)
        runs: list[Run] = []
        for start, end in _segments(text):
            runs += _segment_runs(textpage, text, start, end)
        return runs
    finally:
        textpage.close()


def _segments(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of text between PDFium's line breaks."""
    segments, start = [], 0
    while start < len(text):
        end = text.find(_LINE_BREAK, start)
        end = len(text) if end < 0 else end
        if end > start:
            segments.append((start, end))
        start = end + len(_LINE_BREAK)
    return segments


def _segment_runs(textpage: Any, text: str, start: int, end: int) -> list[Run]:
    count = textpage.count_rects(start, end - start)
    boxes = [textpage.get_rect(index) for index in range(count)]
    cuts = [start, *(_rect_start(textpage, start, end, number) for number in range(1, count))]
    runs = []
    for box, first, last in zip(boxes, cuts, [*cuts[1:], end], strict=True):
        runs += _runs(textpage, box, clean_run(text[first:last]), first)
    return runs


def _rect_start(textpage: Any, start: int, end: int, number: int) -> int:
    """The index of the first character of the `number`-th rectangle (from 0) in the range."""
    low, high = start + 1, end  # the smallest length whose characters fill number + 1 rects
    while low < high:
        middle = (low + high) // 2
        if textpage.count_rects(start, middle - start) > number:
            high = middle
        else:
            low = middle + 1
    return low - 1


def _runs(textpage: Any, box: Box, text: str, first: int) -> list[Run]:
    if not text.strip():
        return []
    run = Run(*box, text)
    return _cells_of(textpage, run, first) if _spaced_out(run) else [run]


def _bounded_runs(textpage: Any) -> list[Run]:
    runs = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = clean_run(textpage.get_text_bounded(left, bottom, right, top))
        if text.strip():
            run = Run(left, bottom, right, top, text)
            first = textpage.get_index(left + 0.5, (bottom + top) / 2, run.height, 1.0)
            spaced = _spaced_out(run) and first is not None and first >= 0
            runs += _cells_of(textpage, run, first) if spaced else [run]
    return runs


def _spaced_out(run: Run) -> bool:
    """Wider than its letters need: words set apart with runs of spaces (a table typed with
    the space bar); PDFium gives such a run's text with single spaces."""
    letters = len(run.text.strip())
    return " " in run.text.strip() and run.right - run.left > _SPACED_OUT * run.height * letters


def _run_characters(textpage: Any, run: Run, first: int) -> list[tuple[str, Box]]:
    """The run's characters with their boxes, from the first one on until the run ends."""
    found = []
    for offset, char in enumerate(textpage.get_text_range(first, 4 * len(run.text))):
        box = textpage.get_charbox(first + offset)
        if char in _LINE_BREAK:
            break
        if char.isspace() or char in "\ufffe\x02":
            found.append((" ", box))
            continue
        if box[0] > run.right + 1 or not run.bottom - 1 <= (box[1] + box[3]) / 2 <= run.top + 1:
            break
        found.append((char, box))
    return found


def _cells_of(textpage: Any, run: Run, first: int) -> list[Run]:
    """A spaced-out run cut where its characters stand far apart, from their boxes."""
    pieces: list[list[tuple[str, Box]]] = []
    spaced = False
    for char, box in _run_characters(textpage, run, first):
        if char == " ":
            spaced = True
            continue
        if not pieces or box[0] - pieces[-1][-1][1][2] > run.height:
            pieces.append([])
        elif spaced:
            pieces[-1].append((" ", box))
        pieces[-1].append((char, box))
        spaced = False
    if len(pieces) < 2:
        return [run]
    return [
        Run(piece[0][1][0], run.bottom, piece[-1][1][2], run.top, "".join(c for c, _ in piece))
        for piece in pieces
    ]
