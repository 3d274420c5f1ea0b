"""Saved web pages (.html, .htm) and downloaded pages: the article text via trafilatura.

trafilatura finds the main text and drops navigation, scripts and most boilerplate. Before it
runs, a few things it tends to keep are cut out of the tree: advertising and cookie boxes
that sit inside the article, and the "Das könnte Sie auch interessieren" teaser lists.
"""

from __future__ import annotations

import codecs
import logging
import re
from typing import Any

from reader.errors import LoadError
from reader.libraries import require
from reader.loading.markup import html_paragraphs, superscript_text

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


def html_encoding(data: bytes) -> str:
    """The encoding of an HTML file: BOM, <meta charset> or XML declaration, UTF-8, Windows-1252.

    Pages saved without a declaration are UTF-8 today, or Windows-1252 when older; a declared
    "iso-8859-1" is read as Windows-1252, as browsers do, so its „“ quotes and – dashes survive.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            name = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            name = ""  # an unknown charset name: fall through to the usual guesses
        if name in ("latin-1", "iso8859-1", "ascii", "cp1252"):
            return "windows-1252"
        # "utf-16" in a meta tag of 8-bit bytes lies; so does "utf-8" over bytes that are mostly
        # not UTF-8 (an old page moved to a new system that only changed the declaration).
        if name == "utf-8" and _mostly_not_utf8(data):
            return "windows-1252"
        if name and not name.startswith("utf-16"):
            return name
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "windows-1252"
    return "utf-8"


def _mostly_not_utf8(data: bytes) -> bool:
    """More bytes that fail as UTF-8 than characters that decode from multi-byte sequences."""
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = sum(1 for char in text if "\udc80" <= char <= "\udcff")
    decoded = sum(1 for char in text if "\x80" <= char < "\udc80" or char > "\udcff")
    return invalid > decoded


def decode_html(data: bytes) -> str:
    """The text of an HTML file, in the encoding `html_encoding` finds."""
    return data.decode(html_encoding(data), errors="replace")


# trafilatura throws away every block whose class says "teaser", but news sites use that class
# for the lead paragraph under the headline too. A <p> in the article or right after the <h1> is
# the lead; teaser lists are <div>, <section> and <li> and are still dropped.
_CLASS_TEASER = "contains(translate(@class, 'TEASR', 'teasr'), 'teaser')"
_LEAD_PARAGRAPHS = f"//article//p[{_CLASS_TEASER}] | //h1/following-sibling::p[{_CLASS_TEASER}]"
# trafilatura writes list items as "- item"; the other formats give the item's text alone.
_LIST_ITEM_MARK = re.compile(r"^- (?=\S)")


def _page_tree(markup: str) -> Any:
    """The page parsed for trafilatura, with lead paragraphs marked so it keeps them."""
    from trafilatura.utils import load_html

    tree = load_html(markup)
    if tree is None:
        return markup  # trafilatura reports what it cannot parse itself
    for lead in tree.xpath(_LEAD_PARAGRAPHS):
        lead.attrib.pop("class", None)
    for superscript in tree.xpath("//sup"):
        _replace_superscript(superscript)
    return tree


def _has_layout_tables(tree: Any) -> bool:
    """Tables used for page layout (e-mail newsletters, old sites) hold paragraphs and further
    tables; trafilatura would run each cell's paragraphs together as one table row."""
    if isinstance(tree, str):
        return True
    return bool(tree.xpath("//table[.//table or .//p or .//div or .//h1 or .//h2]"))


def _replace_superscript(superscript: Any) -> None:
    """Footnote marks out ("Gesetz¹" is not the word "Gesetz1"), "m<sup>2</sup>" as "m²"."""
    text = superscript.text_content()
    before = "".join(superscript.xpath("preceding::text()[1]"))[-3:]
    replacement = superscript_text(before, text)
    if replacement != text:
        for child in list(superscript):
            superscript.remove(child)
        superscript.text = replacement


def _table_row(line: str) -> str | None:
    """A row of trafilatura's Markdown table ("| Verkehr | 18 | 22 |") as "Verkehr · 18 · 22",
    the way the other formats show tables; "" for the "|---|---|" rule; None if not a row."""
    if not line.startswith("|"):
        return None
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    if all(set(cell) <= set("-: ") for cell in cells):
        return ""
    return " · ".join(cell for cell in cells if cell)


def _text_lines(text: str) -> list[str]:
    lines = []
    for line in text.split("\n"):
        row = _table_row(line)
        lines.append(_LIST_ITEM_MARK.sub("", line) if row is None else row)
    return lines


def parse_html(markup: str, *, name: str, url: str | None = None) -> tuple[str | None, list[str]]:
    """(title, paragraphs) of the article in a web page."""
    trafilatura = require("trafilatura", "read web pages", name)
    # trafilatura logs every page it finds too short; that is our fallback's business.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        tree = _page_tree(markup)
        extracted = trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,
            include_tables=not _has_layout_tables(tree),
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
        return title, _text_lines(text)
    # Small or unusual pages (a bare <p> or two) defeat trafilatura's scoring.
    page_title, first_heading, fallback = html_paragraphs(markup)
    title = title or first_heading or page_title
    return title, _text_lines(text) if text else fallback
