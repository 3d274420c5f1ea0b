"""Plain text (.txt, standard input, the clipboard) to paragraphs and a title."""

from __future__ import annotations

from reader.loading.assemble import looks_like_title
from reader.loading.paragraphs import split_blocks, text_paragraphs


def parse_plain_text(text: str) -> tuple[str | None, list[str]]:
    """(title, paragraphs). A short first line standing on its own becomes the title."""
    blocks = split_blocks(text)
    paragraphs = text_paragraphs(blocks)
    if len(paragraphs) >= 2 and len(blocks[0]) == 1 and looks_like_title(paragraphs[0]):
        return paragraphs[0], paragraphs[1:]
    # One line per paragraph without blank lines: the first line may still be a headline.
    if (
        len(paragraphs) >= 2
        and len(blocks[0]) > 1
        and paragraphs[0] == blocks[0][0].strip()
        and looks_like_title(paragraphs[0])
        and len(paragraphs[1]) > 2 * len(paragraphs[0])
    ):
        return paragraphs[0], paragraphs[1:]
    return None, paragraphs
