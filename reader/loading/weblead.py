"""The lead paragraph under a web article's headline, which trafilatura often throws away.

News sites mark the lead ("Vorspann") with classes such as `teaser`, `intro`, `excerpt`,
`summary`, `chapo` or `lead`, and often put it in the article's `<header>`; trafilatura drops
teaser classes and headers as boilerplate. The lead is found next to the page's `<h1>`: in the
same container, after the headline, a block of sentence length that is not a list of links.
"""

from __future__ import annotations

import bisect
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
_XML_SPACE = re.compile(r"[ \t\r\n]+")


def _words(element: Any) -> int:
    return len(element.text_content().split())


def _classes(element: Any) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


class _PageOrder:
    """Where each element of a page stands in document order, to answer "which <h1> comes
    before this?" and "how many body paragraphs come before this?" in a look-up instead of a
    pass over the page (XPath's preceding axis walks the page back every time: quadratic on a
    page of thousands of blocks). The elements themselves are the keys: lxml gives the same
    Python object for an element as long as one is referenced."""

    def __init__(self, tree: Any) -> None:
        elements = list(tree.iter())
        self.start: dict[Any, int] = {element: index for index, element in enumerate(elements)}
        self.end = dict(self.start)  # the index of an element's last descendant
        for element in reversed(elements):
            parent = element.getparent()
            if parent in self.end:
                self.end[parent] = max(self.end[parent], self.end[element])
        self.headings = [h for h in elements if h.tag == "h1"]
        self._heading_starts = [self.start[h] for h in self.headings]
        self._body_paragraphs = {
            p for p in elements if p.tag == "p" and len(_normalized(p.text_content())) > 150
        }
        self._body_starts: dict[Any, list[int]] = {}  # by the heading before them
        for paragraph in elements:  # in document order: each list is sorted
            before = self.heading_before(paragraph) if paragraph in self._body_paragraphs else None
            if before is not None:
                self._body_starts.setdefault(before, []).append(self.start[paragraph])

    def contains(self, outer: Any, inner: Any) -> bool:
        return bool(self.start[outer] <= self.start[inner] <= self.end[outer])

    def heading_before(self, element: Any) -> Any:
        """The nearest <h1> before `element` that does not contain it (XPath's
        `preceding::h1[1]`), or None."""
        index = bisect.bisect_left(self._heading_starts, self.start[element]) - 1
        while index >= 0 and self.contains(self.headings[index], element):
            index -= 1
        return self.headings[index] if index >= 0 else None

    def body_paragraphs_before(self, element: Any, heading: Any) -> int:
        """How many body paragraphs (over 150 characters) under `heading` come before
        `element`, not counting one that contains it."""
        count = bisect.bisect_left(self._body_starts.get(heading, []), self.start[element])
        return count - sum(
            1
            for ancestor in element.iterancestors()
            if ancestor in self._body_paragraphs and self.heading_before(ancestor) is heading
        )


def _normalized(text: str) -> str:
    """XPath's normalize-space: runs of XML white space as one space, none at the ends."""
    return " ".join(_XML_SPACE.split(text)).strip()


def _is_lead(element: Any, heading: Any, order: _PageOrder) -> bool:
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
    return order.body_paragraphs_before(element, heading) <= 1


def lead_text(tree: Any) -> str | None:
    """The text of the lead paragraph after the page's first <h1> (or, when the <h1> is the
    site's logo outside the article, at the top of the <article>), or None."""
    headings = [h for h in tree.iter("h1") if h.text_content().strip()]
    if not headings:
        return None
    heading = headings[0]
    order = _PageOrder(tree)
    container = heading.getparent()
    for _ in range(_LEVELS):
        if container is None:
            break
        for element in container.xpath(f".//*[{_BLOCKS}]"):
            if _after(heading, element, order) and _is_lead(element, heading, order):
                return " ".join(element.text_content().split())
        container = container.getparent()
    articles = tree.xpath("//article")
    if not articles or articles[0].xpath(".//h1"):
        return None
    for element in articles[0].xpath(f".//*[{_BLOCKS}]"):
        if _is_lead(element, heading, order):
            return " ".join(element.text_content().split())
    return None


def _after(heading: Any, element: Any, order: _PageOrder) -> bool:
    """The element comes after the heading in the page and is not inside it."""
    return not order.contains(element, heading) and order.heading_before(element) is heading
