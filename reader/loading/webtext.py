"""The last clean-up of a web article's paragraphs: the short lines around an article that are
not part of it, whatever the page's markup called them.

Photo credits ("Foto: Getty Images"), "Bild anzeigen", "Video verfügbar bis …", a bare date or
time, "Kategorie: News", "Zum Newsletter anmelden": short paragraphs that match these are page
furniture. A teaser heading ("Schon gelesen?", "Mehr Themen:") followed to the end of the text
by nothing but short lines is a list of links to other articles, cut from the heading on.
"""

from __future__ import annotations

import re

# Phrases that open the lists of other articles under a story (matched at the paragraph start).
TEASER_HEADINGS = (
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "das thema könnte",
    "könnte sie auch interessieren",
    "mehr zum thema",
    "mehr themen",
    "lesen sie auch",
    "lies auch",
    "schon gelesen",
    "zum weiterlesen",
    "weiterlesen",
    "weitere artikel",
    "weitere themen",
    "weitere aktuelle",
    "weitere nachrichten",
    "weitere tipps",
    "auch interessant",
    "empfehlungen der redaktion",
    "auch auf ",
    "ähnliche beiträge",
    "verwandte artikel",
)
_TEASER = re.compile("^(?:" + "|".join(re.escape(h) for h in TEASER_HEADINGS) + ")", re.I)
_SHORT_WORDS = 8
_LINK_LINE_WORDS = 15
_FURNITURE = re.compile(
    r"^(?:"
    r"(?:foto|fotos|bild|bilder|quelle|grafik|video)\s*:.*"
    r"|.*\b(?:getty images|dpa|imago|istock|shutterstock|picture alliance)\s*$"
    r"|©.*"
    r"|bild anzeigen|bilder anzeigen|video verfügbar bis.*"
    r"|kategorie\s*:.*|kategorien\s*:.*|tags?\s*:.*|schlagwörter\s*:.*"
    r"|bewerten\s*:?|teilen\s*:?|drucken|pdf|inhaltsverzeichnis"
    r"|\*?(?:anzeige|werbung)(?:[.,:*].*)?"  # an advertising notice, not "Werbung im Netz"
    r"|zum newsletter anmelden.*|newsletter abonnieren.*|jetzt abonnieren.*"
    r"|.*nicht eingeloggt\.?|alle angaben ohne gewähr\.?"
    r"|\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})?(?:,?\s*\d{1,2}:\d{2}(?:\s*uhr)?)?"
    r"|\d{1,2}:\d{2}(?:\s*uhr)?"
    r")$",
    re.IGNORECASE,
)


def _is_furniture(paragraph: str) -> bool:
    return len(paragraph.split()) <= _SHORT_WORDS and bool(_FURNITURE.match(paragraph.strip()))


def _teaser_tail(paragraphs: list[str]) -> int:
    """Where a closing list of teasers starts (its heading), or len(paragraphs) if none."""
    for index in range(len(paragraphs) - 1, len(paragraphs) // 2 - 1, -1):
        paragraph = paragraphs[index]
        if len(paragraph.split()) <= _SHORT_WORDS and _TEASER.match(paragraph):
            after = paragraphs[index + 1 :]
            if all(len(line.split()) <= _LINK_LINE_WORDS for line in after):
                return index
    return len(paragraphs)


def without_page_furniture(paragraphs: list[str]) -> list[str]:
    """A web article's paragraphs without furniture lines and a closing list of teasers."""
    kept = [paragraph for paragraph in paragraphs if not _is_furniture(paragraph)]
    kept = kept[: _teaser_tail(kept)]
    return [
        paragraph
        for paragraph in kept
        if not (len(paragraph.split()) <= _SHORT_WORDS and _TEASER.match(paragraph))
    ]
