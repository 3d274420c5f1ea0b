"""An article's analysis as one typed result (`reader.analysis`), without a window."""

from __future__ import annotations

import pytest

from reader import glossary, readability
from reader.analysis import analyze_article
from reader.document import Document, Source
from reader.glossary import TermMatch

LONG = (
    "Der Bundestag hat am Donnerstag nach einer langen und sehr kontroversen Debatte über den "
    "Haushalt des kommenden Jahres mit den Stimmen der Koalition und gegen die Stimmen der "
    "Opposition einen Beschluss gefasst, der die Schuldenbremse betrifft."
)
DOCUMENT = Document(
    title=None,
    source=Source(path=None, format="stdin"),
    paragraphs=("Der Bundestag tagt. Die EU verhängt Sanktionen.", LONG),
)


def test_the_analysis_has_terms_figures_and_sentences() -> None:
    analysis = analyze_article(DOCUMENT)
    assert "Bundestag" in [match.entry.term for match in analysis.terms]
    assert analysis.readability is not None and analysis.readability.counts.sentences == 3
    first = DOCUMENT.paragraphs[0]
    assert [first[start:end] for start, end in analysis.sentences[0]] == [
        "Der Bundestag tagt.",
        "Die EU verhängt Sanktionen.",
    ]
    assert analysis.long_sentences == ((), ((0, len(LONG)),))
    assert analysis.problems == ()


def test_the_terms_are_handed_over_before_the_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    happened: list[str] = []
    report = readability.report

    def counted_report(document: Document) -> readability.ReadabilityReport:
        happened.append("figures")
        return report(document)

    def terms_found(terms: list[TermMatch]) -> None:
        happened.append(f"{len(terms)} terms")

    monkeypatch.setattr(readability, "report", counted_report)
    analysis = analyze_article(DOCUMENT, terms_found=terms_found)
    assert happened == [f"{len(analysis.terms)} terms", "figures"]


def broken(document: Document) -> object:
    raise RuntimeError("data missing")


@pytest.mark.parametrize(("module", "name"), [(glossary, "find_terms"), (readability, "report")])
def test_without_keep_going_a_failure_is_raised(
    monkeypatch: pytest.MonkeyPatch, module: object, name: str
) -> None:
    monkeypatch.setattr(module, name, broken)
    with pytest.raises(RuntimeError, match="data missing"):
        analyze_article(DOCUMENT)


@pytest.mark.logs_errors
def test_with_keep_going_the_other_part_is_still_computed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(glossary, "find_terms", broken)
    found: list[list[TermMatch]] = []
    analysis = analyze_article(DOCUMENT, terms_found=found.append, keep_going=True)
    assert found == [[]] and analysis.terms == []
    assert analysis.readability is not None
    assert analysis.problems == ("glossary: data missing",)

    monkeypatch.undo()
    monkeypatch.setattr(readability, "report", broken)
    analysis = analyze_article(DOCUMENT, keep_going=True)
    assert analysis.terms and analysis.readability is None
    assert analysis.long_sentences == ((), ())
    assert analysis.problems == ("readability: data missing",)
