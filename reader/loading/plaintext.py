"""Plain text (.txt, standard input, the clipboard) to paragraphs and a title."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.loading.assemble import looks_like_title
from reader.loading.mail import clean_subject
from reader.loading.paragraphs import normalise_newlines, split_blocks, text_paragraphs

# "> ", ">> ", "> > ": the quote marks e-mail programs put before each line of a quoted message.
_QUOTE_MARKS = re.compile(r"^[ \t]*((?:>[ \t]?)+)")


# The header lines a mail program puts above a message copied or printed as text.
_MAIL_HEADER = re.compile(
    r"^(von|an|cc|bcc|datum|gesendet|betreff|from|to|date|sent|subject)\s*:\s*(.*)$",
    re.IGNORECASE,
)
_SUBJECT_FIELDS = ("betreff", "subject")
# Headings marked as people mark them in plain text: "# Titel" (as in Markdown), or a line
# underlined with "====" or "----".
_MARKED_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_UNDERLINE = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")


def mail_header_subject(block: Sequence[str]) -> str | None:
    """The subject if `block` is a mail header ("Von: …", "Betreff: …"), else None."""
    fields = [_MAIL_HEADER.match(line.strip()) for line in block]
    if len(block) < 2 or not all(fields):
        return None
    subjects = [f.group(2) for f in fields if f and f.group(1).lower() in _SUBJECT_FIELDS]
    return clean_subject(subjects[0]) if subjects else None


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


def headings_apart(blocks: Sequence[Sequence[str]]) -> list[list[str]]:
    """The blocks with each marked heading ("# Titel", a line underlined with "===") as a
    block of its own, without its marks."""
    separated: list[list[str]] = []
    for block in blocks:
        current: list[str] = []
        for number, line in enumerate(block):
            following = block[number + 1] if number + 1 < len(block) else ""
            marked = _MARKED_HEADING.match(line)
            if _UNDERLINE.match(line) and number > 0:
                continue  # the heading above it went on its own already
            if marked or (_UNDERLINE.match(following) and len(line.strip()) > 1):
                if current:
                    separated.append(current)
                separated.append([marked.group(1) if marked else line])
                current = []
            else:
                current.append(line)
        if current:
            separated.append(current)
    return separated


def parse_plain_text(text: str) -> tuple[str | None, list[str]]:
    """(title, paragraphs). A short first line standing on its own becomes the title."""
    blocks = headings_apart(split_blocks(without_quote_marks(text)))
    # A message copied from a mail program: the header block goes, its subject is the title.
    subject = mail_header_subject(blocks[0]) if blocks else None
    if subject is not None and len(blocks) > 1:
        return subject, text_paragraphs(blocks[1:])
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
