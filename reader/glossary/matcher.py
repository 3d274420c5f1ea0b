"""Finding glossary terms in German text.

The text is tokenised once with a regular expression (`reader.language.tokens`). Each distinct
word is analysed once (the result is cached), so a long article costs little more than one dict
lookup per word, against the tables of `reader.glossary.forms`:

1. abbreviations (EU, CDU/CSU, Nato/NATO, BVerfG) by exact spelling;
2. multi-word terms (im Weißen Haus, der absoluten Mehrheit, trat in Kraft) by their inflected
   word sequence; a verb in a phrase is found anywhere in the sentence by its lemma;
3. nouns by the forms generated from the entry (term, genitive, plural, dative plural,
   feminine, adjective endings for nouns like Abgeordnete), then by their simplemma lemma;
   nouns must be capitalised, so the verb "stimmen" is never the noun "Stimmen";
4. adjectives and verbs (lower case) by their forms or lemma;
5. compounds that are not entries through their head (Gegenzölle → Zoll) or, when the head is
   no entry, through a political first part (Koalitionsstreit → Koalition), with the rules of
   `reader.glossary.compounds`; hyphenated words the same way through their parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader.glossary import abbreviations, compounds, senses
from reader.glossary.entries import Glossary, GlossaryEntry
from reader.glossary.forms import Indexes, Phrase
from reader.glossary.words import EnglishLookup, WordAnalyser
from reader.language.lexicon import Lexicon
from reader.language.tokens import WORD, Tokens, tokenise

_PRONOUNS_AFTER_VERB = frozenset({"ich", "du", "er", "sie", "es", "wir", "ihr", "man"})
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)–—]|$)")
_REFLEXIVE = frozenset({"sich", "mich", "dich", "uns", "euch"})
# Verbs whose reflexive use means something else: "sich verabschieden" is to say goodbye,
# "ein Gesetz verabschieden" to pass a law.
_NOT_REFLEXIVE = frozenset({"verabschieden", "ausweisen", "abstimmen"})
# Political only with "sich": "Die Linke enthielt sich" abstained; "Das Paket enthält" contains.
_ONLY_REFLEXIVE = frozenset({"enthalten"})


@dataclass(frozen=True)
class TextMatch:
    """One glossary term found in a piece of text: `text[start:end]` is the marked word(s)."""

    entry: GlossaryEntry
    start: int
    end: int
    text: str


class TermMatcher:
    """Finds the entries of one glossary in text, using a German lexicon for lemmas and parts."""

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
        self.glossary = glossary
        self.lexicon = lexicon
        self._analyser = WordAnalyser(glossary, lexicon, layer, english, article, indexes=indexes)
        self._index = self._analyser.index
        self._words: dict[tuple[str, bool], GlossaryEntry | None] = {}
        # Per distinct word, filled by `_learn_words`: which words need a look in the text.
        self._seen: set[str] = set()
        self._markable: set[str] = set()
        self._phrase_starts: set[str] = set()

    def find_in_text(self, text: str) -> list[TextMatch]:
        """The terms in `text` in reading order; the marks never overlap.

        Words whose everyday sense is as common as the political one (Stimme, Prozess, Drohne)
        are marked only in political context: when something unambiguous is marked as well.
        `find_in_paragraphs` applies this to a whole document rather than to one text.
        """
        return self.find_in_paragraphs([text])[0]

    def find_in_paragraphs(self, paragraphs: Sequence[str]) -> list[list[TextMatch]]:
        """`find_in_text` for each paragraph, with the political context of all of them."""
        article = senses.ArticleContext(paragraphs)
        found = [self._find(paragraph, article) for paragraph in paragraphs]
        defined = self._defined_abbreviations(paragraphs)
        if defined:
            found = [
                _with_abbreviations(paragraph, matches, defined)
                for paragraph, matches in zip(paragraphs, found, strict=True)
            ]
        if all(_is_bare_ambiguous_word(match) for matches in found for match in matches):
            return [[] for _ in paragraphs]
        return found

    def _national_entry(self, word: str, article: senses.ArticleContext) -> GlossaryEntry | None:
        """The entry of the party a name stands for in the article's country."""
        term = senses.national_term(word, article)
        return self.glossary.get(term) if term else None

    def _defined_abbreviations(self, paragraphs: Sequence[str]) -> dict[str, GlossaryEntry]:
        """The abbreviations the text defines, unless an entry explains the same thing (the
        article's own meaning wins over a glossary abbreviation for something else: "AA" is
        the Auswärtiges Amt in the glossary, a party in an article that says so)."""
        defined = {}
        for abbreviation, definition in abbreviations.definitions(paragraphs).items():
            entry = self._word_entry(abbreviation, initial=False)
            if entry is None or not abbreviations.same_thing(entry, definition):
                defined[abbreviation] = abbreviations.entry_for(definition)
        return defined

    def _find(self, text: str, article: senses.ArticleContext) -> list[TextMatch]:
        tokens = tokenise(text)
        self._learn_words(tokens)
        taken: set[int] = set()
        matches = list(self._phrase_matches(text, tokens, taken))
        covered_until = 0  # a matched slash word (CDU/CSU) covers its parts
        starts, ends, words, initials = tokens.starts, tokens.ends, tokens.texts, tokens.initials
        for position in self._word_candidates(tokens):
            start, word, initial = starts[position], words[position], initials[position]
            if position in taken or start < covered_until:
                continue
            entry = self._word_entry(word, initial)
            if entry is not None:
                entry = self._national_entry(word, article) or entry
            if entry is not None and initial and self._reads_as_verb(text, tokens, position):
                entry = None
            if entry is not None and _wrongly_reflexive(entry, tokens, position):
                entry = None
            if entry is not None and not senses.keeps(entry, text, tokens, position, article):
                entry = None
            if entry is not None:
                matches.append(TextMatch(entry, start, ends[position], word))
                covered_until = ends[position]
            elif word[:1].islower() and self._index.separable:
                matches.extend(self._separated_verb(text, tokens, position, taken, article))
        matches.sort(key=lambda match: match.start)
        return matches

    def _learn_words(self, tokens: Tokens) -> None:
        """Analyse the words not seen before, once: which can be marked on their own, which can
        be the verb of a separated particle, which can start a multi-word term."""
        for word in set(tokens.texts).difference(self._seen):
            if self._word_entry(word, initial=False) is not None or self._separable_base(word):
                self._markable.add(word)
            if word.casefold() in self._index.phrases:
                self._phrase_starts.add(word)
            self._seen.add(word)

    def _separable_base(self, word: str) -> bool:
        """Whether `word` is a form of a verb whose particle may stand apart from it."""
        separable = self._index.separable
        return (
            bool(separable) and word[:1].islower() and bool(separable.get(self._lemma(word) or ""))
        )

    def _word_candidates(self, tokens: Tokens) -> list[int]:
        """The positions worth a closer look: words that can be marked, and the first word of
        each sentence (which reads differently there). Most words of an article are neither,
        and this one pass over them is all they cost."""
        markable = self._markable
        return [
            position
            for position, (word, initial) in enumerate(
                zip(tokens.texts, tokens.initials, strict=True)
            )
            if initial or word in markable
        ]

    def entry_for_word(self, word: str) -> GlossaryEntry | None:
        """The entry a single word (or abbreviation) would be marked with inside a sentence."""
        word = word.strip()
        if not WORD.fullmatch(word):
            return None
        return self._word_entry(word, initial=False)

    # Words

    def _word_entry(self, word: str, initial: bool) -> GlossaryEntry | None:
        key = (word, initial and word[:1].isupper())
        if key not in self._words:
            self._words[key] = self._analyser.entry(word, key[1])
        return self._words[key]

    def _lemma(self, word: str) -> str | None:
        return self._analyser.lemma(word)

    def _reads_as_verb(self, text: str, tokens: Tokens, position: int) -> bool:
        """A capitalised first word that may be a verb ("Stimmen die Zahlen?") is read as one
        when the sentence is a question or a pronoun follows."""
        word = tokens[position].text
        lowered = self._lemma(word[:1].lower() + word[1:])
        if lowered is None or not lowered[:1].islower():
            return False
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if following is not None and following.text.lower() in _PRONOUNS_AFTER_VERB:
            return True
        return self._sentence_is_question(text, tokens, position)

    @staticmethod
    def _sentence_is_question(text: str, tokens: Tokens, position: int) -> bool:
        sentence = tokens[position].sentence
        last = position
        while last + 1 < len(tokens) and tokens[last + 1].sentence == sentence:
            last += 1
        following = tokens[last + 1].start if last + 1 < len(tokens) else len(text)
        return "?" in text[tokens[last].end : following]

    def _separated_verb(
        self,
        text: str,
        tokens: Tokens,
        position: int,
        taken: set[int],
        article: senses.ArticleContext,
    ) -> Iterator[TextMatch]:
        """A separable verb split in a main clause: the verb, and its particle at the end of
        the clause ("bestellte den Botschafter ein")."""
        verb = tokens[position]
        lemma = self._lemma(verb.text)
        for particle, entry in self._index.separable.get(lemma or "", ()):
            for index in range(position + 1, len(tokens)):
                token = tokens[index]
                if token.sentence != verb.sentence:
                    break
                if index in taken:
                    break
                if token.text == particle and _CLAUSE_END.match(text, token.end):
                    if _wrongly_reflexive(entry, tokens, position):
                        return
                    if not senses.keeps(entry, text, tokens, position, article):
                        return
                    taken.add(index)
                    yield TextMatch(entry, verb.start, verb.end, verb.text)
                    yield TextMatch(entry, token.start, token.end, token.text)
                    return
                if _CLAUSE_END.match(text, token.end) and text[token.end : token.end + 1] in ",;":
                    break

    # Phrases

    def _phrase_matches(self, text: str, tokens: Tokens, taken: set[int]) -> Iterator[TextMatch]:
        phrases = self._index.phrases
        starts = self._phrase_starts
        for position in [i for i, word in enumerate(tokens.texts) if word in starts]:
            if position in taken:
                continue
            for phrase in phrases.get(tokens.texts[position].casefold(), ()):
                span = self._match_phrase(phrase, tokens, position, text)
                if span is not None and not taken.intersection(range(span[0], span[1] + 1)):
                    first, last = span
                    taken.update(range(first, last + 1))
                    start, end = tokens.starts[first], tokens.ends[last]
                    yield TextMatch(phrase.entry, start, end, text[start:end])
                    break

    def _match_phrase(
        self, phrase: Phrase, tokens: Tokens, position: int, text: str
    ) -> tuple[int, int] | None:
        last = position + len(phrase.words) - 1
        if last >= len(tokens):
            return None
        for index, forms in enumerate(phrase.words[1:], start=position + 1):
            gap = text[tokens.ends[index - 1] : tokens.starts[index]]
            if tokens.texts[index].casefold() not in forms or gap.strip() not in ("", "-"):
                return None
        if phrase.verb_lemma is None:
            return position, last
        verb = self._verb_in_sentence(phrase.verb_lemma, tokens, position, last)
        if verb is None:
            return None
        if verb == position - 1:
            return verb, last
        if verb == last + 1:
            return position, verb
        return position, last

    def _verb_in_sentence(
        self, verb_lemma: str, tokens: Tokens, first: int, last: int
    ) -> int | None:
        sentence = tokens[first].sentence
        after = range(last + 1, len(tokens))
        before = range(first - 1, -1, -1)
        for direction in (after, before):
            for index in direction:
                token = tokens[index]
                if token.sentence != sentence:
                    break
                word = token.text
                if word[:1].islower() and self._lemma(word) == verb_lemma:
                    return index
        return None


