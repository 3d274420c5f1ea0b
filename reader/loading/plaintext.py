"""Plain text (.txt, standard input, the clipboard) to paragraphs and a title."""

from __future__ import annotations

import re

from reader.loading.assemble import looks_like_title
from reader.loading.paragraphs import normalise_newlines, split_blocks, text_paragraphs

# "> ", ">> ", "> > ": the quote marks e-mail programs put before each line of a quoted message.
_QUOTE_MARKS = re.compile(r"^[ \t]*((?:>[ \t]?)+)")


def _quote_depth(line: str) -> int:
    marks = _QUOTE_MARKS.match(line)
    return marks.group(1).count(">") if marks else 0


def without_quote_marks(text: str) -> str:
    """E-mail text with the "> " quote marks removed; where the quoting level changes, a
    paragraph ends (the reply and the quoted message are not one paragraph)."""
    lines = normalise_newlines(text).split("\n")
    if sum(1 for line in lines if _quote_depth(line)) < 2:
        return text  # one line starting with ">" is more likely text ("> 50 Prozent")
    unquoted: list[str] = []
    depth = 0
    for line in lines:
        line_depth = _quote_depth(line)
        if line_depth != depth and line.strip(" \t>"):
            unquoted.append("")
            depth = line_depth
        unquoted.append(_QUOTE_MARKS.sub("", line))
    return "\n".join(unquoted)


def parse_plain_text(text: str) -> tuple[str | None, list[str]]:
    """(title, paragraphs). A short first line standing on its own becomes the title."""
    blocks = split_blocks(without_quote_marks(text))
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
