"""Readability speed against textstat's two German formulas on the same text, same process.

Goals (issue 3): the whole analysis (readability + glossary) of a 1 MB text in no more time than
textstat's `flesch_reading_ease` + `wiener_sachtextformel` alone; a 3 KB article under 50 ms warm.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

from reader import readability
from reader.document import Document, Source
from tests.syllable_words import SYLLABLE_WORDS

ARTICLE_BYTES = 3_000
LARGE_BYTES = 1_000_000
WARM_RUNS = 20

_OPENINGS = [
    "Am 3. Oktober",
    "Im 19. Jahrhundert",
    "Nach Angaben des Ministeriums",
    "Laut Dr. Keller vom Institut",
    "Seit dem 1.1.2026",
    "In der Hauptstadt",
    "Trotz scharfer Kritik",
    "Wie Prof. Yilmaz betont,",
    "Vor der Abstimmung",
    "Bereits im Frühjahr",
]
_SUBJECTS = [
    "die Bundesregierung",
    "der Bundestag",
    "die Opposition",
    "eine Mehrheit der Abgeordneten",
    "die Europäische Kommission",
    "der US-Präsident",
    "die Gewerkschaften",
    "das Verfassungsgericht",
    "die Landesregierung",
    "ein Sprecher der Koalition",
]
_VERBS = [
    "beschloss",
    "kritisierte",
    "verteidigte",
    "verschob",
    "prüfte",
    "bremste",
    "stoppte",
    "unterstützte",
]
# Compound parts and adjectives give the large text a realistic spread of distinct words: a
# newspaper year has tens of thousands of word forms, most of them rare.
_FIRST_PARTS = """Haushalts Renten Klima Sicherheits Energie Verkehrs Bildungs Gesundheits Wohnungs
    Steuer Arbeits Migrations Verteidigungs Handels Landwirtschafts Digital Forschungs Kinder
    Familien Umwelt Wasser Strom Gas Bahn Schul Hochschul Kranken Pflege Grenz Zoll""".split()
_SECOND_PARTS = """reform gesetz paket strategie abkommen debatte politik plan streit gipfel
    ministerium ausschuss bericht kommission konferenz vorlage novelle verordnung richtlinie
    behörde haushalt fonds programm initiative krise wende markt""".split()
_ADJECTIVES = """neu umstritten geplant europäisch digital sozial knapp langfristig kurzfristig
    wirtschaftlich politisch öffentlich gemeinsam notwendig ehrgeizig vorsichtig""".split()
_PLURAL_DATIVES = ["Argumenten", "Zahlen", "Plänen", "Forderungen", "Vorschlägen", "Zielen"]
_ENDINGS = [
    "mit knapper Mehrheit.",
    "nach langen Verhandlungen.",
    "– z. B. wegen der hohen Kosten von ca. 2,5 Milliarden Euro.",
    "und verwies auf Art. 3 Abs. 2 des Grundgesetzes.",
    "ohne Zustimmung der Länder.",
    "bzw. kündigte Änderungen an.",
    "mit Blick auf die Wahlen im nächsten Jahr.",
]
_SHORT_SENTENCES = [
    "Das ist neu.",
    "Kritik kam prompt.",
    "Warum?",
    "„Wir handeln jetzt“, sagte die Ministerin.",
    "Die Börse reagierte gelassen.",
    "Viele Ideen bleiben offen.",
]


def build_text(size: int, seed: int) -> str:
    """Varied German sentences (news style, with abbreviations and dates) of about `size` bytes,
    in paragraphs of five to nine sentences."""
    chooser = random.Random(seed)
    paragraphs: list[str] = []
    length = 0
    while length < size:
        sentences = []
        for _ in range(chooser.randint(5, 9)):
            if chooser.random() < 0.2:
                sentences.append(chooser.choice(_SHORT_SENTENCES))
                continue
            compound = "".join(
                chooser.choice(_FIRST_PARTS) for _ in range(chooser.randint(1, 2))
            ) + chooser.choice(_SECOND_PARTS)
            word, _ = chooser.choice(SYLLABLE_WORDS)
            sentences.append(
                f"{chooser.choice(_OPENINGS)} {chooser.choice(_VERBS)} "
                f"{chooser.choice(_SUBJECTS)} das Vorhaben „{compound.capitalize()}“ mit "
                f"{chooser.choice(_ADJECTIVES)}en {chooser.choice(_PLURAL_DATIVES)} zum Thema "
                f"„{word}“ {chooser.choice(_ENDINGS)}"
            )
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        length += len(paragraph.encode()) + 2
    return "\n\n".join(paragraphs)


def document_of(text: str) -> Document:
    return Document(
        title=None, source=Source(Path("bench.txt"), "txt"), paragraphs=tuple(text.split("\n\n"))
    )


def glossary_report(document: Document) -> object:
    """The glossary part of the analysis, as `reader analyze --json` prints it."""
    from reader import glossary
    from reader.commands.json_output import terms_json

    return terms_json(glossary.find_terms(document))


def full_analysis(document: Document) -> object:
    """What `reader analyze` computes: the glossary terms, readability and sentences."""
    from reader.analysis import analyze_article

    return analyze_article(document)


def seconds(action: Callable[[], object], runs: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(runs):
        action()
    return (time.perf_counter() - start) / runs


def main() -> None:
    import textstat

    textstat.set_lang("de_DE")  # before any other call: en_US would try to download cmudict

    def textstat_formulas(text: str) -> None:
        textstat.flesch_reading_ease(text)
        textstat.wiener_sachtextformel(text, 1)

    warm_up = build_text(5_000, seed=0)
    full_analysis(document_of(warm_up))  # loads simplemma, wordfreq and the glossary once
    textstat_formulas(warm_up)  # loads pyphen's German dictionary once

    article = build_text(ARTICLE_BYTES, seed=1)
    article_document = document_of(article)
    ours = seconds(lambda: full_analysis(article_document), WARM_RUNS)
    # textstat caches whole-text results, so each run gets a text it has not seen (extra spaces)
    runs = iter(range(1, WARM_RUNS + 1))
    theirs = seconds(lambda: textstat_formulas(article + " " * next(runs)), WARM_RUNS)
    print(
        f"3 KB article, warm: reader {ours * 1000:.1f} ms, textstat {theirs * 1000:.1f} ms, "
        f"ratio {ours / theirs:.2f} (goal: reader < 50 ms)"
    )

    large = build_text(LARGE_BYTES, seed=2)
    large_document = document_of(large)
    readability_seconds = seconds(lambda: readability.report(large_document))
    glossary_seconds = seconds(lambda: glossary_report(large_document))
    ours = readability_seconds + glossary_seconds
    theirs = seconds(lambda: textstat_formulas(large))
    print(
        f"1 MB text ({len(large.encode()) / 1e6:.2f} MB): reader {ours:.2f} s = readability "
        f"{readability_seconds:.2f} s + glossary {glossary_seconds:.2f} s; textstat {theirs:.2f} s "
        f"(flesch_reading_ease + wiener_sachtextformel); ratio {ours / theirs:.2f} (goal ≤ 1), "
        f"readability alone {readability_seconds / theirs:.2f}"
    )

    total = len(SYLLABLE_WORDS)
    ours_exact = sum(readability.count_syllables(w) == n for w, n in SYLLABLE_WORDS) / total
    theirs_exact = sum(textstat.syllable_count(w) == n for w, n in SYLLABLE_WORDS) / total
    print(f"syllables exact on {total} words: reader {ours_exact:.1%}, textstat {theirs_exact:.1%}")


if __name__ == "__main__":
    main()
