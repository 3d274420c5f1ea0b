"""EPUB books and articles: chapters in spine order, read with zipfile and ElementTree.

The path is fixed by the format: META-INF/container.xml names the package document (OPF);
its manifest maps ids to files and its spine lists the ids in reading order.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ElementTree
from urllib.parse import unquote

from reader.errors import LoadError
from reader.loading.archive import BoundedZip
from reader.loading.html import decode_html
from reader.loading.limits import MAX_TEXT_CHARS, text_cut_notice
from reader.loading.markup import html_paragraphs_upto

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
) -> tuple[str | None, list[str], str | None]:
    """(title, paragraphs, a notice if the text was cut) of an EPUB; LoadError if it is damaged
    or unpacks too large. Chapters (or the rest of one) past `MAX_TEXT_CHARS` characters are
    not read."""
    container = BoundedZip(data, name=name, kind="EPUB", max_bytes=max_bytes)
    opf_path = _package_path(container, name)
    package = _xml(container, opf_path, name)
    opf_folder = posixpath.dirname(opf_path)

    title_element = package.find(".//{*}metadata/{*}title")
    title = (title_element.text or "").strip() if title_element is not None else ""
    manifest = {
        item.get("id"): (item.get("href") or "", item.get("media-type") or "")
        for item in package.iterfind(".//{*}manifest/{*}item")
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

    paragraphs: list[str] = []
    first_heading: str | None = None
    length, cut = 0, False
    for member in chapters:
        if length > MAX_TEXT_CHARS:
            cut = True
            break
        markup = decode_html(container.read(member))
        _, heading, chapter_paragraphs, cut = html_paragraphs_upto(markup, MAX_TEXT_CHARS - length)
        first_heading = first_heading or heading
        paragraphs.extend(chapter_paragraphs)
        length += sum(map(len, chapter_paragraphs))
        if cut:
            break
    return title or first_heading, paragraphs, text_cut_notice() if cut else None
