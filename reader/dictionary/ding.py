"""Parsing Ding's German–English word list (Debian's `trans-de-en`, /usr/share/trans/de-en).

A line is `GERMAN :: ENGLISH`. Both sides are split by ` | ` into the same number of sub-entries
(the headword, then its plural or verb forms, then phrases). A sub-entry lists alternatives
separated by `; `, with annotations: `{m}`/`{f}`/`{n}`/`{pl}` (gender, plural), `{vt}`/`{adj}`…
(word class), `[pol.]` (domain), `(…)` (comments) and `/…/` (abbreviations).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

DING_PATH = "/usr/share/trans/de-en"

# {m} [pol.] (comment) /MdB/ — an abbreviation between slashes has no spaces, unlike the
# slashes that separate alternatives ("to have / hold / take a ballot").
_ANNOTATION = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|/[^/\s]+/")
# Half of an abbreviation list cut by the ";" between alternatives: "director /Dir.; dir./".
_STRAY_ABBREVIATION = re.compile(r"(?:^|\s)/\S*$|^\S*/$")
_ALTERNATIVE_SEPARATOR = re.compile(r";(?![^{\[(]*[}\])])")  # a ";" outside {…} […] (…)
_GENDER = re.compile(r"\{([mfn])\}")
_ARTICLE = {"m": "der", "f": "die", "n": "das"}


@dataclass(frozen=True)
class DingLine:
    """One line of the file: aligned German and English sub-entries."""

    german: tuple[str, ...]
    english: tuple[str, ...]


def parse_line(line: str) -> DingLine | None:
    """The line's sub-entries, or None for comments and malformed lines."""
    if line.startswith("#") or " :: " not in line:
        return None
    german_side, english_side = line.rstrip("\n").split(" :: ", 1)
    german = tuple(part.strip() for part in german_side.split(" | "))
    english = tuple(part.strip() for part in english_side.split(" | "))
    if len(german) != len(english):
        return None
    return DingLine(german, english)


def read_lines(text_lines: Iterator[str]) -> Iterator[DingLine]:
    for line in text_lines:
        parsed = parse_line(line)
        if parsed is not None:
            yield parsed


def alternatives(sub_entry: str) -> list[str]:
    """The alternatives of a sub-entry, annotations kept ("Abgeordnete {m,f}")."""
    return [part.strip() for part in _ALTERNATIVE_SEPARATOR.split(sub_entry) if part.strip()]


def bare(alternative: str) -> str:
    """An alternative without annotations: what a reader would look up."""
    without = _ANNOTATION.sub(" ", alternative).strip()
    return " ".join(_STRAY_ABBREVIATION.sub(" ", without).split())


def article_of(alternative: str) -> str | None:
    """der/die/das from a gender mark ({m}, {f}, {n}); None for other word classes."""
    match = _GENDER.search(alternative)
    return _ARTICLE[match.group(1)] if match else None


def plural_of(line: DingLine, position: int) -> str | None:
    """The plural given for the headword alternative at `position`, if the entry has one."""
    headwords = alternatives(line.german[0])
    for sub_entry in line.german[1:]:
        plurals = alternatives(sub_entry)
        if plurals and all("{pl}" in plural for plural in plurals):
            # Only when the plurals pair up one to one with the headwords is position reliable.
            return bare(plurals[position]) if len(plurals) == len(headwords) else None
    return None
