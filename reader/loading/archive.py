"""Reading ZIP containers (docx, epub) without being fooled by zip bombs.

A small archive can inflate to gigabytes. Two guards: the sizes the archive declares are summed
before anything is unpacked, and every actual read counts the bytes it really produced, because
declared sizes can lie.
"""

from __future__ import annotations

import io
import zipfile

from reader.errors import LoadError
from reader.loading.limits import describe_limit

_CHUNK = 64 * 1024


class BoundedZip:
    """A ZIP archive whose members can be read only up to a shared decompressed-size budget."""

    def __init__(self, data: bytes, *, name: str, kind: str, max_bytes: int) -> None:
        self.name = name
        self.kind = kind
        self.max_bytes = max_bytes
        self._unpacked = 0
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            infos = self.archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
            raise LoadError(
                f"{name}: not a valid {kind} file (the ZIP container is damaged)"
            ) from error
        except NotImplementedError as error:  # e.g. "zip file version 25.5"
            raise LoadError(
                f"{name}: cannot read this {kind} file (its ZIP container needs a feature "
                f"that is not supported: {error})"
            ) from error
        declared = sum(info.file_size for info in infos)
        if declared > max_bytes:
            raise self._too_large()
        self.names = {info.filename for info in infos}

    def _too_large(self) -> LoadError:
        return LoadError(
            f"{self.name}: the {self.kind} file unpacks to more than "
            f"{describe_limit(self.max_bytes)} (the size limit)"
        )

    def read(self, member: str) -> bytes:
        """The member's bytes, counting them against the budget; LoadError if it is damaged."""
        parts: list[bytes] = []
        try:
            with self.archive.open(member) as stream:
                while chunk := stream.read(_CHUNK):
                    self._unpacked += len(chunk)
                    if self._unpacked > self.max_bytes:
                        raise self._too_large()
                    parts.append(chunk)
        except KeyError as error:
            raise LoadError(
                f"{self.name}: not a valid {self.kind} file ({member} is missing)"
            ) from error
        except LoadError:
            raise
        except Exception as error:
            # zlib.error, BadZipFile (CRC), NotImplementedError (unknown compression),
            # RuntimeError (encrypted) … all mean the same thing to the user.
            raise LoadError(
                f"{self.name}: not a valid {self.kind} file ({member} cannot be unpacked)"
            ) from error
        return b"".join(parts)

    def read_all(self) -> None:
        """Unpack every member once, so a later reader (python-docx) cannot meet a bomb."""
        for member in sorted(self.names):
            if not member.endswith("/"):
                self.read(member)
