"""Sense, not just string: rules for words whose political sense depends on the context.

A look-alike is better left unmarked than glossed wrongly, so each rule says when the political
sense is *not* meant, from the words around it:

- **Land** (Landes, Länder, Ländern) is a German or Austrian federal state only next to the
  federal vocabulary of its paragraph (Bund, Bundesland, Landtag, Landesregierung, "Bund und
  Länder", a state's name or capital), or in an article about state or local politics (one that
  names a Landtag, a Landesregierung, a Bundesland …; not a Ministerpräsident, whom other
  countries have too). After a possessive or "ganzen", "vielen" ("in unserem Land"), and
  otherwise ("das Land verlassen", "viele Länder Afrikas"), it means a country and is not
  marked; "anderen Länder" are states only beside a state's name ("Nur Wien und Tirol blieben,
  alle anderen Länder …"), countries otherwise; "auf dem Land" is the countryside.
- **Berufung** in "unter Berufung auf" means citing a source, not a legal appeal.
- **Abstimmung** "zwischen" partners, or "in/nach/enger Abstimmung (mit)", is coordination, not a
  vote.
- **Partei** in "Partei ergreifen" is taking sides.
- **Haushalte**, **Haushalten** (plural) are households; a budget is "der Haushalt", but not
  "im selben/gleichen/eigenen Haushalt" (living together) or "200 Euro pro Haushalt".
- **Unabhängigkeit** "finanzielle/wirtschaftliche/persönliche" is a person's independence.
- **wählen** is voting only in a sentence about an election, a party, a candidate or an office,
  or as "das Recht zu wählen" ("Man kann diesen Ausgangspunkt wählen" is choosing).
- **Mehrheit der/des …** is a majority that votes only of voters, members, seats or judges
  ("die Mehrheit der Abgeordneten", "der übrigen 13 Richter"); "die Mehrheit der
  Beschäftigten" is most of them.
- **Stimme(n)** after "prominente", "kritische", "warnende" … are voices. Otherwise they
  are a vote only in a sentence about votes (numbers, Prozent, Wahl, Wähler, Mehrheit,
  erhalten/gewinnen/verlieren …) or as "mit den Stimmen von/der …"; "prominente Stimmen
  warnen" are voices.
- **stimmen** is voting only with "für", "gegen", "dafür", "dagegen", "mit Ja/Nein" in its
  sentence ("Die Abgeordneten stimmten gegen den Antrag"); "das stimmt" is not.
- **Bewegung** is a political movement only in a sentence about one (Protest, Aktivisten,
  Partei, Anhänger, soziale/politische …); "in Bewegung", "Bewegung in (die Verhandlungen)" and
  "die Bewegungen aller Individuen" are motion.
- **Ausstieg** is a phase-out or a withdrawal only when it is "aus" something political in its
  sentence (Kohle, Atomkraft, a treaty, the EU …), not getting off a bus.
- **Wahl** is a choice, not an election, after a possessive ("Algorithmen ihrer Wahl", "nach
  eigener Wahl") and in "keine Wahl", "die Wahl haben", "erste Wahl".
- **Prozess**, **Verfahren** and **Revision** are a trial, legal proceedings and an appeal on
  points of law only in a sentence (or an article) about courts ("der Prozess gegen …",
  "Die Revision des Beklagten"); otherwise a process, a method, a revised edition. In an
  article about courts, "am demokratischen Prozess" and "der Prozess der Ausarbeitung" are
  still processes.
- **Botschaft** is an embassy after a nationality ("die italienische Botschaft"), before "in"
  or beside diplomats and visas; otherwise a message.
- **Sitz** is a seat in parliament or of an authority only in a sentence about votes, parties or
  institutions; a car's seats are not, nor is an authority's "mit Sitz in Wien" (its
  headquarters).
- **Angriff auf** something abstract ("ein Angriff auf die Menschenwürde, die Demokratie") is
  an attack in words, not an armed one.
- **Herrschaft** lost over a car ("verlor die Herrschaft über seinen Wagen") is control, the
  phrase of Swiss police reports.
- A Roman numeral (**IV**, the Swiss disability insurance) numbering a chapter ("IV.") or after
  a name ("Karl IV") is a number.
- **links**, **rechts** and **grün** (linke, rechten, grüne …) are sides of politics only
  before a political noun ("linke Parteien", "die rechte Szene", "eine grüne Ministerin"),
  after "politisch" or in "links der Mitte"; a left hand, a right lane and a green meadow are
  not.
- **Ampel** is the red-yellow-green coalition only in an article about parties or government;
  a food label's Ampel is a traffic light.
- **Pirat**, **Piraten** are members of the Pirate Party only in an article that names the
  Piratenpartei; otherwise they are pirates.
- **Asyle**, **Asylen** (plural) are asylums, institutions; political asylum has no plural.
- **Politik** and **Frieden** alone are words every learner knows (`compounds.BASIC_WORDS`);
  their compounds (Außenpolitik, Klima-Politik, Friedensvertrag) are marked.
- **abstimmen** is voting only "über" something ("Der Bundestag stimmt über das Gesetz ab") or
  in a sentence naming the body that votes ("im Parlament abzustimmen"); "mit den Ländern
  abgestimmt" is coordinated. **Abstimmungen** (plural) "in Abstimmungen" are votes.
- **antreten** is standing for election or taking up an office only in a sentence about
  elections, candidates or offices ("Zwölf Parteien traten zur Wahl an", "das Amt antreten");
  a team "tritt gegen Bayern an", a journey is "angetreten".
- **Verbs with an everyday sense** (verhängen, aufheben, auflösen, entlassen, billigen,
  annehmen, verwerfen, beantragen, besetzen, zurückweisen, kippen, aussetzen, sondieren) are
  political only in a sentence with a word of their political use: "Die EU verhängte
  Sanktionen", "Der Antrag wurde angenommen", "an der Grenze zurückweisen"; not "Man kann
  annehmen", "Die Toilette war besetzt". **verabschieden** passes a law, a budget, a
  resolution …; "die Bundesräte werden verabschiedet" are bidden farewell. **enthalten** is
  abstaining only with "sich" ("Die Linke enthielt sich").
- **schwarz**, **rot**, **blau**, **türkis** are parties' colours only before a political noun
  ("eine schwarze Landesregierung") or after "wurde", "bleibt" … in a sentence about an election
  ("Salzburg wurde wieder schwarz"); "schwarze Zahlen" and "blaue Augen" are colours. "Die
  Blauen" are the FPÖ, "das Blaue vom Himmel" and "ins Blaue" are not.
- "die Grüne Mark" is Styria, not the Greens; "konservativ gerechnet" is cautious, not
  conservative.
- **Vorlage** is a bill only in a sentence about a parliament or a vote ("Der Bundesrat legt
  dem Parlament die Vorlage vor"), not a model to copy. **Anzeige** is a criminal complaint only
  beside the law ("Anzeige gegen …"), not an advertisement. **neutral** is a state's neutrality
  only beside states, alliances or war ("Österreich ist neutral").
- **ablehnen**, **mehrheitlich**, **Auflösung**, **Verabschiedung** and **Liste** need their
  political context too: a parliament or voters rejecting ("Der Nationalrat lehnte den Antrag
  ab", not "Wir lehnen eine Maut ab"), a decision by majority (not "mehrheitlich bewohnt"), a
  parliament dissolved, a law passed, a list of candidates. **Sitz** counts seats also beside
  a party's abbreviation ("Die Lega hält zwei Sitze").
- Colours as nouns are parties after an article in a sentence about an election ("die Roten
  verloren"); "das Rote Kreuz" is not.
- **Bescheid** is an authority's decision only beside an authority ("der Bescheid des
  Finanzamts", not "Bescheid wissen"); **anzeigen** is reporting to the police only beside the
  law; a **Sprecher** is marked only as a party's spokesperson for a field (Finanzsprecher);
  **zurückrufen** is recalling an ambassador, **abweisen** a court dismissing a case.
- **Abzug** is a withdrawal of troops only beside armed forces.
- **Einsatz** and **Mission** are missions of armed forces or international bodies only in a
  sentence about them ("der Einsatz der Bundeswehr in Mali"); **Grundversorgung** is the care
  for asylum seekers only beside asylum; **Jamaika** is the coalition only in an article about
  parties.
- **Initiative** is a popular initiative only in an article about popular votes (one naming a
  Volksinitiative, a Volksabstimmung, the Stimmvolk …), never "auf eigene Initiative".
- **Mitte** is the Swiss party in a sentence about parties or seats ("Die Mitte gewinnt zwei
  Sitze"), not "in der Mitte", "links der Mitte" or "die Mitte der Gesellschaft".
- **War words used as metaphors** (Front, Fronten, Munition, Offensive, Schlacht, Kampf …) are
  marked only in an article that speaks of war or the military (Krieg, Armee, Truppen,
  Soldaten, Angriff …): "Die Fronten sind verhärtet" in a budget dispute is not a battle line,
  nor is an authority "unter Beschuss" (in a sentence that does not speak of war).
- **Erkenntnis** is an Austrian high court's ruling ("das Erkenntnis des VfGH") only beside a
  court, never after "die" (an insight) or as investigators' findings; **Aufhebung** is a
  repeal beside a law, a ruling or a ban. **Defizit** is not "ein Defizit an Vertrauen", and
  "Defizite" are budget deficits only beside public finances (not "Defizite in der Bildung").
  **Republik** is not glossed inside a country's name ("die Tschechische Republik", "die
  Republik Polen"); a **Zeuge** is no "stummer Zeuge der Geschichte"; "in der **Stimme**" is a
  voice, "grünes Licht" a go-ahead.
- **Party abbreviations** stand for the party of the country an article is about (told by words
  only its news uses: ÖVP, Landeshauptmann; SVP, Ständerat; CDU, Bundestag): "SP" in Austrian
  news is the SPÖ, "FDP" in Swiss news is FDP.Die Liberalen, "Lega" the Lega dei Ticinesi.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from reader.glossary import compounds
from reader.glossary.entries import GlossaryEntry
from reader.language.tokens import Tokens

_STATE_CAPITALS = (
    "Stuttgart|München|Potsdam|Wiesbaden|Schwerin|Hannover|Düsseldorf|Mainz|Saarbrücken|"
    "Dresden|Magdeburg|Kiel|Erfurt|Eisenstadt|Klagenfurt|St. Pölten|Linz|Graz|Innsbruck|Bregenz"
)
# Cues that make a whole article one about votes of the people: there an Initiative is one.
_DIRECT_DEMOCRACY = re.compile(
    r"Volksinitiative|Volksabstimmung|Volksbegehren|Abstimmungssonntag|Stimmvolk|"
    r"Stimmbevölkerung|Stimmberechtigte|Gegenvorschlag|Initiativkomitee|Initianten"
)
# Cues that make a whole article one about state or local politics.
_STATE_POLITICS = re.compile(
    r"\b(?:Landtag|Landesregierung|Landesminister|Bundesl[aä]nd|Landeshauptm|Länderkammer|"
    r"Staatskanzlei|Landesparlament|Landeshauptstadt|Landesinnenminist)"
)
_FEDERAL_CONTEXT = re.compile(
    r"\b(?:Bund(?:es)?\b|Bundesl[aä]nd|Landtag|Landesregierung|Landeshauptm|Landesr[aä]t|"
    r"Ministerpräsident|Länderkammer|Bundesrat|föderal|Freistaat|Stadtstaat|"
    r"Baden-Württemberg|Bayern|Brandenburg|Bremen|Hamburg|Hessen|"
    r"Mecklenburg-Vorpommern|Niedersachsen|Nordrhein-Westfalen|Rheinland-Pfalz|Saarland|"
    r"Sachsen|Schleswig-Holstein|Thüringen|Burgenland|Kärnten|Niederösterreich|"
    r"Oberösterreich|Salzburg|Steiermark|Tirol|Vorarlberg|Kommunen?\b|Landkreis|"
    + _STATE_CAPITALS
    + ")"
)
# Words before "Land" that make it a country: a possessive, "ganzen", "fremden" …
_COUNTRY_BEFORE_LAND = (
    "unser", "euer", "eur", "ihr", "sein", "mein", "dein", "ganz", "fremd", "eigen", "viel",
    "arm", "reich", "welch", "verschieden", "mehrer", "zahlreich", "eines", "einem", "einen",
)  # fmt: skip
# … and "anderen", "jedem", "einigen": countries, unless a state is named beside them ("Nur
# Wien und Niederösterreich blieben, alle anderen Länder bekamen neue Koalitionen").
_OTHER_BEFORE_LAND = ("ander", "jed", "einig")
# "in europäischen Ländern", "eines afrikanischen Landes": countries of a region.
_REGION_ENDINGS = ("ischen", "ische", "ischer", "isches")
_FEDERAL_STATE_FORMS = frozenset({"Land", "Landes", "Lande", "Länder", "Ländern"})

# "Glaubenskrieg", "Handelskrieg" and their like are no war: they do not make an article one.
_WAR_CONTEXT = re.compile(
    r"(?i:(?<!glaubens)(?<!kultur)(?<!preis)(?<!rosen)(?<!handels)(?<!zoll)(?<!wirtschafts)"
    r"(?<!medien)krieg|armee|truppe|soldat|militär|streitkr|waffe|kämpfe|gefecht|panzer|rakete|"
    r"drohne|angriff|beschuss|bombard|invasion|besatz|nato|bundeswehr|front(?:linie|abschnitt)|"
    r"rüstung|verteidigung|brigade|manöver|stationier|anschlag|attentat|terroris|geisel)"
)
_PARTY_POLITICS = re.compile(
    r"Koalition|SPD|FDP|Grüne|CDU|CSU|ÖVP|NEOS|Regierung|Kanzler|Bundestag|Landtag|Nationalrat"
)
_PIRATE_PARTY = re.compile(r"Piratenpartei|PIRATEN|Piraten-Fraktion")
_WAR_METAPHORS = frozenset(
    {"front", "munition", "offensive", "schlacht", "kampf", "angriff", "gegenoffensive",
     "frontlinie", "stellungskrieg", "feldzug", "terror", "überfall", "abrüsten", "aufrüsten"}
)  # fmt: skip

_CITING = frozenset({"berufung"})
_COORDINATION = frozenset({"abstimmung"})
_TAKING_SIDES = frozenset({"partei"})
_VOTE_WORDS = frozenset({"für", "gegen", "dafür", "dagegen", "ja", "nein", "enthielten"})
_SHARED_HOME = ("selb", "gleich", "eigen", "ein", "gemeinsam")
_PERSONAL = ("finanziell", "wirtschaftlich", "persönlich", "materiell", "emotional")
_ELECTION_CONTEXT = re.compile(
    r"(?i:wahl|wähler|partei|kandid|stimme|mehrheit|bundestag|landtag|parlament|präsident|"
    r"kanzler|bürgermeister|abgeordnet|rat\b|räte|vorsitz|regierung|volk|bürger|urne|"
    r"sonntag|liste|mandat|amt)"
)
_VOTING_ON = frozenset({"über", "darüber", "worüber"})
# Where abstimmen is voting even without "über": "im Parlament abzustimmen".
_VOTING_BODIES = frozenset({"parlament", "bundestag", "nationalrat", "landtag", "plenum", "volk"})
_COORDINATED_WITH = frozenset({"mit", "untereinander", "aufeinander"})
_HOUSEHOLDS = ("Haushalte", "Haushalten", "haushalte", "haushalten")
_PER_HOUSEHOLD = frozenset({"pro", "je", "jeden", "jedem", "jeder", "durchschnittlichen"})


# Stems of court words, kept from look-alikes: -schaft (Gesellschaft), gerichtet, Berichterstatter,
# beurteilen, beklagen, überzeugen, Flugzeug, Verteidigungsminister.
_LEGAL_CONTEXT = re.compile(
    r"(?i:gericht(?!et)|(?<!be)richter|angeklagt|anklage|staatsanwalt|(?<!be)urteil|verteidiger|"
    r"\bzeug(?!nis)|augenzeug|kronzeug|verurteil|freispruch|freigesprochen|schöffen|kläger|"
    r"(?<!be)klage|beklagt|justiz|ermittl|strafe|straf|(?<!sc)haft|senat|bgh|instanz|berufung|"
    r"§|paragra|mord|betrug|korruption|untreue|prozesstag|bvwg|vwgh|vfgh|\bogh\b)"
)
_EMBASSY_CONTEXT = re.compile(r"(?i:botschafter|diplomat|konsul|außenminist|auswärtig|visum|visa)")
_SEAT_CONTEXT = re.compile(
    r"\d|^[A-ZÄÖÜ]{2,5}$|(?i:prozent|wahl|wähl|mehrheit|mandat|parlament|partei|fraktion|"
    r"koalition|regierung|ministerium|behörde|gericht|kommission|organisation|vereinte|verwaltung|"
    r"gewinn|gewann|verlier|verlor|holt|hält|erobert|einbüß|büßt|nationalrat|ständerat|"
    r"landtag|staatsrat|regierungsrat|rat\b)"
)
_MEASURES = (
    r"sanktion|strafe|embargo|sperre|notstand|ausnahmezustand|kriegsrecht|zoll|zölle|verbot|"
    r"haft|bußgeld|geldbuße|moratorium|blockade|beschränkung|maßnahme"
)
_BODIES = (
    r"parlament|bundestag|bundesrat|nationalrat|ständerat|landtag|kantonsrat|grosse[nr]? rat|"
    r"kabinett|ausschuss|kommission|fraktion|abgeordnet|plenum|kammer|gemeinderat|stadtrat"
)
_PROPOSALS = (
    r"antrag|anträge|resolution|initiative|vorlage|gesetz(?!t)|entschließung|referendum|abstimmung|"
    r"stimmvolk|stimmbevölkerung|stimmberechtigt|stimmbürger|wähler|volk\b|mehrheit|stimmen\b|"
    r"prozent|haushalt|budget|vertrag|abkommen|paket|reform"
)
# A bill or a proposal put to a vote (die Vorlage des Bundesrates), not a model to copy.
_BODIES_AND_VOTES = (
    rf"{_BODIES}|regierung|abstimm|stimm|volk|urne|gesetz(?!t)|annahme|angenommen|abgelehnt|"
    r"verworfen|beraten|verabschied|referendum|initiative"
)
# A neutral state: "Österreich ist neutral", "neutrale Staaten", not a neutral wording.
_NEUTRALITY_CONTEXT = re.compile(
    r"^(?i:neutralität|staat|österreich|schweiz|nato|bündnis|militär|armee|krieg|sanktion|"
    r"beitritt|allianz|sicherheitspolitik|außenpolitik|aussenpolitik)"
)  # at a word's start: "Netzneutralität" is no state's
# A list of candidates, not a shopping list.
_ELECTION_LIST_CONTEXT = re.compile(
    r"^[A-ZÄÖÜ]{2,5}$|(?i:wahl|wähl|kandid|partei|platz|mandat|sitz|stimme|gemeinderat|"
    r"landtag|nationalrat|antr[ei]t|tritt|trat|spitzenkandid|listen)"
)
# A mission of armed forces or of an international body, not an effort or a fire brigade's.
_MILITARY_MISSION = re.compile(
    r"^(?:UN|UNO|EU|Nato|NATO|OSZE|KFOR|UNIFIL|MINUSMA)$|(?i:bundeswehr|bundesheer|soldat|"
    r"truppe|mandat|militär|armee|streitkräfte|blauhelm|marine|luftwaffe|kampf|bewaffnet|"
    r"auslands|verteidigungsminist|friedens|beobachter)"
)
# Care for asylum seekers (Austria's Grundversorgung), not basic supply of electricity.
_ASYLUM_CONTEXT = re.compile(
    r"(?i:asyl|flüchtling|geflüchtet|schutzsuchend|vertrieben|vertriebene|quartier|unterbring|"
    r"fremdenrecht|migrant|schutzberechtigt)"
)
# An authority's decision, not "Bescheid wissen".
_AUTHORITY_CONTEXT = re.compile(
    r"(?i:behörde|amt\b|ämter|amts|finanzamt|bfa|bamf|asyl|beschwerde|erlass|zugestellt|"
    r"ausgestellt|rechtskräftig|abgelehnt|negativ|positiv|bescheinigt|ministerium|magistrat|"
    r"bezirkshauptmannschaft|gericht|einspruch|gebühr|steuer|leistung)"
)
# An Austrian high court's ruling ("das Erkenntnis des VfGH"), not an insight or the findings
# of investigators ("nach Erkenntnissen der Ermittler").
_HIGH_COURT_RULING = re.compile(
    r"(?i:vfgh|vwgh|gerichtshof|höchstgericht|verfassungsgericht|verwaltungsgericht|"
    r"aufgehoben|verfassungswidrig|gesetzwidrig|richter)"
)
# The party-aligned groups on the ORF's board and others like it, not a circle of friends.
_BOARD_FACTIONS = re.compile(
    r"(?i:orf|stiftungsrat|aufsichtsrat|publikumsrat|partei|övp|spö|fpö|neos|türkis|rot|"
    r"schwarz|blau|grün|bürgerlich|sozialdemokrat)"
)
# Ambiguous words whose political sense needs a cue in their sentence, or one of the words
# that may follow them ("der Prozess gegen …"); a trial also in an article about courts.
_SENSE_CUES: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {
    "Prozess": (_LEGAL_CONTEXT, ("gegen", "um", "wegen")),
    "Verfahren": (_LEGAL_CONTEXT, ("gegen", "wegen")),
    "Revision": (_LEGAL_CONTEXT, ("gegen", "ein")),
    "Botschaft": (_EMBASSY_CONTEXT, ("in",)),
    "Sitz": (_SEAT_CONTEXT, ()),
    "Vorlage": (re.compile(rf"(?i:{_BODIES_AND_VOTES})"), ()),
    "Anzeige": (_LEGAL_CONTEXT, ("gegen", "wegen", "erstattet", "erstatten")),
    "neutral": (_NEUTRALITY_CONTEXT, ()),
    "Liste": (_ELECTION_LIST_CONTEXT, ()),
    "Einsatz": (_MILITARY_MISSION, ()),
    "Mission": (_MILITARY_MISSION, ()),
    "Grundversorgung": (_ASYLUM_CONTEXT, ()),
    "Abzug": (_MILITARY_MISSION, ()),
    "Bescheid": (_AUTHORITY_CONTEXT, ()),
    "Erkenntnis": (_HIGH_COURT_RULING, ()),
    "Verteidiger": (_LEGAL_CONTEXT, ()),
    "Bewerber": (_ELECTION_CONTEXT, ()),
    "Freundeskreis": (_BOARD_FACTIONS, ()),
}
_LEGAL_ARTICLE = 6  # legal cues that make a whole article one about courts
# The Swiss party Mitte, beside other parties or seats ("Die Mitte gewinnt zwei Sitze").
_PARTY_CONTEXT = re.compile(
    r"^(?:SVP|SP|FDP|GLP|CVP|BDP|EVP|EDU|SPD|CDU|ÖVP|SPÖ)$|(?i:grüne|grünliberal|partei|"
    r"fraktion|sitz|wähler|nationalrat|ständerat|bundesrat|parole|prozent)"
)

# Nouns of those verbs, with their cues: "die Auflösung des Landtags", not of a screen.
_NOUNS_OF_VERBS = {
    "Auflösung": "auflösen",
    "Verabschiedung": "verabschieden",
    "Aufhebung": "aufheben",
}
# A verb with an everyday sense is political only in a sentence with one of these words:
# "Die EU verhängte Sanktionen", not "ein verhängter Himmel"; "Der Antrag wurde angenommen",
# not "Man kann annehmen, dass …".
_VERB_CUES: dict[str, re.Pattern[str]] = {
    "verhängen": re.compile(rf"(?i:{_MEASURES})"),
    "aufheben": re.compile(
        rf"(?i:{_MEASURES}|gesetz(?!t)|urteil|immunität|haftbefehl|pflicht|verordnung|beschluss|"
        r"wahl|ergebnis|regelung|bestimmung|vfgh|gerichtshof|höchstgericht|gericht)"
    ),
    # "Der Nationalrat lehnte den Antrag ab"; "Wir lehnen eine Maut ab" is a stance.
    "ablehnen": re.compile(
        rf"(?i:{_BODIES}|stimmvolk|stimmbevölkerung|stimmberechtigt|stimmbürger|stimmen\b|"
        r"mehrheit|votum|abstimmung)"
    ),
    "genehmigen": re.compile(
        rf"(?i:{_BODIES}|{_PROPOSALS}|regierung|behörde|ministerium|export|lieferung|rüstung)"
    ),
    "anzeigen": re.compile(
        r"(?i:polizei|staatsanwalt|wksta|amtsmissbrauch|betrug|untreue|korruption|verdacht|"
        r"wegen|strafrecht|delikt|verleumdung|beleidigung)"
    ),
    "abweisen": re.compile(r"(?i:gericht|klage|beschwerde|antrag|berufung|revision|richter|vfgh)"),
    "zurückrufen": re.compile(r"(?i:botschafter|diplomat|gesandt|konsul)"),
    "konstituieren": re.compile(rf"(?i:{_BODIES}|sitzung|versammlung|gremium|gemeinderat)"),
    "ermitteln": re.compile(
        r"(?i:staatsanwalt|polizei|ermittl|wksta|bundesanwalt|verdacht|korruption|untreue|"
        r"betrug|anzeige|gegen|beschuldigt|verfahren|kripo|lka|bka)"
    ),
    "auflösen": re.compile(
        rf"(?i:{_BODIES}|koalition|regierung|partei|versammlung|demonstration|kundgebung|"
        r"protest|miliz|neuwahl|organisation|verein)"
    ),
    "entlassen": re.compile(
        r"(?i:minister|präsident|kanzler|amt\b|amtes|haft|gefängnis|kabinett|regierung|"
        r"staatssekretär|general|botschafter|beamt|richter|staatsanwalt|häftling|gefangen)"
    ),
    "billigen": re.compile(rf"(?i:{_BODIES}|{_PROPOSALS}|regierung|rat\b)"),
    "annehmen": re.compile(rf"(?i:{_BODIES}|{_PROPOSALS})"),
    "verwerfen": re.compile(
        rf"(?i:{_BODIES}|{_PROPOSALS}|gericht|klage|beschwerde|revision|einspruch)"
    ),
    "beantragen": re.compile(
        rf"(?i:{_BODIES}|verbot|asyl|untersuchung|misstrauen|abstimmung|gericht|staatsanwalt|"
        r"auslieferung|mitgliedschaft|beitritt|visum|einbürgerung|staatsbürgerschaft|"
        r"sondersitzung|immunität|verfahren)"
    ),
    "besetzen": re.compile(
        r"(?i:gebiet|truppe|armee|militär|soldat|territor|krim|westjordanland|golan|panzer|"
        r"kämpfer|rebell|miliz|besatzung|krieg|annex|aktivist|demonstrant|protest)"
    ),
    # "Der Bundestag verabschiedete das Gesetz"; "Die Bundesräte werden verabschiedet" are
    # bidden farewell.
    "verabschieden": re.compile(
        rf"(?i:{_PROPOSALS}|richtlinie|verordnung|programm|strategie|erklärung|beschluss|"
        r"entwurf|papier|charta|verfassung|konzept|leitlinie|agenda|maßnahme|regel|novelle|"
        r"etat|kompromiss|satzung|plan|rahmen|sanktion|statut|änderung)"
    ),
    # "Das Verfassungsgericht kippte das Gesetz"; not "die Stimmung kippt".
    "kippen": re.compile(
        r"(?i:gericht|vfgh|vwgh|eugh|richter|karlsruhe|gesetz(?!t)|verordnung|regelung|verbot|"
        r"urteil|beschluss|bestimmung|paragraf|klausel|mietendeckel|wahlrecht)"
    ),
    # "Die Wehrpflicht wurde ausgesetzt"; not "einer Gefahr ausgesetzt".
    "aussetzen": re.compile(
        r"(?i:wehrpflicht|wehrdienst|abschiebung|familiennachzug|verfahren|sanktion|zahlung|"
        r"vertrag|abkommen|mitgliedschaft|verhandlung|schengen|visa\b|visum|vollstreckung|"
        r"gesetz(?!t)|asyl|einreise|militärhilfe|finanzhilfe|waffenlieferung|anpassung|"
        r"erhöhung|pension|rente)"
    ),
    # "ÖVP und SPÖ sondieren"; not a doctor sounding a wound.
    "sondieren": re.compile(
        r"(?i:koalition|regierung|partei|fraktion|övp|spö|fpö|neos|spd|cdu|csu|fdp|grüne|"
        r"union\b|bsw|afd|linke|svp|kanzler|verhandl)"
    ),
    "zurückweisen": re.compile(
        r"(?i:grenze|asyl|migrant|flüchtling|schutzsuchend|geflüchtet|einreise|antrag|klage|"
        r"beschwerde|berufung|einspruch)"
    ),
}


# Words only the news of one country uses, which tell whose politics an article is about.
_COUNTRY_MARKERS = {
    "AT": re.compile(r"\b(?:ÖVP|SPÖ|FPÖ|NEOS|Landeshauptmann|Landeshauptfrau|Klubobmann)\b"),
    "CH": re.compile(r"\b(?:SVP|Ständerat|Ständerätin|Bundesrätin|Kantons?rat|Stimmvolk)\b"),
    "DE": re.compile(r"\b(?:CDU|CSU|SPD|Bundestag|Bundestags|Ministerpräsident\w*)\b"),
}
# Party names and abbreviations that stand for another country's party in that country's news:
# in Austria's press "SP" is the SPÖ, in Switzerland's "FDP" is FDP.Die Liberalen and "Lega"
# the Lega dei Ticinesi.
_NATIONAL_TERMS = {
    ("SP", "AT"): "Sozialdemokratische Partei Österreichs",
    ("FDP", "CH"): "FDP.Die Liberalen",
    ("Lega", "CH"): "Lega dei Ticinesi",
}
_NATIONAL_WORDS = frozenset(word for word, _ in _NATIONAL_TERMS)


def national_term(word: str, article: ArticleContext) -> str | None:
    """The headword a party's name stands for in the country the article is about, when it
    differs from the glossary's ("SP" in Austrian news is the SPÖ, not the Swiss SP)."""
    if word not in _NATIONAL_WORDS:
        return None  # most words: one test
    country = article.country
    return _NATIONAL_TERMS.get((word, country)) if country else None


