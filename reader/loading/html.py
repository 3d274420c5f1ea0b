"""Saved web pages (.html, .htm) and downloaded pages: the article text via trafilatura.

trafilatura finds the main text and drops navigation, scripts and most boilerplate. Before it
runs, a few things it tends to keep are cut out of the tree: advertising and cookie boxes
that sit inside the article, and the "Das könnte Sie auch interessieren" teaser lists.
"""

from __future__ import annotations

import logging
import re

from reader.errors import LoadError
from reader.loading.markup import html_paragraphs

_CHARSET = re.compile(
    rb"""(?:<meta[^>]+charset\s*=\s*|<\?xml[^>]+encoding\s*=\s*)["']?\s*([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _class_or_id_has(word: str) -> str:
    """XPath test: `word` is one of the element's class or id words ("ad-slot" has "ad";
    "header" and "download" do not)."""
    tests = []
    for attribute in ("@class", "@id"):
        words = f"translate({attribute}, '{_UPPER}-_', '{_UPPER.lower()}  ')"
        tests.append(f"contains(concat(' ', {words}, ' '), ' {word} ')")
    return " or ".join(tests)


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
    "//*[" + " or ".join(_class_or_id_has(word) for word in ("ad", "ads", "advertisement")) + "]",
    "//*[" + " or ".join(_class_or_id_has(word) for word in ("anzeige", "werbung")) + "]",
    "//*[" + " or ".join(_class_or_id_has(word) for word in ("cookie", "consent", "gdpr")) + "]",
    "//*[" + " or ".join(_class_or_id_has(word) for word in ("newsletter", "paywall")) + "]",
]


def decode_html(data: bytes) -> str:
    """Text of an HTML file: BOM, <meta charset> or XML declaration, UTF-8, Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass  # an unknown charset name: fall through to the usual guesses
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("windows-1252", errors="replace")


def parse_html(markup: str, *, name: str, url: str | None = None) -> tuple[str | None, list[str]]:
    """(title, paragraphs) of the article in a web page."""
    import trafilatura

    # trafilatura logs every page it finds too short; that is our fallback's business.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        extracted = trafilatura.bare_extraction(
            markup,
            url=url,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
            prune_xpath=PRUNE_XPATHS,
        )
    except Exception as error:
        # lxml and trafilatura raise many types on broken markup; to the user it is one problem.
        raise LoadError(f"{name}: cannot read this HTML page (the markup is too broken)") from error
    title = getattr(extracted, "title", None)
    text = getattr(extracted, "text", None)
    if text and title:
        return title, text.split("\n")
    # Small or unusual pages (a bare <p> or two) defeat trafilatura's scoring.
    page_title, first_heading, fallback = html_paragraphs(markup)
    title = title or first_heading or page_title
    return title, text.split("\n") if text else fallback
