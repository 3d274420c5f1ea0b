"""The forms under which each glossary entry can appear in text, as lookup tables.

Nouns get their generated forms (genitive, plural, dative plural, feminine, adjective endings
for nouns like Abgeordnete) and their simplemma lemma; adjectives and verbs their forms and
lemma, separable verbs their base and particle; multi-word terms the inflected forms of each
word (im Weißen Haus, der absoluten Mehrheit), with a verb found by its lemma (trat in Kraft).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from reader.glossary.entries import Glossary, GlossaryEntry, fold_for_search
from reader.language.lexicon import Lexicon
from reader.language.tokens import WORD

_ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den", "ein", "eine", "einen"})
ADJECTIVE_ENDINGS = ("em", "en", "er", "es", "e")
_NOUN_ENDINGS = ("", "s", "es", "n", "en", "e")
# Particles of separable verbs: "bestellte den Botschafter ein" is a form of "einbestellen".
_PARTICLES = (
    "zusammen", "zurück", "außer", "fest", "fort", "nach", "statt", "teil", "auf", "aus", "bei",
    "gut", "kund", "frei", "hoch", "ein", "mit", "vor", "weg", "ab", "an", "zu",
)  # fmt: skip


# Prefixes that never separate and take no ge- in the participle (verhandelt, besetzt).
_INSEPARABLE = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer")


@dataclass(frozen=True)
class Phrase:
    entry: GlossaryEntry
    words: tuple[frozenset[str], ...]  # casefolded forms accepted at each position
    verb_lemma: str | None  # a verb that may stand anywhere in the sentence (in Kraft treten)


@dataclass
class Indexes:
    nouns: dict[str, GlossaryEntry] = field(default_factory=dict)
    noun_lemmas: dict[str, GlossaryEntry] = field(default_factory=dict)
    abbreviations: dict[str, GlossaryEntry] = field(default_factory=dict)
    long_abbreviations: dict[str, GlossaryEntry] = field(default_factory=dict)
    lower_forms: dict[str, GlossaryEntry] = field(default_factory=dict)
    lower_lemmas: dict[str, GlossaryEntry] = field(default_factory=dict)
    separable: dict[str, list[tuple[str, GlossaryEntry]]] = field(default_factory=dict)
    phrases: dict[str, list[Phrase]] = field(default_factory=dict)


def build_indexes(glossary: Glossary, lexicon: Lexicon) -> Indexes:
    index = Indexes()
    for entry in glossary.entries:
        for abbreviation in entry.abbreviations:
            index.abbreviations.setdefault(abbreviation, entry)
            if len(abbreviation) >= 4:
                index.long_abbreviations.setdefault(abbreviation.upper(), entry)
        for abbreviation in entry.abbreviations:
            if " " in abbreviation:  # ALG II, S 21: matched as a phrase
                for phrase in _phrase_variants(entry, abbreviation, lexicon):
                    index.phrases.setdefault(next(iter(phrase.words[0])), []).append(phrase)
        words = entry.term.split()
        if len(words) > 1:
            for phrase in _phrases_for(entry, lexicon):
                index.phrases.setdefault(next(iter(phrase.words[0])), []).append(phrase)
        elif entry.term[:1].isupper():
            _index_noun(index, entry, lexicon)
        else:
            for form in _lower_forms(entry):
                index.lower_forms.setdefault(form, entry)
            index.lower_lemmas.setdefault(entry.term, entry)
            if entry.pos == "verb":
                _index_separable(index, entry, lexicon)
    for phrases in index.phrases.values():
        # Longest first; of two as long, the one that also needs its verb ("in Kraft treten"
        # before "in Kraft").
        phrases.sort(key=lambda phrase: (-len(phrase.words), phrase.verb_lemma is None))
    return index


def _index_noun(index: Indexes, entry: GlossaryEntry, lexicon: Lexicon) -> None:
    term = entry.term
    if term.isupper() or (len(term) <= 5 and sum(c.isupper() for c in term) > 1):
        index.abbreviations.setdefault(term, entry)  # G7, AfD written as the headword
    for form in _noun_forms(entry, _is_adjectival_noun(entry, lexicon)):
        # An exact headword beats a generated form of another entry (Rates vs. Rat).
        if form == term or form not in index.nouns:
            index.nouns[form] = entry
    lemma = lexicon.lemma(term) if "-" not in term else None
    # Only a lemma that is the headword itself (perhaps in old spelling: Ausschuß): the lemma
    # of a plural-only term is another word (Diäten, allowance → Diät, diet).
    if lemma is not None and fold_for_search(lemma) == fold_for_search(term):
        index.noun_lemmas.setdefault(lemma, entry)


def _noun_forms(entry: GlossaryEntry, adjectival: bool) -> set[str]:
    term = entry.term
    forms = {term}
    if adjectival:
        stem = _adjective_stem(term)
        forms.update(stem + ending for ending in ADJECTIVE_ENDINGS)
    else:
        # Genitive singular (des Vertrags, des Staates); the weak nouns' -en (dem Präsidenten)
        # is the plural, which the data gives.
        forms.add(term + "s")
        if not term.endswith("e"):
            forms.add(term + "es")
    for plural in _alternatives(entry.plural):
        forms.add(plural)
        if not plural.endswith(("n", "s")):
            forms.add(plural + "n")
    if not entry.plural and term.endswith("e") and not adjectival:
        forms.add(term + "n")  # plural-only words: den Streitkräften, den Ortskräften
    for feminine in _alternatives(entry.feminine):
        forms.add(feminine)
        if feminine.endswith("in"):
            forms.add(feminine + "nen")
        elif feminine.endswith("e"):
            forms.add(feminine + "n")
    return forms


def _is_adjectival_noun(entry: GlossaryEntry, lexicon: Lexicon) -> bool:
    """Nouns declined like adjectives: der/die Abgeordnete, ein Abgeordneter; die Grünen.
    Besides the "der/die" of the data, the lexicon tells: the lower-case word is a form of an
    adjective or participle (grüne → grün), not of a verb (pflege → pflegen). So does a plural
    the same as the singular in -e: der Beamte, die Beamte(n), ein Beamter."""
    term = entry.term
    if not term.endswith(("e", "er")):
        return False
    if entry.article == "der/die" or (term.endswith("e") and term in _alternatives(entry.plural)):
        return True
    lemma = lexicon.lemma(term.lower()) if term.endswith("e") else None
    return lemma is not None and lemma.islower() and not lemma.endswith(("en", "ern", "eln"))


def _adjective_stem(word: str) -> str:
    for ending in ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _alternatives(value: str | None) -> Iterator[str]:
    """Forms given in a data field: "Zölle", "die Zölle", "Minister / Ministerinnen"."""
    if not value:
        return
    for piece in re.split(r"[,;/]| oder ", value):
        words = [w for w in piece.split() if w not in _ARTICLES]
        if words and all(WORD.fullmatch(w) for w in words):
            yield " ".join(words)


def _is_verb(infinitive: str, lexicon: Lexicon) -> bool:
    """Whether the lexicon knows `infinitive` as a verb, also where its form is an adjective's
    too ("weisen": the lexicon says "weise"; "zurückweisen" is still separable)."""
    lemma = lexicon.lemma(infinitive)
    if lemma is None or not infinitive.endswith("n"):
        return False
    stem = infinitive[:-2] if infinitive.endswith("en") else infinitive[:-1]
    return lemma == infinitive or lexicon.lemma(stem + "t") == infinitive  # weist ← weisen


def _index_separable(index: Indexes, entry: GlossaryEntry, lexicon: Lexicon) -> None:
    for particle in _PARTICLES:
        base = entry.term[len(particle) :]
        if entry.term.startswith(particle) and len(base) >= 4 and _is_verb(base, lexicon):
            index.separable.setdefault(base, []).append((particle, entry))
            return


def _lower_forms(entry: GlossaryEntry) -> set[str]:
    term = entry.term
    forms = {term}
    if entry.pos == "adjective":
        forms.update(term + ending for ending in ADJECTIVE_ENDINGS)
    elif entry.pos == "verb" and " " not in term:
        forms.update(verb_forms(term))
    return forms


def verb_forms(infinitive: str) -> set[str]:
    """The regular forms of a verb: present and past, the participles with their adjective
    endings (ratifiziert, ratifizierten, abgewählt, verabschiedete, regierenden), the
    zu-infinitive of a separable verb (abzuwählen). Irregular forms are left to the lexicon's
    lemmas."""
    if not infinitive.endswith("n") or len(infinitive) < 5:
        return set()
    stem = infinitive[:-2] if infinitive.endswith("en") else infinitive[:-1]
    link = "e" if stem.endswith(("d", "t")) or re.search(r"[^aeiouäöülrhmn][mn]$", stem) else ""
    forms = {stem + ending for ending in ("e", "st", "en")}
    forms.update(stem + link + ending for ending in ("t", "te", "test", "ten", "tet"))
    particle = next((p for p in _PARTICLES if infinitive.startswith(p)), "")
    base = stem[len(particle) :]
    if particle and len(base) >= 3:
        participle = f"{particle}ge{base}{link}t"
        forms.add(f"{particle}zu{infinitive[len(particle) :]}")
    elif infinitive.endswith("ieren") or infinitive.startswith(_INSEPARABLE):
        participle = f"{stem}{link}t"
    else:
        participle = f"ge{stem}{link}t"
    forms.add(participle)
    forms.update(participle + ending for ending in ADJECTIVE_ENDINGS)
    strong = _strong_participle(infinitive)
    if strong is not None:  # beschossen, abgefangen, ausgewiesen
        forms.add(strong)
        forms.update(strong + ending for ending in ADJECTIVE_ENDINGS)
    present = infinitive + "d"  # regierend: die regierenden Parteien, die Regierenden
    forms.add(present)
    forms.update(present + ending for ending in ADJECTIVE_ENDINGS)
    return forms


# The past participles of the strong and mixed verbs political verbs are built on (a fact of
# German grammar, listed once): beschießen → beschossen, abfangen → abgefangen.
_STRONG_PARTICIPLES = {
    "bieten": "geboten", "binden": "gebunden", "brechen": "gebrochen", "bringen": "gebracht",
    "fallen": "gefallen", "fangen": "gefangen", "fechten": "gefochten", "finden": "gefunden",
    "fliehen": "geflohen", "frieren": "gefroren", "heißen": "geheißen", "helfen": "geholfen",
    "reißen": "gerissen",
    "scheiden": "geschieden", "schneiden": "geschnitten", "schwören": "geschworen",
    "sitzen": "gesessen", "stechen": "gestochen", "steigen": "gestiegen",
    "streichen": "gestrichen", "weichen": "gewichen", "werben": "geworben",
    "geben": "gegeben", "gehen": "gegangen", "greifen": "gegriffen", "halten": "gehalten",
    "heben": "gehoben", "kommen": "gekommen", "laden": "geladen", "lassen": "gelassen",
    "leiten": "geleitet", "nehmen": "genommen", "nennen": "genannt", "rufen": "gerufen",
    "schieben": "geschoben", "schießen": "geschossen", "schlagen": "geschlagen",
    "schließen": "geschlossen", "schreiben": "geschrieben", "senden": "gesandt",
    "sprechen": "gesprochen", "stehen": "gestanden", "stoßen": "gestoßen", "tragen": "getragen",
    "treffen": "getroffen", "treiben": "getrieben", "treten": "getreten", "weisen": "gewiesen",
    "wenden": "gewandt", "werfen": "geworfen", "ziehen": "gezogen", "zwingen": "gezwungen",
}  # fmt: skip


def _strong_participle(infinitive: str) -> str | None:
    """The participle of a verb built on a strong one: the particle keeps "ge" (abgeschossen),
    an inseparable prefix replaces it (beschossen, verwiesen), the bare verb has it."""
    for base, participle in _STRONG_PARTICIPLES.items():
        if not infinitive.endswith(base):
            continue
        prefix = infinitive[: -len(base)]
        if not prefix:
            return participle
        if prefix in _PARTICLES:
            return prefix + participle
        if prefix in _INSEPARABLE or prefix in ("über", "unter", "wider", "durch", "hinter"):
            return prefix + participle[2:]
    return None


def _phrases_for(entry: GlossaryEntry, lexicon: Lexicon) -> Iterator[Phrase]:
    yield from _phrase_variants(entry, entry.term, lexicon)
    for plural in _alternatives(entry.plural):
        if " " in plural:
            yield from _phrase_variants(entry, plural, lexicon)


def _phrase_variants(entry: GlossaryEntry, text: str, lexicon: Lexicon) -> Iterator[Phrase]:
    words = text.split()
    while len(words) > 1 and words[0].casefold() in _ARTICLES:
        words = words[1:]
    verb_lemma: str | None = None
    if entry.pos in ("verb", "phrase") and words[-1][:1].islower() and words[-1].endswith("n"):
        verb_lemma = lexicon.lemma(words[-1]) or words[-1]
        words = words[:-1]
    if not words or (len(words) == 1 and verb_lemma is None):
        return
    forms = [_phrase_word_forms(word, is_last=i == len(words) - 1) for i, word in enumerate(words)]
    for first in forms[0]:
        yield Phrase(entry, (frozenset({first}), *forms[1:]), verb_lemma)


def _phrase_word_forms(word: str, *, is_last: bool) -> frozenset[str]:
    folded = word.casefold().rstrip("-")  # Stabilitäts- und Wachstumspakt
    if folded in _ARTICLES or len(word) <= 3 or not word[:1].isalpha():
        return frozenset({folded})
    forms = {folded}
    if not is_last and folded.endswith(ADJECTIVE_ENDINGS):
        stem = _adjective_stem(folded)
        forms.update(stem + ending for ending in ADJECTIVE_ENDINGS)
    elif not is_last and word[:1].islower():
        forms.update(folded + ending for ending in ADJECTIVE_ENDINGS)  # mehrjähriger …
    if word[:1].isupper() and (is_last or not folded.endswith(ADJECTIVE_ENDINGS)):
        forms.update(folded + ending for ending in _NOUN_ENDINGS)
    return frozenset(forms)
