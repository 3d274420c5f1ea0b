"""Which paragraphs the reading view works on first, and what it marks where (no window)."""

from __future__ import annotations

import pytest

from reader.document import Document, Source
from reader.glossary import find_terms
from reader.gui.paragraph_marks import TermPlaces, grouped, long_sentence_marks
from reader.gui.viewport import MIN_HORIZON, VisibleParagraphs, nearest_first
from reader.readability import analyze


def test_the_visible_paragraphs_come_first_then_below_before_above() -> None:
    order = nearest_first(VisibleParagraphs(10, 12, 100), reach=3)
    assert order == [10, 11, 12, 13, 14, 9, 15, 8, 7]


@pytest.mark.parametrize(
    ("visible", "expected"),
    [
        (VisibleParagraphs(0, 0, 1), [0]),
        (VisibleParagraphs(0, 2, 3), [0, 1, 2]),
        (VisibleParagraphs(98, 99, 100), [98, 99, 97, 96]),
    ],
)
def test_the_order_stays_inside_the_article(
    visible: VisibleParagraphs, expected: list[int]
) -> None:
    assert nearest_first(visible, reach=2) == expected


def test_near_means_a_few_screens_however_short_the_paragraphs() -> None:
    book = VisibleParagraphs(5000, 5004, 20_000)
    near = nearest_first(book)
    assert len(near) == len(set(near)) == 5 + 2 * MIN_HORIZON
    assert min(near) == 5000 - MIN_HORIZON and max(near) == 5004 + MIN_HORIZON
    long_screen = VisibleParagraphs(100, 129, 20_000)
    assert len(nearest_first(long_screen)) == 30 + 2 * 3 * 30


def test_translation_reads_ahead_of_the_view_but_not_past_the_end() -> None:
    assert VisibleParagraphs(10, 19, 1000).look_ahead() == range(10, 40)
    assert VisibleParagraphs(995, 999, 1000).look_ahead() == range(995, 1000)
    assert VisibleParagraphs(0, 0, 1000).look_ahead() == range(0, 9)


PARAGRAPHS = (
    "Der Bundestag stimmt über den Haushalt ab.",
    "Heute scheint die Sonne.",
    "Die Opposition im Bundestag kritisiert die Schuldenbremse, die der Finanzminister, "
    "der seit Jahren auf einen ausgeglichenen Haushalt ohne neue Schulden pocht und dafür "
    "viel Kritik aus den eigenen Reihen erntet, nicht lockern will.",
)


def test_term_places_say_which_term_stands_where() -> None:
    document = Document(title=None, source=Source(None, "stdin"), paragraphs=PARAGRAPHS)
    terms = find_terms(document)
    places = TermPlaces(terms)
    bundestag = next(n for n, match in enumerate(terms) if match.entry.term == "Bundestag")
    start = PARAGRAPHS[2].index("Bundestag")
    assert places.term_at(2, start) == bundestag
    assert places.term_at(2, start + len("Bundestag") - 1) == bundestag
    assert places.term_at(2, start + len("Bundestag")) is None
    assert places.term_at(2, 0) is None
    assert places.term_at(1, 5) is None and places.marks(1) == []
    marked = {PARAGRAPHS[0][start:end] for tag, start, end in places.marks(0)}
    assert {"Bundestag", "Haushalt"} <= marked
    tags = {tag for tag, _, _ in places.marks(0)}
    assert "term" in tags and any(tag.startswith("cat:") for tag in tags)


def test_long_sentences_are_marked_in_their_paragraph() -> None:
    marks = long_sentence_marks(analyze(Document(None, Source(None, "stdin"), PARAGRAPHS)))
    assert list(marks) == [2]
    ((tag, start, end),) = marks[2]
    assert tag == "long" and PARAGRAPHS[2][start:end].startswith("Die Opposition")
    assert long_sentence_marks(None) == {}


def test_marks_become_tk_ranges_grouped_by_tag() -> None:
    marks = [("term", 4, 13), ("cat:parliament", 4, 13), ("term", 20, 28)]
    assert grouped(marks, 7) == {
        "term": ["7.4", "7.13", "7.20", "7.28"],
        "cat:parliament": ["7.4", "7.13"],
    }
