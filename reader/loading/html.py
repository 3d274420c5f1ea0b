"""Saved web pages (.html, .htm) and downloaded pages: the article text via trafilatura.

trafilatura finds the main text and drops navigation, scripts and most boilerplate. Before it
runs, a few things it tends to keep are cut out of the tree (`webprune`); when that keeps much
less text than trafilatura finds in the whole page, the cut went wrong and trafilatura's own
reading is taken. A page with no article in it (a shop, a menu) comes with a warning.
"""

from __future__ import annotations

import codecs
import logging
import re
from copy import deepcopy
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from reader.errors import LoadError
from reader.libraries import require
from reader.loading.assemble import looks_like_title
from reader.loading.limits import MAX_MARKUP_CHARS, cut_text
from reader.loading.markup import html_paragraphs, superscript_text
from reader.loading.paragraphs import clean_inline, non_empty
from reader.loading.weblead import lead_text
from reader.loading.webprune import prune_boilerplate
from reader.loading.webtext import without_page_furniture
from reader.loading.webtitle import headline

_CHARSET = re.compile(
    rb"""(?:<meta[^>]+charset\s*=\s*|<\?xml[^>]+encoding\s*=\s*)["']?\s*([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


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
        name = _text_encoding(declared.group(1).decode("ascii"))
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


# The declaration was found as ASCII, so the encoding it names must read ASCII as ASCII.
_ASCII_SAMPLE = b'<meta charset="Text_1.0">'


def _text_encoding(label: str) -> str:
    """The codec's name for a declared charset; "" for an unknown name, a codec that does not
    decode bytes to text ("rot13", "base64" and "zip" are codecs too) or one that does not read
    ASCII as ASCII (UTF-16, EBCDIC, punycode): the usual guesses then decide.
    """
    try:
        name = codecs.lookup(label).name
        readable = _ASCII_SAMPLE.decode(name, "replace") == _ASCII_SAMPLE.decode("ascii")
    except (LookupError, UnicodeError, ValueError):
        return ""
    return name if readable else ""


def _mostly_not_utf8(data: bytes) -> bool:
    """More bytes that fail as UTF-8 than characters that decode from multi-byte sequences."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return False
    text = data.decode("utf-8", errors="surrogateescape")
    # Counted by the regex engine: a loop over 19 million characters in Python takes seconds.
    invalid = _FAILED_BYTE.subn("", text)[1]
    decoded = _MULTI_BYTE_CHARACTER.subn("", text)[1]
    return invalid > decoded


_FAILED_BYTE = re.compile("[\udc80-\udcff]")
_MULTI_BYTE_CHARACTER = re.compile("[\x80-\udc7f\udd00-\U0010ffff]")


# Elements whose content is never text to read; a bloated page can hold megabytes of them.
_NOT_TEXT = re.compile(r"<(script|style|svg|noscript|template)\b", re.IGNORECASE)


def within_markup_limit(markup: str) -> tuple[str, bool]:
    """The page's markup up to `MAX_MARKUP_CHARS` characters, not counting scripts, styles and
    drawings (taken out first, when the page is longer than that), and whether any of the rest
    was left out. Each part of the page is looked at once."""
    if len(markup) <= MAX_MARKUP_CHARS:
        return markup, False
    lowered = markup.lower()
    parts: list[str] = []
    kept = position = 0
    while position < len(markup) and kept <= MAX_MARKUP_CHARS:
        opening = _NOT_TEXT.search(markup, position)
        text_end = opening.start() if opening else len(markup)
        piece = markup[position : min(text_end, position + MAX_MARKUP_CHARS + 1 - kept)]
        parts.append(piece)
        kept += len(piece)
        position += len(piece)
        if opening is None or position < text_end:
            break
        closing = lowered.find(f"</{opening.group(1).lower()}", opening.end())
        closing_end = markup.find(">", closing) if closing >= 0 else -1
        position = len(markup) if closing_end < 0 else closing_end + 1
    joined = "".join(parts)
    if position >= len(markup) and kept <= MAX_MARKUP_CHARS:
        return joined, False
    return cut_text(joined, MAX_MARKUP_CHARS), True


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
    # What takes the place of each element removed: nothing for a footnote mark, a space for a
    # line break inside a sentence.
    removed: dict[Any, str] = {}
    for superscript in tree.xpath("//sup"):
        if _is_footnote_mark(superscript):
            removed[superscript] = ""
    for line_break in tree.xpath("//br[not(ancestor::pre or ancestor::code)]"):
        if _wraps_a_sentence(line_break):
            removed[line_break] = " "
    _remove_keeping_tails(removed)
    return tree


_SENTENCE_END = re.compile(r"[.!?:;…\"“”»«)\]]\s*$")


def _wraps_a_sentence(line_break: Any) -> bool:
    """A <br> inside a sentence ("Seit<br>die schwedische …"): the next line goes on in lower
    case after a line that ends no sentence. Such breaks were the layout of a narrow column."""
    after = line_break.tail if (line_break.tail or "").strip() else None
    if after is None:
        following = line_break.getnext()
        after = following.text if following is not None and following.tag != "br" else None
    previous = line_break.getprevious()
    before = previous.tail if previous is not None else line_break.getparent().text
    if previous is not None and not (before or "").strip() and previous.tag != "br":
        before = previous.text_content()
    after, before = (after or "").lstrip(), (before or "").rstrip()
    return bool(before) and after[:1].islower() and not _SENTENCE_END.search(before)


def _remove_keeping_tails(removed: dict[Any, str]) -> None:
    """Take the elements out of the tree, each replaced by its text; the text after each goes
    to the sibling before it (or the parent's text). Each parent's children are walked once and
    each kept sibling's text written once: removing elements one by one would copy the growing
    text before them at every removal (thousands of footnote marks in one paragraph)."""
    parents = {
        id(parent): parent for element in removed if (parent := element.getparent()) is not None
    }
    for parent in parents.values():
        kept: Any = None  # None: the text goes to the parent's own text
        pieces = [parent.text or ""]
        for child in list(parent):
            if child in removed:
                pieces += [removed[child], child.tail or ""]
                parent.remove(child)  # its tail goes with it: it is in `pieces`
                continue
            _put_text_after(parent, kept, pieces)
            kept, pieces = child, [child.tail or ""]
        _put_text_after(parent, kept, pieces)


def _put_text_after(parent: Any, kept: Any, pieces: list[str]) -> None:
    text = "".join(pieces) or None
    if kept is None:
        parent.text = text
    else:
        kept.tail = text


# A table holding this share of the page's words, with blocks inside, is the page's layout.
_LAYOUT_SHARE = 0.3


def _has_layout_tables(tree: Any) -> bool:
    """Tables used for page layout (e-mail newsletters, old sites) hold paragraphs and further
    tables, and most of the page's text; trafilatura would run each cell's paragraphs together
    as one table row. A product's details in a small table with <div>s in its cells are data."""
    if isinstance(tree, str):
        return True
    page_words = len(" ".join(tree.xpath("//body//text()")).split())
    return any(
        len(table.text_content().split()) > _LAYOUT_SHARE * page_words
        for table in tree.xpath("//table[.//table or .//p or .//div or .//h1 or .//h2]")
    )


def _is_footnote_mark(superscript: Any) -> bool:
    """Whether a superscript is a footnote mark, to be removed ("Gesetz¹" is not the word
    "Gesetz1"); "m<sup>2</sup>" becomes "m²" in place."""
    text = superscript.text_content()
    before = "".join(superscript.xpath("preceding::text()[1]"))[-3:]
    replacement = superscript_text(before, text)
    if replacement == text:
        return False
    if not replacement:
        return True
    for child in list(superscript):
        superscript.remove(child)
    superscript.text = replacement
    return False


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


@dataclass(frozen=True)
class WebArticle:
    title: str | None
    paragraphs: list[str]
    warning: str | None = None


NO_ARTICLE_WARNING = (
    "this page seems to hold no article (only menus, links or a shop's listings); "
    "what it has is shown as it is"
)
# Keep trafilatura's reading of the whole page when the pruned page keeps less than this share.
_PRUNED_SHARE = 0.7
_LONG_PARAGRAPH_WORDS = 12
_MENU_PARAGRAPHS = 3  # fewer short paragraphs are a tiny page ("<p>Der Bundestag tagt.</p>")


def _extract(trafilatura: Any, tree: Any, url: str | None) -> Any:
    return trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=not _has_layout_tables(tree),
        include_images=False,
        include_links=False,
        with_metadata=True,
    )


