"""Counting German syllables in a written word (no tkinter, no dictionary).

Syllables are counted as a German school child claps them when speaking slowly, which is also how
Amstad's formula was calibrated: one syllable per vowel sound.

- Diphthongs and long vowels written with two letters are one sound: ei, ai, au, eu, äu, ie, aa,
  ee, oo, and ou/eau/ay/ey/oy in loanwords (Tour, Niveau, Bayern, Hockey, Boykott).
- Two vowels that are sounded one after the other are two syllables (hiatus): The-a-ter, O-ze-an,
  Po-e-sie, Ko-a-li-ti-on, U-ni-on, Is-ra-el, Du-ell. An unstressed i before a vowel counts as a
  syllable of its own, so the Latin "-ie"/"-ien" endings are i-e: Fa-mi-li-e, Me-di-en, I-ta-li-en,
  Pa-ti-ent, of-fi-zi-ell, E-ner-gi-en — while stressed "-ie" is a long i: E-ner-gie, Re-gie-rung.
- Places where spelling hides a hiatus are listed explicitly: I-de-en (-een), Mu-se-um (-eum),
  be-ein-flus-sen (e + ei), Ko-o-pe-ra-ti-on, be-ur-tei-len, U-kra-i-ne.
- "qu" is k+v; y is a vowel unless a vowel follows (Yo-ga, but Sys-tem).
- A few English/French loans with silent letters are looked up (Team, Update, Regime, Software).
- Hyphenated words are counted part by part; a part that is all digits counts as one syllable
  (as textstat does); short all-capital abbreviations are spelled out letter by letter (EU, SPD).

pyphen (textstat's source) finds hyphenation points, not syllables: it never splits off a
one-letter syllable (A-bend, I-dee) and so comes out short on exactly the words above.
"""

from __future__ import annotations

import re

from reader.readability.word_memo import remember_per_word

_VOWELS = frozenset("aeiouyäöü")
# One vowel sound, longest spelling first: found left to right, each match is one syllable.
# y is a consonant before a vowel (Yoga, Loyalität).
_VOWEL_SOUND = re.compile(
    r"eau|ai|au|ay|ei|eu|ey|ie|aa|ee|oo|äu|ou|oy|uy|y(?![aeiouyäöü])|[aeiouäöü]"
)
_ACCENTS = str.maketrans("éèêáàâóòôúùûíìîçñ", "eeeaaaooouuuiiicn")
# Letters with a diaeresis are sounded apart ("naïv", "Citroën"): "|" breaks the vowel group.
_DIAERESIS = str.maketrans({"ï": "|i", "ë": "|e"})

# Hiatus hidden in the spelling: (pattern, replacement) with "|" marking the syllable break.
_HIATUS_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        # plural of -ee words: I-de-en, Al-le-en, Mu-se-en
        (r"een(s?)$", r"e|en\1"),
        # prefix be-/ge- before ei/eu: be-ein-flus-sen, ge-eig-net
        (r"ee(?=[iu])", "e|e"),
        # -eum after s/l/z: Mu-se-um, Pe-tro-le-um, Ly-ze-um; Ju-bi-lä-um
        (r"(?<=[slz])eum", "e|um"),
        (r"läum", "lä|um"),
        # Latin adjectives in -iell: of-fi-zi-ell, ma-te-ri-ell, prin-zi-pi-ell (not viel-leicht)
        (r"(?<=.[zrt])iell|(?<=zip)iell", "i|ell"),
        # unstressed Latin -ie: Fa-mi-li-e, Li-ni-e, Se-ri-e, Ak-ti-e, Stu-di-e, Tra-gö-di-e
        (
            r"(famil|lin|lil|ser|mater|akt|stud|kom[öo]d|trag[öo]d|präm|fol|petersil|best|graz"
            r"|host|akaz|spez|kastan|geran|begon|bakter|mum|orgi|histor|glor|fur)ie(?=s?$)",
            r"\1i|e",
        ),
        # prefixes before a vowel that would otherwise merge with it
        (r"(be|ge)(?=end|erd|ehr|erb|ebn|engt)", r"\1|"),
        (r"(?<![a-zäöü])(be)(?=ur[kltn]|unr)", r"\1|"),
        (r"(?<![a-zäöü])(ko)(?=op|ord)", r"\1|"),
        (r"zoolog", "zo|olog"),
        # a-i sounded apart: U-kra-i-ne, na-iv, Mo-sa-ik, ar-cha-isch, Pro-te-in, Ko-ka-in
        (r"ukrai", "ukra|i"),
        (r"(?<![a-zäöü])naiv", "na|iv"),
        (r"mosaik", "mosa|ik"),
        (r"archai", "archa|i"),
        (r"kokain", "koka|in"),
        (r"koffein", "koffe|in"),
        (r"protein", "prote|in"),
    )
)

