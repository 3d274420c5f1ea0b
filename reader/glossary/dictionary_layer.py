"""The glossary's second layer: the political words of the offline dictionary.

No hand-written list reaches the long tail of German political vocabulary. Ding's word list
tags its entries by domain, and `[pol.]`, `[jur.]` and `[mil.]` mark some 7,000 headwords
(Abänderungsantrag, Waffengewalt, Machtübernahme …), with their English. `make dictionary`
derives this layer from the installed list into a table of the dictionary file (a data layer
built on the user's machine, never committed), and the matcher uses it where no curated entry
matches. Without the dictionary file the curated glossary works alone.

Ding tags senses rather than words, and a few everyday words carry a political tag for one
sense (Macht, Frau, Haus, Mittagessen). So only nouns and political adjectives are taken, only
words rarer than everyday German (wordfreq's Zipf frequency below `MAX_ZIPF`), not Ding's `[adm.]`
words, which it tags most loosely (Schriftverkehr, Seilschwebebahn), and military words only when
they are political or legal as well (Ding tags kit and slang `[mil.]`: Eierbecher, a groin
guard). The common political words above that line are the curated glossary's business.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.dictionary.ding import DingLine, alternatives, article_of, bare, plural_of
from reader.glossary.entries import CATEGORY_NAMES, Category, GlossaryEntry

TABLE = "political_word"
# Ding's domain tags taken, and the glossary category a word of that domain is shown under.
DOMAIN_CATEGORIES = {
    "pol.": "parliament_government",
    "jur.": "law_courts",
    "mil.": "military_security",
}
# Only political words may head a compound glossed from its parts: legal and military heads
# make look-alikes of everyday compounds (Flug|zeugen, Trans|formation).
COMPOUND_HEAD_CATEGORY = DOMAIN_CATEGORIES["pol."]
DOMAIN_NAMES = {"pol.": "politics", "jur.": "law", "mil.": "the military"}
MAX_ZIPF = 3.3
# Words Ding tags political or legal that annotators of real news judged everyday words, wrong
# to mark in a political glossary: left out when the layer is read, so an installed dictionary
# needs no rebuild. Also words that hide in everyday words as their head (Zuge|hörigkeit).
EVERYDAY_TAGGED = frozenset(
    {"Narrativ", "Denkverbot", "Diversität", "Protestaktion", "Nothilfe", "Leitsatz",
     "Herkunftsland", "Zielland", "Drohgebärde", "Drohgebärden", "zukunftsfähig", "idealtypisch",
     "grenznah", "auswärtig", "Hörigkeit", "Gesetzmäßigkeit",
     "Erwerber", "Minderung", "Zugewinn"}
)  # fmt: skip
_COUNTRY_TAGS = {"[Ös.]": "AT", "[Schw.]": "CH"}
_NOUN = re.compile(r"\{(?:m|f|n|pl|m,f|f,m)\}")
_ADJECTIVE = "{adj}"
_MEANINGS = 3

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {TABLE}(
    term TEXT PRIMARY KEY, english TEXT NOT NULL, article TEXT, plural TEXT, country TEXT,
    domains TEXT NOT NULL, pos TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class PoliticalWord:
    """A political, legal, military or administrative word from the dictionary."""

    term: str
    english: tuple[str, ...]
    domains: tuple[str, ...]
    pos: str = "noun"  # "noun" or "adjective"
    article: str | None = None
    plural: str | None = None
    country: str | None = None

    @property
    def category_slug(self) -> str:
        return DOMAIN_CATEGORIES["pol." if "pol." in self.domains else self.domains[0]]


def political_words(
    lines: Iterable[DingLine], zipf: Callable[[str], float]
) -> Iterator[PoliticalWord]:
    """The words of Ding's lines that the layer takes, each headword once."""
    seen: set[str] = set()
    for line in lines:
        for word in _words_of(line, zipf):
            if word.term not in seen:
                seen.add(word.term)
                yield word