def _with_abbreviations(
    text: str, matches: list[TextMatch], defined: dict[str, GlossaryEntry]
) -> list[TextMatch]:
    """`matches` with the uses of the article's own abbreviations: a glossary mark on exactly
    such a use gives way to the article's meaning, other marks it overlaps stay."""
    uses = list(abbreviations.uses(text, defined))
    if not uses:
        return matches
    replaced = {(start, end) for start, end, _ in uses}
    kept = [match for match in matches if (match.start, match.end) not in replaced]
    added = [
        TextMatch(defined[abbreviation], start, end, abbreviation)
        for start, end, abbreviation in uses
        if not any(match.start < end and start < match.end for match in kept)
    ]
    return sorted([*kept, *added], key=lambda match: match.start)


def _is_bare_ambiguous_word(match: TextMatch) -> bool:
    """An inflected form of an ambiguous headword (Stimme, Stimmen, Zölle), not a compound."""
    term, text = match.entry.term, match.text
    if match.entry.pos == "verb":  # wählen, gewählt: any form of an everyday verb
        return compounds.is_ambiguous_head(term)
    return (
        compounds.is_ambiguous_head(term)
        and "-" not in text
        and len(text) <= len(term) + 3
        and text[:1].casefold() == term[:1].casefold()
    )


def _wrongly_reflexive(entry: GlossaryEntry, tokens: Tokens, position: int) -> bool:
    """Whether the verb is used with "sich" where that is not its political sense, or
    without it where only that is."""
    if entry.term in _NOT_REFLEXIVE:
        return _is_reflexive(tokens, position)
    if entry.term in _ONLY_REFLEXIVE:
        return not _is_reflexive(tokens, position)
    return False


def _is_reflexive(tokens: Tokens, position: int) -> bool:
    sentence = tokens.sentences[position]
    nearby = range(max(0, position - 2), min(len(tokens), position + 4))
    return any(
        tokens.sentences[index] == sentence and tokens.texts[index].lower() in _REFLEXIVE
        for index in nearby
    )
