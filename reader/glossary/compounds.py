"""Splitting German compounds into a modifier and a head, carefully.

A compound such as "Sekundärsanktionen" is explained through its head ("Sanktionen" → Sanktion),
"Koalitionsstreit" through its political first part. Splitting by suffix alone produces
look-alikes; the mistakes come from a few general causes, each answered by a rule here:

- The "head" is only the end of a word that is no compound at all (Heirat, Apparat, Demokrat):
  the modifier must be a real word in the lexicon, possibly after removing a linking element
  (-s-, -es-, -n-, -en-, -e-), and long enough that chance letter sequences are rare.
- The modifier is a prefix or particle, not a word in its own right (Vorrat, Unrat, Auswahl):
  short modifiers are refused before short heads, and a few prefixes never count.
- The head has an everyday sense besides the political one, and compounds mostly pick up the
  everyday one (Verwaltungsprozess, Fensterflügel, Heiratsantrag, Kirchengemeinde): for the
  heads in `AMBIGUOUS_HEADS` the modifier must be political as well (Strafprozess, Gegenantrag).
- The compound is real but lexicalised with a non-political meaning (Berggipfel, Hausrat,
  Zollstock, Gipfelkreuz): no rule tells these from political compounds, so they are listed in
  `FALSE_FRIENDS`.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator

from reader.language.lexicon import Lexicon

# Heads of at most this many letters are common word endings and common non-political words.
SHORT_HEAD = 4
MIN_MODIFIER = 3
MIN_MODIFIER_BEFORE_SHORT_HEAD = 4
# A political first part must be at least this long: shorter ones (Rat-, Amt-, Wahl-, Bank-,
# Zoll-) start too many everyday words (Ratgeber, Wahlheimat, Bankraub, Zollstock).
MIN_POLITICAL_FIRST_PART = 5
# Shorter first parts that are political wherever they open a noun (Asyl|gründe, Exil|regierung;
# the Austrian parliamentary Klub only before a role: Klub|chef, not Klub|haus).
SHORT_POLITICAL_FIRST_PARTS = ("Asyl", "Etat", "Exil", "Klub", "Veto")
MIN_HEAD_AFTER_FIRST_PART = 4

# What follows a first part in a derived word, not a compound: Gesetz|mäßigkeit, Staat|lichkeit.
# "-schaft" makes a noun of its own (Kanzler|schaft is a chancellorship, not a shank).
SUFFIX_LIKE_RESTS = (
    "mäßig", "lich", "los", "haft", "bar", "sam", "weise", "artig", "isch", "schaft",
)  # fmt: skip

# Linking elements between the parts of a compound, longest first.
LINKING_ELEMENTS = ("es", "en", "s", "n", "e")

# Prefixes and particles that form words of their own with a head (Vorrat, Beirat, Auswahl,
# Anzahl …); they are never treated as the modifier of a compound.
NOT_MODIFIERS = frozenset(
    {
        "ab", "an", "auf", "aus", "be", "bei", "durch", "ein", "ent", "er", "ge", "hei", "miss",
        "um", "un", "ur", "über", "ver", "vor", "wider", "zer", "zu",
    }
)  # fmt: skip

# Compounds whose head (or first part) looks political but means something else: a dish, not a
# court (Hauptgericht); a helm, not a tax (Steuerrad). Lower-case prefixes of the word, so
# inflected forms and longer compounds are covered too.
FALSE_FRIENDS = (
    "alpengipfel", "autorenlesung", "autositz", "bankett", "baumgipfel", "beifahrersitz",
    "berggipfel", "biodiversität", "berufswahl", "bewährungsprobe", "bewährungstest", "bieterkrieg",
    "buchlesung", "charmeoffensive", "datenbank", "dichterlesung", "diskredit", "eintopfgericht",
    "erkenntnis",
    "fahrersitz", "fahrzeug", "farbwahl", "feiertag", "felsgipfel", "fertiggericht", "feuerzeug",
    "fischgericht", "fleischgericht", "flugzeug", "frauenstimme", "gartenbank", "geburtstag",
    "gemüsegericht", "generalprobe", "generalschlüssel", "generalüberholung", "gipfelbuch",
    "gipfelkreuz", "gipfelsturm", "gipfelstürm", "glaubenskrieg", "hauptgericht", "haushaltgeld",
    "haushaltsartikel", "haushaltsgeld", "haushaltsgerät", "haushaltshilfe", "haushaltsreiniger",
    "haushaltswaren", "hausrat", "hofstaat", "holzbank", "hosenbund", "kaltfront", "kindersitz",
    "kinderstimme", "klavierbank", "kleinkrieg", "kriegsbeil", "kriegsbemalung", "leibgericht",
    "lieblingsgericht", "lobbycontrol", "männerstimme", "nationalgericht", "neusiedler",
    "nordflügel", "nudelgericht", "ofenbank", "ostflügel", "parkbank", "partnerwahl", "preiskrieg",
    "reformhaus", "reformpädagog", "reisgericht", "rosenkrieg", "sandbank", "schlüsselbund",
    "schulbank", "selbstbetrug", "singstimme", "sitzbank", "spielzeug", "staatsexamen",
    "staatsoper", "staatstheater", "steuerbord", "steuerfrau", "steuergerät", "steuerhaus",
    "steuerknüppel", "steuermann", "steuerpult", "steuerrad", "steuerrohr", "studienwahl",
    "südflügel",
    "tastenanschlag", "unrat", "urteilskraft", "urteilsvermögen", "verkaufsoffensive", "vorrat",
    "warmfront", "wasserstoffperoxid", "werbeoffensive", "werkbank", "werkzeug", "westflügel",
    "wetterfront", "wohnsitz", "wortwahl", "zierrat", "zollbreit", "zollstock",
)  # fmt: skip


# Headwords with a common everyday sense that compounds pick up far more often than the
# political one: Verwaltungsprozess (process, not trial), Fensterflügel, Komödiantentruppe,
# Engelsstimme, Heiratsantrag, Mietvertrag, Silvesterrakete. A closed compound on such a head is
# marked only when its modifier is political too (Strafprozess, Gegenstimme, Nato-Truppen is
# hyphenated and always fine); they never count as a political first part (Gipfelkreuz).
AMBIGUOUS_HEADS = frozenset(
    {
        "anzeige", "auflage", "einsatz", "entwurf", "initiative", "mission", "sprecher", "wählen",
        "ampel", "amt", "antrag", "bank", "besatzung", "bewegung", "botschaft", "bund", "diäten",
        "drohne",
        "flügel", "fraktion", "front", "gemeinde", "general", "gipfel", "heer", "integration",
        "invasion", "kabinett", "kammer", "klage", "klub", "lager", "land", "lesung", "liste",
        "macht", "mandat", "manöver", "novelle", "pflege", "prozess", "rakete", "revision",
        "richter", "sitz", "stimme", "truppe", "union", "verfahren", "vermittler", "vertrag",
        "verteidiger", "verwaltung", "wahl", "widerstand", "zeuge",
    }
)  # fmt: skip

# Modifiers that make a compound political even when they are no glossary entry themselves
# (lower case, without linking element); glossary nouns and abbreviations count as well.
POLITICAL_MODIFIERS = frozenset(
    {
        "armee", "ausfuhr", "bund", "bundes", "einfuhr", "europa", "export", "frieden", "gegen",
        "handel", "import", "klima", "koalition", "krieg", "krise", "land", "landes", "militär",
        "minister", "mitglied", "noten", "opposition", "parlament", "partei", "partner", "reform",
        "regierung", "schein", "schutz", "sonder", "staat", "straf", "strafe", "verfassung",
        "welt", "zentral", "zusatz",
    }
)  # fmt: skip


# Modifiers that make one particular ambiguous head political (Ostfront, Direktwahl).
MODIFIERS_FOR_HEAD: dict[str, frozenset[str]] = {
    "front": frozenset({"ost", "west", "nord", "süd", "heimat", "volks"}),
    "wahl": frozenset(
        {"direkt", "regional", "lokal", "gouverneur", "kongress", "zwischen", "präsidentschaft",
         "stich", "brief", "kommunal", "wieder", "neu", "nach"}
    ),
}  # fmt: skip
# Heads where only their own modifiers count: a Friedensprozess is a process, a Mordprozess a
# trial, though "Frieden" is political.
ONLY_OWN_MODIFIERS: dict[str, frozenset[str]] = {
    "prozess": frozenset(
        {"mord", "straf", "terror", "korruption", "betrug", "spionage", "gericht", "schau",
         "schein", "totschlag", "missbrauch", "untreue", "kriegsverbrecher", "muster"}
    ),
    # A party's or a parliamentary group's spokesperson for a field: Finanz|sprecher,
    # Wehr|sprecher, Landes|sprecherin; a Stadion|sprecher is not.
    "sprecher": frozenset(
        {"finanz", "budget", "haushalt", "wehr", "sicherheit", "verteidigung", "außen", "aussen",
         "innen", "europa", "eu", "justiz", "rechts", "sozial", "gesundheit", "bildung", "schul",
         "wissenschaft", "familie", "frau", "jugend", "umwelt", "klima", "energie", "verkehr",
         "wirtschaft", "agrar", "landwirtschaft", "kultur", "medien", "digital", "integration",
         "migration", "asyl", "menschenrecht", "entwicklung", "tourismus", "wohn", "wohnbau",
         "land", "bund", "partei", "fraktion", "klub", "vorstand", "arbeit", "pension", "renten",
         "tierschutz", "verfassung", "sport", "minderheiten", "senioren", "behinderten",
         "planung", "bau", "umweltschutz", "konsumentenschutz", "verbraucherschutz"}
    ),
}  # fmt: skip


# Modifiers that give a head its everyday sense: Öl|förderung is extraction, not public funding.
EVERYDAY_MODIFIERS_FOR_HEAD: dict[str, frozenset[str]] = {
    "förderung": frozenset(
        {"öl", "erdöl", "gas", "erdgas", "kohle", "braunkohle", "steinkohle", "rohstoff", "erz",
         "gold", "kupfer", "lithium", "uran", "wasser", "grundwasser", "sand", "kies", "früh"}
    ),
    # Privat|haushalt, Einpersonen|haushalt: a household, not a budget.
    "haushalt": frozenset(
        {"privat", "person", "einpersonen", "mehrpersonen", "zweipersonen", "single", "familie",
         "rentner", "kunde", "strom", "gas", "wärme", "wasser", "mieter"}
    ),
}  # fmt: skip


def is_everyday_for_head(head_term: str, modifier_part: str) -> bool:
    """Whether the modifier's last part gives the head its everyday sense (Öl|förderung)."""
    everyday = EVERYDAY_MODIFIERS_FOR_HEAD.get(head_term.casefold())
    if everyday is None:
        return False
    return any(stem.casefold() in everyday for stem in modifier_stems(modifier_part.capitalize()))


