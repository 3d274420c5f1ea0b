"""Words known over time and words marked per day, from the history of status changes (no
tkinter)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from reader.learner.status import WordStatus

_KNOWN = int(WordStatus.KNOWN)


@dataclass(frozen=True)
class DayProgress:
    day: dt.date
    marked: int  # status changes that day
    known: int  # words known at the end of the day


def daily_progress(
    changes: Iterable[tuple[float, int | None, int | None]],
    *,
    days: int = 30,
    today: dt.date | None = None,
) -> list[DayProgress]:
    """The last `days` days (today last), from (time, before, after) changes oldest first."""
    last = today or dt.date.today()
    first = last - dt.timedelta(days=days - 1)
    marked: dict[dt.date, int] = {}
    known_after: dict[dt.date, int] = {}
    known = 0
    known_before_first = 0
    for at, before, after in changes:
        day = dt.date.fromtimestamp(at)
        known += (after == _KNOWN) - (before == _KNOWN)
        if day < first:
            known_before_first = known
            continue
        marked[day] = marked.get(day, 0) + 1
        known_after[day] = known
    result = []
    running = known_before_first
    for offset in range(days):
        day = first + dt.timedelta(days=offset)
        running = known_after.get(day, running)
        result.append(DayProgress(day, marked.get(day, 0), running))
    return result
