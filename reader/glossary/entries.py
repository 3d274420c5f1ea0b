"""The glossary data: typed entries loaded from the TOML files in `reader/glossary/data/`.

Each data file holds entries of one category as an array of `[[entry]]` tables; the file name up
to its first dot is the category slug (`law_courts.toml`, `law_courts.austria.toml`), so a
category can be spread over several files. The folder is found through `Path(__file__)`, so the
frozen app reads the same files as a source checkout.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

DATA_FOLDER = Path(__file__).parent / "data"

PartOfSpeech = Literal["noun", "verb", "adjective", "phrase"]
# Where a marked term's explanation comes from: a curated entry of this glossary, the political
# words of the offline dictionary (Ding's [pol.], [jur.], [mil.] … entries), a compound glossed
# from its parts, or an abbreviation the article defines ("Allianz für die Albaner (AA)").
TermSource = Literal["glossary", "dictionary", "compound", "article"]
# The political system an entry belongs to, where it is one country's (ISO 3166 codes).
COUNTRIES: Mapping[str, str] = {"DE": "Germany", "AT": "Austria", "CH": "Switzerland"}

# Slug (the data file's stem) → the name a learner sees. The order is the display order.
CATEGORY_NAMES: Mapping[str, str] = {
    "parliament_government": "Parliament & government",
    "elections_parties": "Elections & parties",
    "law_courts": "Law, constitution & courts",
    "states_local": "Federal states & local government",
    "eu_international": "EU & international organisations",
    "diplomacy_war_peace": "Diplomacy, war & peace",
    "military_security": "Military & security",
    "economy_budget_tax": "Economy, trade, budget & tax",
    "society_migration_social": "Society, migration & social policy",
    "media_debate": "Media & public debate",
}

_ARTICLES = frozenset({"der", "die", "das", "der/die"})
_KNOWN_KEYS = frozenset(
    {
        "term",
        "article",
        "plural",
        "feminine",
        "english",
        "explanation",
        "abbreviations",
        "related",
        "pos",
        "country",
    }
)


class GlossaryDataError(ValueError):
    """A data file breaks the schema: a packaging bug, reported with the file and the entry."""


@dataclass(frozen=True)
class Category:
    slug: str
    name: str

    @property
    def id(self) -> str:
        """The slug under the name the window uses for colours and tags."""
        return self.slug


@dataclass(frozen=True)
class CompoundPart:
    """One part of a compound as written ("Verkehrs") with its dictionary form and English."""

    text: str
    lemma: str
    english: str | None


@dataclass(frozen=True)
class GlossaryEntry:
    """One headword with what a learner needs to understand it.

    Curated entries come from the TOML data. The matcher makes entries of the other sources on
    the fly: a dictionary word (`source="dictionary"`, Ding's English, no explanation of our own)
    and a compound glossed from its parts (`source="compound"`, with `parts`; its explanation is
    its head's, when the head is a curated entry).
    """

    term: str
    category: Category
    english: tuple[str, ...]
    explanation: str
    article: str | None = None
    plural: str | None = None
    feminine: str | None = None
    abbreviations: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    pos: PartOfSpeech = "noun"
    country: str | None = None
    source: TermSource = "glossary"
    parts: tuple[CompoundPart, ...] = ()

    @property
    def country_name(self) -> str | None:
        """ "Austria" for an entry of Austria's political system; None for general entries."""
        return COUNTRIES.get(self.country) if self.country else None

    @property
    def headword(self) -> str:
        """The term as a dictionary shows it: "der Zoll"; the article of a word group goes after
        it ("Kalter Krieg (der)"), where it cannot clash with the inflected adjective."""
        if not self.article:
            return self.term
        return (
            f"{self.term} ({self.article})" if " " in self.term else f"{self.article} {self.term}"
        )

    @property
    def english_summary(self) -> str:
        """The main English equivalents as one short string ("sanction; penalty")."""
        return "; ".join(self.english[:3])


class Glossary:
    """All entries, their categories, lookup by headword and search."""

    def __init__(self, entries: tuple[GlossaryEntry, ...], categories: tuple[Category, ...]):
        self.entries = entries
        self.categories = categories
        self._by_term = {fold_for_search(entry.term): entry for entry in entries}

    @functools.cached_property
    def _search_keys(self) -> list[_SearchKeys]:
        """Folded once, on the first search (most runs never search)."""
        return [_SearchKeys.of(entry) for entry in self.entries]

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, term: str) -> GlossaryEntry | None:
        """The entry whose headword is `term` (ignoring case, accents and umlaut spelling)."""
        return self._by_term.get(fold_for_search(term))

    def in_category(self, slug: str) -> list[GlossaryEntry]:
        return [entry for entry in self.entries if entry.category.slug == slug]

    def search(self, query: str) -> list[GlossaryEntry]:
        """Entries matching a German or English word, best first.

        Case, accents and umlaut spellings are ignored ("Zoelle", "zolle" and "Zölle" all find
        Zoll). Whole-word hits on the headword and its forms come first, then English
        equivalents, then parts of words.
        """
        folded = fold_for_search(query)
        if not folded:
            return []
        ranked: list[tuple[int, int, GlossaryEntry]] = []
        for position, (entry, keys) in enumerate(zip(self.entries, self._search_keys, strict=True)):
            rank = keys.rank(folded)
            if rank is not None:
                ranked.append((rank, position, entry))
        ranked.sort(key=lambda item: (item[0], item[1]))
        return [entry for _, _, entry in ranked]


@dataclass(frozen=True)
class _SearchKeys:
    """An entry's German forms and English equivalents, folded once for fast searching."""

    german: tuple[str, ...]
    english: tuple[str, ...]

    @classmethod
    def of(cls, entry: GlossaryEntry) -> _SearchKeys:
        forms = [entry.term, *(f for f in (entry.plural, entry.feminine) if f)]
        return cls(
            tuple(fold_for_search(form) for form in [*forms, *entry.abbreviations]),
            tuple(fold_for_search(word) for word in entry.english),
        )

    def rank(self, folded: str) -> int | None:
        """0 for a German form, 1 for an English equivalent, 2–5 for partial hits, else None."""
        if folded in self.german:
            return 0
        if folded in self.english:
            return 1
        if any(form.startswith(folded) for form in self.german):
            return 2
        if any(folded in form for form in self.german):
            return 3
        if any(folded in word.split() for word in self.english):
            return 4
        if any(folded in word for word in self.english):
            return 5
        return None


_UMLAUT_SPELLINGS = (("ae", "a"), ("oe", "o"), ("ue", "u"), ("ß", "ss"))


def fold_for_search(text: str) -> str:
    """Lower case without accents, with ä/ae, ö/oe, ü/ue and ß/ss made equal."""
    bare = text.strip().casefold()
    if not bare.isascii():
        decomposed = unicodedata.normalize("NFKD", bare)
        bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    for spelling, plain in _UMLAUT_SPELLINGS:
        bare = bare.replace(spelling, plain)
    return bare


@lru_cache(maxsize=4)
def load_glossary(folder: Path = DATA_FOLDER) -> Glossary:
    """Read every category file in `folder` (cached: the files do not change while running)."""
    entries: list[GlossaryEntry] = []
    categories: list[Category] = []
    files = sorted(folder.glob("*.toml"))
    parsed = _parsed_files(files)
    for slug, name in CATEGORY_NAMES.items():
        in_category = [path for path in files if category_slug(path) == slug]
        if not in_category:
            continue
        category = Category(slug, name)
        categories.append(category)
        for path in in_category:
            entries.extend(_entries_of(path.name, parsed[path.name], category))
    unknown = sorted(p.name for p in files if category_slug(p) not in CATEGORY_NAMES)
    if unknown:
        raise GlossaryDataError(f"{folder}: unknown category files {', '.join(unknown)}")
    return Glossary(tuple(entries), tuple(categories))


def category_slug(path: Path) -> str:
    """The category of a data file: its name up to the first dot."""
    return path.name.split(".", 1)[0]


def _parsed_files(files: list[Path]) -> dict[str, Any]:
    """Every data file's TOML, parsed. Python's tomllib takes ~0.15 s for ~3,000 entries, at
    every start; so the result is kept as JSON in the user's cache (read in ~0.01 s), under a
    key made of the files' names, sizes and times: an edited file is parsed afresh. A cache that
    cannot be read or written is no reason to fail."""
    stamp = repr([(str(path), path.stat().st_size, path.stat().st_mtime_ns) for path in files])
    cached = _PARSED_CACHE() / f"{hashlib.sha256(stamp.encode()).hexdigest()[:20]}.json"
    try:
        stored = json.loads(cached.read_text(encoding="utf-8"))
        if isinstance(stored, dict) and set(stored) == {path.name for path in files}:
            return stored
    except (OSError, ValueError):
        pass
    parsed = {path.name: _parse(path) for path in files}
    with contextlib.suppress(OSError, TypeError, ValueError):
        from reader.paths import private_folder

        private_folder(cached.parent)
        for old in cached.parent.glob("*.json"):
            old.unlink(missing_ok=True)  # the parses of earlier versions of the data
        partial = cached.with_suffix(".partial")
        partial.write_text(json.dumps(parsed, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, cached)
    return parsed


def _default_parsed_cache() -> Path:
    from reader import paths

    return paths.cache_dir() / "glossary"


_PARSED_CACHE = _default_parsed_cache


def _parse(path: Path) -> Any:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise GlossaryDataError(f"{path.name}: {error}") from error


def _entries_of(name: str, data: Any, category: Category) -> list[GlossaryEntry]:
    tables = data.get("entry", []) if isinstance(data, dict) else None
    if not isinstance(tables, list):
        raise GlossaryDataError(f"{name}: 'entry' must be an array of tables")
    return [
        _entry_from_table(table, category, f"{name} entry {i + 1}")
        for i, table in enumerate(tables)
    ]


def _entry_from_table(table: Any, category: Category, where: str) -> GlossaryEntry:
    if not isinstance(table, dict):
        raise GlossaryDataError(f"{where}: not a table")
    unknown = set(table) - _KNOWN_KEYS
    if unknown:
        raise GlossaryDataError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    term = _text(table, "term", where, required=True)
    where = f"{where} ({term})"
    article = _text(table, "article", where)
    if article is not None and article not in _ARTICLES:
        raise GlossaryDataError(f"{where}: article must be der, die, das or der/die")
    pos = table.get("pos", "noun")
    if pos not in ("noun", "verb", "adjective", "phrase"):
        raise GlossaryDataError(f"{where}: pos must be verb, adjective or phrase")
    country = _text(table, "country", where)
    if country is not None and country not in COUNTRIES:
        raise GlossaryDataError(f"{where}: country must be one of {', '.join(COUNTRIES)}")
    english = _text_list(table, "english", where)
    if not english:
        raise GlossaryDataError(f"{where}: 'english' needs at least one equivalent")
    return GlossaryEntry(
        term=term or "",
        category=category,
        english=english,
        explanation=_text(table, "explanation", where, required=True) or "",
        article=article,
        plural=_text(table, "plural", where),
        feminine=_text(table, "feminine", where),
        abbreviations=_text_list(table, "abbreviations", where),
        related=_text_list(table, "related", where),
        pos=pos,
        country=country,
    )


def _text(table: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> str | None:
    value = table.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise GlossaryDataError(f"{where}: '{key}' is missing or empty")
        return None
    if not isinstance(value, str):
        raise GlossaryDataError(f"{where}: '{key}' must be a string")
    return value.strip()


def _text_list(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise GlossaryDataError(f"{where}: '{key}' must be a list of strings")
    return tuple(item.strip() for item in _non_empty(value))


def _non_empty(items: Iterable[str]) -> Iterable[str]:
    return (item for item in items if item.strip())