# First parts, as written, that make almost every compound electoral though their headword is
# short or has an everyday sense (Wahl|abend, Wahl|tag, Stimmen|verlust), with their headword.
ELECTORAL_FIRST_PARTS = {"wahl": "Wahl", "stimmen": "Stimme"}
# The everyday compounds among them, as openings: Wahlfach, Wahlheimat, Stimmengewirr.
EVERYDAY_ELECTORAL_OPENINGS = (
    "wahlfach", "wahlpflicht", "wahlheimat", "wahlverwandt", "wahlleistung", "wahlmöglich",
    "wahltarif", "wahlweise", "wahlfreiheit", "wahlarzt", "wahlärzt", "wahlonkel", "wahltante",
    "wahlmodul", "wahlkind", "wahlmenü", "stimmengewirr", "stimmenimitat", "stimmenhör",
    "stimmenvielfalt", "stimmenprofil", "stimmenerkenn",
)  # fmt: skip


_ELECTORAL_OPENINGS = frozenset(part[:4] for part in ELECTORAL_FIRST_PARTS)


def electoral_first_part(word: str) -> tuple[str, str, str] | None:
    """(first part as written, its headword, rest) when `word` opens with an electoral first
    part."""
    if word[:4].casefold() not in _ELECTORAL_OPENINGS:
        return None  # most words: one test
    folded = word.casefold()
    if folded.startswith(EVERYDAY_ELECTORAL_OPENINGS):
        return None
    for first_part, headword in ELECTORAL_FIRST_PARTS.items():
        rest = word[len(first_part) :]
        if folded.startswith(first_part) and len(rest) >= 3 and rest[:1].islower():
            return word[: len(first_part)], headword, rest[:1].upper() + rest[1:]
    return None


