"""Markdown (.md) to plain paragraphs: the words stay, the markup goes.

Not a full CommonMark parser: articles saved as Markdown use headings, emphasis, links,
images, lists, quotes, the odd code block and inline HTML, and those are what is handled.
"""

from __future__ import annotations

import re

from reader.loading.paragraphs import join_lines, non_empty, normalise_newlines

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
# Every pattern here must take linear time on a run of 100,000 spaces, "#" or "`": no two
# quantifiers that can share a character are left to try every split of a run between them.
# Quotes, spaces and a closing "##" are trimmed in Python (`_unquoted`, `_heading_text`).
_FRONT_MATTER_TITLE = re.compile(r"^title:[ \t]*(.*)$", re.MULTILINE)
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t](.*))?$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# A list item's marker, with the check box of a task list ("- [x] done") if there is one.
# Any indentation: note apps nest lists with tabs or four spaces, which are not code blocks there.
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
# Obsidian's callout marker opening a quote: "> [!note] Title".
_CALLOUT = re.compile(r"^[ \t]*\[![A-Za-z-]+\][+-]?[ \t]*")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_TABLE_RULE = re.compile(
    r"^[ \t]*(?:\|[ \t]*)?:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*(?:\|[ \t]*)?$"
)
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_HTML_BLOCK_START = re.compile(r"^\s*<(script|style)\b", re.IGNORECASE)
_HTML_BLOCK_END = re.compile(r"</(script|style)>", re.IGNORECASE)

# Each bracketed part excludes its own opening character, so a scan for the closing one stops
# at the next opener: with thousands of unclosed "[" or "*" a line still takes linear time.
_TARGET = r"(?:\([^()]*\)|\[[^\[\]]*\])"
_IMAGE = re.compile(r"!\[([^\[\]]*)\]" + _TARGET)
_LINK = re.compile(r"\[([^\[\]]+)\]" + _TARGET)
# Wiki links of note apps: [[Page]] shows "Page", [[Page|shown text]] shows the text.
_WIKI_LINK = re.compile(r"\[\[([^\[\]|]+)(?:\|([^\[\]]+))?\]\]")
_HIGHLIGHT = re.compile(r"==(?=\S)([^=]+?)(?<=\S)==")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_FOOTNOTE = re.compile(r"\[\^[^\[\]]+\]")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# Opens at the first backtick of a run only, so a run of backticks is not tried at every one.
_CODE_SPAN = re.compile(r"(?<!`)(`+)([^`]+)\1")
_STRONG = re.compile(r"\*\*(?=\S)([^*]+?)(?<=\S)\*\*|__(?=\S)([^_]+?)(?<=\S)__")
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])"
)
_STRIKE = re.compile(r"~~(?=\S)([^~]+?)(?<=\S)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'])")
_MARKUP_CHARACTER = re.compile(r"[\\`*_\[<~&=]")
_PRIVATE = 0xE000
_ESCAPED = re.compile("[\ue000-\ue07f]")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&nbsp;": "\u00a0"}


def _unquoted(value: str) -> str | None:
    """A front-matter value without its quotes; None if it is empty."""
    value = value.strip()
    if value[:1] in ("'", '"'):
        value = value[1:]
    if value[-1:] in ("'", '"'):
        value = value[:-1]
    return value.strip() or None


def _heading_text(text: str) -> str:
    """An ATX heading's text without its optional closing sequence: "Titel ##" is "Titel"."""
    text = text.strip(" \t")
    opened = text.rstrip("#")
    if opened != text and (not opened or opened[-1] in " \t"):
        return opened.rstrip(" \t")
    return text


def _either_group(match: re.Match[str]) -> str:
    return match.group(1) if match.group(1) is not None else match.group(2)


def without_html_comments(text: str) -> str:
    """Text with every <!-- … --> removed; an unclosed one runs to the end (as in HTML)."""
    pieces = []
    position = 0
    while (start := text.find("<!--", position)) != -1:
        pieces.append(text[position:start])
        end = text.find("-->", start + 4)
        if end == -1:
            return "".join(pieces)
        position = end + 3
    pieces.append(text[position:])
    return "".join(pieces)