class ArticleContext:
    """What the whole article says about the senses of its words (found out only when a word
    that needs it is met: most paragraphs have none)."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self._paragraphs = paragraphs

    def _mentions(self, pattern: re.Pattern[str]) -> bool:
        return any(pattern.search(paragraph) for paragraph in self._paragraphs)

    @functools.cached_property
    def country(self) -> str | None:
        """The country whose politics the article is about, by the words only its news uses;
        None when no country or more than one has them."""
        found = [country for country, words in _COUNTRY_MARKERS.items() if self._mentions(words)]
        return found[0] if len(found) == 1 else None

    @functools.cached_property
    def state_politics(self) -> bool:
        return self._mentions(_STATE_POLITICS)

    @functools.cached_property
    def direct_democracy(self) -> bool:
        return self._mentions(_DIRECT_DEMOCRACY)

    @functools.cached_property
    def legal(self) -> bool:
        found = 0
        for paragraph in self._paragraphs:
            found += len(_LEGAL_CONTEXT.findall(paragraph))
            if found >= _LEGAL_ARTICLE:
                return True
        return False

    @functools.cached_property
    def war(self) -> bool:
        return self._mentions(_WAR_CONTEXT)

    @functools.cached_property
    def party_politics(self) -> bool:
        return self._mentions(_PARTY_POLITICS)

    @functools.cached_property
    def pirate_party(self) -> bool:
        return self._mentions(_PIRATE_PARTY)


def keeps(
    entry: GlossaryEntry, text: str, tokens: Tokens, position: int, article: ArticleContext
) -> bool:
    """Whether the word at `position` of `text` is meant in the entry's political sense."""
    term = entry.term.casefold()
    word = tokens.texts[position]
    if _ROMAN_NUMERAL.fullmatch(word) and _is_a_number(text, tokens, position):
        return False
    if entry.term == "Land" and word in _FEDERAL_STATE_FORMS:
        previous = _previous(tokens, position)
        if previous.startswith(_COUNTRY_BEFORE_LAND) or previous.endswith(_REGION_ENDINGS):
            return False  # "in unserem Land", "in europäischen Ländern": a country
        if _is_countryside(tokens, position):
            return False  # "auf dem Land", "aufs Land": the countryside
        start, end = tokens.starts[position], tokens.ends[position]
        if previous.startswith(_OTHER_BEFORE_LAND):
            return _federal_context(text, start, end)  # "aus anderen Ländern": countries
        return article.state_politics or _federal_context(text, start, end)
    if term in _CITING:
        return _previous(tokens, position) != "unter"
    if term in _COORDINATION and word.startswith("Abstimmung"):
        return not _is_coordination(tokens, position)
    if entry.term == "Haushalt" and word.endswith(_HOUSEHOLDS):
        return False
    if entry.term == "Haushalt" and _previous(tokens, position).startswith(_SHARED_HOME):
        return False
    if entry.term == "Haushalt" and _previous(tokens, position) in _PER_HOUSEHOLD:
        return False  # "200 Euro pro Haushalt": a household
    if entry.term == "Unabhängigkeit" and _previous(tokens, position).startswith(_PERSONAL):
        return False
    if entry.term in _DIRECTIONS and entry.source == "glossary":
        return _is_political_direction(tokens, position)
    if entry.term in _PARTY_COLOURS and entry.source == "glossary":
        return _is_party_colour(tokens, position)
    if term == "initiative" and entry.source == "glossary" and word.startswith("Initiative"):
        if _previous(tokens, position).startswith("eigen"):
            return False  # "auf eigene Initiative"
        return article.direct_democracy
    if term == "mitte" and entry.source == "glossary" and word == "Mitte":
        return _is_party_mitte(tokens, position)
    if entry.term == "mehrheitlich" and entry.source == "glossary":
        return _is_majority_decision(tokens, position)
    if entry.term == "Grüne" and _next(tokens, position) in ("mark", "licht"):
        return False  # "die Grüne Mark" is Styria; "Grünes Licht" is a go-ahead
    if entry.term == "konservativ" and _next(tokens, position).startswith(_RECKONING):
        return False  # "konservativ gerechnet": cautiously
    if entry.term == "Blaue" and _previous(tokens, position) in ("das", "ins", "im", "vom"):
        return False  # "das Blaue vom Himmel versprechen", "eine Fahrt ins Blaue"
    if entry.term == "wählen":
        return _is_right_to_vote(tokens, position) or _sentence_matches(
            tokens, position, _ELECTION_CONTEXT
        )
    if entry.term == "abstimmen":
        return _in_sentence(tokens, position, _VOTING_ON) or (
            _in_sentence(tokens, position, _VOTING_BODIES)
            and not _in_sentence(tokens, position, _COORDINATED_WITH)
        )
    if entry.term == "stimmen":
        return _in_sentence(tokens, position, _VOTE_WORDS)
    if entry.pos == "verb" and entry.term in _VERB_CUES and entry.source == "glossary":
        return _sentence_matches(tokens, position, _VERB_CUES[entry.term])
    if entry.term in _NOUNS_OF_VERBS and entry.source == "glossary" and _is_bare_form(entry, word):
        return _sentence_matches(tokens, position, _VERB_CUES[_NOUNS_OF_VERBS[entry.term]])
    if term in compounds.BASIC_WORDS and entry.source == "glossary" and "-" not in word:
        return False
    if entry.term == "Bewegung" and word.startswith("Bewegung"):
        if "in" in (_previous(tokens, position), _next(tokens, position)):
            return False
        return _sentence_matches(tokens, position, _MOVEMENT_CONTEXT)
    if entry.term == "Ausstieg" and word.startswith("Ausstieg"):
        return _next(tokens, position) == "aus" and _sentence_matches(
            tokens, position, _EXIT_CONTEXT
        )
    if entry.term == "Sitz" and word == "Sitz" and _previous(tokens, position) == "mit":
        return _next(tokens, position) not in ("in", "im")  # "eine Behörde mit Sitz in Wien"
    if entry.term == "Erkenntnis" and _previous(tokens, position) in _FEMININE_DETERMINERS:
        return False  # "die Erkenntnis, dass …": an insight (the ruling is "das Erkenntnis")
    if entry.term == "Republik" and word == "Republik" and _names_a_country(tokens, position):
        return False  # "die Tschechische Republik", "die Republik Polen": a name
    if entry.term == "Defizit" and word.startswith("Defizit"):
        if _next(tokens, position) == "an":
            return False  # "ein Defizit an Vertrauen": a lack
        if word in ("Defizite", "Defiziten"):  # "Defizite in der Demokratie": shortcomings
            return _sentence_matches(tokens, position, _PUBLIC_FINANCES)
    if entry.term == "Lager" and word == "Lager" and _previous(tokens, position) == "auf":
        return False  # "auf Lager": in stock
    if entry.term == "Zoll" and word == "Zoll" and _previous(tokens, position)[:1].isdigit():
        return False  # "ein Bildschirm mit 15 Zoll": inches
    if entry.term == "Zeuge" and _previous(tokens, position).startswith("stumm"):
        return False  # "ein stummer Zeuge der Geschichte"
    if entry.term in _SENSE_CUES and entry.source == "glossary" and _is_bare_form(entry, word):
        return _has_cue(entry.term, tokens, position, article)
    if (
        entry.term == "Angriff"
        and word.startswith("Angriff")
        and _attacks_an_idea(tokens, position)
    ):
        return False
    if entry.term == "Herrschaft" and _in_sentence(tokens, position, _LOSING):
        return False
    if entry.term == "Asyl" and word in ("Asyle", "Asylen"):
        return False
    if entry.term == "Wahl" and word == "Wahl":
        return not _is_choice(tokens, position)
    if entry.term == "antreten":
        return _sentence_matches(tokens, position, _CANDIDACY_CONTEXT)
    if entry.term == "Stimme" and word in ("Stimme", "Stimmen"):
        if _previous(tokens, position).startswith(_VOICES_BEFORE):
            return False  # "prominente Stimmen warnen": voices
        if _previous(tokens, position) == "der" and _previous(tokens, position - 1) == "in":
            return False  # "mit Bitterkeit in der Stimme": a voice
        if _previous(tokens, position) == "den" and _previous(tokens, position - 1) == "mit":
            return True  # "mit den Stimmen von SPÖ und Grünen beschlossen"
        return _sentence_is_about_votes(tokens, position)
    if entry.term == "Beschuss" and _previous(tokens, position) == "unter":
        # "die Behörde steht unter Beschuss": under fire from critics, unless its sentence is
        # about war ("die Stadt liegt unter Beschuss der Armee")
        return _sentence_matches(tokens, position, _WAR_CONTEXT)
    if entry.term == "Mehrheit" and _next(tokens, position) in ("der", "des"):
        return _is_political_majority(tokens, position)
    if term in _TAKING_SIDES and word.startswith("Partei"):
        return not _next(tokens, position).startswith("ergr")
    if term in _WAR_METAPHORS and entry.source == "glossary":
        return article.war
    if term == "pirat" and entry.source == "glossary":
        return article.pirate_party
    if term == "jamaika" and entry.source == "glossary" and word == "Jamaika":
        return article.party_politics  # the island elsewhere
    if term == "ampel" and entry.source == "glossary" and word.startswith("Ampel"):
        return article.party_politics  # a food label's Ampel is no coalition
    return True