# Loanwords whose spelling does not show their syllables (silent e, English vowels).
_LOANWORDS: dict[str, int] = {
    "team": 1,
    "deal": 1,
    "leader": 2,
    "jeans": 1,
    "stream": 1,
    "streaming": 2,
    "update": 2,
    "software": 2,
    "hardware": 2,
    "website": 2,
    "online": 2,
    "offline": 2,
    "deadline": 2,
    "pipeline": 2,
    "hotline": 2,
    "airline": 2,
    "smartphone": 2,
    "homeoffice": 3,
    "business": 2,
    "coach": 1,
    "coaching": 2,
    "fake": 1,
    "live": 1,
    "regime": 2,
    "image": 2,
    "service": 2,
    "lifestyle": 2,
    "facebook": 2,
    "youtube": 2,
    "headline": 2,
    "timeline": 2,
    "statement": 2,
    "management": 3,
    "spray": 1,
    "goethe": 2,
}
# Loanwords of at least these lengths are also found at the start / end of compounds (Teamarbeit,
# Firmenwebsite); short ones only at the start, since "ideal" ends in "deal".
_SHORTEST_LOANWORD_PREFIX = 4
_SHORTEST_LOANWORD_SUFFIX = 5
_LOANWORD_START = re.compile(
    "|".join(
        sorted((word for word in _LOANWORDS if len(word) >= _SHORTEST_LOANWORD_PREFIX), key=len)[
            ::-1
        ]
    )
)
_LOANWORD_ENDINGS = tuple(word for word in _LOANWORDS if len(word) >= _SHORTEST_LOANWORD_SUFFIX)
_LOANWORD_END = re.compile("(?:" + "|".join(_LOANWORD_ENDINGS) + ")$")
# Whether any hiatus rule can apply: most words need none, and one search is cheaper than all.
_ANY_HIATUS = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _HIATUS_RULES))
_PART_SEPARATORS = re.compile(r"[-‐‑.,\u00ad]+")


@remember_per_word
def count_syllables(word: str) -> int:
    """The number of syllables in one German word ("Theater" → 3); 0 for text without letters
    or digits. A number counts as one syllable, a hyphenated compound as the sum of its parts."""
    if word.isalpha():
        return _count_part(word)  # most words: no digits, hyphens or dots
    if not any(character.isalpha() for character in word):
        return 1 if any(character.isalnum() for character in word) else 0
    syllables = 0
    for part in _PART_SEPARATORS.split(word):
        if any(character.isalpha() for character in part):
            syllables += _count_part(part)
        elif any(character.isalnum() for character in part):  # digits, also "¼" or "²"
            syllables += 1
    return syllables


def _count_part(part: str) -> int:
    letters = part if part.isalpha() else "".join(c for c in part if c.isalpha())
    if not letters[1:].islower() and _is_spelled_out(letters):
        return len(letters)
    lowered = letters.lower().translate(_DIAERESIS).translate(_ACCENTS)
    return max(1, _count_loanword_or_vowels(lowered))


def _is_spelled_out(letters: str) -> bool:
    """An abbreviation read letter by letter: EU, SPD, AfD, BND (two capitals or more)."""
    capitals = sum(1 for character in letters if character.isupper())
    return capitals >= 2 and (len(letters) <= 3 or not _VOWELS.intersection(letters.lower()))


def _count_loanword_or_vowels(lowered: str) -> int:
    known = _LOANWORDS.get(lowered)
    if known is not None:
        return known
    start = _LOANWORD_START.match(lowered)
    if start and start.end() < len(lowered):  # Teamarbeit, Updatefunktion
        return _LOANWORDS[start.group()] + _count_vowel_sounds(lowered[start.end() :])
    end = _LOANWORD_END.search(lowered) if lowered.endswith(_LOANWORD_ENDINGS) else None
    if end and end.start() > 0:  # Firmenwebsite
        return _count_vowel_sounds(lowered[: end.start()]) + _LOANWORDS[end.group()]
    return _count_vowel_sounds(lowered)


def _count_vowel_sounds(lowered: str) -> int:
    marked = lowered.replace("qu", "qv")
    if _ANY_HIATUS.search(marked):
        for pattern, replacement in _HIATUS_RULES:
            marked = pattern.sub(replacement, marked)
    if "ien" in marked:
        marked = _mark_separate_ie(marked)
    return len(_VOWEL_SOUND.findall(marked))


_IEN = re.compile(r"ien(?=s?$|[^aeiouyäöü|])")


def _mark_separate_ie(marked: str) -> str:
    """Break "ie" before n into i-e where it is an unstressed i: Me-di-en, Pa-ti-ent, Spa-ni-en.

    Not when "ie" is the word's first vowel (Wien, dient) or in "Dienst"/"verdient"/"erschien"."""
    pieces: list[str] = []
    last = 0
    for match in _IEN.finditer(marked):
        start = match.start()
        before = marked[:start]
        if not _VOWELS.intersection(before):
            continue
        after = marked[start + 3 : start + 4]
        if before.endswith("sch") or (before.endswith("d") and after and after in "st"):
            continue
        pieces.append(marked[last : start + 1] + "|")
        last = start + 1
    pieces.append(marked[last:])
    return "".join(pieces)
