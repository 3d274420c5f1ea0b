"""Saved e-mails (.eml): the message body, decoded, with the subject as the title.

Newsletters and forwarded articles arrive as e-mail. A saved message is MIME: headers, parts,
quoted-printable or base64 — read as plain text it is unreadable. The standard library's parser
undoes all of that; the body is then loaded like any text or web page.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from email.message import EmailMessage

from reader.document import Format
from reader.errors import LoadError

# Reply and forward prefixes in German and English mail programs: "AW: WG: Re: Fwd: …".
# Mail programs on Windows label Windows-1252 text as Latin-1: „“ and – are only in the former.
_LATIN_1_NAMES = frozenset({"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"})
_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:re|aw|fw|fwd|wg|antw)\s*:\s*)+", re.IGNORECASE)


@dataclass(frozen=True)
class MailBody:
    subject: str | None
    text: str
    format: Format  # "txt" or "html"
    charset: str | None


def clean_subject(subject: str) -> str | None:
    """A subject line as a title: without "AW:", "Fwd:" … and extra spaces; None if empty."""
    return " ".join(_SUBJECT_PREFIX.sub("", subject).split()) or None


def _subject(message: EmailMessage) -> str | None:
    return clean_subject(str(message.get("Subject") or ""))


def mail_body(data: bytes, name: str) -> MailBody:
    """The readable body of a saved e-mail: its plain-text part, else its HTML part.

    Plain text comes first: in a personal mail it is what was written; an HTML part adds only
    layout. A newsletter without a plain part still gives its HTML.
    """
    try:
        # The standard library parses and searches nested parts recursively.
        message = email.message_from_bytes(data, policy=email.policy.default)
        if not isinstance(message, EmailMessage) or not message.keys():
            raise LoadError(f"{name}: not an e-mail message (no mail headers found)")
        part = message.get_body(preferencelist=("plain", "html"))
    except RecursionError as error:
        raise LoadError(f"{name}: the e-mail's parts are nested too deeply to read") from error
    if part is None:
        raise LoadError(f"{name}: the e-mail has no text or HTML part to read")
    charset = part.get_content_charset()
    if charset in _LATIN_1_NAMES:
        charset = "windows-1252"
    try:
        payload = part.get_payload(decode=True)
        text = payload.decode(charset or "utf-8") if isinstance(payload, bytes) else None
    except (LookupError, UnicodeError) as error:
        # An unknown charset name, or bytes that are not in the declared one.
        raise LoadError(f"{name}: cannot decode the e-mail's text ({error})") from error
    if text is None:
        raise LoadError(f"{name}: the e-mail has no text or HTML part to read")
    format: Format = "html" if part.get_content_subtype() == "html" else "txt"
    return MailBody(_subject(message), text, format, charset)
