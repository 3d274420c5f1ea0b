"""Loading articles into `Document`s: files of every common format, standard input, pasted
text and web addresses. No tkinter here; the window and the CLI call the same functions.

Every problem with the input comes out as a `LoadError` whose message is one line naming the
file and what is wrong; any other exception escaping from here is a bug.
"""

from __future__ import annotations

import stat
import sys
from dataclasses import replace
from pathlib import Path

from reader.document import Document, Format, Source
from reader.errors import LoadError
from reader.loading.assemble import build_document
from reader.loading.encoding import decode_text, looks_binary
from reader.loading.limits import DEFAULT_MAX_BYTES, describe_limit, describe_size, display_name
from reader.loading.sniff import (
    KNOWN_UNSUPPORTED,
    MAIL_SUFFIXES,
    SUFFIX_FORMATS,
    format_from_suffix,
    sniff_format,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "LoadError",
    "load_argument",
    "load_bytes",
    "load_mail",
    "load_path",
    "load_stdin",
    "load_text",
    "load_url",
]

# For file dialogs and messages: every file name ending the loader understands.
SUPPORTED_SUFFIXES: tuple[str, ...] = (*SUFFIX_FORMATS, *MAIL_SUFFIXES)
SUPPORTED_FORMATS_TEXT = "txt, md, html, docx, pdf, epub, eml"

_SOURCE_NAMES = {"stdin": "standard input", "clipboard": "the pasted text"}


def _source_name(source: Source) -> str:
    if source.path is not None or source.url:
        return display_name(source.path or source.url)
    return _SOURCE_NAMES.get(source.format, source.format)


def _too_large(name: str, size: int, max_bytes: int) -> LoadError:
    return LoadError(
        f"{name}: the file is {describe_size(size)}, above the size limit of "
        f"{describe_limit(max_bytes)}"
    )


