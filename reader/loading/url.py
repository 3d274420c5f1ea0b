"""Fetching an article from a web address: http(s) only, with timeouts and a size limit."""

from __future__ import annotations

from urllib.parse import urlsplit

from reader.document import Format
from reader.errors import LoadError
from reader.loading.encoding import looks_binary
from reader.loading.limits import describe_limit, display_name
from reader.loading.sniff import format_from_suffix, sniff_format

_CHUNK = 64 * 1024
MAX_DEADLINE_S = 60.0
_CONTENT_TYPES: dict[str, Format] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "text/markdown": "md",
    "application/pdf": "pdf",
    "application/epub+zip": "epub",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
_USER_AGENT = "GermanReader/0.1 (reading assistant; +https://example.invalid/german-reader)"


def check_url(url: str) -> None:
    """LoadError unless `url` is an absolute http or https address."""
    name = display_name(url)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise LoadError(f"{name}: only http:// and https:// addresses can be opened")
    if not parts.hostname:
        raise LoadError(f"{name}: the address has no host name")


# Media types that are never an article, whatever their bytes look like.
_NOT_ARTICLE_TYPES = ("image/", "audio/", "video/", "font/")
_SELF_DESCRIBING: tuple[Format, ...] = ("pdf", "docx", "epub")


def _format_of(content_type: str, url: str, data: bytes, name: str) -> Format:
    """The format of a downloaded body: a PDF, EPUB or DOCX by its first bytes, whatever the
    server calls it (a PDF is often served as text/html); then the content type, the address's
    suffix and the bytes again. Binary data that is none of these is refused, not read as HTML.
    """
    media_type = content_type.split(";")[0].strip().lower()
    sniffed = sniff_format(data)
    if sniffed in _SELF_DESCRIBING:
        return sniffed
    if media_type.startswith(_NOT_ARTICLE_TYPES) or looks_binary(data):
        kind = "an image" if media_type.startswith("image/") else "binary data"
        declared = media_type or "no content type"
        raise LoadError(
            f"{name}: the server sent {kind} ({declared}), not a web page, text, PDF, EPUB or DOCX"
        )
    if media_type in _CONTENT_TYPES:
        return _CONTENT_TYPES[media_type]
    path = urlsplit(url).path
    suffix = path[path.rfind(".") :] if "." in path.rsplit("/", 1)[-1] else ""
    return format_from_suffix(suffix) or sniff_format(data) or "html"


def fetch(
    url: str, *, timeout: float, max_bytes: int, deadline: float | None = None
) -> tuple[bytes, Format]:
    """(body, format) of the resource at `url`; LoadError for every way a download fails.

    `timeout` bounds the connection and each wait for more bytes; `deadline` (default: four
    timeouts, at most a minute) the whole download, so a server trickling its answer ends too.
    """
    check_url(url)
    name = display_name(url)
    import requests

    from reader import net

    total = min(MAX_DEADLINE_S, timeout * 4) if deadline is None else deadline
    took_too_long = LoadError(f"{name}: the download took longer than {total:g} seconds")
    parts: list[bytes] = []
    try:
        with net.within(total) as watch, net.session() as session:
            try:
                with session.get(
                    url,
                    timeout=(timeout, timeout),
                    stream=True,
                    headers={"User-Agent": _USER_AGENT, "Accept": "text/html,*/*;q=0.8"},
                ) as response:
                    if response.status_code >= 400:
                        reason = f" {response.reason}" if response.reason else ""
                        raise LoadError(
                            f"{name}: the server answered {response.status_code}{reason}"
                        )
                    declared = response.headers.get("Content-Length", "")
                    if declared.isdigit() and int(declared) > max_bytes:
                        raise LoadError(
                            f"{name}: the page is above the size limit of "
                            f"{describe_limit(max_bytes)}"
                        )
                    received = 0
                    for chunk in response.iter_content(_CHUNK):
                        received += len(chunk)
                        if received > max_bytes:
                            raise LoadError(
                                f"{name}: the page is above the size limit of "
                                f"{describe_limit(max_bytes)}"
                            )
                        if watch.expired:
                            raise took_too_long
                        parts.append(chunk)
                    content_type = response.headers.get("Content-Type", "")
                    final_url = response.url or url
                if watch.expired:  # cut off in the headers, an answer can look complete
                    raise took_too_long
            except requests.RequestException as error:
                # The watchdog shutting the socket looks like a broken connection.
                if watch.expired:
                    raise took_too_long from error
                raise
    except requests.ConnectTimeout as error:
        raise LoadError(
            f"{name}: cannot connect to the server within {timeout:g} seconds"
        ) from error
    except requests.Timeout as error:
        raise LoadError(f"{name}: the server did not answer within {timeout:g} seconds") from error
    except requests.ConnectionError as error:
        if net.could_not_connect(error):
            raise LoadError(f"{name}: cannot connect to the server") from error
        raise LoadError(f"{name}: the server broke off the connection") from error
    except requests.RequestException as error:
        raise LoadError(f"{name}: the download failed ({type(error).__name__})") from error
    data = b"".join(parts)
    return data, _format_of(content_type, final_url, data, name)