# Ambiguous headwords that are political all the same as the first part of a compound naming a
# role in them: Fraktionschefin, Kabinettsmitglied, Unionsspitze, Mandatsträger,
# Widerstandskämpfer (but not Widerstandsfähigkeit).
POLITICAL_FIRST_PARTS_FOR_ROLES = frozenset(
    {"fraktion", "kabinett", "kammer", "klub", "mandat", "union", "widerstand"}
)
ROLE_HEADS = (
    "chef", "vorsitz", "spitze", "sprecher", "führung", "mitglied", "kolleg", "träger", "kämpfer",
    "bewegung", "gruppe", "direktor",
)  # fmt: skip
# What follows any ambiguous headword to make a compound about policy: Pflegefinanzierung,
# Pflegereform, Lagerpolitik, Amtsgesetz.
# Bundesebene, Landesebene: the level of the federation or of a state.
POLICY_RESTS = (
    "finanzierung", "reform", "politik", "gesetz", "versicherung", "notstand", "ebene", "wechsel",
)  # fmt: skip


# The words after which a basic word is a first part of its own political sense: Rechts|lage,
# Rechts|schutz are legal, Rechts|abbieger and Recht|schreibung are not.
OWN_RESTS = {
    "vergabe": (
        "recht",
        "verfahren",
        "register",
        "stelle",
        "praxis",
        "richtlinie",
        "ordnung",
        "gesetz",
        "kriteri",
        "entscheidung",
        "sperre",
    ),
    "recht": (
        "lage",
        "schutz",
        "grundsatz",
        "anwendung",
        "streit",
        "bruch",
        "folge",
        "weg",
        "mittel",
        "beistand",
        "auffassung",
        "gutachten",
        "sicherheit",
        "ordnung",
        "system",
        "norm",
        "vorschrift",
        "verordnung",
        "akt",
        "gültig",
        "kraft",
        "frieden",
        "verletzung",
        "verstoß",
        "widrig",
        "hilfe",
        "vergleich",
        "prechung",
        "staat",
        "extrem",
        "populis",
    ),
}

