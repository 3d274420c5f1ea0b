"""Word documents (.docx) via python-docx: body paragraphs in order, title from the heading.

The text of a paragraph is read from its XML rather than python-docx's `Paragraph.text`, which
skips runs inside tracked insertions (`<w:ins>`): a document with changes not yet accepted would
lose words. What the user sees in Word is what counts: insertions in, deletions out; a text box
(an info box beside the text, or a layout built from boxes) follows the paragraph it is anchored
to; footnotes, comments, headers and footers are not part of the body and stay out.
"""

from __future__ import annotations

import copy
import io
from typing import Any

from reader.errors import LoadError
from reader.libraries import require
from reader.loading.archive import BoundedZip
from reader.loading.limits import MAX_TEXT_CHARS, text_cut_notice

_TITLE_STYLES = ("Title", "Heading 1", "Überschrift 1", "Titel")
# Core titles Word fills in by itself; they name the file, not the article.
_PLACEHOLDER_TITLES = ("microsoft word - ", "untitled", "unbenannt", "dokument", "document")

# Text-bearing elements of a paragraph, in document order, except those inside deleted or moved-
# away text, text boxes (their own little documents) and the fallback copy of a drawing.
_OUTSIDE_TEXT = (
    "not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent"
    " or ancestor::*[local-name() = 'Fallback'] or ancestor::w:pPr)"
)
_TEXT_PARTS = " | ".join(
    f".//w:{tag}[{_OUTSIDE_TEXT}]" for tag in ("t", "tab", "br", "cr", "noBreakHyphen")
)
_PART_TEXT = {"tab": " ", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
# Block-level wrappers (content controls, custom XML) whose paragraphs belong to the body.
_WRAPPERS = ("sdt", "sdtContent", "customXml")
# The paragraphs of a paragraph's text boxes; a drawing's fallback copy would repeat them.
_TEXT_BOX_PARAGRAPHS = ".//w:txbxContent[not(ancestor::*[local-name() = 'Fallback'])]/w:p"


def _local_name(element: Any) -> str:
    return str(element.tag).rpartition("}")[2]


def paragraph_text(paragraph: Any) -> str:
    """The visible text of a `<w:p>` element, tracked insertions included."""
    # python-docx's elements know the "w" prefix; markup compatibility's "mc" is matched by name.
    parts = paragraph.xpath(_TEXT_PARTS)
    return "".join(
        part.text or "" if _local_name(part) == "t" else _PART_TEXT[_local_name(part)]
        for part in parts
    )


def body_blocks(body: Any) -> list[Any]:
    """The `<w:p>` and `<w:tbl>` elements of the body in order, unwrapping content controls."""
    blocks: list[Any] = []
    for child in body:
        name = _local_name(child)
        if name == "p":
            blocks.append(child)
            # Copies, cut loose from the tree: `paragraph_text` leaves out whatever sits inside a
            # text box, and looks at every ancestor to decide that.
            blocks.extend(copy.deepcopy(box) for box in child.xpath(_TEXT_BOX_PARAGRAPHS))
        elif name == "tbl":
            blocks.append(child)
        elif name in _WRAPPERS:
            blocks.extend(body_blocks(child))
    return blocks


def _style_name(paragraph: object) -> str:
    style = getattr(paragraph, "style", None)
    return str(getattr(style, "name", "") or "")


def _table_rows(table: Any) -> str:
    """A table as text: one line per row, cells separated by " · " (merged cells once)."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(" ".join(paragraph_text(p) for p in cell._tc.xpath("./w:p")).split())
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        rows.append(" · ".join(cells))
    return "\n".join(rows)


def _block_text(element: Any, parent: Any) -> str:
    """The text of a body paragraph; a table gives its rows, one per line."""
    from docx.table import Table

    if _local_name(element) == "tbl":
        return _table_rows(Table(element, parent))
    return paragraph_text(element).replace("\n", " ")


def _block_style(element: Any, parent: Any) -> str:
    """The style name of a body paragraph ("Table" for a table). Asked of the first block only:
    python-docx looks through every style of the document to name one."""
    from docx.text.paragraph import Paragraph

    if _local_name(element) == "tbl":
        return "Table"
    return _style_name(Paragraph(element, parent))


def parse_docx(
    data: bytes, *, name: str, max_bytes: int
) -> tuple[str | None, list[str], str | None]:
    """(title, paragraphs, a notice if the text was cut) of a .docx; LoadError if it is damaged
    or unpacks too large. Blocks past `MAX_TEXT_CHARS` characters are not read."""
    container = BoundedZip(data, name=name, kind="Word (.docx)", max_bytes=max_bytes)
    if "word/document.xml" not in container.names:
        raise LoadError(f"{name}: not a valid Word (.docx) file (word/document.xml is missing)")
    # python-docx unpacks every part without limits; do it once under our budget first.
    container.read_all()
    docx = require("docx", "read Word documents", name)

    try:
        document = docx.Document(io.BytesIO(data))
        parent = document._body
        body, cut = _body_within_limit(body_blocks(document.element.body), parent)
        first = next(((element, text) for element, text in body if text.strip()), None)
        first_style = _block_style(first[0], parent) if first else ""
        core_title = (document.core_properties.title or "").strip()
    except Exception as error:
        # python-docx passes on lxml, KeyError and ValueError alike for a damaged package.
        raise LoadError(
            f"{name}: not a valid Word (.docx) file (it is damaged or not a .docx)"
        ) from error

    paragraphs = [line for _, text in body for line in text.split("\n")]
    notice = text_cut_notice() if cut else None
    if first and first_style.startswith(_TITLE_STYLES):
        return first[1].strip(), paragraphs, notice
    if core_title and not core_title.lower().startswith(_PLACEHOLDER_TITLES):
        return core_title, paragraphs, notice
    return None, paragraphs, notice


def _body_within_limit(blocks: list[Any], parent: Any) -> tuple[list[tuple[Any, str]], bool]:
    """(block, text) of the body's blocks until they hold more than `MAX_TEXT_CHARS`
    characters, and whether blocks were left unread."""
    body: list[tuple[Any, str]] = []
    length = 0
    for element in blocks:
        if length > MAX_TEXT_CHARS:
            return body, True
        text = _block_text(element, parent)
        body.append((element, text))
        length += len(text)
    return body, False