def _is_bare_form(entry: GlossaryEntry, word: str) -> bool:
    """An inflected form of the headword itself, not a compound built on it."""
    return "-" not in word and word[:4] == entry.term[:4] and len(word) <= len(entry.term) + 3


def _has_cue(term: str, tokens: Tokens, position: int, article: ArticleContext) -> bool:
    pattern, followers = _SENSE_CUES[term]
    if _next(tokens, position) in followers or _sentence_matches(tokens, position, pattern):
        return True
    if term == "Botschaft":
        return _previous(tokens, position).endswith(("sche", "schen"))
    return pattern is _LEGAL_CONTEXT and article.legal and not _is_a_course(tokens, position)


# Budget deficits, not shortcomings: "Staaten mit hohen Defiziten".
_PUBLIC_FINANCES = re.compile(
    r"(?i:haushalt|budget|etat|staat|schulden|verschuld|milliard|prozent|euro|maastricht|"
    r"wirtschaftsleistung|bip|defizitverfahren|stabilitätspakt|finanz)"
)


def _names_a_country(tokens: Tokens, position: int) -> bool:
    """ "die Zentralafrikanische Republik", "der Republik Nordmazedonien": part of a name."""
    before, after = _previous(tokens, position), _next(tokens, position)
    following = tokens.texts[position + 1] if after else ""
    if following[:1].isupper() and after not in _DETERMINERS:
        return True
    preceding = tokens.texts[position - 1] if before else ""
    return preceding[:1].isupper() and before.endswith(("e", "en"))


