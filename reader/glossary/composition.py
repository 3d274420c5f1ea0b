"""Compounds glossed from their parts: "Bundes|verkehrs|minister" is federal + transport + minister.

German makes new political words by compounding faster than any list can follow, so a compound
whose head is a political term is marked as a whole and explained from its parts:

- The word is split at the best boundary, not at the first entry found inside it. Every split
  whose head is a political noun is tried, its modifier must itself split into real words
  (simplemma's lexicon, with linking elements -s-, -es-, -n- …), and the best split has the
  fewest parts, then the most political parts, then the shortest head: "Nationalrats|präsidentin"
  (Nationalrat + Präsidentin), not "National|ratspräsidentin" (the President of the European
  Council). A word whose parts are not all words is not split.
- The rules of `reader.glossary.compounds` still hold: look-alikes (Vorrat, Heirat), lexicalised
  compounds (Hausrat, Zollstock) and everyday heads (Verwaltungsprozess) are refused.
- A compound is explained by its head entry's explanation only when the head *is* that entry;
  otherwise (a political first part, Koalitions|streit) only its parts are glossed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from reader.glossary import compounds, senses
from reader.glossary.entries import CompoundPart, GlossaryEntry, PartOfSpeech, fold_for_search
from reader.glossary.forms import ADJECTIVE_ENDINGS
from reader.language.lexicon import Lexicon

# Longer "words" are not compounds but glued text (a PDF that lost its spaces, a base64 blob):
# splitting them would cost quadratic time for nothing.
MAX_COMPOUND_LENGTH = 48
MIN_PART = 3

# Modifiers whose English as the first part of a compound differs from the noun's own.
MODIFIER_ENGLISH = {
    "bund": "federal",
    "land": "state",
    "staat": "state",
    "europa": "European",
    "welt": "world",
    "volk": "people's",
    "regierung": "government",
    "partei": "party",
    "außen": "foreign",
    "innen": "interior",
    "gegen": "counter-",
    "straf": "punitive",
    "sonder": "special",
    "haupt": "chief",
    "vize": "vice-",
    "sekundär": "secondary",
    "national": "national",
    "verteidigung": "defence",
    "verkehr": "transport",
    "justiz": "justice",
    "finanz": "finance",
    "gesundheit": "health",
    "umwelt": "environment",
    "arbeit": "labour",
    "ober": "upper",
    "unter": "lower",
}

# Parts whose dictionary English comes first in a sense they do not have in compounds: a
# Regierungsebene is a level of government, not a plain; a Steuersatz a rate, not a sentence.
PART_ENGLISH = {
    "ebene": "level",
    "wehr": "defence",  # Wehr|sprecher, Wehr|beschaffung: not a weir
    "politik": "policy",  # Netz|politik, Frauen|politik
    "film": "film",
    "bau": "building",
    "leistung": "benefit",  # Leistungs|pflicht, Sozial|leistung
    "niveau": "level",
    "ausgabe": "spending",
    "lösung": "solution",
    "alter": "age",
    "lohn": "wage",
    "stelle": "office",
    "satz": "rate",
    "kasse": "fund",
    "punkt": "point",
    "lage": "situation",
    "rahmen": "framework",
    "erhöhung": "increase",
    "anhebung": "increase",
    "senkung": "reduction",
}

# Adjectives that say how something stands to a political noun, with their English:
# verfassungs|widrig, gesetzes|konform, koalitions|intern, sanktions|bewehrt.
RELATION_SUFFIXES = {
    "widrig": "contrary to",
    "konform": "in line with",
    "gemäß": "in accordance with",
    "feindlich": "hostile to",
    "intern": "internal to",
    "bewehrt": "backed by",
    "kritisch": "critical of",
}
_RELATION_ENDINGS = tuple(RELATION_SUFFIXES)

# The federal state of its own entry, but a country as the head of a compound (Mitgliedsland,
# Bürgerkriegsland, EU-Länder): the Bundesland has an entry of its own.
COUNTRY_HEAD = "Land"

NounLookup = Callable[[str], "GlossaryEntry | None"]
EnglishLookup = Callable[[str], "str | None"]


@dataclass(frozen=True)
class _Split:
    modifiers: tuple[str, ...]  # as written, linking elements included ("Bundes", "verkehrs")
    head: str  # as written, capitalised ("Minister")
    entry: GlossaryEntry  # the head's entry
    political_parts: int

    @property
    def rank(self) -> tuple[int, int, bool, int]:
        # A metaphorical head loses a tie: Landtag|wahlkampf is a campaign, not a fight.
        metaphor = senses.is_war_metaphor(self.entry.term)
        return (len(self.modifiers) + 1, -self.political_parts, metaphor, len(self.head))


class CompoundAnalyser:
    """Finds and glosses political compounds; results are remembered per word by the caller."""

    def __init__(
        self,
        lexicon: Lexicon,
        political_noun: NounLookup,
        is_political_modifier: Callable[[str, str], bool],
        english: EnglishLookup,
        article: EnglishLookup | None = None,
        first_parts: Iterable[str] = (),
        head_forms: Iterable[str] = (),
    ) -> None:
        self.lexicon = lexicon
        self._political_noun = political_noun
        self._is_political_modifier = is_political_modifier
        self._english = english
        self._article = article
        self._segments: dict[str, tuple[str, ...] | None] = {}
        self._parts: dict[str, bool] = {}  # compounds share their parts (Haushalts|…)
        # Most cuts of a word leave no political noun: one set lookup rules them out.
        self._heads = {form[:1].lower() + form[1:] for form in head_forms}
        self._first_parts = compounds.written_first_parts(first_parts)

    def analyse(self, word: str) -> GlossaryEntry | None:
        """A compound entry for `word`, or None if it is no political compound."""
        if not MIN_PART * 2 <= len(word) <= MAX_COMPOUND_LENGTH or compounds.is_false_friend(word):
            return None
        if self._is_capitalised_adjective(word):
            return None  # "Beispielhaft" opening a sentence is no Beispiel + Haft
        best = min(self._head_splits(word), key=lambda split: split.rank, default=None)
        if best is not None:
            return self._compose(word, best.modifiers, best.head, best.entry, head_is_entry=True)
        return self._political_first_part(word)

    def country_group(self, word: str, group: str, entry: GlossaryEntry) -> GlossaryEntry | None:
        """ "EU-Länder", "Nato-Land": countries of a political group, glossed "EU + country";
        None for other countries ("Nachbar-Länder")."""
        first = self._political_noun(group)
        if first is None:
            return None
        parts = (
            CompoundPart(group, first.term, first.english[0]),
            CompoundPart(word[len(group) + 1 :], entry.term, "country"),
        )
        return _from_parts(
            entry,
            f"{group}-{entry.term}",
            parts,
            english=(" + ".join(part.english or part.lemma for part in parts),),
            explanation=_parts_sentence(parts),
            article=entry.article,
        )

    def relation_adjective(self, word: str) -> GlossaryEntry | None:
        """ "grundgesetzwidrig", "verfassungskonforme": a lower-case adjective of a curated
        political noun and a suffix of relation, glossed "contrary to Basic Law"."""
        base = _uninflected(word)
        if not base.endswith(_RELATION_ENDINGS):
            return None  # most words: one test
        suffix = next(s for s in RELATION_SUFFIXES if base.endswith(s))
        if suffix is None or len(base) - len(suffix) < MIN_PART + 1:
            return None
        modifier = base[: -len(suffix)]
        capitalised = modifier[:1].upper() + modifier[1:]
        for stem in compounds.modifier_stems(capitalised):
            entry = self._political_noun(stem)
            if entry is None or entry.source != "glossary" or entry.term != stem:
                continue
            if compounds.is_ambiguous_head(stem) or stem.casefold() in compounds.BASIC_WORDS:
                return None
            relation = RELATION_SUFFIXES[suffix]
            parts = (
                CompoundPart(modifier, entry.term, entry.english[0]),
                CompoundPart(suffix, suffix, relation),
            )
            return _from_parts(
                entry,
                base,
                parts,
                english=(f"{relation} {entry.english[0]}",),
                explanation=_parts_sentence(parts),
                article=None,
                pos="adjective",
            )
        return None

    def _head_splits(self, word: str) -> Iterator[_Split]:
        for modifier, head in compounds.head_splits(word, heads=self._heads):
            entry = self._political_noun(head)
            if entry is None or not compounds.is_real_modifier(modifier, head, _Always()):
                continue
            if compounds.head_of_prefixed_noun(modifier, head, self.lexicon):
                continue
            if compounds.regroups_with_modifier(
                modifier, head, self.lexicon, self._is_political, _frequency
            ):
                continue
            parts = self.segments(modifier)
            if parts is None or compounds.is_everyday_for_head(entry.term, parts[-1]):
                continue
            if compounds.is_ambiguous_head(entry.term) and not self._political_modifier(
                modifier, parts, entry.term
            ):
                continue
            political = 1 + sum(self._is_political_part(part) for part in parts)
            yield _Split(parts, head, entry, political)

    def _is_capitalised_adjective(self, word: str) -> bool:
        lowered = word[:1].lower() + word[1:]
        if not lowered.endswith(compounds.SUFFIX_LIKE_RESTS):
            return False
        lemma = self.lexicon.lemma(lowered)
        return lemma is not None and lemma[:1].islower()

    def _political_modifier(self, modifier: str, parts: tuple[str, ...], head_term: str) -> bool:
        return self._is_political_modifier(modifier, head_term) or (
            len(parts) > 1 and self._is_political_modifier(parts[-1].capitalize(), head_term)
        )

    def _is_political(self, noun: str) -> bool:
        return self._political_noun(noun) is not None

    def _is_political_part(self, part: str) -> bool:
        stems = compounds.modifier_stems(part[:1].upper() + part[1:])
        return any(self._political_noun(stem) is not None for stem in stems)

    def _political_first_part(self, word: str) -> GlossaryEntry | None:
        """Koalitions|streit: no political head, but a political first part and a noun after."""
        if not compounds.may_open_with(word, self._first_parts):
            return self._electoral_compound(word)  # no glossary noun can be its first part
        for first_part, rest in compounds.first_part_splits(word):
            entry = self._political_noun(first_part)
            if entry is None or entry.source != "glossary":
                continue
            if not _may_be_first_part(entry, rest):
                inner = self._political_first_part(rest) if len(rest) >= MIN_PART * 2 else None
                if inner is None or not inner.parts:
                    continue
                return self._before_compound(word, rest, inner)
            if rest.lower().startswith(compounds.SUFFIX_LIKE_RESTS):
                continue
            lemma = self.lexicon.lemma(rest)
            if lemma is None or not lemma[:1].isupper() or not self._ends_like(word, lemma):
                continue
            modifier = word[: len(word) - len(rest)]
            return self._compose(word, (modifier,), rest, entry, head_is_entry=False)
        return self._electoral_compound(word)

    def _before_compound(self, word: str, rest: str, inner: GlossaryEntry) -> GlossaryEntry:
        """Landes|partei|chef: a first part that is political only before a political
        compound, glossed with the compound's parts."""
        inner_parts = [part.text for part in inner.parts]
        inner_parts[0] = inner_parts[0][:1].lower() + inner_parts[0][1:]
        modifier = word[: len(word) - len(rest)]
        head = inner_parts.pop()
        return self._compose(word, (modifier, *inner_parts), head, inner, head_is_entry=False)

    def _ends_like(self, word: str, rest_lemma: str) -> bool:
        """Whether the lexicon's lemma of a word it knows ends in the rest's lemma: a
        Politikerin is no Politik + Rinne."""
        lemma = self.lexicon.lemma(word)
        return lemma is None or lemma.casefold().endswith(rest_lemma.casefold())

    def _electoral_compound(self, word: str) -> GlossaryEntry | None:
        """Wahl|abend, Stimmen|verlust: a first part that is electoral before any noun."""
        split = compounds.electoral_first_part(word)
        if split is None:
            return None
        modifier, headword, rest = split
        entry = self._political_noun(headword)
        if entry is None or rest.casefold().startswith(compounds.SUFFIX_LIKE_RESTS):
            return None
        rest_parts = self._noun_parts(rest)
        if rest_parts is None:
            return None
        # As written in the word: the rest's first part is lower case there (Wahl|beobachtungs).
        written = (rest_parts[0][:1].lower() + rest_parts[0][1:], *rest_parts[1:])
        head = rest_parts[-1] if len(rest_parts) == 1 else written[-1]
        return self._compose(word, (modifier, *written[:-1]), head, entry, head_is_entry=False)

    def _noun_parts(self, word: str) -> tuple[str, ...] | None:
        """A noun of the lexicon as one part, or a compound of words ending in a noun as its
        parts (Beobachtungs, mission); None if it is neither."""
        lemma = self.lexicon.lemma(word)
        if lemma is not None:
            return (word,) if lemma[:1].isupper() else None
        parts = self.segments(word)
        if parts is None or len(parts) < 2:
            return None
        head = self.lexicon.lemma(parts[-1].capitalize())
        return parts if head is not None and head[:1].isupper() else None

    def segments(self, modifier: str) -> tuple[str, ...] | None:
        """The modifier as a sequence of real words, fewest first ("Bundesverkehrs" → Bundes,
        verkehrs); None if it is no sequence of words."""
        if modifier not in self._segments:
            self._segments[modifier] = self._segment(modifier)
        return self._segments[modifier]

    def _segment(self, modifier: str) -> tuple[str, ...] | None:
        if self._is_part(modifier):
            return (modifier,)
        best: tuple[str, ...] | None = None
        for cut in range(len(modifier) - MIN_PART, MIN_PART - 1, -1):
            last = modifier[cut:]
            if not last[:1].isalpha() or not self._is_part(last):
                continue
            rest = self.segments(modifier[:cut])
            if rest is not None and (best is None or len(rest) + 1 < len(best)):
                best = (*rest, last)
        return best

    def _is_part(self, text: str) -> bool:
        known = self._parts.get(text)
        if known is None:
            known = self._parts[text] = self._is_word_part(text)
        return known

    def _is_word_part(self, text: str) -> bool:
        if len(text) < MIN_PART or text.lower() in compounds.NOT_MODIFIERS:
            return False
        if text.isupper():
            return self._political_noun(text) is not None  # EU, UN, Nato as a first part
        capitalised = text[:1].upper() + text[1:]
        return any(
            len(stem) >= MIN_PART and self.lexicon.is_word(stem)
            for stem in compounds.modifier_stems(capitalised)
        )

    def _compose(
        self,
        word: str,
        modifiers: tuple[str, ...],
        head: str,
        entry: GlossaryEntry,
        *,
        head_is_entry: bool,
    ) -> GlossaryEntry:
        written = [*modifiers, word[len(word) - len(head) :]]
        parts = tuple(
            self._part(text, is_head=number == len(modifiers))
            for number, text in enumerate(written)
        )
        if head_is_entry and entry.term == COUNTRY_HEAD:  # Mitglieds|land: a country
            parts = (*parts[:-1], replace(parts[-1], english="country"))
            head_is_entry = False
        head_lemma = parts[-1].lemma
        if fold_for_search(head_lemma) == fold_for_search(entry.term):
            head_lemma = entry.term  # the glossary's spelling (Prozess, not simplemma's Prozeß)
        term = "".join(modifiers) + head_lemma[:1].lower() + head_lemma[1:]
        gloss = " + ".join(part.english or part.lemma for part in parts)
        english = (gloss, *entry.english[:2]) if head_is_entry else (gloss,)
        explanation = entry.explanation if head_is_entry else _parts_sentence(parts)
        if head_is_entry:
            article = "die" if head_lemma.endswith("in") and entry.feminine else entry.article
        else:  # the head's own: a Koalitions|streit is "der" like Streit, not like Koalition
            article = self._article(head_lemma) if self._article is not None else None
        return _from_parts(
            entry, term, parts, english=english, explanation=explanation, article=article
        )

    def _part(self, text: str, *, is_head: bool) -> CompoundPart:
        capitalised = text[:1].upper() + text[1:]
        lemma = next(
            (
                self.lexicon.lemma(stem) or stem
                for stem in compounds.modifier_stems(capitalised)
                if self.lexicon.is_word(stem)
            ),
            capitalised,
        )
        english = PART_ENGLISH.get(lemma.lower())
        if lemma == "Recht" and text.endswith(("rechte", "rechten")):
            english = "rights"  # Kinder|rechte; the singular in compounds is a law (Steuer|recht)
        if not is_head:
            english = MODIFIER_ENGLISH.get(lemma.lower(), english)
        return CompoundPart(text, lemma, english or self._english(_masculine(lemma, self.lexicon)))


