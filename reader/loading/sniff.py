"""Which format a file is in, from its name or, when the name does not say, from its bytes."""

from __future__ import annotations

import io
import re

from reader.document import Format

SUFFIX_FORMATS: dict[str, Format] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".epub": "epub",
}
# Saved e-mails: read by reader.loading.mail, which unwraps the body and then loads it as one
# of the formats above.
MAIL_SUFFIXES = (".eml",)

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)

# Formats people will try that this program cannot read, with a hint for the message.
KNOWN_UNSUPPORTED = {
    ".doc": "old Word .doc files are not supported; save it as .docx",
    ".odt": "OpenDocument text is not supported; save it as .docx",
    ".rtf": "RTF is not supported; save it as .docx or .txt",
    ".mobi": "Kindle books are not supported; convert them to .epub",
    ".azw3": "Kindle books are not supported; convert them to .epub",
}


def format_from_suffix(suffix: str) -> Format | None:
    return SUFFIX_FORMATS.get(suffix.lower())


def sniff_format(data: bytes) -> Format | None:
    """The format the bytes are in, judged by their first bytes; None if not recognised."""
    head = data[:1024]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if head.startswith(b"{\\rtf"):
        return None
    if _HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    return None


def _zip_format(data: bytes) -> Format | None:
    import zipfile  # only zip-based files need it; not imported while the window starts

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    # NotImplementedError: a "version needed to extract" this zipfile does not know.
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None
    if "word/document.xml" in names:
        return "docx"
    if "META-INF/container.xml" in names or any(name.endswith(".opf") for name in names):
        return "epub"
    return None