def strip_inline(text: str) -> str:
    """Emphasis, links, images, code spans and inline HTML removed; their words kept."""
    if not _MARKUP_CHARACTER.search(text):  # most lines of an article: nothing to do
        return text
    # Escaped characters are hidden in the private-use area so no rule below treats them as markup.
    text = _ESCAPE.sub(lambda m: chr(_PRIVATE + ord(m.group(1))), text)
    text = _IMAGE.sub("", text)  # an image's alt text is not part of the article
    text = _WIKI_LINK.sub(lambda m: (m.group(2) or m.group(1)).strip(), text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _FOOTNOTE.sub("", text)
    text = _HTML_TAG.sub("", text)
    text = _CODE_SPAN.sub(lambda m: m.group(2).strip(), text)
    text = _STRONG.sub(_either_group, text)
    text = _EMPHASIS.sub(_either_group, text)
    text = _STRIKE.sub(r"\1", text)
    text = _HIGHLIGHT.sub(r"\1", text)
    text = _ESCAPED.sub(lambda m: chr(ord(m.group()) - _PRIVATE), text)
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return text


class _Paragraphs:
    """Collects lines into paragraphs; headings and list items stand alone."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.headings: list[tuple[int, str]] = []  # (paragraph index, heading text)
        self._lines: list[str] = []

    def add_line(self, line: str) -> None:
        self._lines.append(line.strip())

    def has_open_paragraph(self) -> bool:
        return bool(self._lines)

    def flush(self) -> None:
        if self._lines:
            self.paragraphs.append(join_lines(self._lines))
            self._lines = []

    def add_heading(self, text: str) -> None:
        self.flush()
        self.headings.append((len(self.paragraphs), text))
        self.paragraphs.append(text)


def parse_markdown(text: str) -> tuple[str | None, list[str]]:
    """(title, paragraphs). The title is the front matter's, else a heading that opens the text."""
    text = normalise_newlines(text)
    title: str | None = None
    front = _FRONT_MATTER.match(text)
    if front:
        found = _FRONT_MATTER_TITLE.search(front.group(1))
        title = _unquoted(found.group(1)) if found else None
        text = text[front.end() :]
    text = without_html_comments(text)

    collected = _Paragraphs()
    lines = text.split("\n")
    fence: str | None = None
    in_html_block = False
    for index, raw in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if fence is not None:  # inside a code block: keep its lines, as one paragraph
            if raw.strip().startswith(fence):
                fence = None
                collected.flush()
            elif raw.strip():
                collected.add_line(raw)
            continue
        if in_html_block:
            in_html_block = not _HTML_BLOCK_END.search(raw)
            continue
        if opening := _FENCE.match(raw):
            collected.flush()
            fence = opening.group(1)
            continue
        if _HTML_BLOCK_START.match(raw):
            collected.flush()
            in_html_block = not _HTML_BLOCK_END.search(raw)
            continue
        line = _QUOTE.sub("", raw)
        while _QUOTE.match(line):  # nested quotes
            line = _QUOTE.sub("", line)
        if _QUOTE.match(raw) and (callout := _CALLOUT.match(line)):
            collected.flush()  # the callout's title stands alone, like a heading
            if line[callout.end() :].strip():
                collected.add_heading(strip_inline(line[callout.end() :].strip()))
            continue
        if not line.strip():
            collected.flush()
            continue
        if heading := _ATX_HEADING.match(line):
            collected.add_heading(strip_inline(_heading_text(heading.group(2) or "")))
            continue
        if (
            _SETEXT_UNDERLINE.match(following)
            and not _LIST_ITEM.match(line)
            and not collected.has_open_paragraph()
        ):
            collected.add_heading(strip_inline(line))
            continue
        if _SETEXT_UNDERLINE.match(line) or _RULE.match(line) or _TABLE_RULE.match(line):
            collected.flush()
            continue
        if _REFERENCE_DEFINITION.match(line):
            continue
        if item := _LIST_ITEM.match(line):
            collected.flush()
            line = line[item.end() :]
        if line.strip().startswith("|"):  # a table row: its cells, one line
            collected.flush()
            line = " · ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        collected.add_line(strip_inline(line))
    collected.flush()

    if title is None and collected.headings and collected.headings[0][0] == 0:
        title = collected.headings[0][1]
        return title, non_empty(collected.paragraphs[1:])
    return title, non_empty(collected.paragraphs)