def _from_parts(
    entry: GlossaryEntry,
    term: str,
    parts: tuple[CompoundPart, ...],
    *,
    english: tuple[str, ...],
    explanation: str,
    article: str | None,
    pos: PartOfSpeech = "noun",
) -> GlossaryEntry:
    """An entry glossed from its parts, in the category of `entry` (the one it is built on)."""
    return replace(
        entry,
        term=term,
        english=english,
        explanation=explanation,
        article=article,
        plural=None,
        feminine=None,
        abbreviations=(),
        related=(entry.term,),
        pos=pos,
        source="compound",
        parts=parts,
    )


def _may_be_first_part(entry: GlossaryEntry, rest: str) -> bool:
    """An ambiguous headword is a political first part only before a political role or a
    word of policy (Fraktionschefin, Pflegefinanzierung)."""
    basic = entry.term.casefold() in compounds.BASIC_WORDS
    if not compounds.is_ambiguous_head(entry.term) and not basic:
        return True
    rest = rest.casefold()
    if rest.startswith(compounds.POLICY_RESTS):
        return True
    if rest.startswith(compounds.OWN_RESTS.get(entry.term.casefold(), ())):
        return True
    return entry.term.casefold() in compounds.POLITICAL_FIRST_PARTS_FOR_ROLES and (
        rest.startswith(compounds.ROLE_HEADS)
    )


