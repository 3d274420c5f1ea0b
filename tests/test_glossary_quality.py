"""Recall and precision of term matching on annotated German articles.

Each article in tests/fixtures/articles/ is `NAME.de.md` with `NAME.terms.toml`: `terms` are
the surface strings a learner would look up as political terms, `not_terms` look-alikes planted
on purpose. Targets (issue 4): ≥ 95 % of annotated term occurrences overlapped by a mark,
≥ 90 % of marks on annotated terms, no look-alike marked. Run with `-s` to see the figures.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.document import Document, Source
from reader.glossary import find_in_text, find_terms

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
MIN_RECALL = 0.95
MIN_PRECISION = 0.95  # the issue's target for the written articles

Span = tuple[int, int, int]  # paragraph, start, end


@dataclass(frozen=True)
class AnnotatedArticle:
    name: str
    paragraphs: tuple[str, ...]
    terms: tuple[str, ...]
    not_terms: tuple[str, ...]


@dataclass(frozen=True)
class Quality:
    recall: float
    precision: float
    missed: list[str]
    unannotated_marks: list[str]
    marked_look_alikes: list[str]

    def line(self, name: str) -> str:
        return (
            f"{name:32} recall {self.recall:6.1%}  precision {self.precision:6.1%}"
            f"  missed {self.missed}  unannotated {self.unannotated_marks}"
            f"  look-alikes {self.marked_look_alikes}"
        )


def annotated_articles() -> list[AnnotatedArticle]:
    articles = []
    for text_path in sorted(ARTICLES.glob("*.de.md")):
        terms_path = text_path.with_name(text_path.name.replace(".de.md", ".terms.toml"))
        if not terms_path.exists():
            continue
        with terms_path.open("rb") as handle:
            annotations = tomllib.load(handle)
        text = text_path.read_text(encoding="utf-8")
        paragraphs = tuple(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())
        if paragraphs and paragraphs[0].startswith("# "):
            paragraphs = paragraphs[1:]  # the title is not annotated
        articles.append(
            AnnotatedArticle(
                name=text_path.name.removesuffix(".de.md"),
                paragraphs=paragraphs,
                terms=tuple(annotations.get("terms", ())),
                not_terms=tuple(annotations.get("not_terms", ())),
            )
        )
    return articles


def occurrences(paragraphs: tuple[str, ...], surfaces: tuple[str, ...]) -> list[Span]:
    """Every place a surface string stands as a whole word (or word group)."""
    spans: set[Span] = set()
    for surface in set(surfaces):
        pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
        for number, paragraph in enumerate(paragraphs):
            spans.update((number, m.start(), m.end()) for m in pattern.finditer(paragraph))
    return sorted(spans)


def overlaps(span: Span, others: list[Span]) -> bool:
    return any(span[0] == o[0] and span[1] < o[2] and o[1] < span[2] for o in others)


def measure(article: AnnotatedArticle, marks: list[Span]) -> Quality:
    terms = occurrences(article.paragraphs, article.terms)
    look_alikes = [
        span
        for span in occurrences(article.paragraphs, article.not_terms)
        if not overlaps(span, terms)
    ]

    def text(span: Span) -> str:
        return article.paragraphs[span[0]][span[1] : span[2]]

    found = [span for span in terms if overlaps(span, marks)]
    correct = [mark for mark in marks if overlaps(mark, terms)]
    return Quality(
        recall=len(found) / len(terms) if terms else 1.0,
        precision=len(correct) / len(marks) if marks else 1.0,
        missed=[text(span) for span in terms if span not in found],
        unannotated_marks=[text(mark) for mark in marks if mark not in correct],
        marked_look_alikes=[text(span) for span in look_alikes if overlaps(span, marks)],
    )


def marks_in(article: AnnotatedArticle) -> list[Span]:
    document = Document(None, Source(None, "md"), article.paragraphs)
    return [
        (o.paragraph, o.start, o.end) for match in find_terms(document) for o in match.occurrences
    ]


ARTICLE_LIST = annotated_articles()


def test_there_are_enough_annotated_articles() -> None:
    assert len(ARTICLE_LIST) >= 4
    for article in ARTICLE_LIST:
        assert article.terms, article.name
        assert occurrences(article.paragraphs, article.terms), article.name


@pytest.mark.parametrize("article", ARTICLE_LIST, ids=lambda article: article.name)
def test_terms_are_found_and_look_alikes_are_not(article: AnnotatedArticle) -> None:
    quality = measure(article, marks_in(article))
    print(quality.line(article.name))
    assert quality.marked_look_alikes == []
    assert quality.recall >= MIN_RECALL, quality.line(article.name)
    assert quality.precision >= MIN_PRECISION, quality.line(article.name)


def test_the_measure_itself() -> None:
    article = AnnotatedArticle(
        name="tiny",
        paragraphs=("Der Rat tagt. Ein Vorrat. Der Rat.",),
        terms=("Rat",),
        not_terms=("Vorrat",),
    )
    perfect = measure(article, [(0, 4, 7), (0, 30, 33)])
    assert (perfect.recall, perfect.precision, perfect.missed) == (1.0, 1.0, [])
    sloppy = measure(article, [(0, 4, 7), (0, 18, 24)])
    assert sloppy.recall == 0.5 and sloppy.precision == 0.5
    assert sloppy.missed == ["Rat"] and sloppy.marked_look_alikes == ["Vorrat"]


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Die Sanktionen wirken.", "Sanktionen"),
        ("Die Höhe der Zölle steigt, sagt die EU.", "Zölle"),
        ("Der Text des Abkommens liegt vor.", "Abkommens"),
        ("Er sprach mit den Staaten Asiens.", "Staaten"),
        ("Sie sprach mit zwei Abgeordneten.", "Abgeordneten"),
        ("Die Ministerinnen reisten ab.", "Ministerinnen"),
        ("Es drohen Sekundärsanktionen.", "Sekundärsanktionen"),
        ("Die EU plant Gegenzölle.", "Gegenzölle"),
        ("Der Haushaltsausschuss tagt.", "Haushaltsausschuss"),
        ("Der US-Präsident reist.", "US-Präsident"),
        ("Der Nato-Gipfel beginnt.", "Nato-Gipfel"),
        ("Der Ukraine-Krieg dauert an.", "Ukraine-Krieg"),
        ("Er arbeitet im Weißen Haus.", "Weißen Haus"),
        ("Ein Plan der Europäischen Kommission.", "Europäischen Kommission"),
        ("Sie hat die absolute Mehrheit.", "absolute Mehrheit"),
        ("Das Gesetz ist in Kraft getreten.", "in Kraft getreten"),
        ("Das Gesetz trat in Kraft.", "trat in Kraft"),
        ("Nun folgt die zweite Lesung.", "zweite Lesung"),
        ("Das BVerfG entschied.", "BVerfG"),
        ("Die GroKo hält.", "GroKo"),
        ("Die AfD verliert.", "AfD"),
        ("Die CDU/CSU gewinnt.", "CDU/CSU"),
        ("Die SPD verliert.", "SPD"),
        ("Die EU handelt.", "EU"),
        ("Die UN warnen.", "UN"),
        ("Die NATO übt.", "NATO"),
        ("Die Nato übt.", "Nato"),
    ],
)
def test_issue_examples_with_the_shipped_glossary(text: str, marked: str) -> None:
    """The issue's examples are marked (at least in part: "zweite Lesung" may be explained by
    the entry Lesung)."""
    start = text.index(marked)
    span = (0, start, start + len(marked))
    marks = [(0, match.start, match.end) for match in find_in_text(text)]
    assert overlaps(span, marks), marks


@pytest.mark.parametrize(
    "text",
    [
        "Der Vorrat reicht.",
        "Die Heirat war schön.",
        "Viel Zierrat hing dort.",
        "Der Berggipfel war weiß.",
        "Das Bankett begann.",
        "Die Zahlen stimmen nicht.",
        "Es stimmt.",
        "Gestaaten ist kein Wort.",
        "Das Hauptgericht war lecker.",
        "Er hielt das Steuerrad fest.",
        "Die Sängerin hat eine schöne Stimme.",
    ],
)
def test_issue_look_alikes_with_the_shipped_glossary(text: str) -> None:
    assert find_in_text(text) == []
