"""Repairs to the text PDFium reads from a PDF: hyphenation, ligatures, small capitals.

PDFium marks a hyphen it knows to be a line-end hyphenation as U+FFFE (U+0002 in bounded text);
such words are joined for certain. Typesetters also end lines with "Verschwen -" (a hyphen after
a space) or a plain "-"; those are joined when the next line goes on in lower case. Ligature
characters ("ﬂ" in "Pﬂege") become their letters, so search and the glossary find the word. A
title set in small capitals can come out as "BüRgeR/innen-PR ojekte"; it is read back as words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from reader.loading.paragraphs import join_lines

_SOFT_HYPHEN_MARKS = re.compile(r"[\ufffe\x02]\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_LIGATURES = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}
# "Verschwen -" at a line end: a word, a space, a hyphen.
_SPACED_HYPHEN_END = re.compile(r"(?<=[^\W\d_]) -$")
# A word whose letters turn to capitals again after small letters, as small capitals come out:
# "BüRgeR", "EinlEitung". Not "BürgerInnen": a capital I before "n"/"nnen" is the gender form.
_SMALL_CAPS_WORD = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]+(?:[A-ZÄÖÜ](?!nnen\b|n\b)[a-zäöüßA-ZÄÖÜ]*)+\b")
# "PR ojekte": a capital pair split from the rest of its word.
_SPLIT_CAPITALS = re.compile(r"\b([A-ZÄÖÜ]{1,3}) ([a-zäöüß]{2,})\b")
_HEADING_WORDS = 10
_FOLDED = re.compile(_SMALL_CAPS_WORD.pattern + r"|\b[A-ZÄÖÜ]{2,}[a-zäöüß]+\b")


def clean_run(text: str) -> str:
    """A run's text: PDFium's hyphenation mark as a soft hyphen, ligatures as letters."""
    text = _SOFT_HYPHEN_MARKS.sub("\u00ad", text)
    return _CONTROL.sub("", text.translate(_LIGATURES))


def _small_caps_line(line: str) -> str:
    """A heading set in small capitals, read back: "BüRgeR/innen-PR ojekte" →
    "Bürger/innen-Projekte". Lines that are not short or have no such word stay as they are."""
    if len(line.split()) > _HEADING_WORDS or not _SMALL_CAPS_WORD.search(line):
        return line
    line = _SPLIT_CAPITALS.sub(lambda match: match.group(1) + match.group(2), line)

    def fold(match: re.Match[str]) -> str:
        word = match.group()
        return word[0] + word[1:].lower()

    return _FOLDED.sub(fold, line)


def join_paragraph(lines: Sequence[str]) -> str:
    """A paragraph's lines as one text, hyphenations undone in every spacing."""
    prepared = []
    for index, line in enumerate(lines):
        line = _small_caps_line(line.strip())
        following = lines[index + 1].lstrip() if index + 1 < len(lines) else ""
        if _SPACED_HYPHEN_END.search(line) and following[:1].islower():
            line = line[:-2] + "-"
        elif line.endswith("\u00ad") and following[:1].isupper():
            line = line[:-1] + "-"  # PDFium marks compound hyphens too: "Transit-" / "Leitung"
        prepared.append(line)
    return join_lines(prepared)