def _frequency(word: str) -> float:
    """How common a word is in German (wordfreq), to choose between two ways to split."""
    from reader.readability.coverage import form_frequency

    return form_frequency(word)


def _uninflected(adjective: str) -> str:
    """The adjective without its inflection ending (verfassungskonformen → verfassungskonform)."""
    for ending in ADJECTIVE_ENDINGS:
        base = adjective.removesuffix(ending)
        if base != adjective and base.endswith(_RELATION_ENDINGS):
            return base
    return adjective


def _masculine(lemma: str, lexicon: Lexicon) -> str:
    """The masculine of a feminine noun, whose English is the plain one: Direktorin has the
    English of Direktor (director), not "manageress"."""
    masculine = lemma.removesuffix("in")
    if masculine != lemma and len(masculine) >= MIN_PART and lexicon.is_word(masculine):
        return masculine
    return lemma


def _parts_sentence(parts: tuple[CompoundPart, ...]) -> str:
    glossed = [f"{part.lemma} ({part.english})" if part.english else part.lemma for part in parts]
    return "A compound of " + " + ".join(glossed) + "."


class _Always:
    """A lexicon that knows every word: `is_real_modifier` is asked only for its length and
    prefix rules here; whether the modifier is made of words is `segments`' business."""

    def lemma(self, word: str) -> str | None:
        return word

    def is_word(self, word: str) -> bool:
        return True
