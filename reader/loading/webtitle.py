"""The headline of a web page, without the site's name ("… | ZDNet.de", "… - Unsere Zeitung").

trafilatura's title is often the page's first `<h1>`, which on many sites is the site's logo or a
menu heading ("BMJV", "Hauptmenü", "Pressemitteilungen"). The `<title>` (or og:title) nearly
always names the article, with the site's name before or after a separator. So the page title,
less its site part, is the headline, unless trafilatura's title is a longer headline of its own
or part of the page title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# " | ", " - ", " – ", " — ", " » ", " « ", " :: ", " · ": between headline and site name.
# (?<!\s): a search starts only at the first space of a run, so a long run is scanned once.
_SEPARATOR = re.compile(r"(?<!\s)(?:\s+(?:[|»«·•]|::|-{1,2}|–|—)\s+|\s*\|\s*)")
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
_MIN_HEADLINE_WORDS = 2


def _letters(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())


def _names_the_site(part: str, site_names: Sequence[str]) -> bool:
    """The part is the site's name, or its domain ("Unsere Zeitung", "zdnet.de", "SLF")."""
    letters = _letters(part)
    if not letters:
        return True
    if _DOMAIN.match(part.strip()):
        return True
    for name in site_names:
        site = _letters(name)
        if site and (letters == site or (len(letters) >= 4 and letters in site)):
            return True
        if site and len(site) >= 4 and site in letters and len(letters) <= len(site) + 4:
            return True
    return False


def _looks_like_site_name(part: str, rest: str, *, after_bar: bool) -> bool:
    """A short part after a longer headline, written like a name: every word capitalised."""
    words = part.split()
    if after_bar:  # "Schienenplan | Tagesblatt Online", not "BMJV | Transparenz bei Preisen"
        return len(words) <= min(5, 2 * len(rest.split()))
    if len(words) > len(rest.split()):
        return False
    return len(words) <= 3 and all(not word[:1].islower() for word in words)


def _acronym(part: str) -> bool:
    """A site's short name before the headline: "BMJV | …", "SLF - …"."""
    return part.isupper() and part.isalpha() and len(part) <= 6


def without_site_name(title: str, site_names: Sequence[str]) -> str:
    """`title` without a leading or trailing part that names the site."""
    parts = [part for part in _SEPARATOR.split(title.strip()) if part]
    separators = _SEPARATOR.findall(title.strip())
    while len(parts) > 1 and (_names_the_site(parts[0], site_names) or _acronym(parts[0])):
        parts, separators = parts[1:], separators[1:]
    while len(parts) > 1:
        last, bar, rest = parts[-1], "|" in separators[-1], " ".join(parts[:-1])
        if not (
            _names_the_site(last, site_names) or _looks_like_site_name(last, rest, after_bar=bar)
        ):
            break
        parts, separators = parts[:-1], separators[:-1]
    rebuilt = parts[0]
    for separator, part in zip(separators, parts[1:], strict=False):
        rebuilt += separator + part
    return rebuilt.strip()


def headline(
    extracted: str | None, page_title: str | None, site_names: Sequence[str]
) -> str | None:
    """The article's headline from trafilatura's title and the page's own (og:)title."""
    cleaned_page = without_site_name(page_title, site_names) if page_title else None
    cleaned = without_site_name(extracted, site_names) if extracted else None
    if not cleaned_page:
        return cleaned or None
    if not cleaned or _names_the_site(cleaned, site_names):
        return cleaned_page
    # trafilatura's title (the <h1>, og:title) names the article unless it is a lone word,
    # a section's name ("Aktuelles", "Pressemitteilungen") more often than a headline.
    return cleaned if len(cleaned.split()) >= _MIN_HEADLINE_WORDS else cleaned_page