def _read_file(path: Path, name: str, max_bytes: int) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError as error:
        raise LoadError(f"{name}: no such file") from error
    except PermissionError as error:
        raise LoadError(f"{name}: permission denied") from error
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the name
        raise LoadError(f"{name}: cannot open the file ({_reason(error)})") from error
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(f"{name}: this is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(f"{name}: not a regular file (a device or pipe)")
    if info.st_size > max_bytes:
        raise _too_large(name, info.st_size, max_bytes)
    try:
        with path.open("rb") as file:
            data = file.read(max_bytes + 1)  # the file may have grown since stat()
    except PermissionError as error:
        raise LoadError(f"{name}: permission denied") from error
    except OSError as error:
        raise LoadError(f"{name}: cannot read the file ({_reason(error)})") from error
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    return data


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


# Formats whose content says for certain what they are: a PDF saved as "artikel.docx" (browsers
# and mail programs do rename downloads) is read as the PDF it is.
_SELF_DESCRIBING: frozenset[Format] = frozenset({"docx", "pdf", "epub"})


def _format_for(path: Path, data: bytes, name: str) -> Format:
    suffix = path.suffix.lower()
    known = format_from_suffix(suffix)
    if known in _SELF_DESCRIBING:
        sniffed = sniff_format(data)
        return sniffed if sniffed in _SELF_DESCRIBING else known
    if known is not None:
        return known
    if suffix in KNOWN_UNSUPPORTED:
        raise LoadError(f"{name}: {KNOWN_UNSUPPORTED[suffix]}")
    sniffed = sniff_format(data)
    if sniffed is not None:
        return sniffed
    # No or an unknown suffix: plain text is still welcome, anything binary is not.
    if not looks_binary(data) and not data.startswith((b"PK\x03\x04", b"{\\rtf")):
        return "txt"
    kind = f"file type '{suffix}'" if suffix else "file type (no file name ending)"
    raise LoadError(f"{name}: unsupported {kind}; supported formats: {SUPPORTED_FORMATS_TEXT}")


def load_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Load an article file; the format comes from its suffix, or from its content."""
    path = Path(path)
    name = display_name(path)
    data = _read_file(path, name, max_bytes)
    if path.suffix.lower() in MAIL_SUFFIXES:
        return load_mail(data, name, path=path)
    return load_bytes(
        data, name, format=_format_for(path, data, name), path=path, max_bytes=max_bytes
    )


def load_bytes(
    data: bytes,
    name: str,
    *,
    format: Format | None = None,
    path: Path | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Load an article from bytes already in memory; `name` is what error messages call it.

    Without `format`, it is taken from `name`'s suffix or sniffed from the bytes.
    """
    name = display_name(name)
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    if format is None:
        format = _format_for(Path(name), data, name)
    return _load(data, name, format, Source(path=path, format=format, url=url), max_bytes)


def _load(data: bytes, name: str, format: Format, source: Source, max_bytes: int) -> Document:
    """Parse bytes known to be in `format` and record the detected encoding in the source."""
    if not data.strip():
        empty = "the file is empty" if not data else "the file contains only whitespace"
        raise LoadError(f"{name}: {empty}")
    from reader.loading import formats  # the parsers import their libraries lazily

    parsed = formats.parse(data, format, name=name, url=source.url, max_bytes=max_bytes)
    source = replace(source, encoding=parsed.encoding)
    return build_document(
        parsed.paragraphs,
        title=parsed.title,
        source=source,
        name=name,
        empty_reason=parsed.empty_reason,
        warning=parsed.warning,
        cut_notice=parsed.cut_notice,
        sections=parsed.sections,
    )


def load_text(text: str, source: Source) -> Document:
    """A Document from text already decoded (pasted text, stdin, a test)."""
    from reader.loading import formats

    name = _source_name(source)
    if not text.strip():
        raise LoadError(f"{name}: there is no text (empty or only whitespace)")
    parsed = formats.parse_text(text, source.format, name=name, url=source.url)
    return build_document(
        parsed.paragraphs,
        title=parsed.title,
        source=source,
        name=name,
        warning=parsed.warning,
        cut_notice=parsed.cut_notice,
    )


def load_mail(data: bytes, name: str, *, path: Path | None = None) -> Document:
    """A saved e-mail (.eml): its body as the article, its subject as the title if it has none."""
    from reader.loading.mail import mail_body

    body = mail_body(data, name)
    source = Source(path=path, format=body.format, encoding=body.charset)
    if not body.text.strip():
        raise LoadError(f"{name}: the e-mail's text is empty")
    from reader.loading import formats

    parsed = formats.parse_text(body.text, body.format, name=name)
    return build_document(
        parsed.paragraphs,
        title=parsed.title or body.subject,
        source=source,
        name=name,
        empty_reason=parsed.empty_reason,
        cut_notice=parsed.cut_notice,
    )


def load_stdin(*, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read an article from standard input (`reader analyze -`), in any text encoding."""
    name = display_name(None)
    stream = getattr(sys.stdin, "buffer", None)
    if sys.stdin is None or stream is None:
        raise LoadError(f"{name}: there is no standard input to read from")
    try:
        data = stream.read(max_bytes + 1)
    except OSError as error:
        raise LoadError(f"{name}: cannot read ({_reason(error)})") from error
    if len(data) > max_bytes:
        raise LoadError(f"{name}: the text is above the size limit of {describe_limit(max_bytes)}")
    if not data.strip():
        raise LoadError(f"{name}: there is no text (empty or only whitespace)")
    text, encoding = decode_text(data, name)
    return load_text(text, Source(path=None, format="stdin", encoding=encoding))


def load_url(url: str, *, timeout: float = 15, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Download a web page (or a PDF, text …) and load the article in it. A `user:password@`
    in the address is sent as HTTP basic authentication; the document's address (shown,
    saved with a word) leaves it out."""
    from reader.loading.url import fetch
    from reader.secrets import split_login

    data, format = fetch(url, timeout=timeout, max_bytes=max_bytes)
    shown, _login = split_login(url)
    source = Source(path=None, format="url", url=shown)
    return _load(data, display_name(shown), format, source, max_bytes)


def load_argument(argument: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The article named on the command line: "-" is stdin, http(s) a download, else a file."""
    if argument == "-":
        return load_stdin(max_bytes=max_bytes)
    if argument.lower().startswith(("http://", "https://")):
        return load_url(argument, max_bytes=max_bytes)
    return load_path(argument, max_bytes=max_bytes)