_FEMININE_DETERMINERS = frozenset({"die", "der", "eine", "einer", "zur", "diese", "dieser"})
_QUALITY_ENDINGS = ("isch", "ische", "ischen", "ischer", "isches", "liche", "lichen", "licher")


def _is_a_course(tokens: Tokens, position: int) -> bool:
    """ "am demokratischen Prozess", "die politischen Prozesse", "der Prozess der Ausarbeitung":
    a process, however much of the article is about courts."""
    if _previous(tokens, position).endswith(_QUALITY_ENDINGS):
        return True
    following = tokens.texts[position + 2] if position + 2 < len(tokens) else ""
    return _next(tokens, position) in ("der", "des") and following.endswith(("ung", "ungen"))


_LOSING = frozenset({"verlor", "verloren", "verliert", "verlieren", "verlöre"})
_ABSTRACT_ENDINGS = ("heit", "keit", "würde", "ie", "ung", "ität", "recht", "rechte", "freiheit")


def _attacks_an_idea(tokens: Tokens, position: int) -> bool:
    """ "Angriff auf die Menschenwürde": the thing attacked is an idea, not a place."""
    if _next(tokens, position) != "auf" or position + 3 >= len(tokens):
        return False
    target = tokens.texts[position + 3] if tokens.texts[position + 2] in _ARTICLES else ""
    return target.casefold().endswith(_ABSTRACT_ENDINGS)


