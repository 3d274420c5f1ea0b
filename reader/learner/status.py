"""How well the learner knows a word (no tkinter).

Every lemma is *new* until the learner marks it. *Learning* has four levels (1: just met, 4: almost
known), as LingQ's and Lute's do; *known* words count for the personal coverage; *ignored* words
(names the heuristics missed, foreign words) are not counted at all. A word saved to the vocabulary
is learning (level 1) unless the learner has marked it otherwise.
"""

from __future__ import annotations

import enum


class WordStatus(enum.IntEnum):
    """A stored status; "new" is the absence of one (`None` wherever a status may be missing)."""

    LEARNING_1 = 1
    LEARNING_2 = 2
    LEARNING_3 = 3
    LEARNING_4 = 4
    KNOWN = 5
    IGNORED = 6

    @property
    def label(self) -> str:
        """The status as the command line and the CSV files write it: "1"–"4", "known",
        "ignored"."""
        return _LABELS[self]

    @property
    def is_learning(self) -> bool:
        return self <= WordStatus.LEARNING_4

    @property
    def description(self) -> str:
        """The status in words, for the window."""
        if self.is_learning:
            return f"learning ({self.value} of 4)"
        return self.label


NEW_LABEL = "new"
_LABELS = {
    WordStatus.LEARNING_1: "1",
    WordStatus.LEARNING_2: "2",
    WordStatus.LEARNING_3: "3",
    WordStatus.LEARNING_4: "4",
    WordStatus.KNOWN: "known",
    WordStatus.IGNORED: "ignored",
}
_BY_LABEL = {label: status for status, label in _LABELS.items()}
# What people type for a status ("learning" is level 1).
_ALIASES = {"learning": WordStatus.LEARNING_1, "k": WordStatus.KNOWN, "i": WordStatus.IGNORED}
STATUS_CHOICES = (NEW_LABEL, "learning", *_BY_LABEL)


def parse_status(text: str) -> WordStatus | None:
    """The status named by `text` ("new" → None); ValueError for anything else."""
    name = text.strip().casefold()
    if name == NEW_LABEL:
        return None
    status = _BY_LABEL.get(name) or _ALIASES.get(name)
    if status is None:
        raise ValueError(f"unknown status {text!r} (use one of {', '.join(STATUS_CHOICES)})")
    return status


def status_label(status: WordStatus | None) -> str:
    return NEW_LABEL if status is None else status.label
