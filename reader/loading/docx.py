"""Word documents (.docx) via python-docx: body paragraphs in order, title from the heading."""

from __future__ import annotations

import io
from typing import Any

from reader.errors import LoadError
from reader.loading.archive import BoundedZip

_TITLE_STYLES = ("Title", "Heading 1", "Überschrift 1", "Titel")
# Core titles Word fills in by itself; they name the file, not the article.
_PLACEHOLDER_TITLES = ("microsoft word - ", "untitled", "unbenannt", "dokument", "document")


def _style_name(paragraph: object) -> str:
    style = getattr(paragraph, "style", None)
    return str(getattr(style, "name", "") or "")


def _table_rows(table: Any) -> str:
    """A table as text: one line per row, cells separated by " · " (merged cells once)."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        rows.append(" · ".join(cells))
    return "\n".join(rows)


def _block(block: Any) -> tuple[str, str]:
    """(style name, text) of a body paragraph; a table gives its rows, one per line."""
    if hasattr(block, "rows"):
        return "Table", _table_rows(block)
    return _style_name(block), block.text.replace("\n", " ")


def parse_docx(data: bytes, *, name: str, max_bytes: int) -> tuple[str | None, list[str]]:
    """(title, paragraphs) of a .docx; LoadError if it is damaged or unpacks too large."""
    container = BoundedZip(data, name=name, kind="Word (.docx)", max_bytes=max_bytes)
    if "word/document.xml" not in container.names:
        raise LoadError(f"{name}: not a valid Word (.docx) file (word/document.xml is missing)")
    # python-docx unpacks every part without limits; do it once under our budget first.
    container.read_all()

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        body = [_block(block) for block in document.iter_inner_content()]
        core_title = (document.core_properties.title or "").strip()
    except Exception as error:
        # python-docx passes on lxml, KeyError and ValueError alike for a damaged package.
        raise LoadError(
            f"{name}: not a valid Word (.docx) file (it is damaged or not a .docx)"
        ) from error

    paragraphs = [line for _, text in body for line in text.split("\n")]
    first = next(((style, text) for style, text in body if text.strip()), None)
    if first and first[0].startswith(_TITLE_STYLES):
        return first[1].strip(), paragraphs
    if core_title and not core_title.lower().startswith(_PLACEHOLDER_TITLES):
        return core_title, paragraphs
    return None, paragraphs
