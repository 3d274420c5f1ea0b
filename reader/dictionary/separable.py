"""Separable verbs: "Der Bundestag stimmte am Freitag ab" is looked up as "abstimmen".

In a German main clause the particle of a separable verb goes to the end of the clause. When the
clicked word is a verb form and its clause ends in such a particle, the infinitive is the particle
joined to the verb's lemma — if the dictionary (or the caller's lexicon) knows that word.
"""

from __future__ import annotations

import re
from collections.abc import Callable

PARTICLES = frozenset(
    "ab an auf aus bei dar durch ein empor fest fort frei gegenüber her heran heraus herbei "
    "herein herum herunter hervor hin hinaus hinein hinzu los mit nach nieder statt teil um "
    "vor voran voraus vorbei vorweg weg weiter wieder zu zurück zusammen".split()
)

_CLAUSE_END = re.compile(r"[.!?;:,–—\"„“”»«()]")
_WORD = re.compile(r"[^\W\d_]+")


def separable_infinitive(
    word: str, sentence: str, lemma: str, is_word: Callable[[str], bool]
) -> str | None:
    """The infinitive of a separated verb (`abstimmen` for "stimmte … ab"), or None.

    `lemma` is the lemma of `word` ("stimmen"); `is_word` says whether a candidate is a real
    German word (a dictionary or lexicon lookup).
    """
    position = sentence.find(word)
    if position < 0 or not lemma.endswith("n"):
        return None
    after = sentence[position + len(word) :]
    clause = _CLAUSE_END.split(after, maxsplit=1)[0]
    words = _WORD.findall(clause)
    if not words or words[-1] not in PARTICLES:
        return None
    candidate = words[-1] + lemma.lower()
    return candidate if is_word(candidate) else None