@dataclass(frozen=True)
class _Reading:
    extracted: Any  # trafilatura's Document, or None
    page_title: str | None = None
    lead: str | None = None


def _extract_article(trafilatura: Any, markup: str, url: str | None) -> _Reading:
    """trafilatura's reading of the pruned page, or of the whole page if pruning lost text;
    the page's <title> and the article's lead paragraph."""
    tree = _page_tree(markup)
    if isinstance(tree, str):
        return _Reading(_extract(trafilatura, tree, url))
    page_title = " ".join((tree.findtext(".//title") or "").split()) or None
    lead = lead_text(tree)
    pruned = deepcopy(tree)
    if not prune_boilerplate(pruned):
        return _Reading(_extract(trafilatura, tree, url), page_title, lead)
    whole = _extract(trafilatura, tree, url)
    article = _extract(trafilatura, pruned, url)
    kept, found = (getattr(result, "text", None) or "" for result in (article, whole))
    if len(kept) < _PRUNED_SHARE * len(found) and not looks_like_menu(found.split("\n")):
        return _Reading(whole, page_title, lead)
    return _Reading(article, page_title, lead)


def _with_lead(paragraphs: list[str], lead: str | None) -> list[str]:
    """The lead after the headline (if the text opens with it), unless the text has it."""
    if not lead or not paragraphs or clean_inline(lead) in clean_inline(" ".join(paragraphs)):
        return paragraphs
    at = 1 if looks_like_title(paragraphs[0]) else 0
    return [*paragraphs[:at], lead, *paragraphs[at:]]