# Words too basic or too general to mark on their own (annotators of real news never counted
# them): they still head compounds (Außenpolitik, Altenpflege) and are a first part only before
# a word of policy or a role, as an ambiguous headword is (Politikbild, Pflegedienst are not).
BASIC_WORDS = frozenset(
    {
        "politik",
        "pflege",
        "frieden",
        "widerstand",
        "pflicht",
        "recht",
        "vergabe",
        "förderung",
        "angriff",
        "sprecher",
    }
)


def is_ambiguous_head(term: str) -> bool:
    return term.casefold() in AMBIGUOUS_HEADS


def political_for_head(head_term: str, modifier_stem: str) -> bool | None:
    """Whether `modifier_stem` makes a compound on this ambiguous head political by the
    head's own lists; None when the general rule decides."""
    head, stem = head_term.casefold(), modifier_stem.casefold()
    if head in ONLY_OWN_MODIFIERS:
        return stem in ONLY_OWN_MODIFIERS[head]
    if stem in MODIFIERS_FOR_HEAD.get(head, ()):
        return True
    return None


def is_false_friend(word: str) -> bool:
    folded = word.casefold()
    return folded.startswith(FALSE_FRIENDS)


def modifier_stems(modifier: str) -> Iterator[str]:
    """The modifier as written and without (or with) a linking element: Bundes → Bund,
    Staaten → Staat, Straf → Strafe, Mitglieder → Mitglied."""
    yield modifier
    lowered = modifier.lower()
    for link in (*LINKING_ELEMENTS, "er"):  # "er": a plural modifier (Mitglieder|liste)
        if lowered.endswith(link) and len(modifier) - len(link) >= MIN_MODIFIER:
            yield modifier[: -len(link)]
    # Verb stems and nouns that drop their final -e in compounds (Strafzoll, Wahlkampf).
    yield modifier + "e"
    yield modifier + "en"


def is_real_modifier(modifier: str, head: str, lexicon: Lexicon) -> bool:
    """Whether `modifier` + `head` is a plausible compound rather than a look-alike."""
    shortest = MIN_MODIFIER_BEFORE_SHORT_HEAD if len(head) <= SHORT_HEAD else MIN_MODIFIER
    if len(modifier) < shortest or modifier.lower() in NOT_MODIFIERS:
        return False
    if modifier.endswith("-"):
        return False
    return any(len(stem) >= shortest and lexicon.is_word(stem) for stem in modifier_stems(modifier))


# Verb prefixes that make a noun of their own from a political one: an Einweisung is no Weisung,
# an Anweisung no directive, an Aufsicht no Sicht.
NOUN_PREFIXES = (
    "ein", "aus", "an", "ab", "auf", "be", "ver", "zu", "über", "unter", "vor", "nach", "um",
    "durch", "ent", "er", "zer", "miss", "mit", "bei", "weg", "zurück", "gegen",
)  # fmt: skip