def _words_of(line: DingLine, zipf: Callable[[str], float]) -> Iterator[PoliticalWord]:
    headwords = line.german[0]
    domains = tuple(tag for tag in DOMAIN_CATEGORIES if f"[{tag}]" in headwords)
    if not domains or domains == ("mil.",):
        return  # Ding tags equipment and soldiers' slang [mil.] too (Eierbecher, a groin guard)
    english = _meanings(line.english[0])
    if not english:
        return
    country = next((code for tag, code in _COUNTRY_TAGS.items() if tag in headwords), None)
    for position, alternative in enumerate(alternatives(headwords)):
        term = bare(alternative)
        if not _is_single_word(term):
            continue
        if _NOUN.search(alternative) and term[:1].isupper():
            pos = "noun"
        elif _ADJECTIVE in alternative and term[:1].islower() and "pol." in domains:
            pos = "adjective"
        else:
            continue
        if zipf(term) >= MAX_ZIPF:
            continue
        yield PoliticalWord(
            term=term,
            english=english,
            domains=domains,
            pos=pos,
            article=article_of(alternative) if pos == "noun" else None,
            plural=plural_of(line, position) if pos == "noun" else None,
            country=country,
        )


def _is_single_word(term: str) -> bool:
    return len(term) >= 4 and " " not in term and term.replace("-", "").isalpha()


def _meanings(english: str) -> tuple[str, ...]:
    meanings: list[str] = []
    for alternative in alternatives(english):
        meaning = bare(alternative)
        if meaning and meaning not in meanings:
            meanings.append(meaning)
    return tuple(meanings[:_MEANINGS])


def write_layer(connection: sqlite3.Connection, words: Iterable[PoliticalWord]) -> int:
    """Store the layer in an open dictionary file (replacing an earlier one)."""
    connection.execute(f"DROP TABLE IF EXISTS {TABLE}")
    connection.executescript(_SCHEMA)
    rows = [
        (
            word.term,
            "\t".join(word.english),
            word.article,
            word.plural,
            word.country,
            " ".join(word.domains),
            word.pos,
        )
        for word in words
    ]
    connection.executemany(f"INSERT OR IGNORE INTO {TABLE} VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    connection.commit()
    return len(rows)


def read_layer(path: Path) -> list[PoliticalWord]:
    """The layer stored in the dictionary file at `path`; [] if the file has none (built
    before the layer existed) or cannot be read."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return []
    try:
        rows = connection.execute(
            f"SELECT term, english, article, plural, country, domains, pos FROM {TABLE}"
        ).fetchall()
    except sqlite3.Error:
        return []
    finally:
        connection.close()
    return [
        PoliticalWord(
            term=term,
            english=tuple(english.split("\t")),
            domains=tuple(domains.split()),
            pos=pos,
            article=article,
            plural=plural,
            country=country,
        )
        for term, english, article, plural, country, domains, pos in rows
    ]


def layer_entries(words: Iterable[PoliticalWord]) -> list[GlossaryEntry]:
    """The words as glossary entries the matcher can mark (`source="dictionary"`)."""
    return [
        GlossaryEntry(
            term=word.term,
            category=Category(word.category_slug, CATEGORY_NAMES[word.category_slug]),
            english=word.english,
            explanation=_explanation(word),
            article=word.article,
            plural=word.plural,
            pos="adjective" if word.pos == "adjective" else "noun",
            country=word.country,
            source="dictionary",
        )
        for word in words
        if word.term not in EVERYDAY_TAGGED and not _is_of_a_place(word)
    ]


def _is_of_a_place(word: PoliticalWord) -> bool:
    """An adjective of a region or a people ("steirisch": Styrian, "osmanisch": Ottoman), which
    Ding tags with politics but annotators never count, as they never count "britisch"; not
    one of an ideology or a party (islamistisch: Islamist, republikanisch: Republican)."""
    if word.pos != "adjective" or not word.english or not word.english[0][:1].isupper():
        return False
    return not word.term.endswith(_IDEOLOGY_ENDINGS)


_IDEOLOGY_ENDINGS = ("istisch", "republikanisch")


def can_head_compound(entry: GlossaryEntry) -> bool:
    """Whether an entry may head a compound: curated entries, and political dictionary words."""
    return entry.source != "dictionary" or entry.category.slug == COMPOUND_HEAD_CATEGORY


def _explanation(word: PoliticalWord) -> str:
    domains = " and ".join(DOMAIN_NAMES[domain] for domain in word.domains)
    return f"A term of {domains}, from the offline dictionary (Ding)."


def wordfreq_zipf() -> Callable[[str], float]:
    """wordfreq's German Zipf frequency (0 for unknown words), for building the layer."""
    import wordfreq

    def zipf(word: str) -> float:
        return float(wordfreq.zipf_frequency(word, "de"))

    return zipf
