"""Is this German? A cheap check on the most frequent function words of a few languages.

Function words ("der", "und", "nicht" / "the", "and", "not") make up a third or more of any
running text and differ between languages, so counting them in a few thousand words tells
German from English, French, Spanish, Italian, Dutch or Polish at once. Words two languages
share ("in", "was", "die", "an") are left out so that they cannot tip the balance.

A short text (40 words, a paragraph) has too few of them to count; there the frequency of every
word in each language's word list (wordfreq's) tells the languages apart.

Both look at Latin words only. A text in another alphabet (Cyrillic, Chinese characters) has
none of them, so the alphabet its letters are in is checked first.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

_FUNCTION_WORDS: dict[str, str] = {
    "de": "der die das und ist nicht ein eine einen einem dem den des zu mit sich auf für "
    "von im auch es sie wir ich er aber noch nach bei wird werden wurde sind hat haben "
    "oder wie nur über vor aus schon wenn dass doch um zum zur gegen bereits sei soll",
    "en": "the and of to is that it for with as was on are be this by have from not which "
    "they you at he his been has were their would will there what about can could should",
    "fr": "le la les et des du un une est que qui dans pour pas sur au avec ce il elle sont "
    "par plus ont nous vous mais ou été cette aux leur ne qu lui y aussi très sans après "
    "entre avait",
    "es": "el la los las y que del en un una es por con para no se su al lo como más pero "
    "sus fue son ha este esta también",
    "it": "il lo la gli le e che di del della un una è per con non si sono al nel ha dei "
    "anche più come questo questa",
    "nl": "de het een en van is dat op te zijn voor met niet aan er maar ook als bij door "
    "worden wordt naar deze hij zij",
    "pl": "i w z na się nie do że to jest o jak ale po za od przez dla co tak są oraz jego",
}

LANGUAGE_NAMES = {
    "de": "German",
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pl": "Polish",
    # Told by their alphabet, not their words.
    "ru": "Russian",
    "el": "Greek",
    "he": "Hebrew",
    "ar": "Arabic",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
}
# The languages with a function-word list and a wordfreq list.
_WORD_LANGUAGES = tuple(_FUNCTION_WORDS)

# (first, last code point, language): the letters of an alphabet and the language that most
# often uses it. Cyrillic is taken for Russian, Chinese characters for Chinese unless kana show
# the text is Japanese.
_SCRIPTS = (
    (0x0370, 0x03FF, "el"),
    (0x0400, 0x052F, "ru"),
    (0x0590, 0x05FF, "he"),
    (0x0600, 0x06FF, "ar"),
    (0x3040, 0x30FF, "ja"),
    (0x3400, 0x9FFF, "zh"),
    (0xAC00, 0xD7AF, "ko"),
)
_LATIN_END = 0x0250  # Basic Latin to Latin Extended-B: German, English, French, Polish …
_SCRIPT_SAMPLE = 5000  # letters
_MIN_SCRIPT_LETTERS = 20
# Japanese writes its particles and endings in kana; a Chinese text has none.
_JAPANESE_KANA_SHARE = 0.1


def _script_language(letter: str) -> str | None:
    code = ord(letter)
    for first, last, language in _SCRIPTS:
        if first <= code <= last:
            return language
    return None


def detect_script(paragraphs: Sequence[str]) -> str | None:
    """The language of a text written mostly in another alphabet than the Latin one, or None."""
    counts: Counter[str] = Counter()
    latin = 0
    for paragraph in paragraphs:
        for char in paragraph:
            if not char.isalpha():
                continue
            if ord(char) < _LATIN_END:
                latin += 1
            else:
                counts[_script_language(char) or "other"] += 1
            if latin + counts.total() >= _SCRIPT_SAMPLE:
                break
        if latin + counts.total() >= _SCRIPT_SAMPLE:
            break
    counts.pop("other", None)
    foreign = counts.total()
    if foreign < _MIN_SCRIPT_LETTERS or foreign <= latin:
        return None
    language = counts.most_common(1)[0][0]
    if language == "zh" and counts["ja"] >= _JAPANESE_KANA_SHARE * foreign:
        return "ja"
    return language


def _unshared_words() -> dict[str, str]:
    """word -> language, for words found in exactly one language's list."""
    owners: dict[str, set[str]] = {}
    for language, words in _FUNCTION_WORDS.items():
        for word in words.split():
            owners.setdefault(word, set()).add(language)
    return {word: langs.pop() for word, langs in owners.items() if len(langs) == 1}


_WORD_LANGUAGE = _unshared_words()
_WORD = re.compile(r"[^\W\d_]+")
# Enough words to be sure, few enough to stay fast on a megabyte of text.
_SAMPLE_WORDS = 5000
_MIN_HITS = 10


def detect_language(paragraphs: Sequence[str]) -> str | None:
    """The language code of the text, or None when there is too little text to tell."""
    counts: Counter[str] = Counter()
    seen = 0
    for paragraph in paragraphs:
        for match in _WORD.finditer(paragraph):
            language = _WORD_LANGUAGE.get(match.group().lower())
            if language:
                counts[language] += 1
            seen += 1
            if seen >= _SAMPLE_WORDS:
                break
        if seen >= _SAMPLE_WORDS:
            break
    if sum(counts.values()) < _MIN_HITS:
        return None
    language, hits = counts.most_common(1)[0]
    # "Clearly not German": another language leads by far, not a German text quoting English.
    if language != "de" and counts["de"] * 3 > hits:
        return "de"
    return language


# A short text has too few function words to count; from this many words on, every word's
# frequency in each language's word list (wordfreq) decides instead.
_MIN_WORDS = 40
_FREQUENCY_SAMPLE = 400
# Per word, the other language must be this much more likely (log10 of the frequency ratio) than
# German: a German text with English terms ("das Cloud-Backend", "ein Update") stays German.
_FREQUENCY_MARGIN = 0.5
_UNKNOWN = 1e-8  # the frequency of a word a list does not have


def _words(paragraphs: Sequence[str], limit: int) -> list[str]:
    words: list[str] = []
    for paragraph in paragraphs:
        words += (match.group().lower() for match in _WORD.finditer(paragraph))
        if len(words) >= limit:
            break
    return words[:limit]


def detect_by_frequency(paragraphs: Sequence[str]) -> str | None:
    """The language whose word list makes the text most likely, if clearly not German; None when
    the text is short, German, or wordfreq is missing (the check is a nicety, not a need)."""
    words = _words(paragraphs, _FREQUENCY_SAMPLE)
    if len(words) < _MIN_WORDS:
        return None
    try:
        import wordfreq
    except ImportError:
        return None
    scores = {}
    for language in _WORD_LANGUAGES:
        frequencies = wordfreq.get_frequency_dict(language, wordlist="small")
        scores[language] = sum(math.log10(frequencies.get(word, 0.0) + _UNKNOWN) for word in words)
    best = max(scores, key=scores.__getitem__)
    if best == "de" or scores[best] - scores["de"] < _FREQUENCY_MARGIN * len(words):
        return None
    return best


def language_check(paragraphs: Sequence[str]) -> tuple[str, str | None]:
    """(language code, warning or None). Text too short to judge is taken to be German."""
    language = (
        detect_script(paragraphs) or detect_language(paragraphs) or detect_by_frequency(paragraphs)
    )
    if language is None or language == "de":
        return "de", None
    name = LANGUAGE_NAMES[language]
    return language, f"this text looks like {name}, not German; the tools here are made for German"
