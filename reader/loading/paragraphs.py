"""From lines of plain text to paragraphs: blank lines, hard wrapping and hyphenation.

Plain text reaches us in two shapes. Either every paragraph is one long line (what editors and
web pages produce), or the text was hard-wrapped at a fixed width (e-mail, old files, PDF
extraction). In the first shape every line is a paragraph; in the second, lines are joined until
a blank line, or until a line ends a sentence although the next word would still have fitted on
it — a break the writer made on purpose.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence

# A paragraph line in one-line-per-paragraph text is long; wrapped text stays under ~80 columns.
_WRAPPED_WIDTH = 100
_SENTENCE_END = re.compile(r"[.!?:…\"“”»«)\]]$")
# "Verhand-" at a line end; not a dash standing alone (" -") and not "Ein-" before "und".
_WORD_HYPHEN_END = re.compile(r"(?<=[^\W\d_])-$")
# Words after which a hyphen is a German suspended compound ("Ein- und Ausfuhr"), not a split.
_SUSPENSION_WORDS = frozenset({"und", "oder", "bis", "sowie", "als", "wie", "noch", "bzw."})
# Removed outright: control characters, and invisible ones (soft hyphen, zero-width space,
# joiners, BOM) that would break words apart for search and word counting.
_DROPPED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b-\u200d\u2060\ufeff]")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR (old Mac files) become LF; form feeds and line separators too."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\f", "\n\n").replace("\u2028", "\n").replace("\u2029", "\n\n")


def clean_inline(text: str) -> str:
    """One paragraph's text: NFC, no invisible or control characters, single spaces."""
    # Runs of spaces and line breaks (any Unicode whitespace: no-break and thin spaces too)
    # become one space; str.split() is several times faster on a book than a regex.
    text = " ".join(_DROPPED.sub("", text).split())
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text.strip()


def split_blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines (right-stripped), separated by blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in normalise_newlines(text).split("\n"):
        line = raw.rstrip()
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def is_hard_wrapped(blocks: Sequence[Sequence[str]]) -> bool:
    """True if lines look cut at a fixed width rather than one line per paragraph."""
    lengths = sorted(len(line.strip()) for block in blocks for line in block)
    if not lengths:
        return False
    # The 90th percentile ignores a few overlong lines (a URL, a table row).
    return lengths[int(len(lengths) * 0.9)] <= _WRAPPED_WIDTH


def _joint(left: str, right: str) -> tuple[str, str]:
    """How two wrapped lines meet: (what stays of `left`, the separator before `right`)."""
    if left.endswith("\u00ad"):  # a soft hyphen marks where the word was split
        return left[:-1], ""
    if _WORD_HYPHEN_END.search(left[-2:]):
        first_word = right.split(maxsplit=1)[0] if right.strip() else ""
        if first_word in _SUSPENSION_WORDS:
            return left, " "  # "Ein- und Ausfuhr"
        if first_word[:1].islower():
            return left[:-1], ""  # "Verhand-" + "lungen"
        return left, ""  # "US-" + "Präsident", "Ukraine-" + "Krieg": a real hyphen
    return left, " "


def join_lines(lines: Sequence[str]) -> str:
    """Wrapped lines as one line, undoing hyphenation at the breaks where there was one."""
    # Pieces are collected and joined once: adding to a growing string would be quadratic.
    pieces: list[str] = []
    for line in lines:
        if pieces:
            pieces[-1], separator = _joint(pieces[-1], line)
            pieces.append(separator)
        pieces.append(line)
    return "".join(pieces)


def _intentional_break(line: str, next_line: str, width: int) -> bool:
    """A sentence ends here and the next word would have fitted: the writer broke the line."""
    if not _SENTENCE_END.search(line):
        return False
    next_word = next_line.split(maxsplit=1)[0]
    return len(line) + 1 + len(next_word) <= width


def block_paragraphs(block: Sequence[str], *, wrapped: bool, width: int) -> list[str]:
    """The paragraphs inside one block of consecutive non-blank lines."""
    lines = [line.strip() for line in block]
    paragraphs: list[str] = []
    current = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        # Without wrapping every line is a paragraph, except that none begins in lower case:
        # such a line continues the one before ("Verhand-" / "lungen", a stray break).
        ends_here = _intentional_break(previous, line, width) if wrapped else not line[:1].islower()
        if ends_here:
            paragraphs.append(join_lines(current))
            current = [line]
        else:
            current.append(line)
    paragraphs.append(join_lines(current))
    return paragraphs


def text_paragraphs(blocks: Sequence[Sequence[str]], *, wrapped: bool | None = None) -> list[str]:
    """Every block's paragraphs, cleaned, without empty ones; `wrapped` None means: detect."""
    if wrapped is None:
        wrapped = is_hard_wrapped(blocks)
    width = max((len(line.strip()) for block in blocks for line in block), default=0)
    paragraphs: list[str] = []
    for block in blocks:
        paragraphs.extend(block_paragraphs(block, wrapped=wrapped, width=width))
    return non_empty(paragraphs)


def non_empty(paragraphs: Iterable[str]) -> list[str]:
    """Cleaned paragraphs, dropping those with no letters or digits (rules, stray symbols)."""
    return list(cleaned_paragraphs(paragraphs))


def cleaned_paragraphs(paragraphs: Iterable[str]) -> Iterator[str]:
    """`non_empty`, one paragraph at a time (a caller that has enough stops cleaning)."""
    cleaned = (clean_inline(paragraph) for paragraph in paragraphs)
    return (paragraph for paragraph in cleaned if any(char.isalnum() for char in paragraph))
