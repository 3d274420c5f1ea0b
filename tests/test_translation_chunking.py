"""Cutting paragraphs into provider-sized requests and mapping the answers back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.translation import chunking
from reader.translation.chunking import (
    Batch,
    pack,
    plan_paragraph,
    split_by_paragraph,
    split_long,
)
from reader.translation.transport import parse_retry_after


@pytest.mark.parametrize(
    ("text", "limit", "pieces"),
    [
        ("kurz", 10, ["kurz"]),
        ("eins, zwei, drei, vier", 12, ["eins, zwei,", "drei, vier"]),
        ("ein zwei drei vier fünf", 10, ["ein zwei", "drei vier", "fünf"]),
        ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
    ],
)
def test_split_long_cuts_at_clauses_then_words(text: str, limit: int, pieces: list[str]) -> None:
    assert split_long(text, limit) == pieces


def test_plan_keeps_sentences_and_marks_punctuation_only_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A fixed splitter: this is about the plan, not about where sentences end.
    monkeypatch.setattr(chunking, "sentence_spans", lambda text: [(0, 7), (8, 23), (24, 27)])
    plan = plan_paragraph(4, "Er kam.|Dann   ging er.|»…«", 100)
    assert plan.sentences == ("Er kam.", "Dann   ging er.", "»…«")
    assert plan.spans == ((0, 7), (8, 23), (24, 27))
    assert [s.text for s in plan.segments] == ["Er kam.", "Dann ging er.", "»…«"]
    assert [s.passthrough for s in plan.segments] == [False, False, True]
    assert {s.paragraph for s in plan.segments} == {4}


def test_pack_keeps_a_paragraph_that_fits_in_one_request() -> None:
    first = plan_paragraph(0, "A" * 60 + ".", 100)
    second = plan_paragraph(1, "B" * 30 + ". " + "C" * 30 + ".", 100)
    batches = pack([first, second], 100)
    assert [batch.paragraphs for batch in batches] == [(0,), (1,)]


def test_split_by_paragraph_regroups_segments() -> None:
    plans = [plan_paragraph(n, "Ein Satz. Noch einer.", 100) for n in range(3)]
    (batch,) = pack(plans, 1000)
    assert [b.paragraphs for b in split_by_paragraph(batch)] == [(0,), (1,), (2,)]


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß", min_size=1, max_size=30)
sentence = st.lists(words, min_size=1, max_size=40).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=80, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=12), st.integers(min_value=40, max_value=600))
def test_pack_sends_every_segment_once_in_order_within_the_limit(
    paragraphs: list[str], limit: int
) -> None:
    plans = [plan_paragraph(n, text, limit) for n, text in enumerate(paragraphs)]
    batches: list[Batch] = pack(plans, limit)
    sent = [segment for batch in batches for segment in batch.segments]
    wanted = [segment for plan in plans for segment in plan.segments if not segment.passthrough]
    assert sent == wanted
    assert all(len(batch.text) <= limit for batch in batches)
    for plan, text in zip(plans, paragraphs, strict=True):
        rebuilt = " ".join(segment.text for segment in plan.segments)
        assert rebuilt.split() == text.split()


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        (None, None),
        ("", None),
        ("7", 7.0),
        ("1.5", 1.5),
        ("-3", 0.0),
        ("Thu, 01 Jan 1970 00:01:40 GMT", 40.0),  # 100 s after the epoch, "now" is 60 s
        ("Thu, 01 Jan 1970 00:00:10 GMT", 0.0),
        ("soon", None),
    ],
)
def test_retry_after_header_as_seconds_or_date(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header, now=60.0) == seconds
