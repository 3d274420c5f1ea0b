"""Fetch Ding's German–English word list on any system: `python build_spec/fetch_ding.py OUT`.

The offline dictionary is built from Ding's list (`python -m reader.dictionary.build LIST`).
Debian and Ubuntu install it as the package trans-de-en; Windows and macOS have no such
package, so this downloads Debian's package file (pinned by version and SHA-256), takes
/usr/share/trans/de-en out of it with the standard library alone (a .deb is an `ar` archive
holding a compressed tar) and writes it to OUT. The release workflow runs it on all three
systems; `make run` runs it when the package is not installed.

Exit status 0 when OUT holds the list, 1 with one line on stderr otherwise (offline, a changed
file): the app works without the dictionary, so callers may go on.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

PACKAGE = "trans-de-en_1.9-6_all.deb"
SHA256 = "45f6b4cf1c434776fba6811d7bc522efabb5425c43ba8afd0e289bf9e2e53df4"
MIRRORS = (
    f"https://deb.debian.org/debian/pool/main/d/ding/{PACKAGE}",
    f"https://ftp.debian.org/debian/pool/main/d/ding/{PACKAGE}",
)
MEMBER = "usr/share/trans/de-en"
TIMEOUT_S = 60
AR_MAGIC = b"!<arch>\n"


class FetchError(Exception):
    """The word list could not be had (the message says why, in one line)."""


def ar_members(data: bytes) -> dict[str, bytes]:
    """The files of an `ar` archive (the format of a .deb) by name."""
    if not data.startswith(AR_MAGIC):
        raise FetchError("not a Debian package (no ar archive)")
    members: dict[str, bytes] = {}
    position = len(AR_MAGIC)
    while position + 60 <= len(data):
        header = data[position : position + 60]
        name = header[:16].decode("ascii").strip().rstrip("/")
        try:
            size = int(header[48:58].decode("ascii").strip())
        except ValueError:
            raise FetchError("a damaged Debian package (bad member size)") from None
        start = position + 60
        members[name] = data[start : start + size]
        position = start + size + (size % 2)  # members are padded to an even length
    return members


def word_list_from_deb(deb: bytes) -> bytes:
    """Ding's list (/usr/share/trans/de-en) from the trans-de-en package's bytes."""
    members = ar_members(deb)
    data = next((content for name, content in members.items() if name.startswith("data.tar")), None)
    if data is None:
        raise FetchError("the package holds no data.tar")
    try:
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:  # .xz, .gz or .bz2
            for member in archive:
                if member.isfile() and member.name.lstrip("./") == MEMBER:
                    extracted = archive.extractfile(member)
                    if extracted is not None:
                        return extracted.read()
    except (tarfile.TarError, EOFError, OSError) as error:
        raise FetchError(f"cannot read the package's data ({error})") from None
    raise FetchError(f"the package holds no {MEMBER}")


def download(urls: tuple[str, ...] = MIRRORS, sha256: str = SHA256) -> bytes:
    """The package's bytes from the first mirror that has them unchanged."""
    problems = []
    for url in urls:
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT_S) as answer:
                data: bytes = answer.read()
        except OSError as error:
            problems.append(f"{url}: {error}")
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest == sha256:
            return data
        problems.append(f"{url}: SHA-256 {digest}, expected {sha256}")
    raise FetchError("cannot download Ding's word list: " + "; ".join(problems))


def write_atomically(content: bytes, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".de-en-", dir=target.parent)
    with os.fdopen(handle, "wb") as stream:
        stream.write(content)
    os.replace(temporary, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="where to write Ding's list")
    parser.add_argument("--url", action="append", help="download from here (repeatable)")
    parser.add_argument("--sha256", default=SHA256, help="the package file's SHA-256")
    args = parser.parse_args(argv)
    try:
        deb = download(tuple(args.url) if args.url else MIRRORS, args.sha256)
        words = word_list_from_deb(deb)
    except FetchError as error:
        print(f"fetch_ding: {error}", file=sys.stderr)
        return 1
    write_atomically(words, args.output)
    print(f"{args.output}: Ding's word list, {len(words) / 1e6:.1f} MB ({PACKAGE})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