def looks_like_menu(paragraphs: list[str]) -> bool:
    """Not one paragraph is a sentence of some length: menus and link lists."""
    return not any(len(paragraph.split()) >= _LONG_PARAGRAPH_WORDS for paragraph in paragraphs)


_MAX_SITE_NAME_WORDS = 4


def _site_names(extracted: Any, url: str | None) -> list[str]:
    """The site's names; trafilatura sometimes gives the whole page title as the site name."""
    names = [getattr(extracted, "sitename", None), getattr(extracted, "hostname", None)]
    if url:
        names.append(urlsplit(url).hostname)
    return [
        name.removeprefix("www.")
        for name in names
        if name
        and len(name.split()) <= _MAX_SITE_NAME_WORDS
        and name != getattr(extracted, "title", None)
    ]


def parse_html(markup: str, *, name: str, url: str | None = None) -> WebArticle:
    """The title, paragraphs and, if the page has no article, a warning."""
    trafilatura = require("trafilatura", "read web pages", name)
    # trafilatura logs every page it finds too short; that is our fallback's business.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        reading = _extract_article(trafilatura, markup, url)
    except Exception as error:
        # lxml and trafilatura raise many types on broken markup; to the user it is one problem.
        raise LoadError(f"{name}: cannot read this HTML page (the markup is too broken)") from error
    sites = _site_names(reading.extracted, url)
    title = headline(getattr(reading.extracted, "title", None), reading.page_title, sites)
    text = getattr(reading.extracted, "text", None)
    if text:
        paragraphs = _with_lead(_text_lines(text), reading.lead)
    else:  # small or unusual pages (a bare <p> or two) defeat trafilatura's scoring
        fallback_title, first_heading, paragraphs = html_paragraphs(markup)
        title = title or headline(first_heading, fallback_title, sites)
    paragraphs = non_empty(paragraphs)
    menu = len(paragraphs) >= _MENU_PARAGRAPHS and looks_like_menu(paragraphs)
    paragraphs = without_page_furniture(paragraphs) or paragraphs
    return WebArticle(title, paragraphs, NO_ARTICLE_WARNING if menu else None)
