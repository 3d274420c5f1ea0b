"""The glossary on real news pages annotated by hand (see tests/real_articles.py).

The pages are not ours to commit, so these tests run where ../shared/corpus is present (as on the
developers' machines and in CI) and are skipped elsewhere. The floors guard against regressions;
`make bench` prints the figures themselves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import real_articles as real

pytestmark = pytest.mark.skipif(not real.available(), reason="../shared/corpus is not here")

MIN_RECALL = 0.85
MIN_PRECISION = 0.95


@pytest.fixture(scope="module")
def scores() -> dict[str, tuple[real.RealArticle, real.Score]]:
    return real.score_all()


def test_there_are_ten_german_and_some_austrian_and_swiss_articles(
    scores: dict[str, tuple[real.RealArticle, real.Score]],
) -> None:
    countries = [article.country for article, _ in scores.values()]
    assert countries.count("DE") >= 10
    assert countries.count("AT") >= 5 and countries.count("CH") >= 3


def test_every_annotated_term_stands_in_its_page() -> None:
    for article in real.load_articles():
        _, lost = real.term_spans(article)
        assert lost == [], article.name


def test_recall_and_precision_do_not_fall(
    scores: dict[str, tuple[real.RealArticle, real.Score]],
) -> None:
    total = real.Score()
    for _, score in scores.values():
        total.add(score)
    print(f"real articles: recall {total.recall:.1%}, precision {total.precision:.1%}")
    assert total.recall >= MIN_RECALL
    assert total.precision >= MIN_PRECISION


def test_the_scoring_itself() -> None:
    article = real.RealArticle(
        name="tiny",
        country="DE",
        origin="",
        paragraphs=["Der Rat tagt. Ein Vorrat. Der Rat schweigt. Das Land."],
        terms=["Rat", "Rat"],
        not_terms=["Vorrat", "Land"],
        borderline=[],
    )
    perfect = real.score(article, [(0, 4, 7), (0, 30, 33)])
    assert (perfect.recall, perfect.precision, perfect.look_alikes) == (1.0, 1.0, [])
    sloppy = real.score(article, [(0, 4, 7), (0, 18, 24), (0, 47, 51)])
    assert (sloppy.recall, sloppy.precision) == (0.5, 1 / 3)
    assert sloppy.missed == ["Rat"] and sloppy.look_alikes == ["Vorrat", "Land"]


def test_a_held_out_text_file_beside_its_annotation_is_scored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "note.txt").write_text(
        "Der Bundestag tagt.\n\nDie Sängerin hat eine schöne Stimme.\n", encoding="utf-8"
    )
    (tmp_path / "note.terms.toml").write_text(
        'page = "note.txt"\ncountry = "DE"\nterms = ["Bundestag"]\nnot_terms = ["Stimme"]\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(real, "ANNOTATIONS", tmp_path)
    (article,) = real.load_articles()
    assert article.paragraphs == ["Der Bundestag tagt.", "Die Sängerin hat eine schöne Stimme."]
    score = real.score(article, real.glossary_marks(article.paragraphs))
    assert (score.recall, score.precision, score.look_alikes) == (1.0, 1.0, [])