_ARTICLES = frozenset({"die", "den", "das", "unsere", "unseren", "unser", "seine", "ihre"})
_CHOICE_BEFORE = (
    "ihrer",
    "seiner",
    "meiner",
    "deiner",
    "unserer",
    "eurer",
    "eigener",
    "freier",
    "keine",
    "erste",
    "erster",
    "zweite",
    "zweiter",
    "freie",
    "freien",
    "qual",
)
_CHOICE_AFTER = ("haben", "hat", "hatte", "hatten", "lassen", "gelassen", "zwischen")
_AROUND = frozenset({"vor", "nach", "seit", "bei"})  # "vor der Wahl", "seit der Wahl"


def _is_choice(tokens: Tokens, position: int) -> bool:
    """ "… ihrer Wahl", "keine Wahl", "die Wahl zwischen": a choice; "vor der Wahl hat sie …"
    is a time before an election."""
    following = _next(tokens, position)
    if _previous(tokens, position) == "der" and _previous(tokens, position - 1) in _AROUND:
        return following == "zwischen"  # "vor der Wahl zwischen zwei Übeln stehen"
    return _previous(tokens, position) in _CHOICE_BEFORE or following in _CHOICE_AFTER


def _federal_context(text: str, start: int, end: int) -> bool:
    """A federal cue elsewhere in the paragraph (the word itself does not count)."""
    return any(
        not (match.start() <= start < match.end()) and not (start <= match.start() < end)
        for match in _FEDERAL_CONTEXT.finditer(text)
    )