def head_of_prefixed_noun(modifier: str, head: str, lexicon: Lexicon) -> bool:
    """Whether the head is cut from a prefixed noun at the end of the word: Krankenhaus|ein|
    weisung is a Krankenhaus + Einweisung, not a Weisung."""
    lowered = modifier.lower()
    return any(
        lowered.endswith(prefix)
        and len(lowered) > len(prefix)
        and lexicon.lemma(prefix.capitalize() + head.lower()) is not None
        for prefix in NOUN_PREFIXES
    )


def regroups_with_modifier(
    modifier: str,
    head: str,
    lexicon: Lexicon,
    is_political: Callable[[str], bool],
    frequency: Callable[[str], float],
) -> bool:
    """Whether the head's first part belongs to the modifier: Teilzeit|arbeit is part-time
    work, not Teil + Zeitarbeit (temporary agency work); Vollzeit|arbeit likewise. True when
    the modifier is no political word itself (Landtags|wahlkampf stays), the modifier with the
    head's opening is a noun of the lexicon more common than the head (Teilzeit, not the
    Kernhaus of a Kern|haushalt) and the head's rest a noun that is not political."""
    stems = list(modifier_stems(modifier))
    if any(stem.casefold() in POLITICAL_MODIFIERS or is_political(stem) for stem in stems):
        return False
    for cut in range(MIN_MODIFIER, len(head) - MIN_MODIFIER + 1):
        joined = modifier + head[:cut].lower()
        rest = head[cut:].capitalize()
        joined_lemma = lexicon.lemma(joined)
        rest_lemma = lexicon.lemma(rest)
        if joined_lemma is None or rest_lemma is None:
            continue
        if not (joined_lemma[:1].isupper() and rest_lemma[:1].isupper()) or is_political(rest):
            continue
        if frequency(joined) > frequency(head):
            return True
    return False


def head_splits(
    word: str, shortest_head: int = 3, heads: Container[str] | None = None
) -> Iterator[tuple[str, str]]:
    """(modifier, capitalised head) pairs, longest head first; with `heads` (every possible
    head as it is written inside a compound, first letter lower case), only those."""
    for cut in range(MIN_MODIFIER, len(word) - shortest_head + 1):
        head = word[cut:]
        if heads is not None and head not in heads:
            continue
        if not head[:1].isalpha() or not head[:1].islower():
            continue
        yield word[:cut], head[:1].upper() + head[1:]


def first_part_splits(word: str) -> Iterator[tuple[str, str]]:
    """(first part without linking element, rest) pairs for a political first part, longest
    first part first."""
    for cut in range(len(word) - MIN_HEAD_AFTER_FIRST_PART, MIN_POLITICAL_FIRST_PART - 1, -1):
        rest = word[cut:]
        if not rest[:1].islower():
            continue
        for stem in _without_linking(word[:cut]):
            yield stem, rest[:1].upper() + rest[1:]
    short = word[: len(SHORT_POLITICAL_FIRST_PARTS[0])]
    rest = word[len(short) :]
    if short in SHORT_POLITICAL_FIRST_PARTS and rest[:1].islower():
        yield short, rest[:1].upper() + rest[1:]


def written_first_parts(nouns: Iterable[str]) -> frozenset[str]:
    """Every way the nouns can be written as a compound's first part: as they are, with a
    linking element (Koalitions|), without a final -e (Legislativ|)."""
    written: set[str] = set()
    for noun in nouns:
        written.add(noun)
        written.update(noun + link for link in LINKING_ELEMENTS)
        if noun.endswith("e"):
            written.add(noun[:-1])
    return frozenset(written)


def may_open_with(word: str, written_first_parts: Container[str]) -> bool:
    """Whether `word` opens with one of the written first parts, a noun left after it: the
    one cheap test that rules out most words before `first_part_splits` looks closer."""
    if word.startswith(SHORT_POLITICAL_FIRST_PARTS):
        return True
    for cut in range(MIN_POLITICAL_FIRST_PART, len(word) - MIN_HEAD_AFTER_FIRST_PART + 1):
        if word[:cut] in written_first_parts:
            return True
    return False


def _without_linking(part: str) -> Iterator[str]:
    yield part
    yield part + "e"  # a noun that drops its final -e in compounds: Legislativ|vorschlag
    for link in LINKING_ELEMENTS:
        if part.endswith(link) and len(part) - len(link) >= MIN_POLITICAL_FIRST_PART:
            yield part[: -len(link)]
