"""EPUB books and articles: chapters in spine order, read with zipfile and ElementTree.

The path is fixed by the format: META-INF/container.xml names the package document (OPF);
its manifest maps ids to files and its spine lists the ids in reading order. Each chapter
becomes a `Section` of the book's contents, named as the book's own table of contents names it
(the EPUB 3 navigation document, or the EPUB 2 NCX), else by the chapter's heading or title.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ElementTree
from urllib.parse import unquote

from reader.document import Section
from reader.errors import LoadError
from reader.loading.archive import BoundedZip
from reader.loading.html import decode_html
from reader.loading.limits import MAX_TEXT_CHARS, text_cut_notice
from reader.loading.markup import html_paragraphs_upto
from reader.loading.paragraphs import clean_inline

_CONTAINER = "META-INF/container.xml"
_CHAPTER_TYPES = ("application/xhtml+xml", "text/html", "application/xml")
# EPUB 2 books name their cover and table-of-contents pages in the <guide>; both usually sit in
# the spine too, but a list of chapter names is not text to read.
_NOT_TEXT_GUIDE_TYPES = frozenset({"cover", "toc"})


def _guide_skipped(package: ElementTree.Element) -> set[str]:
    """The files (relative to the package document) the guide marks as cover or contents."""
    return {
        unquote((reference.get("href") or "").split("#")[0])
        for reference in package.iterfind(".//{*}guide/{*}reference")
        if (reference.get("type") or "").lower() in _NOT_TEXT_GUIDE_TYPES
    }


def _xml(container: BoundedZip, member: str, name: str) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(container.read(member))
    except (ElementTree.ParseError, ValueError) as error:
        raise LoadError(
            f"{name}: not a valid EPUB file ({member} is not well-formed XML)"
        ) from error


def _package_path(container: BoundedZip, name: str) -> str:
    if _CONTAINER in container.names:
        rootfile = _xml(container, _CONTAINER, name).find(".//{*}rootfile")
        path = rootfile.get("full-path") if rootfile is not None else None
        if path and path in container.names:
            return path
    # A sloppy book without (a correct) container.xml: any package document will do.
    candidates = sorted(member for member in container.names if member.endswith(".opf"))
    if not candidates:
        raise LoadError(f"{name}: not a valid EPUB file (it has no package document, .opf)")
    return candidates[0]


def _spine_files(
    package: ElementTree.Element, manifest: dict[str | None, tuple[str, str]], opf_folder: str
) -> list[tuple[str, str]]:
    """(archive member, href as in the package) of each text document in reading order."""
    files: list[tuple[str, str]] = []
    for itemref in package.iterfind(".//{*}spine/{*}itemref"):
        if itemref.get("linear") == "no":  # covers, notes: outside the reading order
            continue
        href, media_type = manifest.get(itemref.get("idref"), ("", ""))
        if not href or not media_type.startswith(_CHAPTER_TYPES):
            continue
        path = unquote(href.split("#")[0])
        files.append((posixpath.normpath(posixpath.join(opf_folder, path)), path))
    return files


def parse_epub(
    data: bytes, *, name: str, max_bytes: int
) -> tuple[str | None, list[str], str | None, tuple[Section, ...]]:
    """(title, paragraphs, a notice if the text was cut, chapters) of an EPUB; LoadError if it
    is damaged or unpacks too large. Chapters (or the rest of one) past `MAX_TEXT_CHARS`
    characters are not read."""
    container = BoundedZip(data, name=name, kind="EPUB", max_bytes=max_bytes)
    opf_path = _package_path(container, name)
    package = _xml(container, opf_path, name)
    opf_folder = posixpath.dirname(opf_path)

    title_element = package.find(".//{*}metadata/{*}title")
    title = (title_element.text or "").strip() if title_element is not None else ""
    items = list(package.iterfind(".//{*}manifest/{*}item"))
    manifest = {
        item.get("id"): (item.get("href") or "", item.get("media-type") or "")
        for item in items
        # The EPUB 3 table of contents is often in the spine too; it is not text to read.
        if "nav" not in (item.get("properties") or "").split()
    }
    spine = _spine_files(package, manifest, opf_folder)
    skipped = _guide_skipped(package)
    # A guide that names every page as cover or contents is wrong; then read them all.
    chapters = [
        member for member, href in spine if href not in skipped and member in container.names
    ] or [member for member, _ in spine if member in container.names]
    if not chapters:
        raise LoadError(f"{name}: not a valid EPUB file (its spine lists no readable chapter)")

    labels = _contents_labels(container, package, items, opf_folder)
    paragraphs: list[str] = []
    sections: list[Section] = []
    first_heading: str | None = None
    length, cut = 0, False
    for member in chapters:
        if length > MAX_TEXT_CHARS:
            cut = True
            break
        markup = decode_html(container.read(member))
        page_title, heading, chapter_paragraphs, cut = html_paragraphs_upto(
            markup, MAX_TEXT_CHARS - length
        )
        first_heading = first_heading or heading
        label, level = labels.get(member, (heading or page_title or "", 1))
        if chapter_paragraphs:
            shown = clean_inline(label) or _opening_words(chapter_paragraphs[0])
            sections.append(Section(shown, len(paragraphs), level))
        paragraphs.extend(chapter_paragraphs)
        length += sum(map(len, chapter_paragraphs))
        if cut:
            break
    notice = text_cut_notice() if cut else None
    return title or first_heading, paragraphs, notice, tuple(sections)


def _opening_words(paragraph: str, words: int = 8) -> str:
    opening = paragraph.split()
    return " ".join(opening[:words]) + (" …" if len(opening) > words else "")


def _contents_labels(
    container: BoundedZip,
    package: ElementTree.Element,
    items: list[ElementTree.Element],
    opf_folder: str,
) -> dict[str, tuple[str, int]]:
    """Archive member → (its name in the book's table of contents, depth there), for the first
    entry pointing into each member. An unreadable table of contents names nothing."""
    nav = next((item for item in items if "nav" in (item.get("properties") or "").split()), None)
    spine = package.find(".//{*}spine")
    toc_id = spine.get("toc") if spine is not None else None
    ncx = next(
        (
            item
            for item in items
            if item.get("id") == toc_id or item.get("media-type") == "application/x-dtbncx+xml"
        ),
        None,
    )
    for item, read in ((nav, _nav_entries), (ncx, _ncx_entries)):
        href = unquote((item.get("href") or "") if item is not None else "")
        member = posixpath.normpath(posixpath.join(opf_folder, href)) if href else ""
        if not member or member not in container.names:
            continue
        try:
            root = ElementTree.fromstring(container.read(member))
        except (ElementTree.ParseError, ValueError, LoadError):
            continue
        labels: dict[str, tuple[str, int]] = {}
        folder = posixpath.dirname(member)
        for target, label, depth in read(root):
            path = unquote(target.split("#")[0])
            if path and label:
                labels.setdefault(posixpath.normpath(posixpath.join(folder, path)), (label, depth))
        if labels:
            return labels
    return {}


def _nav_entries(root: ElementTree.Element) -> list[tuple[str, str, int]]:
    """(href, label, depth) of each link in the EPUB 3 navigation document's contents."""
    navs = list(root.iter("{http://www.w3.org/1999/xhtml}nav")) or list(root.iter("nav"))
    toc = next(
        (nav for nav in navs if "toc" in " ".join(str(v) for v in nav.attrib.values())),
        navs[0] if navs else None,
    )
    if toc is None:
        return []
    entries: list[tuple[str, str, int]] = []

    def walk(element: ElementTree.Element, depth: int) -> None:
        for child in element:
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "a" and child.get("href"):
                entries.append((child.get("href") or "", "".join(child.itertext()), depth))
            walk(child, depth + (tag == "ol"))

    walk(toc, 0)
    return entries


def _ncx_entries(root: ElementTree.Element) -> list[tuple[str, str, int]]:
    """(src, label, depth) of each navPoint of an EPUB 2 NCX, in document order."""
    entries: list[tuple[str, str, int]] = []

    def walk(element: ElementTree.Element, depth: int) -> None:
        for point in element.iterfind("{*}navPoint"):
            text = point.find("{*}navLabel/{*}text")
            content = point.find("{*}content")
            if text is not None and content is not None:
                entries.append((content.get("src") or "", "".join(text.itertext()), depth))
            walk(point, depth + 1)

    nav_map = root.find("{*}navMap")
    walk(root if nav_map is None else nav_map, 1)
    return entries
