"""Splitting German text into sentences (no tkinter).

Used by readability, translation and the window, so it returns character spans into the original
text: `text[start:end]` is the sentence, without surrounding whitespace.

A full stop is the hard case in German: it also ends abbreviations ("z. B.", "Dr.", "Abs."),
ordinals and dates ("am 3. Oktober", "im 19. Jahrhundert", "1.1.2026") and initials ("U.S.A.").
The rule used here, candidate by candidate:

- A blank line always ends a sentence, so a heading paragraph without a full stop is a sentence.
- `!`, `?`, `…` (and "...") followed by whitespace end a sentence when the next word starts with a
  capital letter, a digit or an opening quote; "„Halt!“ rief er" continues in lower case.
- A full stop followed by a lower-case word never ends a sentence ("ca. fünf", "z. B. die").
- After a full stop, the word before it decides: a title or a word that always introduces
  something ("Dr.", "Nr.", "vgl.", "bzw.") never ends a sentence; ordinals, single letters,
  dotted abbreviations ("U.S.A.") and abbreviations that often close a list ("usw.", "Jh.") end
  one only when the next word is a typical sentence opener ("Der", "Sie", "Danach" …); any other
  word ends the sentence.
"""

from __future__ import annotations

import functools
import re

# Punctuation that can end a sentence, then closing quotes/brackets that belong to it.
# The whitespace after it is part of the match: its end is where the next sentence would start.
_CANDIDATE = re.compile(r"(?P<punct>[.!?…]+)(?P<closing>[\"“”»«’‘')\]]*)\s+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_OPENER_CHARACTERS = "„“‚‘\"»«'([–—-"
_OPENERS = frozenset(_OPENER_CHARACTERS)

# Abbreviations after which the text always goes on (compared lower-case, without the dot).
_NEVER_FINAL = frozenset(
    """
    abb abg abs abt allg anm art bd bes best betr bspw bzgl bzw ca dipl dr ehem eigtl einschl
    entspr evtl fa frl gebr gegr gem gen ggf ggü hg hl hr hrsg inkl jun kap lt max mind nr
    prof rd sen sog spez st str tel u.a vgl vors z.b zb zit zzgl stv präs insb d.h s.o
    mr mrs ms jr sr vs
    """.split()
)  # the last line is for English: translation splits its output with the same function
# Abbreviations that often stand at the end of a sentence ("… Parteien usw. Danach …").
_MAYBE_FINAL = frozenset("usw etc jh jhd jhs mio mrd chr min std tsd ff bzgl".split())
# Pairs of single letters that always go on: "z. B.", "d. h.", "s. o.", "o. ä.", "i. d."
_NEVER_FINAL_PAIRS = frozenset({("z", "b"), ("d", "h"), ("s", "o"), ("o", "ä"), ("i", "d")})
# A line ending in one of these goes on in the next line (or is handled as punctuation).
_LINE_CONTINUES = frozenset(".!?…:;,-–—\"“”»«')")
_LONGEST_HEADING_WORDS = 8
_SENTENCE_FINAL = frozenset(".!?…\"“”»«')")
_REMEMBERED_PARAGRAPHS = 4096  # a long article's paragraphs, all of them
_LONG_WORD = 64  # characters; longer words are rare enough to be looked for the slow way
_ROMAN_NUMERAL = re.compile(r"[IVX]{1,4}")
# Words that typically open a German sentence; after an ambiguous full stop they tip the balance.
_SENTENCE_OPENERS = frozenset(
    """
    Der Die Das Den Dem Des Ein Eine Einen Einer Er Sie Es Ich Wir Ihr Man Dies Diese Dieser
    Dieses Doch Aber Und Dann Danach Auch So Da Dort Hier Heute Nun Jetzt Zudem Außerdem
    Allerdings Trotzdem Deshalb Daher Denn Wie Was Wer Wo Warum Wann Im Am Nach Seit Als Wenn
    Zwar Schon Noch Mehr Viele Alle Kein Keine Niemand Damals Später Inzwischen Dabei
    """.split()
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, in order, without surrounding whitespace.

    The spans of recent paragraphs are remembered: readability, the glossary and translation
    all split the same paragraphs of the open article."""
    return list(_remembered_spans(text))


@functools.lru_cache(maxsize=_REMEMBERED_PARAGRAPHS)
def _remembered_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    block_start = 0
    for paragraph_break in _PARAGRAPH_BREAK.finditer(text):
        _split_block(text, block_start, paragraph_break.start(), spans)
        block_start = paragraph_break.end()
    _split_block(text, block_start, len(text), spans)
    return tuple(spans)


def split_sentences(text: str) -> list[str]:
    """The sentences of `text` as strings."""
    return [text[start:end] for start, end in sentence_spans(text)]


def sentence_at(text: str, offset: int) -> str:
    """The sentence of `text` that contains character `offset` (the whole text if none)."""
    start, end = sentence_span_at(text, offset)
    return text[start:end]


def sentence_span_at(text: str, offset: int) -> tuple[int, int]:
    """The (start, end) of the sentence around `offset`: `sentence_at` as a span."""
    for start, end in sentence_spans(text):
        if start <= offset < end:
            return start, end
    stripped = text.strip()
    start = text.find(stripped) if stripped else 0
    return start, start + len(stripped)


def _split_block(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append the sentences of `text[start:end]` (a block without blank lines) to `spans`."""
    line_start = start
    line_break = text.find("\n", start, end)
    while line_break != -1:  # a heading line directly above its paragraph is a sentence
        first_line = line_start == start
        if _is_heading_line(text, line_start, line_break, end, first_line):
            _split_lines(text, start, line_break, spans)
            start = line_break + 1
        line_start = line_break + 1
        line_break = text.find("\n", line_start, end)
    _split_lines(text, start, end, spans)


def _is_heading_line(
    text: str, line_start: int, line_end: int, block_end: int, first_line: bool
) -> bool:
    """A short line without final punctuation, after a finished sentence (or first in its block)
    and followed by a line starting with a capital.

    Hard-wrapped prose fills its lines, so such a line is a heading ("Was Trump wirklich will")
    in text that has one paragraph per line."""
    line = text[line_start:line_end].strip()
    if not line or line[-1] in _LINE_CONTINUES or len(line.split()) > _LONGEST_HEADING_WORDS:
        return False
    previous_end = line_start - 1  # the line break before this line
    while not first_line and previous_end > 0 and text[previous_end - 1].isspace():
        previous_end -= 1
    if not first_line and text[previous_end - 1] not in _SENTENCE_FINAL:
        return False  # the line goes on from an unfinished line above
    next_start = _skip_whitespace(text, line_end, block_end)
    return next_start < block_end and text[next_start].isupper()


def _split_lines(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    sentence_start = _skip_whitespace(text, start, end)
    for candidate in _CANDIDATE.finditer(text, sentence_start, end):
        next_word_start = candidate.end()
        if next_word_start >= end:
            break  # the rest of the block is one sentence
        first = text[next_word_start]
        if not (first.isupper() or first.isdigit() or first in _OPENERS):
            continue  # "„Halt!“ rief er", "ca. fünf"
        if _ends_sentence(text, candidate, next_word_start, end):
            # The candidate ends at non-space, the next sentence starts at non-space.
            spans.append((sentence_start, candidate.end("closing")))
            sentence_start = next_word_start
    _append_stripped(text, sentence_start, end, spans)


def _ends_sentence(text: str, candidate: re.Match[str], next_start: int, block_end: int) -> bool:
    """Whether the punctuation of `candidate`, followed by a word starting with a capital, a
    digit or an opening quote, ends a sentence."""
    punct, closing = candidate.group(1, 2)
    punct_start = candidate.start()
    if "!" in punct or "?" in punct:
        return True
    if punct != ".":  # an ellipsis; "[…]" marks an omission inside a quotation
        return punct_start == 0 or text[punct_start - 1] not in "[("
    if closing:
        return True  # „… geht.“ Danach …
    word_start = _word_start(text, punct_start)
    word_before = text[word_start:punct_start].lstrip(_OPENER_CHARACTERS)
    if not word_before or _is_dated(word_before):
        return True
    if len(word_before) > 1:
        kind = _word_kind(word_before)
    else:
        kind = _abbreviation_kind(word_before, text, word_start)
    if kind == "never":
        return False
    if kind == "maybe":
        return _word_at(text, next_start, block_end) in _SENTENCE_OPENERS
    return True


def _abbreviation_kind(word: str, text: str, word_start: int) -> str:
    """Whether `word` before a full stop is "never" final, "maybe" final, or "" (ordinary)."""
    lowered = word.lower()
    if lowered in _NEVER_FINAL:
        return "never"
    if len(word) == 1 and word.isalpha():
        previous = text[_word_start(text, word_start) : word_start].strip()
        if previous.endswith(".") and (previous[:-1].lower(), lowered) in _NEVER_FINAL_PAIRS:
            return "never"
        return "maybe"  # an initial ("Peter M. Müller") or "u. a."
    if lowered in _MAYBE_FINAL or "." in word:
        return "maybe"  # "usw.", "U.S.A.", "1.1." and dotted forms like "z.B."
    if word.isdigit() and len(word) <= 2:
        return "maybe"  # an ordinal: "am 3. Oktober", "im 19. Jahrhundert"
    if _ROMAN_NUMERAL.fullmatch(word):
        return "maybe"  # "Ludwig XIV. war …"
    return ""


@functools.lru_cache(maxsize=4096)
def _word_kind(word: str) -> str:
    """`_abbreviation_kind` of a word longer than one letter, which needs no context (articles
    repeat the words before their full stops)."""
    return _abbreviation_kind(word, "", 0)


def _is_dated(word: str) -> bool:
    """A full date with the year ("1.1.2026") ends a sentence like any word."""
    return word[-1].isdigit() and "." in word and len(word.rsplit(".", 1)[-1]) == 4


def _word_start(text: str, end: int) -> int:
    """Where the whitespace-delimited word ending at `end` starts (skipping whitespace first)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    nearby = max(0, end - _LONG_WORD)
    space = text.rfind(" ", nearby, end)
    if space >= 0 and text.find("\n", space, end) < 0 and text.find("\t", space, end) < 0:
        return space + 1  # the common case: a space before the word
    # Look a short way back first: searching back to the start of the text for every full stop
    # made splitting a long text without line breaks or tabs quadratic.
    for lowest in (nearby, 0):
        separator = max(
            text.rfind(" ", lowest, end),
            text.rfind("\n", lowest, end),
            text.rfind("\t", lowest, end),
        )
        if separator >= 0:
            return separator + 1
    return 0


def _word_at(text: str, start: int, end: int) -> str:
    stop = start
    while stop < end and text[stop].isalpha():
        stop += 1
    return text[start:stop]


def _skip_whitespace(text: str, position: int, end: int) -> int:
    while position < end and text[position].isspace():
        position += 1
    return position


def _append_stripped(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