_DIRECTIONS = frozenset({"links", "rechts", "grün"})
# What a political left, right or green stands before: "linke Parteien", "die rechte Szene",
# "eine grüne Ministerin", "grüne Politik".
_POLITICAL_AFTER_DIRECTION = re.compile(
    r"(?i:partei|politik|regierung|koalition|fraktion|abgeordnet|minister|wähler|kandidat|"
    r"bürgermeister|senator|szene|lager|flügel|spektrum|ränder?$|rand$|kreise|gruppe|milieu|"
    r"aktivist|netzwerk|ideolog|hetze|parole|gewalt|terror|kräfte|opposition|bewegung|"
    r"mehrheit|populist|extremist|regime|basis|jugend|spitze|vorsitz|verband|politiker|"
    r"landesverband|bundesverband|positionen|agenda|senat|stadtrat|gemeinderat|landesrat|"
    r"bundesrat|nationalrat|ständerat|kanzler|präsident|chef|anhänger|mitglied|sozialdemokrat|"
    r"liberal|konservativ|intellektuell|denker|publizist|splitter|bündnis|liste|bewerber|"
    r"wortführer)"
)


def _is_political_direction(tokens: Tokens, position: int) -> bool:
    """ "linke Parteien", "grüne Ministerin", "politisch rechts": a side of politics, not a
    hand, a lane or a colour."""
    if _previous(tokens, position).startswith("politisch") or _names_two_parties(tokens, position):
        return True
    following = _next(tokens, position)
    if following == "der" and position + 2 < len(tokens):
        return tokens.texts[position + 2] == "Mitte"  # "links der Mitte"
    return bool(following) and (
        _POLITICAL_AFTER_DIRECTION.match(following) is not None
        or _OFFICE_HEADS.search(following) is not None  # "eine grüne Klimaschutzministerin"
    )


