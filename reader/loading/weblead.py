"""The lead paragraph under a web article's headline, which trafilatura often throws away.

News sites mark the lead ("Vorspann") with classes such as `teaser`, `intro`, `excerpt`,
`summary`, `chapo` or `lead`, and often put it in the article's `<header>`; trafilatura drops
teaser classes and headers as boilerplate. The lead is found next to the page's `<h1>`: in the
same container, after the headline, a block of sentence length that is not a list of links.
"""

from __future__ import annotations

import re
from typing import Any

_LEAD_CLASS = re.compile(
    r"intro|teaser|excerpt|summary|chapo|lead|standfirst|abstract|vorspann", re.IGNORECASE
)
_BLOCKS = "self::p or self::div or self::section or self::span"
_MIN_WORDS, _MAX_WORDS = 8, 150
_LEVELS = 4  # how far above the <h1> the lead's container may be
_MAX_LINK_SHARE = 0.5
# Boxes next to a headline that are not its lead: the author, sign-up and subscription offers.
_NOT_LEAD_CLASS = re.compile(r"author|autor|bio|newsletter|signup|login|abo|related|promo", re.I)
_SENTENCE_END = re.compile(r"[.!?…\"“”»«)]\s*$")
_BODY_PARAGRAPH = "string-length(normalize-space(.)) > 150"


def _words(element: Any) -> int:
    return len(element.text_content().split())


def _classes(element: Any) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _is_lead(element: Any, heading: Any) -> bool:
    """A block marked as lead, of sentence length, written as sentences, not links or code,
    before the article's body begins."""
    if not _LEAD_CLASS.search(_classes(element)) or _NOT_LEAD_CLASS.search(_classes(element)):
        return False
    words = _words(element)
    text = element.text_content().strip()
    if not _MIN_WORDS <= words <= _MAX_WORDS or not _SENTENCE_END.search(text):
        return False
    if element.xpath(".//script or .//style") or not text[:1].isupper():
        return False
    linked = sum(_words(link) for link in element.iter("a"))
    if linked > _MAX_LINK_SHARE * words:
        return False
    body_before = element.xpath(f"preceding::p[{_BODY_PARAGRAPH}]")
    return sum(1 for p in body_before if p.xpath("preceding::h1[1]") == [heading]) <= 1


def lead_text(tree: Any) -> str | None:
    """The text of the lead paragraph after the page's first <h1> (or, when the <h1> is the
    site's logo outside the article, at the top of the <article>), or None."""
    headings = [h for h in tree.iter("h1") if h.text_content().strip()]
    if not headings:
        return None
    heading = headings[0]
    container = heading.getparent()
    for _ in range(_LEVELS):
        if container is None:
            break
        for element in container.xpath(f".//*[{_BLOCKS}]"):
            if _after(heading, element) and _is_lead(element, heading):
                return " ".join(element.text_content().split())
        container = container.getparent()
    articles = tree.xpath("//article")
    if not articles or articles[0].xpath(".//h1"):
        return None
    for element in articles[0].xpath(f".//*[{_BLOCKS}]"):
        if _is_lead(element, heading):
            return " ".join(element.text_content().split())
    return None


def _after(heading: Any, element: Any) -> bool:
    """The element comes after the heading in the page and is not inside it."""
    return element not in heading.iterancestors() and bool(
        element.xpath("preceding::h1[1]") and element.xpath("preceding::h1[1]")[0] is heading
    )
