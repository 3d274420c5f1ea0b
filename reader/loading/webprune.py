"""Cutting boilerplate out of a web page before trafilatura reads it, without cutting the article.

trafilatura keeps a few things a reader does not want: advertising and cookie boxes inside the
article, "Das könnte Sie auch interessieren" teaser lists, and on tiny pages the navigation. The
words that mark them ("ad", "werbung", "newsletter", `<form>`, `<nav>`) also sit on whole article
containers in the wild: WordPress writes `category-newsletter` and `tag-werbung` on the
`<article>`, themes put `has-ad-left` on the site wrapper, and ASP.NET wraps the whole page in one
`<form>`. So an element is only cut when it cannot be the article's container: it is not an
`<article>` or `<main>`, holds none of them and no `<h1>`, and carries a small part of the text.
"""

from __future__ import annotations

from typing import Any

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _class_or_id_has(*words: str) -> str:
    """XPath test: one of `words` is one of the element's class or id words ("ad-slot" has "ad";
    "header" and "download" do not)."""
    tests = []
    for attribute in ("@class", "@id"):
        folded = f"translate({attribute}, '{_UPPER}-_', '{_UPPER.lower()}  ')"
        tests += [f"contains(concat(' ', {folded}, ' '), ' {word} ')" for word in words]
    return "//*[" + " or ".join(tests) + "]"


_TEASER_HEADINGS = (
    "könnte Sie auch interessieren",
    "Mehr zum Thema",
    "Lesen Sie auch",
    "Weitere Artikel",
    "Auch interessant",
    "Empfehlungen der Redaktion",
)
_HEADING = "(self::h2 or self::h3 or self::h4 or self::h5 or self::p or self::strong)"
_TEASER_TEST = (
    "("
    + " or ".join(f"contains(., '{text}')" for text in _TEASER_HEADINGS)
    + ") and string-length(normalize-space(.)) < 80"  # a heading, not a paragraph mentioning it
)

# Applied in order: the teaser lists are found through their heading, so they go first.
PRUNE_XPATHS = [
    f"//*[{_HEADING}][{_TEASER_TEST}]/following-sibling::*[1][self::ul or self::ol or self::div]",
    f"//*[{_HEADING}][{_TEASER_TEST}]",
    # Page furniture: on tiny pages trafilatura would otherwise take it for the text.
    "//nav | //footer | //aside | //form | //button",
    _class_or_id_has("ad", "ads", "advertisement", "anzeige", "werbung"),
    _class_or_id_has("cookie", "consent", "gdpr", "newsletter", "paywall"),
]
# An element holding more than this share of the page's text is taken for the article's container.
_CONTAINER_SHARE = 0.3
_ARTICLE_WORDS = 40  # fewer words are no article: a tiny page's menu goes
_HOLDS_ARTICLE = "self::article or self::main or self::body or self::html or .//article or .//main"


def _text_length(element: Any) -> int:
    return len("".join(element.itertext()).split())


def _holds_the_article(element: Any, page_words: int) -> bool:
    if element.xpath(_HOLDS_ARTICLE) or element.xpath(".//h1"):
        return True
    words = _text_length(element)
    return words >= _ARTICLE_WORDS and words > page_words * _CONTAINER_SHARE


def prune_boilerplate(tree: Any) -> int:
    """Remove the boilerplate elements from `tree` (in place); the number removed."""
    body = tree.find(".//body")
    page_words = _text_length(body if body is not None else tree)
    removed = 0
    for xpath in PRUNE_XPATHS:
        for element in tree.xpath(xpath):
            parent = element.getparent()
            if parent is None or _holds_the_article(element, page_words):
                continue
            _remove_keeping_tail(element, parent)
            removed += 1
    return removed


def _remove_keeping_tail(element: Any, parent: Any) -> None:
    """Remove an element; the text that follows it in its parent stays."""
    if element.tail and element.tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
