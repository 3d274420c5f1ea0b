"""How familiar a text's words are: frequency ranks of lemmas (no tkinter).

Vocabulary coverage — the share of running words a reader knows — is the measure language-learning
research ties to comprehension (about 95–98 % for comfortable reading). We approximate "known" by
"among the N most frequent German words" in wordfreq's German list, after lemmatising with
simplemma so that "Sanktionen" counts as "Sanktion" and "verhängte" as "verhängen".

The data is loaded lazily, once per process; wordfreq's list through
`reader.readability.frequency_list`, a compact copy in the user's cache that loads in
milliseconds. simplemma's German data is read through
`reader.language.lexicon` (its low-memory form, ~36 MB instead of ~125 MB, ~0.5 s to load): the
glossary matcher looks words up in the same data, and every answer is remembered, so a word the
readability report has lemmatised costs the glossary a dict lookup. Our per-word caches hide the
slower lookups of the low-memory form.
"""

from __future__ import annotations

import math
import re
import threading

from reader.language.lexicon import LONGEST_WORD, german_lemma, is_known_german
from reader.readability import frequency_list
from reader.readability.frequency_list import FrequencyList
from reader.readability.word_memo import remember_per_word

COVERAGE_LEVELS = (1000, 2000, 5000)
UNRANKED = 10**9  # rank of a word outside the ranked list
_LANGUAGE = "de"
_NAME_TAIL_LETTERS = 4
_ELISION = re.compile(r"['’]s$")
_ELISIONS = ("'s", "’s")
_INFLECTION_ENDINGS = ("s", "es", "e", "en", "em", "er", "n")
_SHORTEST_STEM = 4  # shortest known word a compound must end in ("…streit", "…krieg")
_ADJECTIVE_ENDINGS = ("em", "en", "er", "es", "e")
_SHORTEST_ADJECTIVE = 5  # the shortest adjective a compound adjective may end in ("…neutral")


def prepare() -> None:
    """Load the data coverage needs (simplemma's German forms, wordfreq's German list; ~0.1 s
    on this machine type once both are cached), so that the first report does not wait for it.
    Safe from any thread."""
    lemma("Sanktionen")
    _frequency_list()


def word_rank(word: str) -> int:
    """1 for the most frequent German word, UNRANKED for words outside the top COVERAGE_LEVELS.

    A word counts by the better of its own form and its lemma (wordfreq lists forms such as "ist"
    as well as lemmas). A hyphenated compound is as rare as its rarest part ("Ukraine-Krieg")."""
    if "-" not in word:
        return _part_rank(word)
    return max(_part_rank(part) for part in word.split("-") if part)


def word_frequency(word: str) -> float:
    """wordfreq's frequency (share of all words, 0.0 if unlisted) of the word or its lemma; for a
    hyphenated compound, of its rarest part."""
    if "-" not in word:
        return _part_frequency(word)
    return min(_part_frequency(part) for part in word.split("-") if part)


def form_frequency(word: str) -> float:
    """wordfreq's frequency of the word as written (case-folded), without its lemma: cheap,
    and enough to tell the commoner of two words."""
    return _frequency_list().frequency(word.casefold())


def zipf(frequency: float) -> float:
    """The frequency on the Zipf scale (log10 of occurrences per billion words), 0.0 if unlisted."""
    return math.log10(frequency * 1e9) if frequency > 0 else 0.0


@remember_per_word
def lemma(word: str) -> str:
    """simplemma's German lemma of `word` ("Sanktionen" → "Sanktion"); for an inflected
    adjective simplemma does not know ("geopolitischem", "haushaltspolitisches"), the
    adjective it is a form of ("geopolitisch"), so the rare words are shown as a learner
    looks them up."""
    found = german_lemma(word)
    if found != word or not word[:1].islower() or _is_known(word):
        return found
    return _adjective_base(word) or found


def _adjective_base(word: str) -> str | None:
    for ending in _ADJECTIVE_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= _SHORTEST_STEM and _is_base_form(stem):
            return stem
    return None


def _is_base_form(stem: str) -> bool:
    """A known word that is its own lemma, or a compound ending in one ("haushalts|politisch")."""
    tails = [stem[start:] for start in range(len(stem) - _SHORTEST_ADJECTIVE + 1)]
    return any(_is_known(tail) and german_lemma(tail) == tail for tail in tails)


def looks_like_name(word: str) -> bool:
    """A capitalised word simplemma does not know, that is not inflected and does not end in a
    known German word: a name (Selenskyj, Lawrow) rather than a rare compound (Zollstreit)."""
    if len(word) > LONGEST_WORD or not word[:1].isupper() or "-" in word:
        return False  # a name is no run of glued text: looking at every tail would cost n²
    if lemma(word) != word or _is_known(word):
        return False
    # Shortest tails first: most of the words that get here are compounds, and their last part
    # is found in half the lookups (Koalitions|streit: "Reit", "Treit", "Streit").
    for start in range(len(word) - _NAME_TAIL_LETTERS, 0, -1):
        if _is_known(word[start:].capitalize()):
            return False
    return True


def _part_rank(part: str) -> int:
    return _part_figures(part)[0]


def _part_frequency(part: str) -> float:
    return _part_figures(part)[1]


@remember_per_word
def _part_figures(part: str) -> tuple[int, float]:
    """The best rank and the highest frequency of the part's forms: the report asks for the
    rank of every word and for the frequency of the rare ones, which are most of a long
    text's distinct words, so both come from one look at each form."""
    figures = _frequency_list().figures
    best_rank, best_frequency = UNRANKED, 0.0
    for candidate in _lookup_forms(part):
        rank, frequency = figures(candidate, UNRANKED)
        best_rank = min(best_rank, rank)
        best_frequency = max(best_frequency, frequency)
    return best_rank, best_frequency


def _lookup_forms(part: str) -> list[str]:
    """The forms to look up in wordfreq's (case-folded: ß → ss) list: the word, its lemma, and —
    for what simplemma leaves alone — the word without an elided "’s" or an inflection ending
    ("Russlands" → "russland", "geopolitischem" → "geopolitisch")."""
    word = _ELISION.sub("", part) if part.endswith(_ELISIONS) else part
    folded, folded_lemma = word.casefold(), lemma(word).casefold()
    if folded != folded_lemma:
        return [folded, folded_lemma]
    return [folded] + [
        folded[: -len(ending)]
        for ending in _INFLECTION_ENDINGS
        if folded.endswith(ending) and len(folded) - len(ending) >= _SHORTEST_STEM
    ]


@remember_per_word
def _is_known(word: str) -> bool:
    return is_known_german(word)


def _frequency_list() -> FrequencyList:
    if _loaded:
        return _loaded[0]
    with _loading:  # a background thread may be loading it already
        if not _loaded:
            from reader import paths

            folder = paths.cache_dir() / "wordfreq"
            _loaded.append(frequency_list.load(folder, max(COVERAGE_LEVELS)))
    return _loaded[0]


_loading = threading.Lock()
_loaded: list[FrequencyList] = []
