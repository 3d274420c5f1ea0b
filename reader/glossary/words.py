"""Which entry, if any, explains a single word: the word analysis behind the matcher.

A word is looked up, in this order, as

1. an abbreviation (EU, CDU/CSU, Nato/NATO, BVerfG) by its exact spelling;
2. a curated noun by its generated forms, then by its simplemma lemma; nouns must be
   capitalised, so the verb "stimmen" is never the noun "Stimmen";
3. a curated adjective or verb (lower case) by its forms or lemma (ratifiziert, abgewählt,
   regierten); an adjective derived from a curated noun (geopolitisch ← Geopolitik,
   diplomatischem ← Diplomatie, gesetzlichen ← Gesetz);
4. a political word of the offline dictionary (`reader.glossary.dictionary_layer`);
5. a compound glossed from its parts (`reader.glossary.composition`), hyphenated words through
   their parts.

Spellings are normalised first: ligatures from PDFs ("Pﬂegeversicherung") by NFKC, words in
capitals ("GRÜNEN", "BUNDESTAG") as the same word in ordinary case; Swiss "ss" for "ß"
(Aussenpolitik) is tried where the word is not found as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from reader.glossary import compounds, senses
from reader.glossary.composition import COUNTRY_HEAD, CompoundAnalyser
from reader.glossary.dictionary_layer import can_head_compound
from reader.glossary.entries import Glossary, GlossaryEntry, fold_for_search
from reader.glossary.forms import ADJECTIVE_ENDINGS, Indexes, build_indexes
from reader.language.lexicon import Lexicon

# Derived adjectives: the suffix, then the endings of nouns it may come from, most likely first
# (diplomatisch ← Diplomatie, geopolitisch ← Geopolitik, militärisch ← Militär).
_DERIVATIONS = (
    ("isch", ("ie", "ik", "", "e", "en")),  # -istisch ← -ismus is looked for apart
    ("lich", ("", "e", "en")),
)
# Adjectives too general to mark in news, though derived from a political noun.
# Adjectives that only look derived from a political noun: klimaverträglich is compatible with
# the climate, no Klimavertrag.
_NOT_DERIVED_ENDINGS = ("verträglich",)
_TOO_GENERAL = frozenset(
    {"politisch", "wirtschaftlich", "gesellschaftlich", "öffentlich", "sozial", "rechtlich",
     "historisch", "kritisch", "praktisch", "technisch", "typisch", "logisch", "mehrheitlich"}
)  # fmt: skip
_UMLAUTS = str.maketrans("äöü", "aou")
# Verbs in -ieren whose noun is political but which are everyday verbs themselves.
_EVERYDAY_IEREN_VERBS = frozenset(
    {"mobilisieren", "regulieren", "delegieren", "eskalieren", "relativieren", "integrieren",
     "organisieren", "informieren", "stagnieren", "observieren", "konzentrieren", "regieren",
     "finanzieren", "modernisieren", "sanieren", "partizipieren", "kollaborieren", "reparieren"}
)  # fmt: skip
# Gender-inclusive spellings: Politiker*innen, Wähler:innen, Bürger_in, MinisterInnen.
_GENDERED = re.compile(r"(?P<base>.*[a-zäöüß])(?:[*:_]i|I)(?P<ending>nnen|n)")
# What the base may lack to be the masculine or common form: Abgeordnet_innen → Abgeordnete.
_GENDERED_BASE_ENDINGS = ("", "e", "en")
_DIRECTION_FORM = re.compile(r"(?P<stem>link|recht)(?:e|en|er|es|em)")
SHORTEST_CAPITALS_WORD = 4  # "GRÜNEN" is a word in capitals; "SPD" an abbreviation
_SHORTEST_COMPOUND_STEM = 9  # netzpolit|isch: shorter stems are no compounds

EnglishLookup = Callable[[str], "str | None"]


def build_word_indexes(
    glossary: Glossary, lexicon: Lexicon, layer: Sequence[GlossaryEntry] = ()
) -> tuple[Indexes, Indexes]:
    """The lookup tables of the curated glossary and of the dictionary layer."""
    index = build_indexes(glossary, lexicon)
    return index, build_indexes(Glossary(tuple(layer), ()), lexicon) if layer else Indexes()


# Party colours written as nouns: "würden Türkis und Rot gemeinsam regieren".
_COLOUR_NOUNS = frozenset(colour.capitalize() for colour in senses.PARTY_COLOUR_WORDS)


class WordAnalyser:
    """Analyses single words against one glossary, its dictionary layer and a lexicon."""

    def __init__(
        self,
        glossary: Glossary,
        lexicon: Lexicon,
        layer: Sequence[GlossaryEntry] = (),
        english: EnglishLookup | None = None,
        article: EnglishLookup | None = None,
        *,
        indexes: tuple[Indexes, Indexes] | None = None,
    ) -> None:
        """`indexes`: the glossary's and the layer's indexes as `build_word_indexes` made them
        for these arguments (a start-up reads them from a cache instead of building them)."""
        self.glossary = glossary
        self.lexicon = lexicon
        self._article = article
        if indexes is None:
            indexes = build_word_indexes(glossary, lexicon, layer)
        self.index, self.layer = indexes
        self._english = english
        self._lemmas: dict[str, str | None] = {}
        # Names of several words, with hyphens or spaces either way: Robert-Koch-Institut,
        # Robert Koch-Institut; Hartz-IV, Hartz IV.
        self._by_spelling = {
            _spelling_key(entry.term): entry
            for entry in glossary.entries
            if (" " in entry.term or "-" in entry.term) and not entry.term[:1].islower()
        }
        # Coalitions by their colours in any order: Rot-Grün-Rot is Rot-Rot-Grün.
        self._by_colours = {
            key: entry for entry in glossary.entries if (key := _colours_key(entry.term))
        }
        self.compounds = CompoundAnalyser(
            lexicon,
            self.political_noun,
            self.is_political_modifier,
            self.english_of,
            article=self.article_of,
            first_parts=self.index.nouns,
            head_forms=[*self.index.nouns, *self.layer.nouns, *self.index.abbreviations],
        )

    def entry(self, word: str, initial: bool) -> GlossaryEntry | None:
        """The entry `word` is marked with (`initial`: it starts a sentence)."""
        if not word.isascii():
            word = unicodedata.normalize("NFKC", word)
        if "elbständ" in word:  # the older spelling: Selbständige, selbständig
            word = word.replace("elbständ", "elbstständ")
        entry = self.abbreviation(word)
        if entry is not None:
            return entry
        if "/" in word:
            return None  # handled part by part by the tokeniser
        if word.isupper() and len(word) >= SHORTEST_CAPITALS_WORD:
            return self._in_capitals(word)
        gendered = _GENDERED.fullmatch(word)
        if gendered is not None:
            return self._gendered(gendered["base"], gendered["ending"], initial)
        if word[:1].isupper():
            return self._capitalised(word, initial)
        return self._hyphenated(word) if "-" in word else self.lower_word(word)

    def _in_capitals(self, word: str) -> GlossaryEntry | None:
        parts = word.split("-")
        ordinary = "-".join(part[:1] + part[1:].lower() for part in parts)
        return self._capitalised(ordinary, initial=True)

    def _gendered(self, base: str, ending: str, initial: bool) -> GlossaryEntry | None:
        """Politiker*innen as Politikerinnen, Abgeordnet_innen as Abgeordnete."""
        others = (base + end for end in _GENDERED_BASE_ENDINGS)
        candidates = [base + "i" + ending, *filter(self.lexicon.is_word, others)]
        for candidate in candidates:
            entry = self.entry(candidate, initial)
            if entry is not None:
                return entry
        return None

    def _capitalised(self, word: str, initial: bool) -> GlossaryEntry | None:
        entry = self.noun(word)
        if entry is None and self._may_be_lower_case_word(word, initial):
            entry = self.lower_word(word[:1].lower() + word[1:])
        if entry is None:
            entry = self._nominalised_adjective(word)
        if entry is None and "ierung" in word:
            entry = self._noun_of_verb(word)
        if entry is None:
            entry = self._layer_noun(word)
        if entry is None:
            entry = self._nominalised_verb(word)
        if entry is None and "-" in word:
            entry = self._hyphenated(word)
        elif entry is None and not self._is_verb_infinitive(word):
            entry = self.compounds.analyse(word)
        return entry

    def _noun_of_verb(self, word: str) -> GlossaryEntry | None:
        """ "Inhaftierung", "Deregulierungen": the noun in -ierung of a verb entry."""
        stem = word.removesuffix("en").removesuffix("ierung")
        if stem == word or len(stem) < 3:
            return None
        entry = self.index.lower_forms.get(stem[:1].lower() + stem[1:] + "ieren")
        return entry if entry is not None and entry.pos == "verb" else None

    def _nominalised_adjective(self, word: str) -> GlossaryEntry | None:
        """ "die Rechtsextremen", "ein Konservativer": an adjective entry used as a noun."""
        if not word.endswith(ADJECTIVE_ENDINGS):
            return None
        entry = self.index.lower_forms.get(word[:1].lower() + word[1:])
        return entry if entry is not None and entry.pos == "adjective" else None

    def _may_be_lower_case_word(self, word: str, initial: bool) -> bool:
        """A sentence's first word that is no inflected noun ("Tagen später" are days, not
        "tagen"), or an adjective capitalised in a heading or a name ("V. Demokratische
        Teilhabe", "Soziale Marktwirtschaft")."""
        if word in _COLOUR_NOUNS:
            return True  # "Türkis und Rot": parties, if the sentence is about them (senses)
        lemma = self.lemma(word)
        if lemma is None:
            return initial
        if lemma[:1].islower():
            return True
        return initial and lemma == word

    def _is_verb_infinitive(self, word: str) -> bool:
        """ "Überwachen", "Regieren": a verb used as a noun is no compound (Über|wachen)."""
        lowered = word[:1].lower() + word[1:]
        return lowered.endswith("n") and self.lemma(lowered) == lowered

    def abbreviation(self, word: str) -> GlossaryEntry | None:
        index = self.index
        entry = index.abbreviations.get(word)
        if entry is None and len(word) >= 4 and word[:1].isupper():
            entry = index.long_abbreviations.get(word.upper())
        if entry is None and word.endswith("s") and word[:-1].isupper() and len(word) >= 3:
            entry = index.abbreviations.get(word[:-1])  # NGOs, des BAMFs
        if entry is None and word[-1:].isdigit() and word[:1].isupper():
            entry = index.abbreviations.get(word.rstrip("0123456789"))  # COP26, the 26th COP
        return entry

    def noun(self, word: str) -> GlossaryEntry | None:
        """A curated noun by its forms or lemma, also in Swiss spelling (Aussenminister)."""
        entry = self._noun_in(self.index, word)
        if entry is None and "ss" in word:
            entry = next(filter(None, map(self.index.nouns.get, _with_eszett(word))), None)
        return entry

    def _layer_noun(self, word: str) -> GlossaryEntry | None:
        return self._noun_in(self.layer, word) if self.layer.nouns else None

    def _noun_in(self, index: Indexes, word: str) -> GlossaryEntry | None:
        entry = index.nouns.get(word)
        if entry is None and "-" not in word:
            lemma = self.lemma(word)
            if lemma is not None:
                entry = index.noun_lemmas.get(lemma)
        return entry

    def political_noun(self, word: str) -> GlossaryEntry | None:
        """A curated or political dictionary noun (or abbreviation) that can be part of a
        compound, by its forms alone: this runs for every way to split every unknown word, so
        it costs a few dict lookups, no lemmatising."""
        entry = self.index.nouns.get(word)
        if entry is None:
            entry = self.layer.nouns.get(word)
            if entry is not None and not can_head_compound(entry):
                entry = None
        return entry or self.index.abbreviations.get(word)

    def lower_word(self, word: str) -> GlossaryEntry | None:
        return (
            self._lower_in(self.index, word)
            or self._direction(word)
            or self._derived_adjective(word)
            or self._verb_of_noun(word)
            or self._lower_in(self.layer, word)
            or (self.compounds.relation_adjective(word) if word.isalpha() else None)
            or self._with_particle(word)
            or (self._swiss_spelling(word) if "ss" in word else None)
        )

    def _with_particle(self, word: str) -> GlossaryEntry | None:
        """ "mitregieren", "weiterregiert": a political verb after a particle that keeps its
        sense (not "auswählen", which is choosing)."""
        for particle in _SENSE_KEEPING_PARTICLES:
            if word.startswith(particle) and len(word) - len(particle) >= 5:
                entry = self.index.lower_forms.get(word[len(particle) :])
                if entry is not None and entry.pos == "verb":
                    return entry
        return None

    def _swiss_spelling(self, word: str) -> GlossaryEntry | None:
        """ "gutgeheissen", "massgeblich": Swiss German writes "ss" for "ß"."""
        return next(filter(None, map(self.index.lower_forms.get, _with_eszett(word))), None)

    def _direction(self, word: str) -> GlossaryEntry | None:
        """ "linke", "rechten": the forms of links and rechts as adjectives (whether they are
        political is `senses`' business)."""
        found = _DIRECTION_FORM.fullmatch(word)
        return self.index.lower_forms.get(found["stem"] + "s") if found else None

    def _verb_of_noun(self, word: str) -> GlossaryEntry | None:
        """A verb in -ieren whose noun is a curated entry: okkupierten ← Okkupation,
        radikalisieren ← Radikalisierung, privatisiert ← Privatisierung."""
        if "ier" not in word:  # every form of such a verb has it: most words end here
            return None
        lemma = self.lemma(word)
        if lemma is None or not lemma.endswith("ieren") or lemma in _EVERYDAY_IEREN_VERBS:
            return None
        stem = lemma[:1].upper() + lemma[1:-5]
        for ending in ("ierung", "ation", "ion"):
            entry = self.index.nouns.get(stem + ending)
            if entry is not None and entry.term == stem + ending:
                return None if compounds.is_ambiguous_head(entry.term) else entry
        return None

    def _lower_in(self, index: Indexes, word: str) -> GlossaryEntry | None:
        entry = index.lower_forms.get(word)
        if entry is None and index.lower_lemmas:
            lemma = self.lemma(word)
            if lemma is not None:
                entry = index.lower_lemmas.get(lemma)
        return entry

    def _derived_adjective(self, word: str) -> GlossaryEntry | None:
        """An adjective made from a curated noun: geopolitisch ← Geopolitik."""
        base = _adjective_base(word)
        if base is None or base in _TOO_GENERAL or "-" in base:
            return None
        if base.endswith(_NOT_DERIVED_ENDINGS):
            return None
        for suffix, noun_endings in _DERIVATIONS:
            if not base.endswith(suffix) or len(base) < len(suffix) + 4:
                continue
            stem = base[: -len(suffix)]
            if stem.endswith("ist"):  # kommunistisch ← Kommunismus, not "Kommunist" alone
                entry = self.index.nouns.get(stem[:1].upper() + stem[1:-3] + "ismus")
                if entry is not None:
                    return entry
            for variant in dict.fromkeys((stem, stem.translate(_UMLAUTS), stem.removesuffix("ar"))):
                for ending in noun_endings:
                    entry = self.index.nouns.get(variant[:1].upper() + variant[1:] + ending)
                    if entry is not None and not compounds.is_ambiguous_head(entry.term):
                        return entry
            return self._adjective_of_compound(stem, noun_endings)
        return None

    def _adjective_of_compound(
        self, stem: str, noun_endings: tuple[str, ...]
    ) -> GlossaryEntry | None:
        """verfassungsrechtlich ← Verfassungsrecht, a compound glossed from its parts."""
        if len(stem) < _SHORTEST_COMPOUND_STEM:
            return None
        for ending in noun_endings[:3]:
            entry = self.compounds.analyse(stem[:1].upper() + stem[1:] + ending)
            if entry is not None and entry.parts:
                return entry
        return None

    def _nominalised_verb(self, word: str) -> GlossaryEntry | None:
        """A verb used as a noun: "das Regieren", "des Regierens", "die Regierenden"."""
        lowered = word[:1].lower() + word[1:]
        lemma = self.lemma(word)
        for form in (lowered, lowered.removesuffix("s")):
            entry = self.index.lower_forms.get(form)
            if (
                entry is not None
                and entry.pos == "verb"
                and (entry.term == form or form.startswith(entry.term + "d"))
                and not _is_other_noun(lemma, entry.term)
            ):
                return entry
        return None

    def _hyphenated(self, word: str) -> GlossaryEntry | None:
        if word[:1].islower():  # schwarz-rote; kolonial-imperialistischen; öffentlich-rechtliche
            return (
                self._coalition_colours(word)
                or self.index.lower_forms.get(word)
                or self.lower_word(word.rsplit("-", 1)[1])
            )
        named = self._by_spelling.get(_spelling_key(word))
        if named is None and word.endswith("s"):  # des Robert-Koch-Instituts
            named = self._by_spelling.get(_spelling_key(word.removesuffix("es").removesuffix("s")))
        if named is None:
            named = self._coalition_of_colours(word)  # "Rot-Grün-Rot"
        if named is not None:
            return named
        parts = word.split("-")
        # A spelling with hyphens of a headword written as one word: Fünf-Prozent-Hürde.
        joined = self.index.nouns.get(parts[0] + "".join(part.lower() for part in parts[1:]))
        if joined is not None:
            return joined
        head = parts[-1]
        if head[:1].isupper() and not compounds.is_false_friend(head):
            entry = (
                self.noun(head)
                or self.abbreviation(head)
                or self._layer_noun(head)
                or self.compounds.analyse(head)
            )
            if entry is not None and entry.term == COUNTRY_HEAD and len(parts) == 2:
                return self.compounds.country_group(word, parts[0], entry)
            if entry is not None:
                return entry
        entry = self._term_of_words(parts[:-1])
        if entry is not None:
            return entry
        for part in parts[:-1]:
            entry = self.abbreviation(part) or (self.noun(part) if part[:1].isupper() else None)
            if entry is not None:
                return entry
        return None

    def _term_of_words(self, parts: list[str]) -> GlossaryEntry | None:
        """A multi-word headword written with hyphens as the first part of a compound:
        "Hartz-IV-Betroffene" is about Hartz IV (not about the Swiss IV)."""
        for first in range(len(parts) - 1):
            for last in range(len(parts), first + 1, -1):
                entry = self._by_spelling.get(_spelling_key(" ".join(parts[first:last])))
                if entry is not None:
                    return entry
        return None

    def _coalition_of_colours(self, word: str) -> GlossaryEntry | None:
        """The coalition named by these colours in any order: Rot-Grün-Rot is Rot-Rot-Grün."""
        key = _colours_key(word)
        return self._by_colours.get(key) if key is not None else None

    def _coalition_colours(self, word: str) -> GlossaryEntry | None:
        """ "schwarz-rote", "rot-grünen": the adjective of a noun such as Schwarz-Rot."""
        for ending in ("", *ADJECTIVE_ENDINGS):
            if ending and not word.endswith(ending):
                continue
            base = word[: len(word) - len(ending)]
            entry = self.index.nouns.get("-".join(part.capitalize() for part in base.split("-")))
            if entry is None:
                entry = self._coalition_of_colours(base)
            if entry is not None:
                return entry
        return None

    def lemma(self, word: str) -> str | None:
        if word not in self._lemmas:
            self._lemmas[word] = self.lexicon.lemma(word)
        return self._lemmas[word]

    def is_noun(self, word: str) -> bool:
        lemma = self.lemma(word)
        return lemma is not None and lemma[:1].isupper()

    def is_political_modifier(self, modifier: str, head_term: str) -> bool:
        """Whether a compound's first part is political: by the head's own lists, or as a
        glossary noun or abbreviation, or as one of the few general political modifiers."""
        stems = list(compounds.modifier_stems(modifier))
        verdicts = [compounds.political_for_head(head_term, stem) for stem in stems]
        if any(verdicts):
            return True
        if False in verdicts:
            return False
        for stem in stems:
            if stem.casefold() in compounds.POLITICAL_MODIFIERS or stem in self.index.nouns:
                return True
            if self.abbreviation(stem.upper()) is not None:
                return True
        return False

    def article_of(self, noun: str) -> str | None:
        """The article of a compound's last part: a Landes|ebene is "die" like Ebene."""
        entry = self.glossary.get(noun) or self._noun_in(self.layer, noun)
        if entry is not None:
            return entry.article
        return self._article(noun) if self._article is not None else None

    def english_of(self, lemma: str) -> str | None:
        """A short English equivalent for a compound's part."""
        entry = self.glossary.get(lemma) or self._noun_in(self.layer, lemma)
        if entry is not None:
            return entry.english[0]
        return self._english(lemma) if self._english is not None else None


_SENSE_KEEPING_PARTICLES = ("mit", "weiter", "durch", "wieder")
_PARTY_COLOURS = frozenset(
    {"schwarz", "rot", "grün", "gelb", "blau", "türkis", "pink", "orange", "lila"}
)


def _colours_key(word: str) -> tuple[str, ...] | None:
    """The party colours of a coalition's name in a fixed order ("Rot-Grün-Rot" →
    grün, rot, rot); None if it is not made of colours alone."""
    colours = word.casefold().split("-")
    if len(colours) < 2 or not all(colour in _PARTY_COLOURS for colour in colours):
        return None
    return tuple(sorted(colours))


def _with_eszett(word: str) -> list[str]:
    """The word with one "ss" written "ß" (Swiss German has no ß): Aussenpolitik, Strasse."""
    return [
        word[:at] + "ß" + word[at + 2 :] for at in range(len(word) - 1) if word[at : at + 2] == "ss"
    ]


def _adjective_base(word: str) -> str | None:
    if not word.isalpha() or not word.islower():
        return None
    for ending in ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 6:
            stem = word[: -len(ending)]
            if stem.endswith(("isch", "lich")):
                return stem
    return word if word.endswith(("isch", "lich")) else None


def _is_other_noun(lemma: str | None, verb: str) -> bool:
    """Whether a noun's lemma is no nominalisation of the verb: "Tagen" are days (Tag), not
    the sitting of a parliament; "Regierenden" (Regierende) are those who govern."""
    if lemma is None or not lemma[:1].isupper():
        return False
    return not lemma.casefold().startswith(verb)


def _spelling_key(term: str) -> str:
    return fold_for_search(term).replace("-", " ")
