"""Turning the bytes of a text file into text, and saying which encoding they were in.

The order matters: a byte-order mark is certain; strict UTF-8 almost never accepts text that
was written in another encoding; UTF-16 without a BOM shows itself by its zero bytes; what is
left is, for German users, nearly always Windows-1252 (a superset of Latin-1 for every printable
character, so Latin-1 files decode the same way). No guessing library is needed for that.
"""

from __future__ import annotations

import codecs
import re

from reader.errors import LoadError

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that do occur in real text files.
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a")  # \x1a: the DOS end-of-file mark

_SNIFF_BYTES = 4096


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: in Latin-script text every other byte is zero."""
    sample = data[:_SNIFF_BYTES]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > 0.7 * half and even_zeros < 0.1 * half:
        return "utf-16-le"
    if even_zeros > 0.7 * half and odd_zeros < 0.1 * half:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """Zero bytes or many control bytes near the start: an image, archive or program."""
    sample = data[:_SNIFF_BYTES]
    if not sample or _bom_encoding(sample) or _bomless_utf16(sample):
        return False
    if b"\0" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and chr(byte) not in _ALLOWED_CONTROLS)
    return controls > len(sample) * 0.01


def _control_characters(text: str) -> int:
    return sum(
        1
        for char in text
        if (ord(char) < 32 and char not in _ALLOWED_CONTROLS) or 0x7F <= ord(char) < 0xA0
    )


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding name) for the bytes of a text file; LoadError names the file otherwise."""
    bom = _bom_encoding(data)
    if bom is not None:
        encoding, skip = bom
        try:
            text = data[skip:].decode(encoding.removesuffix("-sig"))
        except UnicodeDecodeError as error:
            raise LoadError(
                f"{name}: cannot decode the text: it starts with a {_label(encoding)} "
                f"byte-order mark but byte {error.start + skip} is not {_label(encoding)}"
            ) from error
        return _checked(text, name), encoding

    if looks_binary(data) and not _bomless_utf16(data):
        raise LoadError(f"{name}: this is a binary file, not text")

    candidates = ["utf-8"]
    utf16 = _bomless_utf16(data)
    if utf16:
        candidates.insert(0, utf16)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _checked(text, name), encoding
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return _checked(mixed, name), "utf-8"
    eight_bit = eight_bit_encoding(data)
    if eight_bit is None:
        # Windows-1252 leaves five bytes undefined; text containing them is not German text.
        raise LoadError(
            f"{name}: cannot decode the text (not UTF-8, UTF-16, Windows-1252/Latin-1 or Mac Roman)"
        )
    return _checked(data.decode(eight_bit), name), eight_bit


# German letters and quotes as each 8-bit encoding spells them, and what the bytes of the other
# encoding's umlauts turn into: "für" saved on a classic Mac reads "fŸr" as Windows-1252, and
# "für" from Windows reads "f¸r" as Mac Roman.
_GERMAN = frozenset("äöüß„“")
# "√" is byte 0xC3, which starts every UTF-8 umlaut: UTF-8 read as Mac Roman is full of it.
_MISREAD = {"windows-1252": frozenset("ŠšŸ§Òã"), "mac-roman": frozenset("‰ˆ¸ﬂ√")}


def _german_score(text: str, encoding: str) -> int:
    return sum(1 for char in text if char in _GERMAN) - sum(
        1 for char in text if char in _MISREAD[encoding]
    )


def eight_bit_encoding(data: bytes) -> str | None:
    """Windows-1252 (which covers Latin-1), or Mac Roman for files from a classic Mac (their
    umlauts sit at other byte values); whichever spells more German. None if neither decodes."""
    scores: dict[str, int] = {}
    for encoding in ("windows-1252", "mac-roman"):
        try:
            scores[encoding] = _german_score(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    # Mac Roman decodes any bytes at all, so it must show German to be believed; ties go to
    # Windows-1252, by far the commoner of the two.
    if scores.get("mac-roman", 0) > scores.get("windows-1252", 0):
        return "mac-roman"
    return "windows-1252" if "windows-1252" in scores else None


_STRAY_BYTE = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray Windows-1252 bytes (pasted together from two files), repaired.

    Decoding all of it as Windows-1252 would turn every correct "ä" into "Ã¤"; instead the
    stray bytes alone are read as Windows-1252. None if the text is not mostly UTF-8.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    stray = len(_STRAY_BYTE.findall(text))
    if len(_NON_ASCII.findall(text)) < 3 * stray:
        return None
    try:
        return _STRAY_BYTE.sub(
            lambda match: bytes([ord(match.group()) - 0xDC00]).decode("windows-1252"), text
        )
    except UnicodeDecodeError:  # a byte Windows-1252 does not define either
        return None


def _checked(text: str, name: str) -> str:
    """Refuse decoded 'text' that is mostly control characters: it was not text after all."""
    sample = text[:_SNIFF_BYTES]
    if "\0" in sample or _control_characters(sample) > max(2, len(sample) * 0.01):
        raise LoadError(f"{name}: cannot decode the text (it contains binary control characters)")
    return text


def _label(encoding: str) -> str:
    return encoding.upper().removesuffix("-SIG").removesuffix("-LE").removesuffix("-BE")
