"""What the word card says, section by section, written into its Text widget.

The provider's translation of the word, the political glossary's explanation, the offline
dictionary's entries (the looked-up word in bold, Ding's annotations small and grey) and the
word's sentence with its English. The panel (`word_card`) decides when; this module only writes.
"""

from __future__ import annotations

import re
import tkinter as tk
from typing import TYPE_CHECKING

from reader.dictionary.ding import alternatives, bare
from reader.dictionary.store import build_hint
from reader.dictionary.word_lookup import WordCard

if TYPE_CHECKING:
    from reader.gui.word_context import ProviderAnswer, WordContext

NO_DICTIONARY = (
    "This copy of German Reader has no offline dictionary, so only the machine translation "
    "above gives the word's meaning."
)
MAX_ENTRIES_SHOWN = 8
# Ding's annotations: gender and word class {…}, domain and region […], abbreviations /…/.
_ANNOTATION = re.compile(r"\{[^}]*\}|\[[^\]]*\]|/[^/\s][^/]*/")

# What the word card says about where the political term's explanation comes from.
GLOSSARY_CAPTIONS = {
    "word": "POLITICAL TERM",
    "part": "BUILT ON A POLITICAL TERM",
    "compound": "POLITICAL COMPOUND · EXPLAINED FROM ITS PARTS",
    "dictionary": "POLITICAL TERM · FROM THE OFFLINE DICTIONARY",
    "other sense": "IN POLITICS (NOT THE SENSE HERE)",
}


def write_card(
    text: tk.Text,
    card: WordCard | None,
    context: WordContext | None,
    *,
    asks_provider: bool,
    answer: ProviderAnswer | None,
    provider_name: str,
    sentence_english: str | None,
) -> None:
    """Append the card's sections to `text` (which the caller has unlocked and emptied)."""
    if context is not None:
        _write_translation(text, asks_provider, answer, provider_name)
    if card is not None:
        _write_glossary(text, card)
        _write_dictionary(text, card)
    if context is not None and context.sentence:
        _write_sentence(text, context, sentence_english)


def _write_translation(
    text: tk.Text, asks_provider: bool, answer: ProviderAnswer | None, provider_name: str
) -> None:
    text.insert("end", "MACHINE TRANSLATION\n", ("caption",))
    if not asks_provider:
        text.insert("end", "—  (no translation provider)\n", ("muted",))
    elif answer is None:
        text.insert("end", "Asking the translation provider…\n", ("muted",))
    elif answer.word is None:
        text.insert("end", "—  (the translation provider did not answer)\n", ("muted",))
    else:
        text.insert("end", answer.word, ("english",))
        text.insert("end", f"  ·  {provider_display_name(provider_name)}\n", ("small",))


def _write_glossary(text: tk.Text, card: WordCard) -> None:
    if card.glossary is None:
        return
    entry = card.glossary.entry
    caption = GLOSSARY_CAPTIONS.get(card.glossary.match, "POLITICAL TERM")
    text.insert("end", f"{caption}\n", ("caption",))
    article = f"{entry.article} " if entry.article else ""
    text.insert("end", f"{article}{entry.term}", ("term",))
    text.insert("end", f"  ·  {entry.category.name}\n", ("small",))
    text.insert("end", f"{entry.english_summary}\n", ("english",))
    if entry.explanation:
        text.insert("end", f"{entry.explanation}\n", ("english", "small"))


def _write_dictionary(text: tk.Text, card: WordCard) -> None:
    text.insert("end", "DICTIONARY (DING)\n", ("caption",))
    if not card.dictionary_available:
        text.insert("end", f"{NO_DICTIONARY}\n", ("muted",))
        hint = build_hint()
        if hint:
            text.insert("end", f"{hint}\n", ("small",))
        return
    looked_up = {card.lemma.casefold(), card.word.casefold()}
    for entry in card.dictionary[:MAX_ENTRIES_SHOWN]:
        _write_german(text, entry.de, looked_up)
        text.insert("end", f"{entry.en}\n", ("english",))
    hidden = len(card.dictionary) - MAX_ENTRIES_SHOWN
    if hidden > 0:
        text.insert("end", f"… and {hidden} more\n", ("small",))
    if card.parts:
        joined = " + ".join(part.de for part in card.parts)
        text.insert("end", f"Not in the dictionary as a whole: {joined}\n", ("muted",))
        for part in card.parts:
            text.insert("end", f"{part.de}\n", ("german", "strong"))
            text.insert("end", f"{', '.join(part.en) or '?'}\n", ("english",))
    elif not card.dictionary:
        text.insert("end", "Not found in the offline dictionary.\n", ("muted",))


def _write_german(text: tk.Text, german: str, looked_up: set[str]) -> None:
    """One entry's German side: the looked-up word in bold, its synonyms plain, Ding's
    annotations ({f}, [pol.], /Abg./) small and grey."""
    for number, alternative in enumerate(alternatives(german)):
        if number:
            text.insert("end", "; ", ("german",))
        strong = bare(alternative).casefold() in looked_up
        for piece, is_note in annotation_pieces(alternative):
            tags = ("german", "note") if is_note else ("german", "strong" if strong else "")
            text.insert("end", piece, tuple(tag for tag in tags if tag))
    text.insert("end", "\n", ("german",))


def _write_sentence(text: tk.Text, context: WordContext, english: str | None) -> None:
    text.insert("end", "SENTENCE\n", ("caption",))
    start = context.start_in_sentence
    sentence = context.sentence
    if sentence[start : start + len(context.word)] == context.word:
        text.insert("end", sentence[:start])
        text.insert("end", sentence[start : start + len(context.word)], ("word",))
        text.insert("end", sentence[start + len(context.word) :] + "\n")
    else:
        text.insert("end", sentence + "\n")
    if english:
        text.insert("end", f"{english}\n", ("muted",))


def annotation_pieces(alternative: str) -> list[tuple[str, bool]]:
    """`alternative` cut into (text, is_annotation) pieces: "Abgeordneter {m} /Abg./" →
    [("Abgeordneter ", False), ("{m}", True), (" ", False), ("/Abg./", True)]."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _ANNOTATION.finditer(alternative):
        if match.start() > position:
            pieces.append((alternative[position : match.start()], False))
        pieces.append((match.group(), True))
        position = match.end()
    if position < len(alternative):
        pieces.append((alternative[position:], False))
    return pieces


def provider_display_name(name: str) -> str:
    from reader.gui.translation_bar import provider_choices

    return next((shown for shown, key in provider_choices().items() if key == name), name)


def grammar_line(card: WordCard) -> str:
    """ "der Haushalt · plural die Haushalte" (or just the lemma for other words)."""
    heading = " ".join(part for part in (card.article, card.lemma) if part)
    if card.plural:
        plural_article = "die " if card.article else ""
        heading += f"  ·  plural {plural_article}{card.plural}"
    return heading