_PARTY_COLOURS = frozenset({"schwarz", "rot", "blau", "türkis", "pink"})
# Every colour that stands for a party, green (a side of politics, above) included.
PARTY_COLOUR_WORDS = _PARTY_COLOURS | {"grün"}
# What a party's colour stands before: "eine schwarze Landesregierung", "rote Bürgermeister";
# not "schwarze Zahlen", "die rote Linie", "eine schwarze Liste", "blaue Augen".
_POLITICAL_AFTER_COLOUR = re.compile(
    r"(?i:partei|regierung|koalition|fraktion|abgeordnet|minister|wähler|kandidat|landeshaupt|"
    r"bürgermeister|landesrat|landesrät|stadtrat|gemeinderat|kanzler|präsident|politiker|"
    r"mehrheit|hochburg|stammwähler|basis|spitze|vorsitz|bundesland|länder|land$|regierte|"
    r"ressort|klub|funktionär|lager|erdrutsch|wahlsieg|sieg|triumph|zugewinn|welle|"
    r"ergebnis|handschrift|gemeinde|stadt|bezirk|bewerber|wortführer|dominiert|geführt)"
)
# "Salzburg wurde wieder schwarz": a state or a town goes to a party at an election.
_BECOMING = frozenset({"wurde", "wird", "werden", "wurden", "bleibt", "blieb", "bleiben", "ist"})


# Offices and bodies as the head of a compound after a colour: "die erste rote Justizministerin".
_OFFICE_HEADS = re.compile(
    r"(?i:minister|ministerin|kanzler|kanzlerin|präsident|präsidentin|bürgermeister|"
    r"bürgermeisterin|abgeordnete|abgeordneten|politiker|politikerin|regierung|partei|fraktion|"
    r"landesrat|landesrätin|stadtrat|stadträtin)$"
)


# What a sentence naming parties by their colours is about: "Türkis und Grün regieren".
_PARTIES_AT_WORK = re.compile(
    rf"{_ELECTION_CONTEXT.pattern}|(?i:regier|koalition|opposition|mehrheit|verhandl)"
)


def _colours_before_a_noun(tokens: Tokens, position: int) -> bool:
    """ "der blauen und grünen Opposition": two colours before one political noun."""
    if _next(tokens, position) not in ("und", "oder") or position + 3 >= len(tokens):
        return False
    noun = tokens.texts[position + 3]
    return tokens.sentences[position + 3] == tokens.sentences[position] and (
        _POLITICAL_AFTER_COLOUR.match(noun) is not None
        or _POLITICAL_AFTER_DIRECTION.match(noun) is not None
    )


def _names_two_parties(tokens: Tokens, position: int) -> bool:
    """ "würden Türkis und Rot gemeinsam regieren": colours as nouns beside each other name
    parties in a sentence about governing or elections; "Rot und Grün sind Farben" do not."""
    word = tokens.texts[position]
    if not word[:1].isupper() or "und" not in (
        _next(tokens, position),
        _previous(tokens, position),
    ):
        return False
    return _sentence_matches(tokens, position, _PARTIES_AT_WORK)


def _is_party_colour(tokens: Tokens, position: int) -> bool:
    """ "eine schwarze Landesregierung", "Kärnten bleibt rot" in a sentence about an election:
    a party's colour, not a colour."""
    following = _next(tokens, position)
    if following and (_POLITICAL_AFTER_COLOUR.match(following) or _OFFICE_HEADS.search(following)):
        return True
    word = tokens.texts[position]
    if word[:1].isupper() and _previous(tokens, position) in _DETERMINERS:
        # "die Roten verloren": the party, in a sentence about an election; not the Rote Kreuz
        if following[:1].isupper():
            return False
        return _sentence_matches(tokens, position, _ELECTION_CONTEXT)
    if _names_two_parties(tokens, position) or _colours_before_a_noun(tokens, position):
        return True
    sentence = tokens.sentences[position]
    before = range(max(0, position - 3), position)  # "wurde Salzburg wieder schwarz"
    becomes = any(
        tokens.texts[index] in _BECOMING and tokens.sentences[index] == sentence for index in before
    )
    return becomes and _sentence_matches(tokens, position, _ELECTION_CONTEXT)


# What is decided by a majority: "mehrheitlich angenommen", "mehrheitlich für den Antrag",
# "ein mehrheitlich staatliches Unternehmen"; not "mehrheitlich albanisch bewohnt".
_DECIDED = re.compile(
    r"(?i:angenommen|beschlossen|abgelehnt|gewählt|zugestimmt|gebilligt|entschieden|votiert|"
    r"verabschiedet|verworfen|gutgeheissen|gutgeheißen|genehmigt|für|gegen|dafür|dagegen|"
    r"staatlich|öffentlich|stimmt|stimmten|beschloss|beschlossen|lehnt|lehnte)"
)


def _is_majority_decision(tokens: Tokens, position: int) -> bool:
    """ "Der Antrag wurde mehrheitlich angenommen": a decision by majority, within the next
    few words of the sentence."""
    sentence = tokens.sentences[position]
    following = range(position + 1, min(len(tokens), position + 5))
    return any(
        tokens.sentences[index] == sentence and _DECIDED.fullmatch(tokens.texts[index])
        for index in following
    )


# What is done "konservativ" when it means cautiously: gerechnet, geschätzt, geplant …
_RECKONING = (
    "gerechnet", "geschätzt", "kalkuliert", "geplant", "budgetiert", "angesetzt", "veranschlagt",
    "rechnen", "schätzen", "kalkulieren", "planen", "bewertet", "prognostiziert",
)  # fmt: skip


def _is_countryside(tokens: Tokens, position: int) -> bool:
    """ "auf dem Land", "aufs Land": the countryside, not a state."""
    previous = _previous(tokens, position)
    before = tokens.texts[position - 2] if position >= 2 else ""
    return previous == "aufs" or (previous == "dem" and before == "auf")


def _is_party_mitte(tokens: Tokens, position: int) -> bool:
    """ "Die Mitte gewinnt zwei Sitze": the party; "in der Mitte", "links der Mitte", "die Mitte
    der Gesellschaft" are the middle."""
    if _previous(tokens, position) in ("der", "links", "rechts", "politische", "politischen"):
        return False
    if _next(tokens, position) in ("der", "des", "zwischen"):
        return False
    return _sentence_matches(tokens, position, _PARTY_CONTEXT)


def is_war_metaphor(term: str) -> bool:
    """Whether a headword is a war word often used as a metaphor (Front, Kampf, Munition)."""
    return term.casefold() in _WAR_METAPHORS


def _is_right_to_vote(tokens: Tokens, position: int) -> bool:
    """ "das Recht zu wählen", "das Recht, zu wählen": voting."""
    before = [tokens.texts[number].casefold() for number in range(max(0, position - 2), position)]
    return before[-1:] == ["zu"] and "recht" in before


def _is_coordination(tokens: Tokens, position: int) -> bool:
    following = _next(tokens, position)
    if following in ("zwischen", "untereinander"):
        return True
    if tokens.texts[position].endswith("en"):
        return False  # "in Abstimmungen" are votes: "in Abstimmung mit" is singular
    return _previous(tokens, position) in (
        "in",
        "nach",
        "ohne",
        "enger",
        "enge",
        "guter",
    )


_VOTE_CONTEXT = re.compile(
    r"\d|(?i:prozent|wahl|wähl|mehrheit|abgegeben|gültig|erhielt|erhalten|bekam|gewann|gewonnen|"
    r"verlor|verloren|holte|geholt|stimmzettel|auszählung|zählt|enthalt|sitzverteilung|mandat|"
    r"koalition|fraktion|abgeordnet|parlament|partei|fehlt|entscheidend)"
)


_MOVEMENT_CONTEXT = re.compile(
    r"(?i:protest|aktivist|demonstr|partei|anhänger|gründ|mitglied|kampagne|klima|friede|"
    r"widerstand|rechte|linke|politisch|sozial|ökolog|feminist|national|revolution|bürgerrecht|"
    r"unabhängigkeit|befreiung|populist|extrem|radikal|bewegt)"
)
_EXIT_CONTEXT = re.compile(
    r"(?i:kohle|atom|kernkraft|kernenergie|verbrenn|fossil|gas|öl|abkommen|vertrag|eu\b|euro|"
    r"nato|union|bündnis|koalition|regierung|partei|programm|energie|klima)"
)
_CANDIDACY_CONTEXT = re.compile(
    r"(?i:wahl|wähl|kandid|liste|partei|mandat|amt\b|amts|ämter|regierung|präsident|minister|"
    r"kanzler|bürgermeister|gouverneur|parlament|sitz)"
)


# Adjectives before Stimmen that make them voices, not votes.
_VOICES_BEFORE = (
    "prominent", "kritisch", "warnend", "mahnend", "laut", "leise", "vereinzelt", "besonnen",
    "skeptisch", "einflussreich", "gewichtig", "namhaft", "ander", "viele", "einige",
)  # fmt: skip
# What a political majority is a majority of: "die Mehrheit der Abgeordneten, der Stimmen".
_MAJORITY_OF = re.compile(
    r"(?i:abgeordnet|stimme|sitz|mandat|delegiert|mitglied|länder|staaten|fraktion|wähler|"
    r"partei|senator|kantone|parlament|bundestag|nationalrat|kammer|ausschuss|rat\b|räte|"
    r"\w*richter)"
)
# Words between "der" and the noun a majority is of: "der übrigen 13 Richter".
_MOST_WORDS_BEFORE_THE_NOUN = 3


def _is_political_majority(tokens: Tokens, position: int) -> bool:
    """ "die Mehrheit der (übrigen 13) Abgeordneten, Richter" is one that votes; "die große
    Mehrheit der Beschäftigten" is most of them."""
    first = position + 2
    for following in tokens.texts[first : first + _MOST_WORDS_BEFORE_THE_NOUN + 1]:
        if following[:1].isupper():
            return _MAJORITY_OF.match(following) is not None
    return False


def _sentence_is_about_votes(tokens: Tokens, position: int) -> bool:
    return _sentence_matches(tokens, position, _VOTE_CONTEXT)


def _sentence_matches(tokens: Tokens, position: int, pattern: re.Pattern[str]) -> bool:
    """Whether another word of the sentence of the word at `position` matches `pattern`."""
    sentence = tokens.sentences[position]
    return any(
        pattern.search(tokens.texts[index])
        for index in range(len(tokens))
        if tokens.sentences[index] == sentence and index != position
    )


def _in_sentence(tokens: Tokens, position: int, words: frozenset[str]) -> bool:
    """Whether one of `words` stands in the sentence of the word at `position`."""
    sentence = tokens.sentences[position]
    first = last = position
    while first > 0 and tokens.sentences[first - 1] == sentence:
        first -= 1
    while last + 1 < len(tokens) and tokens.sentences[last + 1] == sentence:
        last += 1
    return any(tokens.texts[index].casefold() in words for index in range(first, last + 1))


_ROMAN_NUMERAL = re.compile(r"[IVXLC]{1,5}")


def _is_a_number(text: str, tokens: Tokens, position: int) -> bool:
    """ "IV." numbering a chapter, "Karl IV", "Hartz IV": a Roman numeral, not the Swiss IV."""
    end = tokens.ends[position]
    if text[end : end + 1] == ".":
        return True
    previous = tokens.texts[position - 1] if position > 0 else ""
    if not previous[:1].isupper() or previous.casefold() in _DETERMINERS:
        return False
    return text[tokens.ends[position - 1] : tokens.starts[position]] == " "


_DETERMINERS = frozenset({"der", "die", "das", "des", "dem", "den", "eine", "ein", "einer"})


def _previous(tokens: Tokens, position: int) -> str:
    if position == 0 or tokens.sentences[position - 1] != tokens.sentences[position]:
        return ""
    return tokens.texts[position - 1].casefold()


def _next(tokens: Tokens, position: int) -> str:
    following = position + 1
    if following >= len(tokens) or tokens.sentences[following] != tokens.sentences[position]:
        return ""
    return tokens.texts[following].casefold()
